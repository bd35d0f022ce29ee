#pragma once
// The answer linter: segments an answer into its framework's sections, times it,
// runs every rule and scores it 0-100 with the parts of the score explained.

#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "lint/loader.h"
#include "lint/rule.h"
#include "model/story.h"
#include "util/result.h"

namespace rehearse {

struct LintOptions {
  std::string framework = "STAR";
  bool spoken = false;       // A transcript of a spoken answer: delivery rules apply.
  double seconds = 0;        // Spoken: how long it took (0 when unknown).
  double words_per_minute = 150;
  // A quick answer to a follow-up question: 20-60 s is the right length, so shortness
  // is neither a finding nor a cost.
  bool quick = false;
};

struct SectionStat {
  std::string name;
  int words = 0;
  double seconds = 0;
  double share = 0;  // Of the answer's words in framework sections, 0..1.
  int target = 0;    // The framework's share, percent.
};

struct ScorePart {
  std::string name;
  int points = 0;
  int max = 0;
  std::string why;
};

struct LintReport {
  std::string framework;
  std::vector<Finding> findings;  // In text order.
  int words = 0;
  double seconds = 0;
  std::vector<SectionStat> split;  // In framework order, missing sections at 0.
  int score = 0;
  std::vector<ScorePart> parts;
  Segmentation segmentation;
  bool HasErrors() const;
};

class Linter {
 public:
  Linter(RuleSet rules, const Catalog& catalog);

  // Lints `text`. Fails on an empty answer, text that is not UTF-8 (naming line and
  // column), an unknown framework or a pace that is not positive.
  Result<LintReport> Lint(std::string_view text, const LintOptions& options) const;

  const RuleSet& rules() const { return rules_; }

 private:
  RuleSet rules_;
  const Catalog& catalog_;
  LabelReader labels_;
};

// A story as an answer: each section as "Name:" followed by its text.
std::string StoryAnswerText(const Story& story);

// The section names of every framework in `catalog`, for rule scopes and labels.
std::vector<std::string> AllSectionNames(const Catalog& catalog);

}  // namespace rehearse
