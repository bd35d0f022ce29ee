#pragma once
// The kinds of lint rule, and the table the loader picks them from. A kind reads its
// own settings from RuleParams when the rule is built (patterns are compiled then,
// once) and only matches when it runs.
//
//   existence     fires on each match of its patterns (unless an exception is near)
//   substitution  fires on a phrase and proposes the phrase to say instead
//   ratio         fires when one set of words outweighs another ("we" against "I")
//   required      fires when a scope lacks what it must have (a figure, an obstacle)
//   sections      fires for each of the framework's sections the answer lacks
//   length        fires when the estimated speaking time is out of bounds
//   balance       fires when the time split strays from the framework's
//   pace          fires when a spoken answer's words per minute are out of bounds

#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lint/rule.h"
#include "util/result.h"

namespace rehearse {

// One setting of a rule file, with where it was written ("rules/blame.toml:4:1").
struct ParamValue {
  enum class Type { kString, kStrings, kNumber, kBool, kPairs } type = Type::kString;
  std::vector<std::string> strings;                       // kString (one) and kStrings
  std::vector<std::pair<std::string, std::string>> pairs;  // kPairs: a table of phrase = replacement
  double number = 0;
  bool boolean = false;
  std::string where;
};

struct RuleParams {
  std::string where;  // The rule file, for errors about missing settings.
  std::map<std::string, ParamValue, std::less<>> values;

  // Each fails with "where: what" when the setting has the wrong type, or is missing
  // and required.
  Result<std::vector<std::string>> Strings(std::string_view key, bool required) const;
  Result<double> Number(std::string_view key, double fallback) const;
  Result<bool> Bool(std::string_view key, bool fallback) const;
  Result<std::vector<std::pair<std::string, std::string>>> Pairs(std::string_view key) const;
  const std::string& Where(std::string_view key) const;
};

struct RuleKind {
  std::string_view name;
  std::vector<std::string_view> keys;  // The settings this kind reads, beyond the common ones.
  Result<std::unique_ptr<Rule>> (*make)(RuleInfo info, const RuleParams& params);
};

std::span<const RuleKind> RuleKinds();
const RuleKind* FindRuleKind(std::string_view name);

}  // namespace rehearse
