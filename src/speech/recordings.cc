#include "speech/recordings.h"

#include <random>

#include <fmt/format.h>

namespace rehearse {
namespace {

std::string NewRecordingId() {
  std::random_device rd;
  return fmt::format("{:08x}{:08x}", rd(), rd());
}

}  // namespace

Recordings::Recordings(std::string model_dir, RecordingLimits limits)
    : model_dir_(std::move(model_dir)), limits_(limits) {}
Recordings::~Recordings() = default;

void Recordings::DropIdleLocked(std::chrono::steady_clock::time_point now) {
  for (auto it = open_.begin(); it != open_.end();) {
    std::unique_lock busy(it->second->mu, std::try_to_lock);
    if (busy && now - it->second->touched > limits_.idle) {
      it->second->recognizer.reset();
      busy.unlock();
      it = open_.erase(it);
    } else {
      ++it;
    }
  }
}

Result<std::string> Recordings::Begin(const SpeechModel& model) {
  {
    std::lock_guard lock(mu_);
    DropIdleLocked(std::chrono::steady_clock::now());
    if (static_cast<int>(open_.size()) >= limits_.max_open) {
      return Error{fmt::format("{} recordings are already running; stop one first", open_.size())};
    }
  }
  // Loading the model takes a while: outside the lock, so other recordings go on.
  REHEARSE_TRY_ASSIGN(recognizer, Recognizer::Open(model));
  REHEARSE_TRY(recognizer->Start());
  auto rec = std::make_shared<Open>();
  rec->recognizer = std::move(recognizer);
  rec->touched = std::chrono::steady_clock::now();
  std::lock_guard lock(mu_);
  if (static_cast<int>(open_.size()) >= limits_.max_open) {
    return Error{fmt::format("{} recordings are already running; stop one first", open_.size())};
  }
  std::string id = NewRecordingId();
  open_[id] = std::move(rec);
  return id;
}

std::shared_ptr<Recordings::Open> Recordings::Find(const std::string& id) {
  std::lock_guard lock(mu_);
  auto it = open_.find(id);
  return it == open_.end() ? nullptr : it->second;
}

Result<double> Recordings::Feed(const std::string& id, std::span<const int16_t> samples) {
  auto rec = Find(id);
  if (!rec) return Error{fmt::format("no recording \"{}\" (it ended, or sat idle too long)", id)};
  std::lock_guard busy(rec->mu);
  if (!rec->recognizer) return Error{fmt::format("recording \"{}\" has ended", id)};
  const double after = rec->recognizer->seconds() + static_cast<double>(samples.size()) / kSpeechSampleRate;
  if (after > limits_.max_seconds) {
    return Error{fmt::format("a recording is limited to {:.0f} s; end this one and start another", limits_.max_seconds)};
  }
  REHEARSE_TRY(rec->recognizer->Feed(samples));
  rec->touched = std::chrono::steady_clock::now();
  return rec->recognizer->seconds();
}

Result<Transcript> Recordings::End(const std::string& id) {
  std::shared_ptr<Open> rec;
  {
    std::lock_guard lock(mu_);
    auto it = open_.find(id);
    if (it == open_.end()) return Error{fmt::format("no recording \"{}\" (it ended, or sat idle too long)", id)};
    rec = std::move(it->second);
    open_.erase(it);
  }
  std::lock_guard busy(rec->mu);
  auto transcript = rec->recognizer->Finish();
  rec->recognizer.reset();
  return transcript;
}

void Recordings::Cancel(const std::string& id) {
  std::shared_ptr<Open> rec;
  {
    std::lock_guard lock(mu_);
    auto it = open_.find(id);
    if (it == open_.end()) return;
    rec = std::move(it->second);
    open_.erase(it);
  }
  std::lock_guard busy(rec->mu);
  rec->recognizer.reset();
}

int Recordings::open() const {
  std::lock_guard lock(mu_);
  return static_cast<int>(open_.size());
}

}  // namespace rehearse
