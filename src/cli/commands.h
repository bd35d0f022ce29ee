#pragma once
// The rehearse commands, as one table: each entry names a command, declares its
// options and runs it. main() builds the command line from this table.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace rehearse::cli {

// Every option of every command; each command reads the ones it declared.
struct Options {
  std::string db;    // --db
  bool json = false; // --json
  std::string file;  // import FILE
  bool demo = false;
  bool dry_run = false;
  std::vector<int> skip_lines;            // import --skip LINE
  std::vector<std::string> use_framework; // import --use LINE=FRAMEWORK
  std::string key;   // show/history/restore KEY
  int rev = 0;
  std::string format = "md";
  std::string output;  // -o FILE
  std::string paper = "a4";  // export --paper
  std::string note_from;     // notes --set FILE
  std::string search;
  std::string framework;
  std::string kind;
  std::string theme;
  std::string company;
  std::string value;
  std::string data_dir;  // --data
  // lint
  bool all = false;
  std::string jsonl;
  std::vector<std::string> rule_packs;
  std::vector<std::string> disabled_rules;
  double wpm = 150;
  bool spoken = false;
  std::string audio;  // lint/practice answer --audio FILE
  bool general_speech = false;  // transcribe/lint --audio: the general model, not the bank's
  double seconds = 0;
  bool explain = false;
  bool list_rules = false;
  // classify / match / plan
  std::string question;
  int top = 5;
  // practice
  std::string action;       // next, answer, due, drill, progress; "" for the interactive session
  std::string session;
  std::string question_id;  // --question
  int64_t seed = -1;        // -1: a fresh random choice
  bool allow_repeat = false;
  double think = 5;         // Seconds to pick a story before the clock starts.
  // serve
  std::string host = "127.0.0.1";
  int port = 7878;
};

struct Command {
  const char* name;
  const char* help;
  void (*setup)(CLI::App& cmd, Options& options);
  int (*run)(const Options& options);  // Returns the exit status.
};

std::span<const Command> Commands();

}  // namespace rehearse::cli
