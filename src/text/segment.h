#pragma once
// Splits an answer into its framework's sections. A labeled answer ("Situation:",
// "**Action:**" at the start of a line) maps directly. Unlabeled prose is split into
// sentences, and each sentence goes to the section whose cues it carries ("I needed
// to" -> Task, "as a result" -> Result, "I learned" -> Learning) and whose place in
// the answer fits, keeping the sections in order.

#include <string>
#include <string_view>
#include <vector>

#include "model/framework.h"
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

// Segments `text` (the whole answer) for `framework`. `other_labels` are section names
// to recognise as labels even though the framework lacks them (those of the other
// frameworks), so that their text is not counted in a neighbour.
Segmentation SegmentAnswer(std::string_view text, const Framework& framework,
                           const std::vector<std::string>& other_labels);

}  // namespace rehearse
