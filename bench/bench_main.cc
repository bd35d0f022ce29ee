// Benchmarks of the foundation (Release builds only; figures go in the README):
//   BM_ParseGuide       parse a guide the size of a real one (~90 KB)
//   BM_ImportGuide      parse it and import it into a new bank file (WAL, one transaction)
//   BM_StoriesJson      read a 1,000-story bank and render `rehearse stories --json`
//   BM_Lint             lint a 400-word answer (labeled, and as unlabeled prose)
//   BM_LintStartup      what `rehearse lint` pays once: parse the lexicons, load the rules
//   BM_ClassifyMatch    classify a question and rank a bank of N stories for it
//   BM_Plan             values x stories coverage for a bank of N stories
//   BM_BuildBankModel   build the speech language model of a bank of N stories
//                       (IRSTLM, sphinx_lm_convert and espeak-ng run as processes)
// `rehearse_bench --write-guide N FILE` writes the generated N-story guide, and
// `rehearse_bench --write-jsonl N FILE` N answers for `rehearse lint --jsonl`, for
// measuring the CLI end to end with hyperfine (and write-good, bench/write-good/).

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "catalog/catalog.h"
#include "importer/guide.h"
#include "importer/native.h"
#include "json/json_writer.h"
#include "json/story_json.h"
#include "catalog/embedded_data.h"
#include "lint/linter.h"
#include "match/classifier.h"
#include "match/matcher.h"
#include "practice/coach.h"
#include "speech/bank_model.h"
#include "store/bank.h"
#include "store/practice_log.h"

