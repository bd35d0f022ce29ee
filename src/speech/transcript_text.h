#pragma once
// A transcript as an answer the linter can read. The recognizer gives bare lower-case
// words; this puts back what the ear hears: a sentence ends where the speaker pauses,
// a section named on its own between pauses ("Situation." then a pause) is a spoken
// signpost and becomes a label, "i" is "I", and spelled-out figures are digits ("three hundred
// milliseconds" -> "300 milliseconds") so that they read as the story's metrics.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "speech/recognizer.h"

namespace rehearse {

// A silence this long between two words ends a sentence.
constexpr double kSentencePause = 0.5;

struct SpokenText {
  std::string text;
  std::vector<size_t> word_at;  // Per transcript word, its byte offset in `text`.
  int signposts = 0;            // Sections named aloud.
};

// `labels`: the section names a speaker may say as signposts (every framework's, so
// that an answer in another framework than asked for is still read by its labels).
SpokenText FormatTranscript(const Transcript& transcript, const std::vector<std::string>& labels);

// Number words from `words[*at]` on read as a number ("two point four", "three hundred
// and twenty"); advances *at past them. Returns "" (and leaves *at) when no number
// starts there or it is a lone "one" (more often a pronoun than a figure).
std::string ReadSpokenNumber(std::span<const std::string_view> words, size_t* at);

}  // namespace rehearse
