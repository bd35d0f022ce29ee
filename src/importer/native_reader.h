#pragma once
// Reads rehearse's native export strictly: "### Q<n>: title" stories with
// **Project: / Framework: / Themes: / Inferred: / Versions:** lines and **Label:**
// sections, then the theme table, the question index and the value tables. Anything
// malformed is an error, so that export -> import -> export gives the same bytes.

#include <string_view>

#include "catalog/catalog.h"
#include "importer/guide.h"
#include "util/result.h"

namespace rehearse {

// `body`: the export with its front matter blanked out (line numbers kept). Fails with
// "file:line: what" on a half-written story, a key used twice or an unknown framework.
Result<ParsedGuide> ReadNativeGuide(std::string_view body, std::string_view file, const Catalog& catalog);

}  // namespace rehearse
