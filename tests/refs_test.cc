#include "importer/refs.h"

#include <gtest/gtest.h>

namespace rehearse {
namespace {

std::string Render(const std::vector<StoryRef>& refs) {
  std::string out;
  for (const auto& r : refs) out += r.key + "[" + r.note + "] ";
  return out;
}

TEST(RefsTest, ParseStoryRefs) {
  struct Case {
    std::string cell, expected;
  };
  const Case cases[] = {
      {"Q8 (explained to execs), Q24 (helped a user), Q5", "q8[explained to execs] q24[helped a user] q5[] "},
      {"Q1, Q3, Q5 - all quantified", "q1[all quantified] q3[all quantified] q5[all quantified] "},
      {"Q22 (K8s abstraction), Q15 (shard strategy)", "q22[K8s abstraction] q15[shard strategy] "},
      {"Q7 (see (old) notes)", "q7[see (old) notes] "},
      {"Q07", "q7[] "},
      {"nothing here, FAQ2, Q", ""},
      {"(like Q4) Q9", "q9[like Q4] "},
  };
  for (const auto& c : cases) EXPECT_EQ(Render(ParseStoryRefs(c.cell)), c.expected) << c.cell;
}

TEST(RefsTest, ParseLabeledRef) {
  auto r = ParseLabeledRef("ES Pipeline (Q1)");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->key, "q1");
  EXPECT_EQ(r->label, "ES Pipeline");
  r = ParseLabeledRef("Q12");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->label, "");
  EXPECT_FALSE(ParseLabeledRef("Nothing"));
  EXPECT_EQ(StoryIdFromKey("q12"), "Q12");
  EXPECT_EQ(StoryKeyFromId(" Q012 "), "q12");
  EXPECT_FALSE(StoryKeyFromId("Q1a"));
}

}  // namespace
}  // namespace rehearse
