#pragma once
// Splits an answer into its framework's sections. A labeled answer ("Situation:",
// "**Action:**" at the start of a line) maps directly. Unlabeled prose is split into
// sentences, and each sentence goes to the section whose cues it carries ("I needed
// to" -> Task, "as a result" -> Result, "I learned" -> Learning) and whose place in
// the answer fits, keeping the sections in order.

#include <string>
#include <memory>
#include <mutex>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/framework.h"
#include "model/labels.h"
#include "text/sentences.h"

namespace rehearse {

struct Segment {
  std::string name;  // The framework's section name, or a label the framework lacks.
  int index = -1;    // Position in the framework's sections; -1 for a foreign label.
  Span span;         // The section's text (after its label).
  std::vector<Span> sentences;
  int words = 0;
};

struct Segmentation {
  bool labeled = false;
  std::vector<Segment> segments;  // In answer order; sections with no text are absent.
  Span preamble;                  // Labeled answers: text before the first label.
  int words = 0;

  // The segment of the framework's section `index`, or nullptr.
  const Segment* Find(int index) const;
};

// The section labels to recognise: the vocabulary people write (model/labels.h) and the
// catalog's frameworks, with every label folded once so that a candidate costs one
// lookup. A label another framework uses ("Task" in a CAR answer) is kept apart as a
// foreign section, so that its text is not counted in a neighbour.
class LabelReader {
 public:
  LabelReader(LabelVocabulary vocabulary, std::vector<Framework> frameworks);
  // The index in `framework.sections` of the label `written`, -1 for a known label
  // the framework lacks, -2 for words that are no label.
  int Map(std::string_view written, const Framework& framework) const;

 private:
  LabelVocabulary vocabulary_;
  std::vector<Framework> frameworks_;
  std::vector<std::string> known_;  // Folded labels of every vocabulary entry and section, sorted.
  // Labels already mapped, by framework id and folded label: MapLabel folds every
  // vocabulary entry on each call, too slow to run per line of every answer. Filled on
  // first use (under the mutex: the server lints on several threads).
  struct Cache {
    std::mutex mutex;
    std::unordered_map<std::string, std::unordered_map<std::string, int>> index;
  };
  std::unique_ptr<Cache> cache_ = std::make_unique<Cache>();  // held by pointer: the reader stays movable
};

// Segments `text` (the whole answer) for `framework`. Labels are read where people
// write them: at the start of a line ("Situation:", "**Action:**", "- Result:",
// "### Task", "Situation - ..."), and inside a paragraph after a sentence
// ("... took 6 s. Task: I had to ...", "S: ... T: ... A: ..."), the latter only when
// the answer has at least two labels.
Segmentation SegmentAnswer(std::string_view text, const Framework& framework, const LabelReader& labels);

// As above, recognising `other_labels` (section names) and no vocabulary beyond them.
Segmentation SegmentAnswer(std::string_view text, const Framework& framework,
                           const std::vector<std::string>& other_labels);

}  // namespace rehearse
