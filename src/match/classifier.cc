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
    auto& index = c->phrases_[company.id];
    for (size_t v = 0; v < company.values.size(); ++v) {
      std::vector<std::string> keywords = company.values[v].keywords;
      keywords.push_back(company.values[v].name);
      for (const auto& k : keywords) {
        std::vector<std::string> stems = Terms(k);
        if (stems.empty()) continue;
        std::string first = stems[0];
        index.emplace(first, Phrase{std::move(stems), k, v});
      }
    }
  }
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

std::vector<ValueScore> QuestionClassifier::ScoreValues(const TermVector& text, const Company& company) const {
  return ScoreValues(text, company, Neighbours(text, 7));
}

std::vector<ValueScore> QuestionClassifier::ScoreValues(const TermVector& text, const Company& company,
                                                        const std::vector<Neighbour>& neighbours) const {
  size_t n = company.values.size();
  std::vector<double> keyword(n, 0), neighbour(n, 0);
  std::vector<std::vector<std::string>> reasons(n);
  auto index = phrases_.find(company.id);
  if (index != phrases_.end()) {
    std::vector<std::vector<std::string>> hits(n);
    for (size_t i = 0; i < text.terms.size(); ++i) {
      auto [begin, end] = index->second.equal_range(text.terms[i]);
      for (auto it = begin; it != end; ++it) {
        const Phrase& p = it->second;
        if (i + p.stems.size() > text.terms.size()) continue;
        if (!std::equal(p.stems.begin(), p.stems.end(), text.terms.begin() + static_cast<long>(i))) continue;
        keyword[p.value] += 1.0 + 0.5 * static_cast<double>(p.stems.size() - 1);
        if (std::find(hits[p.value].begin(), hits[p.value].end(), p.keyword) == hits[p.value].end()) {
          hits[p.value].push_back(p.keyword);
        }
      }
    }
    for (size_t v = 0; v < n; ++v) {
      if (hits[v].empty()) continue;
      if (hits[v].size() > 3) hits[v].resize(3);
      std::vector<std::string> quoted;
      for (const auto& h : hits[v]) quoted.push_back("\"" + h + "\"");
      reasons[v].push_back(fmt::format("mentions {}", Join(quoted, ", ")));
    }
  }
  const auto& labels = bank_values_.at(company.id);
  for (const auto& nb : neighbours) {
    const auto& ids = labels[nb.index];
    for (size_t rank = 0; rank < ids.size(); ++rank) {
      size_t v = ids[rank];
      neighbour[v] += nb.similarity * (rank == 0 ? 1.0 : rank == 1 ? 0.5 : 0.3);
      if (rank == 0 && reasons[v].size() < 3 && nb.similarity > 0.2) {
        reasons[v].push_back(fmt::format("like \"{}\"", Utf8Truncate(catalog_.questions[nb.index].text, 70)));
      }
    }
  }
  double max_k = *std::max_element(keyword.begin(), keyword.end());
  double max_n = *std::max_element(neighbour.begin(), neighbour.end());
  std::vector<ValueScore> out;
  for (size_t v = 0; v < n; ++v) {
    double s = 0.5 * (max_k > 0 ? keyword[v] / max_k : 0) + 0.5 * (max_n > 0 ? neighbour[v] / max_n : 0);
    out.push_back({company.values[v].name, s, reasons[v]});
  }
  std::stable_sort(out.begin(), out.end(), [](const ValueScore& a, const ValueScore& b) { return a.score > b.score; });
  double top = out.empty() ? 0 : out[0].score;
  for (auto& v : out) v.score = top > 0 ? v.score / top : 0;
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
  out.values = ScoreValues(v, *c, neighbours);
  return out;
}

}  // namespace rehearse
