#pragma once
// The language models a long-running server decodes with. Bank models are built in
// the background, one at a time and at a lower CPU priority, so that a recording
// never waits for one: until the bank's model is ready, the general model serves
// (and a story's own model, until ready, gives way to the bank's). Thread-safe.

#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "model/story.h"
#include "speech/bank_model.h"

namespace rehearse {

class SpeechModels {
 public:
  // `options`: general_model, cache_dir and the rest; focus_key is ignored (each call
  // names its own).
  explicit SpeechModels(BankModelOptions options);
  ~SpeechModels();  // Stops the build in progress, drops the queued ones.
  SpeechModels(const SpeechModels&) = delete;
  SpeechModels& operator=(const SpeechModels&) = delete;

  // The model to decode a recording of `focus_key` (a story of `stories`, or "") with
  // now: that story's model if ready, else the bank's, else the general one. Queues
  // the build of whichever is missing. Never waits for a build.
  SpeechModel ModelFor(const std::vector<Story>& stories, const std::string& focus_key);

  // Queues the build of the model for `stories` focused on `focus_key` ("" for the
  // bank's), unless it is ready or queued already; a queued build for the same focus
  // and older stories is dropped. Returns at once.
  void Prepare(const std::vector<Story>& stories, const std::string& focus_key);

  // Waits until no build is queued or running (for tests and shutdown).
  void WaitIdle();

  // The last build's error, "" when it succeeded: a server can report it.
  std::string last_error() const;

 private:
  struct Job {
    std::string key;
    std::vector<Story> stories;
    std::string focus_key;
  };
  // The ready model for the pair, from memory or a sound cache; nullopt otherwise.
  // REQUIRES: mu_ held.
  std::optional<SpeechModel> ReadyLocked(const std::vector<Story>& stories, const std::string& focus_key);
  void PrepareLocked(const std::vector<Story>& stories, const std::string& focus_key);
  void Work();

  BankModelOptions options_;
  mutable std::mutex mu_;
  std::condition_variable wake_, idle_;
  std::deque<Job> queue_;
  std::set<std::string> queued_;  // Keys of queue_'s jobs and the running one.
  std::set<std::string> failed_;  // Keys whose build failed: not tried again.
  std::map<std::string, SpeechModel> ready_;  // Key -> model.
  bool busy_ = false, stop_ = false;
  std::atomic<bool> cancel_{false};  // Kills the running build's tools on shutdown.
  std::string last_error_;
  std::thread worker_;
};

}  // namespace rehearse
