// Practice: the schedule, the follow-ups, the metrics drill and the coach that ties
// them to the bank. Answers here are written for the tests, in the tests' own words.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <set>

#include <fmt/format.h>

#include "importer/guide.h"
#include "importer/metrics.h"
#include "lint/linter.h"
#include "match/classifier.h"
#include "match/matcher.h"
#include "practice/coach.h"
#include "practice/drill.h"
#include "practice/followup.h"
#include "practice/scheduler.h"
#include "practice/session.h"
#include "store/bank.h"
#include "test_util.h"

namespace rehearse {
namespace {

using testing::BuiltinCatalog;
using testing::ReadFixture;

Days Day(const char* iso) { return *ParseDate(iso); }

const Linter& TheLinter() {
  static const Linter linter = [] {
    auto rules = LoadRules({}, {}, AllSectionNames(BuiltinCatalog()));
    EXPECT_TRUE(rules) << rules.error().message;
    return Linter(std::move(*rules), BuiltinCatalog());
  }();
  return linter;
}

LintReport Lint(std::string_view text, const std::string& framework = "STAR") {
  LintOptions o;
  o.framework = framework;
  auto r = TheLinter().Lint(text, o);
  EXPECT_TRUE(r) << r.error().message;
  return *r;
}

// ---- Scheduler ---------------------------------------------------------------------

TEST(SchedulerTest, ScoresMapToSm2Grades) {
  EXPECT_EQ(QualityOfScore(95), 5);
  EXPECT_EQ(QualityOfScore(80), 4);
  EXPECT_EQ(QualityOfScore(70), 3);
  EXPECT_EQ(QualityOfScore(69), 2);
  EXPECT_EQ(QualityOfScore(40), 1);
  EXPECT_EQ(QualityOfScore(12), 0);
}

TEST(SchedulerTest, FreshItemsStepThroughOneAndSixDays) {
  Days today = Day("2026-11-25");
  ScheduleState s;
  s.item = "story:q1";
  s = Review(s, 85, today);
  EXPECT_EQ(s.interval_days, 1);
  EXPECT_EQ(s.due, "2026-11-26");
  s = Review(s, 85, Day("2026-11-26"));
  EXPECT_EQ(s.interval_days, 6);
  EXPECT_EQ(s.due, "2026-12-02");
  EXPECT_EQ(s.repetitions, 2);
  EXPECT_DOUBLE_EQ(s.ease, 2.5);  // Grade 4 leaves SM-2's ease where it was.
}

TEST(SchedulerTest, AGoodAttemptMovesTheStoryLaterAndAPoorOneSooner) {
  // A story reviewed twice, now due in 6 days.
  ScheduleState before{"story:q1", 2, 6, 2.5, "2026-12-01", 80, "2026-11-25"};
  Days today = Day("2026-11-25");
  ScheduleState good = Review(before, 92, today);
  ScheduleState poor = Review(before, 41, today);
  EXPECT_EQ(good.interval_days, 15);  // 6 days x ease 2.5
  EXPECT_EQ(good.due, "2026-12-10");
  EXPECT_GT(good.due, before.due);
  EXPECT_NEAR(good.ease, 2.6, 1e-9);
  EXPECT_EQ(poor.interval_days, 1);
  EXPECT_EQ(poor.repetitions, 0);
  EXPECT_EQ(poor.due, "2026-11-26");
  EXPECT_LT(poor.due, before.due);
  EXPECT_NEAR(poor.ease, 2.5 - 0.54, 1e-9);  // Grade 1.
}

TEST(SchedulerTest, EaseNeverFallsBelowTheFloor) {
  ScheduleState s;
  s.item = "question:x";
  for (int i = 0; i < 10; ++i) s = Review(s, 0, Day("2026-11-25"));
  EXPECT_DOUBLE_EQ(s.ease, 1.3);
}

// ---- Follow-ups --------------------------------------------------------------------

const char* kWeAnswer =
    "Situation: The release pipeline at Harbor Freight Systems took four hours and teams shipped once a week.\n"
    "Task: The platform group was asked to make releases daily.\n"
    "Action: We split the test suite into shards and we moved the slow integration tests to a nightly job. "
    "We also rewrote the deploy scripts and we added a canary stage that could roll back on its own.\n"
    "Result: Releases went from weekly to daily within six weeks and the pipeline took 35 minutes.\n";

TEST(FollowUpTest, AnAnswerHidingBehindWeIsAskedForThePersonalContribution) {
  LintReport report = Lint(kWeAnswer);
  std::vector<FollowUp> ups = ChooseFollowUps(kWeAnswer, report, nullptr, BuiltinCatalog());
  ASSERT_FALSE(ups.empty());
  EXPECT_EQ(ups[0].probe, "ownership");
  EXPECT_EQ(ups[0].question,
            "You said \"We split the test suite into shards and we moved the slow integration tests to a nightly "
            "job\". What was your part, specifically: which of those steps did you do yourself?");
  EXPECT_EQ(ups[0].why, "the answer says \"we\" 4 times and \"I\" 0 times");
}

const char* kUnmeasured =
    "Situation: Our search results at Kestrel Books were getting worse complaints from readers every month.\n"
    "Task: I owned the ranking service, so the fix was mine.\n"
    "Action: I looked at the ranking code and realized the problem was the stale popularity scores. "
    "I rebuilt the scoring job so it ran every hour instead of every week, and I rolled it out to all shops. "
    "If the new scores had misbehaved I could revert to the weekly job with one switch.\n"
    "Result: Search got much better and readers stopped complaining.\n";

TEST(FollowUpTest, AnUnmeasuredClaimIsAskedHowTheyKnew) {
  LintReport report = Lint(kUnmeasured);
  std::vector<FollowUp> ups = ChooseFollowUps(kUnmeasured, report, nullptr, BuiltinCatalog());
  ASSERT_FALSE(ups.empty());
  EXPECT_EQ(ups[0].probe, "evidence");
  EXPECT_EQ(ups[0].question,
            "You said \"I looked at the ranking code and realized the problem was the stale popularity scores\". "
            "How did you know it was the right approach? What data told you?");
  // Named a fallback, so the risk probe is not needed.
  for (const auto& u : ups) EXPECT_NE(u.probe, "risk") << u.question;
}

TEST(FollowUpTest, EvidenceInTheAnswerSilencesTheHowDidYouKnowProbe) {
  std::string answer = std::string(kUnmeasured) + "I had checked the click logs against a baseline first.";
  std::vector<FollowUp> ups = ChooseFollowUps(answer, Lint(answer), nullptr, BuiltinCatalog());
  for (const auto& u : ups) EXPECT_NE(u.probe, "evidence") << u.question;
}

Story LatencyStory() {
  Story s;
  s.key = "q7";
  s.title = "Tell me about a time you made a slow service fast.";
  s.project = "Tern - Quote API";
  s.framework = "STAR";
  s.sections = {{"Situation", "The Tern quote API answered in seconds during the morning rush."},
                {"Task", "I had to bring it down before the spring sale."},
                {"Action", "I profiled it, removed an N+1 query and decided to cache rate tables."},
                {"Result", "- p95 latency fell from 2.4 s to 310 ms\n- 14 support tickets a week dropped to 2"}};
  return s;
}

TEST(FollowUpTest, AQuotedMetricIsAskedAboutByTheStorysOwnName) {
  Story story = LatencyStory();
  std::vector<std::string> metrics = StoryMetrics(story, BuiltinCatalog());
  ASSERT_FALSE(metrics.empty());
  const char* answer =
      "Situation: The Tern quote API was slow in the morning rush. Task: I had to fix it before the sale. "
      "Action: I profiled it and removed an N+1 query; I measured each change on a copy of production. "
      "Result: By the sale it answered in 310 ms at p95.";
  std::vector<FollowUp> ups = ChooseFollowUps(answer, Lint(answer), &story, BuiltinCatalog());
  auto metric = std::find_if(ups.begin(), ups.end(), [](const FollowUp& u) { return u.probe == "metric"; });
  ASSERT_NE(metric, ups.end());
  EXPECT_EQ(metric->question, "You quoted " + metrics[0] +
                                  ". How did you measure that, and what was the baseline before?");
  EXPECT_NE(metric->question.find("2.4 s to 310 ms"), std::string::npos) << metric->question;
  EXPECT_EQ(metric->why, "a figure from the story's result");
}

TEST(FollowUpTest, ADecisionIsAskedForItsAlternatives) {
  const char* answer =
      "Situation: Our build cache at Tern kept corrupting. Action: I compared three stores over two weeks and "
      "decided to move the cache to object storage, and I wrote the migration. I measured hit rates before and "
      "after. If it failed we could switch back in a minute. Result: Cache hits rose from 40% to 85%.";
  std::vector<FollowUp> ups = ChooseFollowUps(answer, Lint(answer), nullptr, BuiltinCatalog(), 5);
  auto alt = std::find_if(ups.begin(), ups.end(), [](const FollowUp& u) { return u.probe == "alternatives"; });
  ASSERT_NE(alt, ups.end());
  EXPECT_EQ(alt->question,
            "You decided to move the cache to object storage. What alternatives did you consider, and why did you "
            "rule them out?");
}

TEST(FollowUpTest, NoRiskNamedAsksWhatIfItHadNotWorked) {
  Story story = LatencyStory();
  const char* answer = "Situation: The quote API was slow. Action: I profiled it for two days, measured each query "
                       "and cached the rate tables. Result: p95 fell to 310 ms.";
  std::vector<FollowUp> ups = ChooseFollowUps(answer, Lint(answer), &story, BuiltinCatalog(), 5);
  auto risk = std::find_if(ups.begin(), ups.end(), [](const FollowUp& u) { return u.probe == "risk"; });
  ASSERT_NE(risk, ups.end());
  EXPECT_EQ(risk->question, "What if it hadn't worked? What was your fallback on Tern - Quote API?");
}

// ---- Metrics drill -----------------------------------------------------------------

TEST(DrillTest, NumbersAreNormalised) {
  EXPECT_EQ(Numbers("1,200 users, 40% and 2.50 s; 0.5x, 007"),
            (std::vector<std::string>{"1200", "40", "2.5", "0.5", "7"}));
}

TEST(DrillTest, EachMetricIsRecalledOnlyWithAllItsNumbers) {
  Story story = LatencyStory();
  DrillResult r = CheckMetrics(story, BuiltinCatalog(), "2.4 seconds down to 310ms, and 14 tickets to 3, plus 99");
  ASSERT_EQ(r.metrics.size(), 3u);
  EXPECT_EQ(r.metrics[0].metric, "2.4 s to 310 ms");
  EXPECT_TRUE(r.metrics[0].recalled);
  EXPECT_EQ(r.metrics[1].metric, "14 support tickets");
  EXPECT_TRUE(r.metrics[1].recalled);
  EXPECT_EQ(r.metrics[2].metric, "2");  // "dropped to 2": typed "2.4" is another number.
  EXPECT_FALSE(r.metrics[2].recalled);
  EXPECT_EQ(r.stray, (std::vector<std::string>{"3", "99"}));
  EXPECT_EQ(r.score, 66);
}

// ---- Sessions ----------------------------------------------------------------------

TEST(SessionTest, StarBudgetMatchesTheMethod) {
  std::vector<SectionBudget> b = Budget(*BuiltinCatalog().FindFramework("STAR"));
  ASSERT_EQ(b.size(), 4u);
  EXPECT_DOUBLE_EQ(b[0].low + b[1].low, 30);  // Context: 30-45 s
  EXPECT_DOUBLE_EQ(b[0].high + b[1].high, 45);
  EXPECT_DOUBLE_EQ(b[2].low, 60);  // Action: 60-90 s
  EXPECT_DOUBLE_EQ(b[2].high, 90);
  EXPECT_DOUBLE_EQ(b[3].low, 30);  // Result: 30-45 s
  EXPECT_DOUBLE_EQ(b[3].high, 45);
}

TEST(SessionTest, QuestionIdsIgnoreCaseAndSpaces) {
  EXPECT_EQ(QuestionId("Tell me about a time."), QuestionId("  tell me about a TIME. "));
  EXPECT_NE(QuestionId("Tell me about a time."), QuestionId("Tell me about a failure."));
  EXPECT_EQ(QuestionId("x").size(), 8u);
}

// ---- The coach over a real bank ------------------------------------------------------

class CoachTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("REHEARSE_NOW", "2026-11-25T09:00:00Z", 1);
    auto bank = Bank::Open(":memory:");
    ASSERT_TRUE(bank) << bank.error().message;
    bank_ = std::move(*bank);
    auto guide = ParseGuide(ReadFixture("mini_guide.md"), "mini_guide.md", BuiltinCatalog());
    ASSERT_TRUE(guide) << guide.error().message;
    ASSERT_TRUE(bank_->Import(*guide, "g.md", "import", DryRun::kNo));
    stories_ = *bank_->Stories();
    themes_ = *bank_->Themes();
    classifier_ = std::move(*QuestionClassifier::Build(BuiltinCatalog()));
    index_ = std::make_unique<StoryIndex>(stories_, themes_, *classifier_);
    log_ = std::make_unique<PracticeLog>(bank_->db());
    coach_ = std::make_unique<Coach>(*log_, BuiltinCatalog(), TheLinter(), *classifier_, stories_, *index_);
  }
  void TearDown() override { unsetenv("REHEARSE_NOW"); }

