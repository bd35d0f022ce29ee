#pragma once
// A language model per bank: a trigram model of what the user will say when they tell
// their stories (speech/lm_corpus.h), with a dictionary that pronounces every word of
// it (speech/pronunciations.h), for PocketSphinx. Built with well-kept tools run as
// separate processes: IRSTLM's estimator `tlm` (the program behind its build-lm
// scripts, in one process: 0.3 s of CPU for the demo bank against build-lm's 2 s, and
// the same word error rate with Witten-Bell smoothing) writes standard ARPA text, and sphinxbase's sphinx_lm_convert turns it into
// PocketSphinx's binary trie format, quick to load.
//
// Cached by a hash of its training text beside the bank file (BANK.speech/), so that
// a bank that has not changed is never built twice; a cached model is checked against
// the checksums written with it before use, and one that fails the check is built
// again. Building takes about a second for 30 stories.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/story.h"
#include "speech/lm_corpus.h"
#include "speech/recognizer.h"
#include "util/result.h"

namespace rehearse {

struct BankModelOptions {
  std::string general_model;  // The pocketsphinx-en-us folder (DefaultSpeechModel()).
  std::string cache_dir;      // Where models are kept (SpeechCacheDir()).
  std::string focus_key;      // The story being told, weighted in the model; "" when unknown.
  CorpusOptions corpus;
  int order = 3;              // Trigrams.
  // IRSTLM's smoothing (tlm -lm). Witten-Bell: Kneser-Ney's lower orders count the
  // contexts a word follows, not its occurrences, so they ignore the story being told
  // however often it is repeated (measured: WER 0.377 against 0.430 for improved
  // Kneser-Ney). Witten-Bell again when another one cannot estimate its discounts.
  std::string smoothing = "wb";
  std::chrono::milliseconds tool_limit{60000};  // Per external tool run.
  const std::atomic<bool>* cancel = nullptr;     // Stops a build when it turns true.
  size_t keep = 32;           // Models kept in the cache; the least recently used go.
};

struct BankModel {
  SpeechModel model;    // The general model when the bank has no story with words.
  bool built = false;   // Built now, rather than found in the cache.
  std::string hash;     // 16 hex digits; "" for the general model.
  int stories = 0;
  int words = 0;        // The model's vocabulary.
  std::vector<std::string> unpronounceable;  // Words left out of it.
  double seconds = 0;   // Time taken to find or build it.
};

// The search settings measured for bank models.
SearchSettings BankSearchSettings();

// The folder for `bank_path`'s models: "BANK.speech" beside it; for a bank with no
// file (":memory:", ""), a folder in the system's temporary directory.
std::string SpeechCacheDir(const std::string& bank_path);

// The model for `stories` (see above). Fails when a tool is missing (naming its
// Debian package), fails or runs past its limit, or the cache cannot be written;
// callers fall back to the general model. Never leaves a half-written model behind.
Result<BankModel> FindOrBuildBankModel(const std::vector<Story>& stories, const BankModelOptions& options);

// The identity of the model for `stories` (and options.focus_key): the hash of its
// training text and settings; "" when no story has words (the general model serves).
std::string BankModelKey(const std::vector<Story>& stories, const BankModelOptions& options);

// The model for `stories` when it is in the cache and sound (or the general model,
// when the stories have no words), without building anything; nullopt otherwise.
std::optional<BankModel> FindCachedBankModel(const std::vector<Story>& stories, const BankModelOptions& options);

}  // namespace rehearse
