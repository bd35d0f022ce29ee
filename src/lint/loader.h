#pragma once
// Reads lint rules from TOML files: the default pack compiled into rehearse
// (data/rules/default/) and the user's packs. One file per rule; the only lint code
// that sees TOML. Every mistake in a rule file is an error naming file:line:col.

#include <memory>
#include <string>
#include <vector>

#include "lint/rule.h"
#include "util/result.h"

namespace rehearse {

// An example a rule file carries: text the rule must fire on, or must not.
struct RuleExample {
  bool fires = true;
  std::string text;
  std::string framework = "STAR";
  bool spoken = false;
  double seconds = 0;
  std::string where;  // file:line:col of the example
};

struct LoadedRule {
  std::unique_ptr<Rule> rule;
  std::vector<RuleExample> examples;
  std::string file;
};

struct RuleSet {
  std::vector<LoadedRule> rules;  // Sorted by id.
  const LoadedRule* Find(std::string_view id) const;
};

// Loads the default pack, then every *.toml in each of `packs` (a rule whose id is
// already loaded replaces it), then drops the rules in `disabled`. `section_names`
// are the sections a rule's scope may name besides "answer" and the roles. Fails on
// the first bad file, and on a disabled id that no rule has.
Result<RuleSet> LoadRules(const std::vector<std::string>& packs, const std::vector<std::string>& disabled,
                          const std::vector<std::string>& section_names);

// Reads one rule file's text (for tests and fuzzing); `file` names it in errors.
Result<LoadedRule> ParseRule(std::string_view text, const std::string& file, const std::string& default_id,
                             const std::vector<std::string>& section_names);

}  // namespace rehearse
