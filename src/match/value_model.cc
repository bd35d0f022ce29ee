#include "match/value_model.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "util/text.h"

namespace rehearse {
namespace {

// Weights are written as integer multiples of this step: exact enough (half a step of
// error at most, under any weight that matters), and integers read ten times faster
// than decimals.
constexpr double kWeightStep = 0.001;

}  // namespace

ValueModel::ValueModel(const Company& company, std::vector<Expansion> expansions)
    : company_id_(company.id), expansions_(std::move(expansions)) {
  for (size_t v = 0; v < company.values.size(); ++v) {
    const CompanyValue& value = company.values[v];
    value_names_.push_back(value.name);
    lexicon_.Add(value.name, v, ValueLexicon::Kind::kKeyword, "");
    for (const auto& k : value.keywords) lexicon_.Add(k, v, ValueLexicon::Kind::kKeyword, "");
  }
  for (const auto& e : expansions_) {
    if (e.value < value_names_.size()) lexicon_.Add(e.phrase, e.value, ValueLexicon::Kind::kExpansion, e.from);
  }
  bias_.assign(value_names_.size(), 0.0f);
}

std::vector<Feature> ValueModel::Features(std::string_view text) const { return ExtractFeatures(text, lexicon_); }

std::vector<std::pair<uint32_t, double>> ValueModel::Vector(const std::vector<Feature>& features) const {
  std::vector<std::pair<uint32_t, double>> out;
  if (features.empty()) return out;
  // Every feature counts toward the length, known or not: a text the model knows
  // little of gets weak evidence, not confident evidence from its one known word.
  double norm = 0;
  for (const auto& f : features) norm += f.weight * f.weight;
  norm = std::sqrt(norm);
  for (const auto& f : features) {
    auto it = rows_.find(f.name);
    if (it != rows_.end()) out.emplace_back(it->second, f.weight / norm);
  }
  return out;
}

std::vector<double> ValueModel::Probabilities(const std::vector<Feature>& features) const {
  size_t k = value_names_.size();
  std::vector<double> z(bias_.begin(), bias_.end());
  for (const auto& [row, x] : Vector(features)) {
    const float* w = &weights_[static_cast<size_t>(row) * k];
    for (size_t v = 0; v < k; ++v) z[v] += x * w[v];
  }
  double top = z.empty() ? 0 : *std::max_element(z.begin(), z.end());
  double sum = 0;
  for (double& s : z) {
    s = std::exp((s - top) / temperature_);
    sum += s;
  }
  for (double& s : z) s /= sum;
  return z;
}

std::vector<std::string> ValueModel::Evidence(const std::vector<Feature>& features, size_t value, size_t max) const {
  size_t k = value_names_.size();
  std::vector<std::pair<double, const Feature*>> lifts;
  for (const auto& f : features) {
    auto it = rows_.find(f.name);
    if (it == rows_.end()) continue;
    const float* w = &weights_[static_cast<size_t>(it->second) * k];
    double mean = std::accumulate(w, w + k, 0.0) / static_cast<double>(k);
    double lift = w[value] - mean;
    if (lift > 0.05) lifts.emplace_back(lift, &f);
  }
  std::stable_sort(lifts.begin(), lifts.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> out;
  for (const auto& lift : lifts) {
    if (out.size() == max) break;
    const std::string& shown = lift.second->shown;
    // "root cause" says what "root" and "cause" would: quote the longer once.
    bool covered = std::any_of(out.begin(), out.end(), [&](const std::string& s) {
      return s.find(shown) != std::string::npos || shown.find(s) != std::string::npos;
    });
    if (!covered) out.push_back(shown);
  }
  return out;
}

int64_t ValueModel::Row(const std::string& name, bool grow) {
  auto it = rows_.find(name);
  if (it != rows_.end()) return it->second;
  if (!grow) return -1;
  auto row = static_cast<uint32_t>(names_.size());
  rows_.emplace(name, row);
  names_.push_back(name);
  weights_.resize(weights_.size() + value_names_.size(), 0.0f);
  return row;
}

void ValueModel::Prune(float epsilon) {
  size_t k = value_names_.size();
  std::vector<std::string> names;
  std::vector<float> weights;
  rows_.clear();
  for (size_t r = 0; r < names_.size(); ++r) {
    const float* w = &weights_[r * k];
    if (std::none_of(w, w + k, [&](float x) { return std::fabs(x) >= epsilon; })) continue;
    rows_.emplace(names_[r], static_cast<uint32_t>(names.size()));
    names.push_back(names_[r]);
    for (size_t v = 0; v < k; ++v) weights.push_back(std::fabs(w[v]) >= epsilon ? w[v] : 0.0f);
  }
  names_ = std::move(names);
  weights_ = std::move(weights);
}

std::string ValueModel::Serialize() const {
  std::string out = fmt::format("model {}\nfingerprint {:016x}\ntemperature {:.6g}\n", company_id_, fingerprint_,
                                temperature_);
  for (const auto& v : value_names_) out += fmt::format("value {}\n", v);
  for (const auto& e : expansions_) out += fmt::format("expansion {}\t{}\t{}\n", e.value, e.phrase, e.from);
  out += "bias";
  for (float b : bias_) out += fmt::format(" {:.4g}", b);
  out += "\n";
  size_t k = value_names_.size();
  out += fmt::format("rows {}\n", names_.size());
  for (size_t r = 0; r < names_.size(); ++r) {
    out += "f " + names_[r] + "\t";
    for (size_t v = 0; v < k; ++v) {
      out += fmt::format("{}{}", v ? " " : "", static_cast<long>(std::lround(weights_[r * k + v] / kWeightStep)));
    }
    out += "\n";
  }
  out += "end\n";
  return out;
}

namespace {

template <typename T>
bool ParseNumber(std::string_view s, T* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

Result<ValueModel> ValueModel::Parse(std::string_view text, const Company& company) {
  size_t k = company.values.size();
  int line_no = 0;
  auto bad = [&](std::string_view what) {
    return Error{fmt::format("values model for {}, line {}: {}", company.id, line_no, what)};
  };
  // The expansions come before the weights; the lexicon is built once, with them.
  std::vector<Expansion> expansions;
  for (std::string_view line : SplitLines(text)) {
    ++line_no;
    if (line.starts_with("f ")) break;
    if (!line.starts_with("expansion ")) continue;
    auto cells = Split(line.substr(10), '\t');
    size_t v = 0;
    if (cells.size() != 3 || !ParseNumber(cells[0], &v) || v >= k) return bad("bad expansion");
    expansions.push_back({v, std::string(cells[1]), std::string(cells[2])});
  }
  ValueModel m(company, std::move(expansions));
  std::vector<std::string> names;
  line_no = 0;
  bool ended = false;
  for (std::string_view line : SplitLines(text)) {
    ++line_no;
    if (line.empty()) continue;
    size_t space = line.find(' ');
    std::string_view key = line.substr(0, space);
    std::string_view rest = space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
    if (key == "f") {
      size_t tab = rest.find('\t');
      if (tab == std::string_view::npos) return bad("expected \"f NAME<TAB>weights\"");
      auto row = static_cast<size_t>(m.Row(std::string(rest.substr(0, tab)), true));
      const char* p = rest.data() + tab + 1;
      const char* end = rest.data() + rest.size();
      for (size_t v = 0; v < k; ++v) {
        long q = 0;
        auto [next, ec] = std::from_chars(p, end, q);
        if (ec != std::errc() || (next != end && *next != ' ') || (v + 1 < k && next == end)) {
          return bad(fmt::format("expected {} integer weights", k));
        }
        m.weights_[row * k + v] = static_cast<float>(static_cast<double>(q) * kWeightStep);
        p = next == end ? end : next + 1;
      }
      if (p != end) return bad(fmt::format("expected {} integer weights", k));
    } else if (key == "model") {
      if (rest != company.id) return bad(fmt::format("model of \"{}\", not \"{}\"", rest, company.id));
    } else if (key == "fingerprint") {
      uint64_t f = 0;
      auto [p, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), f, 16);
      if (ec != std::errc()) return bad("bad fingerprint");
      m.fingerprint_ = f;
    } else if (key == "temperature") {
      if (!ParseNumber(rest, &m.temperature_) || m.temperature_ <= 0) return bad("bad temperature");
    } else if (key == "value") {
      names.emplace_back(rest);
    } else if (key == "expansion") {
      continue;  // Read above.
    } else if (key == "bias") {
      auto cells = Split(rest, ' ');
      if (cells.size() != k) return bad(fmt::format("{} biases for {} values", cells.size(), k));
      for (size_t v = 0; v < k; ++v) {
        if (!ParseNumber(cells[v], &m.bias_[v])) return bad("bad bias");
      }
    } else if (key == "rows") {
      size_t n = 0;
      if (!ParseNumber(rest, &n)) return bad("bad row count");
      m.names_.reserve(n);
      m.rows_.reserve(n);
      m.weights_.reserve(n * k);
    } else if (key == "end") {
      ended = true;
      break;
    } else {
      return bad(fmt::format("unknown line \"{}\"", Utf8Truncate(line, 40)));
    }
  }
  if (!ended) return bad("no \"end\" line");
  if (names != m.value_names_) return bad("its values are not the profile's");
  return m;
}

}  // namespace rehearse
