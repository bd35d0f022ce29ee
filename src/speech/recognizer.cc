#include "speech/recognizer.h"

#include <pocketsphinx.h>
#include <sphinxbase/err.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <mutex>

#include <fmt/format.h>

namespace rehearse {
namespace {

// PocketSphinx reports every step of its work on stderr; the user only needs our errors.
void SilenceLibraryLog() {
  static std::once_flag once;
  std::call_once(once, [] { err_set_logfp(nullptr); });
}

// The dictionary marks alternative pronunciations "word(2)"; the word is the same.
std::string PlainWord(const char* w) {
  std::string s(w);
  if (auto paren = s.find('('); paren != std::string::npos && paren > 0) s.resize(paren);
  return s;
}

bool IsSilenceOrNoise(const std::string& w) {
  return w.empty() || w.front() == '<' || w.front() == '[' || w.front() == '+';
}

}  // namespace

struct Recognizer::Decoder {
  cmd_ln_t* config = nullptr;
  ps_decoder_t* ps = nullptr;
  int frame_rate = 100;
  ~Decoder() {
    if (ps) ps_free(ps);
    if (config) cmd_ln_free_r(config);
  }
};

std::string DefaultSpeechModel() {
  if (const char* env = std::getenv("REHEARSE_SPEECH_MODEL"); env && *env) return env;
  return "/usr/share/pocketsphinx/model/en-us";
}

SpeechModel GeneralSpeechModel(const std::string& model_dir) {
  namespace fs = std::filesystem;
  const fs::path dir(model_dir);
  SpeechModel m;
  m.acoustic = (dir / "en-us").string();
  m.language = (dir / "en-us.lm.bin").string();
  m.dictionary = (dir / "cmudict-en-us.dict").string();
  m.name = "general";
  // The search is narrowed (-maxhmmpf, -pl_window) and the second, flat pass dropped:
  // on a 2-core laptop that decodes about 7x faster than real time, with the same
  // words on clear speech (measured in bench/, BM_Transcribe).
  m.search = SearchSettings{};
  return m;
}

Result<std::unique_ptr<Recognizer>> Recognizer::Open(const SpeechModel& model) {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (const std::string& p : {model.acoustic, model.language, model.dictionary}) {
    if (!fs::exists(p, ec)) {
      return Error{fmt::format("{}: speech model not found (install Debian's pocketsphinx-en-us, or set "
                               "REHEARSE_SPEECH_MODEL to a folder with en-us/, en-us.lm.bin and cmudict-en-us.dict)",
                               p)};
    }
  }
  SilenceLibraryLog();
  auto d = std::make_unique<Decoder>();
  const SearchSettings& s = model.search;
  const std::string lw = fmt::format("{}", s.language_weight), wip = fmt::format("{}", s.word_insertion_penalty), beam = fmt::format("{:g}", s.beam),
                    wbeam = fmt::format("{:g}", s.word_beam), maxhmmpf = std::to_string(s.max_hmms_per_frame),
                    pl_window = std::to_string(s.phone_lookahead);
  d->config = cmd_ln_init(nullptr, ps_args(), TRUE, "-hmm", model.acoustic.c_str(), "-lm", model.language.c_str(),
                          "-dict", model.dictionary.c_str(), "-samprate", "16000", "-lw", lw.c_str(), "-wip", wip.c_str(), "-beam",
                          beam.c_str(), "-wbeam", wbeam.c_str(), "-fwdflat", s.flat_pass ? "yes" : "no", "-maxhmmpf",
                          maxhmmpf.c_str(), "-pl_window", pl_window.c_str(), "-remove_silence", "no", "-logfn",
                          "/dev/null", nullptr);
  if (!d->config) return Error{fmt::format("{}: the speech model's settings were refused", model.language)};
  d->ps = ps_init(d->config);
  if (!d->ps) return Error{fmt::format("{}: the speech model could not be loaded (is it complete?)", model.language)};
  d->frame_rate = static_cast<int>(cmd_ln_int32_r(d->config, "-frate"));
  return std::unique_ptr<Recognizer>(new Recognizer(std::move(d)));
}

Recognizer::Recognizer(std::unique_ptr<Decoder> decoder) : decoder_(std::move(decoder)) {}
Recognizer::~Recognizer() = default;

Status Recognizer::Start() {
  if (started_) return Error{"a recording is already in progress"};
  // A new stream counts frames (the words' times) from zero again; a reused decoder
  // would otherwise carry on from the last recording's end.
  if (ps_start_stream(decoder_->ps) < 0 || ps_start_utt(decoder_->ps) < 0) {
    return Error{"the speech decoder could not start"};
  }
  started_ = true;
  primed_ = false;
  samples_ = 0;
  pending_.clear();
  opening_.clear();
  return {};
}

// A second of audio: decoded as soon as it is complete.
constexpr size_t kBlock = kSpeechSampleRate;

// The opening decoded twice (see opening_). Measured on spoken paraphrases (README,
// "Spoken answers"): 10 s cuts the bank model's WER from 0.366 to 0.337 and the
// general model's from 0.744 to 0.696; 5 s does a little less.
constexpr size_t kOpening = 10 * kSpeechSampleRate;

Status Recognizer::Decode(std::span<const int16_t> block) {
  if (block.empty()) return {};
  if (ps_process_raw(decoder_->ps, block.data(), block.size(), FALSE, FALSE) < 0) {
    return Error{"the speech decoder failed on this audio"};
  }
  return {};
}

Status Recognizer::DecodeInBlocks(std::span<const int16_t> samples) {
  while (!samples.empty()) {
    const size_t take = std::min(samples.size(), kBlock - pending_.size());
    pending_.insert(pending_.end(), samples.begin(), samples.begin() + static_cast<long>(take));
    samples = samples.subspan(take);
    if (pending_.size() == kBlock) {
      REHEARSE_TRY(Decode(pending_));
      pending_.clear();
    }
  }
  return {};
}

Status Recognizer::Prime() {
  primed_ = true;
  // First pass, words discarded: ending the utterance updates the decoder's cepstral
  // mean from this speaker's own voice.
  REHEARSE_TRY(DecodeInBlocks(opening_));
  REHEARSE_TRY(Decode(pending_));
  pending_.clear();
  if (ps_end_utt(decoder_->ps) < 0 || ps_start_stream(decoder_->ps) < 0 || ps_start_utt(decoder_->ps) < 0) {
    return Error{"the speech decoder could not restart"};
  }
  Status second = DecodeInBlocks(opening_);
  opening_ = {};
  return second;
}

Status Recognizer::Feed(std::span<const int16_t> samples) {
  if (!started_) return Error{"no recording in progress"};
  samples_ += static_cast<int64_t>(samples.size());
  if (!primed_) {
    const size_t take = std::min(samples.size(), kOpening - opening_.size());
    opening_.insert(opening_.end(), samples.begin(), samples.begin() + static_cast<long>(take));
    samples = samples.subspan(take);
    if (opening_.size() < kOpening) return {};
    REHEARSE_TRY(Prime());
  }
  return DecodeInBlocks(samples);
}

Result<Transcript> Recognizer::Finish() {
  if (!started_) return Error{"no recording in progress"};
  started_ = false;
  Status rest = primed_ ? Status{} : Prime();
  if (rest) rest = Decode(pending_);
  pending_.clear();
  const bool ended = ps_end_utt(decoder_->ps) >= 0;  // Always: the decoder must be ready for Start().
  if (!rest) return rest.error();
  if (!ended) return Error{"the speech decoder could not finish"};
  Transcript t;
  t.seconds = static_cast<double>(samples_) / kSpeechSampleRate;
  const double frame = 1.0 / decoder_->frame_rate;
  for (ps_seg_t* seg = ps_seg_iter(decoder_->ps); seg; seg = ps_seg_next(seg)) {
    std::string w = PlainWord(ps_seg_word(seg));
    if (IsSilenceOrNoise(w)) continue;
    int sf = 0, ef = 0;
    ps_seg_frames(seg, &sf, &ef);
    t.words.push_back({std::move(w), sf * frame, (ef + 1) * frame});
  }
  return t;
}

}  // namespace rehearse
