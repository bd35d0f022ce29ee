#pragma once
// JSON for the pre-interview tools: the checklist and the company notes, as
// `rehearse checklist --json`, `rehearse notes --json` and their API routes print them.

#include <string>
#include <vector>

#include "prep/checklist.h"
#include "store/company_notes.h"

namespace rehearse {

// {"company","company_name","done","total","items":[{"id","label","done","detail","next_step",
// "command","actions":[{"label","place","arg"}]}]}
std::string ChecklistJson(const Checklist& checklist);
// {"company","kind","rev","text","created_at"}
std::string NoteJson(const CompanyNote& note);
// {"company","notes":[note, ...]}
std::string NotesJson(const std::string& company, const std::vector<CompanyNote>& notes);

}  // namespace rehearse
