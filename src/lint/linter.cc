#include "lint/linter.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "lint/lexicons.h"
#include "text/fold.h"
#include "text/sentences.h"
#include "util/text.h"

namespace rehearse {

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kSuggestion: return "suggestion";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "warning";
}

std::vector<Span> LintInput::Scope(std::string_view scope) const {
  if (scope == "answer") return {Span{0, text.size()}};
  std::vector<Span> out;
  SectionRole role;
  bool by_role = ParseRole(scope, &role);
  std::string lower = ToLower(scope);
  for (const auto& seg : segmentation.segments) {
    if (seg.index < 0) continue;
    const FrameworkSection& s = framework->sections[static_cast<size_t>(seg.index)];
    if (by_role ? s.role == role : ToLower(s.name) == lower) out.push_back(seg.span);
  }
  return out;
}

std::string LintInput::SectionAt(size_t offset) const {
  for (const auto& seg : segmentation.segments) {
    if (offset >= seg.span.start && offset < seg.span.end) return seg.name;
  }
  return "";
}

int LintInput::SentenceAt(size_t offset) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                             [](size_t o, const Span& s) { return o < s.start; });
  if (it == sentences.begin()) return -1;
  --it;
  return offset < it->end ? static_cast<int>(it - sentences.begin()) : -1;
}

bool LintReport::HasErrors() const {
  return std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Severity::kError; });
}

std::vector<std::string> AllSectionNames(const Catalog& catalog) {
  std::vector<std::string> out;
  for (const auto& f : catalog.frameworks) {
    for (const auto& s : f.sections) {
      if (std::find(out.begin(), out.end(), s.name) == out.end()) out.push_back(s.name);
    }
  }
  return out;
}

std::string StoryAnswerText(const Story& story) {
  std::string out;
  for (const auto& s : story.sections) {
    if (!out.empty()) out += "\n\n";
    out += s.name + ":\n" + s.text;
  }
  return out;
}

Linter::Linter(RuleSet rules, const Catalog& catalog)
    : rules_(std::move(rules)), catalog_(catalog), labels_(catalog.labels, catalog.frameworks) {}

namespace {

// The score, 0-100, as a coach reads it: structure 20, balance 10, length 10 and
// findings 60. A finding costs by its level: an error 45 (so an answer an interviewer
// would reject, with no figure in its result, blame or no example, stays under 60), a
// warning 10, a suggestion 3. Balance and length are measured by their own parts, so
// their rules cost no findings points too; a missing section costs both (structure
// and an error), as an interviewer who gets no result hears nothing else.
void Score(const LintInput& in, bool quick, LintReport& r) {
  const auto& sections = in.framework->sections;
  int present = 0;
  for (size_t k = 0; k < sections.size(); ++k) present += in.segmentation.Find(static_cast<int>(k)) != nullptr;
  int structure = static_cast<int>(std::lround(20.0 * present / static_cast<double>(sections.size())));
  r.parts.push_back({"structure", structure, 20,
                     fmt::format("{} of {} {} sections present", present, sections.size(), in.framework->id)});

  double deviation = 0;
  for (const auto& s : r.split) deviation += std::abs(s.share - s.target / 100.0);
  deviation /= 2;  // 0 = the framework's split exactly, 1 = nothing where it should be
  int balance = present ? static_cast<int>(std::lround(10.0 * (1.0 - deviation))) : 0;
  r.parts.push_back({"balance", balance, 10, fmt::format("{:.0f}% of the time is away from the {} split", deviation * 100, in.framework->id)});

  double s = r.seconds;
  double low = quick ? 20 : 60;
  double length_ratio = s < low ? s / low : s > 180 ? std::max(0.0, 1.0 - (s - 180) / 180) : 1.0;
  int length = static_cast<int>(std::lround(10.0 * length_ratio));
  r.parts.push_back({"length", length, 10,
                     fmt::format("{:.0f} s at {:.0f} words a minute (aim for {:.0f}-180 s)", s, in.words_per_minute, low)});

  int errors = 0, warnings = 0, suggestions = 0;
  for (const auto& f : r.findings) {
    if (f.rule == "structure.balance" || f.rule.starts_with("length.")) continue;
    (f.severity == Severity::kError ? errors : f.severity == Severity::kWarning ? warnings : suggestions)++;
  }
  int findings = std::max(0, 60 - 45 * errors - 10 * warnings - 3 * suggestions);
  r.parts.push_back({"findings", findings, 60,
                     fmt::format("{} errors, {} warnings, {} suggestions (-45, -10, -3 each)", errors, warnings, suggestions)});
  r.score = structure + balance + length + findings;
}

}  // namespace

