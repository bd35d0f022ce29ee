#include "text/figures.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace rehearse {
namespace {

std::vector<std::string> Figures(std::string_view text) {
  std::vector<std::string> out;
  for (const Figure& f : FindFigures(text, {0, text.size()})) out.emplace_back(text.substr(f.span.start, f.span.size()));
  return out;
}

TEST(FiguresTest, QuantitiesInDigitsAndWordsCount) {
  struct Case {
    std::string text;
    std::vector<std::string> figures;
  };
  const Case cases[] = {
      {"p95 fell to 700 ms and errors dropped 40%.", {"700 ms", "40%"}},
      {"We cut the bill in half and doubled the throughput.", {"half", "doubled"}},
      {"The bundle is a third of its old size, three engineers now own it.", {"a third", "three engineers"}},
      {"It ran twice as fast, saving $12,000 a month and 2 million requests.", {"twice", "$12,000", "2 million requests"}},
      {"Onboarding took a quarter instead of a year.", {"a quarter"}},
      {"- 300+ tenants moved\n- 10k users", {"300+ tenants", "10k users"}},
      {"Load time fell from 4 s to 300ms.", {"4 s", "300ms"}},
      {"thirty-one students and two hundred parents", {"thirty-one students", "two hundred parents"}},
  };
  for (const auto& c : cases) EXPECT_EQ(Figures(c.text), c.figures) << c.text;
}

TEST(FiguresTest, IdentifiersAreNotQuantities) {
  const std::string cases[] = {
      "We moved to v2 of the API on Postgres 15, and p99 is better now.",
      "The Q4 report lives in S3 behind SOC 2 controls.",
      "Phones on 3G and K8s pods; see INC-4471 and ticket 2291.",
      "1. Profile the page\n2. Cache the calls",
      "We shipped at 9 pm, met at 6:40 for a 1:1 and came 3rd.",
      "In 2022 the second half of the year was quiet for one of us.",
      "It runs 24/7 with 2FA on every 5G phone; the 3-D Secure flow too.",
  };
  for (const auto& text : cases) EXPECT_EQ(Figures(text), std::vector<std::string>{}) << text;
}

TEST(FiguresTest, APairIsTwoFiguresOfOneQuantity) {
  struct Case {
    std::string text;
    std::vector<std::string> pairs;
  };
  const Case cases[] = {
      {"Builds went from 40 to 6 minutes.", {"40|6 minutes"}},
      {"p99 2.5s → 200ms, incidents 12 to 2 a month", {"2.5s|200ms", "12|2"}},
      {"We were 10 days late to 5% of traffic.", {}},
      {"From 3 engineers to 40% of the budget.", {}},
  };
  for (const auto& c : cases) {
    std::vector<std::string> got;
    for (const auto& p : FindFigurePairs(c.text, {0, c.text.size()})) {
      got.push_back(c.text.substr(p.before.span.start, p.before.span.size()) + "|" +
                    c.text.substr(p.after.span.start, p.after.span.size()));
    }
    EXPECT_EQ(got, c.pairs) << c.text;
  }
}

}  // namespace
}  // namespace rehearse
