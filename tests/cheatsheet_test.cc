// The printable cheat sheet: every story has its card with every figure, every value
// of the company is listed with the stories mapped to it, text is escaped, and the
// page needs nothing from outside itself.

#include "export/cheatsheet.h"

#include <gtest/gtest.h>

#include "export/bank_export.h"
#include "importer/guide.h"
#include "importer/metrics.h"
#include "importer/refs.h"
#include "lint/loader.h"
#include "match/classifier.h"
#include "test_util.h"

namespace rehearse {
namespace {

using testing::BuiltinCatalog;
using testing::ReadFixture;

class CheatSheetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto guide = ParseGuide(ReadFixture("mini_guide.md"), "mini_guide.md", BuiltinCatalog());
    ASSERT_TRUE(guide) << guide.error().message;
    stories_ = guide->stories;
    themes_ = guide->themes;
    auto classifier = QuestionClassifier::Build(BuiltinCatalog());
    ASSERT_TRUE(classifier);
    classifier_ = std::move(*classifier);
    auto rules = LoadRules({}, {}, AllSectionNames(BuiltinCatalog()));
    ASSERT_TRUE(rules);
    linter_ = std::make_unique<Linter>(std::move(*rules), BuiltinCatalog());
  }

  std::string Export(const std::string& company, Paper paper = Paper::kA4) {
    auto html = PrintableExport(stories_, themes_, BuiltinCatalog(), *classifier_, *linter_, {"html", company, paper});
    EXPECT_TRUE(html) << html.error().message;
    return html ? *html : "";
  }

  // The HTML of the card for `key`, from its opening tag to its closing one.
  static std::string CardOf(const std::string& html, const std::string& key) {
    size_t start = html.find("<article class=\"card\" data-key=\"" + key + "\"");
    if (start == std::string::npos) return "";
    size_t end = html.find("</article>", start);
    return html.substr(start, end - start);
  }

  std::vector<Story> stories_;
  std::vector<ThemeRow> themes_;
  std::unique_ptr<QuestionClassifier> classifier_;
  std::unique_ptr<Linter> linter_;
};

TEST_F(CheatSheetTest, EveryStoryHasACardWithEveryFigureAndItsEndMark) {
  std::string html = Export("amazon");
  for (const Story& s : stories_) {
    std::string card = CardOf(html, s.key);
    ASSERT_FALSE(card.empty()) << s.key;
    EXPECT_NE(card.find(StoryIdFromKey(s.key) + " · " + s.framework), std::string::npos) << s.key;
    EXPECT_NE(card.find(HtmlEscape(s.title)), std::string::npos) << s.key;
    EXPECT_NE(card.find(HtmlEscape(s.project)), std::string::npos) << s.key;
    auto metrics = StoryMetrics(s, BuiltinCatalog());
    for (const auto& m : metrics) EXPECT_NE(card.find("<li>" + HtmlEscape(m) + "</li>"), std::string::npos) << s.key << ": " << m;
    if (metrics.empty()) {
      EXPECT_NE(card.find("No figure in the result yet"), std::string::npos) << s.key;
    }
    EXPECT_NE(card.find("Follow-ups to expect"), std::string::npos) << s.key;
    EXPECT_NE(card.find("<div class=\"end\">— " + s.key + " —</div>"), std::string::npos) << s.key;
  }
  // q1's figures, spelled out, so that a change in the extractor shows here too.
  std::string q1 = CardOf(html, "q1");
  for (const char* m : {"3-4 seconds to 700ms", "80%", "2 months", "150+ merchants"}) {
    EXPECT_NE(q1.find(std::string("<li>") + m + "</li>"), std::string::npos) << m;
  }
}

TEST_F(CheatSheetTest, EveryValueOfTheCompanyIsListedWithItsMappedStories) {
  std::string html = Export("amazon");
  size_t section = html.find("<section class=\"values\" data-company=\"amazon\">");
  ASSERT_NE(section, std::string::npos);
  std::string values = html.substr(section, html.find("</section>", section) - section);
  const Company& amazon = *BuiltinCatalog().FindCompany("amazon");
  EXPECT_NE(values.find("<h2>Amazon Leadership Principles</h2>"), std::string::npos);
  for (const CompanyValue& v : amazon.values) {
    size_t row = values.find("<tr><td>" + HtmlEscape(v.name) + "</td>");
    ASSERT_NE(row, std::string::npos) << v.name;
    std::string cells = values.substr(row, values.find("</tr>", row) - row);
    for (const Story& s : stories_) {
      auto tags = s.values.find("amazon");
      if (tags == s.values.end()) continue;
      for (const ValueTag& t : tags->second) {
        if (t.value == v.name) {
          EXPECT_NE(cells.find("<b>" + StoryIdFromKey(s.key) + "</b>"), std::string::npos) << v.name << " " << s.key;
        }
      }
    }
  }
  // The values are not Google's, which has a section only when asked for.
  EXPECT_EQ(html.find("data-company=\"google\""), std::string::npos);
  std::string all = Export("");
  EXPECT_NE(all.find("data-company=\"google\""), std::string::npos);
  EXPECT_NE(all.find("data-company=\"meta\""), std::string::npos);
}

TEST_F(CheatSheetTest, FrameworkTableAndThemesComeFromTheData) {
  std::string html = Export("amazon");
  for (const Framework& f : BuiltinCatalog().frameworks) {
    EXPECT_NE(html.find("<td class=\"fw\">" + f.id + "</td>"), std::string::npos) << f.id;
  }
  EXPECT_NE(html.find("asks what you learned"), std::string::npos);
  EXPECT_NE(html.find("Situation 23&#8239;s · Task 15&#8239;s · Action 75&#8239;s · Result 38&#8239;s"), std::string::npos);
  EXPECT_NE(html.find("<tr><td>Performance</td><td><b>Q1</b>"), std::string::npos);
  EXPECT_NE(html.find("<tr><td>Failure</td><td><b>Q2</b>"), std::string::npos);
}

TEST_F(CheatSheetTest, PrintsSelfContainedWithUnbreakableCards) {
  std::string html = Export("amazon", Paper::kLetter);
  EXPECT_NE(html.find("@page { size: letter;"), std::string::npos);
  EXPECT_NE(Export("amazon").find("@page { size: A4;"), std::string::npos);
  EXPECT_NE(html.find(".card { display: block; break-inside: avoid; page-break-inside: avoid;"), std::string::npos);
  for (const char* outside : {"http:", "https:", "<script", "<link", "src=", "@import", "url("}) {
    EXPECT_EQ(html.find(outside), std::string::npos) << outside;
  }
}

TEST_F(CheatSheetTest, TextFromTheBankIsEscaped) {
  stories_[0].title = "<script>alert('x')</script> & \"quotes\"";
  stories_[0].project = "A<B>";
  std::string html = Export("amazon");
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"), std::string::npos);
  EXPECT_NE(html.find("A&lt;B&gt;"), std::string::npos);
}

TEST_F(CheatSheetTest, UnknownCompanyOrFormatIsAClearError) {
  auto bad = PrintableExport(stories_, themes_, BuiltinCatalog(), *classifier_, *linter_, {"html", "initech", Paper::kA4});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message, "unknown company \"initech\" (see: rehearse companies)");
  auto format = PrintableExport(stories_, themes_, BuiltinCatalog(), *classifier_, *linter_, {"pdf", "", Paper::kA4});
  ASSERT_FALSE(format);
  EXPECT_EQ(format.error().message, "unknown export format \"pdf\" (md, json, html or anki)");
}

}  // namespace
}  // namespace rehearse
