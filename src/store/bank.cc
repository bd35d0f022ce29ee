#include "store/bank.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include <fmt/format.h>

#include "json/story_json.h"
#include "store/migrations.h"
#include "util/text.h"

namespace rehearse {
namespace {

std::string NowUtc() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// The searchable text of a story: one definition, shared with migration 2.
constexpr const char* kRefreshFts = R"sql(
INSERT INTO story_fts (key, title, project, body)
  SELECT key, title, project,
         coalesce((SELECT group_concat(json_extract(value, '$.text'), char(10))
                   FROM json_each(story.doc, '$.sections')), '')
         || char(10) || coalesce(json_extract(story.doc, '$.notes'), '')
  FROM story WHERE key = ?1
)sql";

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
  std::string doc = StoryToDoc(story);
  REHEARSE_TRY_ASSIGN(ins, db_->Prepare("INSERT INTO story_revision (key, rev, doc, reason, created_at) VALUES (?1, ?2, ?3, ?4, ?5)"));
  REHEARSE_TRY(ins.Bind(1, story.key).Bind(2, rev).Bind(3, doc).Bind(4, reason).Bind(5, now).Run());
  REHEARSE_TRY_ASSIGN(up, db_->Prepare(R"sql(
INSERT INTO story (key, rev, title, project, framework, doc, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
ON CONFLICT (key) DO UPDATE SET rev = excluded.rev, title = excluded.title, project = excluded.project,
  framework = excluded.framework, doc = excluded.doc, updated_at = excluded.updated_at)sql"));
  REHEARSE_TRY(up.Bind(1, story.key).Bind(2, rev).Bind(3, story.title).Bind(4, story.project)
                   .Bind(5, story.framework).Bind(6, doc).Bind(7, now).Run());
  REHEARSE_TRY_ASSIGN(del, db_->Prepare("DELETE FROM story_fts WHERE key = ?1"));
  REHEARSE_TRY(del.Bind(1, story.key).Run());
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

Result<std::vector<Story>> Bank::Stories() const {
  REHEARSE_TRY_ASSIGN(stmt, db_->Prepare("SELECT key, doc FROM story"));
  std::vector<Story> out;
  while (true) {
    REHEARSE_TRY_ASSIGN(row, stmt.Step());
    if (!row) break;
    REHEARSE_TRY_ASSIGN(story, StoryFromDoc(stmt.Text(1), fmt::format("{}: story {}", path(), stmt.Text(0))));
    out.push_back(std::move(story));
  }
  std::sort(out.begin(), out.end(), [](const Story& a, const Story& b) { return NaturalLess(a.key, b.key); });
  return out;
}

Result<std::optional<Story>> Bank::Find(std::string_view key) const {
  REHEARSE_TRY_ASSIGN(stmt, db_->Prepare("SELECT doc FROM story WHERE key = ?1"));
  stmt.Bind(1, key);
  REHEARSE_TRY_ASSIGN(row, stmt.Step());
  if (!row) return std::optional<Story>();
  REHEARSE_TRY_ASSIGN(story, StoryFromDoc(stmt.Text(0), fmt::format("{}: story {}", path(), key)));
  return std::optional<Story>(std::move(story));
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
