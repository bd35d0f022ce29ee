#include "practice/readiness.h"

#include <algorithm>

#include <fmt/format.h>

#include "util/text.h"

namespace rehearse {
namespace {

// "82", "82 and 88", "75, 82 and 88".
std::string Scores(const std::vector<int>& scores) {
  std::string out;
  for (size_t i = 0; i < scores.size(); ++i) {
    if (i > 0) out += i + 1 == scores.size() ? " and " : ", ";
    out += std::to_string(scores[i]);
  }
  return out;
}

std::string ShakyReason(const std::vector<int>& window, int misses) {
  const int n = static_cast<int>(window.size());
  if (misses == 1 || n == 1) return fmt::format("last answer scored {}, under {}", window.back(), kPassingScore);
  if (misses == n) return fmt::format("last {} answers {} under {}", n, n == 2 ? "both" : "all", kPassingScore);
  return fmt::format("{} of last {} answers under {}", misses, n, kPassingScore);
}

}  // namespace

Readiness AssessReadiness(const ReadinessFacts& facts, Days today) {
  Readiness r;
  r.facts = facts;
  const std::vector<int>& scores = facts.answer_scores;

  if (!facts.written_errors.empty()) {
    r.state = ReadinessState::kNeedsWork;
    r.reason = fmt::format("the written story has {}: {}", facts.written_errors.size() == 1 ? "an error" : "errors",
                           Join(facts.written_errors, ", "));
    return r;
  }
  if (scores.empty()) {
    r.state = ReadinessState::kNotPractised;
    r.reason = fmt::format("never answered yet; the written story scores {}", facts.written_score);
    return r;
  }

  const size_t window_size = std::min(scores.size(), static_cast<size_t>(kShakyWindow));
  const std::vector<int> window(scores.end() - static_cast<long>(window_size), scores.end());
  const int misses = static_cast<int>(std::count_if(window.begin(), window.end(), [](int s) { return s < kPassingScore; }));
  if (window.back() < kPassingScore || misses >= 2) {
    r.state = ReadinessState::kShaky;
    r.reason = ShakyReason(window, misses);
    return r;
  }

  if (facts.due && *facts.due <= today) {
    r.state = ReadinessState::kDue;
    const auto late = (today - *facts.due).count();
    r.reason = late == 0 ? fmt::format("review due today; last answer scored {}", scores.back())
                         : fmt::format("review overdue by {}; last answer scored {}", Plural(late, "day", "days"),
                                       scores.back());
    return r;
  }

  // Good answers in a row, counted back from the last.
  int streak = 0;
  for (auto it = scores.rbegin(); it != scores.rend() && *it >= kPassingScore; ++it) ++streak;
  std::vector<std::string> missing;
  if (streak < kSteadyAnswers) {
    missing.push_back(streak == static_cast<int>(scores.size()) ? "only 1 answer so far"
                                                                 : "only 1 good answer since a miss");
  }
  if (facts.spoken_answers == 0) missing.push_back("never told out loud");
  if (facts.metrics > 0 && !facts.last_drill) missing.push_back("figures never drilled");
  if (facts.metrics > 0 && facts.last_drill && *facts.last_drill < 100) {
    missing.push_back(fmt::format("last drill recalled {}% of the figures", *facts.last_drill));
  }
  if (!missing.empty()) {
    r.state = ReadinessState::kNearlyReady;
    r.reason = Join(missing, "; ");
    return r;
  }

  r.state = ReadinessState::kReady;
  const std::vector<int> good(scores.end() - streak, scores.end());
  const std::vector<int> shown(good.end() - std::min<long>(kShakyWindow, streak), good.end());
  r.reason = fmt::format("last {} answers {}, told out loud{}", shown.size(), Scores(shown),
                         facts.metrics > 0 ? ", figures recalled" : "");
  if (facts.due) r.reason += fmt::format("; next review in {}", Plural((*facts.due - today).count(), "day", "days"));
  return r;
}

std::string_view ReadinessId(ReadinessState state) {
  switch (state) {
    case ReadinessState::kNeedsWork: return "needs-work";
    case ReadinessState::kNotPractised: return "not-practised";
    case ReadinessState::kShaky: return "shaky";
    case ReadinessState::kDue: return "due";
    case ReadinessState::kNearlyReady: return "nearly-ready";
    case ReadinessState::kReady: return "ready";
  }
  return "not-practised";
}

std::string_view ReadinessLabel(ReadinessState state) {
  switch (state) {
    case ReadinessState::kNeedsWork: return "needs work";
    case ReadinessState::kNotPractised: return "not practised";
    case ReadinessState::kShaky: return "shaky";
    case ReadinessState::kDue: return "due today";
    case ReadinessState::kNearlyReady: return "nearly ready";
    case ReadinessState::kReady: return "ready";
  }
  return "not practised";
}

}  // namespace rehearse
