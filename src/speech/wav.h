#pragma once
// Reads the audio of a spoken answer: a RIFF/WAVE file of 16-bit PCM, any channel count
// and rate, brought to what the recognizer needs (16 kHz mono). Other encodings are
// refused with the sox command that converts them.

#include <cstdint>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace rehearse {

struct Audio {
  std::vector<int16_t> samples;  // 16 kHz mono.
  int source_rate = 0;
  int source_channels = 0;
};

// Parses `bytes`, a WAV file named `name` (for messages: "answer.wav: ...").
Result<Audio> ReadWav(std::string_view bytes, std::string_view name);

// Mono 16-bit samples at `rate` Hz brought to 16 kHz.
std::vector<int16_t> Resample(const std::vector<int16_t>& mono, int rate);

// Little-endian 16-bit samples (an upload of raw PCM). Fails on an odd byte count.
Result<std::vector<int16_t>> ReadPcm16(std::string_view bytes);

}  // namespace rehearse
