#pragma once
// Recordings in progress, for the web app: the browser streams a spoken answer in
// chunks while the user speaks, each chunk is decoded as it arrives, and the transcript
// is ready almost as soon as the user stops. Thread-safe. Each recording gets a fresh
// recognizer (0.04 s to load with a bank's model, 0.6 s with the general one): a
// reused one would carry its noise estimate over from the last speaker and hear the
// same audio differently. At most `max_open` recordings run at once, so a forgotten
// tab cannot exhaust the machine.

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>

#include "speech/recognizer.h"
#include "util/result.h"

namespace rehearse {

struct RecordingLimits {
  int max_open = 2;
  double max_seconds = 600;  // Of audio per recording.
  std::chrono::seconds idle{60};  // A recording not fed for this long is dropped.
};

class Recordings {
 public:
  Recordings(std::string model_dir, RecordingLimits limits);
  ~Recordings();

  // A new recording's id, decoded with `model`. Fails when `max_open` are running or
  // the model is missing.
  Result<std::string> Begin(const SpeechModel& model);
  // The same with the general model of the folder given at construction.
  Result<std::string> Begin() { return Begin(GeneralSpeechModel(model_dir_)); }
  // Decodes the next samples; returns the audio's length so far, in seconds.
  Result<double> Feed(const std::string& id, std::span<const int16_t> samples);
  // Ends the recording and returns its transcript.
  Result<Transcript> End(const std::string& id);
  // Drops a recording (the user cancelled); unknown ids are ignored.
  void Cancel(const std::string& id);

  int open() const;

 private:
  struct Open {
    std::unique_ptr<Recognizer> recognizer;
    std::chrono::steady_clock::time_point touched;
    std::mutex mu;  // One chunk at a time per recording.
  };
  std::shared_ptr<Open> Find(const std::string& id);
  void DropIdleLocked(std::chrono::steady_clock::time_point now);

  const std::string model_dir_;
  const RecordingLimits limits_;
  mutable std::mutex mu_;
  std::map<std::string, std::shared_ptr<Open>> open_;
};

}  // namespace rehearse
