#include <CLI/CLI.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "cli/speech.h"
#include "json/speech_json.h"
#include "lint/linter.h"
#include "speech/bank_model.h"
#include "speech/wav.h"
#include "store/bank.h"
#include "text/segment.h"
#include "util/text.h"

namespace rehearse::cli {
namespace {

std::string Clock(double seconds) {
  const int s = static_cast<int>(seconds + 0.5);
  return fmt::format("{}:{:02d}", s / 60, s % 60);
}

}  // namespace

namespace {

// The bank's stories when its file exists (transcribing never creates a bank).
std::vector<Story> StoriesForSpeech(const Options& o) {
  const std::string path = DefaultBankPath(o.db);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return {};
  auto bank = Bank::Open(path);
  if (!bank) return {};
  auto stories = (*bank)->Stories();
  return stories ? std::move(*stories) : std::vector<Story>{};
}

// The model to decode with: see TranscribeFile.
SpeechModel ChooseSpeechModel(const Options& o) {
  const std::string general_dir = DefaultSpeechModel();
  if (o.general_speech) return GeneralSpeechModel(general_dir);
  const std::vector<Story> stories = StoriesForSpeech(o);
  if (!o.key.empty() && std::none_of(stories.begin(), stories.end(), [&](const Story& s) { return s.key == o.key; })) {
    fmt::print(stderr, "rehearse: warning: no story \"{}\" in the bank: its model weighs every story alike\n", o.key);
  }
  BankModelOptions options;
  options.general_model = general_dir;
  options.cache_dir = SpeechCacheDir(DefaultBankPath(o.db));
  options.focus_key = o.key;
  if (auto cached = FindCachedBankModel(stories, options)) return cached->model;
  if (isatty(STDERR_FILENO)) {
    fmt::print(stderr, "Building the speech model of your {} stories (once per change to them)...\n", stories.size());
  }
  auto built = FindOrBuildBankModel(stories, options);
  if (!built) {
    fmt::print(stderr, "rehearse: warning: the speech model of your stories could not be built ({}); using the general "
               "English model\n", built.error().message);
    return GeneralSpeechModel(general_dir);
  }
  return built->model;
}

}  // namespace

Result<Transcript> TranscribeFile(const std::string& path, const Options& o, std::string* model_name) {
  REHEARSE_TRY_ASSIGN(bytes, ReadInput(path));
  REHEARSE_TRY_ASSIGN(audio, ReadWav(bytes, path));
  const double seconds = static_cast<double>(audio.samples.size()) / kSpeechSampleRate;
  SpeechModel model = ChooseSpeechModel(o);
  // Recognition runs several times faster than real time; past ten seconds of audio
  // the wait is long enough to deserve a word.
  if (seconds > 10 && isatty(STDERR_FILENO)) {
    fmt::print(stderr, "Listening to {} ({} of audio)...\n", path, Clock(seconds));
  }
  auto recognizer = Recognizer::Open(model);
  if (!recognizer && model.name != "general") {
    // A damaged model that passed its checksums, or a PocketSphinx that refuses it.
    fmt::print(stderr, "rehearse: warning: {}; using the general English model\n", recognizer.error().message);
    model = GeneralSpeechModel(DefaultSpeechModel());
    recognizer = Recognizer::Open(model);
  }
  if (!recognizer) return recognizer.error();
  if (model_name) *model_name = model.name;
  auto transcript = TranscribeAudio(**recognizer, audio.samples);
  if (!transcript) return Error{fmt::format("{}: {}", path, transcript.error().message)};
  if (transcript->words.empty()) return Error{fmt::format("{}: no speech heard in {} of audio", path, Clock(seconds))};
  return transcript;
}

void SetupSpeechModelOptions(CLI::App& cmd, Options& o) {
  cmd.add_flag("--general", o.general_speech,
               "Transcribe with the general English model instead of the one built from your stories");
}

void PrintDelivery(const SpokenAnswer& a) {
  const Delivery& d = a.delivery;
  fmt::print("{} recorded · {} in {} · {:.0f} words a minute · {:.1f} s before the first word\n",
             Clock(d.seconds), Plural(d.words, "word", "words"), Clock(d.speaking_seconds), d.words_per_minute,
             d.think_seconds);
  if (!d.fillers.empty()) {
    std::vector<std::string> at;
    for (const FillerUse& f : d.fillers) at.push_back(fmt::format("\"{}\" at {}", f.word, Clock(f.at)));
    fmt::print("Fillers: {}\n", Join(at, ", "));
  }
  for (const Pause& p : d.pauses) {
    fmt::print("Pause of {:.1f} s after \"{}\" at {}\n", p.end - p.start, p.after, Clock(p.start));
  }
  if (!d.sections.empty()) {
    std::vector<std::string> parts;
    for (const SectionTime& s : d.sections) parts.push_back(fmt::format("{} {:.0f} s", s.name, s.seconds));
    fmt::print("Time per section ({}): {}\n", a.framework, Join(parts, " · "));
  }
  if (a.text.signposts == 0) fmt::print("Tip: name each section aloud (\"Situation.\" then a pause) to signpost it.\n");
}

void SetupTranscribe(CLI::App& cmd, Options& o) {
  cmd.add_option("FILE", o.file, "A recorded answer: WAV, 16-bit PCM (any rate; 16 kHz mono is best)")->required();
  cmd.add_option("--framework", o.framework, "Framework to time the sections in (default: STAR)");
  cmd.add_option("--story", o.key, "The story being told: its words weigh most in the speech model");
  SetupSpeechModelOptions(cmd, o);
}

int RunTranscribe(const Options& o) {
  auto catalog = LoadCatalogFor(o);
  if (!catalog) return Fail(catalog.error());
  const std::string framework_id = o.framework.empty() ? "STAR" : o.framework;
  const Framework* framework = catalog->FindFramework(framework_id);
  if (!framework) return Fail(Error{fmt::format("unknown framework \"{}\" (see: rehearse frameworks)", framework_id)});
  std::string model;
  auto transcript = TranscribeFile(o.file, o, &model);
  if (!transcript) return Fail(transcript.error());
  const std::vector<std::string> labels = AllSectionNames(*catalog);
  SpokenText text = FormatTranscript(*transcript, labels);
  Segmentation segmentation = SegmentAnswer(text.text, *framework, labels);
  SpokenAnswer answer = MakeSpokenAnswer(std::move(*transcript), std::move(text), segmentation, framework->id);
  if (o.json) {
    fmt::print("{}\n", WithField(SpokenAnswerJson(answer), "model", fmt::format("\"{}\"", model)));
  } else {
    fmt::print("{}\n\n", answer.text.text);
    PrintDelivery(answer);
  }
  return 0;
}

}  // namespace rehearse::cli
