#include "practice/bank_readiness.h"

#include "importer/metrics.h"
#include "practice/coach.h"

namespace rehearse {

Result<std::map<std::string, Readiness>> StoriesReadiness(const std::vector<Story>& stories, const PracticeLog& log,
                                                          const Linter& linter, const Catalog& catalog, Days today) {
  std::map<std::string, ReadinessFacts> facts;
  for (const Story& s : stories) {
    ReadinessFacts& f = facts[s.key];
    LintOptions options;
    options.framework = s.framework;
    auto report = linter.Lint(StoryAnswerText(s), options);
    if (!report) {
      f.written_errors.push_back(report.error().message);
    } else {
      f.written_score = report->score;
      for (const Finding& x : report->findings) {
        if (x.severity == Severity::kError) f.written_errors.push_back(x.rule);
      }
    }
    f.metrics = static_cast<int>(StoryMetrics(s, catalog).size());
  }
  // Attempts come oldest first, so the last seen is the latest.
  REHEARSE_TRY_ASSIGN(attempts, log.Attempts());
  for (const Attempt& a : attempts) {
    auto it = facts.find(a.story_key);
    if (it == facts.end()) continue;
    if (a.kind == "answer") {
      it->second.answer_scores.push_back(a.score);
      it->second.spoken_answers += SpokenAttempt(a) ? 1 : 0;
    } else if (a.kind == "drill") {
      it->second.last_drill = a.score;
    }
  }
  REHEARSE_TRY_ASSIGN(schedules, log.Schedules());
  for (const ScheduleState& st : schedules) {
    if (!st.item.starts_with("story:")) continue;
    auto it = facts.find(st.item.substr(6));
    if (it == facts.end()) continue;
    if (auto due = ParseDate(st.due)) it->second.due = *due;
  }
  std::map<std::string, Readiness> out;
  for (const auto& [key, f] : facts) out.emplace(key, AssessReadiness(f, today));
  return out;
}

}  // namespace rehearse
