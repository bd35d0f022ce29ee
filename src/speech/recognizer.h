#pragma once
// Offline speech recognition: CMU PocketSphinx with Debian's en-us model turns 16 kHz
// mono speech into words with their times. The only module that sees PocketSphinx.
// Audio is fed as it arrives, so a recording is mostly decoded by the time it ends.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "util/result.h"

namespace rehearse {

constexpr int kSpeechSampleRate = 16000;

struct SpokenWord {
  std::string text;    // Lower case, as the dictionary spells it ("you're", "uh").
  double start = 0;    // Seconds from the start of the recording.
  double end = 0;
};

struct Transcript {
  std::vector<SpokenWord> words;  // Silences and noises left out.
  double seconds = 0;             // The whole recording's length.
};

// Where Debian's pocketsphinx-en-us puts the model; $REHEARSE_SPEECH_MODEL overrides.
std::string DefaultSpeechModel();

class Recognizer {
 public:
  // Loads the model in `model_dir` (with en-us/, en-us.lm.bin, cmudict-en-us.dict).
  // Fails, naming the folder and the package to install, when it is missing.
  static Result<std::unique_ptr<Recognizer>> Open(const std::string& model_dir);
  ~Recognizer();
  Recognizer(const Recognizer&) = delete;
  Recognizer& operator=(const Recognizer&) = delete;

  // Begins a recording; one at a time per recognizer.
  Status Start();
  // Decodes the next samples (16 kHz mono).
  Status Feed(std::span<const int16_t> samples);
  // Ends the recording and returns its words. The recognizer can Start() again.
  Result<Transcript> Finish();

  // The audio fed so far, in seconds.
  double seconds() const { return static_cast<double>(samples_) / kSpeechSampleRate; }

 private:
  struct Decoder;
  explicit Recognizer(std::unique_ptr<Decoder> decoder);
  Status Decode(std::span<const int16_t> block);
  std::unique_ptr<Decoder> decoder_;
  // Audio waiting to make up a whole block. The decoder adapts its noise estimate once
  // per call, so decoding in fixed blocks makes the words independent of how the audio
  // arrived (a browser's small chunks or a whole file).
  std::vector<int16_t> pending_;
  bool started_ = false;
  int64_t samples_ = 0;
};

}  // namespace rehearse
