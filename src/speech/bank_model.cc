#include "speech/bank_model.h"

#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "speech/pronunciations.h"
#include "speech/tool_process.h"

namespace rehearse {
namespace {

namespace fs = std::filesystem;

// Bumped whenever the way a model is made changes, so that old caches are rebuilt.
constexpr std::string_view kFormat = "rehearse-bank-lm 1";

// FNV-1a, 64 bits (Fowler, Noll, Vo): a cache key and a checksum, not a defence.
struct Fnv {
  uint64_t h = 14695981039346656037ULL;
  void Add(std::string_view s) {
    for (char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ULL;
    }
  }
  std::string Hex() const { return fmt::format("{:016x}", h); }
};

Result<std::string> ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return Error{fmt::format("{}: cannot read", p.string())};
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Checksum(std::string_view bytes) {
  Fnv f;
  f.Add(bytes);
  return fmt::format("{} {}", bytes.size(), f.Hex());
}

Status WriteFile(const fs::path& p, std::string_view bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return Error{fmt::format("{}: cannot write", p.string())};
  return {};
}

// Writes through a temporary name and a rename: readers see all of it or none.
Status Publish(const fs::path& p, std::string_view bytes) {
  static std::atomic<int> serial{0};  // Threads of one process write apart too.
  const fs::path tmp = p.string() + fmt::format(".tmp{}-{}", ::getpid(), serial++);
  REHEARSE_TRY(WriteFile(tmp, bytes));
  std::error_code ec;
  fs::rename(tmp, p, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return Error{fmt::format("{}: cannot write ({})", p.string(), ec.message())};
  }
  return {};
}

struct Paths {
  fs::path lm, dict, sum;
};

Paths PathsFor(const std::string& cache_dir, const std::string& hash) {
  const fs::path dir(cache_dir);
  return {dir / (hash + ".lm.bin"), dir / (hash + ".dict"), dir / (hash + ".sum")};
}

// The cached model's vocabulary size when its files match their checksums; -1 when
// it is absent or damaged.
int CheckCached(const Paths& p) {
  auto sum = ReadAll(p.sum);
  if (!sum) return -1;
  auto lm = ReadAll(p.lm);
  auto dict = ReadAll(p.dict);
  if (!lm || !dict) return -1;
  std::istringstream in(*sum);
  std::string line, want_lm, want_dict;
  int words = -1;
  while (std::getline(in, line)) {
    if (line.starts_with("lm ")) want_lm = line.substr(3);
    if (line.starts_with("dict ")) want_dict = line.substr(5);
    if (line.starts_with("words ")) words = std::atoi(line.c_str() + 6);
  }
  if (want_lm != Checksum(*lm) || want_dict != Checksum(*dict) || words < 0) return -1;
  return words;
}

// The dictionary for the model, in CMUdict format: "word PHONES", "word(2) PHONES".
std::string DictionaryText(const PronunciationLexicon& lex) {
  std::string out;
  for (const auto& [word, prons] : lex.entries) {
    for (size_t i = 0; i < prons.size(); ++i) {
      out += i == 0 ? word : fmt::format("{}({})", word, i + 1);
      out += ' ';
      out += prons[i];
      out += '\n';
    }
  }
  return out;
}

// A fresh folder for the tools' files, removed when done. In the system's temporary
// directory: IRSTLM's scripts do not quote paths, and a bank's folder may hold spaces.
class ScratchDir {
 public:
  static Result<ScratchDir> Make() {
    std::string base = "/tmp";
    std::error_code ec;
    if (auto t = fs::temp_directory_path(ec); !ec && t.string().find_first_of(" \t'\"") == std::string::npos) {
      base = t.string();
    }
    std::string pattern = base + "/rehearse-lm-XXXXXX";
    if (!::mkdtemp(pattern.data())) return Error{fmt::format("{}: cannot make a scratch folder", base)};
    return ScratchDir(pattern);
  }
  ScratchDir(ScratchDir&& o) noexcept : path_(std::move(o.path_)) { o.path_.clear(); }
  ~ScratchDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  fs::path operator/(const std::string& name) const { return fs::path(path_) / name; }
  const std::string& path() const { return path_; }

 private:
  explicit ScratchDir(std::string p) : path_(std::move(p)) {}
  std::string path_;
};

// Keeps the `keep` most recently used models of `dir`.
void Prune(const std::string& dir, size_t keep) {
  std::error_code ec;
  std::vector<std::pair<fs::file_time_type, std::string>> sums;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.ends_with(".sum")) sums.emplace_back(e.last_write_time(ec), name.substr(0, name.size() - 4));
  }
  if (sums.size() <= keep) return;
  std::sort(sums.begin(), sums.end(), std::greater<>());
  for (size_t i = keep; i < sums.size(); ++i) {
    const Paths p = PathsFor(dir, sums[i].second);
    fs::remove(p.sum, ec);
    fs::remove(p.lm, ec);
    fs::remove(p.dict, ec);
  }
}

std::string Key(const std::string& corpus_text, const BankModelOptions& options, const std::string& dict_path) {
  Fnv f;
  f.Add(kFormat);
  f.Add(fmt::format("|{}|{}|{}|", options.order, options.smoothing, dict_path));
  std::error_code ec;
  f.Add(fmt::format("{}|", fs::file_size(dict_path, ec)));
  f.Add(corpus_text);
  return f.Hex();
}

ToolCommand Tool(std::vector<std::string> argv, std::string package, const BankModelOptions& o, const std::string& dir) {
  ToolCommand c;
  c.argv = std::move(argv);
  c.package = std::move(package);
  c.limit = o.tool_limit;
  c.workdir = dir;
  c.cancel = o.cancel;
  return c;
}

}  // namespace

