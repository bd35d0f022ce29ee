#pragma once
// Flashcards for Anki, in its plain-text import format (Anki 2.1.54 and later; see
// https://docs.ankiweb.net/importing/text-files.html, "File Headers"): header lines
// `#separator:tab`, `#html:false`, `#notetype:Basic`, `#deck:NAME` and
// `#tags column:3`, then one note a line: Front<TAB>Back<TAB>tags. A field holding a
// tab, a line break or a double quote, or starting with '#', is put in double quotes
// with its quotes doubled, as that page describes. With html:false Anki shows the
// text as written ("<" stays "<").
//
// The cards rehearse writes (DeckFromBank): a story's question -> its outline, a
// story -> the figures it quotes, and a company value -> the stories that show it.

#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "match/matcher.h"
#include "model/story.h"
#include "util/result.h"

namespace rehearse {

struct AnkiCard {
  std::string front, back;
  std::vector<std::string> tags;  // Each without spaces.
  bool operator==(const AnkiCard&) const = default;
};

struct AnkiDeck {
  std::string name;  // Anki's "::" makes sub-decks: "rehearse::amazon".
  std::vector<AnkiCard> cards;
  bool operator==(const AnkiDeck&) const = default;
};

// The deck as Anki's import text. Tags with spaces are written with '_' for them.
std::string WriteAnki(const AnkiDeck& deck);

// Reads text written by WriteAnki (or any tab-separated Anki import file with the
// same three columns) back into a deck. Fails with "LINE: what" on an unterminated
// quote, text after a closing quote, or a note with more than three fields.
Result<AnkiDeck> ParseAnki(std::string_view text);

// The cards for a bank: for every story, its question -> an outline (key, project,
// framework, the first sentence of each section) and, when it quotes figures, the
// story -> its figures; for every plan, each value with stories -> those stories.
AnkiDeck DeckFromBank(const std::vector<Story>& stories, const Catalog& catalog, const std::vector<Plan>& plans);

}  // namespace rehearse
