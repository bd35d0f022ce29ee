#pragma once
// Reads box-drawing tables, the kind people draw inside Markdown code fences:
//
//   ┌──────────────┬─────────────────────┐
//   │ Value        │ Stories             │
//   ├──────────────┼─────────────────────┤
//   │ Have Backbone│ Q11 (disagreed with │
//   │ and Commit   │ lead), Q16          │
//   └──────────────┴─────────────────────┘
//
// Rows are separated by rule lines (├ ┌ └ ╞); columns by │. A row may wrap over
// several lines: the fragments of each column are joined with single spaces.

#include <string>
#include <string_view>
#include <vector>

namespace rehearse {

struct BoxRow {
  std::vector<std::string> cells;
  int line = 0;  // 0-based line within the block where the row starts.
};

struct BoxTable {
  std::vector<BoxRow> rows;  // rows[0] is the header row.
  int columns = 0;
};

// Returns the table drawn in `block`, or a table with no rows when the block holds
// no │-separated rows (a diagram, a list, code). A line with a different number of
// columns than the row it continues ends that row and starts a new one.
BoxTable ParseBoxTable(std::string_view block);

}  // namespace rehearse
