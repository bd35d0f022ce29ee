#pragma once
// The section labels people write ("Background", "Goal", "Outcome", "Lessons learned",
// a lone "S") and which section of a framework each stands for. The vocabulary is
// data (data/labels.toml, extended by the user's own labels.toml); the matching is
// here so that the importer and the linter read labels the same way. Plain data and
// pure functions; no I/O.

#include <string>
#include <string_view>
#include <vector>

#include "model/framework.h"

namespace rehearse {

// One [[label]] entry: the words that stand for a canonical section name (the name of
// a built-in framework's section, "Situation", "Learning").
struct SectionLabels {
  std::string section;
  std::vector<std::string> names;  // As written in the data file.
};

struct LabelVocabulary {
  std::vector<SectionLabels> entries;  // User entries first, then the built-in ones.
};

// The words of a label as written, folded for comparison: markup, emoji, punctuation
// and a trailing colon or dash dropped, "&" read as "and", lowercased, spaces collapsed.
// "### ✅ **S - Situation**" -> "s situation"; "Lessons Learned:" -> "lessons learned".
std::string NormalizeLabel(std::string_view written);

// The index in `framework.sections` of the section the label `written` stands for, or
// -1 when it names none of them. Tries, in order: a section's own name; a single
// letter that is the initial of exactly one section; a "S - Situation" / "S
// (Situation)" pair, by its name; the vocabulary's canonical sections holding the
// label, by name, then by role, where `all` (the catalog's frameworks) says which
// role a canonical section has.
int MapLabel(std::string_view written, const Framework& framework, const LabelVocabulary& vocabulary,
             const std::vector<Framework>& all);

// True when `written` is a label of any known framework section or vocabulary entry
// (what MapLabel would map for some framework of `all`).
bool IsKnownLabel(std::string_view written, const LabelVocabulary& vocabulary, const std::vector<Framework>& all);

}  // namespace rehearse
