#pragma once
// Features of a text for the values model (match/value_model.h): what words a
// question or a story uses, said in a form a linear model can weigh.
//
//   "u:stem"      a content word, reduced to its Snowball (Porter 2) stem
//   "n:stem"      beside it, the same word inside the scope of a negation ("did not
//                 have all the data" gives u:data and n:data): what the negation
//                 changes is learned, not guessed
//   "b:s1 s2"     two content words in a row within one clause ("!s" when negated),
//                 weighted 0.3: sparse, they would learn our own wording by heart
//   "k:V"         a keyword phrase of value V of the company's profile, or a phrase
//                 that WordNet relates to one of them (the lexicon expansion the build
//                 made), matched on stems ("root cause" matches "root causes"), never
//                 inside a negation. One feature per value, whatever phrase fired it: the
//                 weight learned from the keywords seen in training carries over to the
//                 synonyms that training never saw.
//
// Negation scope follows Das & Chen (2001) and Pang, Lee & Vaithyanathan (2002): the
// words after "not", "no", "never", "without", "n't"... up to the end of the clause,
// a conjunction or four content words. The sentences after the one that asks the
// question ("Tell me about...", or the first ending in "?") are probes ("What was the
// outcome?") that every value shares: their features weigh half. Each feature keeps
// the words it came from, so that a score can say which words decided it.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rehearse {

struct Token {
  std::string word;  // Lowercased, as written ("debugging").
  std::string stem;  // "debug"
  bool negated = false;
  int clause = 0;      // Bigrams and phrases never cross a clause boundary.
  bool probe = false;  // In a sentence after the one that asks the question.
};

// The content words of `text` (stop words dropped), with negation scopes and
// clauses marked. Any bytes are accepted; invalid UTF-8 only makes odd words.
std::vector<Token> ContentTokens(std::string_view text);

// Keyword phrases of a company's values, each a sequence of stems, found in a text's
// tokens.
class ValueLexicon {
 public:
  enum class Kind { kKeyword, kExpansion };
  struct Phrase {
    std::vector<std::string> stems;
    size_t value;       // Index into the company's values.
    Kind kind;
    std::string shown;  // What a reason quotes: the keyword, or "inquisitive (~curious)".
  };

  // Adds `text`'s stems as a phrase of value `value`. Texts made only of stop words
  // are ignored.
  void Add(std::string_view text, size_t value, Kind kind, std::string shown);
  const std::vector<Phrase>& phrases() const { return phrases_; }

  struct Match {
    const Phrase* phrase;
    size_t first, last;  // Token range, inclusive.
  };
  // Every phrase found in `tokens`, outside negation scopes, longest first at each
  // position.
  std::vector<Match> Find(const std::vector<Token>& tokens) const;

 private:
  std::vector<Phrase> phrases_;
  std::unordered_multimap<std::string, size_t> by_first_stem_;
};

struct Feature {
  std::string name;   // "u:debug", "b:root caus", "k:12"
  std::string shown;  // The words behind it: "debugging", "root cause", "not … data".
  double weight = 1;  // Less in the probes that follow the question.
};

// The distinct features of `text` (first occurrence kept), in text order.
std::vector<Feature> ExtractFeatures(std::string_view text, const ValueLexicon& lexicon);

}  // namespace rehearse
