// The pre-interview checklist, ticked from a real bank: each item changes when the
// bank changes in the way the item asks for. Also the company notes it reads.

#include "prep/checklist.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "importer/guide.h"
#include "lint/loader.h"
#include "match/classifier.h"
#include "prep/bank_checklist.h"
#include "store/bank.h"
#include "store/company_notes.h"
#include "store/practice_log.h"
#include "test_util.h"

namespace rehearse {
namespace {

using testing::BuiltinCatalog;
using testing::ReadFixture;
using testing::TempDir;

// Pins the clock for one test and restores it after.
class PinnedClock {
 public:
  explicit PinnedClock(const char* now) { setenv("REHEARSE_NOW", now, 1); }
  ~PinnedClock() { unsetenv("REHEARSE_NOW"); }
};

class ChecklistTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto bank = Bank::Open(dir_.Path("bank.db"));
    ASSERT_TRUE(bank) << bank.error().message;
    bank_ = std::move(*bank);
    auto guide = ParseGuide(ReadFixture("mini_guide.md"), "mini_guide.md", BuiltinCatalog());
    ASSERT_TRUE(guide) << guide.error().message;
    ASSERT_TRUE(bank_->Import(*guide, "import mini_guide.md", DryRun::kNo));
    auto classifier = QuestionClassifier::Build(BuiltinCatalog());
    ASSERT_TRUE(classifier) << classifier.error().message;
    classifier_ = std::move(*classifier);
    auto rules = LoadRules({}, {}, AllSectionNames(BuiltinCatalog()));
    ASSERT_TRUE(rules) << rules.error().message;
    linter_ = std::make_unique<Linter>(std::move(*rules), BuiltinCatalog());
  }

  Checklist Compute(const std::string& company = "amazon") {
    auto c = ChecklistForBank(*bank_, BuiltinCatalog(), *classifier_, *linter_, company);
    EXPECT_TRUE(c) << c.error().message;
    return c ? *c : Checklist{};
  }

  static const ChecklistItem& Item(const Checklist& c, const std::string& id) {
    for (const auto& item : c.items) {
      if (item.id == id) return item;
    }
    static const ChecklistItem none{"missing", "", false, "", "", "", {}};
    ADD_FAILURE() << "no checklist item " << id;
    return none;
  }

  TempDir dir_;
  std::unique_ptr<Bank> bank_;
  std::unique_ptr<QuestionClassifier> classifier_;
  std::unique_ptr<Linter> linter_;
};

TEST_F(ChecklistTest, ListsEveryItemInOrderWithNextStepsForTheUnticked) {
  PinnedClock clock("2026-11-25T09:00:00Z");
  Checklist c = Compute();
  EXPECT_EQ(c.company, "amazon");
  EXPECT_EQ(c.company_name, "Amazon");
  std::vector<std::string> ids;
  for (const auto& item : c.items) {
    ids.push_back(item.id);
    EXPECT_EQ(item.next_step.empty(), item.done) << item.id;
    EXPECT_FALSE(item.detail.empty()) << item.id;
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"failure-stories", "stories-mapped", "metrics", "lint-clean", "values-covered",
                                           "practiced", "questions", "news", "backups"}));
  int done = 0;
  for (const auto& item : c.items) done += item.done;
  EXPECT_EQ(c.done, done);
}

TEST_F(ChecklistTest, ASecondFailureStoryWithALearningTicksTheItem) {
  Checklist before = Compute();
  const ChecklistItem& item = Item(before, "failure-stories");
  EXPECT_FALSE(item.done);
  EXPECT_EQ(item.detail, "1 failure story with a learning: q2");
  EXPECT_EQ(item.next_step, "Write 1 more story about a mistake of yours in CARL, ending with a Learning section");
  ASSERT_EQ(item.actions.size(), 1u);
  EXPECT_EQ(item.actions[0].place, "new-story");

  Story failure;
  failure.key = "q5";
  failure.title = "Tell me about a release you got wrong.";
  failure.project = "Ledger - Nightly Release";
  failure.framework = "CARL";
  failure.sections = {{"Context", "I shipped the nightly ledger release for 40 merchants."},
                      {"Action", "I skipped the dry run to save an hour, and then I rolled the release back myself."},
                      {"Result", "Statements were late by 3 hours for 40 merchants."},
                      {"Learning", "I now run the dry run on every release, and I added it to the release script."}};
  auto saved = bank_->Save(failure, 0, "test");
  ASSERT_TRUE(saved) << saved.error().message;

  Checklist after = Compute();
  const ChecklistItem& ticked = Item(after, "failure-stories");
  EXPECT_TRUE(ticked.done);
  EXPECT_EQ(ticked.detail, "2 failure stories with a learning: q2 and q5");
  EXPECT_EQ(ticked.next_step, "");
  EXPECT_EQ(after.done, before.done + 1);
}

