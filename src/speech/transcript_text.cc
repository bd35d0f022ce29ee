#include "speech/transcript_text.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>

#include "util/text.h"

namespace rehearse {
namespace {

std::optional<int> SmallNumber(std::string_view w) {
  static constexpr std::string_view kUnits[] = {"zero",    "one",     "two",       "three",    "four",
                                                "five",    "six",     "seven",     "eight",    "nine",
                                                "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                                "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  static constexpr std::string_view kTens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
  for (int i = 0; i < 20; ++i) {
    if (w == kUnits[i]) return i;
  }
  for (int i = 0; i < 8; ++i) {
    if (w == kTens[i]) return 20 + 10 * i;
  }
  return std::nullopt;
}

std::optional<int64_t> Scale(std::string_view w) {
  if (w == "hundred") return 100;
  if (w == "thousand") return 1000;
  if (w == "million") return 1000000;
  if (w == "billion") return 1000000000;
  return std::nullopt;
}

// The label a chunk said on its own names, if it is one ("action", "go through").
// Near misses are not guessed at: a lone "actually" or "project" must not become a
// section.
const std::string* SpokenLabel(std::span<const SpokenWord> chunk, const std::vector<std::string>& labels) {
  std::string said;
  for (const SpokenWord& w : chunk) said += (said.empty() ? "" : " ") + w.text;
  for (const std::string& l : labels) {
    if (ToLower(l) == said) return &l;
  }
  return nullptr;
}

}  // namespace

std::string ReadSpokenNumber(std::span<const std::string_view> words, size_t* at) {
  size_t i = *at;
  int64_t total = 0, current = 0;
  bool any = false;
  while (i < words.size()) {
    std::string_view w = words[i];
    if (auto n = SmallNumber(w)) {
      // Each place is filled once: "twenty three" is 23, but "two three" and "twelve
      // three" are two numbers.
      const int64_t tail = current % 100;
      const bool fits = *n < 10 ? tail % 10 == 0 && (tail < 10 || tail >= 20) : tail == 0;
      if (any && !fits) break;
      current += *n;
    } else if (auto s = Scale(w)) {
      if (!any) break;  // "hundreds of users" has no figure to write.
      if (*s == 100) {
        if (current == 0 || current >= 100) break;
        current *= 100;
      } else {
        if (current == 0) break;
        total += current * *s;
        current = 0;
      }
    } else if (w == "and" && any && i + 1 < words.size() && SmallNumber(words[i + 1]) && current % 100 == 0 &&
               current + total > 0) {
      // "three hundred and twenty".
    } else {
      break;
    }
    any = true;
    ++i;
  }
  if (!any) return "";
  std::string out = std::to_string(total + current);
  // "two point four": the digits after "point" are spoken one by one.
  if (i + 1 < words.size() && words[i] == "point" && SmallNumber(words[i + 1]) && *SmallNumber(words[i + 1]) < 10) {
    out += '.';
    ++i;
    while (i < words.size()) {
      auto d = SmallNumber(words[i]);
      if (!d || *d >= 10) break;
      out += static_cast<char>('0' + *d);
      ++i;
    }
  }
  if (i - *at == 1 && words[*at] == "one") return "";
  *at = i;
  return out;
}

SpokenText FormatTranscript(const Transcript& transcript, const std::vector<std::string>& labels) {
  SpokenText out;
  const auto& words = transcript.words;
  out.word_at.assign(words.size(), 0);
  std::vector<std::string_view> texts;
  texts.reserve(words.size());
  for (const SpokenWord& w : words) texts.push_back(w.text);

  // Chunks: runs of words with no sentence-length pause inside.
  std::vector<std::pair<size_t, size_t>> chunks;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i == 0 || words[i].start - words[i - 1].end >= kSentencePause) chunks.push_back({i, i});
    chunks.back().second = i + 1;
  }
  for (const auto& [from, to] : chunks) {
    if (const std::string* label = SpokenLabel(std::span(words).subspan(from, to - from), labels)) {
      if (!out.text.empty()) out.text += '\n';
      for (size_t i = from; i < to; ++i) out.word_at[i] = out.text.size();
      out.text += *label + ":";
      ++out.signposts;
      continue;
    }
    if (!out.text.empty()) out.text += ' ';
    bool sentence_start = true;
    for (size_t i = from; i < to;) {
      if (i > from) out.text += ' ';
      const size_t begin = out.text.size();
      size_t next = i;
      std::string number = ReadSpokenNumber(std::span<const std::string_view>(texts.data(), to), &next);
      if (!number.empty()) {
        for (size_t j = i; j < next; ++j) out.word_at[j] = begin;
        out.text += number;
        i = next;
      } else {
        out.word_at[i] = begin;
        std::string w = words[i].text;
        if (w == "i" || w.starts_with("i'")) w[0] = 'I';
        if (sentence_start) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
        out.text += w;
        ++i;
      }
      sentence_start = false;
    }
    out.text += '.';
  }
  return out;
}

}  // namespace rehearse
