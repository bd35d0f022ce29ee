#pragma once
// Per-company notes the user keeps for an interview: questions to ask the
// interviewer, recent news about the company, anything else. Each save appends a
// revision to the company_note table (schema 4); the current note is the highest
// revision, and nothing the user wrote is ever overwritten.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/db.h"
#include "util/result.h"

namespace rehearse {

// The kinds of note, in the order the checklist and the UI show them.
inline constexpr std::string_view kNoteKinds[] = {"questions", "news", "notes"};
bool IsNoteKind(std::string_view kind);

struct CompanyNote {
  std::string company;  // Profile id, lower case: "amazon".
  std::string kind;     // One of kNoteKinds.
  int rev = 0;          // 0 when nothing was ever written.
  std::string text;
  std::string created_at;
};

class CompanyNotes {
 public:
  // REQUIRES: `db` is migrated to schema 4 or later and outlives this object.
  explicit CompanyNotes(const Db& db) : db_(db) {}

  // The current note of `kind` for `company`: rev 0 and empty text when there is none.
  // Fails on an unknown kind or a database error.
  Result<CompanyNote> Current(std::string_view company, std::string_view kind) const;
  // The current note of every kind for `company`, in kNoteKinds order.
  Result<std::vector<CompanyNote>> All(std::string_view company) const;
  // Every revision of one note, oldest first.
  Result<std::vector<CompanyNote>> History(std::string_view company, std::string_view kind) const;
  // Appends `text` as the next revision and returns the note as now current. Text
  // equal to the current one writes nothing. Fails on an unknown kind, text that is
  // not UTF-8, or a database error (then nothing is written).
  Result<CompanyNote> Set(std::string_view company, std::string_view kind, std::string_view text);

 private:
  const Db& db_;
};

}  // namespace rehearse
