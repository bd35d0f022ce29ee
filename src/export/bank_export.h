#pragma once
// The printable exports of a bank, as the CLI and the server produce them: the HTML
// cheat sheet and the Anki deck, for one company or for every company the user has
// mapped stories to. The one place that joins the bank's data to the pure writers.

#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "export/cheatsheet.h"
#include "lint/linter.h"
#include "match/classifier.h"
#include "model/story.h"
#include "util/result.h"

namespace rehearse {

struct PrintableOptions {
  std::string format;   // "html" or "anki".
  std::string company;  // "" for every company the stories are mapped to.
  Paper paper = Paper::kA4;
};

// Fails on an unknown format or company (naming it).
Result<std::string> PrintableExport(const std::vector<Story>& stories, const std::vector<ThemeRow>& themes,
                                    const Catalog& catalog, const QuestionClassifier& classifier,
                                    const Linter& linter, const PrintableOptions& options);

// "a4" or "letter" (any case). Fails on anything else.
Result<Paper> ParsePaper(std::string_view name);

}  // namespace rehearse
