#pragma once
// The practice coach: runs mock-interview turns over the user's bank. It picks the
// next question, assesses an answer (linter findings, timing against the framework's
// budget, the method's delivery nudges, probing follow-ups), records the attempt and
// moves the spaced-repetition schedule, all in one transaction; and it reports what
// is due and how scores move over time.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "lint/linter.h"
#include "match/classifier.h"
#include "match/matcher.h"
#include "practice/drill.h"
#include "practice/followup.h"
#include "practice/session.h"
#include "store/practice_log.h"
#include "util/clock.h"
#include "util/result.h"

namespace rehearse {

// Past this the method says the interviewer stops listening.
constexpr double kOverTimeSeconds = 180;

struct AnswerInput {
  std::string question_id;  // A pool question's id, or "<attempt>.<n>" for a follow-up.
  std::string question;     // The wording, for a question of the user's own (no id).
  std::string story_key;    // "" to recognise the story from the answer.
  std::string framework;    // "" for the question's own (CAR for a follow-up).
  std::string company = "amazon";
  std::string session;
  std::string text;
  double seconds = 0;  // As measured by the caller's timer; 0 when unknown.
  bool spoken = false;  // `text` is a transcript of speech: delivery rules apply.
};

struct Feedback {
  Attempt attempt;  // As recorded, with its id.
  LintReport report;
  std::vector<SectionBudget> budget;
  bool over_time = false;
  std::vector<std::string> nudges;
  std::vector<FollowUp> followups;
  std::string story_title;
  bool story_recognised = false;  // Found from the answer rather than named.
  std::vector<ScheduleState> schedules;  // The items this attempt moved.
};

struct DueStory {
  std::string key, title;
  Days due;
  int interval_days = 0, repetitions = 0, last_score = 0, attempts = 0;
  bool fresh = false;  // Never practised: due today.
};

struct ScorePoint {
  int64_t attempt = 0;
  std::string created_at, story_key, kind;
  int score = 0;
};

struct StoryProgress {
  std::string key, title;
  int attempts = 0, first = 0, last = 0, best = 0;
};

struct RuleProgress {
  std::string rule;
  int attempts = 0;  // Answers it fired in.
  int findings = 0;
  int recent = 0;    // Of the last `window` answers, how many it fired in.
};

struct Progress {
  int answers = 0;
  int window = 0;  // The recent answers `recent` counts over (at most 5).
  std::vector<ScorePoint> timeline;  // Answers and follow-ups, oldest first.
  std::vector<StoryProgress> stories;  // Practised stories, in bank order.
  std::vector<RuleProgress> rules;     // Most often fired first.
};

// True when `attempt` was spoken (a transcript answered with AnswerInput::spoken), as
// its report records; false for typed answers and drills.
bool SpokenAttempt(const Attempt& attempt);

class Coach {
 public:
  // REQUIRES: everything outlives the coach; `index` is built over `stories`.
  Coach(PracticeLog& log, const Catalog& catalog, const Linter& linter, const QuestionClassifier& classifier,
        const std::vector<Story>& stories, const StoryIndex& index);

  // The next question of `session` for `company`: never one already answered in the
  // session, nor (unless options.allow_repeat) a story already told in it.
  Result<NextQuestion> Next(std::string_view company, std::string_view session, NextOptions options) const;

  // Assesses and records an answer. Fails, writing nothing, on an empty or non-UTF-8
  // answer, an unknown question id, story, framework or company.
  Result<Feedback> Answer(const AnswerInput& input);

  // Checks typed figures against a story's metrics and records the drill.
  Result<DrillResult> Drill(std::string_view story_key, std::string_view typed, std::string_view session);

  // Every story with its next review date, soonest first.
  Result<std::vector<DueStory>> Due() const;

  Result<Progress> ProgressReport() const;

  // The question with `id` in `company`'s pool, or a follow-up "<attempt>.<n>" (then
  // `parent` is set to the attempt it follows up).
  Result<PracticeQuestion> ResolveQuestion(std::string_view id, const Company& company,
                                           std::optional<Attempt>* parent) const;

 private:
  const Story* FindStory(std::string_view key) const;
  std::vector<std::string> Nudges(const LintReport& report, std::string_view text, bool over_time) const;

  PracticeLog& log_;
  const Catalog& catalog_;
  const Linter& linter_;
  const QuestionClassifier& classifier_;
  const std::vector<Story>& stories_;
  const StoryIndex& index_;
};

}  // namespace rehearse
