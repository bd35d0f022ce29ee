#pragma once
// Reads a Markdown interview guide (the user's own, or rehearse's native export) into
// stories and the tables that go with them. The only module that sees cmark-gfm.
//
// What it understands:
//   ### Q<n>: question          a story, key "q<n>", title = the question
//   **Project: ...**            the story's project
//   **Framework: ...**          its framework (STAR when absent)
//   **Themes: a, b**            themes set on the story itself
//   **Situation:** / **Action:** ...  a section label; the paragraphs and bullets up to
//                               the next label are the section's text, kept as written
//   **Notes:**                  the story's notes
//   | # | Category | Topic |     the question index (kind "grilling" under a heading
//                               that says so, else "normal")
//   | Theme | Go-To | Backup |  the top stories by theme
//   value tables under a heading that names a company, drawn with │ ┌ ├ inside a code
//   fence or as GFM tables: "Dive Deep │ Q13 (query mystery), Q4"
// Everything else is reported as a warning with its line, never dropped silently.

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "model/story.h"
#include "util/result.h"

namespace rehearse {

struct ImportWarning {
  int line = 0;
  std::string message;
};

struct ParsedGuide {
  std::vector<Story> stories;  // In file order.
  std::vector<ThemeRow> themes;
  bool has_theme_table = false;
  std::set<std::string> value_tables;  // Ids of the companies the guide maps values for.
  bool has_index = false;
  int index_rows = 0;  // Question-index rows applied to a story.
  int mappings = 0;    // Story-to-value tags read from value tables.
  std::vector<ImportWarning> warnings;
};

// Parses `text`; `file` names it in messages. Fails, with "file:line: what", on text
// that is empty, binary or not UTF-8, on a guide with no stories, on a half-written
// story (no sections, or a section label with nothing under it), on a story key used
// twice and on an unknown framework.
Result<ParsedGuide> ParseGuide(std::string_view text, std::string_view file, const Catalog& catalog);

}  // namespace rehearse
