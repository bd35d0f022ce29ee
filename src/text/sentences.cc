#include "text/sentences.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "util/text.h"

namespace rehearse {
namespace {

bool IsAlnum(unsigned char c) { return IsAsciiAlnum(c) || c >= 0x80; }

// The word ending just before `pos` (for abbreviation checks), lowercased.
std::string WordBefore(std::string_view text, size_t pos) {
  size_t b = pos;
  while (b > 0 && (std::isalpha(static_cast<unsigned char>(text[b - 1])) || text[b - 1] == '.')) --b;
  return ToLower(text.substr(b, pos - b));
}

bool IsAbbreviation(const std::string& w) {
  static constexpr std::array<std::string_view, 12> kAbbr = {"e.g", "i.e", "vs", "etc", "mr", "ms", "dr", "approx", "incl", "no", "fig", "p"};
  return std::find(kAbbr.begin(), kAbbr.end(), w) != kAbbr.end();
}

// True when the line starting at `pos` begins a list item or is blank.
bool StartsBlock(std::string_view text, size_t pos) {
  size_t i = pos;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  if (i >= text.size() || text[i] == '\n') return true;
  char c = text[i];
  if ((c == '-' || c == '*' || c == '+') && i + 1 < text.size() && text[i + 1] == ' ') return true;
  if (std::isdigit(static_cast<unsigned char>(c))) {
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    return i + 1 < text.size() && (text[i] == '.' || text[i] == ')') && text[i + 1] == ' ';
  }
  return false;
}

void Push(std::vector<Span>& out, std::string_view text, size_t start, size_t end) {
  while (start < end && std::isspace(static_cast<unsigned char>(text[start]))) ++start;
  while (end > start && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  if (end > start) out.push_back({start, end});
}

}  // namespace

std::vector<Span> SplitSentences(std::string_view text, Span range) {
  std::vector<Span> out;
  size_t start = range.start;
  size_t end = std::min(range.end, text.size());
  for (size_t i = start; i < end; ++i) {
    char c = text[i];
    if (c == '\n') {
      if (i + 1 >= end || StartsBlock(text, i + 1)) {
        Push(out, text, start, i);
        start = i + 1;
      }
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    size_t j = i + 1;
    while (j < end && (text[j] == '"' || text[j] == '\'' || text[j] == ')')) ++j;
    if (j < end && text[j] != ' ' && text[j] != '\n') continue;  // "2.5", "e.g."
    size_t k = j;
    while (k < end && (text[k] == ' ')) ++k;
    if (k < end && text[k] != '\n') {
      auto next = static_cast<unsigned char>(text[k]);
      if (!(std::isupper(next) || std::isdigit(next) || next == '"' || next == '\'' || next >= 0x80)) continue;
    }
    if (c == '.' && IsAbbreviation(WordBefore(text, i))) continue;
    Push(out, text, start, j);
    start = j;
  }
  Push(out, text, start, end);
  return out;
}

int CountWords(std::string_view s) {
  int n = 0;
  bool in_word = false;
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    bool part;
    if (c == 0xE2 && i + 2 < s.size()) {
      // U+2000..U+2BFF: dashes, quotes, bullets, arrows, box drawing. Only the
      // typographic apostrophe (U+2019) joins a word.
      bool apostrophe = static_cast<unsigned char>(s[i + 1]) == 0x80 && static_cast<unsigned char>(s[i + 2]) == 0x99;
      part = in_word && apostrophe;
      i += 2;
    } else {
      part = IsAlnum(c) || (in_word && (c == '\'' || c == '-'));
    }
    if (part && !in_word) ++n;
    in_word = part;
  }
  return n;
}

LineCol LineColOf(std::string_view text, size_t offset) {
  LineCol lc;
  offset = std::min(offset, text.size());
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++lc.line;
      lc.col = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++lc.col;
    }
  }
  return lc;
}

}  // namespace rehearse
