#include "speech/wer.h"

#include <algorithm>

namespace rehearse {

double WordErrors::rate() const {
  const int errors = substitutions + deletions + insertions;
  if (reference_words == 0) return errors == 0 ? 0.0 : 1.0;
  return static_cast<double>(errors) / reference_words;
}

WordErrors& WordErrors::operator+=(const WordErrors& o) {
  substitutions += o.substitutions;
  deletions += o.deletions;
  insertions += o.insertions;
  reference_words += o.reference_words;
  return *this;
}

WordErrors CountWordErrors(const std::vector<std::string>& ref, const std::vector<std::string>& hyp) {
  // Each cell holds the cheapest alignment of a prefix pair with its error counts;
  // ties go to substitutions, then deletions (as sclite reports them).
  struct Cell {
    int cost = 0, s = 0, d = 0, i = 0;
  };
  const size_t m = hyp.size();
  std::vector<Cell> prev(m + 1), cur(m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = {static_cast<int>(j), 0, 0, static_cast<int>(j)};
  for (size_t r = 1; r <= ref.size(); ++r) {
    cur[0] = {static_cast<int>(r), 0, static_cast<int>(r), 0};
    for (size_t j = 1; j <= m; ++j) {
      const bool same = ref[r - 1] == hyp[j - 1];
      Cell diag = prev[j - 1];
      if (!same) {
        ++diag.cost;
        ++diag.s;
      }
      Cell del = prev[j];
      ++del.cost;
      ++del.d;
      Cell ins = cur[j - 1];
      ++ins.cost;
      ++ins.i;
      cur[j] = diag;
      if (del.cost < cur[j].cost) cur[j] = del;
      if (ins.cost < cur[j].cost) cur[j] = ins;
    }
    std::swap(prev, cur);
  }
  WordErrors e;
  e.substitutions = prev[m].s;
  e.deletions = prev[m].d;
  e.insertions = prev[m].i;
  e.reference_words = static_cast<int>(ref.size());
  return e;
}

}  // namespace rehearse
