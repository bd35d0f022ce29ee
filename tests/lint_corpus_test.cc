// Measures the linter on a labeled corpus of answers written for this purpose
// (tests/lint_corpus/answers.toml: realistic answers, clean ones and near-misses,
// each labeled with the rules that should fire). Prints precision and recall per
// rule and holds them to the bar the linter promises.

#include <gtest/gtest.h>
#include <toml++/toml.h>

#include <fmt/format.h>

#include <iostream>
#include <map>
#include <set>

#include "lint/linter.h"
#include "test_util.h"

namespace rehearse {
namespace {

using testing::BuiltinCatalog;

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  double Precision() const { return tp + fp ? static_cast<double>(tp) / (tp + fp) : 1.0; }
  double Recall() const { return tp + fn ? static_cast<double>(tp) / (tp + fn) : 1.0; }
};

TEST(LintCorpusTest, PrecisionAndRecallPerRule) {
  toml::table doc = toml::parse_file(std::string(REHEARSE_FIXTURES) + "/../lint_corpus/answers.toml");
  auto rules = LoadRules({}, {}, AllSectionNames(BuiltinCatalog()));
  ASSERT_TRUE(rules) << rules.error().message;
  Linter linter(std::move(*rules), BuiltinCatalog());

  std::map<std::string, Counts> per_rule;
  int answers = 0;
  std::string misses;
  for (const auto& node : *doc["answer"].as_array()) {
    const toml::table& a = *node.as_table();
    LintOptions options;
    options.framework = a["framework"].value_or(std::string("STAR"));
    options.spoken = a["spoken"].value_or(false);
    options.seconds = a["seconds"].value_or(0.0);
    std::string text = a["text"].value_or(std::string());
    std::set<std::string> expected;
    for (const auto& e : *a["expect"].as_array()) expected.insert(e.value_or(std::string()));
    auto report = linter.Lint(text, options);
    ASSERT_TRUE(report) << a["id"].value_or(std::string()) << ": " << report.error().message;
    std::set<std::string> fired;
    for (const auto& f : report->findings) fired.insert(f.rule);
    for (const auto& id : fired) {
      if (expected.count(id)) ++per_rule[id].tp;
      else {
        ++per_rule[id].fp;
        misses += fmt::format("  {} false positive {}\n", a["id"].value_or(std::string()), id);
      }
    }
    for (const auto& id : expected) {
      if (!fired.count(id)) {
        ++per_rule[id].fn;
        misses += fmt::format("  {} missed {}\n", a["id"].value_or(std::string()), id);
      }
    }
    ++answers;
  }
  ASSERT_GE(answers, 60);

  Counts total;
  std::string table = fmt::format("{:<27} {:>4} {:>4} {:>4} {:>9} {:>7}\n", "rule", "tp", "fp", "fn", "precision", "recall");
  for (const auto& [id, c] : per_rule) {
    table += fmt::format("{:<27} {:>4} {:>4} {:>4} {:>9.2f} {:>7.2f}\n", id, c.tp, c.fp, c.fn, c.Precision(), c.Recall());
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
    EXPECT_GE(c.Precision(), 0.6) << id;
    EXPECT_GE(c.Recall(), 0.6) << id;
  }
  table += fmt::format("{:<27} {:>4} {:>4} {:>4} {:>9.2f} {:>7.2f}\n", "all", total.tp, total.fp, total.fn,
                       total.Precision(), total.Recall());
  std::cout << answers << " answers\n" << table << misses;
  EXPECT_GE(total.Precision(), 0.85);
  EXPECT_GE(total.Recall(), 0.80);
}

}  // namespace
}  // namespace rehearse