  int Attempts() { return static_cast<int>(log_->Attempts()->size()); }

  std::unique_ptr<Bank> bank_;
  std::vector<Story> stories_;
  std::vector<ThemeRow> themes_;
  std::unique_ptr<QuestionClassifier> classifier_;
  std::unique_ptr<StoryIndex> index_;
  std::unique_ptr<PracticeLog> log_;
  std::unique_ptr<Coach> coach_;
};

const char* kGoodAtlasAnswer =
    "Let me walk you through it using STAR.\n"
    "Situation: The Atlas search page took 3-4 seconds to load and support heard about it every week.\n"
    "Task: I owned the page, and I had to get it under a second without a rewrite because the team was busy "
    "with a launch.\n"
    "Action: I profiled the page for two days and found two serial calls to the pricing service. I made the "
    "calls concurrent and added a 60-second price cache, with a warm-up job at deploy time. The risk was stale "
    "prices, so I put the cache behind a flag and compared cached against live prices for a week before turning "
    "it on for everyone. I also added a latency dashboard so the team would see any regression the same day. "
    "The hardest part was convincing the pricing team that a minute of staleness was safe; I showed them the "
    "comparison data and they agreed.\n"
    "Result: Load time fell from 3-4 seconds to 700ms, support tickets about speed dropped to zero within 2 "
    "months, and 150 merchants moved to the new page. I can go deeper on the cache design if that helps.\n";

