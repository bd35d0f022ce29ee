#pragma once
// The values model of one company: which of the company's values a text (a question,
// or a story) speaks to, as probabilities that sum to one.
//
// A multinomial logistic regression (softmax) over the binary features of
// match/features.h, each text's feature vector scaled to unit length, so that a
// question of eight words and a story of three hundred land on one scale. The
// weights are learned by match/value_training.h; the probabilities are calibrated by
// temperature scaling (Guo et al., "On Calibration of Modern Neural Networks", 2017)
// fitted on cross-validated predictions, so that 0.7 means "the value this question
// probes most" about seven times in ten on text like the training data. The model is plain data: it is written to
// and read from a text format (Serialize/Parse) that the build embeds in the binary.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "match/features.h"
#include "model/company.h"
#include "util/result.h"

namespace rehearse {

class ValueModel {
 public:
  // A phrase WordNet relates to a keyword of value `value` (see tools/wordnet_expand.h).
  struct Expansion {
    size_t value;
    std::string phrase;  // "inquisitive"
    std::string from;    // The keyword it came from: "curious".
  };

  // An untrained model for `company`: no weights, uniform probabilities. Its lexicon
  // is the profile's keywords and value names, plus `expansions`.
  ValueModel(const Company& company, std::vector<Expansion> expansions);

  // The distinct features of `text` under this model's lexicon.
  std::vector<Feature> Features(std::string_view text) const;

  // P(value | text) for every value of the company, in the profile's order; sums to 1.
  std::vector<double> Probabilities(const std::vector<Feature>& features) const;
  std::vector<double> Probabilities(std::string_view text) const { return Probabilities(Features(text)); }

  // The words that most raised `value` over the other values, strongest first, at
  // most `max` of them: what a reason quotes.
  std::vector<std::string> Evidence(const std::vector<Feature>& features, size_t value, size_t max) const;

  // The text format: a header (company, fingerprint, temperature, values), the
  // expansions, the bias, then one line per feature with its weight per value, in
  // integer steps of 0.001.
  std::string Serialize() const;
  // Reads what Serialize wrote for `company`. Fails, naming the line, on a malformed
  // line, a company or value list that differs from `company`'s.
  static Result<ValueModel> Parse(std::string_view text, const Company& company);

  // ---- For the trainer ------------------------------------------------------------
  // Feature vectors as the trainer sees them: (feature row, value), unit length.
  std::vector<std::pair<uint32_t, double>> Vector(const std::vector<Feature>& features) const;
  // Row of `name`, added when `grow` and absent; -1 when absent and not grown.
  int64_t Row(const std::string& name, bool grow);
  size_t rows() const { return names_.size(); }
  size_t values() const { return value_names_.size(); }
  // Weights: rows() x values(), row-major; bias: values().
  std::vector<float>& weights() { return weights_; }
  std::vector<float>& bias() { return bias_; }
  const std::vector<std::string>& feature_names() const { return names_; }
  const std::vector<Expansion>& expansions() const { return expansions_; }
  double temperature() const { return temperature_; }
  void set_temperature(double t) { temperature_ = t; }
  uint64_t fingerprint() const { return fingerprint_; }
  void set_fingerprint(uint64_t f) { fingerprint_ = f; }
  const std::string& company_id() const { return company_id_; }
  // Drops features whose weights are all within `epsilon` of zero (they change no
  // score by more than that): a smaller file, the same model.
  void Prune(float epsilon);

 private:
  std::string company_id_;
  std::vector<std::string> value_names_;
  std::vector<Expansion> expansions_;
  ValueLexicon lexicon_;
  uint64_t fingerprint_ = 0;
  double temperature_ = 1.0;
  std::vector<std::string> names_;
  std::unordered_map<std::string, uint32_t> rows_;
  std::vector<float> weights_;
  std::vector<float> bias_;
};

}  // namespace rehearse
