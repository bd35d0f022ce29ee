#include "text/segment.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "lint/linter.h"
#include "test_util.h"

namespace rehearse {
namespace {

using testing::BuiltinCatalog;

std::string Describe(std::string_view text, const Segmentation& s) {
  std::string out;
  for (const auto& seg : s.segments) {
    out += seg.name + "[";
    for (const auto& sentence : seg.sentences) out += std::string(text.substr(sentence.start, std::min<size_t>(8, sentence.size()))) + "|";
    out += "] ";
  }
  return out;
}

TEST(SegmentTest, LabeledAnswersMapDirectly) {
  const Framework& star = *BuiltinCatalog().FindFramework("STAR");
  std::string text = "Intro line.\n**Situation:** The page was slow.\nTask: Fix it.\n- **Action:**\nI cached it.\nResult: 3x faster.";
  Segmentation s = SegmentAnswer(text, star, AllSectionNames(BuiltinCatalog()));
  EXPECT_TRUE(s.labeled);
  EXPECT_EQ(Describe(text, s), "Situation[The page|] Task[Fix it.|] Action[I cached|] Result[3x faste|] ");
  EXPECT_EQ(text.substr(s.preamble.start, s.preamble.size()), "Intro line.\n");
  EXPECT_EQ(s.Find(2)->words, 3);
}

TEST(SegmentTest, AForeignLabelIsKeptApart) {
  const Framework& car = *BuiltinCatalog().FindFramework("CAR");
  std::string text = "Challenge: Slow page.\nTask: Fix it.\nAction: I cached it.\nResult: 3x faster.";
  Segmentation s = SegmentAnswer(text, car, AllSectionNames(BuiltinCatalog()));
  EXPECT_EQ(Describe(text, s), "Challenge[Slow pag|] Task[Fix it.|] Action[I cached|] Result[3x faste|] ");
  EXPECT_EQ(s.segments[1].index, -1);
}

TEST(SegmentTest, ProseIsSplitByCuesAndPosition) {
  const Framework& star = *BuiltinCatalog().FindFramework("STAR");
  std::string text =
      "At my company, the Atlas search page took 4 seconds to load. "
      "I needed to bring it under one second before the sale. "
      "I profiled the page and found two serial calls. "
      "I made them concurrent and added a cache. "
      "Then I rolled it out behind a flag. "
      "As a result, load time fell to 600 ms and complaints stopped.";
  Segmentation s = SegmentAnswer(text, star, {});
  EXPECT_FALSE(s.labeled);
  EXPECT_EQ(Describe(text, s), "Situation[At my co|] Task[I needed|] Action[I profil|I made t|Then I r|] Result[As a res|] ");
}

TEST(SegmentTest, ALearningNeedsWordsThatSayIt) {
  const Framework& carl = *BuiltinCatalog().FindFramework("CARL");
  std::string without = "We moved billing to a new schema. I ran the migration without a dry run. Invoices were late by 6 hours.";
  Segmentation s = SegmentAnswer(without, carl, {});
  EXPECT_EQ(s.Find(3), nullptr);
  std::string with = without + " Looking back, I should have rehearsed it on a copy.";
  Segmentation t = SegmentAnswer(with, carl, {});
  ASSERT_NE(t.Find(3), nullptr);
  EXPECT_EQ(t.Find(3)->sentences.size(), 1u);
}


TEST(SegmentTest, LabelsAreReadWhereverPeopleWriteThem) {
  const Catalog& catalog = BuiltinCatalog();
  LabelReader reader(catalog.labels, catalog.frameworks);
  const Framework& star = *catalog.FindFramework("STAR");
  struct Case {
    std::string text;
    std::string segments;
  };
  const Case cases[] = {
      {"Situation: Slow page. Task: Fix it. Action: I cached it. Result: 3x faster.",
       "Situation[Slow pag|] Task[Fix it.|] Action[I cached|] Result[3x faste|] "},
      {"S: Slow page. T: Fix it. A: I cached it. R: 3x faster.",
       "Situation[Slow pag|] Task[Fix it.|] Action[I cached|] Result[3x faste|] "},
      {"### Background\nSlow page.\n### Goal\nFix it.\n**What I did**\nI cached it.\nOutcome - 3x faster.",
       "Situation[Slow pag|] Task[Fix it.|] Action[I cached|] Result[3x faste|] "},
      {"The challenge: slow page.\nMy task: fix it.", "Situation[slow pag|] Task[fix it.|] "},
  };
  for (const auto& c : cases) {
    Segmentation s = SegmentAnswer(c.text, star, reader);
    EXPECT_TRUE(s.labeled) << c.text;
    EXPECT_EQ(Describe(c.text, s), c.segments) << c.text;
  }
  // One label inside a paragraph is a phrase ("Result: nothing broke"), not a layout.
  EXPECT_FALSE(SegmentAnswer("We shipped it on time. Result: nothing broke.", star, reader).labeled);
}

TEST(SegmentTest, BulletsAreReadWithoutTheirMarkers) {
  const Framework& star = *BuiltinCatalog().FindFramework("STAR");
  std::string text =
      "- At Quillon our nightly export failed twice a week.\n- I needed to make it reliable within a month.\n"
      "- I read six weeks of logs.\n- I moved the run two hours later.\n- I added retries with backoff.\n"
      "- As a result, it ran 60 nights in a row.";
  Segmentation s = SegmentAnswer(text, star, {});
  EXPECT_EQ(Describe(text, s), "Situation[- At Qui|] Task[- I need|] Action[- I read|- I move|- I adde|] Result[- As a r|] ");
}

}  // namespace
}  // namespace rehearse
