#include "importer/guide_tables.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "importer/box_table.h"
#include "importer/refs.h"
#include "util/text.h"

namespace rehearse {

const Company* GuideTables::HeadingCompany(const Catalog& catalog, std::string_view heading) {
  std::vector<std::string> words = LowerWords(heading);
  for (const auto& c : catalog.companies) {
    std::vector<std::string> name = LowerWords(c.name);
    for (const auto& w : words) {
      if (w == c.id || (name.size() == 1 && w == name[0])) return &c;
    }
  }
  return nullptr;
}

bool GuideTables::Box(std::string_view literal, int start, std::string_view heading) {
  BoxTable table = ParseBoxTable(literal);
  if (table.columns != 2 || table.rows.size() < 2) return false;
  TableRows rows;
  for (size_t i = 1; i < table.rows.size(); ++i) {
    // The fence line precedes the block's first line.
    rows.emplace_back(start + 1 + table.rows[i].line, table.rows[i].cells);
  }
  return ValuesTable(start, rows, heading);
}

bool GuideTables::Gfm(const std::vector<std::string>& header, const TableRows& rows, int start,
                      std::string_view heading) {
  std::string head = ToLower(Join(header, " | "));
  auto has = [&](std::string_view w) { return head.find(w) != std::string::npos; };
  if (has("theme") && (has("go-to") || has("goto") || has("backup"))) return ThemeTable(start, rows);
  if (!header.empty() && (header[0] == "#" || ToLower(header[0]) == "q" || ToLower(header[0]) == "question") &&
      (has("category") || has("topic"))) {
    return IndexTable(rows, heading);
  }
  if (header.size() == 3 && ToLower(header[0]) == "question" && ToLower(header[1]) == "stories" &&
      ToLower(header[2]) == "value") {
    return QuestionsTable(rows);
  }
  if (header.size() == 2) return ValuesTable(start, rows, heading);
  return false;
}

// rehearse's own "Your Questions" table: | Question | Stories | Value |, the value
// written "company: Value".
bool GuideTables::QuestionsTable(const TableRows& rows) {
  for (const auto& [line, cells] : rows) {
    if (cells.empty() || cells[0].empty()) continue;
    GuideQuestion q;
    q.text = cells[0];
    q.line = line;
    if (cells.size() > 1) {
      for (const auto& ref : ParseStoryRefs(cells[1])) q.stories.push_back(ref.key);
    }
    if (cells.size() > 2) {
      if (size_t colon = cells[2].find(": "); colon != std::string::npos) {
        q.company = cells[2].substr(0, colon);
        q.value = cells[2].substr(colon + 2);
      }
    }
    out_->questions.push_back(std::move(q));
  }
  return true;
}

bool GuideTables::ThemeTable(int start, const TableRows& rows) {
  if (out_->has_theme_table) {
    Warn(start, "a second theme table; its rows are added to the first");
  }
  out_->has_theme_table = true;
  for (const auto& [line, cells] : rows) {
    if (cells.empty() || cells[0].empty()) continue;
    ThemeRow row;
    row.theme = cells[0];
    if (cells.size() > 1) {
      if (auto ref = ParseLabeledRef(cells[1])) {
        row.goto_key = ref->key;
        row.goto_label = ref->label;
      } else if (!cells[1].empty()) {
        Warn(line, fmt::format("theme \"{}\": go-to story \"{}\" names no story (expected \"Label (Q1)\")",
                               row.theme, cells[1]));
      }
    }
    if (cells.size() > 2) {
      if (auto ref = ParseLabeledRef(cells[2])) {
        row.backup_key = ref->key;
        row.backup_label = ref->label;
      } else if (!cells[2].empty()) {
        Warn(line, fmt::format("theme \"{}\": backup story \"{}\" names no story (expected \"Label (Q1)\")",
                               row.theme, cells[2]));
      }
    }
    theme_lines_.push_back(line);
    out_->themes.push_back(std::move(row));
  }
  return true;
}

bool GuideTables::IndexTable(const TableRows& rows, std::string_view heading) {
  out_->has_index = true;
  std::string kind = ToLower(heading).find("grilling") != std::string::npos ? "grilling" : "normal";
  for (const auto& [line, cells] : rows) {
    if (cells.empty()) continue;
    auto key = StoryKeyFromId(cells[0]);
    if (!key) {
      Warn(line, fmt::format("question index row \"{}\" does not start with a story id like Q1; skipped", cells[0]));
      continue;
    }
    index_.push_back(IndexRow{*key, kind, cells.size() > 1 ? cells[1] : "", cells.size() > 2 ? cells[2] : "", line});
  }
  return true;
}

bool GuideTables::ValuesTable(int start, const TableRows& rows, std::string_view heading) {
  const Company* company = HeadingCompany(catalog_, heading);
  if (!company) {
    bool looks_like_values = std::any_of(rows.begin(), rows.end(), [](const auto& r) {
      return r.second.size() == 2 && !ParseStoryRefs(r.second[1]).empty();
    });
    if (looks_like_values) {
      Warn(start, fmt::format("table under \"{}\" maps stories, but the heading names no known company "
                              "(add a profile in your data folder); not imported",
                              heading));
      return true;
    }
    return false;
  }
  out_->value_tables.insert(company->id);
  for (const auto& [line, cells] : rows) {
    if (cells.size() != 2 || cells[0].empty()) continue;
    std::string name = cells[0];
    if (const CompanyValue* v = company->FindValue(name)) {
      name = v->name;
    } else {
      Warn(line, fmt::format("\"{}\" is not one of {}'s values; kept under the guide's name", name, company->name));
    }
    int rank = 0;
    for (auto& ref : ParseStoryRefs(cells[1])) {
      values_.push_back(ValueRow{ref.key, company->id, ValueTag{name, ref.note, rank++}, line});
    }
  }
  return true;
}

void GuideTables::Apply(const std::map<std::string, size_t>& story_index) {
  for (const auto& row : index_) {
    auto it = story_index.find(row.key);
    if (it == story_index.end()) {
      Warn(row.line, fmt::format("question index lists {}, but the guide has no such story", StoryIdFromKey(row.key)));
      continue;
    }
    Story& s = out_->stories[it->second];
    s.kind = row.kind;
    s.category = row.category;
    s.topic = row.topic;
    ++out_->index_rows;
  }
  for (auto& row : values_) {
    auto it = story_index.find(row.key);
    if (it == story_index.end()) {
      Warn(row.line, fmt::format("\"{}\" names {}, but the guide has no such story; mapping not imported",
                                 row.tag.value, StoryIdFromKey(row.key)));
      continue;
    }
    auto& tags = out_->stories[it->second].values[row.company];
    bool dup = std::any_of(tags.begin(), tags.end(), [&](const ValueTag& t) { return t.value == row.tag.value; });
    if (dup) continue;
    tags.push_back(std::move(row.tag));
    ++out_->mappings;
  }
  for (size_t i = 0; i < out_->themes.size() && i < theme_lines_.size(); ++i) {
    const ThemeRow& t = out_->themes[i];
    for (const std::string* key : {&t.goto_key, &t.backup_key}) {
      if (!key->empty() && !story_index.count(*key)) {
        Warn(theme_lines_[i], fmt::format("theme \"{}\" names {}, but the guide has no such story", t.theme,
                                          StoryIdFromKey(*key)));
      }
    }
  }
}

}  // namespace rehearse
