#include "prep/bank_checklist.h"

#include <fmt/format.h>

#include "match/matcher.h"
#include "practice/bank_readiness.h"
#include "store/company_notes.h"
#include "store/practice_log.h"
#include "util/clock.h"

namespace rehearse {

Result<Checklist> ChecklistForBank(const Bank& bank, const Catalog& catalog, const QuestionClassifier& classifier,
                                   const Linter& linter, std::string_view company_id) {
  const Company* company = catalog.FindCompany(company_id);
  if (!company) return Error{fmt::format("unknown company \"{}\" (see: rehearse companies)", company_id)};
  REHEARSE_TRY_ASSIGN(stories, bank.Stories());
  REHEARSE_TRY_ASSIGN(themes, bank.Themes());
  StoryIndex index(stories, themes, classifier);
  REHEARSE_TRY_ASSIGN(plan, index.PlanFor(company->id));
  PracticeLog log(bank.db());
  REHEARSE_TRY_ASSIGN(last, log.LastAttemptAt());
  REHEARSE_TRY_ASSIGN(readiness, StoriesReadiness(stories, log, linter, catalog, Today()));
  REHEARSE_TRY_ASSIGN(notes, CompanyNotes(bank.db()).All(company->id));
  ChecklistInput in;
  in.stories = &stories;
  in.catalog = &catalog;
  in.company = company;
  in.plan = &plan;
  // Readiness has linted every story as written already.
  for (const auto& [key, r] : readiness) {
    if (!r.facts.written_errors.empty()) in.lint_errors[key] = r.facts.written_errors;
  }
  in.last_practice_at = last;
  in.readiness = std::move(readiness);
  in.today = Today();
  for (const auto& n : notes) in.notes[n.kind] = n.text;
  return BuildChecklist(in);
}

}  // namespace rehearse
