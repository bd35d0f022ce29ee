#include "lint/linter.h"

#include <gtest/gtest.h>

#include <algorithm>

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
                     "results.unquantified@203-288 Result: The result quotes no figure: no number, percentage, duration or count",
                     "results.hedged@210-221 Result: Hedged or vague result: \"much faster\"",
                     // One finding per sentence: the disclaimer and what QA should have done.
                     "blame@226-271 Result: Blames others: \"it wasn't my fault that QA should have caught\"",
                 }));
  EXPECT_TRUE(r->HasErrors());
  EXPECT_EQ(r->findings[2].suggestion, "Say what you saw and chose: \"I saw the need and proposed to\u2026\".");
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
  EXPECT_EQ(r->parts[0].points, 20);
  EXPECT_EQ(r->parts[3].why, "2 errors, 4 warnings, 0 suggestions (-45, -10, -3 each)");
  EXPECT_EQ(r->parts[3].points, 0);
  EXPECT_LT(r->score, 60);  // blame and a result with no figure: an answer an interviewer rejects
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
  // The replaced blame rule matches only "their fault"; the disabled rules are silent
  // ("fault" is a difficulty by its valence, so realism.no-obstacle is too).
  EXPECT_EQ(got, (std::vector<std::string>{"mine.jargon suggestion", "blame warning", "results.unquantified error"}));
}

// Faults said in words the rule files never list: each is heard by its kind (who is
// judged, who was handed the work, what is negated, what is a quantity).
TEST(LintTest, HearsFaultsSaidInOtherWords) {
  struct Case {
    std::string text;
    std::string rule;
    std::string quoted;  // what the finding points at; "" for a rule that must stay quiet
  };
  const Case cases[] = {
      {"Situation: The slip was entirely on the platform team.", "blame", "was entirely on the platform team"},
      {"Situation: I spent my first weeks cleaning up after the previous owner.", "blame",
       "cleaning up after the previous owner"},
      {"Situation: That wasn\u2019t my fault \u2014 the ops team ignored the runbook.", "blame",
       "That wasn\u2019t my fault \u2014 the ops team ignored"},
      {"Situation: Our SMS provider rotated its certificate early, so our calls failed. I fixed my alert to catch it.",
       "blame", ""},
      {"Situation: Honestly, that whole month was brutal.", "emotion.unspecific", "month was brutal"},
      {"Situation: I was running on fumes for a while.", "emotion.unspecific", "on fumes"},
      {"Situation: I was anxious about the cut-over, since payroll depended on it.", "emotion.unspecific", ""},
      {"I don't think I have a concrete example of that. Generally I'd raise it early and I'd be open with everyone.",
       "giving-up", "I don't think I have a concrete example"},
      {"Situation: The task landed on my desk and I built it exactly as my manager described.", "initiative.passive",
       "The task landed on my desk"},
      {"Task: My lead asked me to migrate it, and I proposed doing it in two phases instead.", "initiative.passive", ""},
      {"Result: The dashboard has loaded more or less on time ever since.", "results.hedged", "more or less"},
      {"Result: we upgraded to v3 of the SDK on MySQL 8, and p95 feels a lot quicker now.", "results.hedged",
       "a lot quicker"},
      {"Result: we upgraded to v3 of the SDK on MySQL 8, and p95 feels a lot quicker now.", "results.unquantified",
       "we upgraded to v3 of the SDK on MySQL 8, and p95 feels a lot quicker now."},
      {"Result: The export now runs in half the time.", "results.unquantified", ""},
      {"Not all of it went to plan: the payment sandbox was offline for four days, so I wrote a local fake.",
       "realism.no-obstacle", ""},
      {"Situation: We rebuilt the search page.\nResult: The launch ran smoothly from day one, 30% more searches.",
       "realism.no-obstacle", "ran smoothly"},
      {"Situation: At a mid-sized firm I worked for, the forecast was off.", "context.vague", "At a mid-sized firm"},
  };
  Linter linter = MakeLinter();
  for (const auto& c : cases) {
    auto r = linter.Lint(c.text, {});
    ASSERT_TRUE(r) << r.error().message;
    std::string got;
    for (const auto& f : r->findings) {
      if (f.rule == c.rule) got = c.text.substr(f.span.start, f.span.size());
    }
    bool fired = std::any_of(r->findings.begin(), r->findings.end(), [&](const Finding& f) { return f.rule == c.rule; });
    EXPECT_EQ(fired, !c.quoted.empty()) << c.rule << ": " << c.text;
    EXPECT_EQ(got, c.quoted) << c.rule << ": " << c.text;
  }
}

// Curly apostrophes, dashes and no-break spaces match as their ASCII forms do, and the
// finding points at the bytes as written and quotes them.
TEST(LintTest, TypographyMatchesAndSpansPointAtTheOriginal) {
  std::string text = "Result: it wasn\u2019t my fault\u00a0\u2014 QA dropped the ball.";
  auto r = MakeLinter().Lint(text, {});
  ASSERT_TRUE(r);
  auto blame = std::find_if(r->findings.begin(), r->findings.end(), [](const Finding& f) { return f.rule == "blame"; });
  ASSERT_NE(blame, r->findings.end());
  EXPECT_EQ(text.substr(blame->span.start, blame->span.size()), "it wasn\u2019t my fault\u00a0\u2014 QA dropped the ball");
  EXPECT_EQ(blame->message, "Blames others: \"it wasn\u2019t my fault\u00a0\u2014 QA dropped the ball\"");
  ASSERT_EQ(r->segmentation.segments.size(), 1u);
  EXPECT_EQ(r->segmentation.segments[0].span.end, text.size());
}

// Labels written inside one paragraph, in full or as initials, are sections.
TEST(LintTest, InlineLabelsAreSections) {
  const std::string texts[] = {
      "Situation: the page took 5 s. Task: I had to get it under 1 s. Action: I cached the pricing call and I dropped "
      "a redundant query. Result: p95 fell to 600 ms.",
      "S: Checkout timed out at peak. T: I had to fix it in a week. A: I added a queue. R: Timeouts fell 90%.",
  };
  for (const auto& text : texts) {
    auto r = MakeLinter().Lint(text, {});
    ASSERT_TRUE(r);
    std::vector<std::string> sections;
    for (const auto& seg : r->segmentation.segments) sections.push_back(seg.name);
    EXPECT_EQ(sections, (std::vector<std::string>{"Situation", "Task", "Action", "Result"})) << text;
    for (const auto& f : r->findings) {
      EXPECT_NE(f.rule, "structure.missing-section") << text;
      EXPECT_NE(f.rule, "results.unquantified") << text;
    }
  }
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
       "r.toml:1:8: unknown kind \"magic\" (kinds: existence, substitution, ratio, required, judgement, affect, assignment, "
       "decline, hedge, sections, length, balance, pace)"},
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
