#include "store/bank.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>

#include "model/labels.h"
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
    "key, title, project, framework, kind, category, topic, notes, themes, versions FROM story";

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
  s.versions = SplitThemes(row.Text(9));
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
INSERT INTO story (key, rev, title, project, framework, kind, category, topic, notes, themes, updated_at, versions)
  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
ON CONFLICT (key) DO UPDATE SET rev = excluded.rev, title = excluded.title, project = excluded.project,
  framework = excluded.framework, kind = excluded.kind, category = excluded.category, topic = excluded.topic,
  notes = excluded.notes, themes = excluded.themes, updated_at = excluded.updated_at,
  versions = excluded.versions)sql"));
  REHEARSE_TRY(up.Bind(1, story.key).Bind(2, rev).Bind(3, story.title).Bind(4, story.project)
                   .Bind(5, story.framework).Bind(6, story.kind).Bind(7, story.category).Bind(8, story.topic)
                   .Bind(9, story.notes).Bind(10, JoinThemes(story.themes)).Bind(11, now)
                   .Bind(12, JoinThemes(story.versions)).Run());
  for (const char* table : {"story_section", "story_value"}) {
    REHEARSE_TRY_ASSIGN(del, db_->Prepare(fmt::format("DELETE FROM {} WHERE key = ?1", table)));
    REHEARSE_TRY(del.Bind(1, story.key).Run());
  }
  REHEARSE_TRY_ASSIGN(sec, db_->Prepare(
      "INSERT INTO story_section (key, position, name, text, inferred) VALUES (?1, ?2, ?3, ?4, ?5)"));
  int position = 0;
  for (const auto& section : story.sections) {
    REHEARSE_TRY(sec.Bind(1, story.key).Bind(2, position++).Bind(3, section.name).Bind(4, section.text)
                     .Bind(5, section.inferred ? 1 : 0).Run());
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

namespace {

// The next "q<n>" key free in `taken`.
std::string NextFreeKey(const std::set<std::string>& taken) {
  int n = 1;
  for (const auto& k : taken) {
    if (k.size() > 1 && k[0] == 'q' && k.find_first_not_of("0123456789", 1) == std::string::npos) {
      n = std::max(n, std::atoi(k.c_str() + 1) + 1);
    }
  }
  return "q" + std::to_string(n);
}

std::string RemapKey(const std::map<std::string, std::string>& remap, const std::string& key) {
  auto it = remap.find(key);
  return it == remap.end() ? key : it->second;
}

}  // namespace

Result<ImportSummary> Bank::Import(const ParsedGuide& guide, std::string_view source, std::string_view reason,
                                   DryRun dry_run) {
  ImportSummary summary;
  summary.stories = static_cast<int>(guide.stories.size());
  summary.questions = static_cast<int>(guide.questions.size());
  if (guide.questions.empty() && guide.native) summary.questions = guide.index_rows;
  summary.mappings = guide.mappings;
  summary.warnings = guide.warnings;

  REHEARSE_TRY_ASSIGN(tx, Transaction::Begin(*db_));
  std::string now = NowUtc();
  // Where the bank's stories came from: key -> (source, source key).
  std::map<std::string, std::pair<std::string, std::string>> origin;
  {
    REHEARSE_TRY_ASSIGN(stmt, db_->Prepare("SELECT key, source, source_key FROM story"));
    while (true) {
      REHEARSE_TRY_ASSIGN(row, stmt.Step());
      if (!row) break;
      origin[stmt.Text(0)] = {stmt.Text(1), stmt.Text(2)};
    }
  }
  std::set<std::string> taken;
  for (const auto& [k, o] : origin) taken.insert(k);
  std::set<std::string> assigned;
  std::map<std::string, std::string> remap;  // Guide key -> bank key.
  for (const Story& parsed : guide.stories) {
    std::string key;
    if (guide.native) {
      key = parsed.key;
    } else {
      // This guide's own story, imported before (perhaps under another key).
      for (const auto& [k, o] : origin) {
        if (o.first == source && o.second == parsed.key && !assigned.count(k)) {
          key = k;
          break;
        }
      }
      if (key.empty() && !assigned.count(parsed.key)) {
        auto it = origin.find(parsed.key);
        if (it == origin.end() || it->second.first.empty() || it->second.first == source) key = parsed.key;
      }
      if (key.empty()) {
        std::set<std::string> all = taken;
        all.insert(assigned.begin(), assigned.end());
        for (const Story& s : guide.stories) all.insert(s.key);
        key = NextFreeKey(all);
      }
    }
    assigned.insert(key);
    remap[parsed.key] = key;
  }
  for (size_t i = 0; i < guide.stories.size(); ++i) {
    const Story& parsed = guide.stories[i];
    Story merged = parsed;
    merged.key = remap[parsed.key];
    for (auto& v : merged.versions) v = RemapKey(remap, v);
    REHEARSE_TRY_ASSIGN(existing, Find(merged.key));
    REHEARSE_TRY_ASSIGN(rev, CurrentRev(merged.key));
    ImportedStory item{merged.key, parsed.key, "new", {}, i < guide.origins.size() ? guide.origins[i] : StoryOrigin{}};
    if (existing) {
      // What this guide does not carry stays as the bank has it.
      for (const auto& [company, tags] : existing->values) {
        if (!guide.value_tables.count(company) && !merged.values.count(company)) merged.values[company] = tags;
      }
      if (!guide.has_index) {
        merged.kind = existing->kind;
        merged.category = existing->category;
        merged.topic = existing->topic;
      }
      item.status = merged == *existing ? "unchanged" : "updated";
    }
    item.story = merged;
    summary.imported.push_back(std::move(item));
    if (summary.imported.back().status == "unchanged") {
      ++summary.unchanged;
    } else {
      if (existing) ++summary.updated;
      else ++summary.created;
      if (dry_run == DryRun::kNo) REHEARSE_TRY(Put(merged, rev + 1, reason, now));
    }
    if (dry_run == DryRun::kNo && !guide.native) {
      REHEARSE_TRY_ASSIGN(src, db_->Prepare("UPDATE story SET source = ?2, source_key = ?3 WHERE key = ?1"));
      REHEARSE_TRY(src.Bind(1, merged.key).Bind(2, source).Bind(3, parsed.key).Run());
    }
  }
  if (guide.has_theme_table) {
    std::vector<ThemeRow> themes = guide.themes;
    for (auto& t : themes) {
      if (!t.goto_key.empty()) t.goto_key = RemapKey(remap, t.goto_key);
      if (!t.backup_key.empty()) t.backup_key = RemapKey(remap, t.backup_key);
    }
    REHEARSE_TRY_ASSIGN(current, Themes());
    summary.themes_changed = current != themes;
    if (summary.themes_changed && dry_run == DryRun::kNo) {
      REHEARSE_TRY(db_->Exec("DELETE FROM theme_row"));
      REHEARSE_TRY_ASSIGN(ins, db_->Prepare(
          "INSERT INTO theme_row (position, theme, goto_key, goto_label, backup_key, backup_label) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
      int position = 0;
      for (const auto& t : themes) {
        REHEARSE_TRY(ins.Bind(1, position++).Bind(2, t.theme).Bind(3, t.goto_key).Bind(4, t.goto_label)
                         .Bind(5, t.backup_key).Bind(6, t.backup_label).Run());
      }
    }
  }
  std::set<std::string> titles;
  for (const Story& s : guide.stories) titles.insert(NormalizeLabel(s.title));
  for (const auto& q : guide.questions) {
    UserQuestion uq{q.text, {}, q.company, q.value, std::string(source)};
    for (const auto& k : q.stories) uq.stories.push_back(RemapKey(remap, k));
    summary.guide_questions.push_back(uq);
    std::string norm = NormalizeLabel(q.text);
    // A story's own question is its title: the story keeps it.
    if (titles.count(norm) && !q.stories.empty() && q.value.empty()) continue;
    REHEARSE_TRY_ASSIGN(find, db_->Prepare("SELECT stories, company, value FROM user_question WHERE norm = ?1"));
    find.Bind(1, norm);
    REHEARSE_TRY_ASSIGN(found, find.Step());
    if (!found) {
      ++summary.questions_new;
      if (dry_run == DryRun::kYes) continue;
      REHEARSE_TRY_ASSIGN(ins, db_->Prepare(
          "INSERT INTO user_question (norm, text, stories, company, value, source, created_at) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
      REHEARSE_TRY(ins.Bind(1, norm).Bind(2, uq.text).Bind(3, JoinThemes(uq.stories)).Bind(4, uq.company)
                       .Bind(5, uq.value).Bind(6, source).Bind(7, now).Run());
      continue;
    }
    // Known already: the guide's links come first, the bank's others stay.
    std::vector<std::string> stories = uq.stories;
    for (const auto& k : SplitThemes(find.Text(0))) {
      if (std::find(stories.begin(), stories.end(), k) == stories.end()) stories.push_back(k);
    }
    std::string company = uq.company.empty() ? find.Text(1) : uq.company;
    std::string value = uq.value.empty() ? find.Text(2) : uq.value;
    if (dry_run == DryRun::kYes) continue;
    REHEARSE_TRY_ASSIGN(up, db_->Prepare("UPDATE user_question SET stories = ?2, company = ?3, value = ?4 WHERE norm = ?1"));
    REHEARSE_TRY(up.Bind(1, norm).Bind(2, JoinThemes(stories)).Bind(3, company).Bind(4, value).Run());
  }
  if (dry_run == DryRun::kNo) REHEARSE_TRY(tx->Commit());
  return summary;
}

Result<std::vector<UserQuestion>> Bank::Questions() const {
  REHEARSE_TRY_ASSIGN(stmt, db_->Prepare(
      "SELECT text, stories, company, value, source FROM user_question ORDER BY created_at, rowid"));
  std::vector<UserQuestion> out;
  while (true) {
    REHEARSE_TRY_ASSIGN(row, stmt.Step());
    if (!row) break;
    out.push_back(UserQuestion{stmt.Text(0), SplitThemes(stmt.Text(1)), stmt.Text(2), stmt.Text(3), stmt.Text(4)});
  }
  return out;
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
  REHEARSE_TRY_ASSIGN(sections, db_->Prepare(fmt::format(
      "SELECT key, name, text, inferred FROM story_section{} ORDER BY key, position", where)));
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
    if (it != index.end()) {
      out[it->second].sections.push_back({sections.Text(1), sections.Text(2), sections.Int(3) != 0});
    }
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
