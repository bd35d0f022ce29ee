#include "store/bank.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "store/story_doc.h"
#include "store/migrations.h"
#include "util/clock.h"
#include "util/text.h"

namespace rehearse {
namespace {

// The searchable text of a story, as migration 2 first filled it.
constexpr const char* kRefreshFts = R"sql(
INSERT INTO story_fts (rowid, key, title, project, body)
  SELECT rowid, key, title, project,
         coalesce((SELECT group_concat(text, char(10)) FROM story_section AS s WHERE s.key = story.key), '')
         || char(10) || notes
  FROM story WHERE key = ?1
)sql";

std::string JoinThemes(const std::vector<std::string>& themes) { return Join(themes, "\n"); }

std::vector<std::string> SplitThemes(std::string_view text) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  for (std::string_view t : Split(text, '\n')) out.emplace_back(t);
  return out;
}

constexpr const char* kStoryColumns =
    "key, title, project, framework, kind, category, topic, notes, themes FROM story";

Story StoryFromRow(const Stmt& row) {
  Story s;
  s.key = row.Text(0);
  s.title = row.Text(1);
  s.project = row.Text(2);
  s.framework = row.Text(3);
  s.kind = row.Text(4);
  s.category = row.Text(5);
  s.topic = row.Text(6);
  s.notes = row.Text(7);
  s.themes = SplitThemes(row.Text(8));
  return s;
}

// Turns free text into an FTS5 query of quoted words, so that user input can never be
// read as query syntax ("AND", quotes, colons, stars).
std::string FtsQuery(std::string_view text) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += ' ';
    out += '"' + word + '"';
    word.clear();
  };
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) word += c;
    else flush();
  }
  flush();
  return out;
}

}  // namespace

std::string DefaultBankPath(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("REHEARSE_DB"); env && *env) return env;
  std::string base;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) base = xdg;
  else if (const char* home = std::getenv("HOME"); home && *home) base = std::string(home) + "/.local/share";
  else base = ".";
  return base + "/rehearse/rehearse.db";
}

Result<std::unique_ptr<Bank>> Bank::Open(const std::string& path, int busy_timeout_ms, int schema_version) {
  if (path != ":memory:") {
    std::error_code ec;
    std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty() && !std::filesystem::exists(parent, ec)) {
      std::filesystem::create_directories(parent, ec);
      if (ec) return Error{fmt::format("{}: cannot create the folder for the bank: {}", path, ec.message())};
    }
  }
  REHEARSE_TRY_ASSIGN(db, Db::Open(path, busy_timeout_ms));
  REHEARSE_TRY(Migrate(*db, schema_version < 0 ? LatestSchemaVersion() : schema_version));
  return std::unique_ptr<Bank>(new Bank(std::move(db)));
}

