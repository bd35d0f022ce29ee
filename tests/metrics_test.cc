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
      {"Latency dropped from 5-10 seconds to 50-100ms (98% improvement)", {"5-10 seconds to 50-100ms", "98%"}},
      {"- Provisioned 200+ workspaces on launch day", {"200+ workspaces"}},
      {"Handles 10,000+ index operations per minute at peak", {"10,000+ index operations per minute"}},
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
