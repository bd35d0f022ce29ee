#pragma once
// `rehearse practice`: mock interviews in the terminal, and the scriptable steps
// (next, answer, drill, due, progress) the web app and tests use.

#include <memory>
#include <optional>
#include <string_view>

#include "cli/common.h"
#include "lint/linter.h"
#include "practice/coach.h"
#include "practice/readiness.h"
#include "store/practice_log.h"

namespace CLI {
class App;
}

namespace rehearse::cli {

void SetupPractice(CLI::App& cmd, Options& o);
int RunPractice(const Options& o);

// Everything a practice turn needs, loaded once.
struct PracticeKit {
  std::unique_ptr<Indexed> indexed;
  std::unique_ptr<Linter> linter;
  std::unique_ptr<PracticeLog> log;
  std::unique_ptr<Coach> coach;
};
Result<std::unique_ptr<PracticeKit>> LoadPracticeKit(const Options& o);

// Whether feedback shows the command that answers each follow-up: the interactive
// session asks the follow-up itself.
enum class FollowUpCommands { kShow, kHide };

// Feedback on an answer, for people: findings, score, timing against the budget,
// delivery tips, follow-ups and the next review.
void PrintFeedback(const Feedback& f, FollowUpCommands commands);

// The readiness of the story `key` as the practice log has it now; nullopt when the
// bank has no such story (an answer no story was recognised in).
Result<std::optional<Readiness>> ReadinessOf(const PracticeKit& kit, std::string_view key);

// The interactive session (practice_tty.cc).
int RunInteractivePractice(const Options& o, PracticeKit& kit);

}  // namespace rehearse::cli
