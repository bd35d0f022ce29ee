#pragma once
// Matching helpers shared by the rule kinds: phrase lists compiled to one RE2
// expression, matches walked over a span, and word sequences matched over a parsed
// sentence (text/clauses.h).

#include <re2/re2.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

#include "text/clauses.h"
#include "text/lexicon.h"
#include "util/result.h"

namespace rehearse {

// One case-insensitive expression for a list of phrases: each phrase is a regular
// expression, held to word boundaries where it starts or ends with a letter or digit.
// Fails with "where: bad pattern ..." on a phrase RE2 rejects.
Result<std::unique_ptr<re2::RE2>> Compile(const std::vector<std::string>& patterns, const std::string& where);

// Calls `on_match(span)` for each match of `re` inside `span` of `text`, until it
// returns false.
template <typename F>
void ForEachMatch(const re2::RE2& re, std::string_view text, Span span, F on_match) {
  re2::StringPiece input(text.data(), text.size());
  size_t pos = span.start;
  re2::StringPiece m;
  while (pos <= span.end && re.Match(input, pos, span.end, re2::RE2::UNANCHORED, &m, 1)) {
    size_t start = static_cast<size_t>(m.data() - text.data());
    size_t end = start + m.size();
    if (!on_match(Span{start, end})) return;
    pos = end > start ? end : start + 1;
  }
}

// A list of word sequences ("give or take", "landed on my plate"), matched word by word
// against a parsed sentence. With `lemmas`, words are compared by verb lemma, so that
// "asked", "asks" and "ask" meet ("hand" matches "handed").
class PhraseList {
 public:
  PhraseList() = default;
  PhraseList(const std::vector<std::string>& phrases, const Lexicon* lemmas);
  // The number of words matched by some phrase starting at words[k], 0 if none.
  size_t MatchAt(const std::vector<Word>& words, size_t k) const;
  // The first match in words [begin, end): its first word index, or -1; its length in *n.
  int Find(const std::vector<Word>& words, size_t begin, size_t end, size_t* n = nullptr) const;
  bool empty() const { return phrases_.empty(); }

 private:
  bool MatchesFrom(const std::vector<std::string>& phrase, const std::vector<Word>& words, size_t k) const;

  std::vector<std::vector<std::string>> phrases_;
  // Phrases by their first word, so that a position costs one or two lookups, not a
  // pass over the list; phrases opening with "*" are tried everywhere.
  struct Identity {
    size_t operator()(size_t key) const { return key; }
  };
  std::unordered_map<size_t, std::vector<size_t>, Identity> by_first_;  // by WordKey
  std::vector<size_t> wildcard_;
  const Lexicon* lemmas_ = nullptr;
};

}  // namespace rehearse
