#pragma once
// The metrics drill ("know your metrics cold"): the user types a story's figures from
// memory and each of the story's metrics counts as recalled when every number in it
// was typed.

#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "model/story.h"

namespace rehearse {

struct DrilledMetric {
  std::string metric;                // As the story quotes it: "p99 latency 2.1 s to 380 ms".
  std::vector<std::string> numbers;  // Its numbers: "2.1", "380".
  bool recalled = false;
};

struct DrillResult {
  std::string story_key, title;
  std::vector<DrilledMetric> metrics;
  std::vector<std::string> stray;  // Numbers typed that the story does not quote.
  int score = 0;                   // Percent of metrics recalled; 0 when the story has none.
};

// The numbers in `text`, normalised ("1,200" -> "1200", "40%" -> "40", "2.50" -> "2.5").
std::vector<std::string> Numbers(std::string_view text);

// Checks `typed` against the metrics of `story` (those of its result sections).
DrillResult CheckMetrics(const Story& story, const Catalog& catalog, std::string_view typed);

}  // namespace rehearse
