#pragma once
// How an answer was spoken, measured from the recognizer's word timings: pace, fillers,
// long pauses, the think time before the first word, and the seconds each section of
// the framework really took (not estimated from its word count).

#include <string>
#include <vector>

#include "speech/recognizer.h"
#include "speech/transcript_text.h"
#include "text/segment.h"

namespace rehearse {

// A silence this long inside an answer is one the listener notices.
constexpr double kLongPause = 2.0;

struct Pause {
  double start = 0, end = 0;
  std::string after;  // The word before it, to find it in the transcript.
};

struct FillerUse {
  std::string word;
  double at = 0;
};

struct SectionTime {
  std::string name;
  double seconds = 0;
};

struct Delivery {
  int words = 0;                // Spoken words, fillers included.
  double seconds = 0;           // The whole recording.
  double speaking_seconds = 0;  // First word's start to last word's end.
  double think_seconds = 0;     // Before the first word.
  double words_per_minute = 0;  // Over the speaking time.
  std::vector<FillerUse> fillers;
  std::vector<Pause> pauses;          // Of kLongPause or more, between words.
  std::vector<SectionTime> sections;  // In answer order, as segmented.
};

// First word's start to last word's end (0 with no words): the time the pace is over.
double SpeakingSeconds(const Transcript& transcript);

// True for the hesitation sounds the recognizer writes as words ("uh", "um", "ah"...).
bool IsFillerSound(std::string_view word);

// `segmentation` is that of `text.text`; sections are timed from their first word's
// start to the next section's first word (the last one to the last word's end).
Delivery MeasureDelivery(const Transcript& transcript, const SpokenText& text, const Segmentation& segmentation);

}  // namespace rehearse
