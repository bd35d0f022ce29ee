#pragma once
// The bank at a glance: stories by framework and kind, projects, company values
// covered and missing, stories that quote figures. Shared by `rehearse summary` and
// GET /api/summary.

#include <map>
#include <set>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "model/story.h"

namespace rehearse {

struct BankSummary {
  int stories = 0;
  std::map<std::string, int> frameworks, kinds, projects;
  std::map<std::string, std::set<std::string>> covered;  // company id -> value names with a story
  int with_metrics = 0;
  int themes = 0;
};

BankSummary Summarize(const std::vector<Story>& stories, const std::vector<ThemeRow>& themes, const Catalog& catalog);

}  // namespace rehearse