TEST_F(ChecklistTest, AFailureStoryWithoutItsLearningDoesNotCount) {
  auto q2 = bank_->Find("q2");
  ASSERT_TRUE(q2 && *q2);
  Story s = **q2;
  s.key = "q6";
  std::erase_if(s.sections, [](const StorySection& sec) { return sec.name == "Learning"; });
  ASSERT_TRUE(bank_->Save(s, 0, "test"));
  const ChecklistItem item = Item(Compute(), "failure-stories");
  EXPECT_FALSE(item.done);
  EXPECT_EQ(item.detail, "1 failure story with a learning: q2; without one: q6");
  EXPECT_EQ(item.next_step, "Add a Learning section to q6, or write a new CARL story about a mistake");
  ASSERT_EQ(item.actions.size(), 2u);
  EXPECT_EQ(item.actions[0].label, "Edit q6");
  EXPECT_EQ(item.actions[0].place, "story");
  EXPECT_EQ(item.actions[0].arg, "q6");
  EXPECT_EQ(item.actions[1].place, "new-story");
}

TEST_F(ChecklistTest, PractisedItemAsksTheStoriesToPrepareFirstToBeReady) {
  PracticeLog log(bank_->db());
  auto record = [&](const std::string& key, const char* kind, int score, bool spoken, const char* due) {
    Attempt a;
    a.company = "amazon";
    a.kind = kind;
    a.story_key = key;
    a.text = "Situation: ...";
    a.score = score;
    a.report = spoken ? R"({"spoken":true})" : "{}";
    ScheduleState st;
    st.item = "story:" + key;
    st.due = due;
    ASSERT_TRUE(log.Record(a, std::string(kind) == "answer" ? std::vector<ScheduleState>{st} : std::vector<ScheduleState>{}));
  };
  const std::vector<std::string> keys = {"q1", "q4", "q2", "q3"};  // The plan's order.
  {
    PinnedClock clock("2026-11-25T09:00:00Z");
    const ChecklistItem item = Item(Compute(), "practiced");
    EXPECT_FALSE(item.done);
    EXPECT_EQ(item.label, "The stories to prepare first are practised and ready");
    EXPECT_EQ(item.detail, "0 of the 4 to prepare first ready (not practised: q1, q4, q2 and q3); no practice recorded yet");
    EXPECT_EQ(item.next_step, "Practise q1, q4, q2 and q3 out loud in a mock interview, 2 to 3 minutes an answer");
    EXPECT_EQ(item.command, "rehearse practice --company amazon");
    ASSERT_EQ(item.actions.size(), 1u);
    EXPECT_EQ(item.actions[0].label, "Practise for Amazon");
    EXPECT_EQ(item.actions[0].place, "practice");
    EXPECT_EQ(item.actions[0].arg, "amazon");

    // One weak typed answer telling q2: shaky, and first in line.
    record("q2", "answer", 40, false, "2026-11-26");
    const ChecklistItem shaky = Item(Compute(), "practiced");
    EXPECT_EQ(shaky.detail, "0 of the 4 to prepare first ready (not practised: q1, q4 and q3; shaky: q2); last practised today");
    EXPECT_EQ(shaky.next_step, "Practise q2, q1, q4 and q3 out loud in a mock interview, 2 to 3 minutes an answer");

    // Two good answers, told out loud, and every figure recalled: ready.
    for (const auto& key : keys) {
      record(key, "answer", 85, true, "2026-11-26");
      record(key, "answer", 90, true, "2026-12-01");
      record(key, "drill", 100, false, "");
    }
    const ChecklistItem ready = Item(Compute(), "practiced");
    EXPECT_TRUE(ready.done);
    EXPECT_EQ(ready.detail, "4 of the 4 to prepare first ready (ready: q1, q4, q2 and q3); last practised today");
    EXPECT_EQ(ready.next_step, "");
    EXPECT_TRUE(ready.actions.empty());
  }
  {
    // Six days on, every review is due: practise again.
    PinnedClock clock("2026-12-01T20:00:00Z");
    const ChecklistItem due = Item(Compute(), "practiced");
    EXPECT_FALSE(due.done);
    EXPECT_EQ(due.detail, "0 of the 4 to prepare first ready (due today: q1, q4, q2 and q3); last practised 6 days ago");
  }
}

