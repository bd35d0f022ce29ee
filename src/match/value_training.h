#pragma once
// Training the values model (match/value_model.h) of a company from data: what the
// catalog knows about the company's values and the questions labeled with them.
//
// The labeled texts of a company, in order:
//   1. the built-in bank's questions labeled for the company (data/questions.toml);
//   2. the training file data/training/<id>.tsv: more questions, in the many ways
//      interviewers and prep sites word them (written for rehearse);
//   3. questions labeled for the values a value names as `related` in its profile
//      ("amazon:Ownership"), transferred with a lower weight: how a company that
//      publishes few questions borrows the wording of one that publishes many;
//   4. each value's description, its name and aliases, and its keywords.
// A question labeled with several values, best first, teaches shares 1, 1/2, 1/3...
// of one (normalised): questions probe several values, and the model learns to say so.
//
// Training minimises the cross-entropy against those shares plus an L2 penalty with
// L-BFGS (match/lbfgs.h), then fits the softmax temperature on k-fold
// cross-validated predictions of each question's first value, so that a probability
// reads "how sure this is the value the question probes most". The same inputs give
// the same model, bit for bit.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "catalog/catalog.h"
#include "match/value_model.h"
#include "util/result.h"

namespace rehearse {

struct LabeledText {
  std::string text;
  std::vector<std::pair<size_t, double>> target;  // (value index, share), largest first; shares sum to 1.
  double weight = 1;
  bool question = true;  // A question (cross-validated), not a description or keyword list.
  std::string origin;    // "data/training/amazon.tsv:12", for error messages and reports.
};

struct TrainingOptions {
  double l2 = 0.1;                  // L2 penalty on the weights (not the biases).
  double related_weight = 0.5;      // Weight of a question borrowed through `related`.
  double description_weight = 1.0;  // Weight of a value's description.
  double name_weight = 1.0;         // Weight of a value's name and aliases.
  double keyword_weight = 0.5;      // Weight of a value's keyword list.
  int folds = 5;                    // Cross-validation folds for the temperature; < 2: none.
};

// The labeled texts above for `company`, one of `catalog`'s. Fails with
// "file:line: what" on a malformed line of the company's training file.
Result<std::vector<LabeledText>> TrainingTexts(const Catalog& catalog, const Company& company,
                                               const TrainingOptions& options);

// Shares for values labeled best first: 1, 1/2, 1/3... normalised to sum to 1.
std::vector<std::pair<size_t, double>> RankedShares(const std::vector<size_t>& values);

// A 64-bit FNV-1a hash of everything a model of `company` is trained from: the
// profile, the texts and the options. A built model whose fingerprint differs was
// trained from other data.
uint64_t TrainingFingerprint(const Company& company, const std::vector<LabeledText>& texts,
                             const TrainingOptions& options);

struct CrossValidation {
  int questions = 0;  // Questions of the company's own (bank and training file) scored.
  int top1 = 0, top3 = 0;
  double log_loss = 0;  // Mean cross-entropy after calibration.
};

// Trains the model of `company` on `texts`. When `cv` is given and options.folds >= 2,
// fills it with the cross-validated accuracy on the company's own questions.
ValueModel TrainValueModel(const Company& company, const std::vector<LabeledText>& texts,
                           std::vector<ValueModel::Expansion> expansions, const TrainingOptions& options,
                           CrossValidation* cv = nullptr);

}  // namespace rehearse
