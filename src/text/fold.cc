#include "text/fold.h"

namespace rehearse {
namespace {

// The ASCII reading of the 2- or 3-byte UTF-8 sequence at `s[i]`, or "" to copy it.
// Code points from Unicode's General Punctuation block (U+2000..U+206F) and
// Latin-1's no-break space (U+00A0).
std::string_view Fold(std::string_view s, size_t i, size_t* length) {
  auto b = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  if (b(0) == 0xC2 && b(1) == 0xA0) {
    *length = 2;
    return " ";
  }
  if (b(0) == 0xE2 && b(1) == 0x80) {
    *length = 3;
    switch (b(2)) {
      case 0x98: case 0x99: case 0x9A: case 0x9B: case 0xB2: return "'";  // ‘ ’ ‚ ‛ ′
      case 0x9C: case 0x9D: case 0x9E: case 0x9F: case 0xB3: return "\"";  // “ ” „ ‟ ″
      case 0x90: case 0x91: case 0x92: case 0x93: case 0x94: case 0x95: return "-";  // hyphens and dashes
      case 0xA6: return "...";
      case 0x80: case 0x81: case 0x82: case 0x83: case 0x84: case 0x85: case 0x86: case 0x87: case 0x88:
      case 0x89: case 0x8A: case 0xAF: return " ";  // the fixed-width and narrow spaces
      case 0x8B: case 0x8C: case 0x8D: return "";  // zero-width: dropped below
      default: break;
    }
  }
  if (b(0) == 0xE2 && b(1) == 0x88 && b(2) == 0x92) {  // − minus sign
    *length = 3;
    return "-";
  }
  *length = 0;
  return "";
}

}  // namespace

FoldedText FoldTypography(std::string_view text) {
  FoldedText out;
  out.text.reserve(text.size());
  out.origin.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size();) {
    size_t length = 0;
    std::string_view ascii = static_cast<unsigned char>(text[i]) >= 0xC2 ? Fold(text, i, &length) : std::string_view();
    if (length == 0) {
      out.text += text[i];
      out.origin.push_back(static_cast<uint32_t>(i));
      ++i;
      continue;
    }
    for (char c : ascii) {
      out.text += c;
      out.origin.push_back(static_cast<uint32_t>(i));
    }
    i += length;
  }
  out.origin.push_back(static_cast<uint32_t>(text.size()));
  return out;
}

}  // namespace rehearse
