#include "util/clock.h"

#include <cstdlib>
#include <ctime>

#include <fmt/format.h>

namespace rehearse {
namespace {

std::chrono::system_clock::time_point Now() {
  const char* pinned = std::getenv("REHEARSE_NOW");
  if (pinned && *pinned) {
    std::tm tm{};
    // A malformed value falls back to the real clock rather than a made-up date.
    if (strptime(pinned, "%Y-%m-%dT%H:%M:%S", &tm)) return std::chrono::system_clock::from_time_t(timegm(&tm));
  }
  return std::chrono::system_clock::now();
}

}  // namespace

std::string NowUtc() {
  std::time_t t = std::chrono::system_clock::to_time_t(Now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Days Today() { return std::chrono::floor<std::chrono::days>(Now()); }

std::string FormatDate(Days day) {
  std::chrono::year_month_day ymd{day};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

Result<Days> ParseDate(std::string_view text) {
  int y = 0;
  unsigned m = 0, d = 0;
  std::string head(text.substr(0, 10));
  if (head.size() != 10 || std::sscanf(head.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) {
    return Error{fmt::format("'{}' is not a date (expected YYYY-MM-DD)", text)};
  }
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) return Error{fmt::format("'{}' is not a date (expected YYYY-MM-DD)", text)};
  return Days{ymd};
}

}  // namespace rehearse
