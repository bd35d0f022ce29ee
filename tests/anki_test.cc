// The Anki deck: what is written parses back into the same cards, whatever the
// fields hold, and the deck of a bank has the cards the issue asks for.

#include "export/anki.h"

#include <gtest/gtest.h>

#include "importer/guide.h"
#include "importer/metrics.h"
#include "test_util.h"

namespace rehearse {
namespace {

using testing::BuiltinCatalog;
using testing::ReadFixture;

TEST(AnkiTest, WritesTheDocumentedHeaderAndOneLineACard) {
  AnkiDeck deck{"rehearse::amazon", {{"Front", "Back", {"rehearse", "q1"}}}};
  EXPECT_EQ(WriteAnki(deck),
            "#separator:tab\n#html:false\n#notetype:Basic\n#deck:rehearse::amazon\n#tags column:3\n"
            "Front\tBack\trehearse q1\n");
}

TEST(AnkiTest, FieldsThatWouldBreakALineAreQuoted) {
  AnkiDeck deck{"d", {{"#1 \"hard\" one", "line one\nline\ttwo", {"a tag"}}}};
  EXPECT_EQ(WriteAnki(deck).substr(WriteAnki(deck).find("#tags column:3\n") + 15),
            "\"#1 \"\"hard\"\" one\"\t\"line one\nline\ttwo\"\ta_tag\n");
}

// Every kind of awkward text survives a write and a parse.
TEST(AnkiTest, RoundTripsAwkwardFields) {
  const std::vector<std::string> texts = {
      "plain",      "", "tab\there", "two\nlines", "\"quoted\"", "a \"\" pair", "# not a comment", "ends with quote\"",
      "\"", "trailing newline\n", "<b>not html</b> & more", "ünïcödé · — 95%", "\r\ncarriage",
  };
  AnkiDeck deck{"rehearse", {}};
  for (size_t i = 0; i < texts.size(); ++i) {
    deck.cards.push_back({texts[i], texts[texts.size() - 1 - i], {"rehearse", "n" + std::to_string(i)}});
  }
  auto parsed = ParseAnki(WriteAnki(deck));
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(*parsed, deck);
}

TEST(AnkiTest, ParseErrorsNameTheLine) {
  struct Case {
    std::string text, error;
  };
  const Case cases[] = {
      {"#separator:tab\na\t\"open\n\nstill open", "2: a quoted field is never closed"},
      {"#separator:tab\nok\tfine\n\"closed\"x\tb", "3: text after a closing quote"},
      {"a\tb\tc\td", "1: 4 fields; expected front, back and tags"},
  };
  for (const auto& c : cases) {
    auto r = ParseAnki(c.text);
    ASSERT_FALSE(r) << c.text;
    EXPECT_EQ(r.error().message, c.error);
  }
}

TEST(AnkiTest, TheBankDeckHasAnOutlineAndAMetricsCardPerStory) {
  auto guide = ParseGuide(ReadFixture("mini_guide.md"), "mini_guide.md", BuiltinCatalog());
  ASSERT_TRUE(guide) << guide.error().message;
  const auto& stories = guide->stories;
  Plan plan;
  plan.company = "amazon";
  plan.values = {{"Dive Deep", {{"q3", 1.0, true}, {"q1", 0.7, false}, {"q2", 0.2, false}}},
                 {"Frugality", {{"q4", 0.3, false}}}};
  AnkiDeck deck = DeckFromBank(stories, BuiltinCatalog(), {plan});
  auto parsed = ParseAnki(WriteAnki(deck));
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(*parsed, deck);

  size_t outlines = 0, metric_cards = 0, value_cards = 0;
  for (const auto& card : deck.cards) {
    if (card.tags[1] == "outline") ++outlines;
    if (card.tags[1] == "metrics") ++metric_cards;
    if (card.tags[1] == "value") ++value_cards;
  }
  EXPECT_EQ(outlines, stories.size());
  size_t with_metrics = 0;
  for (const Story& s : stories) {
    auto metrics = StoryMetrics(s, BuiltinCatalog());
    auto it = std::find_if(deck.cards.begin(), deck.cards.end(), [&](const AnkiCard& c) {
      return c.tags == std::vector<std::string>{"rehearse", "metrics", s.key};
    });
    if (metrics.empty()) {
      EXPECT_EQ(it, deck.cards.end()) << s.key;
      continue;
    }
    ++metric_cards;
    ++with_metrics;
    ASSERT_NE(it, deck.cards.end()) << s.key;
    for (const auto& m : metrics) EXPECT_NE(it->back.find(m), std::string::npos) << s.key << ": " << m;
  }
  EXPECT_EQ(metric_cards, 2 * with_metrics);  // Counted once by tag, once by story.
  ASSERT_EQ(value_cards, 1u);  // Frugality has no strong story: no card.
  const AnkiCard& value = deck.cards.back();
  EXPECT_EQ(value.front, "Amazon, Dive Deep: which of your stories show it?");
  EXPECT_EQ(value.back, "Q3: How did you track down a memory leak?\n"
                        "Q1: Walk me through how you cut a slow page's load time. (inferred)");
  const AnkiCard& q1 = deck.cards.front();
  EXPECT_EQ(q1.front, "Walk me through how you cut a slow page's load time.");
  EXPECT_TRUE(q1.back.starts_with("Q1 · STAR · Atlas - Search Page\nSituation: ")) << q1.back;
}

}  // namespace
}  // namespace rehearse
