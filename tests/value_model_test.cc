// The values model piece by piece: features (negation, probes, lexicon), the
// optimiser, training (shares, determinism, calibration) and the text format.

#include <gtest/gtest.h>

#include <cmath>

#include "match/features.h"
#include "match/lbfgs.h"
#include "match/value_model.h"
#include "match/value_models.h"
#include "match/value_training.h"
#include "test_util.h"

namespace rehearse {
namespace {

using testing::BuiltinCatalog;

std::vector<std::string> Names(const std::vector<Feature>& features) {
  std::vector<std::string> out;
  for (const auto& f : features) out.push_back(f.name);
  return out;
}

TEST(FeaturesTest, NegationScopesClausesAndProbes) {
  std::vector<Token> t = ContentTokens("We didn't have the data, but I decided anyway. What was the outcome?");
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].word, "data");
  EXPECT_TRUE(t[0].negated);  // "didn't" covers it
  EXPECT_EQ(t[1].word, "decided");
  EXPECT_FALSE(t[1].negated);  // "but" ends the scope
  EXPECT_EQ(t[1].stem, "decid");
  EXPECT_NE(t[0].clause, t[1].clause);
  EXPECT_FALSE(t[1].probe);  // The asking sentence is the first one ending in "?"... none before it asks:
  EXPECT_EQ(t[3].word, "outcome");
  EXPECT_FALSE(t[3].probe);  // ...so the first question is the asking one.

  std::vector<Token> u = ContentTokens("Tell me about a time without a plan. How did you measure success?");
  ASSERT_EQ(u.size(), 3u);
  EXPECT_TRUE(u[0].negated);   // "without plan"
  EXPECT_FALSE(u[0].probe);    // in the sentence that asks ("Tell me")
  EXPECT_TRUE(u[1].probe);     // "measure": a probe after it
  EXPECT_EQ(u[1].stem, "measur");
  // Curly apostrophes and possessives.
  std::vector<Token> v = ContentTokens("A customer\u2019s request we couldn\u2019t meet");
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[0].word, "customer");
  EXPECT_TRUE(v[2].negated);
}

TEST(FeaturesTest, KeywordsMatchOnStemsAndNeverInsideANegation) {
  ValueLexicon lexicon;
  lexicon.Add("root cause", 3, ValueLexicon::Kind::kKeyword, "");
  lexicon.Add("data", 3, ValueLexicon::Kind::kKeyword, "");
  lexicon.Add("inquisitive", 5, ValueLexicon::Kind::kExpansion, "curious");
  auto f = ExtractFeatures("I found the root causes in the data. I was inquisitive.", lexicon);
  EXPECT_EQ(Names(f), (std::vector<std::string>{"u:found", "b:found root", "u:root", "b:root caus", "u:caus",
                                                "b:caus data", "u:data", "u:inquisit", "k:3", "k:5"}));
  EXPECT_EQ(f[8].shown, "root causes");
  EXPECT_EQ(f[9].shown, "inquisitive (~curious)");
  EXPECT_DOUBLE_EQ(f[1].weight, 0.3);  // bigrams weigh less
  auto negated = ExtractFeatures("We did not have the data.", lexicon);
  EXPECT_EQ(Names(negated), (std::vector<std::string>{"u:data", "n:data"}));
  EXPECT_EQ(negated[1].shown, "not … data");
  auto probe = ExtractFeatures("Describe a failure. What data did you use?", lexicon);
  EXPECT_EQ(Names(probe), (std::vector<std::string>{"u:failur", "u:data", "b:data use", "u:use", "k:3"}));
  EXPECT_DOUBLE_EQ(probe[1].weight, 0.5);
}

TEST(LbfgsTest, FindsTheMinimumOfAConvexFunction) {
  // f(x) = sum_i (i + 1) (x_i - i)^2 + (x_0 x_1 - 0)^2/10 is smooth; its minimum is near x_i = i.
  Objective f = [](const std::vector<double>& x, std::vector<double>& g) {
    double v = 0;
    for (size_t i = 0; i < x.size(); ++i) {
      double d = x[i] - static_cast<double>(i);
      v += static_cast<double>(i + 1) * d * d;
      g[i] = 2 * static_cast<double>(i + 1) * d;
    }
    return v;
  };
  std::vector<double> x(6, 10.0);
  LbfgsResult r = MinimizeLbfgs(f, x);
  EXPECT_TRUE(r.converged);
  for (size_t i = 0; i < x.size(); ++i) EXPECT_NEAR(x[i], static_cast<double>(i), 1e-4);
  EXPECT_NEAR(r.value, 0, 1e-8);
}

TEST(ValueTrainingTest, RankedLabelsBecomeShares) {
  auto s = RankedShares({4, 1, 7});
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].first, 4u);
  EXPECT_NEAR(s[0].second, 6.0 / 11, 1e-12);  // 1 : 1/2 : 1/3
  EXPECT_NEAR(s[1].second, 3.0 / 11, 1e-12);
  EXPECT_NEAR(s[2].second, 2.0 / 11, 1e-12);
}

Company Tiny() {
  Company c;
  c.id = "tiny";
  c.name = "Tiny";
  c.values = {{"Speed", {}, "Moving fast and shipping quickly.", {"fast", "quickly"}, {}, "", {}},
              {"Care", {}, "Caring for customers and colleagues.", {"customer", "empathy"}, {}, "", {}}};
  return c;
}

