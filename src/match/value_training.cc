#include "match/value_training.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "match/lbfgs.h"
#include "util/text.h"

namespace rehearse {
namespace {

constexpr int kFormat = 1;  // Bump when features or training change meaning.

// A labeled question of some company: its text and its values (indices), best first.
struct Labeled {
  std::string text;
  std::vector<size_t> values;
  std::string origin;
};

// Questions labeled for `company`: the bank's, then its training file's.
Result<std::vector<Labeled>> LabeledQuestions(const Catalog& catalog, const Company& company) {
  std::vector<Labeled> out;
  // Labels are canonical names almost always: look those up directly, and only the
  // rest with FindValue's tolerant matching (which allocates).
  std::unordered_map<std::string_view, int> exact;
  for (size_t v = 0; v < company.values.size(); ++v) exact.emplace(company.values[v].name, static_cast<int>(v));
  auto index_of = [&](const std::string& name) -> int {
    if (auto it = exact.find(name); it != exact.end()) return it->second;
    const CompanyValue* v = company.FindValue(name);
    return v ? static_cast<int>(v - company.values.data()) : -1;
  };
  for (size_t i = 0; i < catalog.questions.size(); ++i) {
    const Question& q = catalog.questions[i];
    auto it = q.values.find(company.id);
    if (it == q.values.end()) continue;
    Labeled l{q.text, {}, fmt::format("questions.toml #{}", i + 1)};
    for (const auto& name : it->second) {
      int v = index_of(name);
      if (v >= 0) l.values.push_back(static_cast<size_t>(v));
    }
    if (!l.values.empty()) out.push_back(std::move(l));
  }
  std::string file = "training/" + company.id + ".tsv";
  auto text = BuiltinFile(file);
  if (!text) return out;
  int line_no = 0;
  for (std::string_view line : SplitLines(*text)) {
    ++line_no;
    if (Trim(line).empty() || line.front() == '#') continue;
    std::string where = fmt::format("(built-in) data/{}:{}", file, line_no);
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return Error{where + ": expected VALUES<TAB>QUESTION"};
    Labeled l{std::string(Trim(line.substr(tab + 1))), {}, where};
    if (l.text.empty()) return Error{where + ": the question is empty"};
    std::string_view names = line.substr(0, tab);
    size_t start = 0;
    while (start <= names.size()) {
      size_t bar = names.find(" | ", start);
      std::string name(Trim(names.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start)));
      int v = index_of(name);
      if (v < 0) return Error{fmt::format("{}: {} has no value \"{}\"", where, company.name, name)};
      l.values.push_back(static_cast<size_t>(v));
      if (bar == std::string_view::npos) break;
      start = bar + 3;
    }
    out.push_back(std::move(l));
  }
  return out;
}

// One training document in the model's feature space.
struct Doc {
  std::vector<std::pair<uint32_t, double>> x;
  std::vector<std::pair<size_t, double>> target;
  double weight;
  bool question;
};

// Cross-entropy of softmax(W x + b) against the targets, weighted, plus l2/2 |W|^2.
// Parameters: W (rows x k, row-major), then b (k).
class SoftmaxLoss {
 public:
  SoftmaxLoss(const std::vector<const Doc*>& docs, size_t rows, size_t k, double l2)
      : docs_(docs), rows_(rows), k_(k), l2_(l2) {}

  double operator()(const std::vector<double>& p, std::vector<double>& grad) const {
    std::fill(grad.begin(), grad.end(), 0.0);
    double loss = 0;
    const double* bias = &p[rows_ * k_];
    double* gbias = &grad[rows_ * k_];
    std::vector<double> z(k_), t(k_);
    for (const Doc* d : docs_) {
      Logits(p, *d, z);
      double top = *std::max_element(z.begin(), z.end());
      double sum = 0;
      for (double& s : z) sum += std::exp(s - top);
      double log_sum = top + std::log(sum);
      std::fill(t.begin(), t.end(), 0.0);
      for (const auto& [v, share] : d->target) t[v] += share;
      for (size_t v = 0; v < k_; ++v) {
        double prob = std::exp(z[v] - log_sum);
        if (t[v] > 0) loss -= d->weight * t[v] * (z[v] - log_sum);
        double delta = d->weight * (prob - t[v]);
        if (delta == 0) continue;
        gbias[v] += delta;
        for (const auto& [row, x] : d->x) grad[row * k_ + v] += x * delta;
      }
    }
    (void)bias;
    for (size_t i = 0; i < rows_ * k_; ++i) {
      loss += 0.5 * l2_ * p[i] * p[i];
      grad[i] += l2_ * p[i];
    }
    return loss;
  }

