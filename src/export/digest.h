#pragma once
// The short forms of a story that the cheat sheet and the flashcards both print: a
// section's first sentence, the stories that stand for a value. One definition, so
// the page and the deck never disagree.

#include <string>
#include <string_view>
#include <vector>

#include "match/matcher.h"
#include "model/story.h"

namespace rehearse {

// The first sentence of `text` (Markdown bullets' "- " dropped, lines joined), cut
// to `max_chars` code points with "…". Empty for empty text.
std::string FirstSentence(std::string_view text, size_t max_chars = 180);

// The stories to name for a value: all of the user's own mappings first, then strong
// inferred matches (score >= kStrongFit) while there are fewer than `max`.
inline constexpr double kStrongFit = 0.6;
std::vector<CoverageCell> StoriesForValue(const ValueCoverage& value, size_t max = 3);

// The story with `key` in `stories`, or nullptr.
const Story* FindStory(const std::vector<Story>& stories, std::string_view key);

}  // namespace rehearse
