#include "export/digest.h"

#include "text/sentences.h"
#include "util/text.h"

namespace rehearse {

std::string FirstSentence(std::string_view text, size_t max_chars) {
  std::string_view t = Trim(text);
  if (t.empty()) return "";
  auto spans = SplitSentences(t, Span{0, t.size()});
  std::string_view first = spans.empty() ? t : t.substr(spans[0].start, spans[0].size());
  std::string out;
  for (std::string_view line : SplitLines(first)) {
    line = Trim(line);
    if (line.starts_with("- ") || line.starts_with("* ")) line.remove_prefix(2);
    if (line.empty()) continue;
    if (!out.empty()) out += ' ';
    out += line;
  }
  return Utf8Truncate(out, max_chars);
}

std::vector<CoverageCell> StoriesForValue(const ValueCoverage& value, size_t max) {
  std::vector<CoverageCell> out;
  for (const auto& c : value.stories) {
    if (c.tagged) out.push_back(c);
  }
  for (const auto& c : value.stories) {
    if (!c.tagged && c.score >= kStrongFit && out.size() < max) out.push_back(c);
  }
  return out;
}

const Story* FindStory(const std::vector<Story>& stories, std::string_view key) {
  for (const auto& s : stories) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

}  // namespace rehearse
