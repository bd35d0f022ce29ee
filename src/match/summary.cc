#include "match/summary.h"

#include "importer/metrics.h"
#include "util/text.h"

namespace rehearse {

BankSummary Summarize(const std::vector<Story>& stories, const std::vector<ThemeRow>& themes, const Catalog& catalog) {
  BankSummary s;
  s.stories = static_cast<int>(stories.size());
  s.themes = static_cast<int>(themes.size());
  for (const auto& story : stories) {
    ++s.frameworks[story.framework];
    ++s.kinds[story.kind.empty() ? "unindexed" : story.kind];
    // "Ledger Sync - Double-Posted Refunds" counts for the project "Ledger Sync".
    if (!story.project.empty()) ++s.projects[std::string(Trim(story.project.substr(0, story.project.find(" - "))))];
    for (const auto& [company, tags] : story.values) {
      for (const auto& t : tags) s.covered[company].insert(t.value);
    }
    if (!StoryMetrics(story, catalog).empty()) ++s.with_metrics;
  }
  return s;
}

}  // namespace rehearse
