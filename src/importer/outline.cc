#include "importer/outline.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <memory>

#include "util/text.h"

namespace rehearse {
namespace {

struct Context {
  int list_depth = 0;
  int quote_depth = 0;
  int item_line = 0;  // Line that opens the innermost item; 0 outside lists.
  bool ordered = false;
  int item_number = 0;
  size_t item_indent = 0;
  size_t item_content = 0;  // Column (0-based) of the innermost item's content.
};

class Builder {
 public:
  explicit Builder(std::string_view text) : text_(text) {
    size_t pos = 0;
    int n = 1;
    while (pos < text.size()) {
      size_t nl = text.find('\n', pos);
      size_t end = nl == std::string_view::npos ? text.size() : nl;
      OutlineLine line;
      line.number = n++;
      line.offset = pos;
      line.raw = text.substr(pos, end - pos);
      out_.lines.push_back(line);
      raw_lines_.push_back(line.raw);
      if (nl == std::string_view::npos) break;
      pos = nl + 1;
    }
  }

  Outline Build() {
    cmark_gfm_core_extensions_ensure_registered();
    std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(cmark_parser_new(CMARK_OPT_DEFAULT),
                                                                       &cmark_parser_free);
    if (cmark_syntax_extension* table = cmark_find_syntax_extension("table")) {
      cmark_parser_attach_syntax_extension(parser.get(), table);
    }
    cmark_parser_feed(parser.get(), text_.data(), text_.size());
    std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(cmark_parser_finish(parser.get()), &cmark_node_free);
    Walk(doc.get(), Context{});
    return std::move(out_);
  }

 private:
  OutlineLine* At(int n) {
    if (n < 1 || n > static_cast<int>(out_.lines.size())) return nullptr;
    return &out_.lines[static_cast<size_t>(n - 1)];
  }

  void Walk(cmark_node* node, Context ctx) {
    cmark_node_type type = cmark_node_get_type(node);
    switch (type) {
      case CMARK_NODE_DOCUMENT:
      case CMARK_NODE_LIST:
        break;
      case CMARK_NODE_BLOCK_QUOTE:
        ++ctx.quote_depth;
        break;
      case CMARK_NODE_ITEM: {
        cmark_node* list = cmark_node_parent(node);
        ++ctx.list_depth;
        ctx.item_line = cmark_node_get_start_line(node);
        ctx.ordered = list && cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
        ctx.item_number = 0;
        if (ctx.ordered) {
          int index = 0;
          for (cmark_node* s = cmark_node_previous(node); s; s = cmark_node_previous(s)) ++index;
          ctx.item_number = cmark_node_get_list_start(list) + index;
        }
        size_t item_col = static_cast<size_t>(std::max(1, cmark_node_get_start_column(node)) - 1);
        cmark_node* first = cmark_node_first_child(node);
        if (first && cmark_node_get_start_line(first) == ctx.item_line) {
          ctx.item_content = static_cast<size_t>(std::max(1, cmark_node_get_start_column(first)) - 1);
        } else {
          // An empty first line: the content column is the marker's width plus one.
          const OutlineLine* l = At(ctx.item_line);
          size_t end = item_col;
          if (l) {
            while (end < l->raw.size() && l->raw[end] != ' ' && l->raw[end] != '\t') ++end;
          }
          ctx.item_content = end + 1;
        }
        ctx.item_indent = ctx.item_content > item_col ? ctx.item_content - item_col : 0;
        if (OutlineLine* l = At(ctx.item_line)) {
          l->item_start = true;
          l->ordered = ctx.ordered;
          l->item_number = ctx.item_number;
          l->item_indent = ctx.item_indent;
        }
        break;
      }
      default:
        Leaf(node, type, ctx);
        return;
    }
    for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) Walk(c, ctx);
  }

  void Leaf(cmark_node* node, cmark_node_type type, const Context& ctx) {
    int start = cmark_node_get_start_line(node);
    int end = std::max(start, cmark_node_get_end_line(node));
    LineKind kind = LineKind::kParagraph;
    if (type == CMARK_NODE_HEADING) kind = LineKind::kHeading;
    else if (type == CMARK_NODE_CODE_BLOCK) kind = LineKind::kCode;
    else if (type == CMARK_NODE_HTML_BLOCK) kind = LineKind::kHtml;
    else if (type == CMARK_NODE_THEMATIC_BREAK) kind = LineKind::kRule;
    else if (std::string_view(cmark_node_get_type_string(node)) == "table") kind = LineKind::kTable;
    size_t first_col = static_cast<size_t>(std::max(1, cmark_node_get_start_column(node)) - 1);
    int heading_level = kind == LineKind::kHeading ? cmark_node_get_heading_level(node) : 0;
    if (kind == LineKind::kTable) {
      // The paragraph a table interrupted, which cmark-gfm reports as the table's.
      int header = TableHeaderLine(raw_lines_, start, end);
      if (header > start) {
        Mark(start, header - 1, LineKind::kParagraph, 0, first_col, ctx);
        start = header;
        first_col = ContinuationContent(At(header)->raw, ctx, first_col);
      }
    }
    Mark(start, end, kind, heading_level, first_col, ctx);
    if (kind == LineKind::kTable) AddTable(node, start, end);
  }

