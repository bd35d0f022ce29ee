// rehearse: a local-first behavioral-interview coach. This file only wires the
// command table (commands.cc) to the command line.

#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/commands.h"

namespace {

// The options every command takes. They are declared on the program and on each
// command, so they work before or after the command's name, as with git or kubectl:
// `rehearse --db b.db stories` and `rehearse stories --db b.db` are the same.
void AddCommonOptions(CLI::App& app, rehearse::cli::Options& options) {
  app.add_option("--db", options.db, "Bank file (default: $REHEARSE_DB, else $XDG_DATA_HOME/rehearse/rehearse.db)");
  app.add_option("--data", options.data_dir,
                 "Folder with your own frameworks.toml, questions.toml and companies/*.toml "
                 "(default: $REHEARSE_DATA, else $XDG_CONFIG_HOME/rehearse)");
  app.add_flag("--json", options.json, "Print JSON for other programs");
}

}  // namespace

int main(int argc, char** argv) {
  using rehearse::cli::Commands;
  CLI::App app{"rehearse: turn your career stories into strong, timed, honest interview answers.\n"
               "Everything stays on this machine."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "rehearse 0.1.0");
  app.footer("--db, --data and --json work before or after the command: rehearse --db bank.db import guide.md\n"
             "See `rehearse COMMAND --help` for a command's own options.");
  rehearse::cli::Options options;
  AddCommonOptions(app, options);
  const rehearse::cli::Command* chosen = nullptr;
  for (const auto& command : Commands()) {
    CLI::App* sub = app.add_subcommand(command.name, command.help);
    AddCommonOptions(*sub, options);
    command.setup(*sub, options);
    sub->callback([&chosen, &command] { chosen = &command; });
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  std::fflush(stdout);
  return chosen ? chosen->run(options) : 2;
}
