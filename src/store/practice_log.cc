#include "store/practice_log.h"

#include "util/clock.h"

namespace rehearse {
namespace {

constexpr const char* kAttemptColumns =
    "id, created_at, session, company, kind, coalesce(parent, 0), question_id, question, story_key, framework, "
    "text, seconds, words, score, report";

Attempt ReadAttempt(const Stmt& s) {
  Attempt a;
  a.id = s.Int(0);
  a.created_at = s.Text(1);
  a.session = s.Text(2);
  a.company = s.Text(3);
  a.kind = s.Text(4);
  a.parent = s.Int(5);
  a.question_id = s.Text(6);
  a.question = s.Text(7);
  a.story_key = s.Text(8);
  a.framework = s.Text(9);
  a.text = s.Text(10);
  a.seconds = s.Double(11);
  a.words = static_cast<int>(s.Int(12));
  a.score = static_cast<int>(s.Int(13));
  a.report = s.Text(14);
  return a;
}

ScheduleState ReadSchedule(const Stmt& s) {
  ScheduleState st;
  st.item = s.Text(0);
  st.repetitions = static_cast<int>(s.Int(1));
  st.interval_days = static_cast<int>(s.Int(2));
  st.ease = s.Double(3);
  st.due = s.Text(4);
  st.last_score = static_cast<int>(s.Int(5));
  st.reviewed_at = s.Text(6);
  return st;
}

constexpr const char* kScheduleColumns = "item, repetitions, interval_days, ease, due, last_score, reviewed_at";

}  // namespace

Status PracticeLog::Record(Attempt& attempt, const std::vector<ScheduleState>& schedules) {
  if (attempt.created_at.empty()) attempt.created_at = NowUtc();
  REHEARSE_TRY_ASSIGN(tx, Transaction::Begin(db_));
  REHEARSE_TRY_ASSIGN(ins, db_.Prepare(
      "INSERT INTO attempt (created_at, session, company, kind, parent, question_id, question, story_key, framework, "
      "text, seconds, words, score, report) VALUES (?1, ?2, ?3, ?4, nullif(?5, 0), ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
      "?13, ?14)"));
  REHEARSE_TRY(ins.Bind(1, attempt.created_at).Bind(2, attempt.session).Bind(3, attempt.company)
                   .Bind(4, attempt.kind).Bind(5, attempt.parent).Bind(6, attempt.question_id)
                   .Bind(7, attempt.question).Bind(8, attempt.story_key).Bind(9, attempt.framework)
                   .Bind(10, attempt.text).Bind(11, attempt.seconds).Bind(12, attempt.words)
                   .Bind(13, attempt.score).Bind(14, attempt.report).Run());
  REHEARSE_TRY_ASSIGN(last, db_.Prepare("SELECT last_insert_rowid()"));
  REHEARSE_TRY(last.Step());
  int64_t id = last.Int(0);
  REHEARSE_TRY_ASSIGN(rule, db_.Prepare("INSERT INTO attempt_rule (attempt, rule, count) VALUES (?1, ?2, ?3)"));
  for (const auto& [name, count] : attempt.rule_counts) {
    REHEARSE_TRY(rule.Bind(1, id).Bind(2, name).Bind(3, count).Run());
  }
  REHEARSE_TRY_ASSIGN(put, db_.Prepare(
      "INSERT OR REPLACE INTO schedule (item, repetitions, interval_days, ease, due, last_score, reviewed_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  for (const ScheduleState& s : schedules) {
    REHEARSE_TRY(put.Bind(1, s.item).Bind(2, s.repetitions).Bind(3, s.interval_days).Bind(4, s.ease)
                     .Bind(5, s.due).Bind(6, s.last_score).Bind(7, s.reviewed_at).Run());
  }
  REHEARSE_TRY(tx->Commit());
  attempt.id = id;
  return {};
}

Result<std::optional<Attempt>> PracticeLog::Find(int64_t id) const {
  REHEARSE_TRY_ASSIGN(s, db_.Prepare(std::string("SELECT ") + kAttemptColumns + " FROM attempt WHERE id = ?1"));
  s.Bind(1, id);
  REHEARSE_TRY_ASSIGN(row, s.Step());
  if (!row) return std::optional<Attempt>();
  Attempt a = ReadAttempt(s);
  REHEARSE_TRY_ASSIGN(rules, db_.Prepare("SELECT rule, count FROM attempt_rule WHERE attempt = ?1"));
  rules.Bind(1, id);
  while (true) {
    REHEARSE_TRY_ASSIGN(more, rules.Step());
    if (!more) break;
    a.rule_counts[rules.Text(0)] = static_cast<int>(rules.Int(1));
  }
  return std::optional<Attempt>(std::move(a));
}

Result<std::vector<Attempt>> PracticeLog::Attempts(const AttemptFilter& filter) const {
  REHEARSE_TRY_ASSIGN(s, db_.Prepare(std::string("SELECT ") + kAttemptColumns +
                                     " FROM attempt WHERE (?1 = '' OR story_key = ?1) AND (?2 = '' OR session = ?2)"
                                     " AND (?3 = '' OR kind = ?3) ORDER BY id"));
  s.Bind(1, filter.story_key).Bind(2, filter.session).Bind(3, filter.kind);
  std::vector<Attempt> out;
  std::map<int64_t, size_t> by_id;
  while (true) {
    REHEARSE_TRY_ASSIGN(row, s.Step());
    if (!row) break;
    by_id[s.Int(0)] = out.size();
    out.push_back(ReadAttempt(s));
  }
  if (out.empty()) return out;
  // One pass over the rule counts instead of a query per attempt.
  REHEARSE_TRY_ASSIGN(rules, db_.Prepare("SELECT attempt, rule, count FROM attempt_rule WHERE attempt >= ?1"));
  rules.Bind(1, out.front().id);
  while (true) {
    REHEARSE_TRY_ASSIGN(row, rules.Step());
    if (!row) break;
    auto it = by_id.find(rules.Int(0));
    if (it != by_id.end()) out[it->second].rule_counts[rules.Text(1)] = static_cast<int>(rules.Int(2));
  }
  return out;
}

Result<std::optional<ScheduleState>> PracticeLog::Schedule(std::string_view item) const {
  REHEARSE_TRY_ASSIGN(s, db_.Prepare(std::string("SELECT ") + kScheduleColumns + " FROM schedule WHERE item = ?1"));
  s.Bind(1, item);
  REHEARSE_TRY_ASSIGN(row, s.Step());
  if (!row) return std::optional<ScheduleState>();
  return std::optional<ScheduleState>(ReadSchedule(s));
}

Result<std::vector<ScheduleState>> PracticeLog::Schedules() const {
  REHEARSE_TRY_ASSIGN(s, db_.Prepare(std::string("SELECT ") + kScheduleColumns + " FROM schedule ORDER BY item"));
  std::vector<ScheduleState> out;
  while (true) {
    REHEARSE_TRY_ASSIGN(row, s.Step());
    if (!row) break;
    out.push_back(ReadSchedule(s));
  }
  return out;
}

Result<std::optional<std::string>> PracticeLog::LastAttemptAt() const {
  REHEARSE_TRY_ASSIGN(s, db_.Prepare("SELECT max(created_at) FROM attempt"));
  REHEARSE_TRY_ASSIGN(row, s.Step());
  if (!row || s.IsNull(0)) return std::optional<std::string>();
  return std::optional<std::string>(s.Text(0));
}

}  // namespace rehearse
