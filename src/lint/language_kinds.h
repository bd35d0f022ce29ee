#pragma once
// Rule kinds that read the parsed sentences (text/clauses.h) and the lexicons
// (text/lexicon.h) rather than phrases alone. Each is one file, built once from its
// rule's data; the kind table in kinds.cc picks them by name.
//
//   judgement   a negative evaluation aimed at a third party: their work, their trait,
//               the fault put on them (blame)
//   affect      a feeling or drama where a concrete cause should be (emotion.unspecific)
//   assignment  the candidate as the one handed the work, with no initiative shown
//               (initiative.passive)
//   decline     the candidate declines to give an example and tells no story after
//               (giving-up)
//   hedge       approximate or figure-less claims in a scope (results.hedged)

#include <memory>

#include "lint/kinds.h"

namespace rehearse {

Result<std::unique_ptr<Rule>> MakeJudgementRule(RuleInfo info, const RuleParams& params);
Result<std::unique_ptr<Rule>> MakeAffectRule(RuleInfo info, const RuleParams& params);
Result<std::unique_ptr<Rule>> MakeAssignmentRule(RuleInfo info, const RuleParams& params);
Result<std::unique_ptr<Rule>> MakeDeclineRule(RuleInfo info, const RuleParams& params);
Result<std::unique_ptr<Rule>> MakeHedgeRule(RuleInfo info, const RuleParams& params);

}  // namespace rehearse