TEST_F(CoachTest, AnAnswerIsAssessedRecordedAndScheduled) {
  AnswerInput in;
  in.question = "Walk me through how you cut a slow page's load time.";
  in.company = "amazon";
  in.session = "s1";
  in.text = kGoodAtlasAnswer;
  in.seconds = 150;
  auto f = coach_->Answer(in);
  ASSERT_TRUE(f) << f.error().message;
  EXPECT_EQ(f->attempt.id, 1);
  EXPECT_EQ(f->attempt.story_key, "q1");  // Recognised from the wording.
  EXPECT_TRUE(f->story_recognised);
  EXPECT_EQ(f->attempt.framework, "STAR");
  EXPECT_GE(f->report.score, 80);
  EXPECT_FALSE(f->over_time);
  ASSERT_EQ(f->schedules.size(), 2u);
  EXPECT_EQ(f->schedules[1].item, "story:q1");
  EXPECT_EQ(f->schedules[1].due, "2026-11-26");

  auto stored = log_->Find(1);
  ASSERT_TRUE(stored && *stored);
  EXPECT_EQ((*stored)->text, kGoodAtlasAnswer);
  EXPECT_EQ((*stored)->seconds, 150);
  EXPECT_EQ((*stored)->session, "s1");
  auto due = coach_->Due();
  ASSERT_TRUE(due);
  // q1 was practised, so it is due tomorrow, after the never-practised ones.
  EXPECT_EQ(due->back().key, "q1");
  EXPECT_EQ(FormatDate(due->back().due), "2026-11-26");
  EXPECT_TRUE(due->front().fresh);
}