Result<LintReport> Linter::Lint(std::string_view text, const LintOptions& options) const {
  if (Trim(text).empty()) return Error{"nothing to lint: the answer is empty"};
  if (auto bad = FindInvalidUtf8(text)) {
    LineCol lc = LineColOf(text, *bad);
    return Error{fmt::format("{}:{}: invalid UTF-8 (byte 0x{:02X}); save the answer as UTF-8", lc.line, lc.col,
                             static_cast<unsigned char>(text[*bad]))};
  }
  const Framework* framework = catalog_.FindFramework(options.framework);
  if (!framework) {
    std::vector<std::string> known;
    for (const auto& f : catalog_.frameworks) known.push_back(f.id);
    return Error{fmt::format("unknown framework \"{}\" (known: {})", options.framework, Join(known, ", "))};
  }
  if (!(options.words_per_minute > 0)) return Error{"the pace must be a positive number of words a minute"};

  FoldedText folded = FoldTypography(text);
  LintInput in;
  in.text = folded.text;
  in.original = text;
  in.origin = &folded.origin;
  in.framework = framework;
  in.spoken = options.spoken;
  in.seconds = options.seconds;
  in.words_per_minute = options.words_per_minute;
  in.segmentation = SegmentAnswer(in.text, *framework, labels_);
  // A spoken answer with its duration is timed at the speaker's own pace, so that its
  // length is the real one, not an estimate.
  if (options.spoken && options.seconds > 0 && in.segmentation.words > 0) {
    in.words_per_minute = in.segmentation.words * 60.0 / options.seconds;
  }
  if (in.segmentation.labeled) {
    for (const Span& s : SplitSentences(in.text, in.segmentation.preamble)) in.sentences.push_back(s);
  }
  for (const auto& seg : in.segmentation.segments) {
    in.sentences.insert(in.sentences.end(), seg.sentences.begin(), seg.sentences.end());
  }
  in.lexicon = &BuiltinLexicon();
  in.parses.reserve(in.sentences.size());
  for (const Span& s : in.sentences) in.parses.push_back(ParseSentence(in.text, s, *in.lexicon));

  LintReport r;
  r.framework = framework->id;
  for (const auto& loaded : rules_.rules) loaded.rule->Check(in, r.findings);
  if (options.quick) {
    std::erase_if(r.findings, [](const Finding& f) { return f.rule == "length.short"; });
  }
  std::stable_sort(r.findings.begin(), r.findings.end(),
                   [](const Finding& a, const Finding& b) { return a.span.start < b.span.start; });

  r.words = in.segmentation.words;
  r.seconds = r.words * 60.0 / in.words_per_minute;
  int in_sections = 0;
  for (const auto& seg : in.segmentation.segments) {
    if (seg.index >= 0) in_sections += seg.words;
  }
  for (size_t k = 0; k < framework->sections.size(); ++k) {
    const Segment* seg = in.segmentation.Find(static_cast<int>(k));
    SectionStat st{framework->sections[k].name, seg ? seg->words : 0, 0, 0, framework->sections[k].share};
    st.seconds = st.words * 60.0 / in.words_per_minute;
    st.share = in_sections ? static_cast<double>(st.words) / in_sections : 0;
    r.split.push_back(st);
  }
  Score(in, options.quick, r);
  r.segmentation = std::move(in.segmentation);
  // Segments point at the answer as written, as findings do.
  r.segmentation.preamble = in.ToOriginal(r.segmentation.preamble);
  for (auto& seg : r.segmentation.segments) {
    seg.span = in.ToOriginal(seg.span);
    for (auto& s : seg.sentences) s = in.ToOriginal(s);
  }
  return r;
}

}  // namespace rehearse
