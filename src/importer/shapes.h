#pragma once
// Reads a guide by its shape, whatever shape the user keeps it in.
//
// The guide is first cut into titled parts: every heading that is not a section
// label, every numbered item that reads as a question, every <details> block. A part
// is a story when what stands under its title (not under a deeper title) holds
// section labels, or, under a question or a numbered story title, a written answer
// (split into sections by the segmenter, marked inferred) or a one-line note (kept as
// an outline). Other parts hold questions (unanswered ones, question lists, practice
// prompts), values (a heading naming a company value tags the stories under it) or
// the guide's tables: one story per table row, a whole STAR in one cell, a
// principle -> story map that names stories by nickname, a question -> story table,
// and rehearse's own theme, index and value tables. Templates, guidance on how to
// answer, brag lists and "why this company" answers are recognised and reported.
// Everything not imported is reported with its line and the reason.

#include <string_view>

#include "catalog/catalog.h"
#include "importer/guide.h"
#include "util/result.h"

namespace rehearse {

// `body`: Markdown with "\n" line ends (front matter, if any, blanked out). Fails
// with "file:1: ..." when it holds neither a story nor a question, saying what the
// file looked like instead.
Result<ParsedGuide> ReadGuideShapes(std::string_view body, std::string_view file, const Catalog& catalog,
                                    const ImportChoices& choices);

}  // namespace rehearse
