#pragma once
// Offline speech recognition: CMU PocketSphinx with Debian's en-us acoustic model
// turns 16 kHz mono speech into words with their times, under a language model: the
// general English one that comes with the model, or one built from the user's own
// stories (speech/bank_model.h). The only module that sees PocketSphinx. Audio is fed
// as it arrives, so a recording is mostly decoded by the time it ends.

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

// How hard the decoder searches: PocketSphinx's -lw, -wip, -beam, -wbeam, -maxhmmpf,
// -pl_window and -fwdflat. Chosen by measurement per kind of language model (word
// error rate and real-time factor on spoken paraphrases; README, "Spoken answers").
struct SearchSettings {
  double language_weight = 6.5;
  double word_insertion_penalty = 0.65;
  double beam = 1e-48;
  double word_beam = 7e-29;
  int max_hmms_per_frame = 3000;
  int phone_lookahead = 10;  // Frames; 0 turns the phone loop lookahead off.
  bool flat_pass = false;    // The second, flat-lexicon pass.
};

// A recognizer's models: the acoustic model, a language model and the dictionary
// that pronounces its words.
struct SpeechModel {
  std::string acoustic;    // The en-us/ folder.
  std::string language;    // PocketSphinx binary (.lm.bin) or ARPA.
  std::string dictionary;  // CMUdict format.
  std::string name;        // "general", or "bank" for one built from the stories.
  SearchSettings search;
};

// The general English model of `model_dir` (as DefaultSpeechModel()) with the
// search settings measured for it.
SpeechModel GeneralSpeechModel(const std::string& model_dir);

class Recognizer {
 public:
  // Loads `model`. Fails, naming the file and the package to install, when a part is
  // missing, and when PocketSphinx refuses to load it.
  static Result<std::unique_ptr<Recognizer>> Open(const SpeechModel& model);
  // The general model in `model_dir` (with en-us/, en-us.lm.bin, cmudict-en-us.dict).
  static Result<std::unique_ptr<Recognizer>> Open(const std::string& model_dir) {
    return Open(GeneralSpeechModel(model_dir));
  }
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
  Status DecodeInBlocks(std::span<const int16_t> samples);
  Status Prime();
  std::unique_ptr<Decoder> decoder_;
  // Audio waiting to make up a whole block. The decoder adapts its noise estimate once
  // per call, so decoding in fixed blocks makes the words independent of how the audio
  // arrived (a browser's small chunks or a whole file).
  std::vector<int16_t> pending_;
  // The opening seconds, decoded twice (Prime()): PocketSphinx's cepstral mean starts
  // from a generic voice and is updated at the end of an utterance, so a first pass
  // over them fits it to this speaker before the words are decoded for real.
  std::vector<int16_t> opening_;
  bool primed_ = false;
  bool started_ = false;
  int64_t samples_ = 0;
};

}  // namespace rehearse