SearchSettings BankSearchSettings() {
  // A model this close to what is said deserves more trust than PocketSphinx's 6.5:
  // 9 measured best on the paraphrases (8 and 10 worse; README, "Spoken answers").
  SearchSettings s;
  s.language_weight = 9;
  return s;
}

std::string SpeechCacheDir(const std::string& bank_path) {
  if (bank_path.empty() || bank_path == ":memory:") {
    std::error_code ec;
    fs::path t = fs::temp_directory_path(ec);
    if (ec) t = "/tmp";
    return (t / fmt::format("rehearse-speech-{}", ::getuid())).string();
  }
  return bank_path + ".speech";
}

std::string BankModelKey(const std::vector<Story>& stories, const BankModelOptions& options) {
  Corpus corpus = BuildCorpus(stories, options.focus_key, InterviewPhrases(), options.corpus);
  if (corpus.stories == 0) return "";
  return Key(CorpusText(corpus, {}), options, GeneralSpeechModel(options.general_model).dictionary);
}

std::optional<BankModel> FindCachedBankModel(const std::vector<Story>& stories, const BankModelOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const SpeechModel general = GeneralSpeechModel(options.general_model);
  BankModel out;
  Corpus corpus = BuildCorpus(stories, options.focus_key, InterviewPhrases(), options.corpus);
  out.stories = corpus.stories;
  if (corpus.stories == 0) {
    out.model = general;
  } else {
    out.hash = Key(CorpusText(corpus, {}), options, general.dictionary);
    const Paths paths = PathsFor(options.cache_dir, out.hash);
    out.words = CheckCached(paths);
    if (out.words < 0) return std::nullopt;
    out.model = SpeechModel{general.acoustic, paths.lm.string(), paths.dict.string(), "bank", BankSearchSettings()};
    std::error_code ec;
    fs::last_write_time(paths.sum, fs::file_time_type::clock::now(), ec);  // Recently used.
  }
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return out;
}

Result<BankModel> FindOrBuildBankModel(const std::vector<Story>& stories, const BankModelOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };
  if (auto cached = FindCachedBankModel(stories, options)) return *cached;
  const SpeechModel general = GeneralSpeechModel(options.general_model);
  BankModel out;
  Corpus corpus = BuildCorpus(stories, options.focus_key, InterviewPhrases(), options.corpus);
  out.stories = corpus.stories;
  out.hash = Key(CorpusText(corpus, {}), options, general.dictionary);
  const Paths paths = PathsFor(options.cache_dir, out.hash);
  out.model = SpeechModel{general.acoustic, paths.lm.string(), paths.dict.string(), "bank", BankSearchSettings()};

  PronunciationOptions lex_options;
  lex_options.dictionary = general.dictionary;
  lex_options.espeak_limit = options.tool_limit;
  lex_options.cancel = options.cancel;
  REHEARSE_TRY_ASSIGN(lexicon, BuildLexicon(corpus.vocabulary, corpus.written, lex_options));
  const std::set<std::string> drop(lexicon.unpronounceable.begin(), lexicon.unpronounceable.end());
  const std::string text = CorpusText(corpus, drop);

  REHEARSE_TRY_ASSIGN(scratch, ScratchDir::Make());
  REHEARSE_TRY(WriteFile(scratch / "corpus.txt", text));
  const std::string dir = scratch.path();
  // IRSTLM's estimator (tlm, the program behind build-lm's scripts, in one process
  // and several times faster) writes the ARPA model directly; singletons are kept, as
  // build-lm keeps them. It may exit 0 without a model when a smoothing cannot
  // estimate its discounts on this text: success is a written lm.arpa.
  std::vector<std::string> smoothings = {options.smoothing};
  if (options.smoothing != "wb") smoothings.emplace_back("wb");
  bool estimated = false;
  for (const std::string& smoothing : smoothings) {
    REHEARSE_TRY(RunTool(Tool({"irstlm", "tlm", "-tr=corpus.txt", fmt::format("-n={}", options.order),
                               "-lm=" + smoothing, "-ps=no", "-o=lm.arpa"},
                              "irstlm", options, dir)));
    std::error_code exists;
    if ((estimated = fs::file_size(scratch / "lm.arpa", exists) > 0 && !exists)) break;
  }
  if (!estimated) return Error{"irstlm tlm could not estimate a language model from the stories"};
  REHEARSE_TRY(RunTool(Tool({"sphinx_lm_convert", "-i", "lm.arpa", "-o", "lm.bin"}, "sphinxbase-utils", options, dir)));
  REHEARSE_TRY_ASSIGN(lm, ReadAll(scratch / "lm.bin"));
  if (lm.empty()) return Error{"sphinx_lm_convert wrote an empty model"};
  const std::string dict = DictionaryText(lexicon);

  std::error_code ec;
  fs::create_directories(options.cache_dir, ec);
  if (ec) return Error{fmt::format("{}: cannot make the speech model folder ({})", options.cache_dir, ec.message())};
  REHEARSE_TRY(Publish(paths.lm, lm));
  REHEARSE_TRY(Publish(paths.dict, dict));
  out.words = static_cast<int>(lexicon.entries.size());
  REHEARSE_TRY(Publish(paths.sum, fmt::format("{}\nlm {}\ndict {}\nwords {}\nstories {}\n", kFormat, Checksum(lm),
                                              Checksum(dict), out.words, out.stories)));
  Prune(options.cache_dir, options.keep);
  out.built = true;
  out.unpronounceable = lexicon.unpronounceable;
  out.seconds = elapsed();
  return out;
}

}  // namespace rehearse
