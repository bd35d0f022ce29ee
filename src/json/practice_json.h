#pragma once
// JSON for practice: `rehearse practice next|answer|drill|due|progress --json` and the
// matching /api/practice routes print the same documents.

#include <map>
#include <string>
#include <vector>

#include "practice/coach.h"
#include "practice/readiness.h"

namespace rehearse {

// {"session","question":{"id","text","kind"},"framework","framework_reasons":[…],
// "values":[…],"suggested":[{"key","title","score","reasons"}],"budget":[{"section",
// "prompt","low","high"}],"think_seconds","signpost"}
std::string NextJson(const NextQuestion& next, const std::string& session);

// The linter's report (as `rehearse lint --json`: findings, stats.split, score…) plus
// {"attempt","question":{"id","text"},"story","story_title","story_recognised",
// "timing":{"seconds","measured","limit","over"},"budget":[…],"nudges":[…],
// "followups":[{"id","probe","question","why"}],"schedule":[{"item","due","interval_days"}]}
std::string FeedbackJson(const Feedback& feedback);

// {"story","title","score","metrics":[{"metric","numbers","recalled"}],"stray":[…]}
std::string DrillJson(const DrillResult& drill);

// [{"story","title","due","due_now","new","interval_days","repetitions","last_score","attempts"}], soonest first.
std::string DueJson(const std::vector<DueStory>& due, Days today);

// {"answers","window","timeline":[{"attempt","at","story","kind","score"}],
// "stories":[{"key","title","attempts","first","last","best"}],
// "rules":[{"rule","attempts","findings","recent"}]}
std::string ProgressJson(const Progress& progress);

// One story's readiness: {"state","label","reason","written_score","written_errors":[…],
// "answers","last_scores":[…] (up to 3, oldest first),"spoken_answers","due" (date or
// null),"metrics","last_drill" (percent or null)}.
std::string ReadinessJson(const Readiness& readiness);

// How many stories are in each state, every state present, worst first:
// {"needs-work":N,"not-practised":N,"shaky":N,"due":N,"nearly-ready":N,"ready":N}.
std::string ReadinessCountsJson(const std::map<std::string, Readiness>& readiness);

}  // namespace rehearse
