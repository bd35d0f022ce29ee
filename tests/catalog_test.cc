#include "catalog/catalog.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "test_util.h"

namespace rehearse {
namespace {

using testing::BuiltinCatalog;
using testing::TempDir;

TEST(CatalogTest, BuiltinFrameworksHaveTheMethodsSplits) {
  const Catalog& c = BuiltinCatalog();
  std::vector<std::string> ids;
  for (const auto& f : c.frameworks) ids.push_back(f.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"STAR", "CAR", "SOAR", "CARL", "PAR", "DIGS"}));
  const Framework* star = c.FindFramework("star");
  ASSERT_NE(star, nullptr);
  std::vector<std::pair<std::string, int>> split;
  for (const auto& s : star->sections) split.emplace_back(s.name, s.share);
  EXPECT_EQ(split, (std::vector<std::pair<std::string, int>>{{"Situation", 15}, {"Task", 10}, {"Action", 50}, {"Result", 25}}));
  const Framework* car = c.FindFramework("CAR");
  ASSERT_NE(car, nullptr);
  EXPECT_EQ(car->sections[0].share, 20);
  EXPECT_EQ(car->sections[1].share, 50);
  EXPECT_EQ(car->sections[2].share, 30);
  // Action is the largest part of every framework.
  for (const auto& f : c.frameworks) {
    int action = 0, largest_other = 0;
    for (const auto& s : f.sections) {
      if (s.role == SectionRole::kAction) action = s.share;
      else largest_other = std::max(largest_other, s.share);
    }
    EXPECT_GT(action, largest_other) << f.id;
  }
}

TEST(CatalogTest, BuiltinCompaniesAreComplete) {
  const Catalog& c = BuiltinCatalog();
  const Company* amazon = c.FindCompany("amazon");
  ASSERT_NE(amazon, nullptr);
  ASSERT_EQ(amazon->values.size(), 16u);
  EXPECT_EQ(amazon->values[14].name, "Strive to be Earth's Best Employer");
  EXPECT_EQ(amazon->values[15].name, "Success and Scale Bring Broad Responsibility");
  for (const auto& v : amazon->values) {
    EXPECT_FALSE(v.description.empty()) << v.name;
    EXPECT_GE(v.keywords.size(), 8u) << v.name;
  }
  ASSERT_NE(c.FindCompany("Google"), nullptr);
  EXPECT_EQ(c.FindCompany("google")->values.size(), 4u);
  ASSERT_NE(c.FindCompany("meta"), nullptr);
  EXPECT_EQ(c.FindCompany("meta")->values.size(), 6u);
  // Where users interview: each profile names the page its values come from, and
  // describes every value in our words with keywords to listen for.
  std::vector<std::string> ids;
  for (const auto& company : c.companies) {
    ids.push_back(company.id);
    EXPECT_TRUE(company.source.starts_with("https://")) << company.id;
    EXPECT_EQ(company.source_date, "2026-11-30") << company.id;
    for (const auto& v : company.values) {
      EXPECT_GE(v.description.size(), 100u) << company.id << ": " << v.name;
      EXPECT_GE(v.keywords.size(), 8u) << company.id << ": " << v.name;
    }
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"airbnb", "amazon", "atlassian", "google", "linkedin", "meta", "microsoft",
                                           "netflix", "salesforce", "spotify", "stripe", "uber"}));
  EXPECT_EQ(c.FindCompany("netflix")->values.size(), 10u);
  EXPECT_EQ(c.FindCompany("Stripe")->values_title, "Operating principles");
  EXPECT_EQ(c.FindCompany("salesforce")->values[0].related, (std::vector<std::string>{"amazon:Earn Trust"}));
}

TEST(CatalogTest, FindValueAcceptsTheWaysGuidesSpellValues) {
  const Catalog& c = BuiltinCatalog();
  struct Case {
    std::string company, written, canonical;
  };
  const Case cases[] = {
      {"amazon", "Insist on Highest Standards", "Insist on the Highest Standards"},
      {"amazon", "are right a lot", "Are Right, A Lot"},
      {"amazon", "Have Backbone; Disagree and Commit", "Have Backbone; Disagree and Commit"},
      {"amazon", "Earth's Best Employer", "Strive to be Earth's Best Employer"},
      {"google", "Googleyness (Humility, Conscientiousness)", "Googleyness"},
      {"google", "Leadership (Emergent)", "Emergent Leadership"},
      {"google", "Role Related Knowledge", "Role-Related Knowledge"},
      {"meta", "Focus on Long Term Impact", "Focus on Long-Term Impact"},
      {"meta", "Be Bold", "Build Awesome Things"},  // Meta's values before 2022 are aliases
      {"meta", "Build Social Value", "Meta, Metamates, Me"},
      {"netflix", "Candour", ""},
      {"uber", "Act Like Owners", "We Act Like Owners"},
      {"atlassian", "Don't F the Customer", "Don't #@!% the Customer"},
      {"amazon", "Customer Obsessed Pizza", ""},
  };
  for (const auto& k : cases) {
    const CompanyValue* v = c.FindCompany(k.company)->FindValue(k.written);
    EXPECT_EQ(v ? v->name : "", k.canonical) << k.written;
  }
}

TEST(CatalogTest, WithoutTheQuestionBankEverythingElseLoads) {
  auto lean = LoadCatalog("", CatalogParts::kWithoutQuestionBank);
  ASSERT_TRUE(lean) << lean.error().message;
  const Catalog& full = BuiltinCatalog();
  EXPECT_TRUE(lean->questions.empty());
  EXPECT_EQ(lean->frameworks.size(), full.frameworks.size());
  EXPECT_EQ(lean->companies.size(), full.companies.size());
  EXPECT_EQ(lean->labels.entries.size(), full.labels.entries.size());
  EXPECT_EQ(lean->framework_cues.size(), full.framework_cues.size());
}

