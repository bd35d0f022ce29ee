// speech_eval: word error rate and real-time factor of transcription with the bank's
// language model and with the general one, on a set of recorded answers with their
// reference texts. Reproduces the figures in the README ("Spoken answers").
//
//   speech_eval --refs REFS --audio DIR (--guide GUIDE.md | --db BANK) [options]
//
// REFS holds one answer a line, "KEY: what was said" (KEY is the story told); DIR
// holds VOICE/KEY.wav for every voice. Both models decode every file; the bank's is
// built from the guide's stories into a fresh cache (--cache, emptied first), so the
// time to build it is measured too. Options change the search (--lw, --beam, --wbeam,
// --maxhmmpf, --pl-window, --fwdflat) and the corpus (--focus-weight,
// --phrase-weight, --no-focus), to measure them. --require-cut F exits 1 unless the
// bank's model makes at least the share F fewer errors than the general one in every
// voice (the ctest speech_wer_paraphrases).

#include <CLI/CLI.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "catalog/catalog.h"
#include "importer/guide.h"
#include "speech/bank_model.h"
#include "speech/recognizer.h"
#include "speech/spoken_answer.h"
#include "speech/spoken_forms.h"
#include "speech/wav.h"
#include "speech/wer.h"
#include "store/bank.h"

namespace fs = std::filesystem;
using namespace rehearse;

