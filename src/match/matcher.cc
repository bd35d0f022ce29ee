#include "match/matcher.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "match/tfidf.h"
#include "text/terms.h"
#include "util/text.h"

namespace rehearse {

struct StoryIndex::Entry {
  TermVector own;    // In the stories' term space.
  TermVector bank;   // In the question bank's term space.
  std::string asked;  // The question the story answers, its index topic, the user's themes for it.
  std::string did;    // What the teller did: its action sections.
  std::vector<std::string> themes;       // Lowercased: the story's own, its theme-table rows, inferred.
  std::vector<std::string> theme_stems;  // Their stemmed words, sorted.
  // Per company (by its place in the catalog), by value index; computed on first use.
  mutable std::vector<std::vector<double>> fits;
  mutable std::vector<std::vector<double>> strength;  // P(value | story), see Strength.
};

namespace {

std::string StoryText(const Story& s) {
  std::string text = s.title + "\n" + s.project + "\n";
  for (const auto& sec : s.sections) text += sec.text + "\n";
  return text;
}

// The text of the sections of `s` whose role in its framework is one of `roles`.
// Sections the framework does not name count as actions: what a story tells is
// mostly what its teller did.
std::string SectionsIn(const Story& s, const Catalog& catalog, std::initializer_list<SectionRole> roles) {
  const Framework* fw = catalog.FindFramework(s.framework);
  std::string text;
  for (const auto& sec : s.sections) {
    const FrameworkSection* known = fw ? fw->FindSection(sec.name) : nullptr;
    SectionRole role = known ? known->role : SectionRole::kAction;
    if (std::find(roles.begin(), roles.end(), role) != roles.end()) text += sec.text + "\n";
  }
  return text;
}

std::vector<std::string> Lower(const std::vector<std::string>& in) {
  std::vector<std::string> out;
  for (const auto& s : in) out.push_back(ToLower(s));
  return out;
}

// A theme phrase ("Failure & Learning", "conflict") and a bank theme ("failure")
// meet when they share a stemmed word.
bool ThemeMeets(const std::vector<std::string>& sorted_stems, const std::vector<std::string>& theme_terms) {
  for (const auto& t : theme_terms) {
    if (std::binary_search(sorted_stems.begin(), sorted_stems.end(), t)) return true;
  }
  return false;
}

constexpr double kAskedWeight = 0.6;  // A story's question, against what its teller did.

}  // namespace

StoryIndex::StoryIndex(const std::vector<Story>& stories, const std::vector<ThemeRow>& theme_rows,
                       const QuestionClassifier& classifier)
    : stories_(stories), theme_rows_(theme_rows), classifier_(classifier) {
  std::vector<std::vector<std::string>> docs;
  docs.reserve(stories.size());
  for (const auto& s : stories) docs.push_back(Terms(StoryText(s)));
  space_ = std::make_unique<TfIdf>(docs);
  postings_.resize(space_->size());
  entries_.resize(stories.size());
  for (size_t i = 0; i < stories.size(); ++i) {
    Entry& e = entries_[i];
    e.bank = classifier.VectorizeTerms(docs[i]);
    e.asked = stories[i].title + (stories[i].topic.empty() ? "" : ". " + stories[i].topic);
    e.did = SectionsIn(stories[i], classifier.catalog(), {SectionRole::kAction});
    e.own = space_->Vectorize(std::move(docs[i]));
    for (const auto& [id, w] : e.own.weights) postings_[static_cast<size_t>(id)].emplace_back(i, w);
    e.themes = Lower(stories[i].themes);
    for (const auto& row : theme_rows) {
      if (row.goto_key == stories[i].key || row.backup_key == stories[i].key) e.themes.push_back(ToLower(row.theme));
    }
    if (!stories[i].category.empty()) e.themes.push_back(ToLower(stories[i].category));
    // What the user says the story is about (its themes, its rows in the theme table,
    // its category) tells its values as much as its question does.
    for (const auto& t : e.themes) e.asked += ". " + t;
    for (const auto& t : classifier.Themes(e.bank)) e.themes.push_back(t);
    for (const auto& t : e.themes) {
      for (auto& stem : Terms(t)) e.theme_stems.push_back(std::move(stem));
    }
    std::sort(e.theme_stems.begin(), e.theme_stems.end());
  }
}

StoryIndex::~StoryIndex() = default;

size_t StoryIndex::Slot(const Company& company) const {
  return static_cast<size_t>(&company - classifier_.catalog().companies.data());
}

const std::vector<double>& StoryIndex::Strength(size_t story, const Company& company) const {
  auto& cache = entries_[story].strength;
  size_t slot = Slot(company);
  if (cache.size() <= slot) cache.resize(classifier_.catalog().companies.size());
  if (!cache[slot].empty()) return cache[slot];
  // Two views of the story through the company's values model: the question it
  // answers (with what the user says it is about) and what the teller did (its action
  // sections), combined as a product of experts (Hinton, 2002), the question weighing
  // more (kAskedWeight). The situation is left out: a technical setting reads as Dive
  // Deep whatever the story shows; on a real guide adding it, at any weight from 0.1,
  // lowered recall (README). At temperature 3 the product ranks stories for a value
  // by how far that value stands above the story's others, not by how peaked the
  // story's distribution is, so a story that shows two values ranks under both.
  const Entry& e = entries_[story];
  std::vector<double> p(company.values.size(), 1.0 / static_cast<double>(company.values.size()));
  auto asked = classifier_.ValueProbabilities(e.asked, company);
  auto did = classifier_.ValueProbabilities(e.did, company);
  if (asked && did) {
    double sum = 0;
    for (size_t v = 0; v < p.size(); ++v) {
      p[v] = std::exp((kAskedWeight * std::log((*asked)[v]) + (1 - kAskedWeight) * std::log((*did)[v])) / 3);
      sum += p[v];
    }
    for (double& x : p) x /= sum;
  }
  cache[slot] = std::move(p);
  return cache[slot];
}

const std::vector<double>& StoryIndex::BankBest(const Company& company) const {
  size_t slot = Slot(company);
  if (bank_best_.size() <= slot) bank_best_.resize(classifier_.catalog().companies.size());
  std::vector<double>& best = bank_best_[slot];
  if (!best.empty()) return best;
  best.assign(company.values.size(), 0);
  for (size_t i = 0; i < stories_.size(); ++i) {
    const std::vector<double>& p = Strength(i, company);
    for (size_t v = 0; v < best.size(); ++v) best[v] = std::max(best[v], p[v]);
  }
  return best;
}

const std::vector<double>& StoryIndex::Fits(size_t story, const Company& company) const {
  auto& cache = entries_[story].fits;
  size_t slot = Slot(company);
  if (cache.size() <= slot) cache.resize(classifier_.catalog().companies.size());
  if (!cache[slot].empty()) return cache[slot];
  std::vector<double> fits(company.values.size(), 0);
  const Story& s = stories_[story];
  auto tags = s.values.find(company.id);
  if (tags != s.values.end() && !tags->second.empty()) {
    // The user's own mapping for this company is the truth: no inference.
    for (const auto& t : tags->second) {
      if (const CompanyValue* v = company.FindValue(t.value)) {
        fits[static_cast<size_t>(v - company.values.data())] = std::max(0.7, 1.0 - 0.1 * t.rank);
      }
    }
  } else {
    // Inferred: the story counts for a value it shows above chance (1/K), scored
    // against the bank's best story for the value (0.8, under any tag), or against
    // 1.6 chances when no story does better, so that a value only shown at chance
    // scores under 0.5 and is a gap.
    const std::vector<double>& p = Strength(story, company);
    const std::vector<double>& best = BankBest(company);
    double chance = 1.0 / static_cast<double>(fits.size());
    for (size_t v = 0; v < fits.size(); ++v) {
      fits[v] = p[v] >= chance ? 0.8 * p[v] / std::max(best[v], 1.6 * chance) : 0;
    }
  }
  cache[slot] = std::move(fits);
  return cache[slot];
}

double StoryIndex::ValueFit(size_t story, const Company& company, size_t value, bool* tagged) const {
  auto tags = stories_[story].values.find(company.id);
  *tagged = false;
  if (tags != stories_[story].values.end()) {
    const std::string& name = company.values[value].name;
    *tagged = std::any_of(tags->second.begin(), tags->second.end(), [&](const ValueTag& t) { return t.value == name; });
  }
  return Fits(story, company)[value];
}

std::pair<std::string, double> StoryIndex::MostAlike(std::string_view text) const {
  TermVector v = space_->Vectorize(Terms(text));
  std::vector<double> scores(stories_.size(), 0);
  for (const auto& [id, w] : v.weights) {
    for (const auto& [story, sw] : postings_[static_cast<size_t>(id)]) scores[story] += w * sw;
  }
  auto best = std::max_element(scores.begin(), scores.end());
  if (best == scores.end() || *best <= 0) return {"", 0};
  return {stories_[static_cast<size_t>(best - scores.begin())].key, *best};
}

namespace {

// Dice coefficient of two sets of stems: 2|A∩B| / (|A|+|B|), 0..1. Over the whole
// question's content words, not the stories' term weights: a user's question may use
// words no story holds, and two questions are "the same" by their words alone.
double Dice(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t shared = 0;
  for (const auto& s : a) shared += b.count(s);
  return 2.0 * static_cast<double>(shared) / static_cast<double>(a.size() + b.size());
}

}  // namespace

void StoryIndex::SetOwnQuestions(std::vector<UserQuestion> questions) {
  own_.clear();
  for (auto& q : questions) {
    std::vector<std::string> terms = Terms(q.text);
    OwnQuestion own{std::move(q.text), {terms.begin(), terms.end()}, {}};
    for (const auto& key : q.stories) {
      for (size_t i = 0; i < stories_.size(); ++i) {
        if (stories_[i].key == key) own.stories.push_back(i);
      }
    }
    if (!own.stories.empty() && !own.stems.empty()) own_.push_back(std::move(own));
  }
}

Result<std::vector<StoryMatch>> StoryIndex::Match(std::string_view question, std::string_view company,
                                                  size_t top) const {
  auto c = classifier_.Classify(question, company);
  if (!c) return c.error();
  const Company& profile = *classifier_.catalog().FindCompany(company);
  std::vector<std::pair<std::string, std::string>> question_words = TermsWithWords(question);
  std::vector<std::string> question_terms;
  for (const auto& [stem, word] : question_words) question_terms.push_back(stem);
  const std::vector<std::string> question_terms_all = question_terms;
  TermVector q = space_->Vectorize(std::move(question_terms));
  // The values the question probes most, with their weight.
  std::vector<std::pair<size_t, double>> probed;
  for (size_t i = 0; i < c->values.size() && i < 3; ++i) {
    if (c->values[i].score < 0.5) break;
    const CompanyValue* v = profile.FindValue(c->values[i].name);
    probed.emplace_back(static_cast<size_t>(v - profile.values.data()), c->values[i].score);
  }
  double probed_total = 0;
  for (const auto& p : probed) probed_total += p.second;

  std::vector<double> text_scores(stories_.size(), 0);
  for (const auto& [id, qw] : q.weights) {
    for (const auto& [story, sw] : postings_[static_cast<size_t>(id)]) text_scores[story] += qw * sw;
  }
  double best_text = stories_.empty() ? 0 : *std::max_element(text_scores.begin(), text_scores.end());
  std::vector<std::vector<std::string>> theme_terms;
  for (const auto& t : c->themes) theme_terms.push_back(Terms(t));

  // The user's own question closest to this one, if close enough: its stories are
  // the author's pick (the first one most).
  const OwnQuestion* own = nullptr;
  double own_similarity = 0.6;
  const std::set<std::string> asked(question_terms_all.begin(), question_terms_all.end());
  for (const auto& o : own_) {
    if (double sim = Dice(asked, o.stems); sim >= own_similarity) {
      own = &o;
      own_similarity = sim;
    }
  }
  auto own_lift = [&](size_t i) {
    if (!own) return 0.0;
    auto at = std::find(own->stories.begin(), own->stories.end(), i);
    if (at == own->stories.end()) return 0.0;
    // The author's pick outranks any inference (as their own value tags do), in the
    // guide's order; the score shown stays within 0..1.
    return 1.0 - 0.01 * static_cast<double>(at - own->stories.begin());
  };

  // Score every story cheaply; write reasons only for the ones shown.
  auto score_of = [&](size_t i) {
    double text = best_text > 0 ? text_scores[i] / best_text : 0;
    double values = 0;
    const std::vector<double>& fits = Fits(i, profile);
    for (const auto& [v, weight] : probed) values += weight * fits[v];
    values = probed_total > 0 ? values / probed_total : 0;
    double themes = 0;
    for (const auto& terms : theme_terms) {
      if (ThemeMeets(entries_[i].theme_stems, terms)) themes += 1.0 / static_cast<double>(theme_terms.size());
    }
    return 0.45 * text + 0.40 * values + 0.15 * themes + own_lift(i);
  };
  std::vector<std::pair<double, size_t>> ranked;
  for (size_t i = 0; i < stories_.size(); ++i) {
    double s = score_of(i);
    if (s > 0) ranked.emplace_back(s, i);
  }
  size_t keep = std::min(top, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<long>(keep), ranked.end(),
                    [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
  ranked.resize(keep);

  std::vector<StoryMatch> out;
  for (const auto& [score, i] : ranked) {
    StoryMatch m{stories_[i].key, stories_[i].title, std::min(1.0, score), {}};
    if (own_lift(i) > 0) m.reasons.push_back(fmt::format("your guide answers \"{}\" with it", Utf8Truncate(own->text, 70)));
    for (const auto& [v, weight] : probed) {
      bool tagged = false;
      if (ValueFit(i, profile, v, &tagged) > 0) {
        m.reasons.push_back(fmt::format("{} {}, which the question probes", tagged ? "tagged" : "shows",
                                        profile.values[v].name));
      }
    }
    for (size_t t = 0; t < c->themes.size(); ++t) {
      if (ThemeMeets(entries_[i].theme_stems, theme_terms[t])) m.reasons.push_back(fmt::format("about {}", c->themes[t]));
    }
    if (best_text > 0 && text_scores[i] / best_text > 0.25) {
      // The question's own words found in the story.
      std::vector<std::string> shared;
      std::set<std::string> story_terms(entries_[i].own.terms.begin(), entries_[i].own.terms.end());
      for (const auto& [stem, word] : question_words) {
        if (story_terms.count(stem) && std::find(shared.begin(), shared.end(), word) == shared.end()) shared.push_back(word);
      }
      if (!shared.empty()) {
        if (shared.size() > 4) shared.resize(4);
        m.reasons.push_back(fmt::format("shares the words {}", Join(shared, ", ")));
      }
    }
    out.push_back(std::move(m));
  }
  return out;
}

Result<Plan> StoryIndex::PlanFor(std::string_view company) const {
  const Company* profile = classifier_.catalog().FindCompany(company);
  if (!profile) {
    std::vector<std::string> ids;
    for (const auto& k : classifier_.catalog().companies) ids.push_back(k.id);
    return Error{fmt::format("unknown company \"{}\" (known: {})", company, Join(ids, ", "))};
  }
  Plan plan;
  plan.company = profile->id;
  size_t n = stories_.size(), nv = profile->values.size();
  for (const auto& s : stories_) plan.story_keys.push_back(s.key);
  std::vector<std::vector<double>> score(nv, std::vector<double>(n));
  for (size_t v = 0; v < nv; ++v) {
    ValueCoverage row{profile->values[v].name, {}};
    for (size_t i = 0; i < n; ++i) {
      bool tagged = false;
      score[v][i] = ValueFit(i, *profile, v, &tagged);
      if (score[v][i] > 0) row.stories.push_back({stories_[i].key, score[v][i], tagged});
    }
    std::stable_sort(row.stories.begin(), row.stories.end(),
                     [](const CoverageCell& a, const CoverageCell& b) { return a.score > b.score; });
    plan.values.push_back(std::move(row));
  }

  // Gaps: values no story stands for well, with the kind of story that would.
  for (size_t v = 0; v < nv; ++v) {
    const auto& row = plan.values[v];
    double best = row.stories.empty() ? 0 : row.stories[0].score;
    if (best >= 0.5) continue;
    Gap gap{row.name, row.stories.empty() ? "" : row.stories[0].key, best, ""};
    std::string example;
    for (const auto& q : classifier_.catalog().questions) {
      auto it = q.values.find(profile->id);
      if (it != q.values.end() && !it->second.empty() && it->second[0] == row.name) {
        example = q.text;
        break;
      }
    }
    gap.advice = profile->values[v].description;
    if (!example.empty()) gap.advice += fmt::format(" Prepare a story for: \"{}\"", example);
    plan.gaps.push_back(std::move(gap));
  }

  // Recommended: greedily the story that adds the most coverage, discounted when it
  // resembles one already chosen, so that one story does not carry everything.
  std::vector<double> covered(nv, 0);
  std::vector<size_t> chosen;
  while (chosen.size() < 7 && chosen.size() < n) {
    double best_gain = 0;
    size_t best = n;
    for (size_t i = 0; i < n; ++i) {
      if (std::find(chosen.begin(), chosen.end(), i) != chosen.end()) continue;
      double gain = 0;
      for (size_t v = 0; v < nv; ++v) gain += std::max(0.0, score[v][i] - covered[v]);
      double alike = 0;
      for (size_t c : chosen) alike = std::max(alike, TfIdf::Similarity(entries_[i].own, entries_[c].own));
      gain *= 1.0 - 0.5 * alike;
      if (gain > best_gain) {
        best_gain = gain;
        best = i;
      }
    }
    if (best == n || (chosen.size() >= 5 && best_gain < 0.3)) break;
    chosen.push_back(best);
    for (size_t v = 0; v < nv; ++v) covered[v] = std::max(covered[v], score[v][best]);
  }
  for (size_t i : chosen) plan.recommended.push_back(stories_[i].key);

  // Go-to and backup per theme: the user's table when the guide has one.
  if (!theme_rows_.empty()) {
    for (const auto& row : theme_rows_) plan.themes.push_back({row.theme, row.goto_key, row.backup_key, true});
  } else {
    std::set<std::string> themes;
    for (const auto& q : classifier_.catalog().questions) themes.insert(q.themes.begin(), q.themes.end());
    for (const auto& theme : themes) {
      std::vector<std::string> theme_terms = Terms(theme);
      std::vector<std::pair<double, size_t>> ranked;
      for (size_t i = 0; i < n; ++i) {
        const auto& ts = entries_[i].themes;
        // Stories whose own or tabled themes name it come before inferred ones.
        double s = ThemeMeets(entries_[i].theme_stems, theme_terms) ? 1.0 : 0.0;
        if (s > 0 && std::any_of(ts.begin(), ts.end(), [&](const std::string& t) { return t == theme; })) s += 1;
        if (s > 0) ranked.emplace_back(s, i);
      }
      if (ranked.empty()) continue;
      std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
      plan.themes.push_back({theme, stories_[ranked[0].second].key,
                             ranked.size() > 1 ? stories_[ranked[1].second].key : "", false});
    }
  }

  // Pairs too alike to back each other up.
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      double sim = TfIdf::Similarity(entries_[i].own, entries_[j].own);
      if (sim >= 0.45) plan.overlaps.push_back({stories_[i].key, stories_[j].key, sim});
    }
  }
  std::stable_sort(plan.overlaps.begin(), plan.overlaps.end(),
                   [](const Overlap& a, const Overlap& b) { return a.similarity > b.similarity; });
  return plan;
}

}  // namespace rehearse