  // Lines [start, end] as one leaf block of `kind`.
  void Mark(int start, int end, LineKind kind, int heading_level, size_t first_col, const Context& ctx) {
    int block = next_block_++;
    for (int n = start; n <= end; ++n) {
      OutlineLine* l = At(n);
      if (!l) break;
      l->kind = kind;
      l->block = block;
      l->block_start = n == start;
      l->heading_level = heading_level;
      l->list_depth = ctx.list_depth;
      l->quote_depth = ctx.quote_depth;
      if (n != ctx.item_line) {
        l->ordered = ctx.ordered;
        l->item_number = ctx.item_number;
        l->item_indent = ctx.item_indent;
      }
      l->content = n == start ? std::min(first_col, l->raw.size()) : ContinuationContent(l->raw, ctx, first_col);
    }
  }

  // Where a continuation line's content starts: after its quote markers, then after
  // at most as many spaces as the block's first line is indented (a lazy line has
  // fewer).
  static size_t ContinuationContent(std::string_view raw, const Context& ctx, size_t first_col) {
    size_t i = 0;
    for (int q = 0; q < ctx.quote_depth; ++q) {
      size_t j = i;
      while (j < raw.size() && j - i < 3 && raw[j] == ' ') ++j;
      if (j < raw.size() && raw[j] == '>') {
        i = j + 1;
        if (i < raw.size() && raw[i] == ' ') ++i;
      }
    }
    size_t spaces = 0;
    while (i + spaces < raw.size() && raw[i + spaces] == ' ' && i + spaces < first_col) ++spaces;
    return i + spaces;
  }

  void AddTable(cmark_node* table, int start, int end) {
    OutlineTable t;
    t.first_line = start;
    t.last_line = end;
    for (cmark_node* row = cmark_node_first_child(table); row; row = cmark_node_next(row)) {
      // The header row's own position is the interrupted paragraph's (TableHeaderLine).
      int line = row == cmark_node_first_child(table) ? start : cmark_node_get_start_line(row);
      const OutlineLine* l = At(line);
      if (!l) continue;
      t.rows.push_back(OutlineTableRow{line, SplitTableRow(l->Content())});
    }
    out_.tables.push_back(std::move(t));
  }

  std::string_view text_;
  std::vector<std::string_view> raw_lines_;  // raw_lines_[n - 1]: line n.
  Outline out_;
  int next_block_ = 0;
};

}  // namespace

std::vector<std::string> SplitTableRow(std::string_view line) {
  line = Trim(line);
  std::vector<std::string> cells;
  std::string cell;
  // As GFM splits a row: at every pipe not escaped, inside a code span too (an
  // unclosed backtick once swallowed the rest of the row, and the row with it).
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '\\' && i + 1 < line.size() && line[i + 1] == '|') {
      cell += '|';
      ++i;
      continue;
    }
    if (c == '|') {
      cells.emplace_back(Trim(cell));
      cell.clear();
      continue;
    }
    cell += c;
  }
  cells.emplace_back(Trim(cell));
  // The outer pipes leave an empty first and last cell.
  if (!line.empty() && line.front() == '|' && !cells.empty()) cells.erase(cells.begin());
  bool closing_pipe = line.size() > 1 && line.back() == '|' && line[line.size() - 2] != '\\';
  if (closing_pipe && !cells.empty()) cells.pop_back();
  return cells;
}

int TableHeaderLine(const std::vector<std::string_view>& lines, int start, int end) {
  for (int n = start + 1; n <= end && n <= static_cast<int>(lines.size()); ++n) {
    std::string_view l = lines[static_cast<size_t>(n - 1)];
    // Quote markers and indentation first (a table may be quoted or in an item).
    size_t i = l.find_first_not_of(" \t>");
    if (i == std::string_view::npos) continue;
    l = l.substr(i);
    bool delimiter = l.find('-') != std::string_view::npos && l.find('|') != std::string_view::npos &&
                     l.find_first_not_of("|:- \t") == std::string_view::npos;
    if (delimiter) return n - 1;
  }
  return start;
}

Outline BuildOutline(std::string_view text) { return Builder(text).Build(); }

}  // namespace rehearse
