// Benchmarks of the foundation (Release builds only; figures go in the README):
//   BM_ParseGuide       parse a guide the size of a real one (~90 KB)
//   BM_ImportGuide      parse it and import it into a new bank file (WAL, one transaction)
//   BM_StoriesJson      read a 1,000-story bank and render `rehearse stories --json`
// `rehearse_bench --write-guide N FILE` writes the generated N-story guide, for
// measuring the CLI end to end with hyperfine.

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "catalog/catalog.h"
#include "importer/guide.h"
#include "importer/native.h"
#include "json/story_json.h"
#include "store/bank.h"

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

}  // namespace
}  // namespace rehearse

int main(int argc, char** argv) {
  if (argc == 4 && std::strcmp(argv[1], "--write-guide") == 0) {
    std::ofstream(argv[3], std::ios::binary) << rehearse::MakeGuide(std::atoi(argv[2]));
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
