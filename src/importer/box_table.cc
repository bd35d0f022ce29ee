#include "importer/box_table.h"

#include "util/text.h"

namespace rehearse {
namespace {

constexpr std::string_view kBar = "\u2502";  // │
constexpr std::string_view kRuleStarts[] = {"\u251c", "\u250c", "\u2514", "\u255e", "\u2560", "\u255f"};

bool IsRule(std::string_view line) {
  line = Trim(line);
  for (auto start : kRuleStarts) {
    if (line.starts_with(start)) return true;
  }
  return false;
}

// The cells between the outer bars of a line, or empty when the line is not a row.
std::vector<std::string_view> CellsOf(std::string_view line) {
  std::vector<std::string_view> parts;
  size_t pos = 0;
  while (true) {
    size_t next = line.find(kBar, pos);
    if (next == std::string_view::npos) {
      parts.push_back(line.substr(pos));
      break;
    }
    parts.push_back(line.substr(pos, next - pos));
    pos = next + kBar.size();
  }
  // "│ a │ b │" splits into ["", a, b, ""]: the outer pieces lie outside the frame.
  if (parts.size() < 3 || !Trim(parts.front()).empty() || !Trim(parts.back()).empty()) return {};
  return std::vector<std::string_view>(parts.begin() + 1, parts.end() - 1);
}

}  // namespace

BoxTable ParseBoxTable(std::string_view block) {
  BoxTable table;
  bool in_row = false;
  int line_no = 0;
  for (std::string_view line : SplitLines(block)) {
    int this_line = line_no++;
    if (IsRule(line)) {
      in_row = false;
      continue;
    }
    std::vector<std::string_view> cells = CellsOf(line);
    if (cells.empty()) {
      in_row = false;
      continue;
    }
    if (in_row && static_cast<int>(cells.size()) != static_cast<int>(table.rows.back().cells.size())) in_row = false;
    if (!in_row) {
      table.rows.push_back(BoxRow{std::vector<std::string>(cells.size()), this_line});
      in_row = true;
    }
    BoxRow& row = table.rows.back();
    for (size_t i = 0; i < cells.size(); ++i) {
      std::string_view piece = Trim(cells[i]);
      if (piece.empty()) continue;
      if (!row.cells[i].empty()) row.cells[i] += ' ';
      row.cells[i] += piece;
    }
  }
  for (const auto& row : table.rows) {
    if (static_cast<int>(row.cells.size()) > table.columns) table.columns = static_cast<int>(row.cells.size());
  }
  return table;
}

}  // namespace rehearse
