#pragma once
// Spaced repetition for stories and questions: SM-2 (P. A. Wozniak, "Optimization of
// learning", 1990; the SuperMemo 2 algorithm, https://super-memory.com/english/ol/sm2.htm).
// An attempt's 0-100 score becomes SM-2's 0-5 recall quality; a good attempt stretches
// the interval (1 day, 6 days, then interval × ease), a poor one starts it over at one
// day and lowers the ease, so weak stories come back soon.

#include "store/practice_log.h"
#include "util/clock.h"

namespace rehearse {

// SM-2's quality grade for a linter score: 90+ is 5, 80+ is 4, 70+ is 3 (the lowest
// passing grade: the story is told well enough to keep), 55+ is 2, 40+ is 1, else 0.
int QualityOfScore(int score);

// The state after reviewing `before` (a fresh item has repetitions 0, ease 2.5) with
// an attempt scoring `score` on `today`. The item name is kept.
ScheduleState Review(const ScheduleState& before, int score, Days today);

}  // namespace rehearse
