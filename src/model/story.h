#pragma once
// A Story from the user's bank, and the bank-level tables a guide carries with it
// (top stories by theme). Plain data; no I/O.

#include <map>
#include <string>
#include <vector>

namespace rehearse {

struct StorySection {
  std::string name;  // The label as the user wrote it: "Situation".
  std::string text;  // Markdown source as written; bullets kept as "- " lines.
  bool inferred = false;  // Found by the segmenter in an unlabeled answer, not labeled
                          // by the user: the UI shows it, so a user can check the split.
  bool operator==(const StorySection&) const = default;
};

struct ValueTag {
  std::string value;  // Canonical profile name, or the guide's own name if unknown.
  std::string note;   // The guide's gloss: "Q13 (query mystery)" -> "query mystery".
  int rank = 0;       // Position of the story within the value's row (0 = first choice).
  bool operator==(const ValueTag&) const = default;
};

struct Story {
  std::string key;  // Stable: "q13" for a guide's "Q13".
  std::string title;
  std::string project;
  std::string framework;  // Framework id; "STAR" when the guide names none.
  std::vector<StorySection> sections;
  std::vector<std::string> themes;  // Themes set on the story itself.
  std::map<std::string, std::vector<ValueTag>> values;  // company id -> tags
  std::string kind;      // "normal", "grilling", or "" when no question index lists it.
  std::string category;  // From the question index: "Problem Solving".
  std::string topic;     // From the question index: a short reminder of the story.
  std::string notes;
  // Keys of other tellings of the same story (a STAR and a SOAR version): kept as
  // separate stories, linked both ways.
  std::vector<std::string> versions;

  // An outline: a story with notes and no sections yet (a one-line stub in a guide).
  bool IsOutline() const { return sections.empty(); }

  bool operator==(const Story&) const = default;
};

// One row of a guide's "top stories by theme" table.
struct ThemeRow {
  std::string theme;
  std::string goto_key, goto_label;
  std::string backup_key, backup_label;
  bool operator==(const ThemeRow&) const = default;
};

}  // namespace rehearse