TEST(CatalogTest, QuestionBankIsLargeAndConsistent) {
  const Catalog& c = BuiltinCatalog();
  ASSERT_GE(c.questions.size(), 300u);
  std::set<std::string> texts, frameworks, principles;
  std::map<std::string, std::set<std::string>> probed;  // company -> values with a question
  int grilling = 0, for_amazon = 0;
  for (const auto& q : c.questions) {
    EXPECT_TRUE(texts.insert(q.text).second) << "duplicate: " << q.text;
    EXPECT_NE(c.FindFramework(q.framework), nullptr) << q.text;
    EXPECT_FALSE(q.themes.empty()) << q.text;
    EXPECT_FALSE(q.values.empty()) << "probes no company's value: " << q.text;
    for (const auto& [company_id, names] : q.values) {
      const Company* company = c.FindCompany(company_id);
      ASSERT_NE(company, nullptr) << company_id;
      for (const auto& v : names) {
        const CompanyValue* value = company->FindValue(v);
        ASSERT_NE(value, nullptr) << v;
        EXPECT_EQ(value->name, v) << "use the canonical name";
        probed[company_id].insert(v);
      }
    }
    for_amazon += q.values.count("amazon") > 0;
    frameworks.insert(q.framework);
    grilling += q.kind == QuestionKind::kGrilling;
  }
  EXPECT_EQ(for_amazon, 200);
  EXPECT_EQ(frameworks.size(), 6u);
  EXPECT_GT(grilling, 30);
  // Every value of every built-in profile has a question in the bank that probes it.
  for (const auto& company : c.companies) {
    EXPECT_EQ(probed[company.id].size(), company.values.size()) << company.id;
  }
}

TEST(CatalogTest, UserFilesAddAndOverride) {
  TempDir dir;
  dir.Write("frameworks.toml", R"(
[[framework]]
id = "STAR"
best_for = "mine"
[[framework.section]]
name = "Situation"
role = "context"
share = 20
[[framework.section]]
name = "Action"
role = "action"
share = 80

[[framework]]
id = "BAR"
[[framework.section]]
name = "Background"
role = "context"
share = 30
[[framework.section]]
name = "Action"
role = "action"
share = 70
)");
  dir.Write("companies/acme.toml", R"(
id = "acme"
name = "Acme"
[[value]]
name = "Ship It"
keywords = ["ship"]
)");
  auto c = LoadCatalog(dir.path());
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->frameworks.size(), 7u);
  EXPECT_EQ(c->FindFramework("STAR")->best_for, "mine");
  EXPECT_EQ(c->FindFramework("STAR")->sections.size(), 2u);
  ASSERT_NE(c->FindFramework("bar"), nullptr);
  ASSERT_NE(c->FindCompany("acme"), nullptr);
  EXPECT_EQ(c->FindCompany("acme")->values_title, "Values");
}

TEST(CatalogTest, BadUserFilesNameFileLineAndColumn) {
  struct Case {
    std::string file, text, error;
  };
  const Case cases[] = {
      {"frameworks.toml", "[[framework]]\nid = \"X\"\ncolour = 3\n", "frameworks.toml:3:1: unknown key \"colour\""},
      {"frameworks.toml", "[[framework]]\nid = \"X\"\n[[framework.section]]\nname = \"A\"\nrole = \"doing\"\nshare = 100\n",
       "frameworks.toml:5:8: role must be context, task, action, result or learning, not \"doing\""},
      {"frameworks.toml",
       "[[framework]]\nid = \"X\"\n[[framework.section]]\nname = \"A\"\nrole = \"action\"\nshare = 90\n",
       "frameworks.toml:1:1: the shares of framework X sum to 90, not 100"},
      {"companies/bad.toml", "id = \"bad\"\nname = \n", "companies/bad.toml:2:8:"},
      {"companies/bad.toml", "id = \"bad\"\nname = \"Bad\"\n", "companies/bad.toml:1:1: company bad has no [[value]]"},
      {"companies/bad.toml", "id = \"bad\"\nname = \"Bad\"\n[[value]]\nname = \"Grit\"\nrelated = [\"Ownership\"]\n",
       "companies/bad.toml:5:11: related \"Ownership\" must be written \"company:Value\""},
      {"companies/bad.toml", "id = \"bad\"\nname = \"Bad\"\n[[value]]\nname = \"Grit\"\nrelated = [\"amazon:Grit\"]\n",
       "companies/bad.toml:3:1: Grit: related \"amazon:Grit\" names no known company value"},
      {"companies/bad.toml", "id = \"bad\"\nname = \"Bad\"\nsource = 3\n[[value]]\nname = \"Grit\"\n",
       "companies/bad.toml:3:10: \"source\" must be a string"},
      {"questions.toml", "[[question]]\ntext = \"Q?\"\nkind = \"normal\"\nframework = \"STAR\"\nacme = [\"Grit\"]\n",
       "questions.toml:5:1: unknown key \"acme\" (not a field or a company id)"},
      {"questions.toml", "[[question]]\ntext = \"Q?\"\nkind = \"normal\"\nframework = \"STAR\"\nnetflix = [\"Grit\"]\n",
       "questions.toml:5:11: Netflix has no value \"Grit\""},
  };
  for (const auto& k : cases) {
    TempDir dir;
    dir.Write(k.file, k.text);
    auto c = LoadCatalog(dir.path());
    ASSERT_FALSE(c) << k.text;
    EXPECT_EQ(c.error().message.rfind(dir.path() + "/" + k.error, 0), 0u) << c.error().message;
  }
}

}  // namespace
}  // namespace rehearse