Status Bank::Put(const Story& story, int rev, std::string_view reason, const std::string& now) {
  // The search row shares the story's rowid, so it is found without a scan.
  REHEARSE_TRY_ASSIGN(unindex, db_->Prepare("DELETE FROM story_fts WHERE rowid = (SELECT rowid FROM story WHERE key = ?1)"));
  REHEARSE_TRY(unindex.Bind(1, story.key).Run());
  REHEARSE_TRY_ASSIGN(ins, db_->Prepare("INSERT INTO story_revision (key, rev, doc, reason, created_at) VALUES (?1, ?2, ?3, ?4, ?5)"));
  REHEARSE_TRY(ins.Bind(1, story.key).Bind(2, rev).Bind(3, StoryToDoc(story)).Bind(4, reason).Bind(5, now).Run());
  REHEARSE_TRY_ASSIGN(up, db_->Prepare(R"sql(
INSERT INTO story (key, rev, title, project, framework, kind, category, topic, notes, themes, updated_at)
  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
ON CONFLICT (key) DO UPDATE SET rev = excluded.rev, title = excluded.title, project = excluded.project,
  framework = excluded.framework, kind = excluded.kind, category = excluded.category, topic = excluded.topic,
  notes = excluded.notes, themes = excluded.themes, updated_at = excluded.updated_at)sql"));
  REHEARSE_TRY(up.Bind(1, story.key).Bind(2, rev).Bind(3, story.title).Bind(4, story.project)
                   .Bind(5, story.framework).Bind(6, story.kind).Bind(7, story.category).Bind(8, story.topic)
                   .Bind(9, story.notes).Bind(10, JoinThemes(story.themes)).Bind(11, now).Run());
  for (const char* table : {"story_section", "story_value"}) {
    REHEARSE_TRY_ASSIGN(del, db_->Prepare(fmt::format("DELETE FROM {} WHERE key = ?1", table)));
    REHEARSE_TRY(del.Bind(1, story.key).Run());
  }
  REHEARSE_TRY_ASSIGN(sec, db_->Prepare("INSERT INTO story_section (key, position, name, text) VALUES (?1, ?2, ?3, ?4)"));
  int position = 0;
  for (const auto& section : story.sections) {
    REHEARSE_TRY(sec.Bind(1, story.key).Bind(2, position++).Bind(3, section.name).Bind(4, section.text).Run());
  }
  REHEARSE_TRY_ASSIGN(val, db_->Prepare(
      "INSERT INTO story_value (key, company, position, value, note, rank) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  for (const auto& [company, tags] : story.values) {
    position = 0;
    for (const auto& tag : tags) {
      REHEARSE_TRY(val.Bind(1, story.key).Bind(2, company).Bind(3, position++).Bind(4, tag.value).Bind(5, tag.note)
                       .Bind(6, tag.rank).Run());
    }
  }
  REHEARSE_TRY_ASSIGN(fts, db_->Prepare(kRefreshFts));
  REHEARSE_TRY(fts.Bind(1, story.key).Run());
  return {};
}

Result<ImportSummary> Bank::Import(const ParsedGuide& guide, std::string_view reason, DryRun dry_run) {
  ImportSummary summary;
  summary.stories = static_cast<int>(guide.stories.size());
  summary.questions = guide.index_rows;
  summary.mappings = guide.mappings;
  summary.warnings = guide.warnings;

  REHEARSE_TRY_ASSIGN(tx, Transaction::Begin(*db_));
  std::string now = NowUtc();
  for (const Story& parsed : guide.stories) {
    REHEARSE_TRY_ASSIGN(existing, Find(parsed.key));
    REHEARSE_TRY_ASSIGN(rev, CurrentRev(parsed.key));
    Story merged = parsed;
    if (existing) {
      // What this guide does not carry stays as the bank has it.
      for (const auto& [company, tags] : existing->values) {
        if (!guide.value_tables.count(company)) merged.values[company] = tags;
      }
      if (!guide.has_index) {
        merged.kind = existing->kind;
        merged.category = existing->category;
        merged.topic = existing->topic;
      }
      if (merged == *existing) {
        ++summary.unchanged;
        continue;
      }
      ++summary.updated;
    } else {
      ++summary.created;
    }
    if (dry_run == DryRun::kNo) REHEARSE_TRY(Put(merged, rev + 1, reason, now));
  }
  if (guide.has_theme_table) {
    REHEARSE_TRY_ASSIGN(current, Themes());
    summary.themes_changed = current != guide.themes;
    if (summary.themes_changed && dry_run == DryRun::kNo) {
      REHEARSE_TRY(db_->Exec("DELETE FROM theme_row"));
      REHEARSE_TRY_ASSIGN(ins, db_->Prepare(
          "INSERT INTO theme_row (position, theme, goto_key, goto_label, backup_key, backup_label) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
      int position = 0;
      for (const auto& t : guide.themes) {
        REHEARSE_TRY(ins.Bind(1, position++).Bind(2, t.theme).Bind(3, t.goto_key).Bind(4, t.goto_label)
                         .Bind(5, t.backup_key).Bind(6, t.backup_label).Run());
      }
    }
  }
  if (dry_run == DryRun::kNo) REHEARSE_TRY(tx->Commit());
  return summary;
}

Result<std::vector<Story>> Bank::Stories() const { return Load(""); }

Result<std::optional<Story>> Bank::Find(std::string_view key) const {
  REHEARSE_TRY_ASSIGN(stories, Load(key));
  if (stories.empty()) return std::optional<Story>();
  return std::optional<Story>(std::move(stories[0]));
}

Result<std::vector<Story>> Bank::Load(std::string_view key) const {
  // Three ordered scans joined by key in memory: linear in the bank, no JSON to parse.
  std::string where = key.empty() ? "" : " WHERE key = ?1";
  REHEARSE_TRY_ASSIGN(stories, db_->Prepare(fmt::format("SELECT {}{} ORDER BY key", kStoryColumns, where)));
  REHEARSE_TRY_ASSIGN(sections, db_->Prepare(fmt::format("SELECT key, name, text FROM story_section{} ORDER BY key, position", where)));
  REHEARSE_TRY_ASSIGN(values, db_->Prepare(fmt::format(
      "SELECT key, company, value, note, rank FROM story_value{} ORDER BY key, company, position", where)));
  if (!key.empty()) {
    stories.Bind(1, key);
    sections.Bind(1, key);
    values.Bind(1, key);
  }
  std::vector<Story> out;
  std::map<std::string, size_t, std::less<>> index;
  while (true) {
    REHEARSE_TRY_ASSIGN(row, stories.Step());
    if (!row) break;
    index[stories.Text(0)] = out.size();
    out.push_back(StoryFromRow(stories));
  }
  while (true) {
    REHEARSE_TRY_ASSIGN(row, sections.Step());
    if (!row) break;
    auto it = index.find(sections.Text(0));
    if (it != index.end()) out[it->second].sections.push_back({sections.Text(1), sections.Text(2)});
  }
  while (true) {
    REHEARSE_TRY_ASSIGN(row, values.Step());
    if (!row) break;
    auto it = index.find(values.Text(0));
    if (it == index.end()) continue;
    out[it->second].values[values.Text(1)].push_back(
        ValueTag{values.Text(2), values.Text(3), static_cast<int>(values.Int(4))});
  }
  std::sort(out.begin(), out.end(), [](const Story& a, const Story& b) { return NaturalLess(a.key, b.key); });
  return out;
}

Result<int> Bank::CurrentRev(std::string_view key) const {
  REHEARSE_TRY_ASSIGN(stmt, db_->Prepare("SELECT rev FROM story WHERE key = ?1"));
  stmt.Bind(1, key);
  REHEARSE_TRY_ASSIGN(row, stmt.Step());
  return row ? static_cast<int>(stmt.Int(0)) : 0;
}

Result<std::vector<Revision>> Bank::History(std::string_view key) const {
  REHEARSE_TRY_ASSIGN(stmt, db_->Prepare(
      "SELECT rev, created_at, reason, doc FROM story_revision WHERE key = ?1 ORDER BY rev"));
  stmt.Bind(1, key);
  std::vector<Revision> out;
  while (true) {
    REHEARSE_TRY_ASSIGN(row, stmt.Step());
    if (!row) break;
    Revision r;
    r.rev = static_cast<int>(stmt.Int(0));
    r.created_at = stmt.Text(1);
    r.reason = stmt.Text(2);
    REHEARSE_TRY_ASSIGN(story, StoryFromDoc(stmt.Text(3), fmt::format("{}: story {} rev {}", path(), key, r.rev)));
    r.story = std::move(story);
    out.push_back(std::move(r));
  }
  return out;
}

Result<int> Bank::Restore(std::string_view key, int rev) {
  REHEARSE_TRY_ASSIGN(tx, Transaction::Begin(*db_));
  REHEARSE_TRY_ASSIGN(current, CurrentRev(key));
  if (current == 0) return Error{fmt::format("no story \"{}\" in the bank", key)};
  REHEARSE_TRY_ASSIGN(stmt, db_->Prepare("SELECT doc FROM story_revision WHERE key = ?1 AND rev = ?2"));
  stmt.Bind(1, key).Bind(2, rev);
  REHEARSE_TRY_ASSIGN(row, stmt.Step());
  if (!row) return Error{fmt::format("story \"{}\" has no revision {} (it has 1 to {})", key, rev, current)};
  REHEARSE_TRY_ASSIGN(old, StoryFromDoc(stmt.Text(0), fmt::format("{}: story {} rev {}", path(), key, rev)));
  REHEARSE_TRY_ASSIGN(now_story, Find(key));
  if (now_story && *now_story == old) return current;
  REHEARSE_TRY(Put(old, current + 1, fmt::format("restore {}", rev), NowUtc()));
  REHEARSE_TRY(tx->Commit());
  return current + 1;
}

Result<Bank::SaveOutcome> Bank::Save(const Story& story, int expected_rev, std::string_view reason) {
  REHEARSE_TRY_ASSIGN(tx, Transaction::Begin(*db_));
  REHEARSE_TRY_ASSIGN(current, CurrentRev(story.key));
  SaveOutcome out{current, false, false};
  if (current != expected_rev) {
    out.conflict = true;
    return out;
  }
  REHEARSE_TRY_ASSIGN(existing, Find(story.key));
  if (existing && *existing == story) return out;
  REHEARSE_TRY(Put(story, current + 1, reason, NowUtc()));
  REHEARSE_TRY(tx->Commit());
  out.rev = current + 1;
  out.changed = true;
  return out;
}

Result<std::vector<std::string>> Bank::Search(std::string_view query) const {
  std::vector<std::string> out;
  std::string q = FtsQuery(query);
  if (q.empty()) return out;
  REHEARSE_TRY_ASSIGN(stmt, db_->Prepare("SELECT key FROM story_fts WHERE story_fts MATCH ?1 ORDER BY bm25(story_fts)"));
  stmt.Bind(1, q);
  while (true) {
    REHEARSE_TRY_ASSIGN(row, stmt.Step());
    if (!row) break;
    out.push_back(stmt.Text(0));
  }
  return out;
}

Result<std::vector<ThemeRow>> Bank::Themes() const {
  REHEARSE_TRY_ASSIGN(stmt, db_->Prepare(
      "SELECT theme, goto_key, goto_label, backup_key, backup_label FROM theme_row ORDER BY position"));
  std::vector<ThemeRow> out;
  while (true) {
    REHEARSE_TRY_ASSIGN(row, stmt.Step());
    if (!row) break;
    out.push_back({stmt.Text(0), stmt.Text(1), stmt.Text(2), stmt.Text(3), stmt.Text(4)});
  }
  return out;
}

Result<int> Bank::RevisionCount() const {
  REHEARSE_TRY_ASSIGN(stmt, db_->Prepare("SELECT count(*) FROM story_revision"));
  REHEARSE_TRY_ASSIGN(row, stmt.Step());
  return row ? static_cast<int>(stmt.Int(0)) : 0;
}

}  // namespace rehearse
