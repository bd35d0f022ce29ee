#include "match/tfidf.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace rehearse {

TfIdf::TfIdf(const std::vector<std::vector<std::string>>& docs) {
  std::vector<int> df;
  for (const auto& doc : docs) {
    std::vector<int> seen;
    for (const auto& t : doc) {
      auto [it, added] = ids_.emplace(t, static_cast<int>(ids_.size()));
      if (added) df.push_back(0);
      seen.push_back(it->second);
    }
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    for (int id : seen) ++df[static_cast<size_t>(id)];
  }
  double n = static_cast<double>(docs.size());
  idf_.resize(df.size());
  for (size_t i = 0; i < df.size(); ++i) idf_[i] = std::log((n + 1) / (df[i] + 0.5));
}

TermVector TfIdf::Vectorize(std::vector<std::string> terms) const {
  TermVector v;
  std::map<int, double> tf;
  for (const auto& t : terms) {
    auto it = ids_.find(t);
    if (it != ids_.end()) tf[it->second] += 1;
  }
  double norm = 0;
  for (auto& [id, w] : tf) {
    w = (1 + std::log(w)) * idf_[static_cast<size_t>(id)];
    norm += w * w;
  }
  norm = std::sqrt(norm);
  if (norm > 0) {
    for (const auto& [id, w] : tf) v.weights.emplace_back(id, w / norm);
  }
  v.terms = std::move(terms);
  return v;
}

double TfIdf::Similarity(const TermVector& a, const TermVector& b) {
  double dot = 0;
  size_t i = 0, j = 0;
  while (i < a.weights.size() && j < b.weights.size()) {
    if (a.weights[i].first == b.weights[j].first) dot += a.weights[i++].second * b.weights[j++].second;
    else if (a.weights[i].first < b.weights[j].first) ++i;
    else ++j;
  }
  return dot;
}

}  // namespace rehearse
