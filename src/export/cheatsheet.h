#pragma once
// The printable cheat sheet: one self-contained HTML page (CSS inline, no scripts,
// fonts, images or links to fetch) to print and glance at before an interview. It
// holds the framework selection table (from the catalog's frameworks and question
// cues), each company's values with the stories mapped to them, the go-to and backup
// story per theme, and a card per story with its key, question, project, framework,
// figures and the follow-ups to expect. Cards never break across pages; each ends
// with a "— key —" line, which the print test uses to find where a card ends.
// Pure: data in, HTML out; every text from the bank is HTML-escaped.

#include <map>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "match/matcher.h"
#include "model/story.h"

namespace rehearse {

enum class Paper { kA4, kLetter };

struct CheatSheetInput {
  const std::vector<Story>* stories = nullptr;
  const Catalog* catalog = nullptr;
  std::vector<Plan> plans;         // One per company shown, in order; may be empty.
  std::vector<ThemePick> themes;   // Go-to and backup by theme.
  std::map<std::string, std::vector<std::string>> followups;  // By story key.
  std::string date;                // Printed in the heading: "2026-11-25".
  Paper paper = Paper::kA4;
};

// REQUIRES: `stories` and `catalog` are set.
std::string CheatSheetHtml(const CheatSheetInput& input);

// "&", "<", ">", '"' and "'" as entities.
std::string HtmlEscape(std::string_view text);

}  // namespace rehearse
