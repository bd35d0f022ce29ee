#include "speech/wav.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "speech/recognizer.h"

namespace rehearse {
namespace {

uint32_t U32(std::string_view b, size_t at) {
  return static_cast<uint32_t>(static_cast<unsigned char>(b[at])) |
         static_cast<uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}
uint16_t U16(std::string_view b, size_t at) {
  return static_cast<uint16_t>(static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
}
int16_t S16(std::string_view b, size_t at) { return static_cast<int16_t>(U16(b, at)); }

constexpr std::string_view kConvert = "convert it with: sox IN -r 16000 -c 1 -b 16 OUT.wav";

}  // namespace

Result<Audio> ReadWav(std::string_view bytes, std::string_view name) {
  if (bytes.size() < 12 || bytes.substr(0, 4) != "RIFF" || bytes.substr(8, 4) != "WAVE") {
    return Error{fmt::format("{}: not a WAV file (expected RIFF/WAVE; {})", name, kConvert)};
  }
  uint16_t format = 0, channels = 0, bits = 0;
  uint32_t rate = 0;
  bool have_format = false;
  size_t at = 12;
  while (at + 8 <= bytes.size()) {
    std::string_view id = bytes.substr(at, 4);
    const size_t size = U32(bytes, at + 4), body = at + 8;
    if (id == "fmt ") {
      if (size < 16 || body + 16 > bytes.size()) return Error{fmt::format("{}:{}: the fmt chunk is cut short", name, at)};
      format = U16(bytes, body);
      channels = U16(bytes, body + 2);
      rate = U32(bytes, body + 4);
      bits = U16(bytes, body + 14);
      // WAVE_FORMAT_EXTENSIBLE carries the real format in its sub-format GUID.
      if (format == 0xFFFE && size >= 40 && body + 26 <= bytes.size()) format = U16(bytes, body + 24);
      have_format = true;
    } else if (id == "data") {
      if (!have_format) return Error{fmt::format("{}:{}: audio data before its format (fmt chunk)", name, at)};
      if (format != 1 || bits != 16) {
        return Error{fmt::format("{}: {}-bit audio in format {}; expected 16-bit PCM ({})", name, bits, format, kConvert)};
      }
      if (channels == 0 || rate < 8000 || rate > 192000) {
        return Error{fmt::format("{}: {} channel(s) at {} Hz; expected 1 or 2 channels at 8-192 kHz", name, channels, rate)};
      }
      // A recorder killed mid-write leaves a size past the end; take what is there.
      const size_t available = std::min(size, bytes.size() - body);
      const size_t frame = 2u * channels, frames = available / frame;
      std::vector<int16_t> mono(frames);
      for (size_t i = 0; i < frames; ++i) {
        int sum = 0;
        for (size_t c = 0; c < channels; ++c) sum += S16(bytes, body + i * frame + 2 * c);
        mono[i] = static_cast<int16_t>(sum / channels);
      }
      Audio audio{Resample(mono, static_cast<int>(rate)), static_cast<int>(rate), channels};
      if (audio.samples.empty()) return Error{fmt::format("{}: the recording is empty", name)};
      return audio;
    }
    at = body + size + (size & 1);  // Chunks are padded to an even size.
  }
  return Error{fmt::format("{}: no audio data (data chunk) in the file", name)};
}

std::vector<int16_t> Resample(const std::vector<int16_t>& mono, int rate) {
  if (rate == kSpeechSampleRate || mono.empty()) return mono;
  // Averages the source samples that fall in each output sample's slot (a box filter,
  // enough against aliasing for speech recognition), then reads it out linearly.
  const double step = static_cast<double>(rate) / kSpeechSampleRate;
  const auto out_size = static_cast<size_t>(static_cast<double>(mono.size()) / step);
  std::vector<int16_t> out(out_size);
  for (size_t i = 0; i < out_size; ++i) {
    const double pos = static_cast<double>(i) * step;
    if (step > 1) {
      const auto from = static_cast<size_t>(pos);
      const size_t to = std::min(mono.size(), static_cast<size_t>(pos + step));
      long sum = 0;
      for (size_t j = from; j < to; ++j) sum += mono[j];
      out[i] = static_cast<int16_t>(sum / static_cast<long>(std::max<size_t>(1, to - from)));
    } else {
      const auto j = static_cast<size_t>(pos);
      const double frac = pos - static_cast<double>(j);
      const double next = j + 1 < mono.size() ? mono[j + 1] : mono[j];
      out[i] = static_cast<int16_t>(std::lround(mono[j] * (1 - frac) + next * frac));
    }
  }
  return out;
}

Result<std::vector<int16_t>> ReadPcm16(std::string_view bytes) {
  if (bytes.size() % 2) return Error{fmt::format("audio chunk of {} bytes: expected 16-bit samples (an even count)", bytes.size())};
  std::vector<int16_t> out(bytes.size() / 2);
  for (size_t i = 0; i < out.size(); ++i) out[i] = S16(bytes, 2 * i);
  return out;
}

}  // namespace rehearse
