#pragma once
// rehearse's native format: the bank written as a guide-shaped Markdown file with a
// small front matter, which ParseGuide reads back. Lossless and stable: exporting,
// importing the export into an empty bank and exporting again gives the same bytes,
// so a user can keep their bank in git and edit it by hand.

#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "model/story.h"

namespace rehearse {

// Writes `stories` (any order; written in key order) and the theme table.
std::string WriteNative(const std::vector<Story>& stories, const std::vector<ThemeRow>& themes,
                        const Catalog& catalog);

}  // namespace rehearse
