#include "importer/nicknames.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "text/terms.h"
#include "util/text.h"

namespace rehearse {
namespace {

constexpr double kMinShare = 0.5;
constexpr double kMinLead = 0.15;

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> terms = Terms(s);
  std::set<std::string> unique(terms.begin(), terms.end());
  return {unique.begin(), unique.end()};
}

}  // namespace

NicknameIndex::NicknameIndex(const std::vector<std::string>& titles) {
  for (const auto& t : titles) titles_.push_back(Words(t));
}

int NicknameIndex::Resolve(std::string_view nickname) const {
  std::string_view n = Trim(nickname);
  while (!n.empty() && (n.front() == '`' || n.front() == '*' || n.front() == '"')) n.remove_prefix(1);
  while (!n.empty() && (n.back() == '`' || n.back() == '*' || n.back() == '"')) n.remove_suffix(1);
  n = Trim(n);
  if (n.empty() || n.front() == '(' || n.front() == '[') return -1;
  std::vector<std::string> words = Words(n);
  if (words.empty() || titles_.empty()) return -1;
  std::map<std::string, int> df;
  for (const auto& t : titles_) {
    for (const auto& w : t) ++df[w];
  }
  double total = 0;
  std::vector<double> weight;
  for (const auto& w : words) {
    auto it = df.find(w);
    double idf = std::log(1.0 + static_cast<double>(titles_.size()) / (it == df.end() ? 1.0 : it->second));
    weight.push_back(idf);
    total += idf;
  }
  double best = 0, second = 0;
  int best_index = -1;
  for (size_t i = 0; i < titles_.size(); ++i) {
    double shared = 0;
    for (size_t k = 0; k < words.size(); ++k) {
      if (std::binary_search(titles_[i].begin(), titles_[i].end(), words[k])) shared += weight[k];
    }
    double share = shared / total;
    if (share > best) {
      second = best;
      best = share;
      best_index = static_cast<int>(i);
    } else if (share > second) {
      second = share;
    }
  }
  if (best < kMinShare || best - second < kMinLead) return -1;
  return best_index;
}

}  // namespace rehearse
