#pragma once
// TF-IDF vectors over stemmed terms: a vocabulary and document frequencies learned
// from one set of texts (the question bank, or the user's stories), then used to
// compare any two texts by cosine similarity.

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace rehearse {

struct TermVector {
  std::vector<std::string> terms;               // The text's stemmed terms, in order.
  std::vector<std::pair<int, double>> weights;  // (term id, weight), sorted by id, unit length.
};

class TfIdf {
 public:
  // Learns the vocabulary from `docs` (each a text's terms).
  explicit TfIdf(const std::vector<std::vector<std::string>>& docs);

  // The vector of a text's terms; terms the vocabulary lacks carry no weight.
  TermVector Vectorize(std::vector<std::string> terms) const;
  static double Similarity(const TermVector& a, const TermVector& b);
  size_t size() const { return idf_.size(); }

 private:
  std::unordered_map<std::string, int> ids_;
  std::vector<double> idf_;
};

}  // namespace rehearse