std::vector<LabeledText> TinyTexts() {
  return {{"Tell me about a time you shipped something fast.", {{0, 1.0}}, 1, true, "a"},
          {"Tell me about a time you moved quickly under a deadline.", {{0, 1.0}}, 1, true, "b"},
          {"Tell me about a time you helped an unhappy customer.", {{1, 1.0}}, 1, true, "c"},
          {"Tell me about a time you showed empathy to a colleague.", {{1, 1.0}}, 1, true, "d"},
          {"Tell me about a time you shipped fast for a customer.", {{0, 0.5}, {1, 0.5}}, 1, true, "e"}};
}

TEST(ValueTrainingTest, TrainingIsDeterministicAndTheTextFormatRoundTrips) {
  Company tiny = Tiny();
  TrainingOptions options;
  options.folds = 0;
  ValueModel a = TrainValueModel(tiny, TinyTexts(), {{1, "kindness", "empathy"}}, options);
  ValueModel b = TrainValueModel(tiny, TinyTexts(), {{1, "kindness", "empathy"}}, options);
  EXPECT_EQ(a.Serialize(), b.Serialize());
  EXPECT_EQ(a.fingerprint(), TrainingFingerprint(tiny, TinyTexts(), options));

  auto p = a.Probabilities("Tell me about a time you moved fast.");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_NEAR(p[0] + p[1], 1.0, 1e-12);
  EXPECT_GT(p[0], 0.6);
  // The expansion fires the value's keyword feature: a synonym no text used.
  auto kind = a.Probabilities("Tell me about a time you showed kindness.");
  EXPECT_GT(kind[1], 0.6);
  EXPECT_EQ(a.Evidence(a.Features("Tell me about a time you showed kindness."), 1, 3),
            (std::vector<std::string>{"kindness (~empathy)", "showed"}));

  auto parsed = ValueModel::Parse(a.Serialize(), tiny);
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(parsed->Serialize(), a.Serialize());
  auto q = parsed->Probabilities("Tell me about a time you showed kindness.");
  EXPECT_NEAR(q[1], kind[1], 1e-3);  // weights are stored in steps of 0.001
}

TEST(ValueTrainingTest, MalformedModelsFailWithTheirLine) {
  Company tiny = Tiny();
  struct Case {
    std::string text, error;
  };
  const Case cases[] = {
      {"model other\n", "values model for tiny, line 1: model of \"other\", not \"tiny\""},
      {"model tiny\nvalue Speed\nvalue Care\nbias 0 0\nf u:fast\t1500 20 7\nend\n",
       "values model for tiny, line 5: expected 2 integer weights"},
      {"model tiny\nvalue Speed\nvalue Care\nbias 0 0\nf u:fast\t1.5 2\nend\n",
       "values model for tiny, line 5: expected 2 integer weights"},
      {"model tiny\nvalue Speed\nvalue Care\nbias 0\nend\n", "values model for tiny, line 4: 1 biases for 2 values"},
      {"model tiny\nvalue Speed\nbias 0 0\nend\n", "values model for tiny, line 4: its values are not the profile's"},
      {"model tiny\nvalue Speed\nvalue Care\nbias 0 0\n", "values model for tiny, line 4: no \"end\" line"},
      {"model tiny\ncolour blue\n", "values model for tiny, line 2: unknown line \"colour blue\""},
  };
  for (const auto& k : cases) {
    auto m = ValueModel::Parse(k.text, tiny);
    ASSERT_FALSE(m) << k.text;
    EXPECT_EQ(m.error().message, k.error);
  }
}

// The texts a company's model learns from, in order: its bank questions, its training
// file, questions borrowed through `related`, then each value's description, names
// and keywords.
TEST(ValueTrainingTest, TrainingTextsForABuiltInProfile) {
  const Catalog& c = BuiltinCatalog();
  TrainingOptions options;
  auto amazon = TrainingTexts(c, *c.FindCompany("amazon"), options);
  ASSERT_TRUE(amazon) << amazon.error().message;
  EXPECT_EQ(amazon->front().origin, "questions.toml #1");
  EXPECT_EQ(amazon->front().target.front().first, 1u);  // Ownership
  EXPECT_EQ(amazon->back().origin, "Success and Scale Bring Broad Responsibility: keywords");
  auto netflix = TrainingTexts(c, *c.FindCompany("netflix"), options);
  ASSERT_TRUE(netflix);
  size_t borrowed = 0;
  for (const auto& t : *netflix) borrowed += t.origin.starts_with("amazon: ") || t.origin.starts_with("meta: ");
  EXPECT_GT(borrowed, 300u);
  for (const auto& t : *netflix) {
    if (t.origin.starts_with("amazon: ")) {
      EXPECT_LE(t.weight, options.related_weight);
    }
  }
}

// Every built-in profile's model comes from the build, and matches its data.
TEST(ValueTrainingTest, TheBuiltModelsMatchTheData) {
  const Catalog& c = BuiltinCatalog();
  ValueModels models(c);
  for (const auto& company : c.companies) {
    auto m = models.For(company);
    ASSERT_TRUE(m) << m.error().message;
    EXPECT_TRUE(models.WasBuilt(company)) << company.id << ": the embedded model is stale";
    EXPECT_GT((*m)->temperature(), 0.1) << company.id;
    EXPECT_LT((*m)->temperature(), 10) << company.id;
  }
}

}  // namespace
}  // namespace rehearse
