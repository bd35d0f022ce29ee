#pragma once
// rehearse's native format: the bank written as a guide-shaped Markdown file with a
// small front matter, which ParseGuide reads back. Lossless and stable: exporting,
// importing the export into an empty bank and exporting again gives the same bytes,
// so a user can keep their bank in git and edit it by hand.

#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "model/question.h"
#include "model/story.h"

namespace rehearse {

// Writes `stories` (any order; written in key order), the theme table and the user's
// own questions (`questions`, in their order, with the stories linked to each).
std::string WriteNative(const std::vector<Story>& stories, const std::vector<ThemeRow>& themes,
                        const Catalog& catalog, const std::vector<UserQuestion>& questions = {});

}  // namespace rehearse
