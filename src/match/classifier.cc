#include "match/classifier.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "text/terms.h"
#include "util/text.h"

namespace rehearse {

struct QuestionClassifier::Cue {
  std::string framework;
  std::unique_ptr<re2::RE2> re;
  double weight;
  std::string why;
};

QuestionClassifier::QuestionClassifier(const Catalog& catalog) : catalog_(catalog) {}
QuestionClassifier::~QuestionClassifier() = default;

Result<std::unique_ptr<QuestionClassifier>> QuestionClassifier::Build(const Catalog& catalog) {
  std::unique_ptr<QuestionClassifier> c(new QuestionClassifier(catalog));
  for (const auto& cue : catalog.framework_cues) {
    re2::RE2::Options options;
    options.set_case_sensitive(false);
    options.set_log_errors(false);
    auto re = std::make_unique<re2::RE2>(cue.pattern, options);
    if (!re->ok()) return Error{fmt::format("framework cue for {}: bad pattern: {}", cue.framework, re->error())};
    c->cues_.push_back({cue.framework, std::move(re), cue.weight, cue.why});
  }
  std::vector<std::vector<std::string>> docs;
  for (const auto& q : catalog.questions) docs.push_back(Terms(q.text));
  c->space_ = std::make_unique<TfIdf>(docs);
  for (auto& d : docs) c->bank_.push_back(c->space_->Vectorize(std::move(d)));
  for (const auto& company : catalog.companies) {
    auto& labels = c->bank_values_[company.id];
    for (const auto& q : catalog.questions) {
      std::vector<size_t> ids;
      auto it = q.values.find(company.id);
      if (it != q.values.end()) {
        for (const auto& name : it->second) {
          if (const CompanyValue* v = company.FindValue(name)) ids.push_back(static_cast<size_t>(v - company.values.data()));
        }
      }
      labels.push_back(std::move(ids));
    }
  }
  c->models_ = std::make_unique<ValueModels>(catalog);
  return c;
}

TermVector QuestionClassifier::Vectorize(std::string_view text) const { return space_->Vectorize(Terms(text)); }

TermVector QuestionClassifier::VectorizeTerms(std::vector<std::string> terms) const {
  return space_->Vectorize(std::move(terms));
}

std::vector<QuestionClassifier::Neighbour> QuestionClassifier::Neighbours(const TermVector& text, size_t k) const {
  std::vector<Neighbour> all;
  for (size_t i = 0; i < bank_.size(); ++i) {
    double s = TfIdf::Similarity(text, bank_[i]);
    if (s > 0.05) all.push_back({i, s});
  }
  size_t keep = std::min(k, all.size());
  std::partial_sort(all.begin(), all.begin() + static_cast<long>(keep), all.end(),
                    [](const Neighbour& a, const Neighbour& b) { return a.similarity > b.similarity; });
  all.resize(keep);
  return all;
}

std::string QuestionClassifier::Framework(std::string_view question, std::vector<std::string>* reasons) const {
  std::map<std::string, double> score;
  std::map<std::string, std::vector<std::string>> why;
  for (const auto& cue : cues_) {
    re2::StringPiece m;
    if (re2::RE2::PartialMatch(re2::StringPiece(question.data(), question.size()), *cue.re)) {
      score[cue.framework] += cue.weight;
      why[cue.framework].push_back(cue.why);
    }
  }
  std::string best = "STAR";
  double best_score = 0;
  for (const auto& f : catalog_.frameworks) {  // Ties go to the earlier framework.
    if (score[f.id] > best_score) {
      best = f.id;
      best_score = score[f.id];
    }
  }
  if (reasons) {
    *reasons = why[best];
    if (reasons->empty()) reasons->push_back("no special wording: STAR, the default");
  }
  return best;
}

Result<std::vector<ValueScore>> QuestionClassifier::ScoreValues(std::string_view text, const Company& company) const {
  return ScoreValues(text, company, Neighbours(Vectorize(text), 7));
}

Result<std::vector<double>> QuestionClassifier::ValueProbabilities(std::string_view text, const Company& company) const {
  REHEARSE_TRY_ASSIGN(model, models_->For(company));
  return model->Probabilities(text);
}

Result<std::vector<ValueScore>> QuestionClassifier::ScoreValues(std::string_view text, const Company& company,
                                                                const std::vector<Neighbour>& neighbours) const {
  REHEARSE_TRY_ASSIGN(model, models_->For(company));
  std::vector<Feature> features = model->Features(text);
  std::vector<double> p = model->Probabilities(features);
  const size_t n = company.values.size();
  std::vector<std::vector<std::string>> reasons(n);
  // The words that raised each value, then the bank question most like the text
  // that probes it first.
  const auto& labels = bank_values_.at(company.id);
  for (size_t v = 0; v < n; ++v) {
    std::vector<std::string> words = model->Evidence(features, v, 3);
    if (!words.empty()) {
      std::vector<std::string> quoted;
      for (const auto& w : words) quoted.push_back("\"" + w + "\"");
      reasons[v].push_back(fmt::format("mentions {}", Join(quoted, ", ")));
    }
  }
  for (const auto& nb : neighbours) {
    const auto& ids = labels[nb.index];
    if (ids.empty() || nb.similarity <= 0.2) continue;
    auto& r = reasons[ids[0]];
    if (r.size() < 2) r.push_back(fmt::format("like \"{}\"", Utf8Truncate(catalog_.questions[nb.index].text, 70)));
  }
  std::vector<ValueScore> out;
  for (size_t v = 0; v < n; ++v) out.push_back({company.values[v].name, 0, p[v], std::move(reasons[v])});
  std::stable_sort(out.begin(), out.end(),
                   [](const ValueScore& a, const ValueScore& b) { return a.probability > b.probability; });
  double top = out.empty() ? 0 : out[0].probability;
  for (auto& v : out) v.score = top > 0 ? v.probability / top : 0;
  return out;
}

std::vector<std::string> QuestionClassifier::Themes(const TermVector& text) const {
  return Themes(Neighbours(text, 7));
}

std::vector<std::string> QuestionClassifier::Themes(const std::vector<Neighbour>& neighbours) const {
  std::map<std::string, double> score;
  for (const auto& nb : neighbours) {
    for (const auto& t : catalog_.questions[nb.index].themes) score[t] += nb.similarity;
  }
  std::vector<std::pair<std::string, double>> ranked(score.begin(), score.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::string> out;
  for (const auto& [theme, s] : ranked) {
    if (out.size() == 3 || s < 0.5 * ranked[0].second) break;
    out.push_back(theme);
  }
  return out;
}

Result<Classification> QuestionClassifier::Classify(std::string_view question, std::string_view company) const {
  if (Trim(question).empty()) return Error{"the question is empty"};
  const Company* c = catalog_.FindCompany(company);
  if (!c) {
    std::vector<std::string> ids;
    for (const auto& k : catalog_.companies) ids.push_back(k.id);
    return Error{fmt::format("unknown company \"{}\" (known: {})", company, Join(ids, ", "))};
  }
  Classification out;
  out.framework = Framework(question, &out.framework_reasons);
  TermVector v = Vectorize(question);
  std::vector<Neighbour> neighbours = Neighbours(v, 7);  // once, for themes and values
  out.themes = Themes(neighbours);
  REHEARSE_TRY_ASSIGN(values, ScoreValues(question, *c, neighbours));
  out.values = std::move(values);
  return out;
}

}  // namespace rehearse
