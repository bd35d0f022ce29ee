#pragma once
// Question understanding: which framework a question's wording calls for, which
// themes it is about and which of a company's values it probes — each with reasons
// a person can read. Offline and explainable: cue patterns from data for the
// framework; the labeled questions of the built-in bank as neighbours for the themes;
// the company's values model (match/value_models.h) for the values, with the words
// that decided and the most similar bank question as reasons.

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "catalog/catalog.h"
#include "match/tfidf.h"
#include "match/value_models.h"
#include "util/result.h"

namespace re2 {
class RE2;
}

namespace rehearse {

struct ValueScore {
  std::string name;
  double score = 0;        // 0..1, relative to the best value for this text (the best is 1).
  double probability = 0;  // Calibrated P(this is the value the text probes most); sums to 1.
  std::vector<std::string> reasons;
};

struct Classification {
  std::string framework;
  std::vector<std::string> framework_reasons;
  std::vector<std::string> themes;
  std::vector<ValueScore> values;  // Best first.
};

class QuestionClassifier {
 public:
  // Builds the classifier from the catalog. Fails on a cue pattern RE2 rejects.
  static Result<std::unique_ptr<QuestionClassifier>> Build(const Catalog& catalog);
  ~QuestionClassifier();

  // Classifies `question` for `company` (an id or name). Fails on an empty question
  // or an unknown company.
  Result<Classification> Classify(std::string_view question, std::string_view company) const;

  // The framework the wording calls for, with the cues that decided it.
  std::string Framework(std::string_view question, std::vector<std::string>* reasons) const;
  // Scores `company`'s values for any text (a question or a story), best first, each
  // with its reasons. Fails only on malformed training data for a user's profile.
  Result<std::vector<ValueScore>> ScoreValues(std::string_view text, const Company& company) const;
  // P(value | text) for each of `company`'s values, in the profile's order (no
  // reasons: what story matching needs, fast).
  Result<std::vector<double>> ValueProbabilities(std::string_view text, const Company& company) const;
  // Themes of the bank questions most like `text`.
  std::vector<std::string> Themes(const TermVector& text) const;
  const ValueModels& models() const { return *models_; }

  const Catalog& catalog() const { return catalog_; }

  // A text (or its terms) in the question bank's term space.
  TermVector Vectorize(std::string_view text) const;
  TermVector VectorizeTerms(std::vector<std::string> terms) const;

 private:
  explicit QuestionClassifier(const Catalog& catalog);
  struct Neighbour {
    size_t index;  // In catalog_.questions.
    double similarity;
  };
  std::vector<Neighbour> Neighbours(const TermVector& text, size_t k) const;
  Result<std::vector<ValueScore>> ScoreValues(std::string_view text, const Company& company,
                                              const std::vector<Neighbour>& neighbours) const;
  std::vector<std::string> Themes(const std::vector<Neighbour>& neighbours) const;

  const Catalog& catalog_;
  struct Cue;
  std::vector<Cue> cues_;
  std::unique_ptr<TfIdf> space_;
  std::vector<TermVector> bank_;
  // Per company id, per bank question: the indices of the values it is labeled with,
  // best first (resolved once, not per neighbour).
  std::unordered_map<std::string, std::vector<std::vector<size_t>>> bank_values_;  // One per catalog question.
  std::unique_ptr<ValueModels> models_;
};

}  // namespace rehearse
