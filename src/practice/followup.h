#pragma once
// Probing follow-ups: the questions an interviewer asks when an answer leaves
// something out. Each is chosen from what this answer lacks (the linter's findings
// and a few cues read here) and quotes the answer or the story it came from, so the
// user rehearses the follow-up they would really get, not a generic one.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "lint/linter.h"
#include "model/story.h"

namespace rehearse {

struct FollowUp {
  std::string probe;     // "ownership", "evidence", "metric", "risk", "alternatives", "impact",
                         // "hardest", "differently", "timeline"
  std::string question;  // As the interviewer would ask it.
  std::string why;       // What in the answer called for it.
};

// Up to `max` follow-ups for `answer` (linted as `report`), most pressing first.
// `story` (may be null) is the story the answer tells: its project and metrics ground
// the questions. Never empty: an answer that lacks nothing still gets the method's
// standard probes.
std::vector<FollowUp> ChooseFollowUps(std::string_view answer, const LintReport& report, const Story* story,
                                      const Catalog& catalog, size_t max = 3);

}  // namespace rehearse
