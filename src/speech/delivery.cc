#include "speech/delivery.h"

#include <algorithm>

namespace rehearse {

double SpeakingSeconds(const Transcript& t) {
  return t.words.empty() ? 0 : t.words.back().end - t.words.front().start;
}

bool IsFillerSound(std::string_view w) {
  return w == "uh" || w == "um" || w == "ah" || w == "er" || w == "hmm" || w == "mm";
}

Delivery MeasureDelivery(const Transcript& transcript, const SpokenText& text, const Segmentation& segmentation) {
  Delivery d;
  const auto& words = transcript.words;
  d.seconds = transcript.seconds;
  d.words = static_cast<int>(words.size());
  if (words.empty()) return d;
  d.think_seconds = words.front().start;
  d.speaking_seconds = SpeakingSeconds(transcript);
  if (d.speaking_seconds > 0) d.words_per_minute = d.words * 60.0 / d.speaking_seconds;
  for (size_t i = 0; i < words.size(); ++i) {
    if (IsFillerSound(words[i].text)) d.fillers.push_back({words[i].text, words[i].start});
    if (i > 0 && words[i].start - words[i - 1].end >= kLongPause) {
      d.pauses.push_back({words[i - 1].end, words[i].start, words[i - 1].text});
    }
  }
  // Each section starts at its first word, or at its name when it was said aloud as
  // a signpost (the label just before the section's text).
  struct Mark {
    std::string name;
    double start;
  };
  std::vector<Mark> marks;
  size_t w = 0;
  for (const Segment& seg : segmentation.segments) {
    while (w < words.size() && text.word_at[w] < seg.span.start) ++w;
    if (w == words.size()) break;
    size_t first = w;
    if (first > 0 && text.text.compare(text.word_at[first - 1], seg.name.size() + 1, seg.name + ":") == 0) {
      --first;  // The label's words all sit at its offset ("go through").
      while (first > 0 && text.word_at[first - 1] == text.word_at[first]) --first;
    }
    marks.push_back({seg.name, words[first].start});
  }
  for (size_t i = 0; i < marks.size(); ++i) {
    const double end = i + 1 < marks.size() ? marks[i + 1].start : words.back().end;
    d.sections.push_back({marks[i].name, std::max(0.0, end - marks[i].start)});
  }
  return d;
}

}  // namespace rehearse
