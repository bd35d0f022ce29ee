// rehearse: a local-first behavioral-interview coach. This file only wires the
// command table (commands.cc) to the command line.

#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/commands.h"

int main(int argc, char** argv) {
  using rehearse::cli::Commands;
  CLI::App app{"rehearse: turn your career stories into strong, timed, honest interview answers.\n"
               "Everything stays on this machine."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "rehearse 0.1.0");
  rehearse::cli::Options options;
  const rehearse::cli::Command* chosen = nullptr;
  for (const auto& command : Commands()) {
    CLI::App* sub = app.add_subcommand(command.name, command.help);
    sub->add_option("--db", options.db, "Bank file (default: $REHEARSE_DB, else $XDG_DATA_HOME/rehearse/rehearse.db)");
    sub->add_option("--data", options.data_dir,
                    "Folder with your own frameworks.toml, questions.toml and companies/*.toml "
                    "(default: $REHEARSE_DATA, else $XDG_CONFIG_HOME/rehearse)");
    sub->add_flag("--json", options.json, "Print JSON for other programs");
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
