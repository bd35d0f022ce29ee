#pragma once
// Reads an interview guide (Markdown, as the user keeps it, or rehearse's native
// export) into stories, the user's own questions and the tables that go with them.
// Everything it does not import is reported with its line, never dropped silently.
//
// Two readers sit behind ParseGuide:
//   - rehearse's native export (front matter "rehearse: story-bank") is read strictly
//     (importer/native_reader.h): ### Q<n>: stories with **Label:** sections; a
//     malformed one is an error, so that the export round-trips byte for byte;
//   - any other guide is read by its shape (importer/shapes.h): story titles at any
//     heading level, numbered questions, table rows or <details> blocks; section
//     labels in any dress and vocabulary (data/labels.toml); unlabeled answers split
//     by the segmenter; files organised by company value; question lists; templates,
//     brag documents and guidance recognised and reported.

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "model/story.h"
#include "util/result.h"

namespace rehearse {

struct ImportWarning {
  int line = 0;
  std::string message;
};

// A question the guide holds: a story's own question, an unanswered one, a list of
// questions to practise. Linked to the stories the guide suggests for it.
struct GuideQuestion {
  std::string text;
  int line = 0;
  std::vector<std::string> stories;  // Guide keys ("q3"), best first.
  std::string company, value;        // The value it is filed under, when the guide says.
};

// Where a story came from and how it was read, for the import preview.
struct StoryOrigin {
  int line = 0;                       // The line of its title (0 for the native format's).
  std::vector<std::string> written;   // Each section's label as written ("Goal", "S").
  std::string framework_reason;       // Why this framework: "labels Situation, Obstacle".
};

struct ParsedGuide {
  std::vector<Story> stories;        // In file order.
  std::vector<StoryOrigin> origins;  // Parallel to `stories`.
  std::vector<GuideQuestion> questions;
  std::vector<ThemeRow> themes;
  bool has_theme_table = false;
  bool native = false;                 // Read as rehearse's own export.
  std::set<std::string> value_tables;  // Ids of the companies the guide maps values for.
  bool has_index = false;
  int index_rows = 0;  // Question-index rows applied to a story.
  int mappings = 0;    // Story-to-value tags read from the guide.
  std::vector<ImportWarning> warnings;  // By line: what was not imported, and why.
};

// What the user changed in the preview before importing.
struct ImportChoices {
  std::map<int, std::string> frameworks;  // Story title line -> framework id to use.
  std::set<int> skip;                      // Story title lines not to import.
};

// Parses `text`; `file` names it in messages. Fails, with "file:line: what", on text
// that is empty, binary or not UTF-8, on a guide in which nothing could be read (no
// story and no question: the message says what the file looked like instead), and
// on a native export that is malformed. `choices` apply to stories by title line.
Result<ParsedGuide> ParseGuide(std::string_view text, std::string_view file, const Catalog& catalog,
                               const ImportChoices& choices = {});

}  // namespace rehearse
