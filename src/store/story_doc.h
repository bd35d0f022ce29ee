#pragma once
// The JSON document each revision of a story is kept as: self-contained, so the
// history never depends on the current schema. The only code that sees nlohmann/json.

#include <string>
#include <string_view>

#include "model/story.h"
#include "util/result.h"

namespace rehearse {

// StoryFromDoc(StoryToDoc(s)) == s.
std::string StoryToDoc(const Story& story);
// Fails on a document that is not a story (a damaged row), naming `where`.
Result<Story> StoryFromDoc(std::string_view doc, std::string_view where);

}  // namespace rehearse
