#include "practice/coach.h"

#include <algorithm>
#include <charconv>
#include <random>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <re2/re2.h>

#include "practice/scheduler.h"
#include "text/sentences.h"
#include "util/text.h"

namespace rehearse {
namespace {

using nlohmann::json;

// Cosine similarity above which an answer is taken to tell a bank story. Answers
// retelling a demo story in other words score 0.35-0.6; answers about something
// else stay under 0.2.
constexpr double kRecognised = 0.3;

// The feedback kept with an attempt: enough to show it again and to resolve its
// follow-ups by id later.
std::string ReportDoc(const Feedback& f, bool spoken) {
  json doc;
  doc["followups"] = json::array();
  for (const auto& u : f.followups) doc["followups"].push_back({{"probe", u.probe}, {"question", u.question}, {"why", u.why}});
  doc["nudges"] = f.nudges;
  if (spoken) doc["spoken"] = true;
  doc["findings"] = json::array();
  for (const auto& x : f.report.findings) {
    doc["findings"].push_back({{"rule", x.rule}, {"message", x.message}, {"section", x.section}});
  }
  return doc.dump();
}

std::vector<FollowUp> FollowUpsOf(const Attempt& a) {
  std::vector<FollowUp> out;
  json doc = json::parse(a.report, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object() || !doc.contains("followups") || !doc["followups"].is_array()) return out;
  for (const auto& u : doc["followups"]) {
    out.push_back({u.value("probe", ""), u.value("question", ""), u.value("why", "")});
  }
  return out;
}

// The framework whose section labels ("Situation:", "**Action:**" at a line's start)
// the answer uses most, when that is more than `usual`'s: an answer labeled in STAR
// is judged as STAR even if the question called for DIGS.
const Framework* LabeledFramework(std::string_view text, const Catalog& catalog, const Framework* usual) {
  std::vector<std::string> labels;
  for (std::string_view line : SplitLines(text)) {
    std::string_view t = Trim(line);
    while (!t.empty() && (t.front() == '*' || t.front() == '#' || t.front() == '-' || t.front() == ' ')) t.remove_prefix(1);
    size_t colon = t.find(':');
    if (colon == std::string_view::npos || colon > 24) continue;
    std::string label(Trim(t.substr(0, colon)));
    while (!label.empty() && label.back() == '*') label.pop_back();
    labels.push_back(ToLower(label));
  }
  auto count = [&](const Framework& f) {
    int n = 0;
    for (const auto& s : f.sections) n += std::count(labels.begin(), labels.end(), ToLower(s.name)) > 0;
    return n;
  };
  const Framework* best = usual;
  int most = usual ? count(*usual) : 0;
  for (const auto& f : catalog.frameworks) {
    int n = count(f);
    if (n > most) {
      most = n;
      best = &f;
    }
  }
  return best;
}

bool Matches(std::string_view text, const char* pattern) {
  static const re2::RE2* kSignpost = new re2::RE2(
      R"((?i)\b(let me|I'll (walk|take|tell|share)|I will (walk|take|tell|share)|using (the )?(STAR|CAR|SOAR|CARL|PAR|DIGS)|in short|the short version|three parts|an example from|a good example)\b)");
  static const re2::RE2* kOffer = new re2::RE2(
      R"((?i)\b(go deeper|go into (more|the) detail|more detail|elaborate|happy to (expand|explain|dig|walk)|dig into|drill into)\b)");
  return re2::RE2::PartialMatch(text, std::string_view(pattern) == "signpost" ? *kSignpost : *kOffer);
}

}  // namespace

bool SpokenAttempt(const Attempt& attempt) {
  if (attempt.report.find("\"spoken\"") == std::string::npos) return false;  // Most attempts: no parse.
  json doc = json::parse(attempt.report, nullptr, /*allow_exceptions=*/false);
  return doc.is_object() && doc.value("spoken", false);
}

Coach::Coach(PracticeLog& log, const Catalog& catalog, const Linter& linter, const QuestionClassifier& classifier,
             const std::vector<Story>& stories, const StoryIndex& index)
    : log_(log), catalog_(catalog), linter_(linter), classifier_(classifier), stories_(stories), index_(index) {}

const Story* Coach::FindStory(std::string_view key) const {
  for (const auto& s : stories_) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

Result<NextQuestion> Coach::Next(std::string_view company_id, std::string_view session, NextOptions options) const {
  const Company* company = catalog_.FindCompany(company_id);
  if (!company) return Error{fmt::format("unknown company \"{}\"", company_id)};
  if (!session.empty()) {
    AttemptFilter filter;
    filter.session = std::string(session);
    REHEARSE_TRY_ASSIGN(done, log_.Attempts(filter));
    for (const Attempt& a : done) {
      if (a.kind != "answer") continue;
      options.asked.push_back(a.question_id);
      if (!a.story_key.empty()) options.used_stories.push_back(a.story_key);
    }
  }
  std::map<std::string, Days> due;
  REHEARSE_TRY_ASSIGN(schedules, log_.Schedules());
  for (const auto& s : schedules) {
    if (s.item.rfind("story:", 0) != 0) continue;
    if (auto d = ParseDate(s.due)) due[s.item.substr(6)] = *d;
  }
  return ChooseNext(QuestionPool(catalog_, stories_, *company), *company, index_, classifier_, due, Today(), options);
}

Result<PracticeQuestion> Coach::ResolveQuestion(std::string_view id, const Company& company,
                                                std::optional<Attempt>* parent) const {
  size_t dot = id.find('.');
  if (dot != std::string_view::npos) {
    int64_t attempt_id = 0;
    size_t n = 0;
    auto a = std::from_chars(id.data(), id.data() + dot, attempt_id);
    auto b = std::from_chars(id.data() + dot + 1, id.data() + id.size(), n);
    if (a.ec != std::errc() || a.ptr != id.data() + dot || b.ec != std::errc() || b.ptr != id.data() + id.size()) {
      return Error{fmt::format("\"{}\" is not a question id (expected 8 hex digits, or ATTEMPT.N for a follow-up)", id)};
    }
    REHEARSE_TRY_ASSIGN(found, log_.Find(attempt_id));
    if (!found) return Error{fmt::format("no attempt {} (follow-up \"{}\")", attempt_id, id)};
    std::vector<FollowUp> ups = FollowUpsOf(*found);
    if (n == 0 || n > ups.size()) {
      return Error{fmt::format("attempt {} has {}; there is no follow-up {}", attempt_id,
                               Plural(static_cast<long long>(ups.size()), "follow-up", "follow-ups"), n)};
    }
    *parent = std::move(*found);
    return PracticeQuestion{std::string(id), ups[n - 1].question, QuestionKind::kNormal, (*parent)->story_key};
  }
  for (auto& q : QuestionPool(catalog_, stories_, company)) {
    if (q.id == id) return q;
  }
  // A question of another company's pool is still a known question.
  for (const auto& c : catalog_.companies) {
    for (auto& q : QuestionPool(catalog_, stories_, c)) {
      if (q.id == id) return q;
    }
  }
  return Error{fmt::format("no question with id \"{}\" (ids come from `rehearse practice next`)", id)};
}

std::vector<std::string> Coach::Nudges(const LintReport& report, std::string_view text, bool over_time) const {
  std::vector<std::string> out;
  std::vector<Span> sentences = SplitSentences(text, Span{0, text.size()});
  if (sentences.empty()) return out;
  std::string_view first = text.substr(sentences.front().start, sentences.front().size());
  if (!report.segmentation.labeled && !Matches(first, "signpost")) {
    out.push_back(fmt::format("Signpost your structure in the first sentence: say you'll give the {} — where it "
                              "started, what you did, how it ended.",
                              report.framework == "STAR" ? "situation, your actions and the result"
                                                         : report.framework + " sections"));
  }
  // The last real sentence, skipping an offer to elaborate.
  std::string_view last = text.substr(sentences.back().start, sentences.back().size());
  bool offered = Matches(last, "offer");
  if (offered && sentences.size() > 1) {
    const Span& s = sentences[sentences.size() - 2];
    last = text.substr(s.start, s.size());
  }
  if (!HasFigure(last)) out.push_back("End on the impact: close with the result in numbers.");
  if (!offered) out.push_back("Offer to go deeper at the end: \"I can go into the technical details if that helps.\"");
  if (over_time) {
    out.push_back(fmt::format("Over {} s: trim the context and let the interviewer ask for more.",
                              static_cast<int>(kOverTimeSeconds)));
  }
  return out;
}

Result<Feedback> Coach::Answer(const AnswerInput& input) {
  const Company* company = catalog_.FindCompany(input.company);
  if (!company) return Error{fmt::format("unknown company \"{}\"", input.company)};
  std::optional<Attempt> parent;
  PracticeQuestion question;
  if (!input.question_id.empty()) {
    REHEARSE_TRY_ASSIGN(q, ResolveQuestion(input.question_id, *company, &parent));
    question = std::move(q);
  } else if (!Trim(input.question).empty()) {
    question = {QuestionId(input.question), std::string(Trim(input.question)), QuestionKind::kNormal, ""};
  } else {
    return Error{"which question does this answer? Give a question id (from `rehearse practice next`) or its text"};
  }

  Feedback f;
  Attempt& a = f.attempt;
  a.kind = parent ? "followup" : "answer";
  a.parent = parent ? parent->id : 0;
  a.company = parent ? parent->company : company->id;
  a.session = parent ? parent->session : input.session;
  a.question_id = question.id;
  a.question = question.text;
  // Quick follow-ups are answered in CAR, as the method advises.
  a.framework = !input.framework.empty() ? input.framework
                : parent                 ? "CAR"
                                         : classifier_.Framework(question.text, nullptr);
  const Framework* framework = catalog_.FindFramework(a.framework);
  if (!framework) return Error{fmt::format("unknown framework \"{}\"", a.framework)};
  std::string called_for = framework->id;
  if (input.framework.empty()) framework = LabeledFramework(input.text, catalog_, framework);
  a.framework = framework->id;

  LintOptions lint;
  lint.framework = a.framework;
  lint.quick = parent.has_value();
  lint.spoken = input.spoken;
  if (input.spoken) lint.seconds = input.seconds;
  REHEARSE_TRY_ASSIGN(report, linter_.Lint(input.text, lint));
  f.report = std::move(report);

  const Story* story = nullptr;
  std::string key = !input.story_key.empty() ? input.story_key : parent ? parent->story_key : "";
  if (!key.empty()) {
    story = FindStory(key);
    if (!story) return Error{fmt::format("no story \"{}\" in the bank", key)};
  } else {
    // The story the answer tells, when it clearly resembles one of the bank.
    auto [alike, similarity] = index_.MostAlike(input.text);
    if (similarity >= kRecognised) {
      story = FindStory(alike);
      f.story_recognised = story != nullptr;
    }
  }
  a.story_key = story ? story->key : "";
  f.story_title = story ? story->title : "";
  a.text = input.text;
  a.seconds = input.seconds;
  a.words = f.report.words;
  a.score = f.report.score;
  for (const auto& x : f.report.findings) ++a.rule_counts[x.rule];

  // A follow-up answer is a quick one: the budget is CAR's share of one minute or so.
  f.budget = parent ? Budget(*framework, 30, 60) : Budget(*framework);
  f.over_time = std::max(f.report.seconds, input.seconds) > kOverTimeSeconds;
  f.nudges = Nudges(f.report, input.text, f.over_time);
  if (a.framework != called_for) {
    f.nudges.insert(f.nudges.begin(), fmt::format("You answered in {}; the question's wording calls for {}.",
                                                  a.framework, called_for));
  }
  f.followups = ChooseFollowUps(input.text, f.report, story, catalog_, parent ? 1 : 3);
  a.report = ReportDoc(f, input.spoken);

  // Only full answers move the schedule; a follow-up is part of its parent's turn.
  if (!parent) {
    Days today = Today();
    std::vector<std::string> items = {"question:" + question.id};
    if (story) items.push_back("story:" + story->key);
    for (const auto& item : items) {
      REHEARSE_TRY_ASSIGN(before, log_.Schedule(item));
      ScheduleState state;  // A fresh item: SM-2's starting ease, no repetitions.
      state.item = item;
      if (before) state = *before;
      f.schedules.push_back(Review(state, a.score, today));
    }
  }
  REHEARSE_TRY(log_.Record(a, f.schedules));
  return f;
}

Result<DrillResult> Coach::Drill(std::string_view story_key, std::string_view typed, std::string_view session) {
  const Story* story = FindStory(story_key);
  if (!story) return Error{fmt::format("no story \"{}\" in the bank", story_key)};
  if (FindInvalidUtf8(typed)) return Error{"the typed figures are not valid UTF-8"};
  DrillResult r = CheckMetrics(*story, catalog_, typed);
  if (r.metrics.empty()) {
    return Error{fmt::format("story {} quotes no figures in its result: add them to it first", story->key)};
  }
  Attempt a;
  a.kind = "drill";
  a.session = std::string(session);
  a.question_id = "metrics:" + story->key;
  a.question = fmt::format("The figures of \"{}\"", story->title);
  a.story_key = story->key;
  a.framework = story->framework;
  a.text = std::string(typed);
  a.words = CountWords(typed);
  a.score = r.score;
  json doc = {{"recalled", json::array()}, {"missed", json::array()}, {"stray", r.stray}};
  for (const auto& m : r.metrics) doc[m.recalled ? "recalled" : "missed"].push_back(m.metric);
  a.report = doc.dump();
  REHEARSE_TRY(log_.Record(a, {}));
  return r;
}

Result<std::vector<DueStory>> Coach::Due() const {
  REHEARSE_TRY_ASSIGN(schedules, log_.Schedules());
  std::map<std::string, const ScheduleState*> by_item;
  for (const auto& s : schedules) by_item[s.item] = &s;
  REHEARSE_TRY_ASSIGN(attempts, log_.Attempts(AttemptFilter{"", "", "answer"}));
  std::map<std::string, int> counts;
  for (const auto& a : attempts) ++counts[a.story_key];
  std::vector<DueStory> out;
  Days today = Today();
  for (const Story& s : stories_) {
    DueStory d;
    d.key = s.key;
    d.title = s.title;
    d.attempts = counts[s.key];
    auto it = by_item.find("story:" + s.key);
    auto due = it == by_item.end() ? Result<Days>(Error{""}) : ParseDate(it->second->due);
    if (due) {
      d.due = *due;
      d.interval_days = it->second->interval_days;
      d.repetitions = it->second->repetitions;
      d.last_score = it->second->last_score;
    } else {
      d.due = today;
      d.fresh = true;
    }
    out.push_back(std::move(d));
  }
  // Soonest first; among equals, the weakest last score, then bank order.
  std::stable_sort(out.begin(), out.end(), [](const DueStory& a, const DueStory& b) {
    if (a.due != b.due) return a.due < b.due;
    return !a.fresh && !b.fresh && a.last_score < b.last_score;
  });
  return out;
}

Result<Progress> Coach::ProgressReport() const {
  REHEARSE_TRY_ASSIGN(attempts, log_.Attempts());
  Progress p;
  std::map<std::string, StoryProgress> stories;
  std::map<std::string, RuleProgress> rules;
  std::vector<const Attempt*> answers;
  for (const Attempt& a : attempts) {
    if (a.kind == "drill") continue;
    p.timeline.push_back({a.id, a.created_at, a.story_key, a.kind, a.score});
    if (a.kind != "answer") continue;
    answers.push_back(&a);
    if (!a.story_key.empty()) {
      StoryProgress& s = stories[a.story_key];
      if (s.attempts == 0) s.first = a.score;
      ++s.attempts;
      s.last = a.score;
      s.best = std::max(s.best, a.score);
    }
    for (const auto& [rule, count] : a.rule_counts) {
      RuleProgress& r = rules[rule];
      r.rule = rule;
      ++r.attempts;
      r.findings += count;
    }
  }
  p.answers = static_cast<int>(answers.size());
  p.window = std::min(5, p.answers);
  for (size_t i = answers.size() - static_cast<size_t>(p.window); i < answers.size(); ++i) {
    for (const auto& [rule, count] : answers[i]->rule_counts) ++rules[rule].recent;
  }
  for (const Story& s : stories_) {
    auto it = stories.find(s.key);
    if (it == stories.end()) continue;
    it->second.key = s.key;
    it->second.title = s.title;
    p.stories.push_back(it->second);
  }
  for (auto& [name, r] : rules) p.rules.push_back(r);
  std::stable_sort(p.rules.begin(), p.rules.end(), [](const RuleProgress& a, const RuleProgress& b) {
    return a.attempts != b.attempts ? a.attempts > b.attempts : a.recent > b.recent;
  });
  return p;
}

}  // namespace rehearse
