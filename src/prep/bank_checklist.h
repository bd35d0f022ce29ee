#pragma once
// Gathers what BuildChecklist needs from a bank (stories, themes, the plan, each
// story's readiness and lint errors, the last practice, the company's notes) and
// builds the checklist: the one
// place that joins the store to the pure checklist, shared by the CLI and the server.

#include <string_view>

#include "catalog/catalog.h"
#include "lint/linter.h"
#include "match/classifier.h"
#include "prep/checklist.h"
#include "store/bank.h"
#include "util/result.h"

namespace rehearse {

// The checklist for `company` on the bank as it is now, with today's date from the
// clock (REHEARSE_NOW pins it). Fails on an unknown company (naming it) or when the
// bank cannot be read.
Result<Checklist> ChecklistForBank(const Bank& bank, const Catalog& catalog, const QuestionClassifier& classifier,
                                   const Linter& linter, std::string_view company);

}  // namespace rehearse