TEST_F(ChecklistTest, NotesTickTheQuestionsAndNewsItemsPerCompany) {
  EXPECT_FALSE(Item(Compute(), "questions").done);
  const ChecklistItem open = Item(Compute(), "questions");
  EXPECT_EQ(open.next_step, "Write down three or four questions for the interviewer");
  EXPECT_EQ(open.command, "rehearse notes --company amazon --kind questions --set FILE");
  ASSERT_EQ(open.actions.size(), 1u);
  EXPECT_EQ(open.actions[0].label, "Write them in the questions box");
  EXPECT_EQ(open.actions[0].place, "notes");
  EXPECT_EQ(open.actions[0].arg, "questions");
  CompanyNotes notes(bank_->db());
  ASSERT_TRUE(notes.Set("amazon", "questions", "How is on-call shared?\n\nWhat does the first quarter look like?\n"));
  const ChecklistItem item = Item(Compute(), "questions");
  EXPECT_TRUE(item.done);
  EXPECT_EQ(item.detail, "2 lines written down");
  EXPECT_FALSE(Item(Compute("google"), "questions").done);  // Notes belong to one company.
  EXPECT_FALSE(Item(Compute(), "news").done);
}

TEST_F(ChecklistTest, MetricsLintValuesAndMappingReflectTheBank) {
  Checklist c = Compute();
  EXPECT_EQ(Item(c, "metrics").detail.find("q7"), std::string::npos);
  const ChecklistItem& mapped = Item(c, "stories-mapped");
  EXPECT_EQ(mapped.done, false);  // The fixture maps 4 stories at most.
  EXPECT_NE(mapped.next_step.find("Map "), std::string::npos);
  const ChecklistItem& values = Item(c, "values-covered");
  EXPECT_FALSE(values.done);  // Four stories cannot cover 16 principles.
  EXPECT_NE(values.detail.find("of 16 values covered"), std::string::npos) << values.detail;

  // A story with no figure in its result unticks "metrics" and names the story.
  auto q1 = bank_->Find("q1");
  ASSERT_TRUE(q1 && *q1);
  Story vague = **q1;
  vague.key = "q7";
  for (auto& sec : vague.sections) {
    if (sec.name == "Result") sec.text = "The page felt much quicker and people were happy.";
  }
  ASSERT_TRUE(bank_->Save(vague, 0, "test"));
  Checklist after = Compute();
  const ChecklistItem& now = Item(after, "metrics");
  EXPECT_FALSE(now.done);
  EXPECT_NE(now.detail.find("q7"), std::string::npos) << now.detail;
  // ... and the linter holds the unquantified result against it.
  const ChecklistItem& lint = Item(after, "lint-clean");
  EXPECT_NE(lint.detail.find("q7"), std::string::npos) << lint.detail;
}

TEST_F(ChecklistTest, UnknownCompanyIsAClearError) {
  auto c = ChecklistForBank(*bank_, BuiltinCatalog(), *classifier_, *linter_, "initech");
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().message, "unknown company \"initech\" (see: rehearse companies)");
}

