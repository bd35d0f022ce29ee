#include "practice/session.h"

#include <algorithm>
#include <random>
#include <set>

#include <fmt/format.h>

#include "util/text.h"

namespace rehearse {
namespace {

// A story title reads as a question when it asks one or gives the interviewer's cue.
bool ReadsAsQuestion(std::string_view title) {
  std::string_view t = Trim(title);
  if (t.empty()) return false;
  if (t.back() == '?') return true;
  static constexpr std::string_view kOpeners[] = {"tell me", "describe", "give me", "give an example", "share",
                                                  "walk me", "talk about", "how ", "what ", "when ", "why ",
                                                  "have you", "can you"};
  return std::any_of(std::begin(kOpeners), std::end(kOpeners),
                     [&](std::string_view o) { return StartsWithIgnoreCase(t, o); });
}

constexpr size_t kSample = 12;  // Questions weighed per pick: enough variety, little work.

}  // namespace

std::string NewSessionId() {
  std::string id = "s";
  for (char c : NowUtc()) {  // 2026-11-25T17:40:01Z
    if (c >= '0' && c <= '9') id += c;
    if (c == 'T') id += '-';
  }
  return id;
}

std::string QuestionId(std::string_view text) {
  // FNV-1a over the lowercased, trimmed text: the same wording is the same question.
  uint32_t h = 2166136261u;
  for (char c : ToLower(Trim(text))) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return fmt::format("{:08x}", h);
}

std::vector<PracticeQuestion> QuestionPool(const Catalog& catalog, const std::vector<Story>& stories,
                                           const Company& company, const std::vector<UserQuestion>& own) {
  std::vector<PracticeQuestion> pool;
  std::set<std::string> seen;
  auto add = [&](PracticeQuestion q) {
    q.id = QuestionId(q.text);
    if (seen.insert(q.id).second) pool.push_back(std::move(q));
  };
  bool labeled = std::any_of(catalog.questions.begin(), catalog.questions.end(),
                             [&](const Question& q) { return q.values.count(company.id) > 0; });
  for (const Question& q : catalog.questions) {
    if (labeled && q.values.count(company.id) == 0) continue;
    add({"", q.text, q.kind, ""});
  }
  for (const Story& s : stories) {
    if (!ReadsAsQuestion(s.title)) continue;
    add({"", s.title, s.kind == "grilling" ? QuestionKind::kGrilling : QuestionKind::kNormal, s.key});
  }
  for (const UserQuestion& q : own) {
    if (!q.company.empty() && q.company != company.id) continue;
    add({"", q.text, QuestionKind::kNormal, q.stories.empty() ? "" : q.stories.front()});
  }
  return pool;
}

std::vector<SectionBudget> Budget(const Framework& framework, double low, double high) {
  std::vector<SectionBudget> out;
  for (const auto& s : framework.sections) {
    out.push_back({s.name, s.prompt, low * s.share / 100.0, high * s.share / 100.0});
  }
  return out;
}

Result<NextQuestion> ChooseNext(const std::vector<PracticeQuestion>& pool, const Company& company,
                                const StoryIndex& index, const QuestionClassifier& classifier,
                                const std::map<std::string, Days>& due, Days today, const NextOptions& options) {
  if (options.kind != "mix" && options.kind != "normal" && options.kind != "grilling") {
    return Error{fmt::format("unknown question kind \"{}\" (expected normal, grilling or mix)", options.kind)};
  }
  std::mt19937_64 rng(options.seed);
  QuestionKind want = QuestionKind::kNormal;
  if (options.kind == "grilling") want = QuestionKind::kGrilling;
  if (options.kind == "mix" && std::uniform_int_distribution<int>(0, 2)(rng) == 0) want = QuestionKind::kGrilling;

  std::set<std::string> asked(options.asked.begin(), options.asked.end());
  std::vector<const PracticeQuestion*> fresh, other_kind;
  for (const auto& q : pool) {
    if (asked.count(q.id)) continue;
    (q.kind == want ? fresh : other_kind).push_back(&q);
  }
  // Out of one kind: the other kind still makes a mock interview.
  if (fresh.empty() && options.kind == "mix") fresh = other_kind;
  if (fresh.empty()) {
    return Error{options.kind == "mix" ? std::string("every question for this company has been asked in this session")
                                       : fmt::format("every {} question has been asked in this session", options.kind)};
  }
  std::shuffle(fresh.begin(), fresh.end(), rng);
  if (fresh.size() > kSample) fresh.resize(kSample);

  std::set<std::string> used(options.used_stories.begin(), options.used_stories.end());
  NextQuestion best;
  double best_score = -1;
  for (const PracticeQuestion* q : fresh) {
    auto matches = index.Match(q->text, company.id, used.size() + 2);
    if (!matches) return matches.error();
    std::vector<StoryMatch> open;
    for (auto& m : *matches) {
      if (options.allow_repeat || !used.count(m.key)) open.push_back(std::move(m));
    }
    double score = 0;
    if (!open.empty()) {
      auto it = due.find(open.front().key);
      // Rehearse what is due: a never-practised or overdue story makes the question
      // worth more, so weak stories come up in mock interviews too.
      double bonus = it == due.end() ? 0.1 : it->second <= today ? 0.15 : 0;
      score = open.front().score + bonus;
    }
    if (score > best_score) {
      best_score = score;
      best.question = *q;
      if (open.size() > 2) open.resize(2);
      best.suggestions = std::move(open);
    }
  }
  best.framework = classifier.Framework(best.question.text, &best.framework_reasons);
  if (const Framework* fw = classifier.catalog().FindFramework(best.framework)) best.budget = Budget(*fw);
  auto classification = classifier.Classify(best.question.text, company.id);
  if (!classification) return classification.error();
  for (const auto& v : classification->values) {
    if (best.values.size() == 3 || v.score <= 0) break;
    best.values.push_back(v.name);
  }
  return best;
}

}  // namespace rehearse