  void Logits(const std::vector<double>& p, const Doc& d, std::vector<double>& z) const {
    for (size_t v = 0; v < k_; ++v) z[v] = p[rows_ * k_ + v];
    for (const auto& [row, x] : d.x) {
      for (size_t v = 0; v < k_; ++v) z[v] += x * p[row * k_ + v];
    }
  }

 private:
  const std::vector<const Doc*>& docs_;
  size_t rows_, k_;
  double l2_;
};

std::vector<double> Fit(const std::vector<const Doc*>& docs, size_t rows, size_t k, double l2) {
  std::vector<double> p(rows * k + k, 0.0);
  SoftmaxLoss loss(docs, rows, k, l2);
  MinimizeLbfgs([&](const std::vector<double>& x, std::vector<double>& g) { return loss(x, g); }, p);
  return p;
}

// Weighted cross-entropy of softmax(z / t) against each text's first value: what a
// probability means to the user is "this is the value the question probes most".
double TemperatureLoss(const std::vector<std::vector<double>>& logits, const std::vector<const Doc*>& docs, double t) {
  double loss = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    const auto& z = logits[i];
    double top = *std::max_element(z.begin(), z.end());
    double sum = 0;
    for (double s : z) sum += std::exp((s - top) / t);
    double log_sum = std::log(sum);
    size_t v = docs[i]->target.front().first;
    loss -= docs[i]->weight * ((z[v] - top) / t - log_sum);
  }
  return loss;
}

// The temperature minimising TemperatureLoss: golden-section search on log t in [1/20, 20].
double FitTemperature(const std::vector<std::vector<double>>& logits, const std::vector<const Doc*>& docs) {
  const double phi = (std::sqrt(5.0) - 1) / 2;
  double a = std::log(0.05), b = std::log(20.0);
  double c = b - phi * (b - a), d = a + phi * (b - a);
  double fc = TemperatureLoss(logits, docs, std::exp(c)), fd = TemperatureLoss(logits, docs, std::exp(d));
  for (int i = 0; i < 60; ++i) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - phi * (b - a);
      fc = TemperatureLoss(logits, docs, std::exp(c));
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + phi * (b - a);
      fd = TemperatureLoss(logits, docs, std::exp(d));
    }
  }
  return std::exp((a + b) / 2);
}

void Mix(uint64_t& h, std::string_view s) {
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  h ^= 0xff;  // field separator
  h *= 1099511628211ull;
}

}  // namespace

std::vector<std::pair<size_t, double>> RankedShares(const std::vector<size_t>& values) {
  std::vector<std::pair<size_t, double>> out;
  double total = 0;
  for (size_t r = 0; r < values.size(); ++r) total += 1.0 / static_cast<double>(r + 1);
  for (size_t r = 0; r < values.size(); ++r) out.emplace_back(values[r], 1.0 / static_cast<double>(r + 1) / total);
  return out;
}

