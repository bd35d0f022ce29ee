#pragma once
// Finds the figures an answer quotes ("2-3 seconds to 40-60ms", "95%", "300+
// tenants"): what an interviewer remembers, and what the cheat sheet prints.

#include <string>
#include <string_view>
#include <vector>

#include "model/story.h"

namespace rehearse {

struct Catalog;

// Returns the figures quoted in `text`, in order, each with the words that say what
// was counted (at most two, plus a "per ..." rate) and joined with a second figure
// when the text reads "X to Y" or "X → Y".
std::vector<std::string> ExtractMetrics(std::string_view text);

// The figures of a story's result: its sections whose role is "result" in its
// framework (a section named "Result" when the framework is unknown).
std::vector<std::string> StoryMetrics(const Story& story, const Catalog& catalog);

}  // namespace rehearse
