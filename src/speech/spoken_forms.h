#pragma once
// Written text as it is said: the words a speaker utters for a story's sentences,
// figures included ("98%" -> "ninety eight percent", "5-10s" -> "five to ten seconds",
// "$31,000" -> "thirty one thousand dollars", "p95" -> "p ninety five"). The language
// model of a bank is trained on these words, and word error rates are measured on
// them, so that a figure said aloud and a figure typed count as the same words.
//
// A figure people say in more than one way keeps the other ways as alternatives
// ("150": "one hundred fifty", "a hundred fifty", "one hundred and fifty"); the
// language model learns them all, the error rate uses the first.

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace rehearse {

// One written token as words. `words` is the most usual reading (US English, no "and"
// inside numbers: what espeak-ng's en-us voice says too); `others` are further ways
// people say it, each a whole reading of the token.
struct SpokenToken {
  std::vector<std::string> words;
  std::vector<std::vector<std::string>> others;
};

using SpokenSentence = std::vector<SpokenToken>;

struct SpokenForms {
  std::vector<SpokenSentence> sentences;  // Split at . ! ? ; : and line breaks.
  // Words written with capitals inside them, lower case -> as written ("api" -> "API",
  // "okrs" -> "OKRs", "graphql" -> "GraphQL"): the written form tells how a word the
  // pronouncing dictionary lacks is said (letter by letter, or in parts).
  std::map<std::string, std::string> written;
};

// Reads Markdown or plain text into spoken sentences: lower-case words of letters and
// inner apostrophes only (accents dropped: "Tomás" -> "tomas"); hyphens, slashes and
// dots between words split them; Markdown marks, quotes, brackets and symbols that are
// not said are dropped; "&" is "and". Never fails: what cannot be read is left out.
// Linear in the text's size.
SpokenForms ToSpoken(std::string_view text);

// The usual reading of `text`, every word in order, for word error rates.
std::vector<std::string> SpokenWords(std::string_view text);

// `n` (0 <= n < 10^15) in words, US style: 1240 -> "one thousand two hundred forty".
std::vector<std::string> NumberWords(long long n);

}  // namespace rehearse
