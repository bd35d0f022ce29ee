#include "model/company.h"

#include <algorithm>
#include <cctype>

#include "util/text.h"

namespace rehearse {
namespace {

bool IsSmallWord(std::string_view w) {
  static constexpr std::string_view kSmall[] = {"a", "an", "the", "and", "of", "on", "to", "be", "s"};
  return std::find(std::begin(kSmall), std::end(kSmall), w) != std::end(kSmall);
}

}  // namespace

std::vector<std::string> ValueSignature(std::string_view s) {
  std::vector<std::string> words;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty() && !IsSmallWord(cur)) words.push_back(cur);
    cur.clear();
  };
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (IsAsciiAlnum(u) || u >= 0x80) cur += AsciiLower(c);
    else if (c == '\'' || c == '-') continue;  // "Earth's" ~ "Earths", "Long-Term" ~ "LongTerm"
    else flush();
  }
  flush();
  std::sort(words.begin(), words.end());
  return words;
}

const CompanyValue* Company::FindValue(std::string_view written) const {
  const std::vector<std::string> candidates[] = {ValueSignature(written),
                                                 ValueSignature(StripParenthetical(written))};
  for (const auto& sig : candidates) {
    if (sig.empty()) continue;
    for (const auto& v : values) {
      if (!v.signatures.empty()) {
        if (std::find(v.signatures.begin(), v.signatures.end(), sig) != v.signatures.end()) return &v;
        continue;
      }
      if (ValueSignature(v.name) == sig) return &v;
      for (const auto& alias : v.aliases) {
        if (ValueSignature(alias) == sig) return &v;
      }
    }
  }
  return nullptr;
}

}  // namespace rehearse
