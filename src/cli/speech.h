#pragma once
// Spoken answers on the command line: `rehearse transcribe`, and the --audio option of
// `lint` and `practice answer`.

#include <string>

#include "cli/common.h"
#include "speech/spoken_answer.h"

namespace CLI {
class App;
}

namespace rehearse::cli {

void SetupTranscribe(CLI::App& cmd, Options& o);
int RunTranscribe(const Options& o);

// Recognises the WAV file at `path` (saying on stderr what it is doing when that takes
// a while) with the language model of the bank (--db), weighted to the story being
// told (--story), built first when missing or stale; with the general model when
// --general is given, the bank has no stories, or its model cannot be built (said on
// stderr). `model` gets "bank" or "general". Fails on a file that is not 16-bit PCM
// WAV, a missing speech model, or a recording with no words in it.
Result<Transcript> TranscribeFile(const std::string& path, const Options& o, std::string* model = nullptr);

// Adds --story and --general to a command that transcribes.
void SetupSpeechModelOptions(CLI::App& cmd, Options& o);

// "0:42 recorded · 98 words in 0:39 · 151 words a minute · …" and the section times.
void PrintDelivery(const SpokenAnswer& answer);

}  // namespace rehearse::cli
