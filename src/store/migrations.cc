#include "store/migrations.h"

#include <iterator>

#include <fmt/format.h>

namespace rehearse {
namespace {

// Never edit a migration that has shipped: add a new one.
constexpr const char* kMigrations[] = {
    // 1: stories, their sections and value tags, and the full revision history (each
    // revision a JSON snapshot of the story, so history never depends on the schema).
    R"sql(
CREATE TABLE story (
  key        TEXT PRIMARY KEY,
  rev        INTEGER NOT NULL,
  title      TEXT NOT NULL,
  project    TEXT NOT NULL,
  framework  TEXT NOT NULL,
  kind       TEXT NOT NULL,
  category   TEXT NOT NULL,
  topic      TEXT NOT NULL,
  notes      TEXT NOT NULL,
  themes     TEXT NOT NULL,  -- one theme a line
  updated_at TEXT NOT NULL
);
CREATE TABLE story_section (
  key      TEXT NOT NULL REFERENCES story (key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name     TEXT NOT NULL,
  text     TEXT NOT NULL,
  PRIMARY KEY (key, position)
);
CREATE TABLE story_value (
  key      TEXT NOT NULL REFERENCES story (key) ON DELETE CASCADE,
  company  TEXT NOT NULL,
  position INTEGER NOT NULL,
  value    TEXT NOT NULL,
  note     TEXT NOT NULL,
  rank     INTEGER NOT NULL,
  PRIMARY KEY (key, company, position)
);
CREATE TABLE story_revision (
  key        TEXT NOT NULL,
  rev        INTEGER NOT NULL,
  doc        TEXT NOT NULL,
  reason     TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (key, rev)
);
)sql",
    // 2: full-text search over the stories, filled from what is already there.
    R"sql(
CREATE VIRTUAL TABLE story_fts USING fts5(key UNINDEXED, title, project, body, tokenize = 'porter unicode61');
INSERT INTO story_fts (rowid, key, title, project, body)
  SELECT rowid, key, title, project,
         coalesce((SELECT group_concat(text, char(10)) FROM story_section AS s WHERE s.key = story.key), '')
         || char(10) || notes
  FROM story;
)sql",
    // 3: the guide's "top stories by theme" table.
    R"sql(
CREATE TABLE theme_row (
  position     INTEGER PRIMARY KEY,
  theme        TEXT NOT NULL,
  goto_key     TEXT NOT NULL,
  goto_label   TEXT NOT NULL,
  backup_key   TEXT NOT NULL,
  backup_label TEXT NOT NULL
);
)sql",
    // 4: practice. Attempts are append-only (an answer, a follow-up's answer or a
    // metrics drill; `report` is the feedback as JSON), `attempt_rule` counts each
    // rule's findings per attempt for progress, `schedule` is the spaced-repetition
    // state per story or question, and company notes keep every version.
    R"sql(
CREATE TABLE attempt (
  id          INTEGER PRIMARY KEY,
  created_at  TEXT NOT NULL,
  session     TEXT NOT NULL,
  company     TEXT NOT NULL,
  kind        TEXT NOT NULL,  -- 'answer', 'followup' or 'drill'
  parent      INTEGER REFERENCES attempt (id),
  question_id TEXT NOT NULL,
  question    TEXT NOT NULL,
  story_key   TEXT NOT NULL,  -- '' when no story was named or recognised
  framework   TEXT NOT NULL,
  text        TEXT NOT NULL,
  seconds     REAL NOT NULL,  -- as measured; 0 when unknown
  words       INTEGER NOT NULL,
  score       INTEGER NOT NULL,
  report      TEXT NOT NULL
);
CREATE INDEX attempt_by_story ON attempt (story_key, created_at);
CREATE INDEX attempt_by_session ON attempt (session);
CREATE TABLE attempt_rule (
  attempt INTEGER NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,
  rule    TEXT NOT NULL,
  count   INTEGER NOT NULL,
  PRIMARY KEY (attempt, rule)
);
CREATE TABLE schedule (
  item          TEXT PRIMARY KEY,  -- 'story:q13' or 'question:<id>'
  repetitions   INTEGER NOT NULL,
  interval_days INTEGER NOT NULL,
  ease          REAL NOT NULL,
  due           TEXT NOT NULL,     -- YYYY-MM-DD
  last_score    INTEGER NOT NULL,
  reviewed_at   TEXT NOT NULL
);
CREATE TABLE company_note (
  company    TEXT NOT NULL,
  kind       TEXT NOT NULL,  -- 'questions' (to ask the interviewer), 'news', 'notes'
  rev        INTEGER NOT NULL,
  text       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (company, kind, rev)
);
)sql",
    // 5: where each story came from (the guide's file name and the key the guide gave
    // it), so that a second guide never replaces the first guide's stories and a
    // re-import updates its own; stories' other versions; sections the segmenter
    // found; and the user's own questions, linked to the stories the guide suggests.
    R"sql(
ALTER TABLE story ADD COLUMN source TEXT NOT NULL DEFAULT '';
ALTER TABLE story ADD COLUMN source_key TEXT NOT NULL DEFAULT '';
ALTER TABLE story ADD COLUMN versions TEXT NOT NULL DEFAULT '';  -- keys, one a line
ALTER TABLE story_section ADD COLUMN inferred INTEGER NOT NULL DEFAULT 0;
CREATE TABLE user_question (
  norm       TEXT PRIMARY KEY,  -- the text folded for comparison: one row per question
  text       TEXT NOT NULL,
  stories    TEXT NOT NULL,     -- keys, one a line, best first
  company    TEXT NOT NULL,
  value      TEXT NOT NULL,
  source     TEXT NOT NULL,
  created_at TEXT NOT NULL
);
)sql",
};

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(std::size(kMigrations)); }

Result<int> SchemaVersion(const Db& db) {
  REHEARSE_TRY_ASSIGN(stmt, db.Prepare("PRAGMA user_version"));
  REHEARSE_TRY_ASSIGN(row, stmt.Step());
  return row ? static_cast<int>(stmt.Int(0)) : 0;
}

Status Migrate(const Db& db, int target) {
  REHEARSE_TRY_ASSIGN(version, SchemaVersion(db));
  if (version > LatestSchemaVersion()) {
    return Error{fmt::format("{}: the bank has schema version {}, newer than this rehearse knows ({}); upgrade rehearse",
                             db.path(), version, LatestSchemaVersion())};
  }
  if (version >= target) return {};
  // Every step in one transaction: a new bank is made with one commit, and a failure
  // leaves the bank at the version it had.
  REHEARSE_TRY_ASSIGN(tx, Transaction::Begin(db));
  // Another process may have migrated while this one waited for the lock.
  REHEARSE_TRY_ASSIGN(now, SchemaVersion(db));
  if (now >= target) return {};
  for (int v = now; v < target; ++v) REHEARSE_TRY(db.Exec(kMigrations[v]));
  REHEARSE_TRY(db.Exec(fmt::format("PRAGMA user_version = {}", target)));
  return tx->Commit();
}

}  // namespace rehearse
