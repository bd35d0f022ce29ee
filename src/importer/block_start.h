#pragma once
// Which text, written on a section label's own line ("**Note:** ---"), would read as
// something else on a line of its own. The importer escapes such text with a
// backslash; the native export puts it back on the label's line.

#include <string_view>

#include "util/text.h"

namespace rehearse {

// True when `line`, moved from a label's own line to the next line, would read as
// something else than the label's text: a heading, a rule, a fence, HTML or a label.
inline bool ReadsAsBlock(std::string_view line) {
  line = Trim(line);
  if (line.empty()) return false;
  if (line.starts_with("**") || line.starts_with("__") || line.starts_with('#') || line.starts_with("```") ||
      line.starts_with("~~~") || line.starts_with('<')) {
    return true;
  }
  // Setext underlines ("---", "=="), thematic breaks ("* * *", "___") and the
  // delimiter row of a GFM table ("|--|:-:"), which would turn the label into a table.
  return line.find_first_not_of("-=_*:| \t\f\v") == std::string_view::npos;
}

// True when `line`, a paragraph line inside a story, would read in the native format
// as a section label or a metadata line: bold text with a colon inside or right after
// the markers ("**Impact:** …", "__Note__:", "**Project: X**"). Section text holding
// such a line is escaped on export (a backslash before the markers), which renders the
// same. Errs towards true: an escape too many changes nothing a reader sees.
inline bool ReadsAsLabel(std::string_view line) {
  line = Trim(line);
  std::string_view marker = line.starts_with("**") ? "**" : line.starts_with("__") ? "__" : "";
  if (marker.empty()) return false;
  size_t close = line.find(marker, 2);
  if (close == std::string_view::npos || close == 2) return false;
  return line.substr(2, close - 2).find(':') != std::string_view::npos || line.substr(close + 2).starts_with(':');
}

// True when `line` would underline the text line above it into a heading (setext):
// up to three spaces, then only '=' or only '-' (spaces between the dashes make a
// rule, not an underline; trailing spaces allowed).
inline bool IsSetextUnderline(std::string_view line) {
  size_t i = line.find_first_not_of(' ');
  if (i == std::string_view::npos || i > 3 || (line[i] != '=' && line[i] != '-')) return false;
  std::string_view rest = line.substr(i);
  size_t run = rest.find_first_not_of(line[i]);
  return run == std::string_view::npos || rest.find_first_not_of(" \t", run) == std::string_view::npos;
}

// True when `line` starts an ordered list item: 1-9 digits, '.' or ')', then a space,
// a tab or the end of the line (CommonMark).
inline bool IsOrderedItem(std::string_view line) {
  size_t digits = line.find_first_not_of("0123456789");
  if (digits == 0 || digits > 9 || digits == std::string_view::npos) return false;
  if (line[digits] != '.' && line[digits] != ')') return false;
  return digits + 1 == line.size() || line[digits + 1] == ' ' || line[digits + 1] == '\t';
}

// True when `line` is an ATX heading of level 1 to 3 ("## Notes"), which in the
// native format ends a story; deeper headings are text there. (CommonMark: up to
// three spaces, then 1-6 '#', then a space, a tab or the end of the line.)
inline bool EndsNativeStory(std::string_view line) {
  size_t i = line.find_first_not_of(' ');
  if (i == std::string_view::npos || i > 3) return false;
  size_t hashes = line.find_first_not_of('#', i);
  size_t level = (hashes == std::string_view::npos ? line.size() : hashes) - i;
  return level >= 1 && level <= 3 && (hashes == std::string_view::npos || line[hashes] == ' ' || line[hashes] == '\t');
}

}  // namespace rehearse
