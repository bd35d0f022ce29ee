#pragma once
// The lexicons compiled into rehearse (data/lexicons/: VADER's valences and WordNet's
// word classes, text/lexicon.h), parsed on first use.

#include "text/lexicon.h"

namespace rehearse {

// The built-in lexicon. Parsing the embedded files cannot fail on a correct build
// (lexicons_test checks them); if it does, rehearse stops with the file and line.
const Lexicon& BuiltinLexicon();

}  // namespace rehearse