namespace rehearse {
namespace {

const Catalog& TheCatalog() {
  static const Catalog catalog = *LoadCatalog("");
  return catalog;
}

// A guide of `n` stories, made by renumbering the demo guide's stories, with its
// value mappings, question index and theme table.
std::string MakeGuide(int n) {
  auto demo = ParseGuide(*BuiltinFile("demo/guide.md"), "demo", TheCatalog());
  std::vector<Story> stories;
  for (int i = 0; i < n; ++i) {
    Story s = demo->stories[static_cast<size_t>(i) % demo->stories.size()];
    s.key = "q" + std::to_string(i + 1);
    s.title += " (" + std::to_string(i + 1) + ")";
    stories.push_back(std::move(s));
  }
  return WriteNative(stories, demo->themes, TheCatalog());
}

size_t CountWordsApprox(const std::string& s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool w = !std::isspace(static_cast<unsigned char>(c));
    n += w && !in;
    in = w;
  }
  return n;
}

std::string TempPath(const char* name) {
  return (std::filesystem::temp_directory_path() / (std::string("rehearse-bench-") + std::to_string(getpid()) + "-" + name)).string();
}

void RemoveBank(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

constexpr int kSeedSizedStories = 40;  // ~90 KB, like a real guide of 30 long stories

void BM_ParseGuide(benchmark::State& state) {
  std::string text = MakeGuide(kSeedSizedStories);
  for (auto _ : state) {
    auto g = ParseGuide(text, "bench.md", TheCatalog());
    benchmark::DoNotOptimize(g);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["guide_kb"] = static_cast<double>(text.size()) / 1024.0;
}
BENCHMARK(BM_ParseGuide)->Unit(benchmark::kMillisecond);

void BM_ImportGuide(benchmark::State& state) {
  std::string text = MakeGuide(kSeedSizedStories);
  std::string path = TempPath("import.db");
  for (auto _ : state) {
    state.PauseTiming();
    RemoveBank(path);
    state.ResumeTiming();
    auto g = ParseGuide(text, "bench.md", TheCatalog());
    auto bank = Bank::Open(path);
    auto summary = (*bank)->Import(*g, "bench", DryRun::kNo);
    if (!summary || summary->created != kSeedSizedStories) state.SkipWithError("import failed");
  }
  RemoveBank(path);
}
BENCHMARK(BM_ImportGuide)->Unit(benchmark::kMillisecond);

void BM_StoriesJson(benchmark::State& state) {
  std::string path = TempPath("stories.db");
  RemoveBank(path);
  {
    auto g = ParseGuide(MakeGuide(static_cast<int>(state.range(0))), "bench.md", TheCatalog());
    auto bank = Bank::Open(path);
    (void)(*bank)->Import(*g, "bench", DryRun::kNo);
  }
  auto bank = Bank::Open(path);
  for (auto _ : state) {
    auto stories = (*bank)->Stories();
    auto themes = (*bank)->Themes();
    std::vector<const Story*> all;
    for (const auto& s : *stories) all.push_back(&s);
    std::string json = StoriesJson(all, *themes, TheCatalog());
    benchmark::DoNotOptimize(json);
  }
  state.SetComplexityN(state.range(0));
  RemoveBank(path);
}
BENCHMARK(BM_StoriesJson)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond)->Complexity(benchmark::oN);

// A ~400-word answer: a demo story's sections, repeated until long enough.
std::string MakeAnswer(size_t index, bool labeled) {
  auto demo = ParseGuide(*BuiltinFile("demo/guide.md"), "demo", TheCatalog());
  const Story& s = demo->stories[index % demo->stories.size()];
  std::string text;
  while (CountWordsApprox(text) < 400) {
    for (const auto& sec : s.sections) {
      text += labeled ? sec.name + ":\n" + sec.text + "\n\n" : sec.text + " ";
    }
  }
  // Cut at the 400th word.
  size_t words = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    bool starts = !std::isspace(static_cast<unsigned char>(text[i])) && (i == 0 || std::isspace(static_cast<unsigned char>(text[i - 1])));
    if (starts && ++words > 400) return text.substr(0, i);
  }
  return text;
}

void BM_Lint(benchmark::State& state) {
  static const Linter linter(std::move(*LoadRules({}, {}, AllSectionNames(TheCatalog()))), TheCatalog());
  bool labeled = state.range(0) == 1;
  std::string text = MakeAnswer(0, labeled);
  for (auto _ : state) {
    auto r = linter.Lint(text, {});
    benchmark::DoNotOptimize(r);
  }
  state.SetLabel(labeled ? "labeled" : "prose");
  state.counters["words"] = static_cast<double>(CountWordsApprox(text));
}
BENCHMARK(BM_Lint)->Arg(1)->Arg(0)->Unit(benchmark::kMicrosecond);

// Arg 0: parse VADER's and WordNet's lexicons from the embedded files; 1: load the rule
// pack (its kinds compile their patterns and phrase lists).
void BM_LintStartup(benchmark::State& state) {
  std::string_view vader, wordnet;
  for (const auto& f : EmbeddedFiles()) {
    if (f.path == "lexicons/vader.tsv") vader = f.content;
    if (f.path == "lexicons/wordnet.tsv") wordnet = f.content;
  }
  std::vector<std::string> names = AllSectionNames(TheCatalog());
  for (auto _ : state) {
    if (state.range(0) == 0) {
      auto lex = Lexicon::Parse(vader, wordnet);
      benchmark::DoNotOptimize(lex);
    } else {
      auto rules = LoadRules({}, {}, names);
      benchmark::DoNotOptimize(rules);
    }
  }
  state.SetLabel(state.range(0) == 0 ? "lexicons" : "rules");
}
BENCHMARK(BM_LintStartup)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// n stories: the demo's, renumbered, each with its own words added so that they differ.
std::vector<Story> MakeStories(int n) {
  auto demo = ParseGuide(*BuiltinFile("demo/guide.md"), "demo", TheCatalog());
  std::vector<Story> out;
  for (int i = 0; i < n; ++i) {
    Story s = demo->stories[static_cast<size_t>(i) % demo->stories.size()];
    s.key = "q" + std::to_string(i + 1);
    s.sections.back().text += " Ticket PRJ-" + std::to_string(i) + " closed.";
    if (i >= static_cast<int>(demo->stories.size())) s.values.clear();  // most stories untagged
    out.push_back(std::move(s));
  }
  return out;
}

const QuestionClassifier& TheClassifier() {
  static const auto c = std::move(*QuestionClassifier::Build(TheCatalog()));
  return *c;
}

void BM_ClassifyMatch(benchmark::State& state) {
  std::vector<Story> stories = MakeStories(static_cast<int>(state.range(0)));
  std::vector<ThemeRow> themes;
  StoryIndex index(stories, themes, TheClassifier());
  // Inferred values are computed on first use: once per bank, outside the timing.
  (void)index.Match("Tell me about a time you disagreed with another team about a design.", "amazon", 5);
  for (auto _ : state) {
    auto m = index.Match("Tell me about a time you disagreed with another team about a design.", "amazon", 5);
    benchmark::DoNotOptimize(m);
  }
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_ClassifyMatch)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)->Complexity(benchmark::oN);

