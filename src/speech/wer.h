#pragma once
// Word error rate: how far a transcript is from what was said, in words. The standard
// measure of speech recognition (NIST sclite): the fewest substitutions, deletions
// and insertions that turn the reference into the hypothesis, over the reference's
// words.

#include <string>
#include <vector>

namespace rehearse {

struct WordErrors {
  int substitutions = 0;
  int deletions = 0;
  int insertions = 0;
  int reference_words = 0;
  // (S + D + I) / N; 0 for an empty reference with an empty hypothesis.
  double rate() const;
  WordErrors& operator+=(const WordErrors& o);
};

// Aligns `hypothesis` to `reference` (both already normalised, e.g. by SpokenWords())
// by edit distance; O(N x M) time, O(M) memory.
WordErrors CountWordErrors(const std::vector<std::string>& reference, const std::vector<std::string>& hypothesis);

}  // namespace rehearse
