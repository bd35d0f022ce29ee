#pragma once
// What a lint rule sees and what it reports. Rules are data (TOML files, see
// loader.h); each kind of rule is one class (kinds.h) that turns the data into
// findings.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/framework.h"
#include "text/clauses.h"
#include "text/segment.h"

namespace rehearse {

enum class Severity { kSuggestion, kWarning, kError };
std::string_view SeverityName(Severity s);

struct Finding {
  std::string rule;
  Severity severity = Severity::kWarning;
  std::string message;
  std::string suggestion;
  std::string section;  // Where it points; "" for the whole answer.
  Span span;            // UTF-8 byte span in the answer.
};

// An answer prepared for the rules: its text, framework, sections and timing.
struct LintInput {
  // The answer with its typography folded to ASCII (text/fold.h): what rules match
  // and what every span below points into.
  std::string_view text;
  std::string_view original;                    // The answer as written.
  const std::vector<uint32_t>* origin = nullptr;  // Folded byte -> original byte; null when equal.
  const Framework* framework = nullptr;
  Segmentation segmentation;
  std::vector<Span> sentences;  // Every sentence of the answer, in order.
  std::vector<ParsedSentence> parses;  // The clauses of each of `sentences`, same order.
  const Lexicon* lexicon = nullptr;    // The word knowledge the parses were made with.
  bool spoken = false;
  double seconds = 0;  // Spoken answers: how long it took; 0 when unknown.
  double words_per_minute = 150;  // The pace that turns words into seconds.

  // The spans a rule with `scope` looks at: the whole answer ("answer"), the
  // sections with a role ("action"), or a section by name ("Obstacle").
  std::vector<Span> Scope(std::string_view scope) const;
  // The name of the section holding byte `offset`, or "".
  std::string SectionAt(size_t offset) const;
  // The index in `sentences` of the sentence holding byte `offset`, or -1.
  int SentenceAt(size_t offset) const;
  std::string_view Slice(Span s) const { return text.substr(s.start, s.size()); }
  // The span of the answer as written that folded span `s` covers.
  Span ToOriginal(Span s) const { return origin ? Span{(*origin)[s.start], (*origin)[s.end]} : s; }
};

// Settings every rule has, whatever its kind.
struct RuleInfo {
  std::string id;
  std::string kind;
  Severity severity = Severity::kWarning;
  std::string scope = "answer";
  std::string message;  // "%s" stands for the matched text.
  std::string suggestion;
  bool spoken_only = false;  // Only for transcripts of spoken answers.
  bool labeled_only = false; // Only for answers written with section labels.
};

class Rule {
 public:
  explicit Rule(RuleInfo info) : info_(std::move(info)) {}
  virtual ~Rule() = default;
  const RuleInfo& info() const { return info_; }

  // Appends this rule's findings on `input` to `out`. Never fails: rules were checked
  // when they were loaded.
  void Check(const LintInput& input, std::vector<Finding>& out) const {
    if (info_.spoken_only && !input.spoken) return;
    if (info_.labeled_only && !input.segmentation.labeled) return;
    Run(input, out);
  }

 protected:
  virtual void Run(const LintInput& input, std::vector<Finding>& out) const = 0;
  // A finding of this rule at `span`, with "%s" in the message replaced by `match`.
  Finding Report(const LintInput& input, Span span, std::string_view match, std::string message = "") const;

 private:
  RuleInfo info_;
};

}  // namespace rehearse
