#include "util/text.h"

#include <gtest/gtest.h>

namespace rehearse {
namespace {

TEST(TextTest, FindInvalidUtf8) {
  struct Case {
    std::string text;
    std::optional<size_t> bad;
  };
  const Case cases[] = {
      {"plain ascii", std::nullopt},
      {"caf\xC3\xA9 \xE2\x94\x82 \xF0\x9F\x98\x80", std::nullopt},
      {"ab\xFF", 2},                 // never valid
      {"\xC0\xAF", 0},               // overlong '/'
      {"x\xED\xA0\x80", 1},          // UTF-16 surrogate
      {"\xF4\x90\x80\x80", 0},       // above U+10FFFF
      {"ok\xE2\x94", 2},             // truncated sequence
      {"\xC3(", 0},                  // bad continuation
  };
  for (const auto& c : cases) EXPECT_EQ(FindInvalidUtf8(c.text), c.bad) << c.text;
}

TEST(TextTest, NaturalLessOrdersNumbersByValue) {
  EXPECT_TRUE(NaturalLess("q2", "q10"));
  EXPECT_FALSE(NaturalLess("q10", "q2"));
  EXPECT_TRUE(NaturalLess("q9", "q10"));
  EXPECT_TRUE(NaturalLess("a", "b"));
  EXPECT_FALSE(NaturalLess("q3", "q3"));
}

TEST(TextTest, SplitLinesDropsCarriageReturnsAndTheLastEmptyLine) {
  auto lines = SplitLines("a\r\nb\n\nc\n");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], "a");
  EXPECT_EQ(lines[1], "b");
  EXPECT_EQ(lines[2], "");
  EXPECT_EQ(lines[3], "c");
}

TEST(TextTest, Utf8TruncateNeverCutsACharacter) {
  EXPECT_EQ(Utf8Truncate("caf\xC3\xA9s", 4), "caf\xE2\x80\xA6");
  EXPECT_EQ(Utf8Truncate("short", 10), "short");
  EXPECT_EQ(Utf8Pad("\xC3\xA9", 3), "\xC3\xA9  ");
  EXPECT_EQ(LineOfOffset("a\nb\nc", 4), 3);
}

}  // namespace
}  // namespace rehearse