void BM_StoryIndexBuild(benchmark::State& state) {
  std::vector<Story> stories = MakeStories(static_cast<int>(state.range(0)));
  std::vector<ThemeRow> themes;
  for (auto _ : state) {
    StoryIndex index(stories, themes, TheClassifier());
    benchmark::DoNotOptimize(index);
  }
}
BENCHMARK(BM_StoryIndexBuild)->Arg(200)->Unit(benchmark::kMillisecond);

void BM_Plan(benchmark::State& state) {
  std::vector<Story> stories = MakeStories(static_cast<int>(state.range(0)));
  std::vector<ThemeRow> themes;
  for (auto _ : state) {
    StoryIndex index(stories, themes, TheClassifier());  // a plan is a fresh look at the bank
    auto plan = index.PlanFor("amazon");
    benchmark::DoNotOptimize(plan);
  }
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_Plan)->Arg(50)->Arg(200)->Unit(benchmark::kMillisecond);

// A practice turn over a bank of n stories: choosing the next question (a dozen
// candidate questions matched against the bank), and assessing and recording an
// answer (lint, follow-ups, SM-2, one SQLite transaction on a real file).
struct PracticeBench {
  explicit PracticeBench(int n) : stories(MakeStories(n)), index(stories, themes, TheClassifier()) {
    path = TempPath("practice");
    RemoveBank(path);
    bank = std::move(*Bank::Open(path));
    log = std::make_unique<PracticeLog>(bank->db());
    coach = std::make_unique<Coach>(*log, TheCatalog(), linter, TheClassifier(), stories, index);
  }
  ~PracticeBench() { RemoveBank(path); }
  std::vector<Story> stories;
  std::vector<ThemeRow> themes;
  StoryIndex index;
  Linter linter{std::move(*LoadRules({}, {}, AllSectionNames(TheCatalog()))), TheCatalog()};
  std::string path;
  std::unique_ptr<Bank> bank;
  std::unique_ptr<PracticeLog> log;
  std::unique_ptr<Coach> coach;
};

void BM_PracticeNext(benchmark::State& state) {
  PracticeBench b(static_cast<int>(state.range(0)));
  NextOptions options;
  (void)b.coach->Next("amazon", "", options);  // value fits computed once per bank
  uint64_t seed = 0;
  for (auto _ : state) {
    options.seed = ++seed;
    auto next = b.coach->Next("amazon", "", options);
    benchmark::DoNotOptimize(next);
  }
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_PracticeNext)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)->Complexity(benchmark::oN);

void BM_PracticeAnswer(benchmark::State& state) {
  PracticeBench b(static_cast<int>(state.range(0)));
  AnswerInput in;
  in.question = "Tell me about a time you disagreed with another team about a design.";
  in.text = MakeAnswer(0, true);
  for (auto _ : state) {
    auto f = b.coach->Answer(in);
    benchmark::DoNotOptimize(f);
  }
}
BENCHMARK(BM_PracticeAnswer)->Arg(100)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_BuildBankModel(benchmark::State& state) {
  auto guide = ParseGuide(MakeGuide(static_cast<int>(state.range(0))), "bench.md", TheCatalog());
  BankModelOptions options;
  options.general_model = DefaultSpeechModel();
  options.focus_key = "q3";
  options.cache_dir = TempPath("speech");
  for (auto _ : state) {
    std::filesystem::remove_all(options.cache_dir);  // Built every time, never found.
    auto model = FindOrBuildBankModel(guide->stories, options);
    if (!model) state.SkipWithError(model.error().message.c_str());
    benchmark::DoNotOptimize(model);
  }
  std::filesystem::remove_all(options.cache_dir);
}
BENCHMARK(BM_BuildBankModel)->Arg(11)->Arg(30)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace rehearse

int main(int argc, char** argv) {
  if (argc == 4 && std::strcmp(argv[1], "--write-guide") == 0) {
    std::ofstream(argv[3], std::ios::binary) << rehearse::MakeGuide(std::atoi(argv[2]));
    return 0;
  }
  if (argc == 4 && std::strcmp(argv[1], "--write-jsonl") == 0) {
    std::ofstream out(argv[3], std::ios::binary);
    for (int i = 0; i < std::atoi(argv[2]); ++i) {
      rehearse::JsonWriter w;
      w.BeginObject().Field("id", i).Field("framework", "STAR");
      w.Field("text", rehearse::MakeAnswer(static_cast<size_t>(i), i % 2 == 0)).Field("spoken", false).EndObject();
      out << w.str() << "\n";
    }
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