Result<std::vector<LabeledText>> TrainingTexts(const Catalog& catalog, const Company& company,
                                               const TrainingOptions& options) {
  std::vector<LabeledText> out;
  REHEARSE_TRY_ASSIGN(own, LabeledQuestions(catalog, company));
  for (auto& q : own) out.push_back({std::move(q.text), RankedShares(q.values), 1.0, true, std::move(q.origin)});

  // Borrowed questions: other companies' values that this company's values name as related.
  std::map<std::string, std::map<size_t, std::vector<size_t>>> related;  // company -> its value -> ours
  for (size_t v = 0; v < company.values.size(); ++v) {
    for (const auto& rel : company.values[v].related) {
      size_t colon = rel.find(':');
      const Company* other = catalog.FindCompany(rel.substr(0, colon));
      if (!other || other->id == company.id) continue;
      const CompanyValue* theirs = other->FindValue(rel.substr(colon + 1));
      if (!theirs) continue;
      related[other->id][static_cast<size_t>(theirs - other->values.data())].push_back(v);
    }
  }
  for (const auto& [other_id, map] : related) {
    const Company& other = *catalog.FindCompany(other_id);
    REHEARSE_TRY_ASSIGN(borrowed, LabeledQuestions(catalog, other));
    for (auto& q : borrowed) {
      std::vector<double> mass(company.values.size(), 0);
      double total = 0;
      for (const auto& [theirs, share] : RankedShares(q.values)) {
        auto it = map.find(theirs);
        if (it == map.end()) continue;
        for (size_t ours : it->second) mass[ours] += share / static_cast<double>(it->second.size());
        total += share;
      }
      if (total <= 0) continue;
      LabeledText t{std::move(q.text), {}, options.related_weight * total, true, other_id + ": " + q.origin};
      for (size_t v = 0; v < mass.size(); ++v) {
        if (mass[v] > 0) t.target.emplace_back(v, mass[v] / total);
      }
      std::stable_sort(t.target.begin(), t.target.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
      out.push_back(std::move(t));
    }
  }

  for (size_t v = 0; v < company.values.size(); ++v) {
    const CompanyValue& value = company.values[v];
    std::vector<std::pair<size_t, double>> one{{v, 1.0}};
    if (!value.description.empty()) {
      out.push_back({value.description, one, options.description_weight, false, value.name + ": description"});
    }
    std::string names = value.name;
    for (const auto& a : value.aliases) names += ". " + a;
    out.push_back({names, one, options.name_weight, false, value.name + ": name"});
    if (!value.keywords.empty()) {
      out.push_back({Join(value.keywords, ". "), one, options.keyword_weight, false, value.name + ": keywords"});
    }
  }
  return out;
}

uint64_t TrainingFingerprint(const Company& company, const std::vector<LabeledText>& texts,
                             const TrainingOptions& options) {
  uint64_t h = 14695981039346656037ull;
  Mix(h, fmt::format("format {} l2 {} rel {} desc {} name {} kw {} folds {}", kFormat, options.l2,
                     options.related_weight, options.description_weight, options.name_weight, options.keyword_weight,
                     options.folds));
  Mix(h, company.id);
  for (const auto& v : company.values) {
    Mix(h, v.name);
    for (const auto& a : v.aliases) Mix(h, a);
    for (const auto& k : v.keywords) Mix(h, k);
  }
  for (const auto& t : texts) {
    Mix(h, t.text);
    Mix(h, fmt::format("{:.6g} {}", t.weight, t.question));
    for (const auto& [v, share] : t.target) Mix(h, fmt::format("{}:{:.6g}", v, share));
  }
  return h;
}

ValueModel TrainValueModel(const Company& company, const std::vector<LabeledText>& texts,
                           std::vector<ValueModel::Expansion> expansions, const TrainingOptions& options,
                           CrossValidation* cv) {
  ValueModel model(company, std::move(expansions));
  const size_t k = model.values();
  std::vector<Doc> docs;
  docs.reserve(texts.size());
  for (const auto& t : texts) {
    std::vector<Feature> features = model.Features(t.text);
    for (const auto& f : features) model.Row(f.name, true);
    docs.push_back({model.Vector(features), t.target, t.weight, t.question});
  }
  const size_t rows = model.rows();
  std::vector<const Doc*> all;
  for (const auto& d : docs) all.push_back(&d);
  std::vector<double> p = Fit(all, rows, k, options.l2);

  if (options.folds >= 2) {
    // Held-out logits for every question, each from a model that did not see it.
    std::vector<const Doc*> held;
    std::vector<std::vector<double>> logits;
    std::vector<bool> own;  // From the company's own questions (not borrowed).
    for (int fold = 0; fold < options.folds; ++fold) {
      std::vector<const Doc*> train, test;
      int q = 0;
      for (size_t i = 0; i < docs.size(); ++i) {
        bool out_of_fold = docs[i].question && q++ % options.folds == fold;
        (out_of_fold ? test : train).push_back(&docs[i]);
      }
      std::vector<double> pf = Fit(train, rows, k, options.l2);
      SoftmaxLoss scorer(train, rows, k, options.l2);
      for (const Doc* d : test) {
        std::vector<double> z(k);
        scorer.Logits(pf, *d, z);
        held.push_back(d);
        logits.push_back(std::move(z));
        own.push_back(d->weight >= 1.0);
      }
    }
    double t = held.empty() ? 1.0 : FitTemperature(logits, held);
    model.set_temperature(t);
    if (cv) {
      *cv = {};
      for (size_t i = 0; i < held.size(); ++i) {
        if (!own[i]) continue;
        size_t truth = held[i]->target.front().first;
        std::vector<size_t> order(k);
        for (size_t v = 0; v < k; ++v) order[v] = v;
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return logits[i][a] > logits[i][b]; });
        ++cv->questions;
        cv->top1 += order[0] == truth;
        cv->top3 += std::find(order.begin(), order.begin() + std::min<size_t>(3, k), truth) != order.begin() + std::min<size_t>(3, k);
      }
      std::vector<const Doc*> own_docs;
      std::vector<std::vector<double>> own_logits;
      for (size_t i = 0; i < held.size(); ++i) {
        if (!own[i]) continue;
        own_docs.push_back(held[i]);
        own_logits.push_back(logits[i]);
      }
      if (!own_docs.empty()) cv->log_loss = TemperatureLoss(own_logits, own_docs, t) / static_cast<double>(own_docs.size());
    }
  }

  for (size_t i = 0; i < rows * k; ++i) model.weights()[i] = static_cast<float>(p[i]);
  for (size_t v = 0; v < k; ++v) model.bias()[v] = static_cast<float>(p[rows * k + v]);
  model.set_fingerprint(TrainingFingerprint(company, texts, options));
  return model;
}

}  // namespace rehearse
