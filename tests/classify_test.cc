#include "match/classifier.h"

#include <gtest/gtest.h>
#include <toml++/toml.h>

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <map>
#include <numeric>
#include <sstream>

#include "match/tfidf.h"
#include "test_util.h"
#include "text/terms.h"
#include "util/text.h"

namespace rehearse {
namespace {

using testing::BuiltinCatalog;
using testing::TempDir;

const QuestionClassifier& Classifier() {
  static const auto c = [] {
    auto built = QuestionClassifier::Build(BuiltinCatalog());
    if (!built) ADD_FAILURE() << built.error().message;
    return std::move(*built);
  }();
  return *c;
}

std::vector<std::string> Top(const Classification& c, size_t n) {
  std::vector<std::string> out;
  for (size_t i = 0; i < n && i < c.values.size(); ++i) out.push_back(c.values[i].name);
  return out;
}

double ProbabilityOf(const Classification& c, std::string_view name) {
  for (const auto& v : c.values) {
    if (v.name == name) return v.probability;
  }
  return -1;
}

TEST(ClassifyTest, FrameworkFollowsTheCheatSheet) {
  struct Case {
    std::string question, framework;
  };
  const Case cases[] = {
      {"Tell me about a time you led a project end to end.", "STAR"},
      {"Give me a quick example of when you helped a customer.", "CAR"},
      {"What did you learn from a project that went badly?", "CARL"},
      {"Tell me about a time you failed.", "CARL"},
      {"How did you overcome resistance from another team?", "SOAR"},
      {"Describe a conflict with your manager.", "SOAR"},
      {"How did you debug the worst outage you were part of?", "PAR"},
      {"What is your proudest technical achievement?", "DIGS"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> why;
    EXPECT_EQ(Classifier().Framework(c.question, &why), c.framework) << c.question;
    EXPECT_FALSE(why.empty());
  }
}

TEST(ClassifyTest, ValuesComeWithCalibratedProbabilitiesAndReasons) {
  auto c = Classifier().Classify("Tell me about a time you made a mistake and told your team about it.", "amazon");
  ASSERT_TRUE(c) << c.error().message;
  ASSERT_EQ(c->values.size(), 16u);
  EXPECT_EQ(c->values[0].name, "Earn Trust");
  EXPECT_DOUBLE_EQ(c->values[0].score, 1.0);
  EXPECT_EQ(c->framework, "CARL");
  double total = 0;
  for (size_t i = 0; i < c->values.size(); ++i) {
    total += c->values[i].probability;
    if (i > 0) {
      EXPECT_LE(c->values[i].probability, c->values[i - 1].probability);
    }
    EXPECT_DOUBLE_EQ(c->values[i].score, c->values[i].probability / c->values[0].probability);
  }
  EXPECT_NEAR(total, 1.0, 1e-9);
  // The words that decided, then the bank question most like it.
  ASSERT_FALSE(c->values[0].reasons.empty());
  EXPECT_EQ(c->values[0].reasons[0].rfind("mentions \"", 0), 0u) << c->values[0].reasons[0];
  EXPECT_NE(c->values[0].reasons[0].find("mistake"), std::string::npos) << c->values[0].reasons[0];
}

TEST(ClassifyTest, BadInputFailsClearly) {
  EXPECT_EQ(Classifier().Classify("  ", "amazon").error().message, "the question is empty");
  EXPECT_EQ(Classifier().Classify("Why us?", "initech").error().message,
            "unknown company \"initech\" (known: airbnb, amazon, atlassian, google, linkedin, meta, microsoft, "
            "netflix, salesforce, spotify, stripe, uber)");
  // A megabyte of text is a question too: classified, not refused.
  std::string huge;
  while (huge.size() < (1u << 20)) huge += "Tell me about a time you dug into the logs to find a root cause. ";
  auto c = Classifier().Classify(huge, "amazon");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->values[0].name, "Dive Deep");
}

// Negated and wrong-sense keywords: "did not have all the data" is not Dive Deep,
// "customer data" is not Customer Obsession.
TEST(ClassifyTest, NegationAndWrongSensesDoNotFoolIt) {
  struct Case {
    std::string question;
    std::vector<std::string> top;  // The first value, or one of these.
    std::string not_probed;        // Under 10%.
  };
  const Case cases[] = {
      {"Tell me about a time you did not have all the data you wanted and still had to decide.",
       {"Bias for Action", "Are Right, A Lot"}, "Dive Deep"},
      {"Describe a decision you made without complete information.", {"Bias for Action", "Are Right, A Lot"},
       "Dive Deep"},
      {"Tell me about a time you dug into the data to find out why a key metric dropped.", {"Dive Deep"},
       "Bias for Action"},
      {"Tell me about a time you migrated customer data to a new database with no downtime.",
       {"Deliver Results", "Invent and Simplify", "Insist on the Highest Standards", "Dive Deep", "Ownership"},
       "Strive to be Earth's Best Employer"},
  };
  for (const auto& k : cases) {
    auto c = Classifier().Classify(k.question, "amazon");
    ASSERT_TRUE(c);
    EXPECT_NE(std::find(k.top.begin(), k.top.end(), c->values[0].name), k.top.end())
        << k.question << " -> " << c->values[0].name;
    EXPECT_LT(ProbabilityOf(*c, k.not_probed), 0.1) << k.question;
  }
}

// Most questions probe more than one value, and the probabilities say so.
TEST(ClassifyTest, QuestionsThatProbeSeveralValuesGetSeveral) {
  auto c = Classifier().Classify(
      "Describe a situation where you took ownership of an urgent problem nobody owned and acted before you had all the "
      "facts.",
      "amazon");
  ASSERT_TRUE(c);
  auto top = Top(*c, 2);
  std::sort(top.begin(), top.end());
  EXPECT_EQ(top, (std::vector<std::string>{"Bias for Action", "Ownership"}));
  EXPECT_GT(c->values[1].probability, 0.15);
}

// Each profile's values are ranked by that company's own model.
TEST(ClassifyTest, EveryCompanyHasAModel) {
  struct Case {
    std::string company, question, top;
  };
  const Case cases[] = {
      {"google", "Tell me about a time you led a project across teams without any formal authority.",
       "Emergent Leadership"},
      {"meta", "Tell me about a time you shipped a first version fast and iterated.", "Move Fast"},
      {"microsoft", "Tell me about a time you failed and what it taught you.", "Growth Mindset"},
      {"netflix", "Tell me about a time you questioned a decision made by a senior leader.", "Courage"},
      {"stripe", "Tell me about a time you talked to users and changed your plan because of it.", "Users First"},
      {"uber", "Tell me about a time you kept going after a project failed several times.", "We Persevere"},
      {"airbnb", "Tell me about a time you built something with almost no resources.", "Be a Cereal Entrepreneur"},
      {"salesforce", "Tell me about a time you protected a customer's data after a security incident.", "Trust"},
      {"linkedin", "Tell me about a calculated risk you took and how you limited the downside.",
       "Take Intelligent Risks"},
      {"atlassian", "Tell me about something you fixed yourself because you were tired of waiting for someone else.",
       "Be the Change You Seek"},
      {"spotify", "Tell me about a time you helped another squad with what your team knew.", "Collaborative"},
  };
  for (const auto& k : cases) {
    auto c = Classifier().Classify(k.question, k.company);
    ASSERT_TRUE(c) << c.error().message;
    EXPECT_EQ(c->values[0].name, k.top) << k.company << ": " << k.question;
    EXPECT_TRUE(Classifier().models().WasBuilt(*BuiltinCatalog().FindCompany(k.company))) << k.company;
  }
}

// A user's own profile has no model from the build: one is trained when first asked
// for, from its description, keywords and the values it names as related.
TEST(ClassifyTest, AUserProfileGetsAModelTrainedOnFirstUse) {
  TempDir dir;
  dir.Write("companies/acme.toml", R"(
id = "acme"
name = "Acme"
source = "https://acme.example/values"
source_date = "2026-11-30"
[[value]]
name = "Frugal Craft"
description = "Doing excellent work on a small budget: saving money without lowering the bar."
keywords = ["budget", "cost", "cheap", "saved money"]
related = ["amazon:Frugality"]
[[value]]
name = "Customer Love"
description = "Starting from what the customer needs and delighting them."
keywords = ["customer", "users", "delight"]
related = ["amazon:Customer Obsession"]
)");
  auto catalog = LoadCatalog(dir.path());
  ASSERT_TRUE(catalog) << catalog.error().message;
  auto classifier = QuestionClassifier::Build(*catalog);
  ASSERT_TRUE(classifier);
  auto c = (*classifier)->Classify("Tell me about a time you cut costs on a project with no budget.", "acme");
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(Top(*c, 2), (std::vector<std::string>{"Frugal Craft", "Customer Love"}));
  EXPECT_GT(c->values[0].probability, 0.5);
  EXPECT_FALSE((*classifier)->models().WasBuilt(*catalog->FindCompany("acme")));
  ASSERT_TRUE((*classifier)->Classify("Tell me about a time you cut costs.", "amazon"));
  EXPECT_TRUE((*classifier)->models().WasBuilt(*catalog->FindCompany("amazon")));  // The build's, untouched.
}

// Top-1 and top-3 of the amazon model on `rows` (value, question), and of the
// baseline the issue measured: TF-IDF cosine against each principle's description.
struct Accuracy {
  int n = 0, top1 = 0, top3 = 0, base1 = 0, base3 = 0;
};

Accuracy Measure(const std::vector<std::pair<std::string, std::string>>& rows) {
  const Company& amazon = *BuiltinCatalog().FindCompany("amazon");
  std::vector<std::vector<std::string>> docs;
  for (const auto& v : amazon.values) docs.push_back(Terms(v.description));
  TfIdf space(docs);
  std::vector<TermVector> descriptions;
  for (auto& d : docs) descriptions.push_back(space.Vectorize(std::move(d)));
  Accuracy a;
  for (const auto& [value, question] : rows) {
    auto c = Classifier().Classify(question, "amazon");
    EXPECT_TRUE(c);
    if (!c) continue;
    ++a.n;
    a.top1 += c->values[0].name == value;
    for (size_t i = 0; i < 3; ++i) a.top3 += c->values[i].name == value;
    TermVector q = space.Vectorize(Terms(question));
    size_t truth = static_cast<size_t>(amazon.FindValue(value) - amazon.values.data());
    double s = TfIdf::Similarity(q, descriptions[truth]);
    size_t rank = 0;
    for (size_t v = 0; v < descriptions.size(); ++v) {
      double o = TfIdf::Similarity(q, descriptions[v]);
      rank += o > s || (o == s && v < truth);
    }
    a.base1 += rank == 0;
    a.base3 += rank < 3;
  }
  return a;
}

std::string Report(std::string_view name, const Accuracy& a) {
  auto pct = [&](int k) { return static_cast<double>(k) / a.n; };
  return fmt::format("{}: {} questions: top-1 {:.2f} ({}), top-3 {:.2f} ({}); description TF-IDF baseline {:.2f} ({}), {:.2f} ({})\n",
                     name, a.n, pct(a.top1), a.top1, pct(a.top3), a.top3, pct(a.base1), a.base1, pct(a.base3), a.base3);
}

// Two evaluation sets the model never trains on (tests/classify_eval/):
//  - questions.toml: 110 questions written apart from the bank by us, each with one
//    principle and the framework its wording calls for;
//  - lp_heldout.tsv: 400 questions in the styles of interview-prep sites, 25 per
//    principle, written for rehearse by someone who never saw its code or data.
// The figures are pinned: a change to the model or its data moves them, and the
// README quotes them.
TEST(ClassifyTest, AccuracyOnTheEvaluationSets) {
  toml::table doc = toml::parse_file(std::string(REHEARSE_FIXTURES) + "/../classify_eval/questions.toml");
  std::vector<std::pair<std::string, std::string>> own;
  int framework = 0;
  std::map<std::string, std::pair<int, int>> per_framework;
  std::string misses;
  for (const auto& node : *doc["question"].as_array()) {
    const toml::table& q = *node.as_table();
    std::string text = q["text"].value_or(std::string());
    std::string fw = q["framework"].value_or(std::string());
    own.emplace_back(q["amazon"].value_or(std::string()), text);
    std::string got = Classifier().Framework(text, nullptr);
    framework += got == fw;
    per_framework[fw].second++;
    per_framework[fw].first += got == fw;
    if (got != fw) misses += fmt::format("  framework {} for {}: {}\n", got, fw, text);
  }
  std::ifstream in(std::string(REHEARSE_FIXTURES) + "/../classify_eval/lp_heldout.tsv");
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string heldout_text = ss.str();
  std::vector<std::pair<std::string, std::string>> heldout;
  for (std::string_view line : SplitLines(heldout_text)) {
    auto cells = Split(line, '\t');
    if (cells.size() != 4 || cells[0] == "id") continue;
    heldout.emplace_back(std::string(cells[1]), std::string(cells[3]));
  }
  ASSERT_EQ(heldout.size(), 400u);

  Accuracy a = Measure(own), b = Measure(heldout);
  std::cout << Report("classify_eval/questions.toml", a) << Report("classify_eval/lp_heldout.tsv", b);
  std::cout << fmt::format("framework {:.2f} ({}/{})\n", framework / static_cast<double>(a.n), framework, a.n);
  for (const auto& [fw, c] : per_framework) std::cout << fmt::format("  {:<5} {}/{}\n", fw, c.first, c.second);
  std::cout << misses;
  EXPECT_EQ(a.n, 110);
  EXPECT_EQ(a.top1, 83);
  EXPECT_EQ(a.top3, 106);
  EXPECT_EQ(a.base1, 51);
  EXPECT_EQ(a.base3, 69);
  EXPECT_EQ(b.top1, 275);
  EXPECT_EQ(b.top3, 360);
  EXPECT_EQ(b.base1, 129);
  EXPECT_EQ(b.base3, 204);
  EXPECT_EQ(framework, 109);
}

}  // namespace
}  // namespace rehearse
