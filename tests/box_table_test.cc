#include "importer/box_table.h"

#include <gtest/gtest.h>

namespace rehearse {
namespace {

TEST(BoxTableTest, JoinsWrappedRowsColumnByColumn) {
  BoxTable t = ParseBoxTable(
      "┌───────────────┬────────────────┐\n"
      "│ Value         │ Stories        │\n"
      "├───────────────┼────────────────┤\n"
      "│ Have Backbone;│ Q6 (argued for │\n"
      "│ Disagree      │ a rewrite), Q9 │\n"
      "├───────────────┼────────────────┤\n"
      "│ Dive Deep     │ Q4             │\n"
      "└───────────────┴────────────────┘\n");
  EXPECT_EQ(t.columns, 2);
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0].cells, (std::vector<std::string>{"Value", "Stories"}));
  EXPECT_EQ(t.rows[1].cells, (std::vector<std::string>{"Have Backbone; Disagree", "Q6 (argued for a rewrite), Q9"}));
  EXPECT_EQ(t.rows[1].line, 3);
  EXPECT_EQ(t.rows[2].cells, (std::vector<std::string>{"Dive Deep", "Q4"}));
  EXPECT_EQ(t.rows[2].line, 6);
}

TEST(BoxTableTest, DiagramsAndCodeAreNotTables) {
  EXPECT_TRUE(ParseBoxTable("S ──► T ──► A\nint main() {}\n").rows.empty());
  EXPECT_TRUE(ParseBoxTable("").rows.empty());
  // A one-column banner is a table of one column, which no importer step wants.
  EXPECT_EQ(ParseBoxTable("┌────┐\n│ HI │\n└────┘\n").columns, 1);
}

}  // namespace
}  // namespace rehearse