TEST_F(CoachTest, TheScheduleMovesLaterAfterAGoodAttemptAndSoonerAfterAPoorOne) {
  // Two good attempts on different days put q1 six days out.
  AnswerInput in;
  in.question = "Walk me through how you cut a slow page's load time.";
  in.story_key = "q1";
  in.text = kGoodAtlasAnswer;
  ASSERT_TRUE(coach_->Answer(in));
  setenv("REHEARSE_NOW", "2026-11-26T09:00:00Z", 1);
  ASSERT_TRUE(coach_->Answer(in));
  EXPECT_EQ((*log_->Schedule("story:q1"))->due, "2026-12-02");

  setenv("REHEARSE_NOW", "2026-12-02T09:00:00Z", 1);
  double ease = (*log_->Schedule("story:q1"))->ease;
  auto good = coach_->Answer(in);  // Good again: 6 days x the ease.
  ASSERT_TRUE(good);
  EXPECT_GE(good->report.score, 70);
  int interval = static_cast<int>(std::lround(6 * ease));
  EXPECT_GT(interval, 6);
  EXPECT_EQ((*log_->Schedule("story:q1"))->due, FormatDate(Day("2026-12-02") + std::chrono::days{interval}));

  in.text = "We fixed the page. It was fine after that.";
  auto poor = coach_->Answer(in);
  ASSERT_TRUE(poor);
  EXPECT_LT(poor->report.score, 55);
  EXPECT_EQ((*log_->Schedule("story:q1"))->due, "2026-12-03");  // Back to tomorrow.
}

