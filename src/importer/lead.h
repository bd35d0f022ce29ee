#pragma once
// What a guide writes at the start of a line before the text: a section label or a
// story's metadata, in whatever dress people give it —
//   **Situation:**  **Situation**:  **Context**  __Goal:__  *Also answers:*
//   - S: text       - **S** — text  * **A** : text  Task - text
//   ### ✅ **S - Situation**   ### 🎯 **Task:**   ### Result
// and labels written inline in one paragraph ("Situation: … Task: … Action: …").
// Reading the dress is here; which words are labels is the vocabulary's business
// (model/labels.h), asked through a predicate.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rehearse {

struct Lead {
  std::string name;  // The words, markup and decoration stripped: "S - Situation".
  size_t text = 0;   // Byte in the line where the text after the lead starts.
  size_t text_end = std::string_view::npos;  // Where it ends, when inside the bold
                                             // ("**Project: Atlas**"); npos: line end.
  bool bold = false;    // Written in bold or italics.
  bool closed = false;  // Ended by a colon or a dash, or alone on its line in bold.
};

// Reads the lead of `line` (a line's content, list markers already stripped; a
// heading line with its # markers). Returns nullopt when the line does not start
// with something shaped like a lead: at most six words ended by a colon or a dash, or
// bold alone on its line. `heading` says the line is a heading: its whole text is the
// lead.
std::optional<Lead> ReadLead(std::string_view line, bool heading);

// A label found inside running text.
struct InlineLabel {
  size_t start = 0;  // Byte where the label begins (its markup included).
  size_t text = 0;   // Byte where the text after it begins.
  std::string name;
};

// Labels written inline in `text` ("Situation: pages were slow. Task: ..."): a word
// or two that `is_label` accepts, followed by a colon, at the start of the text or
// after the end of a sentence. Returns them in order; the caller decides whether they
// are enough to read as sections.
std::vector<InlineLabel> FindInlineLabels(std::string_view text,
                                          const std::function<bool(std::string_view)>& is_label);

// The framework a lead or title names in parentheses or after a colon: "Answer
// (STAR)" -> "STAR", "SOAR version" -> "SOAR"; empty when it names none of `ids`.
std::string FrameworkHint(std::string_view text, const std::vector<std::string>& ids);

}  // namespace rehearse
