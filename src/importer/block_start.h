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

}  // namespace rehearse
