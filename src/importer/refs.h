#pragma once
// Reads references to stories inside table cells: "Q8 (explained to execs), Q24",
// "ES Pipeline (Q1)". Keys are normalised to "q<n>".

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rehearse {

struct StoryRef {
  std::string key;   // "q8"
  std::string note;  // "explained to execs"; empty when the cell gives none.
};

// Returns the story references of a values-table cell in order, each with the
// parenthesised note that follows it. Text that belongs to no reference ("Q1, Q3 -
// all quantified") becomes the note of every reference that has none, so nothing
// the user wrote is dropped.
std::vector<StoryRef> ParseStoryRefs(std::string_view cell);

// Reads a "Label (Q1)" or "Q1" cell: the key and the label around it. Returns nullopt
// when the cell names no story.
struct LabeledRef {
  std::string key;
  std::string label;
};
std::optional<LabeledRef> ParseLabeledRef(std::string_view cell);

// "Q12" -> "q12", "q007" -> "q7"; nullopt when `s` is not Q followed by digits.
std::optional<std::string> StoryKeyFromId(std::string_view s);

// "q12" -> "Q12": how keys are written back into a guide.
std::string StoryIdFromKey(std::string_view key);

}  // namespace rehearse
