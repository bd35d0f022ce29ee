#pragma once
// The practice log: every attempt (an answer, a follow-up's answer, a metrics drill)
// and the spaced-repetition state of each story and question, in the bank's file.
// Attempts are append-only; an attempt and the schedules it moves are written in one
// transaction, so an interrupted practice leaves either all of it or none.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/db.h"
#include "util/result.h"

namespace rehearse {

struct Attempt {
  int64_t id = 0;          // Set by Record.
  std::string created_at;  // Set by Record when empty.
  std::string session;     // Attempts of one mock interview share it.
  std::string company;
  std::string kind = "answer";  // "answer", "followup" or "drill".
  int64_t parent = 0;           // A follow-up's answer: the attempt it follows up.
  std::string question_id, question;
  std::string story_key;  // "" when none was named or recognised.
  std::string framework;
  std::string text;
  double seconds = 0;  // As measured; 0 when unknown.
  int words = 0;
  int score = 0;
  std::string report;                    // The feedback, as JSON.
  std::map<std::string, int> rule_counts;  // Findings per rule id.
};

// SM-2 state of one item ("story:q13", "question:3fa2c1d0").
struct ScheduleState {
  std::string item;
  int repetitions = 0;
  int interval_days = 0;
  double ease = 2.5;
  std::string due;  // YYYY-MM-DD
  int last_score = 0;
  std::string reviewed_at;
};

struct AttemptFilter {
  std::string story_key;  // "" for any.
  std::string session;    // "" for any.
  std::string kind;       // "" for any.
};

class PracticeLog {
 public:
  // REQUIRES: `db` is migrated to schema 4 or later and outlives the log.
  explicit PracticeLog(const Db& db) : db_(db) {}

  // Appends `attempt` (setting its id and time) and stores `schedules`, all or nothing.
  Status Record(Attempt& attempt, const std::vector<ScheduleState>& schedules);
  Result<std::optional<Attempt>> Find(int64_t id) const;
  // Matching attempts, oldest first.
  Result<std::vector<Attempt>> Attempts(const AttemptFilter& filter = {}) const;
  Result<std::optional<ScheduleState>> Schedule(std::string_view item) const;
  // Every stored schedule, by item.
  Result<std::vector<ScheduleState>> Schedules() const;
  // When the last attempt of any kind was made, or nullopt before the first.
  Result<std::optional<std::string>> LastAttemptAt() const;

 private:
  const Db& db_;
};

}  // namespace rehearse
