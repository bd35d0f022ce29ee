#include "importer/guide.h"

#include <gtest/gtest.h>

#include <set>

#include "test_util.h"

namespace rehearse {
namespace {

using testing::BuiltinCatalog;
using testing::ReadFixture;

ParsedGuide ParseOk(const std::string& text, const std::string& file = "guide.md") {
  auto g = ParseGuide(text, file, BuiltinCatalog());
  EXPECT_TRUE(g) << (g ? "" : g.error().message);
  return g ? *g : ParsedGuide{};
}

const Story& Get(const ParsedGuide& g, const std::string& key) {
  for (const auto& s : g.stories) {
    if (s.key == key) return s;
  }
  static Story none;
  ADD_FAILURE() << "no story " << key;
  return none;
}

std::vector<std::string> SectionNames(const Story& s) {
  std::vector<std::string> out;
  for (const auto& sec : s.sections) out.push_back(sec.name);
  return out;
}

TEST(GuideTest, ReadsEveryStoryWithItsFrameworkProjectAndSections) {
  ParsedGuide g = ParseOk(ReadFixture("mini_guide.md"), "mini_guide.md");
  ASSERT_EQ(g.stories.size(), 4u);
  const Story& q1 = Get(g, "q1");
  EXPECT_EQ(q1.title, "Walk me through how you cut a slow page's load time.");
  EXPECT_EQ(q1.project, "Atlas - Search Page");
  EXPECT_EQ(q1.framework, "STAR");  // no Framework line
  EXPECT_EQ(SectionNames(q1), (std::vector<std::string>{"Situation", "Task", "Action", "Result"}));
  EXPECT_EQ(q1.sections[2].text,
            "- I profiled the page and found two serial calls to the pricing service\n"
            "- I made the calls concurrent and cached the results:\n"
            "  - a 60-second cache for prices\n"
            "  - a warm-up job at deploy time\n"
            "- I added a latency dashboard");

  const Story& q2 = Get(g, "q2");
  EXPECT_EQ(q2.framework, "CARL");
  EXPECT_EQ(q2.project, "");
  EXPECT_EQ(SectionNames(q2), (std::vector<std::string>{"Context", "Action", "Result", "Learning"}));
  EXPECT_EQ(q2.sections[0].text, "We moved billing data to a new schema over a weekend.");  // same-line label

  const Story& q3 = Get(g, "q3");
  EXPECT_EQ(q3.framework, "PAR");
  EXPECT_EQ(q3.themes, (std::vector<std::string>{"debugging", "performance"}));
  EXPECT_EQ(q3.notes, "Mention the heap snapshot tool by name if asked.");
  EXPECT_EQ(SectionNames(q3), (std::vector<std::string>{"Problem", "Action", "Result"}));

  EXPECT_EQ(Get(g, "q4").framework, "SOAR");
  EXPECT_EQ(SectionNames(Get(g, "q4")), (std::vector<std::string>{"Situation", "Obstacle", "Action", "Result"}));
}

TEST(GuideTest, ReadsValueTablesDrawnInBoxesAndGfm) {
  ParsedGuide g = ParseOk(ReadFixture("mini_guide.md"), "mini_guide.md");
  EXPECT_EQ(g.value_tables, (std::set<std::string>{"amazon", "google", "meta"}));
  EXPECT_EQ(g.mappings, 9);
  const Story& q1 = Get(g, "q1");
  ASSERT_EQ(q1.values.at("amazon").size(), 2u);
  EXPECT_EQ(q1.values.at("amazon")[0], (ValueTag{"Dive Deep", "profiled the page", 1}));
  EXPECT_EQ(q1.values.at("amazon")[1], (ValueTag{"Deliver Results", "both measured", 0}));
  EXPECT_EQ(q1.values.at("meta")[0], (ValueTag{"Move Fast", "shipped in a week", 0}));
  // Aliases resolve to the canonical name; a wrapped value cell is joined.
  EXPECT_EQ(Get(g, "q2").values.at("amazon")[0].value, "Insist on the Highest Standards");
  const auto& q4 = Get(g, "q4").values;
  EXPECT_EQ(q4.at("amazon")[0], (ValueTag{"Have Backbone; Disagree and Commit", "staged launch", 0}));
  EXPECT_EQ(q4.at("google")[0].value, "Emergent Leadership");
  // A value Meta published before 2022 maps to the value that replaced it.
  EXPECT_EQ(q4.at("meta")[0], (ValueTag{"Build Awesome Things", "", 0}));
  EXPECT_EQ(Get(g, "q3").values.at("amazon")[0], (ValueTag{"Dive Deep", "heap snapshots", 0}));
}

TEST(GuideTest, ReadsTheThemeTableAndTheQuestionIndex) {
  ParsedGuide g = ParseOk(ReadFixture("mini_guide.md"), "mini_guide.md");
  ASSERT_TRUE(g.has_theme_table);
  ASSERT_EQ(g.themes.size(), 2u);
  EXPECT_EQ(g.themes[0], (ThemeRow{"Performance", "q1", "Search Page", "q3", "Memory Leak"}));
  EXPECT_EQ(g.themes[1], (ThemeRow{"Failure", "q2", "Billing Migration", "", ""}));
  EXPECT_TRUE(g.has_index);
  EXPECT_EQ(g.index_rows, 4);
  EXPECT_EQ(Get(g, "q1").kind, "normal");
  EXPECT_EQ(Get(g, "q1").category, "Performance");
  EXPECT_EQ(Get(g, "q1").topic, "Search page speed-up");
  EXPECT_EQ(Get(g, "q4").kind, "grilling");
  EXPECT_EQ(Get(g, "q4").category, "Pushback");
}

TEST(GuideTest, WarnsWithLinesAboutWhatItDoesNotImport) {
  ParsedGuide g = ParseOk(ReadFixture("mini_guide.md"), "mini_guide.md");
  std::vector<std::string> got;
  for (const auto& w : g.warnings) got.push_back(std::to_string(w.line) + ": " + w.message);
  EXPECT_EQ(got, (std::vector<std::string>{
                     "3: section \"Sam's Interview Notes\" not imported (it holds no story, question index, theme "
                     "table or values table)",
                     "127: table under \"Initech Culture Mapping\" maps stories, but the heading names no known "
                     "company (add a profile in your data folder); not imported",
                     "151: question index lists Q9, but the guide has no such story",
                 }));
}

TEST(GuideTest, TheDemoGuideUsesEveryFrameworkExactly) {
  auto demo = BuiltinFile("demo/guide.md");
  ASSERT_TRUE(demo);
  ParsedGuide g = ParseOk(std::string(*demo), "demo/guide.md");
  ASSERT_GE(g.stories.size(), 10u);
  ASSERT_LE(g.stories.size(), 12u);
  std::set<std::string> frameworks;
  for (const auto& s : g.stories) {
    frameworks.insert(s.framework);
    const Framework* f = BuiltinCatalog().FindFramework(s.framework);
    ASSERT_NE(f, nullptr);
    std::vector<std::string> expected;
    for (const auto& sec : f->sections) expected.push_back(sec.name);
    EXPECT_EQ(SectionNames(s), expected) << s.key;
    EXPECT_FALSE(s.kind.empty()) << s.key << " is missing from the question index";
  }
  EXPECT_EQ(frameworks.size(), 6u);
  EXPECT_EQ(g.value_tables, (std::set<std::string>{"amazon", "google", "meta"}));
  EXPECT_GE(g.mappings, 30);
  EXPECT_GE(g.themes.size(), 7u);
  for (const auto& w : g.warnings) {
    EXPECT_NE(w.message.find("section \""), std::string::npos) << w.line << ": " << w.message;
  }
}

TEST(GuideTest, BadInputFailsWithALocation) {
  struct Case {
    std::string name, text, error;
  };
  const Case cases[] = {
      {"empty", "", "g.md:1: empty file: nothing to import"},
      {"blank", "\n  \n", "g.md:1: empty file: nothing to import"},
      {"binary", "PK\x03\x04\n\nabc" + std::string(1, '\0') + "def",
       "g.md:3: binary data (a NUL byte); expected a Markdown text file"},
      {"latin1", "# Guide\n\nCaf\xE9 notes\n", "g.md:3: invalid UTF-8 (byte 0xE9 at column 4); save the file as UTF-8"},
      {"no stories", "# Notes\n\nJust prose.\n",
       "g.md:1: no stories or questions found. rehearse reads a story as a title (a heading, a numbered question, a "
       "table row) followed by section labels (Situation:, **S** \u2014, ### Action) or by a written answer; see "
       "\"Guides rehearse reads\" in the README"},
      {"only a template", "## 1. [Story name]\n\n**Situation:** [What happened?]\n\n**Action:**\n- [A step]\n",
       "g.md:1: no stories or questions found; it is a template (1 story skeleton of placeholders). rehearse reads a "
       "story as a title (a heading, a numbered question, a table row) followed by section labels (Situation:, "
       "**S** \u2014, ### Action) or by a written answer; see \"Guides rehearse reads\" in the README"},
  };
  for (const auto& c : cases) {
    auto g = ParseGuide(c.text, "g.md", BuiltinCatalog());
    ASSERT_FALSE(g) << c.name;
    EXPECT_EQ(g.error().message, c.error) << c.name;
  }
}

// rehearse's own export is read strictly: a malformed one is an error, so that an
// export always reads back into the same bank.
TEST(GuideTest, AMalformedExportFailsWithALocation) {
  const std::string front = "---\nrehearse: story-bank\nversion: 1\n---\n";  // Lines 1-4.
  const std::string ok_story = "### Q1: Question?\n\n**Situation:**\nText.\n";
  struct Case {
    std::string name, text, error;
  };
  const Case cases[] = {
      {"no sections", front + ok_story + "\n### Q2: Half written\n",
       "g.md:10: Q2 has no sections; expected bold labels such as **Situation:** with text under them"},
      {"empty section", front + "### Q1: Question?\n\n**Situation:**\nText.\n\n**Result:**\n\n---\n",
       "g.md:10: section \"Result\" of Q1 is empty; write its text under the label, or delete the label"},
      {"duplicate", front + ok_story + "\n" + ok_story, "g.md:10: Q1 appears twice (first at line 5)"},
      {"unknown framework", front + "### Q1: Question?\n\n**Framework: WXYZ**\n\n**Situation:**\nText.\n",
       "g.md:7: unknown framework \"WXYZ\" (known: STAR, CAR, SOAR, CARL, PAR, DIGS)"},
      {"no title", front + "### Q1:\n\n**Situation:**\nText.\n", "g.md:5: Q1 has no question after \"Q1:\""},
      {"repeated section", front + "### Q1: Q?\n\n**Action:**\nA.\n\n**Action:**\nB.\n",
       "g.md:10: Q1 has a second \"Action\" section (first at line 7)"},
      {"future format", "---\nrehearse: story-bank\nversion: 9\n---\n" + ok_story,
       "g.md:3: format version 9 is newer than this rehearse reads (1); upgrade rehearse"},
  };
  for (const auto& c : cases) {
    auto g = ParseGuide(c.text, "g.md", BuiltinCatalog());
    ASSERT_FALSE(g) << c.name;
    EXPECT_EQ(g.error().message, c.error) << c.name;
  }
}

// The same slips in a guide the user wrote are read as well as they can be, and said.
TEST(GuideTest, AHalfWrittenGuideImportsWhatItCanAndSaysWhatItLeftOut) {
  ParsedGuide g = ParseOk(
      "### Q1: Question?\n\n**Framework: WXYZ**\n\n**Situation:**\nText.\n\n**Result:**\n\n---\n\n"
      "### Q2: Half written\n\nSome thought about the cache.\n\n### Q3: Nothing yet\n");
  ASSERT_EQ(g.stories.size(), 2u);
  EXPECT_EQ(g.stories[0].key, "q1");
  EXPECT_EQ(g.stories[0].framework, "STAR");
  EXPECT_EQ(SectionNames(g.stories[0]), (std::vector<std::string>{"Situation"}));
  EXPECT_EQ(g.stories[1].key, "q2");
  EXPECT_TRUE(g.stories[1].IsOutline());
  EXPECT_EQ(g.stories[1].notes, "Some thought about the cache.");
  std::vector<std::string> got;
  for (const auto& w : g.warnings) got.push_back(std::to_string(w.line) + ": " + w.message);
  EXPECT_EQ(got, (std::vector<std::string>{
                     "1: \"Question?\": the section \"Result\" is empty; left out",
                     "3: unknown framework \"WXYZ\"; read by its labels instead",
                     "12: \"Half written\" is a note, not yet a story: kept as an outline to write up",
                     "16: \"Q3: Nothing yet\" has nothing under its title; not imported",
                 }));
}

TEST(GuideTest, KeepsTextBeforeTheFirstLabelAsNotesAndSaysSo) {
  ParsedGuide g = ParseOk("### Q1: Q?\n\nA thought first.\n\n**Action:**\nDid it.\n");
  ASSERT_EQ(g.stories.size(), 1u);
  EXPECT_EQ(g.stories[0].notes, "A thought first.");
  ASSERT_EQ(g.warnings.size(), 1u);
  EXPECT_EQ(g.warnings[0].line, 3);
  EXPECT_EQ(g.warnings[0].message, "text before the first section label of Q1 kept as the story's notes");
}

TEST(GuideTest, AcceptsCrlfLineEndingsAndLabelsWithTheColonOutside) {
  ParsedGuide g = ParseOk("### Q1: Q?\r\n\r\n**Situation**:\r\nLine one.\r\n\r\n**Action:** Did it.\r\n");
  ASSERT_EQ(g.stories.size(), 1u);
  EXPECT_EQ(SectionNames(g.stories[0]), (std::vector<std::string>{"Situation", "Action"}));
  EXPECT_EQ(g.stories[0].sections[0].text, "Line one.");
  EXPECT_EQ(g.stories[0].sections[1].text, "Did it.");
}

}  // namespace
}  // namespace rehearse
