#pragma once
// Who did what, sentence by sentence: a shallow parse that is fast enough to run on
// every answer (about a microsecond a word). A sentence is split into words (with
// contractions split: "wasn't" -> "was" "n't") and into clauses at punctuation and at
// conjunctions that open a clause ("because", "which", "but", "and they..."). Each
// clause gets its first verb, its subject and what kind of referent the subject is:
// the candidate ("I"), the candidate's team ("we", "our team"), a third party ("they",
// "the vendor", "my predecessor", "QA", a name), or a thing ("it", "the release"); and
// whether the clause is negated or passive ("I was handed ...").
//
// Why not a full parser: Debian's link-grammar 5.12 loads its English dictionary in
// about 440 ms and takes 7-115 ms a sentence on this machine, against a budget of 1 ms
// for a whole 400-word answer (README, "Linter").

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "text/lexicon.h"
#include "text/sentences.h"

namespace rehearse {

enum class Who : uint8_t { kNone, kSelf, kWe, kOther, kThing };

struct Word {
  Span span;          // In the (folded) answer text.
  std::string lower;  // Lowercased; contractions normalised: "n't", "'s", "'d".
  std::string lemma;  // `lower` read as a verb form: "handed" -> "hand", "gave" -> "give".
  bool capital = false;  // Written with a capital first letter.
  bool punct = false;    // A punctuation mark (, ; : ( ) - ").
  float valence = 0;     // VADER valence of `lower`.
  size_t key = 0, lemma_key = 0;  // WordKey of `lower` and `lemma`: hashed once, looked up often.
};

struct Clause {
  size_t begin = 0, end = 0;  // Word indices [begin, end).
  int verb = -1;              // The first verb of the clause (an auxiliary counts), or -1.
  int subject = -1;           // The head word of the subject, or -1 (inherited or none).
  Who who = Who::kNone;       // What the subject refers to.
  int negator = -1;           // First "not", "n't", "never", "no", "without"... in the clause.
  bool passive = false;       // A form of "be"/"get" then a past participle: "I was told".
};

struct ParsedSentence {
  Span span;
  std::vector<Word> words;
  std::vector<Clause> clauses;
};

// Parses sentence `span` of `text` (ASCII-folded). Never fails.
ParsedSentence ParseSentence(std::string_view text, Span span, const Lexicon& lexicon);

// What a noun phrase ending in word `head` refers to, reading the words before it
// ("my manager" -> kOther, "our team" -> kWe, "the release team" -> kOther).
Who ReferentOf(const std::vector<Word>& words, size_t head, const Lexicon& lexicon);

// The hash a word is looked up by (std::hash of its text).
inline size_t WordKey(std::string_view w) { return std::hash<std::string_view>{}(w); }

// Word-class tests used by parser and rule kinds alike.
bool IsNegator(std::string_view lower);
bool IsBeOrGet(std::string_view lower);    // am, is, was, were, been, got, felt, seemed...
bool IsAuxiliary(std::string_view lower);  // be, have, do and the modals
bool IsAdverb(std::string_view lower);     // -ly words and a closed list ("just", "never")

}  // namespace rehearse
