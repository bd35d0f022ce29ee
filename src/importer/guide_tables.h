#pragma once
// The tables a guide keeps beside its stories, in rehearse's own shape (the seed's):
//   | Theme | Go-To Story | Backup Story |   top stories by theme ("Label (Q1)")
//   | # | Category | Topic |                 the question index (kind "grilling"
//                                            under a heading that says so)
//   | Question | Stories | Value |           the user's own questions
//   value tables under a heading that names a company, drawn with │ ┌ ├ inside a
//   code fence or as GFM tables: "Dive Deep │ Q13 (query mystery), Q4"
// Rows name stories by key; Apply() attaches them once every story is read.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "importer/guide.h"

namespace rehearse {

using TableRows = std::vector<std::pair<int, std::vector<std::string>>>;  // (line, plain-text cells)

class GuideTables {
 public:
  // Results and warnings go to `out`.
  GuideTables(const Catalog& catalog, ParsedGuide* out) : catalog_(catalog), out_(out) {}

  // A GFM table starting at `line` under the heading `heading` (its plain text).
  // Returns false when it is none of the kinds above.
  bool Gfm(const std::vector<std::string>& header, const TableRows& rows, int line, std::string_view heading);
  // A code block's text that may be a box-drawn values table; `line` is the fence's.
  bool Box(std::string_view literal, int line, std::string_view heading);

  // Attaches index rows and value tags to the stories of `out` (key -> index in
  // out->stories) and warns about rows naming stories the guide lacks.
  void Apply(const std::map<std::string, size_t>& story_index);

  // The company the heading `heading` names, or nullptr.
  static const Company* HeadingCompany(const Catalog& catalog, std::string_view heading);

 private:
  void Warn(int line, std::string message) { out_->warnings.push_back({line, std::move(message)}); }
  bool ThemeTable(int start, const TableRows& rows);
  bool IndexTable(const TableRows& rows, std::string_view heading);
  bool QuestionsTable(const TableRows& rows);
  bool ValuesTable(int start, const TableRows& rows, std::string_view heading);

  struct IndexRow {
    std::string key, kind, category, topic;
    int line = 0;
  };
  struct ValueRow {
    std::string key, company;
    ValueTag tag;
    int line = 0;
  };

  const Catalog& catalog_;
  ParsedGuide* out_;
  std::vector<IndexRow> index_;
  std::vector<ValueRow> values_;
  std::vector<int> theme_lines_;
};

}  // namespace rehearse