namespace {

using Clock = std::chrono::steady_clock;
double Since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fmt::print(stderr, "{}: cannot read\n", path);
    std::exit(1);
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Tally {
  WordErrors errors;
  double audio = 0, decode = 0, load = 0, build = 0;
};

void PrintTally(const std::string& label, const Tally& t) {
  fmt::print("{:<28} WER {:.3f} (S {} D {} I {} / N {})  audio {:6.1f} s  decode RTF {:.3f}  with load+build RTF {:.3f}"
             "  (load {:.1f} s, build {:.1f} s)\n",
             label, t.errors.rate(), t.errors.substitutions, t.errors.deletions, t.errors.insertions,
             t.errors.reference_words, t.audio, t.decode / t.audio, (t.decode + t.load + t.build) / t.audio, t.load,
             t.build);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Word error rate of rehearse's transcription, bank model against general model"};
  std::string refs_path, audio_dir, guide, db, cache = "/tmp/rehearse-speech-eval", models = "both", only_voice;
  SearchSettings bank_search = BankSearchSettings(), general_search = GeneralSpeechModel(DefaultSpeechModel()).search;
  SearchSettings* tune = &bank_search;
  bool tune_general = false, no_focus = false, show = false;
  CorpusOptions corpus;
  app.add_option("--refs", refs_path, "KEY: text, one a line")->required();
  app.add_option("--audio", audio_dir, "Folder of VOICE/KEY.wav")->required();
  app.add_option("--guide", guide, "The stories, as a guide in Markdown");
  app.add_option("--db", db, "The stories, as a bank file");
  app.add_option("--cache", cache, "Model cache (emptied first)");
  app.add_option("--models", models, "bank, general or both");
  app.add_option("--voice", only_voice, "Only this voice");
  app.add_flag("--tune-general", tune_general, "Search options apply to the general model (else the bank's)");
  double lw = -1, wip = -1, beam = -1, wbeam = -1;
  int maxhmmpf = -1, pl = -1;
  bool fwdflat = false;
  app.add_option("--lw", lw);
  app.add_option("--wip", wip);
  app.add_option("--beam", beam);
  app.add_option("--wbeam", wbeam);
  app.add_option("--maxhmmpf", maxhmmpf);
  app.add_option("--pl-window", pl);
  app.add_flag("--fwdflat", fwdflat);
  std::string smoothing = "wb";
  int order = 3;
  app.add_option("--smoothing", smoothing, "IRSTLM tlm -lm");
  app.add_option("--order", order, "n-gram order");
  app.add_option("--focus-weight", corpus.focus_weight);
  app.add_option("--phrase-weight", corpus.phrase_weight);
  app.add_flag("--no-focus", no_focus, "Do not weight the story being told");
  app.add_flag("--show", show, "Print every transcript");
  bool two_pass = false;
  app.add_flag("--two-pass", two_pass, "Decode each file twice with one recognizer, keep the second");
  double require_cut = -1;
  app.add_option("--require-cut", require_cut,
                 "Exit 1 unless the bank's model makes this share fewer errors than the general one, in every voice");
  CLI11_PARSE(app, argc, argv);
  if (tune_general) tune = &general_search;
  if (lw > 0) tune->language_weight = lw;
  if (wip > 0) tune->word_insertion_penalty = wip;
  if (beam > 0) tune->beam = beam;
  if (wbeam > 0) tune->word_beam = wbeam;
  if (maxhmmpf >= 0) tune->max_hmms_per_frame = maxhmmpf;
  if (pl >= 0) tune->phone_lookahead = pl;
  if (fwdflat) tune->flat_pass = true;

  std::vector<Story> stories;
  if (!guide.empty()) {
    auto catalog = LoadCatalog("");
    if (!catalog) return fmt::print(stderr, "{}\n", catalog.error().message), 1;
    auto parsed = ParseGuide(ReadFileOrDie(guide), guide, *catalog);
    if (!parsed) return fmt::print(stderr, "{}\n", parsed.error().message), 1;
    stories = parsed->stories;
  } else if (!db.empty()) {
    auto bank = Bank::Open(db);
    if (!bank) return fmt::print(stderr, "{}\n", bank.error().message), 1;
    auto all = (*bank)->Stories();
    if (!all) return fmt::print(stderr, "{}\n", all.error().message), 1;
    stories = *all;
  }

  std::vector<std::pair<std::string, std::string>> refs;
  {
    std::istringstream in(ReadFileOrDie(refs_path));
    for (std::string line; std::getline(in, line);) {
      const size_t colon = line.find(": ");
      if (line.empty() || line[0] == '#' || colon == std::string::npos) continue;
      refs.emplace_back(line.substr(0, colon), line.substr(colon + 2));
    }
  }
  std::vector<std::string> voices;
  for (const auto& e : fs::directory_iterator(audio_dir)) {
    if (e.is_directory() && (only_voice.empty() || e.path().filename() == only_voice)) voices.push_back(e.path().filename());
  }
  std::sort(voices.begin(), voices.end());

  std::error_code ec;
  fs::remove_all(cache, ec);
  BankModelOptions options;
  options.general_model = DefaultSpeechModel();
  options.cache_dir = cache;
  options.corpus = corpus;
  options.smoothing = smoothing;
  options.order = order;

  std::map<std::string, Tally> totals;
  bool short_of_cut = false;
  std::map<std::string, bool> built;  // Models built so far: each one's build time counts once.
  for (const std::string& voice : voices) {
    std::map<std::string, Tally> tallies;
    for (const auto& [key, text] : refs) {
      const std::string wav_path = (fs::path(audio_dir) / voice / (key + ".wav")).string();
      auto audio = ReadWav(ReadFileOrDie(wav_path), wav_path);
      if (!audio) return fmt::print(stderr, "{}\n", audio.error().message), 1;
      const double seconds = static_cast<double>(audio->samples.size()) / kSpeechSampleRate;
      const std::vector<std::string> reference = SpokenWords(text);
      for (const std::string& kind : {std::string("general"), std::string("bank")}) {
        if (models != "both" && models != kind) continue;
        Tally& t = tallies[kind];
        SpeechModel model = GeneralSpeechModel(options.general_model);
        model.search = general_search;
        if (kind == "bank") {
          options.focus_key = no_focus ? "" : key;
          auto t0 = Clock::now();
          auto bm = FindOrBuildBankModel(stories, options);
          if (!bm) return fmt::print(stderr, "{}\n", bm.error().message), 1;
          if (!built[bm->hash]) t.build += Since(t0);
          built[bm->hash] = true;
          model = bm->model;
          model.search = bank_search;
        }
        auto t0 = Clock::now();
        auto recognizer = Recognizer::Open(model);
        if (!recognizer) return fmt::print(stderr, "{}\n", recognizer.error().message), 1;
        t.load += Since(t0);
        t0 = Clock::now();
        if (two_pass) (void)TranscribeAudio(**recognizer, audio->samples);
        auto transcript = TranscribeAudio(**recognizer, audio->samples);
        if (!transcript) return fmt::print(stderr, "{}\n", transcript.error().message), 1;
        t.decode += Since(t0);
        t.audio += seconds;
        std::string said;
        for (const SpokenWord& w : transcript->words) said += w.text + " ";
        const std::vector<std::string> hypothesis = SpokenWords(said);
        const WordErrors e = CountWordErrors(reference, hypothesis);
        t.errors += e;
        if (show) fmt::print("{} {} {} WER {:.2f}: {}\n", voice, key, kind, e.rate(), said);
      }
    }
    if (require_cut >= 0 && tallies.count("bank") && tallies.count("general") &&
        tallies["bank"].errors.rate() > (1 - require_cut) * tallies["general"].errors.rate()) {
      fmt::print("{}: the bank's model cuts the error rate by less than {:.0f}%\n", voice, 100 * require_cut);
      short_of_cut = true;
    }
    for (const auto& [kind, t] : tallies) {
      PrintTally(voice + " " + kind, t);
      Tally& all = totals[kind];
      all.errors += t.errors;
      all.audio += t.audio;
      all.decode += t.decode;
      all.load += t.load;
      all.build += t.build;
    }
  }
  for (const auto& [kind, t] : totals) PrintTally("all " + kind, t);
  return short_of_cut ? 1 : 0;
}