TEST_F(CoachTest, AFollowUpIsAnsweredInCarAndLeavesTheScheduleAlone) {
  AnswerInput in;
  in.question = "Walk me through how you cut a slow page's load time.";
  in.text = "We made the Atlas search page faster. We cached prices and we made the calls concurrent. "
            "It got a lot better.";
  auto f = coach_->Answer(in);
  ASSERT_TRUE(f) << f.error().message;
  ASSERT_FALSE(f->followups.empty());
  EXPECT_EQ(f->followups[0].probe, "ownership");
  auto before = log_->Schedule("story:q1");

  AnswerInput up;
  up.question_id = fmt::format("{}.1", f->attempt.id);
  up.text = "Challenge: the page was slow. Action: I profiled it myself and wrote the cache. Result: 700ms.";
  auto g = coach_->Answer(up);
  ASSERT_TRUE(g) << g.error().message;
  EXPECT_EQ(g->attempt.kind, "followup");
  EXPECT_EQ(g->attempt.parent, f->attempt.id);
  EXPECT_EQ(g->attempt.framework, "CAR");
  // A follow-up is meant to be short: no length finding, no length cost below 20 s.
  for (const auto& x : g->report.findings) EXPECT_NE(x.rule, "length.short");
  EXPECT_EQ(g->attempt.question, f->followups[0].question);
  EXPECT_EQ(g->attempt.story_key, f->attempt.story_key);
  EXPECT_TRUE(g->schedules.empty());
  EXPECT_EQ(log_->Schedule("story:q1")->value_or(ScheduleState{}).due, before->value_or(ScheduleState{}).due);
}

TEST_F(CoachTest, AnAnswerLabeledInAnotherFrameworkIsJudgedInIt) {
  AnswerInput in;
  in.question = "What is the biggest technical project you have led?";
  ASSERT_EQ(classifier_->Framework(in.question, nullptr), "DIGS");
  in.text = kGoodAtlasAnswer;  // Labeled Situation, Task, Action, Result.
  auto f = coach_->Answer(in);
  ASSERT_TRUE(f) << f.error().message;
  EXPECT_EQ(f->attempt.framework, "STAR");
  ASSERT_FALSE(f->nudges.empty());
  EXPECT_EQ(f->nudges[0], "You answered in STAR; the question's wording calls for DIGS.");
  for (const auto& x : f->report.findings) EXPECT_NE(x.rule, "structure.missing-section") << x.message;
}

