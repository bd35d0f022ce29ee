#pragma once
// Typographic text read as plain ASCII: curly apostrophes and quotes, non-breaking and
// thin spaces, en and em dashes, the ellipsis and the minus sign become ' " space - ...
// so that a rule written "wasn't" hears "wasn’t". The folded copy keeps, for each of
// its bytes, the offset of the byte of the original it came from, so that a span
// found in the folded text points at the original bytes.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/sentences.h"

namespace rehearse {

struct FoldedText {
  std::string text;              // The folded copy.
  std::vector<uint32_t> origin;  // origin[i]: original offset of folded byte i; one more entry for the end.

  // The span of the original that folded span `s` covers.
  Span ToOriginal(Span s) const { return {origin[s.start], origin[s.end]}; }
};

// Folds `text` (valid UTF-8; REQUIRES: under 4 GiB). Characters other than those
// above are copied unchanged.
FoldedText FoldTypography(std::string_view text);

}  // namespace rehearse
