#pragma once
// Runs an external program (IRSTLM, sphinx_lm_convert, espeak-ng) as a separate
// process: no shell, arguments passed as they are, standard input from a string,
// output captured, and a time limit after which the process and its children are
// killed. The only place that forks.

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

#include "util/result.h"

namespace rehearse {

struct ToolCommand {
  std::vector<std::string> argv;  // argv[0] is looked up on $PATH.
  std::string package;            // The Debian package that provides it, for errors.
  std::string input;              // Written to the program's standard input.
  std::chrono::milliseconds limit{60000};
  std::string workdir;            // Empty: ours.
  // When set and it becomes true, the program is killed as on a timeout.
  const std::atomic<bool>* cancel = nullptr;
};

struct ToolOutput {
  std::string out;  // Standard output.
  std::string err;  // Standard error (kept to its last 4 KiB).
};

// Runs `command` to its end. Fails, saying what to install, when the program is not
// found; when it runs past its limit or is cancelled (it is killed); and when it exits with a non-zero
// status or dies of a signal (the error quotes the end of its standard error).
Result<ToolOutput> RunTool(const ToolCommand& command);

}  // namespace rehearse
