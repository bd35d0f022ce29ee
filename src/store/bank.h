#pragma once
// The story bank: stories with their full revision history, and the guide's theme
// table, in one SQLite file. Every change to a story adds a revision; nothing the user
// wrote is ever overwritten. Owns the connection and the migrations; other store
// modules (practice, notes) keep their own tables in the same file through db().

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importer/guide.h"
#include "model/question.h"
#include "model/story.h"
#include "store/db.h"
#include "util/result.h"

namespace rehearse {

struct Revision {
  int rev = 0;
  std::string created_at;  // UTC, "2026-11-25T17:40:01Z"
  std::string reason;      // "import guide.md", "restore 2"
  Story story;
};

// One story of an import: the key it has (or would have) in the bank, the key the
// guide gave it, and whether it is new, an update of a story the bank holds, or
// unchanged.
struct ImportedStory {
  std::string key;
  std::string guide_key;
  std::string status;  // "new", "updated", "unchanged"
  Story story;         // As it is (or would be) stored: keys already the bank's.
  StoryOrigin origin;
};

struct ImportSummary {
  int stories = 0;  // Stories in the guide.
  int created = 0, updated = 0, unchanged = 0;
  int questions = 0;      // Questions in the guide.
  int questions_new = 0;  // Of those, not in the bank before.
  int mappings = 0;       // Story-to-value tags.
  bool themes_changed = false;
  std::vector<ImportWarning> warnings;
  std::vector<ImportedStory> imported;      // In the guide's order.
  std::vector<UserQuestion> guide_questions;  // Story keys already the bank's.
};

enum class DryRun { kNo, kYes };

class Bank {
 public:
  // Opens the bank at `path` (created if missing, ":memory:" for tests) and migrates
  // it to `schema_version` (the latest by default; tests pass an older one). Fails
  // when the file is not a bank, is newer than this build, or stays locked for
  // longer than `busy_timeout_ms`.
  static Result<std::unique_ptr<Bank>> Open(const std::string& path, int busy_timeout_ms = 2000,
                                            int schema_version = -1);

  // Applies a parsed guide in one transaction: new stories are created, changed ones
  // get a new revision, identical ones are left alone; the guide's questions join the
  // user's own. `source` names the guide (its file name): a story keeps the key its
  // guide gave it unless a story of another guide holds that key, in which case it
  // gets the next free key; importing the same guide again updates its own stories.
  // A native export's keys are the bank's own and always used. Value tags and index
  // fields of companies or tables the guide does not carry are kept from the bank. On
  // any error nothing is written. With DryRun::kYes, reports what would change.
  Result<ImportSummary> Import(const ParsedGuide& guide, std::string_view source, std::string_view reason,
                               DryRun dry_run);

  // The user's own questions, in the order they were first imported.
  Result<std::vector<UserQuestion>> Questions() const;

  // All stories, in key order ("q2" before "q10").
  Result<std::vector<Story>> Stories() const;
  // The story with `key`, or nullopt.
  Result<std::optional<Story>> Find(std::string_view key) const;
  // The story's current revision number, 0 when there is no such story.
  Result<int> CurrentRev(std::string_view key) const;
  // Every revision of `key`, oldest first; empty when there is no such story.
  Result<std::vector<Revision>> History(std::string_view key) const;
  // Makes revision `rev` of `key` current again by adding it as a new revision (the
  // revisions in between stay). Returns the new revision number, or the current one
  // when its content already equals `rev`. Fails when the story or revision is unknown.
  Result<int> Restore(std::string_view key, int rev);
  // Saves `story` as its next revision, provided its current revision is still
  // `expected_rev` (0 for a new story). When another save came first nothing is
  // written and `conflict` is set, with the revision that is current now; saving
  // content equal to the current one writes nothing either.
  struct SaveOutcome {
    int rev = 0;  // The story's current revision after the call.
    bool conflict = false;
    bool changed = false;
  };
  Result<SaveOutcome> Save(const Story& story, int expected_rev, std::string_view reason);

  // Keys of the stories matching `query` (words, all required, stemmed), best first.
  Result<std::vector<std::string>> Search(std::string_view query) const;
  Result<std::vector<ThemeRow>> Themes() const;
  Result<int> RevisionCount() const;

  const std::string& path() const { return db_->path(); }
  // The connection, for the store modules that keep other tables in the same file
  // (practice, company notes).
  const Db& db() const { return *db_; }

 private:
  explicit Bank(std::unique_ptr<Db> db) : db_(std::move(db)) {}
  Status Put(const Story& story, int rev, std::string_view reason, const std::string& now);
  // All stories, or the one with `key` when it is not empty.
  Result<std::vector<Story>> Load(std::string_view key) const;

  std::unique_ptr<Db> db_;
};

// The bank path from --db, else $REHEARSE_DB, else $XDG_DATA_HOME/rehearse/rehearse.db
// (~/.local/share when XDG_DATA_HOME is unset).
std::string DefaultBankPath(const std::string& flag);

}  // namespace rehearse
