#pragma once
// Wall-clock time and calendar dates, in UTC. REHEARSE_NOW (an ISO time such as
// "2026-11-25T09:00:00Z") pins the clock, so tests and demos of scheduling can be
// reproduced; nothing else reads the system clock.

#include <chrono>
#include <string>
#include <string_view>

#include "util/result.h"

namespace rehearse {

using Days = std::chrono::sys_days;

// Now, as "2026-11-25T17:40:01Z".
std::string NowUtc();
// Today's date (UTC).
Days Today();

// "2026-11-25" for a date.
std::string FormatDate(Days day);
// Reads "2026-11-25" or the date part of "2026-11-25T17:40:01Z".
Result<Days> ParseDate(std::string_view text);

}  // namespace rehearse
