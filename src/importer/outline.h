#pragma once
// The shape of a Markdown guide, line by line: which block each line belongs to
// (heading, paragraph, list item, table, code, HTML), how deep in lists and quotes it
// sits and where its content starts once the container markers are stripped. Built
// from cmark-gfm's tree; the recognizers of guide shapes work on this outline and
// never see cmark. Every position is a byte offset into the text the outline was
// built from, so that what is imported is the text as the user wrote it.

#include <string>
#include <string_view>
#include <vector>

namespace rehearse {

enum class LineKind { kBlank, kParagraph, kHeading, kCode, kHtml, kTable, kRule };

struct OutlineLine {
  int number = 0;            // 1-based.
  size_t offset = 0;         // Byte offset of the line's first byte in the text.
  std::string_view raw;      // The whole line, without its end-of-line.
  LineKind kind = LineKind::kBlank;
  int heading_level = 0;     // 1-6 for kHeading.
  int block = -1;            // Lines of one leaf block share it; -1 for blank lines.
  bool block_start = false;  // The first line of its leaf block.
  int list_depth = 0;        // Enclosing list items.
  int quote_depth = 0;       // Enclosing block quotes.
  bool item_start = false;   // The line that opens the innermost list item.
  bool ordered = false;      // The innermost list item is numbered.
  int item_number = 0;       // Its number ("7." -> 7); 0 for bullets.
  size_t item_indent = 0;    // Bytes of the innermost item's marker and its padding.
  size_t content = 0;        // Byte in `raw` where the block's content starts.

  std::string_view Content() const { return raw.substr(std::min(content, raw.size())); }
};

struct OutlineTableRow {
  int line = 0;
  std::vector<std::string> cells;  // Each cell's source text, trimmed, pipes unescaped.
};

struct OutlineTable {
  int first_line = 0, last_line = 0;
  std::vector<OutlineTableRow> rows;  // rows[0] is the header; the delimiter row is left out.
};

struct Outline {
  std::vector<OutlineLine> lines;    // lines[i].number == i + 1.
  std::vector<OutlineTable> tables;  // GFM tables, in file order.

  // The line numbered `n`, REQUIRES: 1 <= n <= lines.size().
  const OutlineLine& Line(int n) const { return lines[static_cast<size_t>(n - 1)]; }
  int size() const { return static_cast<int>(lines.size()); }
};

// Builds the outline of `text` (Markdown with "\n" line ends, GFM tables on). Never
// fails: whatever the bytes, each line gets a kind.
Outline BuildOutline(std::string_view text);

// The cells of one GFM table row as written: split on the pipes that are not escaped
// (code spans included, as GFM does), outer pipes dropped, each cell trimmed, "\|"
// read as "|".
std::vector<std::string> SplitTableRow(std::string_view line);

// The line of a GFM table's header row, for a table cmark-gfm reports on lines
// [start, end] of `lines` (lines[0] is line 1): the line above its delimiter row.
// cmark-gfm 0.29 gives a table that interrupts a paragraph ("**Situation:**" then a
// header row) the paragraph's first line, and the paragraph no position at all; the
// lines from `start` to the header line less one are that paragraph. Returns `start`
// when no delimiter row is found.
int TableHeaderLine(const std::vector<std::string_view>& lines, int start, int end);

}  // namespace rehearse
