#pragma once
// A Framework is an ordered list of sections (Situation, Action, ...), each with a
// prompt and a share of the answer's speaking time. Plain data; no I/O.

#include <string>
#include <string_view>
#include <vector>

namespace rehearse {

// What a section does in an answer; the linter and the metric extractor reason with
// roles, never with section names, so user frameworks work the same way.
enum class SectionRole { kContext, kTask, kAction, kResult, kLearning };

std::string_view RoleName(SectionRole role);
// Returns false when `name` is not one of context/task/action/result/learning.
bool ParseRole(std::string_view name, SectionRole* role);

struct FrameworkSection {
  std::string name;  // The label a guide uses: "Situation", "Go through".
  std::string prompt;
  SectionRole role = SectionRole::kContext;
  int share = 0;  // Percent of speaking time; a framework's shares sum to 100.
};

struct Framework {
  std::string id;  // "STAR"
  std::string best_for;
  std::vector<FrameworkSection> sections;

  // Returns the section whose name matches `name` ignoring case, or nullptr.
  const FrameworkSection* FindSection(std::string_view name) const;
};

// A pattern in a question's wording that calls for a framework ("how did you
// overcome" -> SOAR), with its weight and the reason told to the user.
struct FrameworkCue {
  std::string framework;
  std::string pattern;  // RE2, matched case-insensitively.
  double weight = 1;
  std::string why;
};

}  // namespace rehearse
