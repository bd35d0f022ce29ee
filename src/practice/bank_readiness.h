#pragma once
// Gathers the facts readiness.h judges, for every story of a bank: the linter's view
// of each story as written, and from the practice log the answers that told it (and
// which were spoken), its last metrics drill and its SM-2 review date. The one place
// that joins the log to the pure rule, shared by the CLI, the checklist and the server.

#include <map>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "lint/linter.h"
#include "model/story.h"
#include "practice/readiness.h"
#include "store/practice_log.h"
#include "util/clock.h"
#include "util/result.h"

namespace rehearse {

// Story key -> readiness on `today`, for each of `stories`. A story the linter cannot
// read (an unknown framework) needs work, with the linter's message as its error.
// Fails only when the practice log cannot be read.
Result<std::map<std::string, Readiness>> StoriesReadiness(const std::vector<Story>& stories, const PracticeLog& log,
                                                          const Linter& linter, const Catalog& catalog, Days today);

}  // namespace rehearse
