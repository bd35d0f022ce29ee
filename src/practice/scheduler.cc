#include "practice/scheduler.h"

#include <algorithm>
#include <cmath>

namespace rehearse {

int QualityOfScore(int score) {
  if (score >= 90) return 5;
  if (score >= 80) return 4;
  if (score >= 70) return 3;
  if (score >= 55) return 2;
  if (score >= 40) return 1;
  return 0;
}

ScheduleState Review(const ScheduleState& before, int score, Days today) {
  ScheduleState after = before;
  int q = QualityOfScore(score);
  if (q >= 3) {
    if (before.repetitions == 0) {
      after.interval_days = 1;
    } else if (before.repetitions == 1) {
      after.interval_days = 6;
    } else {
      after.interval_days = static_cast<int>(std::lround(before.interval_days * before.ease));
    }
    after.repetitions = before.repetitions + 1;
  } else {
    after.repetitions = 0;
    after.interval_days = 1;
  }
  // SM-2's ease update, applied after every review, floored at 1.3.
  double miss = 5 - q;
  after.ease = std::max(1.3, before.ease + (0.1 - miss * (0.08 + miss * 0.02)));
  after.due = FormatDate(today + std::chrono::days{after.interval_days});
  after.last_score = score;
  after.reviewed_at = FormatDate(today);
  return after;
}

}  // namespace rehearse
