#include "speech/speech_models.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <filesystem>

namespace rehearse {
namespace {

// Bank models built and kept in memory at most; past it the list starts again (the
// files stay cached on disk).
constexpr size_t kMaxReady = 64;

}  // namespace

SpeechModels::SpeechModels(BankModelOptions options) : options_(std::move(options)) {
  options_.cancel = &cancel_;
  worker_ = std::thread([this] { Work(); });
}

SpeechModels::~SpeechModels() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
    cancel_ = true;
    for (const Job& j : queue_) queued_.erase(j.key);
    queue_.clear();
  }
  wake_.notify_all();
  worker_.join();
}

std::optional<SpeechModel> SpeechModels::ReadyLocked(const std::vector<Story>& stories, const std::string& focus_key) {
  BankModelOptions o = options_;
  o.focus_key = focus_key;
  const std::string key = BankModelKey(stories, o);
  if (key.empty()) return GeneralSpeechModel(o.general_model);
  if (auto it = ready_.find(key); it != ready_.end()) {
    std::error_code ec;
    if (std::filesystem::exists(it->second.language, ec) && std::filesystem::exists(it->second.dictionary, ec)) {
      return it->second;
    }
    ready_.erase(it);  // Pruned from the cache since: built again when asked.
  }
  if (queued_.count(key) || failed_.count(key)) return std::nullopt;
  if (auto cached = FindCachedBankModel(stories, o)) {
    if (ready_.size() >= kMaxReady) ready_.clear();
    ready_[key] = cached->model;
    return cached->model;
  }
  return std::nullopt;
}

void SpeechModels::PrepareLocked(const std::vector<Story>& stories, const std::string& focus_key) {
  BankModelOptions o = options_;
  o.focus_key = focus_key;
  const std::string key = BankModelKey(stories, o);
  if (key.empty() || ready_.count(key) || queued_.count(key) || failed_.count(key)) return;
  // The same story's (or the bank's) model for stories that have changed since.
  for (auto it = queue_.begin(); it != queue_.end();) {
    if (it->focus_key == focus_key) {
      queued_.erase(it->key);
      it = queue_.erase(it);
    } else {
      ++it;
    }
  }
  queued_.insert(key);
  queue_.push_back({key, stories, focus_key});
  wake_.notify_one();
}

SpeechModel SpeechModels::ModelFor(const std::vector<Story>& stories, const std::string& focus_key) {
  std::lock_guard lock(mu_);
  if (!focus_key.empty()) {
    if (auto m = ReadyLocked(stories, focus_key)) return *m;
    PrepareLocked(stories, focus_key);
  }
  if (auto m = ReadyLocked(stories, "")) return *m;
  PrepareLocked(stories, "");
  return GeneralSpeechModel(options_.general_model);
}

void SpeechModels::Prepare(const std::vector<Story>& stories, const std::string& focus_key) {
  std::lock_guard lock(mu_);
  if (ReadyLocked(stories, focus_key)) return;
  PrepareLocked(stories, focus_key);
}

void SpeechModels::WaitIdle() {
  std::unique_lock lock(mu_);
  idle_.wait(lock, [&] { return queue_.empty() && !busy_; });
}

std::string SpeechModels::last_error() const {
  std::lock_guard lock(mu_);
  return last_error_;
}

void SpeechModels::Work() {
  // Below recordings in the CPU's favour: a build must not slow a transcription down.
  // (Linux: a thread's nice value; the tools it starts inherit it.)
  ::setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), 10);
  std::unique_lock lock(mu_);
  while (true) {
    wake_.wait(lock, [&] { return stop_ || !queue_.empty(); });
    if (stop_) break;
    Job job = std::move(queue_.front());
    queue_.pop_front();
    busy_ = true;
    lock.unlock();
    BankModelOptions o = options_;
    o.focus_key = job.focus_key;
    auto built = FindOrBuildBankModel(job.stories, o);
    lock.lock();
    if (built) {
      if (ready_.size() >= kMaxReady) ready_.clear();
      ready_[job.key] = built->model;
      last_error_.clear();
    } else {
      failed_.insert(job.key);
      last_error_ = built.error().message;
    }
    queued_.erase(job.key);
    busy_ = false;
    if (queue_.empty()) idle_.notify_all();
  }
  busy_ = false;
  idle_.notify_all();
}

}  // namespace rehearse
