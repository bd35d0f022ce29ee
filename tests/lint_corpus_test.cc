// Measures the linter on a labeled corpus of answers written for this purpose
// (tests/lint_corpus/answers.toml: realistic answers, clean ones and near-misses,
// each labeled with the rules that should fire). Prints precision and recall per
// rule and holds them to the bar the linter promises.

#include <gtest/gtest.h>
#include <toml++/toml.h>

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
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


// The fresh corpus (tests/lint_corpus/fresh_*.jsonl): 160 answers written from the rule
// definitions alone by someone who never saw the rules, labeled rule by rule (`fires`:
// must be reported; `clean_of`: must not be; other rules are not scored). The tune split
// is what the rules were developed against, held to the bars of issue 13 (overall and
// per rule); the test split was held out and is held to overall bars only. The score is
// held to what a coach means by it: clean answers at 85 or more, answers with an
// error-level fault under 60, clean above faulty (AUC).
class FreshCorpusTest : public ::testing::TestWithParam<std::string> {};

TEST_P(FreshCorpusTest, PrecisionRecallAndScore) {
  auto rules = LoadRules({}, {}, AllSectionNames(BuiltinCatalog()));
  ASSERT_TRUE(rules) << rules.error().message;
  Linter linter(std::move(*rules), BuiltinCatalog());
  std::ifstream in(std::string(REHEARSE_FIXTURES) + "/../lint_corpus/" + GetParam());
  ASSERT_TRUE(in) << GetParam();
  std::map<std::string, Counts> per_rule;
  std::vector<int> clean, faulty, errors;
  std::string line, misses;
  int answers = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto a = nlohmann::json::parse(line);
    LintOptions options;
    options.framework = a["framework"].get<std::string>();
    options.spoken = a["spoken"].get<bool>();
    auto report = linter.Lint(a["text"].get<std::string>(), options);
    ASSERT_TRUE(report) << a["id"] << ": " << report.error().message;
    std::set<std::string> fired;
    for (const auto& f : report->findings) fired.insert(f.rule);
    bool error = false;
    for (const auto& rule : a["fires"]) {
      bool hit = fired.count(rule.get<std::string>()) > 0;
      (hit ? per_rule[rule].tp : per_rule[rule].fn)++;
      if (!hit) misses += fmt::format("  {} missed {}\n", a["id"].get<std::string>(), rule.get<std::string>());
      const LoadedRule* loaded = linter.rules().Find(rule.get<std::string>());
      error |= loaded && loaded->rule->info().severity == Severity::kError;
    }
    for (const auto& rule : a["clean_of"]) {
      if (!fired.count(rule.get<std::string>())) continue;
      ++per_rule[rule].fp;
      misses += fmt::format("  {} false alarm {}\n", a["id"].get<std::string>(), rule.get<std::string>());
    }
    (a["fires"].empty() ? clean : faulty).push_back(report->score);
    if (error) errors.push_back(report->score);
    ++answers;
  }
  ASSERT_GE(answers, 60);
  Counts total;
  std::string table;
  const bool held_out = GetParam() == "fresh_test.jsonl";
  for (const auto& [id, c] : per_rule) {
    table += fmt::format("{:<27} {:>4} {:>4} {:>4} {:>9.2f} {:>7.2f}\n", id, c.tp, c.fp, c.fn, c.Precision(), c.Recall());
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
    if (held_out) continue;  // per rule, a held-out split of 62 answers is too small to hold to a bar
    EXPECT_GE(c.Precision(), 0.6) << id;
    if (c.tp + c.fn >= 3) {
      EXPECT_GE(c.Recall(), 0.6) << id;
    }
  }
  auto median = [](std::vector<int> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2.0;
  };
  double wins = 0;
  for (int c : clean) {
    for (int f : faulty) wins += c > f ? 1.0 : c == f ? 0.5 : 0.0;
  }
  double auc = wins / static_cast<double>(clean.size() * faulty.size());
  std::cout << GetParam() << ": " << answers << " answers, precision " << total.Precision() << ", recall " << total.Recall()
            << "; score median " << median(clean) << " clean, " << median(errors) << " with an error; AUC " << auc << "\n"
            << table << (held_out ? "" : misses);  // the held-out split's misses stay unread
  EXPECT_GE(total.Precision(), 0.85);
  EXPECT_GE(total.Recall(), held_out ? 0.75 : 0.85);
  EXPECT_GE(median(clean), 85);
  EXPECT_LT(median(errors), 60);
  EXPECT_GE(auc, 0.90);
}

INSTANTIATE_TEST_SUITE_P(Splits, FreshCorpusTest, ::testing::Values("fresh_tune.jsonl", "fresh_test.jsonl"),
                         [](const auto& split) { return split.param.substr(6, split.param.find('.') - 6); });

}  // namespace
}  // namespace rehearse
