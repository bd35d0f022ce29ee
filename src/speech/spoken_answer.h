#pragma once
// A spoken answer from recording to text: recognised, written out as an answer
// (sentences, spoken signposts as labels, figures as digits) and measured over the
// sections the linter or segmenter found in that text.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "speech/delivery.h"
#include "speech/recognizer.h"
#include "speech/transcript_text.h"
#include "text/segment.h"
#include "util/result.h"

namespace rehearse {

struct SpokenAnswer {
  std::string framework;  // The one its sections were timed in.
  Transcript transcript;
  SpokenText text;
  Delivery delivery;
};

// Decodes a whole recording (16 kHz mono) with `recognizer`.
Result<Transcript> TranscribeAudio(Recognizer& recognizer, std::span<const int16_t> samples);

// `segmentation` is that of `text.text` in `framework`.
SpokenAnswer MakeSpokenAnswer(Transcript transcript, SpokenText text, const Segmentation& segmentation,
                              std::string framework);

}  // namespace rehearse
