#pragma once
// Small text helpers shared by every module: trimming, case folding, splitting and
// UTF-8 validation. Byte-oriented; nothing here allocates more than its result.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rehearse {

// ASCII classes and case, without the C library's locale lookup per byte (the parsers
// call them for every byte of a guide). Bytes >= 0x80 are neither letters nor digits.
constexpr bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAsciiAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
constexpr bool IsAsciiAlnum(unsigned char c) { return IsAsciiDigit(c) || IsAsciiAlpha(c); }
constexpr char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

std::string_view Trim(std::string_view s);
// `s` with ASCII letters lowercased; other bytes (UTF-8 included) as they are.
std::string ToLower(std::string_view s);
// The lowercased ASCII letter-and-digit runs of `s`, in order: "Dive-Deep (2)" ->
// {"dive", "deep", "2"}. Other bytes separate words.
std::vector<std::string> LowerWords(std::string_view s);
// `s` without its parenthesised parts (nested ones too; an unmatched ')' is dropped):
// "Ownership (tagged)" -> "Ownership ".
std::string StripParenthetical(std::string_view s);
std::vector<std::string_view> Split(std::string_view s, char sep);
std::vector<std::string_view> SplitLines(std::string_view s);
std::string Join(const std::vector<std::string>& parts, std::string_view sep);
bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix);

// Returns the byte offset of the first byte that is not part of well-formed UTF-8
// (overlong forms, surrogates and code points above U+10FFFF are ill-formed), or
// nullopt when the whole text is valid.
std::optional<size_t> FindInvalidUtf8(std::string_view s);

// 1-based line number of byte `offset` in `text`.
int LineOfOffset(std::string_view text, size_t offset);

// Orders keys like people do: "q2" before "q10".
bool NaturalLess(std::string_view a, std::string_view b);

// A count with its noun in agreement: Plural(1, "day", "days") is "1 day", 0 or 2 is
// "0 days", "2 days".
std::string Plural(long long n, std::string_view one, std::string_view many);

}  // namespace rehearse

namespace rehearse {

// Number of code points in valid UTF-8 `s` (what a terminal column count approximates).
size_t Utf8Length(std::string_view s);
// `s` cut to at most `max` code points, with "…" when cut.
std::string Utf8Truncate(std::string_view s, size_t max);
// `s` padded with spaces to `width` code points.
std::string Utf8Pad(std::string_view s, size_t width);

}  // namespace rehearse

namespace rehearse {

// The byte length of the code point at `s[i]` when it is a symbol people dress text
// with rather than a letter: general punctuation and dashes (U+2000-U+206F), arrows,
// dingbats and other symbols (U+2190-U+2BFF), emoji (U+1F000-U+1FAFF), zero-width
// joiner and variation selectors; 0 for anything else (letters of any script,
// ASCII, invalid bytes).
size_t SymbolAt(std::string_view s, size_t i);

}  // namespace rehearse
