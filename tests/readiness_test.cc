// Readiness: the rule on hand-made facts (one row per case, first match wins), then
// the facts gathered from a real practice log.

#include "practice/readiness.h"

#include <gtest/gtest.h>

#include "lint/loader.h"
#include "practice/bank_readiness.h"
#include "practice/coach.h"
#include "store/bank.h"
#include "store/practice_log.h"
#include "test_util.h"

namespace rehearse {
namespace {

using testing::BuiltinCatalog;
using testing::TempDir;

Days Day(const char* iso) { return *ParseDate(iso); }

TEST(ReadinessTest, FirstMatchingRuleGivesTheStateAndItsReason) {
  const Days today = Day("2026-11-25");
  const Days tomorrow = Day("2026-11-26");
  struct Case {
    const char* name;
    ReadinessFacts facts;
    ReadinessState state;
    std::string reason;
  };
  auto facts = [](std::vector<int> scores, int spoken, std::optional<Days> due, int metrics, std::optional<int> drill) {
    ReadinessFacts f;
    f.written_score = 91;
    f.answer_scores = std::move(scores);
    f.spoken_answers = spoken;
    f.due = due;
    f.metrics = metrics;
    f.last_drill = drill;
    return f;
  };
  ReadinessFacts unquantified = facts({95, 96}, 2, tomorrow, 0, std::nullopt);
  unquantified.written_errors = {"results.unquantified"};
  ReadinessFacts two_errors = facts({}, 0, std::nullopt, 0, std::nullopt);
  two_errors.written_errors = {"blame", "structure.missing-section"};
  const Case cases[] = {
      {"a written error outranks good practice", unquantified, ReadinessState::kNeedsWork,
       "the written story has an error: results.unquantified"},
      {"two written errors", two_errors, ReadinessState::kNeedsWork,
       "the written story has errors: blame, structure.missing-section"},
      {"a fine written story, never answered", facts({}, 0, std::nullopt, 3, std::nullopt),
       ReadinessState::kNotPractised, "never answered yet; the written story scores 91"},
      {"one answer, a miss", facts({55}, 0, tomorrow, 3, std::nullopt), ReadinessState::kShaky,
       "last answer scored 55, under 70"},
      {"the last answer missed after good ones", facts({90, 88, 64}, 1, tomorrow, 3, 100), ReadinessState::kShaky,
       "last answer scored 64, under 70"},
      {"2 of the last 3 missed, the last one passed", facts({50, 60, 85}, 1, tomorrow, 3, 100), ReadinessState::kShaky,
       "2 of last 3 answers under 70"},
      {"an old miss falls out of the window", facts({40, 50, 80, 85, 90}, 1, tomorrow, 3, 100), ReadinessState::kReady,
       "last 3 answers 80, 85 and 90, told out loud, figures recalled; next review in 1 day"},
      {"both answers missed", facts({60, 69}, 0, tomorrow, 3, std::nullopt), ReadinessState::kShaky,
       "last 2 answers both under 70"},
      {"three misses", facts({10, 20, 30}, 0, tomorrow, 3, std::nullopt), ReadinessState::kShaky,
       "last 3 answers all under 70"},
      {"70 is a pass", facts({70, 70}, 1, tomorrow, 2, 100), ReadinessState::kReady,
       "last 2 answers 70 and 70, told out loud, figures recalled; next review in 1 day"},
      {"the review date has come", facts({82, 88}, 1, today, 3, 100), ReadinessState::kDue,
       "review due today; last answer scored 88"},
      {"the review date has passed", facts({82, 88}, 1, Day("2026-11-22"), 3, 100), ReadinessState::kDue,
       "review overdue by 3 days; last answer scored 88"},
      {"overdue by one day", facts({82}, 0, Day("2026-11-24"), 3, std::nullopt), ReadinessState::kDue,
       "review overdue by 1 day; last answer scored 82"},
      {"one good answer, typed, figures never drilled", facts({82}, 0, tomorrow, 3, std::nullopt),
       ReadinessState::kNearlyReady, "only 1 answer so far; never told out loud; figures never drilled"},
      {"a good answer after a miss", facts({55, 85}, 1, tomorrow, 3, 100), ReadinessState::kNearlyReady,
       "only 1 good answer since a miss"},
      {"figures half recalled", facts({80, 85}, 1, tomorrow, 4, 50), ReadinessState::kNearlyReady,
       "last drill recalled 50% of the figures"},
      {"no figures to drill", facts({80, 85}, 2, Day("2026-12-01"), 0, std::nullopt), ReadinessState::kReady,
       "last 2 answers 80 and 85, told out loud; next review in 6 days"},
  };
  for (const Case& c : cases) {
    Readiness r = AssessReadiness(c.facts, today);
    EXPECT_EQ(ReadinessId(r.state), ReadinessId(c.state)) << c.name;
    EXPECT_EQ(r.reason, c.reason) << c.name;
  }
}

TEST(ReadinessTest, IdsAndLabels) {
  const std::pair<ReadinessState, std::pair<const char*, const char*>> names[] = {
      {ReadinessState::kNeedsWork, {"needs-work", "needs work"}},
      {ReadinessState::kNotPractised, {"not-practised", "not practised"}},
      {ReadinessState::kShaky, {"shaky", "shaky"}},
      {ReadinessState::kDue, {"due", "due today"}},
      {ReadinessState::kNearlyReady, {"nearly-ready", "nearly ready"}},
      {ReadinessState::kReady, {"ready", "ready"}},
  };
  for (const auto& [state, id_label] : names) {
    EXPECT_EQ(ReadinessId(state), id_label.first);
    EXPECT_EQ(ReadinessLabel(state), id_label.second);
  }
}

// The facts as gathered from a bank: the written story, answers (typed and spoken),
// the drill and the schedule.
TEST(StoriesReadinessTest, GathersTheFactsFromThePracticeLog) {
  TempDir dir;
  auto bank = Bank::Open(dir.Path("bank.db"));
  ASSERT_TRUE(bank) << bank.error().message;
  Story told;
  told.key = "q1";
  told.title = "Tell me about a slow report you sped up.";
  told.project = "Ledgerly - Month-End Report";
  told.framework = "STAR";
  told.sections = {{"Situation", "At Ledgerly the month-end report for 300 accounting firms took 40 minutes, and the "
                                 "close deadline was at risk every month."},
                   {"Task", "I owned the report service and had to bring it under 5 minutes."},
                   {"Action", "I profiled the job and found one query per invoice. I rewrote it as a single batched "
                              "query, added an index on the period column and tested it against a copy of production."},
                   {"Result", "The report dropped from 40 minutes to 3 minutes, and 300 firms closed on time."}};
  Story vague = told;
  vague.key = "q2";
  vague.sections.back().text = "The report got much quicker and everyone was happy.";
  ASSERT_TRUE((*bank)->Save(told, 0, "test"));
  ASSERT_TRUE((*bank)->Save(vague, 0, "test"));
  auto stories = (*bank)->Stories();
  ASSERT_TRUE(stories);

  PracticeLog log((*bank)->db());
  auto record = [&](const char* kind, int score, const std::string& report) {
    Attempt a;
    a.kind = kind;
    a.story_key = "q1";
    a.text = "answer";
    a.score = score;
    a.report = report;
    ScheduleState st;
    st.item = "story:q1";
    st.due = "2026-11-26";
    ASSERT_TRUE(log.Record(a, std::string(kind) == "answer" ? std::vector<ScheduleState>{st} : std::vector<ScheduleState>{}));
  };
  auto rules = LoadRules({}, {}, AllSectionNames(BuiltinCatalog()));
  ASSERT_TRUE(rules) << rules.error().message;
  Linter linter(std::move(*rules), BuiltinCatalog());
  const Days today = Day("2026-11-25");

  auto before = StoriesReadiness(*stories, log, linter, BuiltinCatalog(), today);
  ASSERT_TRUE(before) << before.error().message;
  EXPECT_EQ(before->at("q1").state, ReadinessState::kNotPractised);
  EXPECT_EQ(before->at("q2").state, ReadinessState::kNeedsWork);
  EXPECT_EQ(before->at("q2").reason, "the written story has an error: results.unquantified");

  record("answer", 84, R"({"findings":[]})");
  record("answer", 90, R"({"findings":[],"spoken":true})");
  record("drill", 50, "{}");
  auto after = StoriesReadiness(*stories, log, linter, BuiltinCatalog(), today);
  ASSERT_TRUE(after);
  const Readiness& q1 = after->at("q1");
  EXPECT_EQ(q1.facts.answer_scores, (std::vector<int>{84, 90}));
  EXPECT_EQ(q1.facts.spoken_answers, 1);
  EXPECT_EQ(q1.facts.last_drill, 50);
  EXPECT_EQ(q1.facts.metrics, 2);
  EXPECT_EQ(q1.facts.due, Day("2026-11-26"));
  EXPECT_EQ(q1.state, ReadinessState::kNearlyReady);
  EXPECT_EQ(q1.reason, "last drill recalled 50% of the figures");

  record("drill", 100, "{}");
  auto ready = StoriesReadiness(*stories, log, linter, BuiltinCatalog(), today);
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->at("q1").state, ReadinessState::kReady);
  EXPECT_EQ(ready->at("q1").reason, "last 2 answers 84 and 90, told out loud, figures recalled; next review in 1 day");
  // The next day the review is due.
  auto due = StoriesReadiness(*stories, log, linter, BuiltinCatalog(), Day("2026-11-26"));
  ASSERT_TRUE(due);
  EXPECT_EQ(due->at("q1").state, ReadinessState::kDue);
}

}  // namespace
}  // namespace rehearse
