#pragma once
// The pre-interview checklist for one company, ticked from the bank's real state
// rather than from the user's say-so: failure stories with learnings, stories mapped
// to the company's values, figures in every result, no error-level lint findings,
// every value covered, the stories to prepare first ready to tell, questions and news
// written down, backups by theme. Each item that is not ticked says what to do next,
// with the command that does it and the places of the web app where it gets done.
// Pure: the caller loads the data (bank, plan, lint, readiness, notes) and hands it in.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "lint/linter.h"
#include "match/matcher.h"
#include "model/story.h"
#include "practice/readiness.h"
#include "util/clock.h"

namespace rehearse {

// A place of the app where a next step gets done. The web app turns it into a link or
// a button; the CLI has `command` instead.
struct ChecklistAction {
  std::string label;  // "Edit q5", "Practise for Amazon".
  std::string place;  // "story" (arg: its key), "new-story", "notes" (arg: the note kind),
                      // "practice" (arg: company id), "coverage" (arg: company id), "import".
  std::string arg;
};

struct ChecklistItem {
  std::string id;         // Stable: "failure-stories", "metrics", ...
  std::string label;      // What the item asks for.
  bool done = false;
  std::string detail;     // What the bank shows now, with the story keys concerned.
  std::string next_step;  // What to do to tick it, in words for any interface; empty when done.
  std::string command;    // The command line that does it, for the CLI; may be empty.
  std::vector<ChecklistAction> actions;  // Where the web app does it; empty when done.
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
  // Story key -> rule ids of its error-level findings, as linted in its own framework
  // (Readiness::facts.written_errors); stories without errors may be absent.
  std::map<std::string, std::vector<std::string>> lint_errors;
  std::optional<std::string> last_practice_at;  // PracticeLog::LastAttemptAt().
  // Story key -> readiness (practice/bank_readiness.h); a story absent is not practised.
  std::map<std::string, Readiness> readiness;
  Days today{};
  std::map<std::string, std::string> notes;  // Note kind -> current text.
};


// REQUIRES: every pointer of `input` is set.
Checklist BuildChecklist(const ChecklistInput& input);

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
