#pragma once
// Readiness: can the user deliver this story in an interview today? One state with its
// reason, from everything rehearse knows about the story: the written story's lint
// findings, the practice record (last scores, how many answers, whether the spaced
// review is due), the metrics drill and whether it has been told out loud. This is
// the one place the rule lives; the CLI, the API and the web app only show its
// result. Pure: the caller gathers the facts (see bank_readiness.h).
//
// The rule, first match wins (README, "Readiness"):
//   needs work     the written story has an error-level lint finding
//   not practised  no practice answer tells this story yet
//   shaky          the last answer scored under 70, or 2 of the last 3 did
//   due today      the SM-2 review date has come
//   nearly ready   fewer than 2 good answers in a row, never told out loud, or the
//                  figures not all recalled in the last metrics drill
//   ready          none of the above
// 70 is the lowest score SM-2 counts as a pass (scheduler.h: quality 3).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/clock.h"

namespace rehearse {

// Worst first: the order is the order of the rule above.
enum class ReadinessState { kNeedsWork, kNotPractised, kShaky, kDue, kNearlyReady, kReady };

// A practice answer's score below this is a miss (SM-2's lowest passing quality).
inline constexpr int kPassingScore = 70;
// Answers the "shaky" rule looks back over.
inline constexpr int kShakyWindow = 3;
// Good answers in a row that make a story reliable rather than lucky.
inline constexpr int kSteadyAnswers = 2;

// What rehearse knows about one story.
struct ReadinessFacts {
  int written_score = 0;                    // The linter's score of the story as written.
  std::vector<std::string> written_errors;  // Rule ids of its error-level findings.
  std::vector<int> answer_scores;           // Practice answers telling it, oldest first.
  int spoken_answers = 0;                   // Of those, how many were spoken, not typed.
  std::optional<Days> due;                  // The story's SM-2 review date; none before the first answer.
  int metrics = 0;                          // Figures its result quotes (what the drill asks).
  std::optional<int> last_drill;            // Percent recalled in the last drill; none if never drilled.
};

struct Readiness {
  ReadinessState state = ReadinessState::kNotPractised;
  std::string reason;  // Short, for a person: "2 of last 3 answers under 70".
  ReadinessFacts facts;
};

// The state of a story with `facts` on `today`. Total: every input has a state.
Readiness AssessReadiness(const ReadinessFacts& facts, Days today);

// Stable id for programs: "needs-work", "not-practised", "shaky", "due", "nearly-ready", "ready".
std::string_view ReadinessId(ReadinessState state);
// For people: "needs work", "not practised", "shaky", "due today", "nearly ready", "ready".
std::string_view ReadinessLabel(ReadinessState state);

}  // namespace rehearse
