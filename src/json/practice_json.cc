#include "json/practice_json.h"

#include <algorithm>

#include <fmt/format.h>

#include "json/json_writer.h"
#include "json/lint_json.h"

namespace rehearse {
namespace {

void Budget(JsonWriter& w, const std::vector<SectionBudget>& budget) {
  w.Key("budget").BeginArray();
  for (const auto& b : budget) {
    w.BeginObject().Field("section", b.name).Field("prompt", b.prompt).Field("low", b.low).Field("high", b.high);
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

std::string NextJson(const NextQuestion& next, const std::string& session) {
  JsonWriter w;
  w.BeginObject().Field("session", session).Key("question").BeginObject();
  w.Field("id", next.question.id).Field("text", next.question.text);
  w.Field("kind", next.question.kind == QuestionKind::kGrilling ? "grilling" : "normal");
  w.Field("from_guide", next.question.story_key).EndObject();
  w.Field("framework", next.framework).Field("framework_reasons", next.framework_reasons);
  w.Field("values", next.values).Key("suggested").BeginArray();
  for (const auto& m : next.suggestions) {
    w.BeginObject().Field("key", m.key).Field("title", m.title).Field("score", m.score).Field("reasons", m.reasons);
    w.EndObject();
  }
  w.EndArray();
  Budget(w, next.budget);
  // The method's delivery habits: a pause to pick the story, then a signpost.
  w.Field("think_seconds", 5).Field("signpost", fmt::format("Let me share an example; I'll use {}.", next.framework));
  w.EndObject();
  return w.str();
}

std::string FeedbackJson(const Feedback& f) {
  const Attempt& a = f.attempt;
  JsonWriter w;
  w.BeginObject().Field("attempt", a.id).Field("kind", a.kind).Key("question").BeginObject();
  w.Field("id", a.question_id).Field("text", a.question).EndObject();
  w.Field("company", a.company).Field("session", a.session);
  w.Field("story", a.story_key).Field("story_title", f.story_title).Field("story_recognised", f.story_recognised);
  w.Key("timing").BeginObject().Field("seconds", f.report.seconds).Field("measured", a.seconds);
  w.Field("limit", kOverTimeSeconds).Field("over", f.over_time).EndObject();
  Budget(w, f.budget);
  w.Field("nudges", f.nudges).Key("followups").BeginArray();
  for (size_t i = 0; i < f.followups.size(); ++i) {
    const FollowUp& u = f.followups[i];
    w.BeginObject().Field("id", fmt::format("{}.{}", a.id, i + 1)).Field("probe", u.probe);
    w.Field("question", u.question).Field("why", u.why).EndObject();
  }
  w.EndArray().Key("schedule").BeginArray();
  for (const auto& s : f.schedules) {
    w.BeginObject().Field("item", s.item).Field("due", s.due).Field("interval_days", s.interval_days).EndObject();
  }
  w.EndArray().EndObject();
  // The lint report's fields first, then these: one flat document.
  std::string lint = LintJson(f.report, a.text);
  lint.pop_back();
  return lint + "," + w.str().substr(1);
}

std::string DrillJson(const DrillResult& d) {
  JsonWriter w;
  w.BeginObject().Field("story", d.story_key).Field("title", d.title).Field("score", d.score);
  w.Key("metrics").BeginArray();
  for (const auto& m : d.metrics) {
    w.BeginObject().Field("metric", m.metric).Field("numbers", m.numbers).Field("recalled", m.recalled).EndObject();
  }
  w.EndArray().Field("stray", d.stray).EndObject();
  return w.str();
}

std::string DueJson(const std::vector<DueStory>& due, Days today) {
  JsonWriter w;
  w.BeginArray();
  for (const auto& d : due) {
    w.BeginObject().Field("story", d.key).Field("title", d.title).Field("due", FormatDate(d.due));
    w.Field("due_now", d.due <= today).Field("new", d.fresh).Field("interval_days", d.interval_days);
    w.Field("repetitions", d.repetitions).Field("last_score", d.last_score).Field("attempts", d.attempts);
    w.EndObject();
  }
  w.EndArray();
  return w.str();
}

std::string ProgressJson(const Progress& p) {
  JsonWriter w;
  w.BeginObject().Field("answers", p.answers).Field("window", p.window).Key("timeline").BeginArray();
  for (const auto& t : p.timeline) {
    w.BeginObject().Field("attempt", t.attempt).Field("at", t.created_at).Field("story", t.story_key);
    w.Field("kind", t.kind).Field("score", t.score).EndObject();
  }
  w.EndArray().Key("stories").BeginArray();
  for (const auto& s : p.stories) {
    w.BeginObject().Field("key", s.key).Field("title", s.title).Field("attempts", s.attempts);
    w.Field("first", s.first).Field("last", s.last).Field("best", s.best).EndObject();
  }
  w.EndArray().Key("rules").BeginArray();
  for (const auto& r : p.rules) {
    w.BeginObject().Field("rule", r.rule).Field("attempts", r.attempts).Field("findings", r.findings);
    w.Field("recent", r.recent).EndObject();
  }
  w.EndArray().EndObject();
  return w.str();
}

std::string ReadinessJson(const Readiness& r) {
  const ReadinessFacts& f = r.facts;
  JsonWriter w;
  w.BeginObject().Field("state", ReadinessId(r.state)).Field("label", ReadinessLabel(r.state)).Field("reason", r.reason);
  w.Field("written_score", f.written_score).Field("written_errors", f.written_errors);
  w.Field("answers", static_cast<int>(f.answer_scores.size())).Key("last_scores").BeginArray();
  size_t from = f.answer_scores.size() - std::min(f.answer_scores.size(), static_cast<size_t>(kShakyWindow));
  for (size_t i = from; i < f.answer_scores.size(); ++i) w.Int(f.answer_scores[i]);
  w.EndArray().Field("spoken_answers", f.spoken_answers).Key("due");
  if (f.due) w.String(FormatDate(*f.due));
  else w.Raw("null");
  w.Field("metrics", f.metrics).Key("last_drill");
  if (f.last_drill) w.Int(*f.last_drill);
  else w.Raw("null");
  w.EndObject();
  return w.str();
}

std::string ReadinessCountsJson(const std::map<std::string, Readiness>& readiness) {
  constexpr ReadinessState kStates[] = {ReadinessState::kNeedsWork, ReadinessState::kNotPractised, ReadinessState::kShaky,
                                        ReadinessState::kDue, ReadinessState::kNearlyReady, ReadinessState::kReady};
  JsonWriter w;
  w.BeginObject();
  for (ReadinessState state : kStates) {
    int n = 0;
    for (const auto& [key, r] : readiness) n += r.state == state ? 1 : 0;
    w.Field(ReadinessId(state), n);
  }
  w.EndObject();
  return w.str();
}

}  // namespace rehearse