TEST(FailureStoryTest, TellsAPersonalFailureFromATechnicalOne) {
  struct Case {
    std::string title, framework, category;
    bool failure;
  };
  const Case cases[] = {
      {"What did you learn from a production mistake that was yours?", "STAR", "", true},
      {"Tell me about a project that failed.", "STAR", "", true},
      {"When did a plan of yours go wrong... and what went wrong?", "STAR", "", true},
      {"Describe a launch.", "CARL", "", true},
      {"Describe a launch.", "STAR", "Failure", true},
      {"How did you debug a failure that only showed up a few times a week?", "PAR", "", false},
      {"Describe how you helped a colleague grow.", "STAR", "Mentoring", false},
  };
  for (const auto& c : cases) {
    Story s;
    s.title = c.title;
    s.framework = c.framework;
    s.category = c.category;
    EXPECT_EQ(IsFailureStory(s), c.failure) << c.title;
  }
}

// BuildChecklist alone, on hand-made data: the user's theme table decides what counts
// as a failure story, and the plan's themes and overlaps decide the backups.
TEST(BuildChecklistTest, ThemeTableAndOverlapsCount) {
  Story carl;
  carl.key = "q1";
  carl.title = "Tell me about a launch.";
  carl.framework = "CARL";
  carl.sections = {{"Context", "A launch."}, {"Learning", "I test migrations on a copy first."}};
  Story feedback;
  feedback.key = "q2";
  feedback.title = "What is the toughest feedback you have had?";
  feedback.framework = "STAR";
  feedback.sections = {{"Situation", "A review."}, {"Learning", "I now ask for feedback early."}};
  std::vector<Story> stories = {carl, feedback};
  Plan plan;
  plan.company = "google";
  plan.themes = {{"Failure & Learning", "q1", "q2", true}, {"Leadership", "q2", "q1", true}};
  plan.overlaps = {{"q1", "q2", 0.8}};
  ChecklistInput in;
  in.stories = &stories;
  in.catalog = &BuiltinCatalog();
  in.company = BuiltinCatalog().FindCompany("google");
  in.plan = &plan;
  in.today = Days{} + std::chrono::days(20000);
  Checklist c = BuildChecklist(in);
  ASSERT_EQ(c.items.size(), 9u);
  EXPECT_TRUE(c.items[0].done) << c.items[0].detail;
  EXPECT_EQ(c.items[0].detail, "2 failure stories with a learning: q1 and q2");
  const ChecklistItem& backups = c.items[8];
  EXPECT_EQ(backups.id, "backups");
  EXPECT_FALSE(backups.done);
  EXPECT_EQ(backups.detail, "2 themes with a go-to and a backup; backup too alike to the go-to for Failure & Learning, Leadership");
}

TEST(CompanyNotesTest, EverySaveIsARevisionAndNothingIsLost) {
  TempDir dir;
  auto bank = Bank::Open(dir.Path("bank.db"));
  ASSERT_TRUE(bank);
  CompanyNotes notes((*bank)->db());
  auto empty = notes.Current("meta", "news");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->rev, 0);
  EXPECT_EQ(empty->text, "");
  ASSERT_EQ(notes.Set("meta", "news", "first\tdraft")->rev, 1);
  ASSERT_EQ(notes.Set("meta", "news", "first\tdraft")->rev, 1);  // Unchanged: nothing written.
  ASSERT_EQ(notes.Set("meta", "news", "second")->rev, 2);
  EXPECT_EQ(notes.Current("meta", "news")->text, "second");
  auto history = notes.History("meta", "news");
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].text, "first\tdraft");
  auto all = notes.All("meta");
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].kind, "questions");
  EXPECT_EQ((*all)[1].text, "second");

  auto bad = notes.Set("meta", "gossip", "x");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message, "unknown note kind \"gossip\" (questions, news or notes)");
  auto invalid = notes.Set("meta", "notes", "ok\n\xff");
  ASSERT_FALSE(invalid);
  EXPECT_EQ(invalid.error().message, "note:2: text is not valid UTF-8");
  EXPECT_EQ(notes.Current("meta", "notes")->rev, 0);
}

}  // namespace
}  // namespace rehearse
