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
// a while). Fails on a file that is not 16-bit PCM WAV, a missing speech model, or a
// recording with no words in it.
Result<Transcript> TranscribeFile(const std::string& path);

// "0:42 recorded · 98 words in 0:39 · 151 words a minute · …" and the section times.
void PrintDelivery(const SpokenAnswer& answer);

}  // namespace rehearse::cli
