#pragma once
// The follow-ups to expect after each story, for the cheat sheet: what the practice
// module's chooser (practice/followup.h) would ask after the story told as written.
// The cheat sheet takes them as data, by story key.

#include <map>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "lint/linter.h"
#include "model/story.h"

namespace rehearse {

// Up to `max` follow-up questions per story, by key, most pressing first. A story
// the linter cannot read (an unknown framework) gets none.
std::map<std::string, std::vector<std::string>> ExpectedFollowUps(const std::vector<Story>& stories,
                                                                 const Linter& linter, const Catalog& catalog,
                                                                 size_t max = 3);

}  // namespace rehearse
