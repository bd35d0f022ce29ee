#pragma once
// JSON for question understanding, matching and coverage (SPEC §3):
//   classify -> {"framework","themes":[…],"values":[{"name","score","reasons"}],…}
//   match    -> {"stories":[{"key","title","score","reasons":[…]}]}
//   plan     -> {"values":[{"name","stories":[{"key","score"}]}],"gaps":[…],"recommended":[…],"overlaps":[…],…}

#include <string>
#include <string_view>
#include <vector>

#include "match/classifier.h"
#include "match/matcher.h"
#include "match/summary.h"

namespace rehearse {

std::string ClassifyJson(const Classification& c);
std::string MatchJson(const std::vector<StoryMatch>& matches);
std::string PlanJson(const Plan& plan);
// {"bank","stories","frameworks":{id:n},"kinds","projects","values_covered":{company:[names]},"themes","revisions","with_metrics"}
std::string SummaryJson(const BankSummary& s, std::string_view bank, int revisions);

}  // namespace rehearse
