// The guide shapes people keep, read as their authors meant. Every fixture here was
// written for rehearse (tests/fixtures/guides, with expected.json saying what each
// should give); the inline guides below pin the exact text of each shape.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>

#include "importer/guide.h"
#include "importer/guide_file.h"
#include "importer/outline.h"
#include "test_util.h"
#include "util/text.h"

namespace rehearse {
namespace {

using nlohmann::json;
using testing::BuiltinCatalog;
using testing::ReadFixture;

ParsedGuide Read(const std::string& text, const ImportChoices& choices = {}) {
  auto g = ParseGuide(text, "g.md", BuiltinCatalog(), choices);
  EXPECT_TRUE(g) << (g ? "" : g.error().message);
  return g ? *g : ParsedGuide{};
}

std::vector<std::string> Names(const Story& s) {
  std::vector<std::string> out;
  for (const auto& sec : s.sections) out.push_back(sec.name);
  return out;
}

std::vector<std::string> Keys(const ParsedGuide& g) {
  std::vector<std::string> out;
  for (const auto& s : g.stories) out.push_back(s.key);
  return out;
}

std::vector<std::string> Values(const Story& s, const std::string& company) {
  std::vector<std::string> out;
  auto it = s.values.find(company);
  if (it != s.values.end()) {
    for (const auto& t : it->second) out.push_back(t.value);
  }
  return out;
}

std::vector<std::string> Warnings(const ParsedGuide& g) {
  std::vector<std::string> out;
  for (const auto& w : g.warnings) out.push_back(std::to_string(w.line) + ": " + w.message);
  return out;
}

// A theme list or project ending in a colon is the value, not a label: the colon is
// dropped, and the export ("**Themes: a, b**") reads back as themes.
TEST(ShapesTest, ThemesAndProjectLinesEndingInAColon) {
  auto g = ParseGuide("### Q1: Retiring a widget\n\n**Project: Homepage speed:**\n\n"
                      "**Themes: speed, knowing when to stop:**\n\n"
                      "**Context:** The widget added 180 ms.\n\n**Action:** I removed it.\n\n**Result:** Faster.\n",
                      "g.md", BuiltinCatalog());
  ASSERT_TRUE(g) << g.error().message;
  ASSERT_EQ(g->stories.size(), 1u);
  EXPECT_EQ(g->stories[0].themes, (std::vector<std::string>{"speed", "knowing when to stop"}));
  EXPECT_EQ(g->stories[0].project, "Homepage speed");
}

// A table right under a label line (no blank line): the label opens its section and the
// table is the section's text, though cmark-gfm puts the label's line in the table.
TEST(ShapesTest, ATableRightUnderALabel) {
  auto g = ParseGuide("### Q1: Speeding up checkout\n**Situation:**\nBefore and after | p95 | errors |\n|---|---|---|\n"
                      "| checkout | 1.9 s | 2.4% |\n\n**Action:** I cached the tax lookup.\n",
                      "g.md", BuiltinCatalog());
  ASSERT_TRUE(g) << g.error().message;
  ASSERT_EQ(g->stories.size(), 1u);
  const Story& s = g->stories[0];
  ASSERT_EQ(s.sections.size(), 2u);
  EXPECT_EQ(s.sections[0].name, "Situation");
  EXPECT_EQ(s.sections[0].text, "Before and after | p95 | errors |\n|---|---|---|\n| checkout | 1.9 s | 2.4% |");
  EXPECT_EQ(s.sections[1].name, "Action");
  EXPECT_TRUE(s.notes.empty()) << s.notes;
}

// An unlabeled answer whose segments come back to a section (S, R, S) has that section
// once: the later text joins it (a second "Situation" made the export unreadable).
TEST(ShapesTest, AnInferredSectionMetAgainIsOneSection) {
  std::string text = ReadFixture("../../fuzz/corpus/crash-section-met-again.md");
  auto g = ParseGuide(text, "g.md", BuiltinCatalog());
  ASSERT_TRUE(g) << g.error().message;
  ASSERT_EQ(g->stories.size(), 1u);
  const Story& s = g->stories[0];
  ASSERT_EQ(s.sections.size(), 2u);
  EXPECT_EQ(s.sections[0].name, "Situation");
  EXPECT_EQ(s.sections[1].name, "Result");
  EXPECT_TRUE(s.sections[0].text.ends_with("\n\na security fix was also due. I asked my lead to set the order, moved"))
      << s.sections[0].text;
  EXPECT_TRUE(s.sections[1].text.starts_with(" The lead agreed to the order.")) << s.sections[1].text;
}

// Cells split as GFM splits them: at every pipe not escaped, code spans included, and a
// lone backtick is only a character.
TEST(TableRowTest, SplitsAtUnescapedPipesOnly) {
  using Cells = std::vector<std::string>;
  EXPECT_EQ(SplitTableRow("| Why did the `deploy fail? | Q4 |  |"), (Cells{"Why did the `deploy fail?", "Q4", ""}));
  EXPECT_EQ(SplitTableRow("| `a \\| b` | two |"), (Cells{"`a | b`", "two"}));
  EXPECT_EQ(SplitTableRow("| `x | y` |"), (Cells{"`x", "y`"}));
  EXPECT_EQ(SplitTableRow("| ends with a pipe \\|"), (Cells{"ends with a pipe |"}));
  EXPECT_EQ(SplitTableRow("no outer pipes | here"), (Cells{"no outer pipes", "here"}));
}

TEST(ShapesTest, EveryFixtureReadsAsItsAuthorMeant) {
  json expected = json::parse(ReadFixture("guides/expected.json"));
  ASSERT_GE(expected.size(), 20u);
  for (const auto& [name, e] : expected.items()) {
    SCOPED_TRACE(name);
    auto file = ReadGuideFile(std::string(REHEARSE_FIXTURES) + "/guides/" + e["file"].get<std::string>());
    ASSERT_TRUE(file) << file.error().message;
    auto g = ParseGuide(file->text, file->label, BuiltinCatalog());
    size_t want = e["stories"].size();
    size_t optional = (e.contains("stubs") ? e["stubs"].size() : 0) + (e.contains("seeds") ? e["seeds"].size() : 0);
    if (want == 0 && !g) {
      // A template or a brag document: nothing to import, and the error says why.
      EXPECT_NE(g.error().message.find("no stories or questions found"), std::string::npos);
      continue;
    }
    ASSERT_TRUE(g) << g.error().message;
    EXPECT_GE(g->stories.size(), want);
    EXPECT_LE(g->stories.size(), want + optional);
    for (const auto& w : e["stories"]) {
      std::string title = w["title"];
      auto it = std::find_if(g->stories.begin(), g->stories.end(), [&](const Story& s) { return s.title == title; });
      ASSERT_NE(it, g->stories.end()) << title;
      // Two versions of one story share a title; find the one in this framework.
      auto same = std::find_if(g->stories.begin(), g->stories.end(),
                               [&](const Story& s) { return s.title == title && s.framework == w["framework"]; });
      if (same != g->stories.end()) it = same;
      EXPECT_EQ(it->framework, w["framework"].get<std::string>()) << title;
      if (!w["sections"].empty()) {
        EXPECT_EQ(Names(*it), w["sections"].get<std::vector<std::string>>()) << title;
      }
      const json& all_values = w["values"];
      for (auto v = all_values.begin(); v != all_values.end(); ++v) {
        const std::string& company = v.key();
        auto want_values = v.value().get<std::vector<std::string>>();
        auto got_values = Values(*it, company);
        EXPECT_EQ(std::set<std::string>(got_values.begin(), got_values.end()),
                  std::set<std::string>(want_values.begin(), want_values.end()))
            << title;
      }
      if (w.contains("themes") && !w["themes"].empty()) {
        EXPECT_EQ(it->themes, w["themes"].get<std::vector<std::string>>()) << title;
      }
    }
    auto range = e["questions_range"].get<std::vector<size_t>>();
    EXPECT_GE(g->questions.size(), range[0]);
    EXPECT_LE(g->questions.size(), range[1]);
  }
}

// Labels in every dress; text kept as written, a bullet label's own lines dedented.
TEST(ShapesTest, OneLetterBulletLabelsWithDashes) {
  ParsedGuide g = Read(
      "## Story 2 \u2014 The flaky deploy (and what it taught me)\n\n"
      "- **S** \u2014 Deploys failed one time in five on the payments service.\n"
      "- **T** \u2014 Make them boring again.\n"
      "- **A** \u2014 I bisected the pipeline:\n"
      "  - pinned the base image\n"
      "  - added a retry only around the registry pull\n"
      "- **R** \u2014 Failures fell from 20% to 1% in a month.\n\n"
      "*Also answers: \"staying calm,\" \"debugging.\"*\n");
  ASSERT_EQ(g.stories.size(), 1u);
  const Story& s = g.stories[0];
  EXPECT_EQ(s.key, "q2");
  EXPECT_EQ(s.title, "The flaky deploy (and what it taught me)");
  EXPECT_EQ(Names(s), (std::vector<std::string>{"Situation", "Task", "Action", "Result"}));
  EXPECT_EQ(s.sections[2].text,
            "I bisected the pipeline:\n- pinned the base image\n- added a retry only around the registry pull");
  EXPECT_EQ(s.sections[3].text, "Failures fell from 20% to 1% in a month.");
  EXPECT_EQ(s.themes, (std::vector<std::string>{"staying calm", "debugging"}));
  EXPECT_EQ(g.origins[0].written, (std::vector<std::string>{"S", "T", "A", "R"}));
}

TEST(ShapesTest, SynonymLabelsPickTheFrameworkTheyFill) {
  ParsedGuide g = Read(
      "### Capacity for the sale\n\n**Context**  \nTraffic would triple on sale day.\n\n**Goal**  \nFind the "
      "smallest safe fleet.\n\n**Approach**  \n- load-tested one pod\n\n**Outcome**  \nNo outage; 30% fewer hosts.\n\n"
      "### The migration I rushed\n\n**Context:** I moved the ledger in a weekend.\n\n**Action:** I skipped the dry "
      "run.\n\n**Impact:** Two hours of downtime.\n\n**Takeaway:** I rehearse migrations now.\n\n"
      "### The vendor who would not budge\n\n**Situation:** Our vendor refused to change the API.\n\n"
      "**Challenge:** Their contract ran two more years.\n\n**Action:** I wrote an adapter.\n\n"
      "**Result:** We shipped on time.\n");
  ASSERT_EQ(g.stories.size(), 3u);
  EXPECT_EQ(g.stories[0].framework, "STAR");
  EXPECT_EQ(Names(g.stories[0]), (std::vector<std::string>{"Situation", "Task", "Action", "Result"}));
  EXPECT_EQ(g.stories[0].sections[0].text, "Traffic would triple on sale day.");
  EXPECT_EQ(g.stories[0].sections[2].text, "- load-tested one pod");
  EXPECT_EQ(g.stories[1].framework, "CARL");
  EXPECT_EQ(Names(g.stories[1]), (std::vector<std::string>{"Context", "Action", "Result", "Learning"}));
  EXPECT_EQ(g.stories[2].framework, "SOAR");
  EXPECT_EQ(Names(g.stories[2]), (std::vector<std::string>{"Situation", "Obstacle", "Action", "Result"}));
  EXPECT_EQ(g.origins[2].written, (std::vector<std::string>{"Situation", "Challenge", "Action", "Result"}));
}

TEST(ShapesTest, LabelsInlineInOneParagraph) {
  ParsedGuide g = Read(
      "### Slow search\n\nSituation: search took 4 s. Task: I had to get it under 1 s. Action: I added an index "
      "and cached facets. Result: p95 fell to 300 ms.\n\n"
      "### Noisy pager\n\nS: we were paged 40 times a week. T: halve it. A: I deleted 12 alerts. R: 9 pages a week.\n");
  ASSERT_EQ(g.stories.size(), 2u);
  EXPECT_EQ(Names(g.stories[0]), (std::vector<std::string>{"Situation", "Task", "Action", "Result"}));
  EXPECT_EQ(g.stories[0].sections[1].text, "I had to get it under 1 s.");
  EXPECT_EQ(g.stories[0].sections[3].text, "p95 fell to 300 ms.");
  EXPECT_EQ(g.stories[1].sections[2].text, "I deleted 12 alerts.");
}

TEST(ShapesTest, HeadingLabelsWithEmojiAndRulesInsideAStory) {
  ParsedGuide g = Read(
      "# 1. The double-charged refunds\n\n### \u2705 **S - Situation**\n\nRefunds were paid twice for one "
      "partner.\n\n---\n\n### \U0001F3AF **Task:**\n\nStop it without pausing refunds.\n\n---\n\n"
      "### \u2699\uFE0F **Action:**\n1. Made the consumer idempotent\n---\n\n### \U0001F3C1 **Result:**\n\n"
      "* No double refunds since.\n\n---\n\n\n");
  ASSERT_EQ(g.stories.size(), 1u);
  EXPECT_EQ(g.stories[0].title, "The double-charged refunds");
  EXPECT_EQ(Names(g.stories[0]), (std::vector<std::string>{"Situation", "Task", "Action", "Result"}));
  EXPECT_EQ(g.stories[0].sections[0].text, "Refunds were paid twice for one partner.");
  EXPECT_EQ(g.stories[0].sections[2].text, "1. Made the consumer idempotent");
}

TEST(ShapesTest, OneStoryPerTableRowAndAWholeStoryInOneCell) {
  ParsedGuide rows = Read(
      "| Story | Situation | Observation | Action | Lesson |\n|---|---|---|---|---|\n"
      "| Disk full | CI stalled | 2 agents full | Cleanup at 75% | Alert before it bites |\n"
      "| Bad tag | Deploy broke | Old pods fine | Reverted | Revert>hotfix |\n");
  ASSERT_EQ(rows.stories.size(), 2u);
  EXPECT_EQ(rows.stories[0].title, "Disk full");
  EXPECT_EQ(rows.stories[0].framework, "CARL");
  EXPECT_EQ(Names(rows.stories[0]), (std::vector<std::string>{"Context", "Action", "Learning"}));
  EXPECT_EQ(rows.stories[0].sections[0].text, "CI stalled\n\n**Observation:** 2 agents full");
  EXPECT_EQ(rows.stories[1].sections[2].text, "Revert>hotfix");

  ParsedGuide cell = Read(
      "| LP | Story | STAR |\n|---|---|---|\n"
      "| Ownership | Orphaned cron | **S:** nobody owned the cron <br> **T:** keep it running <br> **A:** I adopted "
      "it <br> **R:** 0 misses in a year |\n"
      "| Frugality | Tiny budget | *need to write this one* |\n");
  ASSERT_EQ(cell.stories.size(), 2u);
  EXPECT_EQ(cell.stories[0].title, "Orphaned cron");
  EXPECT_EQ(Names(cell.stories[0]), (std::vector<std::string>{"Situation", "Task", "Action", "Result"}));
  EXPECT_EQ(cell.stories[0].sections[3].text, "0 misses in a year");
  EXPECT_EQ(Values(cell.stories[0], "amazon"), (std::vector<std::string>{"Ownership"}));
  EXPECT_TRUE(cell.stories[1].IsOutline());
  EXPECT_EQ(cell.stories[1].notes, "*need to write this one*");
}

TEST(ShapesTest, StoriesInsideDetailsBlocks) {
  ParsedGuide g = Read(
      "<details>\n<summary><b>Grading backlog</b> (PAR)</summary>\n\n**Problem:** Grades took a week.\n\n"
      "**Action:** I batched the exports.\n\n**Result:** One day.\n\n</details>\n\n"
      "<details><summary>Questions I still owe an answer</summary>\n\n- Tell me about a time you changed your mind."
      "\n\n</details>\n");
  ASSERT_EQ(g.stories.size(), 1u);
  EXPECT_EQ(g.stories[0].title, "Grading backlog");
  EXPECT_EQ(g.stories[0].framework, "PAR");
  ASSERT_EQ(g.questions.size(), 1u);
  EXPECT_EQ(g.questions[0].text, "Tell me about a time you changed your mind.");
}

TEST(ShapesTest, ValuesFromHeadingsLinesAndANicknameTable) {
  ParsedGuide g = Read(
      "## Customer Obsession\n\n### Delivery windows people trust\n\n**Situation:** Late vans.\n\n**Action:** I "
      "built an ETA model.\n\n**Result:** 92% on time.\n\n"
      "## Have Backbone; Disagree & Commit\n\n### Saying no to the rewrite\n\n- **Situation**: A full rewrite was "
      "planned.\n- **Action**: I showed the cost.\n- **Result**: We refactored instead.\n"
      "- **Leadership Principles**: Are Right, A Lot, Dive Deep, Team Spirit.\n\n"
      "## Map\n\n| Leadership Principle | Primary Story | Backup Story |\n|---|---|---|\n"
      "| **Earn Trust** | Rewrite | (need a story) |\n| **Frugality** | CRM Cutover | Delivery windows |\n");
  ASSERT_EQ(g.stories.size(), 2u);
  EXPECT_EQ(Values(g.stories[0], "amazon"), (std::vector<std::string>{"Customer Obsession", "Frugality"}));
  EXPECT_EQ(Values(g.stories[1], "amazon"),
            (std::vector<std::string>{"Are Right, A Lot", "Dive Deep", "Have Backbone; Disagree and Commit",
                                      "Earn Trust"}));
  auto w = Warnings(g);
  EXPECT_NE(std::find(w.begin(), w.end(), "18: \"Team Spirit\" names no company value rehearse knows; not tagged"),
            w.end());
  EXPECT_NE(std::find(w.begin(), w.end(), "24: \"(need a story)\" for Earn Trust: a placeholder, no story"), w.end());
  EXPECT_NE(std::find(w.begin(), w.end(),
                      "25: \"CRM Cutover\" (for Frugality) names no story in this guide; not linked"),
            w.end());
}

TEST(ShapesTest, NumberedQuestionsWithProseNotesAndNothing) {
  const std::string answer =
      "I had inherited a report that took a whole night to run, and the finance team waited for it every\n"
      "morning. I profiled it, found one query that scanned every invoice ever written, and I added a\n"
      "date index and split the job by month. After that it finished in twenty minutes and finance\n"
      "got their numbers before standup.\n";
  ParsedGuide g = Read("1. Tell me about a slow system you sped up.\n\n" + answer +
                       "\n\n2. Describe a time you cut a cost.\n\n" + answer +
                       "\n3. A time you owned something end to end\nthe badge reader rollout for two offices\n\n"
                       "4. How do you build trust?\nI answer every message the same day\n\n"
                       "5. What is your biggest weakness?\n\n6. Why Larkspur?\n");
  EXPECT_EQ(Keys(g), (std::vector<std::string>{"q1", "q3"}));
  EXPECT_EQ(g.stories[0].title, "Tell me about a slow system you sped up.");
  EXPECT_TRUE(std::all_of(g.stories[0].sections.begin(), g.stories[0].sections.end(),
                          [](const StorySection& s) { return s.inferred; }));
  std::string whole;
  for (const auto& s : g.stories[0].sections) whole += s.text + "\n";
  EXPECT_NE(whole.find("date index and split the job by month"), std::string::npos);
  EXPECT_TRUE(g.stories[1].IsOutline());
  EXPECT_EQ(g.stories[1].notes, "the badge reader rollout for two offices");
  std::vector<std::string> questions;
  for (const auto& q : g.questions) questions.push_back(q.text + " -> " + Join(q.stories, ","));
  EXPECT_EQ(questions, (std::vector<std::string>{
                           "Tell me about a slow system you sped up. -> q1",
                           "Describe a time you cut a cost. -> q1",
                           "A time you owned something end to end -> q3",
                           "How do you build trust? -> ",
                           "What is your biggest weakness? -> ",
                           "Why Larkspur? -> ",
                       }));
}

TEST(ShapesTest, OneBulletPerStory) {
  const std::string body =
      "we had two cache key formats in production after the gateway launch, moving every caller later would cost "
      "far more once other teams onboarded, my manager did not see it as urgent, I wrote up the cost of waiting, we "
      "migrated the twelve callers in a sprint and I deleted the old format";
  ParsedGuide g = Read("- Cache keys - " + body + "\n\n- Slow reviewer - RJ; Context: I noticed he shipped nothing "
                       "for a month after the reorg, I asked in our one-on-one what was blocking him, he said the layoffs had "
                       "shaken him, we paired twice a week and split his work into smaller pieces, and he shipped "
                       "three features the next quarter\n\n- Why Fernvale? - I have used "
                       "it for years");
  ASSERT_EQ(g.stories.size(), 2u);
  EXPECT_EQ(g.stories[0].title, "Cache keys");
  EXPECT_EQ(g.stories[1].title, "Slow reviewer - RJ");
  EXPECT_EQ(Warnings(g).back(), "5: \"Why Fernvale?\" is an answer about why you want the company, not a story: not imported");
}

TEST(ShapesTest, BoldTitlesAndListItemsOverTheirLabels) {
  ParsedGuide g = Read(
      "## Stories\n\n**Cut the build in half**\n\n- Situation: builds took 40 min.\n- Action: I split the tests.\n"
      "- Result: 20 min.\n\n**Rescued the launch**\n\n- Situation: the launch slipped.\n- Action: I cut scope.\n"
      "- Result: shipped on the day.\n\n## More\n\n1. **The on-call handbook**\n   - **Situation:** no runbooks.\n"
      "   - **Action:** I wrote eight.\n   - **Result:** pages halved.\n");
  EXPECT_EQ(Keys(g), (std::vector<std::string>{"q1", "q2", "q3"}));
  EXPECT_EQ(g.stories[0].title, "Cut the build in half");
  EXPECT_EQ(g.stories[1].sections[1].text, "I cut scope.");
  EXPECT_EQ(g.stories[2].title, "The on-call handbook");
  EXPECT_EQ(g.stories[2].sections[2].text, "pages halved.");
}

TEST(ShapesTest, TwoTellingsOfOneStoryAreLinkedVersions) {
  ParsedGuide g = Read(
      "## Cold start (STAR)\n\n**Situation:** The app took 6 s to open.\n\n**Task:** Get it under 2 s.\n\n"
      "**Action:** I deferred three SDKs.\n\n**Result:** 1.8 s.\n\n"
      "## Cold start (SOAR)\n\n**Situation:** The app took 6 s to open.\n\n**Obstacle:** Marketing needed every "
      "SDK at launch.\n\n**Action:** I deferred three SDKs behind a consent screen.\n\n**Result:** 1.8 s.\n");
  ASSERT_EQ(g.stories.size(), 2u);
  EXPECT_EQ(g.stories[0].title, "Cold start");
  EXPECT_EQ(g.stories[0].framework, "STAR");
  EXPECT_EQ(g.stories[1].framework, "SOAR");
  EXPECT_EQ(g.stories[0].versions, (std::vector<std::string>{"q2"}));
  EXPECT_EQ(g.stories[1].versions, (std::vector<std::string>{"q1"}));
}

TEST(ShapesTest, AStoryToldDownATable) {
  ParsedGuide g = Read(
      "### The retry storm\n\n| Situation | Our checkout retried every failed call three times and I watched "
      "the database melt |\n|---|---|\n| **Action** | I added jitter and a circuit breaker, and I tested it "
      "against a replayed outage |\n| **Result** | The next outage lasted 4 minutes instead of 40 |\n\n"
      "### Cheat sheet\n\n| Letter | Meaning |\n|---|---|\n| **S** | Set the scene for your listener |\n"
      "| **A** | Say what you did |\n");
  ASSERT_EQ(g.stories.size(), 1u);
  EXPECT_EQ(g.stories[0].title, "The retry storm");
  EXPECT_EQ(Names(g.stories[0]), (std::vector<std::string>{"Situation", "Action", "Result"}));
  EXPECT_EQ(g.stories[0].sections[2].text, "The next outage lasted 4 minutes instead of 40");
}

TEST(ShapesTest, QuestionListsAndWhatIsNotAQuestion) {
  ParsedGuide g = Read(
      "## Questions to practise\n\n- Tell me about a time you failed.\n- How do you handle conflict?\n"
      "- Tell me about a time you failed.\n\n## Questions to ask them\n\n1. How is on-call run?\n"
      "2. What does success look like in a year?\n");
  std::vector<std::string> questions;
  for (const auto& q : g.questions) questions.push_back(q.text);
  EXPECT_EQ(questions, (std::vector<std::string>{"Tell me about a time you failed.", "How do you handle conflict?"}));
  EXPECT_EQ(Warnings(g), (std::vector<std::string>{
                             "9: section \"Questions to ask them\" not imported (questions to ask the interviewer)"}));
}

TEST(ShapesTest, TheUserCanSkipAStoryOrChooseItsFramework) {
  const std::string text =
      "### One\n\n**Situation:** a\n\n**Action:** b\n\n**Result:** c\n\n### Two\n\n**Situation:** d\n\n"
      "**Action:** e\n\n**Result:** f\n";
  ImportChoices choices;
  choices.skip.insert(1);
  choices.frameworks[9] = "CAR";
  ParsedGuide g = Read(text, choices);
  ASSERT_EQ(g.stories.size(), 1u);
  EXPECT_EQ(g.stories[0].title, "Two");
  EXPECT_EQ(g.stories[0].framework, "CAR");
  EXPECT_EQ(Names(g.stories[0]), (std::vector<std::string>{"Challenge", "Action", "Result"}));
  EXPECT_EQ(g.origins[0].framework_reason, "your choice");
}

TEST(ShapesTest, QuestionAndAnswerPairs) {
  ParsedGuide g = Read(
      "**Q: Tell me about a time you missed a deadline.**\n\nA: In my second year at Brightwell I promised a partner "
      "an export API by March and shipped it in May. I had underestimated the auth work, told them two weeks late, "
      "and since then I give every estimate with a range and check it weekly with the person waiting.\n\n"
      "**Q: Why do you want to join us?**\n\nA: Your product is the one I use every day.\n");
  ASSERT_EQ(g.stories.size(), 1u);
  EXPECT_EQ(g.stories[0].title, "Tell me about a time you missed a deadline.");
  ASSERT_FALSE(g.stories[0].sections.empty());
  EXPECT_EQ(g.stories[0].sections[0].text.rfind("In my second year at Brightwell", 0), 0u);
}

TEST(ShapesTest, EmojiInsteadOfTheLabel) {
  ParsedGuide g = Read(
      "### The noisy pager\n\n\U0001F4CD We were paged 40 times a week.\n\n\U0001F3AF Halve the pages.\n\n"
      "\U0001F6E0\uFE0F I deleted 12 alerts and tuned the rest.\n\n\U0001F4C8 9 pages a week.\n");
  ASSERT_EQ(g.stories.size(), 1u);
  EXPECT_EQ(Names(g.stories[0]), (std::vector<std::string>{"Situation", "Task", "Action", "Result"}));
  EXPECT_EQ(g.stories[0].sections[2].text, "I deleted 12 alerts and tuned the rest.");
}

TEST(ShapesTest, ATitleLineNamesTheStory) {
  ParsedGuide g = Read("### Story 4\n\n**Title:** Moving the ledger\n\n**Situation:** a\n\n**Action:** b\n");
  ASSERT_EQ(g.stories.size(), 1u);
  EXPECT_EQ(g.stories[0].key, "q4");
  EXPECT_EQ(g.stories[0].title, "Moving the ledger");
}

TEST(ShapesTest, ATemplateIsReportedNotImported) {
  auto g = ParseGuide(ReadFixture("guides/16-template.md"), "template.md", BuiltinCatalog());
  ASSERT_FALSE(g);
  EXPECT_EQ(g.error().message.rfind("template.md:1: no stories or questions found; it is a template (", 0), 0u)
      << g.error().message;
}

}  // namespace
}  // namespace rehearse
