#include "importer/metrics.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace rehearse {
namespace {

TEST(MetricsTest, ExtractsTheFiguresAnAnswerQuotes) {
  struct Case {
    std::string text;
    std::vector<std::string> metrics;
  };
  const Case cases[] = {
      {"Render time fell from 2-3 seconds to 40-60ms (95% better)", {"2-3 seconds to 40-60ms", "95%"}},
      {"- Onboarded 300+ tenants on the first day", {"300+ tenants"}},
      {"Serves 8,000+ write requests per hour at peak", {"8,000+ write requests per hour"}},
      {"P99 went 2.5s → 200ms and cost $12,000 less", {"2.5s → 200ms", "$12,000"}},
      {"We met in a 1:1 with Q13 and K8s folks", {}},
      {"- 150+ merchants moved\n- done in 2 months", {"150+ merchants", "2 months"}},
      {"4x throughput, ~20 minutes of delay", {"4x", "~20 minutes"}},
      {"Everyone was happier", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(ExtractMetrics(c.text), c.metrics) << c.text;
}

TEST(MetricsTest, StoryMetricsReadTheResultRoleOnly) {
  Story s;
  s.framework = "DIGS";
  s.sections = {{"Dramatize", "At 6pm 11,000 lines were open"}, {"Summarize", "Close took 1 day instead of 4, 3x faster"}};
  EXPECT_EQ(StoryMetrics(s, testing::BuiltinCatalog()), (std::vector<std::string>{"1 day", "4", "3x"}));
}

}  // namespace
}  // namespace rehearse
