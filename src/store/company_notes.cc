#include "store/company_notes.h"

#include <fmt/format.h>

#include "util/clock.h"
#include "util/text.h"

namespace rehearse {
namespace {

Status CheckKind(std::string_view kind) {
  if (IsNoteKind(kind)) return {};
  return Error{fmt::format("unknown note kind \"{}\" (questions, news or notes)", kind)};
}

CompanyNote ReadNote(const Stmt& s) {
  return CompanyNote{s.Text(0), s.Text(1), static_cast<int>(s.Int(2)), s.Text(3), s.Text(4)};
}

}  // namespace

bool IsNoteKind(std::string_view kind) {
  for (std::string_view k : kNoteKinds) {
    if (k == kind) return true;
  }
  return false;
}

Result<CompanyNote> CompanyNotes::Current(std::string_view company, std::string_view kind) const {
  REHEARSE_TRY(CheckKind(kind));
  REHEARSE_TRY_ASSIGN(q, db_.Prepare("SELECT company, kind, rev, text, created_at FROM company_note "
                                     "WHERE company = ?1 AND kind = ?2 ORDER BY rev DESC LIMIT 1"));
  q.Bind(1, company).Bind(2, kind);
  REHEARSE_TRY_ASSIGN(row, q.Step());
  if (row) return ReadNote(q);
  return CompanyNote{std::string(company), std::string(kind), 0, "", ""};
}

Result<std::vector<CompanyNote>> CompanyNotes::All(std::string_view company) const {
  std::vector<CompanyNote> out;
  for (std::string_view kind : kNoteKinds) {
    REHEARSE_TRY_ASSIGN(note, Current(company, kind));
    out.push_back(std::move(note));
  }
  return out;
}

Result<std::vector<CompanyNote>> CompanyNotes::History(std::string_view company, std::string_view kind) const {
  REHEARSE_TRY(CheckKind(kind));
  REHEARSE_TRY_ASSIGN(q, db_.Prepare("SELECT company, kind, rev, text, created_at FROM company_note "
                                     "WHERE company = ?1 AND kind = ?2 ORDER BY rev"));
  q.Bind(1, company).Bind(2, kind);
  std::vector<CompanyNote> out;
  while (true) {
    REHEARSE_TRY_ASSIGN(row, q.Step());
    if (!row) break;
    out.push_back(ReadNote(q));
  }
  return out;
}

Result<CompanyNote> CompanyNotes::Set(std::string_view company, std::string_view kind, std::string_view text) {
  REHEARSE_TRY(CheckKind(kind));
  if (auto bad = FindInvalidUtf8(text)) {
    return Error{fmt::format("note:{}: text is not valid UTF-8", LineOfOffset(text, *bad))};
  }
  // Read and append in one transaction, so two writers cannot take the same revision.
  REHEARSE_TRY_ASSIGN(tx, Transaction::Begin(db_));
  REHEARSE_TRY_ASSIGN(current, Current(company, kind));
  if (current.rev > 0 && current.text == text) return current;
  CompanyNote note{std::string(company), std::string(kind), current.rev + 1, std::string(text), NowUtc()};
  REHEARSE_TRY_ASSIGN(ins, db_.Prepare("INSERT INTO company_note (company, kind, rev, text, created_at) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5)"));
  REHEARSE_TRY(ins.Bind(1, note.company).Bind(2, note.kind).Bind(3, note.rev).Bind(4, note.text)
                   .Bind(5, note.created_at).Run());
  REHEARSE_TRY(tx->Commit());
  return note;
}

}  // namespace rehearse
