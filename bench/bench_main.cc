// Benchmarks of the foundation (Release builds only; figures go in the README):
//   BM_ParseGuide       parse a guide the size of a real one (~90 KB), native export
//   BM_ParseShape/K     parse a 40-story guide in each shape people keep
//   BM_ImportGuide      parse it and import it into a new bank file (WAL, one transaction)
//   BM_LoadCatalog      what every command pays once: read the built-in TOML catalog
//   BM_StoriesJson      read a 1,000-story bank and render `rehearse stories --json`
//   BM_Lint             lint a 400-word answer (labeled, and as unlabeled prose)
//   BM_LintStartup      what `rehearse lint` pays once: parse the lexicons, load the rules
//   BM_Classify         classify a question (values model loaded)
//   BM_ModelLoad        read the embedded values model of Amazon, or of every company
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
#include "match/value_models.h"
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

// The shapes guides come in (see the README, "Guides rehearse reads"), each made of
// the demo guide's stories: kHeadings is rehearse's own shape without front matter.
enum Shape { kHeadings, kLetterBullets, kHeadingLabels, kInline, kTableRows, kNumberedProse, kDetails, kByValue, kShapes };
const char* const kShapeNames[] = {"headings", "letter-bullets", "heading-labels", "inline",
                                   "table-rows", "numbered-prose", "details", "by-value"};

std::string OneLine(std::string_view text, std::string_view join) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += join;
    else if (c == '|') out += "\\|";
    else out += c;
  }
  return out;
}

