#include "text/sentences.h"

#include <gtest/gtest.h>

#include "text/figures.h"

namespace rehearse {
namespace {

std::vector<std::string> Sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const Span& s : SplitSentences(text, {0, text.size()})) out.emplace_back(text.substr(s.start, s.size()));
  return out;
}

TEST(SentencesTest, SplitsOnEndsButNotOnAbbreviationsOrDecimals) {
  EXPECT_EQ(Sentences("P99 fell to 2.5 s. Then, e.g. the cache vs. the DB mattered! Did it? Yes."),
            (std::vector<std::string>{"P99 fell to 2.5 s.", "Then, e.g. the cache vs. the DB mattered!", "Did it?", "Yes."}));
  EXPECT_EQ(Sentences("Action:\n- I added a cache\n- I removed a join\n\nIt worked"),
            (std::vector<std::string>{"Action:", "- I added a cache", "- I removed a join", "It worked"}));
  EXPECT_EQ(Sentences("A line that wraps\nonto the next line. Done."),
            (std::vector<std::string>{"A line that wraps\nonto the next line.", "Done."}));
}

TEST(SentencesTest, WordsFiguresAndPositions) {
  EXPECT_EQ(CountWords("I didn't re-run the 3 jobs — twice."), 7);
  EXPECT_EQ(CountWords("we’re done → next"), 3);
  EXPECT_TRUE(HasFigure("fell by half"));
  EXPECT_TRUE(HasFigure("from 9 to 3"));
  EXPECT_FALSE(HasFigure("much faster than before"));
  // Spelled figures with no digit, each kind FindFigures reads: a cardinal, a hyphened
  // one, a multiple, "-fold", "a third of", "double the".
  for (std::string_view s : {"we hired seven contractors", "thirty-one tickets were open", "sign-ups tripled",
                              "a ten-fold rise", "a third of the fleet", "we doubled throughput",
                              "it would double the load", "cut the backlog by a quarter of its size"}) {
    EXPECT_TRUE(HasFigure(s)) << s;
    EXPECT_EQ(FindFigures(s, {0, s.size()}).empty(), false) << s;
  }
  // Words that only contain a figure's letters, and "one" as a pronoun.
  for (std::string_view s : {"someone often attended the network review", "one of the leads asked"}) {
    EXPECT_FALSE(HasFigure(s)) << s;
  }
  LineCol lc = LineColOf("ab\nc\xC3\xA9z", 6);
  EXPECT_EQ(lc.line, 2);
  EXPECT_EQ(lc.col, 3);
}

}  // namespace
}  // namespace rehearse
