#include "lint/linter.h"

#include <gtest/gtest.h>

#include "json/lint_json.h"
#include "test_util.h"

namespace rehearse {
namespace {

using testing::BuiltinCatalog;
using testing::TempDir;

Linter MakeLinter(std::vector<std::string> packs = {}, std::vector<std::string> disabled = {}) {
  auto rules = LoadRules(packs, disabled, AllSectionNames(BuiltinCatalog()));
  EXPECT_TRUE(rules) << rules.error().message;
  return Linter(rules ? std::move(*rules) : RuleSet{}, BuiltinCatalog());
}

const char* kAnswer =
    "Situation: In my last company the release pipeline was slow.\n"
    "Task: My manager asked me to speed it up.\n"
    "Action: We looked at the logs, we tried caching and we split our test suite. I reviewed it.\n"
    "Result: It was much faster and it wasn't my fault that QA should have caught the flaky tests.";

TEST(LintTest, FindsWhatAnInterviewerWouldHoldAgainstTheAnswer) {
  Linter linter = MakeLinter();
  auto r = linter.Lint(kAnswer, {});
  ASSERT_TRUE(r) << r.error().message;
  std::vector<std::string> got;
  for (const auto& f : r->findings) {
    got.push_back(f.rule + "@" + std::to_string(f.span.start) + "-" + std::to_string(f.span.end) + " " + f.section + ": " + f.message);
  }
  EXPECT_EQ(got, (std::vector<std::string>{
                     "length.short@0-288 : Short: about 22 s spoken, under the 60 s a full story needs",
                     "context.vague@11-29 Situation: Vague setting: \"In my last company\" with no named project, product or system",
                     "initiative.passive@67-89 Task: Framed as an order: \"My manager asked me to\" — the work sounds like it was not your idea",
                     "ownership.we@111-113 Action: The action says \"we\" where it should say \"I\" (3 \"we\" to 1 \"I\"): the interviewer cannot tell what you did",
                     "results.unquantified@202-288 Result: The result quotes no figure: no number, percentage, duration or count",
                     "results.hedged@210-221 Result: Hedged or vague result: \"much faster\"",
                     "blame@226-244 Result: Blames others: \"it wasn't my fault\"",
                     "blame@250-271 Result: Blames others: \"QA should have caught\"",
                 }));
  EXPECT_TRUE(r->HasErrors());
  EXPECT_EQ(r->findings[2].suggestion, "Say what you saw and chose: \"I saw the need and proposed to\".");
}

TEST(LintTest, TimesTheAnswerAndExplainsTheScore) {
  Linter linter = MakeLinter();
  LintOptions options;
  options.words_per_minute = 100;
  auto r = linter.Lint(kAnswer, options);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->words, 55);
  EXPECT_DOUBLE_EQ(r->seconds, 55 * 0.6);
  ASSERT_EQ(r->split.size(), 4u);
  EXPECT_EQ(r->split[2].name, "Action");
  EXPECT_EQ(r->split[2].words, 17);
  EXPECT_EQ(r->split[2].target, 50);
  ASSERT_EQ(r->parts.size(), 4u);
  EXPECT_EQ(r->parts[0].why, "4 of 4 STAR sections present");
  EXPECT_EQ(r->parts[0].points, 30);
  EXPECT_EQ(r->parts[3].why, "3 errors, 4 warnings, 0 suggestions (-12, -5, -2 each)");
  EXPECT_EQ(r->parts[3].points, 0);
  EXPECT_EQ(r->score, r->parts[0].points + r->parts[1].points + r->parts[2].points + r->parts[3].points);
}

TEST(LintTest, JsonFollowsTheContract) {
  Linter linter = MakeLinter();
  std::string text = "Action: I fixed it, it wasn't my fault.\nResult: 2x faster.";
  auto r = linter.Lint(text, {});
  ASSERT_TRUE(r);
  std::string json = LintJson(*r, text);
  EXPECT_NE(json.find(R"({"rule":"blame","severity":"error","message":"Blames others: \"it wasn't my fault\"","suggestion":)"),
            std::string::npos) << json;
  EXPECT_NE(json.find(R"("section":"Action","start":20,"end":38,"line":1,"col":21})"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("stats":{"words":11,"seconds":4.4,"split":{"Situation":0,"Task":0,"Action":0.778,"Result":0.222})"),
            std::string::npos) << json;
  EXPECT_NE(json.find(R"("segments":[{"section":"Action","start":7,"end":40,"words":7,"sentences":[[8,39]]})"), std::string::npos);
  EXPECT_NE(json.find(R"("score":)"), std::string::npos);
}

TEST(LintTest, BadInputIsAClearErrorOrASaneResult) {
  Linter linter = MakeLinter();
  EXPECT_EQ(linter.Lint("   \n", {}).error().message, "nothing to lint: the answer is empty");
  EXPECT_EQ(linter.Lint("Action: ok\nna\xEFve", {}).error().message,
            "2:3: invalid UTF-8 (byte 0xEF); save the answer as UTF-8");
  LintOptions unknown;
  unknown.framework = "XYZ";
  EXPECT_EQ(linter.Lint("Action: I did it.", unknown).error().message,
            "unknown framework \"XYZ\" (known: STAR, CAR, SOAR, CARL, PAR, DIGS)");
  // 5 MB of text: a result, long and flagged, never a crash.
  std::string huge;
  while (huge.size() < 5u << 20) huge += "I measured the queue and we fixed it. ";
  auto r = linter.Lint(huge, {});
  ASSERT_TRUE(r);
  EXPECT_GT(r->words, 900000);
  EXPECT_TRUE(std::any_of(r->findings.begin(), r->findings.end(), [](const Finding& f) { return f.rule == "length.long"; }));
}

TEST(LintTest, UserPacksAddReplaceAndDisableRules) {
  TempDir dir;
  dir.Write("mine/jargon.toml", R"(kind = "existence"
level = "suggestion"
message = "Jargon: %s"
patterns = ["synergy", "leverage"]
[[example]]
text = "We leveraged synergy."
)");
  dir.Write("mine/blame.toml", R"(id = "blame"
kind = "existence"
level = "warning"
message = "Softer blame check: %s"
patterns = ["their fault"]
)");
  Linter linter = MakeLinter({dir.Path("mine")}, {"length.short", "structure.missing-section"});
  auto r = linter.Lint("Action: I used synergy; it was their fault, not my fault.", {});
  ASSERT_TRUE(r);
  std::vector<std::string> got;
  for (const auto& f : r->findings) got.push_back(f.rule + " " + std::string(SeverityName(f.severity)));
  // The replaced blame rule matches only "their fault"; the disabled rules are silent.
  EXPECT_EQ(got, (std::vector<std::string>{"realism.no-obstacle warning", "mine.jargon suggestion", "blame warning",
                                           "results.unquantified error"}));
}

TEST(LintTest, BadRuleFilesNameFileLineAndColumn) {
  struct Case {
    std::string text, error;
  };
  const Case cases[] = {
      {"kind = \"existence\"\nmessage = \"m\"\npatterns = [\"(unclosed\"]\n",
       "r.toml:3:1: bad pattern \"(unclosed\": missing ): (unclosed"},
      {"kind = \"existence\"\nmessage = \"m\"\npatterns = [\"x\"]\ncolour = \"red\"\n",
       "r.toml:4:1: unknown key \"colour\" for a existence rule"},
      {"kind = \"magic\"\nmessage = \"m\"\n",
       "r.toml:1:8: unknown kind \"magic\" (kinds: existence, substitution, ratio, required, sections, length, balance, pace)"},
      {"kind = \"existence\"\nmessage = \"m\"\nscope = \"nowhere\"\npatterns = [\"x\"]\n",
       "r.toml:3:9: scope must be answer, a role (context, task, action, result, learning) or a section name, not \"nowhere\""},
      {"kind = \"length\"\nmessage = \"m\"\n", "r.toml:1:1: a length rule needs max_seconds or min_seconds (one)"},
      {"kind = \"existence\"\nmessage = \"m\"\npatterns = [\"x\"]\nlevel = \"fatal\"\n",
       "r.toml:4:9: level must be error, warning or suggestion"},
      {"kind = = \"x\"\n", "r.toml:1:8: "},
  };
  for (const auto& c : cases) {
    auto r = ParseRule(c.text, "r.toml", "p.r", AllSectionNames(BuiltinCatalog()));
    ASSERT_FALSE(r) << c.text;
    EXPECT_EQ(r.error().message.rfind(c.error, 0), 0u) << r.error().message;
  }
  auto disabled = LoadRules({}, {"no.such.rule"}, {});
  ASSERT_FALSE(disabled);
  EXPECT_EQ(disabled.error().message, "--disable no.such.rule: no rule has that id (see: rehearse lint --list-rules)");
}

TEST(LintTest, StoriesAreLintedAsLabeledAnswers) {
  Story s;
  s.framework = "CAR";
  s.sections = {{"Challenge", "Costs grew 30% a quarter."}, {"Action", "- I moved batch jobs to spot capacity"}, {"Result", "Spend fell 40%."}};
  EXPECT_EQ(StoryAnswerText(s), "Challenge:\nCosts grew 30% a quarter.\n\nAction:\n- I moved batch jobs to spot capacity\n\nResult:\nSpend fell 40%.");
  LintOptions options;
  options.framework = "CAR";
  auto r = MakeLinter().Lint(StoryAnswerText(s), options);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->segmentation.labeled);
  EXPECT_EQ(r->segmentation.segments.size(), 3u);
}

}  // namespace
}  // namespace rehearse
