#pragma once
// Words, sentences and figures in an answer, as byte spans into its text: what the
// segmenter and the linter count and point at.

#include <cstddef>
#include <string_view>
#include <vector>

namespace rehearse {

struct Span {
  size_t start = 0;  // Byte offsets into the answer; end is one past the last byte.
  size_t end = 0;
  size_t size() const { return end - start; }
  bool operator==(const Span&) const = default;
};

// Sentences of `text` in [start, end): split after . ! ? followed by a space and a
// capital, digit or quote (not after "e.g.", "vs." or in "2.5"), and at line breaks
// that start a list item or a new paragraph. Bullets are sentences of their own.
std::vector<Span> SplitSentences(std::string_view text, Span range);

// Number of words (runs of letters, digits, apostrophes and inner hyphens) in `s`.
int CountWords(std::string_view s);

// True when `s` quotes a figure: a quantity in digits or words, not an identifier
// (text/figures.h, which defines it).
bool HasFigure(std::string_view s);

// 1-based line and column (in characters) of byte `offset` of `text`.
struct LineCol {
  int line = 1;
  int col = 1;
};
LineCol LineColOf(std::string_view text, size_t offset);

}  // namespace rehearse
