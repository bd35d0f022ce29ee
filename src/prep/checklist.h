#pragma once
// The pre-interview checklist for one company, ticked from the bank's real state
// rather than from the user's say-so: failure stories with learnings, stories mapped
// to the company's values, figures in every result, no error-level lint findings,
// every value covered, recent practice, questions and news written down, backups by
// theme. Each item that is not ticked says what to do next. Pure: the caller loads
// the data (bank, plan, lint, practice log, notes) and hands it in.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "lint/linter.h"
#include "match/matcher.h"
#include "model/story.h"
#include "util/clock.h"

namespace rehearse {

struct ChecklistItem {
  std::string id;         // Stable: "failure-stories", "metrics", ...
  std::string label;      // What the item asks for.
  bool done = false;
  std::string detail;     // What the bank shows now, with the story keys concerned.
  std::string next_step;  // What to do to tick it; empty when done.
};

struct Checklist {
  std::string company;  // Profile id.
  std::string company_name;
  std::vector<ChecklistItem> items;
  int done = 0;  // Items ticked.
};

struct ChecklistInput {
  const std::vector<Story>* stories = nullptr;
  const Catalog* catalog = nullptr;
  const Company* company = nullptr;
  const Plan* plan = nullptr;  // StoryIndex::PlanFor(company).
  // Story key -> rule ids of its error-level findings (see LintErrors); stories
  // without errors may be absent.
  std::map<std::string, std::vector<std::string>> lint_errors;
  std::optional<std::string> last_practice_at;  // PracticeLog::LastAttemptAt().
  Days today{};
  std::map<std::string, std::string> notes;  // Note kind -> current text.
};

// How many days back a practice attempt still counts as recent.
inline constexpr int kPracticeWindowDays = 7;

// REQUIRES: every pointer of `input` is set.
Checklist BuildChecklist(const ChecklistInput& input);

// Lints every story as an answer in its own framework and returns, by story key,
// the rule ids of its error-level findings. A story the linter cannot read (an
// unknown framework) is listed with the error's message instead of a rule id.
std::map<std::string, std::vector<std::string>> LintErrors(const std::vector<Story>& stories, const Linter& linter);

// True when `story` tells of a failure or mistake of the speaker's: a CARL story, a
// category or theme about failure, or a question about a mistake, a lesson or
// something that failed or went wrong. (Stories the user filed under a failure theme
// in their theme table count too; BuildChecklist sees that table.)
bool IsFailureStory(const Story& story);
// True when a theme or category label is about failure ("Failure & Learning").
bool IsFailureTopic(std::string_view label);
// The text of the story's learning: its sections whose role in its framework is
// "learning", or that are named Learning/Lesson(s). Empty when it has none.
std::string LearningText(const Story& story, const Catalog& catalog);

}  // namespace rehearse