TEST_F(CoachTest, BadAnswersAreRefusedAndWriteNothing) {
  AnswerInput in;
  in.question = "Walk me through how you cut a slow page's load time.";
  in.text = "   \n";
  EXPECT_FALSE(coach_->Answer(in));
  in.text = kGoodAtlasAnswer;
  in.story_key = "q99";
  auto no_story = coach_->Answer(in);
  ASSERT_FALSE(no_story);
  EXPECT_EQ(no_story.error().message, "no story \"q99\" in the bank");
  in.story_key.clear();
  in.question_id = "12345678";
  EXPECT_FALSE(coach_->Answer(in));
  in.question_id = "7.1";
  auto no_attempt = coach_->Answer(in);
  ASSERT_FALSE(no_attempt);
  EXPECT_EQ(no_attempt.error().message, "no attempt 7 (follow-up \"7.1\")");
  in.question_id.clear();
  in.framework = "NOPE";
  EXPECT_FALSE(coach_->Answer(in));
  EXPECT_EQ(Attempts(), 0);
  EXPECT_TRUE(log_->Schedules()->empty());
}

TEST_F(CoachTest, ASessionNeverSuggestsTheSameStoryTwice) {
  NextOptions options;
  options.seed = 7;
  std::set<std::string> suggested;
  for (int i = 0; i < 4; ++i) {
    options.seed = static_cast<uint64_t>(i);
    auto next = coach_->Next("amazon", "s9", options);
    ASSERT_TRUE(next) << next.error().message;
    ASSERT_FALSE(next->suggestions.empty()) << "turn " << i;
    std::string key = next->suggestions[0].key;
    EXPECT_TRUE(suggested.insert(key).second) << key << " suggested twice";
    AnswerInput in;
    in.question_id = next->question.id;
    in.story_key = key;
    in.session = "s9";
    in.text = kGoodAtlasAnswer;
    ASSERT_TRUE(coach_->Answer(in));
  }
  // The bank has four stories and all were told: nothing is left to suggest.
  auto fifth = coach_->Next("amazon", "s9", options);
  ASSERT_TRUE(fifth);
  EXPECT_TRUE(fifth->suggestions.empty());
}

TEST_F(CoachTest, TheGuidesOwnQuestionsArePartOfThePool) {
  const Company& amazon = *BuiltinCatalog().FindCompany("amazon");
  std::vector<PracticeQuestion> pool = QuestionPool(BuiltinCatalog(), stories_, amazon);
  auto own = std::find_if(pool.begin(), pool.end(), [](const PracticeQuestion& q) { return q.story_key == "q2"; });
  ASSERT_NE(own, pool.end());
  EXPECT_EQ(own->text, "What did you learn from a migration that went wrong?");
  EXPECT_GT(pool.size(), 100u);
}

TEST_F(CoachTest, ProgressCountsRulesPerAnswer) {
  AnswerInput in;
  in.question = "Walk me through how you cut a slow page's load time.";
  in.story_key = "q1";
  in.text = "Situation: The Atlas search page was slow.\nAction: We profiled it and we found two serial calls. We "
            "made them concurrent and we cached the prices.\nResult: We made it much faster.";
  ASSERT_TRUE(coach_->Answer(in));
  in.text = kGoodAtlasAnswer;
  ASSERT_TRUE(coach_->Answer(in));
  auto p = coach_->ProgressReport();
  ASSERT_TRUE(p);
  EXPECT_EQ(p->answers, 2);
  ASSERT_EQ(p->stories.size(), 1u);
  EXPECT_EQ(p->stories[0].key, "q1");
  EXPECT_EQ(p->stories[0].attempts, 2);
  EXPECT_LT(p->stories[0].first, p->stories[0].last);
  auto we = std::find_if(p->rules.begin(), p->rules.end(), [](const RuleProgress& r) { return r.rule == "ownership.we"; });
  ASSERT_NE(we, p->rules.end());
  EXPECT_EQ(we->attempts, 1);
  EXPECT_EQ(we->recent, 1);
  EXPECT_EQ(p->window, 2);
}

TEST_F(CoachTest, DrillsAreRecordedWithoutMovingTheSchedule) {
  auto r = coach_->Drill("q1", "3-4 seconds to 700, 80%, zero in 2 months, 150", "s1");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_GT(r->metrics.size(), 1u);
  EXPECT_EQ(Attempts(), 1);
  EXPECT_EQ((*log_->Attempts())[0].kind, "drill");
  EXPECT_TRUE(log_->Schedules()->empty());
  EXPECT_FALSE(coach_->Drill("q404", "1", ""));
}

}  // namespace
}  // namespace rehearse
