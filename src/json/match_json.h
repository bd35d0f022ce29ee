#pragma once
// JSON for question understanding, matching and coverage (SPEC §3):
//   classify -> {"framework","themes":[…],"values":[{"name","score","reasons"}],…}
//   match    -> {"stories":[{"key","title","score","reasons":[…]}]}
//   plan     -> {"values":[{"name","stories":[{"key","score"}]}],"gaps":[…],"recommended":[…],"overlaps":[…],…}

#include <string>
#include <vector>

#include "match/classifier.h"
#include "match/matcher.h"

namespace rehearse {

std::string ClassifyJson(const Classification& c);
std::string MatchJson(const std::vector<StoryMatch>& matches);
std::string PlanJson(const Plan& plan);

}  // namespace rehearse