std::string MakeShapedGuide(Shape shape, int n) {
  auto demo = ParseGuide(*BuiltinFile("demo/guide.md"), "demo", TheCatalog());
  const char* values[] = {"Customer Obsession", "Ownership", "Dive Deep", "Bias for Action", "Earn Trust"};
  std::string out = "# My interview prep\n\n";
  if (shape == kTableRows) out += "| Story | Situation | Task | Action | Result |\n|---|---|---|---|---|\n";
  for (int i = 0; i < n; ++i) {
    const Story& s = demo->stories[static_cast<size_t>(i) % demo->stories.size()];
    std::string title = s.title + " (" + std::to_string(i + 1) + ")";
    std::string body;
    for (const auto& section : s.sections) {
      // Each telling differs, or the importer would read copies as one story.
      StorySection sec = section;
      if (&section == &s.sections.front()) sec.text += " This was telling " + std::to_string(i + 1) + ".";
      const char letter = sec.name[0];
      switch (shape) {
        case kHeadings: body += "**" + sec.name + ":**\n" + sec.text + "\n\n"; break;
        case kLetterBullets: body += std::string("- **") + letter + "** \u2014 " + OneLine(sec.text, " ") + "\n"; break;
        case kHeadingLabels: body += "### \u2705 **" + sec.name + ":**\n\n" + sec.text + "\n\n---\n\n"; break;
        case kInline: body += sec.name + ": " + OneLine(sec.text, " ") + " "; break;
        case kTableRows: body += " | " + OneLine(sec.text, "<br>"); break;
        case kNumberedProse: body += OneLine(sec.text, " ") + " "; break;
        case kDetails: body += "**" + sec.name + ":** " + OneLine(sec.text, " ") + "\n\n"; break;
        case kByValue: body += "- **" + sec.name + "**: " + OneLine(sec.text, " ") + "\n"; break;
        case kShapes: break;
      }
    }
    switch (shape) {
      case kHeadings: out += "### Q" + std::to_string(i + 1) + ": " + title + "\n\n" + body + "---\n\n"; break;
      case kLetterBullets: out += "## Story " + std::to_string(i + 1) + " \u2014 " + title + "\n\n" + body + "\n"; break;
      case kHeadingLabels: out += "# " + std::to_string(i + 1) + ". " + title + "\n\n" + body; break;
      case kInline: out += "### " + title + "\n\n" + body + "\n\n"; break;
      case kTableRows: out += "| " + title + body + " |\n"; break;
      case kNumberedProse: out += std::to_string(i + 1) + ". Tell me about " + title + "?\n\n" + body + "\n\n"; break;
      case kDetails: out += "<details>\n<summary>" + title + "</summary>\n\n" + body + "</details>\n\n"; break;
      case kByValue:
        out += "## " + std::string(values[i % 5]) + "\n\n### " + title + "\n\n" + body +
               "- **Leadership Principles**: Ownership, Are Right, A Lot\n\n";
        break;
      case kShapes: break;
    }
  }
  return out;
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

// Parse a 40-story guide in each shape people keep (the shape reader).
void BM_ParseShape(benchmark::State& state) {
  auto shape = static_cast<Shape>(state.range(0));
  std::string text = MakeShapedGuide(shape, kSeedSizedStories);
  auto check = ParseGuide(text, "bench.md", TheCatalog());
  if (!check || check->stories.size() != kSeedSizedStories) {
    state.SkipWithError("the generated guide does not read as 40 stories");
    return;
  }
  for (auto _ : state) {
    auto g = ParseGuide(text, "bench.md", TheCatalog());
    benchmark::DoNotOptimize(g);
  }
  state.SetLabel(kShapeNames[shape]);
  state.counters["guide_kb"] = static_cast<double>(text.size()) / 1024.0;
}
BENCHMARK(BM_ParseShape)->DenseRange(0, kShapes - 1)->Unit(benchmark::kMillisecond);

void BM_LoadCatalog(benchmark::State& state) {
  for (auto _ : state) {
    auto catalog = LoadCatalog("");
    if (!catalog) state.SkipWithError("catalog failed");
    benchmark::DoNotOptimize(catalog);
  }
}
BENCHMARK(BM_LoadCatalog)->Unit(benchmark::kMillisecond);

void BM_ImportGuide(benchmark::State& state) {
  std::string text = MakeGuide(kSeedSizedStories);
  std::string path = TempPath("import.db");
  for (auto _ : state) {
    state.PauseTiming();
    RemoveBank(path);
    state.ResumeTiming();
    auto g = ParseGuide(text, "bench.md", TheCatalog());
    auto bank = Bank::Open(path);
    auto summary = (*bank)->Import(*g, "g.md", "bench", DryRun::kNo);
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
    (void)(*bank)->Import(*g, "g.md", "bench", DryRun::kNo);
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

// Classify one question for Amazon (framework, themes, values with reasons), the
// model already loaded: what `rehearse classify` does after start-up.
void BM_Classify(benchmark::State& state) {
  const QuestionClassifier& c = TheClassifier();
  (void)c.Classify("warm up", "amazon");
  for (auto _ : state) {
    auto r = c.Classify("Tell me about a time you disagreed with your manager and still committed to the plan.", "amazon");
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_Classify)->Unit(benchmark::kMicrosecond);

// Read the values model the build embedded, for one company (Amazon: 16 values, the
// largest) or for all twelve, fingerprint check included: the load a command pays.
void BM_ModelLoad(benchmark::State& state) {
  bool all = state.range(0) == 1;
  for (auto _ : state) {
    ValueModels models(TheCatalog());
    for (const auto& company : TheCatalog().companies) {
      if (!all && company.id != "amazon") continue;
      auto m = models.For(company);
      if (!m || !models.WasBuilt(company)) state.SkipWithError("the built model was not used");
      benchmark::DoNotOptimize(m);
    }
  }
  state.SetLabel(all ? "all companies" : "amazon");
}
BENCHMARK(BM_ModelLoad)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

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
  // --write-shape SHAPE N FILE: an N-story guide in SHAPE (headings, letter-bullets, ...).
  if (argc == 5 && std::strcmp(argv[1], "--write-shape") == 0) {
    for (int k = 0; k < rehearse::kShapes; ++k) {
      if (std::strcmp(argv[2], rehearse::kShapeNames[k]) == 0) {
        std::ofstream(argv[4], std::ios::binary) << rehearse::MakeShapedGuide(static_cast<rehearse::Shape>(k), std::atoi(argv[3]));
        return 0;
      }
    }
    std::fprintf(stderr, "unknown shape %s\n", argv[2]);
    return 2;
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
