#pragma once
// A Company profile: the values an interviewer from that company listens for, each
// with a description and the keywords that signal it. Plain data; no I/O.

#include <string>
#include <string_view>
#include <vector>

namespace rehearse {

struct CompanyValue {
  std::string name;  // Canonical: "Insist on the Highest Standards".
  std::vector<std::string> aliases;
  std::string description;
  std::vector<std::string> keywords;
  // Values of other profiles this one resembles, as "company:Value" ("amazon:Ownership"):
  // questions labeled with those also teach the values model about this one.
  std::vector<std::string> related;
  std::string where;  // "file:line:col" of the value's table, for errors found later.
  // ValueSignature of the name and of each alias, in that order. Filled by the catalog
  // reader (FindValue computes them when empty): the question bank looks values up
  // thousands of times at start-up.
  std::vector<std::vector<std::string>> signatures;
};

struct Company {
  std::string id;    // "amazon"
  std::string name;  // "Amazon"
  std::string values_title;  // "Leadership Principles"
  std::string source;        // The page the values come from (URL), and the date it was read.
  std::string source_date;   // "2026-11-30"
  std::vector<CompanyValue> values;

  // Finds the value a guide means by `written`, tolerant of the ways guides spell
  // values: case, punctuation, small words ("Insist on Highest Standards"), a
  // parenthetical gloss ("Googleyness (Humility, ...)"), word order ("Leadership
  // (Emergent)") and the profile's aliases. Returns nullptr when none matches.
  const CompanyValue* FindValue(std::string_view written) const;
};

// The words of `s` that carry meaning, lowercased and sorted: what FindValue compares.
std::vector<std::string> ValueSignature(std::string_view s);

}  // namespace rehearse
