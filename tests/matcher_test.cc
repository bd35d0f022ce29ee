#include "match/matcher.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "importer/guide.h"
#include "test_util.h"

namespace rehearse {
namespace {

using testing::BuiltinCatalog;

const QuestionClassifier& Classifier() {
  static const auto c = std::move(*QuestionClassifier::Build(BuiltinCatalog()));
  return *c;
}

ParsedGuide Demo() { return *ParseGuide(*BuiltinFile("demo/guide.md"), "demo", BuiltinCatalog()); }

std::string Keys(const std::vector<StoryMatch>& m) {
  std::string out;
  for (const auto& s : m) out += s.key + " ";
  return out;
}

TEST(MatcherTest, RanksTheStoryThatFitsFirstWithReasons) {
  ParsedGuide g = Demo();
  StoryIndex index(g.stories, g.themes, Classifier());
  auto m = index.Match("Tell me about a time you disagreed with another team.", "amazon", 3);
  ASSERT_TRUE(m) << m.error().message;
  ASSERT_EQ(m->size(), 3u);
  EXPECT_EQ((*m)[0].key, "q7");
  EXPECT_NE(std::find((*m)[0].reasons.begin(), (*m)[0].reasons.end(),
                      "tagged Have Backbone; Disagree and Commit, which the question probes"),
            (*m)[0].reasons.end());
  EXPECT_GT((*m)[0].score, (*m)[1].score);

  auto debug = index.Match("How did you track down a bug that only happened sometimes?", "amazon", 1);
  ASSERT_TRUE(debug);
  EXPECT_EQ(Keys(*debug), "q9 ");
  auto failure = index.Match("What did you learn from a mistake you made in production?", "amazon", 1);
  EXPECT_EQ(Keys(*failure), "q8 ");
}

TEST(MatcherTest, TheGuidesOwnAnswerToAQuestionCountsFirst) {
  ParsedGuide g = Demo();
  StoryIndex index(g.stories, g.themes, Classifier());
  const std::string asked = "Tell me about a time you disagreed with another team.";
  auto before = index.Match(asked, "amazon", 3);
  ASSERT_TRUE(before) << before.error().message;
  ASSERT_EQ((*before)[0].key, "q7");
  // The user's guide files the same question (in other words) under a story the
  // text alone ranks lower; a question about something else changes nothing.
  const std::string picked = (*before)[2].key;
  index.SetOwnQuestions({{"Tell me about a time you disagreed with a team", {picked}, "", "", "guide.md"},
                         {"What is your biggest weakness?", {"q7"}, "", "", "guide.md"}});
  auto after = index.Match(asked, "amazon", 3);
  ASSERT_TRUE(after);
  EXPECT_EQ((*after)[0].key, picked) << Keys(*after);
  EXPECT_EQ((*after)[0].reasons.front(), "your guide answers \"Tell me about a time you disagreed with a team\" with it");
  EXPECT_LE((*after)[0].score, 1.0);
  auto other = index.Match("How did you track down a bug that only happened sometimes?", "amazon", 1);
  ASSERT_TRUE(other);
  EXPECT_EQ(other->front().reasons.front().rfind("your guide", 0), std::string::npos);
}

TEST(MatcherTest, BadInputAndAnEmptyBank) {
  std::vector<Story> none;
  std::vector<ThemeRow> no_themes;
  StoryIndex empty(none, no_themes, Classifier());
  auto m = empty.Match("Tell me about a time you led.", "amazon", 5);
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->empty());
  EXPECT_EQ(empty.Match("", "amazon", 5).error().message, "the question is empty");
  const std::string unknown =
      "unknown company \"acme\" (known: airbnb, amazon, atlassian, google, linkedin, meta, microsoft, netflix, "
      "salesforce, spotify, stripe, uber)";
  EXPECT_EQ(empty.Match("Why?", "acme", 5).error().message, unknown);
  EXPECT_EQ(empty.PlanFor("acme").error().message, unknown);
  auto plan = empty.PlanFor("amazon");
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->gaps.size(), 16u);
  EXPECT_TRUE(plan->recommended.empty());
  std::string huge(1 << 20, 'x');
  EXPECT_TRUE(empty.Match(huge, "amazon", 5));
}

TEST(MatcherTest, PlanForTheDemoBank) {
  ParsedGuide g = Demo();
  StoryIndex index(g.stories, g.themes, Classifier());
  auto plan = index.PlanFor("Amazon");
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->company, "amazon");
  ASSERT_EQ(plan->values.size(), 16u);
  std::vector<std::string> gaps;
  for (const auto& gap : plan->gaps) gaps.push_back(gap.value);
  EXPECT_EQ(gaps, (std::vector<std::string>{"Strive to be Earth's Best Employer", "Success and Scale Bring Broad Responsibility"}));
  EXPECT_NE(plan->gaps[0].advice.find("Prepare a story for: \""), std::string::npos);
  const auto& dive = plan->values[11];
  EXPECT_EQ(dive.name, "Dive Deep");
  ASSERT_EQ(dive.stories.size(), 2u);  // the user's mapping, and nothing inferred beside it
  EXPECT_EQ(dive.stories[0].key, "q9");
  EXPECT_TRUE(dive.stories[0].tagged);
  EXPECT_DOUBLE_EQ(dive.stories[0].score, 1.0);
  EXPECT_EQ(dive.stories[1].key, "q3");
  EXPECT_DOUBLE_EQ(dive.stories[1].score, 0.9);
  EXPECT_GE(plan->recommended.size(), 5u);
  EXPECT_LE(plan->recommended.size(), 7u);
  ASSERT_EQ(plan->themes.size(), g.themes.size());
  EXPECT_TRUE(plan->themes[0].from_guide);
  EXPECT_TRUE(plan->overlaps.empty());
}

TEST(MatcherTest, InfersValuesWhenNoneAreTaggedAndFindsLookAlikes) {
  ParsedGuide g = Demo();
  for (auto& s : g.stories) s.values.clear();
  g.stories.push_back(g.stories[8]);  // q9 told twice
  g.stories.back().key = "q99";
  std::vector<ThemeRow> no_themes;
  StoryIndex index(g.stories, no_themes, Classifier());
  auto plan = index.PlanFor("amazon");
  ASSERT_TRUE(plan);
  const auto& dive = plan->values[11];
  ASSERT_FALSE(dive.stories.empty());
  EXPECT_FALSE(dive.stories[0].tagged);
  ASSERT_FALSE(plan->overlaps.empty());
  EXPECT_EQ(plan->overlaps[0].a, "q9");
  EXPECT_EQ(plan->overlaps[0].b, "q99");
  EXPECT_NEAR(plan->overlaps[0].similarity, 1.0, 1e-9);
  EXPECT_FALSE(plan->themes.empty());
  EXPECT_FALSE(plan->themes[0].from_guide);
  // The recommended set does not take both copies.
  EXPECT_FALSE(std::find(plan->recommended.begin(), plan->recommended.end(), "q9") != plan->recommended.end() &&
               std::find(plan->recommended.begin(), plan->recommended.end(), "q99") != plan->recommended.end());
}

}  // namespace
}  // namespace rehearse
