// Runs the examples every rule file carries: each must fire, or not, as it says (the
// way LanguageTool tests its rules). A user's pack is held to the same standard by
// `rehearse lint --rules DIR` loading it; these cover the default pack.

#include <gtest/gtest.h>

#include <algorithm>

#include "lint/linter.h"
#include "test_util.h"

namespace rehearse {
namespace {

using testing::BuiltinCatalog;

const Linter& DefaultLinter() {
  static const Linter linter = [] {
    auto rules = LoadRules({}, {}, AllSectionNames(BuiltinCatalog()));
    if (!rules) ADD_FAILURE() << rules.error().message;
    return Linter(rules ? std::move(*rules) : RuleSet{}, BuiltinCatalog());
  }();
  return linter;
}

TEST(LintRulesTest, EveryRuleOfTheSpecExists) {
  const char* ids[] = {"ownership.we", "results.unquantified", "results.hedged", "initiative.passive", "blame",
                       "giving-up", "realism.no-obstacle", "emotion.unspecific", "context.vague", "length.long",
                       "length.short", "structure.missing-section", "structure.balance", "delivery.filler",
                       "delivery.pace"};
  for (const char* id : ids) EXPECT_NE(DefaultLinter().rules().Find(id), nullptr) << id;
}

TEST(LintRulesTest, EveryExampleFiresOrNotAsItSays) {
  int examples = 0;
  for (const auto& loaded : DefaultLinter().rules().rules) {
    const std::string& id = loaded.rule->info().id;
    int fires = 0, passes = 0;
    for (const auto& ex : loaded.examples) {
      LintOptions options;
      options.framework = ex.framework;
      options.spoken = ex.spoken;
      options.seconds = ex.seconds;
      auto report = DefaultLinter().Lint(ex.text, options);
      ASSERT_TRUE(report) << ex.where << ": " << report.error().message;
      bool fired = std::any_of(report->findings.begin(), report->findings.end(),
                               [&](const Finding& f) { return f.rule == id; });
      EXPECT_EQ(fired, ex.fires) << ex.where << " (" << id << "): " << ex.text;
      (ex.fires ? fires : passes)++;
      ++examples;
    }
    EXPECT_GE(fires, 1) << id << " has no example that must fire";
    EXPECT_GE(passes, 1) << id << " has no example that must not fire";
  }
  EXPECT_GE(examples, 45);
}

}  // namespace
}  // namespace rehearse
