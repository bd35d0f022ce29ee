#include "practice/drill.h"

#include <algorithm>
#include <set>

#include "importer/metrics.h"

namespace rehearse {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::vector<std::string> Numbers(std::string_view text) {
  std::vector<std::string> out;
  for (size_t i = 0; i < text.size();) {
    if (!IsDigit(text[i])) {
      ++i;
      continue;
    }
    std::string n;
    // Digits with thousands commas and one decimal point: "1,200.5".
    while (i < text.size()) {
      char c = text[i];
      if (IsDigit(c)) {
        n += c;
      } else if ((c == ',' || c == '.') && i + 1 < text.size() && IsDigit(text[i + 1])) {
        if (c == '.') n += '.';
      } else {
        break;
      }
      ++i;
    }
    if (n.find('.') != std::string::npos) {
      while (n.back() == '0') n.pop_back();
      if (n.back() == '.') n.pop_back();
    }
    size_t lead = n.find_first_not_of('0');
    n = lead == std::string::npos ? "0" : (n[lead] == '.' ? n.substr(lead - 1) : n.substr(lead));
    out.push_back(n);
  }
  return out;
}

DrillResult CheckMetrics(const Story& story, const Catalog& catalog, std::string_view typed) {
  DrillResult r;
  r.story_key = story.key;
  r.title = story.title;
  std::vector<std::string> typed_numbers = Numbers(typed);
  std::set<std::string> have(typed_numbers.begin(), typed_numbers.end());
  std::set<std::string> quoted;
  int recalled = 0;
  for (const std::string& m : StoryMetrics(story, catalog)) {
    DrilledMetric d{m, Numbers(m), false};
    if (d.numbers.empty()) continue;  // "a dozen": nothing to type.
    d.recalled = std::all_of(d.numbers.begin(), d.numbers.end(), [&](const std::string& n) { return have.count(n); });
    recalled += d.recalled;
    quoted.insert(d.numbers.begin(), d.numbers.end());
    r.metrics.push_back(std::move(d));
  }
  for (const auto& n : typed_numbers) {
    if (!quoted.count(n) && std::find(r.stray.begin(), r.stray.end(), n) == r.stray.end()) r.stray.push_back(n);
  }
  r.score = r.metrics.empty() ? 0 : static_cast<int>(100 * recalled / static_cast<int>(r.metrics.size()));
  return r;
}

}  // namespace rehearse
