#pragma once
// The pre-interview commands: the printable exports (`export --format html|anki`),
// `checklist` and `notes` (prep_commands.cc).

#include "cli/common.h"

namespace CLI {
class App;
}

namespace rehearse::cli {

// `export` for the formats html and anki.
int RunPrintableExport(const Options& o);
void SetupChecklist(CLI::App& cmd, Options& o);
int RunChecklist(const Options& o);
void SetupNotes(CLI::App& cmd, Options& o);
int RunNotes(const Options& o);

}  // namespace rehearse::cli
