#include "practice/followup.h"

#include <algorithm>

#include <fmt/format.h>
#include <re2/re2.h>

#include "importer/metrics.h"
#include "practice/drill.h"
#include "text/sentences.h"
#include "util/text.h"

namespace rehearse {
namespace {

// Cue lists: what the answer says when it does cover the point a probe asks about.
// Compiled once, thread-safely (the server lints from several threads).
struct Cues {
  re2::RE2 we{R"((?i)\b(we|our|us)\b)"};
  re2::RE2 we_did{R"((?i)\bwe\b)"};
  re2::RE2 i{R"(\bI\b|(?i:\b(my|me|myself)\b))"};
  re2::RE2 evidence{
      R"((?i)\b(data|metrics?|measur\w*|benchmark\w*|profil\w*|logs?|dashboards?|traces?|tracing|graphs?|a/b|)"
      R"(experiments?|tested|testing|analy[sz]\w*|survey\w*|numbers|p9\d|flame ?graphs?|baseline))"};
  re2::RE2 claim{
      R"((?i)\b(right|best|better|worked|fixed|solved|improved|faster|slower|successful\w*|effective|correct|)"
      R"(root cause|the (issue|problem|culprit) was|realized|knew|clearly|obvious\w*))"};
  re2::RE2 risk{
      R"((?i)\b(risks?|risky|fallback|fall back|roll ?back|rolled back|plan b|backup plan|mitigat\w*|)"
      R"(feature flags?|canary|staged|contingency|what if|worst case|trade-?offs?|could fail|might fail|)"
      R"(safety net|kill switch|revert\w*|behind a flag|flagged|dark launch\w*|gradual\w*|pilot\w*))"};
  // A decision, up to the end of its clause ("decided to ship it behind a flag").
  re2::RE2 decision{
      R"((?i)\b((?:decided|chose|opted|went with|settled on|made the call|picked|proposed)\b[^.;:!?,\n]*?))"
      R"((?:[.;:!?,\n]| and (?:I|we|then)\b|$))"};
  re2::RE2 duration{R"((?i)\b(days?|weeks?|months?|quarters?|sprints?|hours?|years?)\b)"};
};

const Cues& Cue() {
  static const Cues cues;
  return cues;
}

int Count(const re2::RE2& re, std::string_view text) {
  re2::StringPiece input(text.data(), text.size());
  int n = 0;
  while (re2::RE2::FindAndConsume(&input, re)) ++n;
  return n;
}

bool Has(const re2::RE2& re, std::string_view text) { return re2::RE2::PartialMatch(text, re); }

bool Fired(const LintReport& report, std::string_view rule) {
  return std::any_of(report.findings.begin(), report.findings.end(),
                     [&](const Finding& f) { return f.rule == rule; });
}

// A sentence, trimmed and cut to a quotable length.
std::string Quote(std::string_view sentence, size_t max_chars = 120) {
  std::string s(Trim(sentence));
  while (!s.empty() && (s.front() == '-' || s.front() == '*' || s.front() == ' ')) s.erase(0, 1);
  // A section label ("Action: I ...") is not part of what was said.
  size_t colon = s.find(": ");
  if (colon != std::string::npos && colon < 20 && s.find(' ') >= colon) s.erase(0, colon + 2);
  while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.pop_back();
  if (Utf8Length(s) > max_chars) s = Utf8Truncate(s, max_chars);
  return s;
}

// The first sentence of `answer` matching `pattern` (and, when `without_figure`,
// quoting no figure); "" when none.
std::string FirstSentence(std::string_view answer, const re2::RE2& pattern, bool without_figure = false) {
  for (Span sp : SplitSentences(answer, Span{0, answer.size()})) {
    std::string_view s = answer.substr(sp.start, sp.size());
    if (!Has(pattern, s)) continue;
    if (without_figure && HasFigure(s)) continue;
    return Quote(s);
  }
  return "";
}

// What follows a decision verb, up to the end of its clause.
std::string DecisionClause(std::string_view answer) {
  re2::StringPiece input(answer.data(), answer.size());
  re2::StringPiece verb;
  if (!re2::RE2::FindAndConsume(&input, Cue().decision, &verb)) {
    return "";
  }
  return Quote(std::string_view(verb.data(), verb.size()), 80);
}

// The story's own metric behind a figure quoted in the answer (they quote the same
// numbers, one a part of the other), else the quote itself.
std::string NameMetric(const std::vector<std::string>& quoted, const std::vector<std::string>& story_metrics,
                       std::string* from_story) {
  auto within = [](const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return !a.empty() && std::all_of(a.begin(), a.end(), [&](const std::string& n) {
      return std::find(b.begin(), b.end(), n) != b.end();
    });
  };
  for (const auto& q : quoted) {
    std::vector<std::string> qn = Numbers(q);
    for (const auto& m : story_metrics) {
      std::vector<std::string> mn = Numbers(m);
      if (within(qn, mn) || within(mn, qn)) {
        *from_story = m;
        return m;
      }
    }
  }
  return quoted.empty() ? "" : quoted.front();
}

std::string InProject(const Story* story) {
  return story && !story->project.empty() ? fmt::format(" on {}", story->project) : "";
}

}  // namespace

std::vector<FollowUp> ChooseFollowUps(std::string_view answer, const LintReport& report, const Story* story,
                                      const Catalog& catalog, size_t max) {
  std::vector<FollowUp> out;
  auto add = [&](std::string probe, std::string question, std::string why) {
    if (std::none_of(out.begin(), out.end(), [&](const FollowUp& f) { return f.probe == probe; })) {
      out.push_back({std::move(probe), std::move(question), std::move(why)});
    }
  };

  // "We" everywhere: the interviewer cannot tell what the candidate did.
  int we = Count(Cue().we, answer), i = Count(Cue().i, answer);
  if (Fired(report, "ownership.we") || (we >= 3 && we > i)) {
    std::string said = FirstSentence(answer, Cue().we_did);
    add("ownership",
        said.empty() ? fmt::format("What was your part, specifically{}? Which of those steps did you do yourself?",
                                   InProject(story))
                     : fmt::format("You said \"{}\". What was your part, specifically: which of those steps did you "
                                   "do yourself?",
                                   said),
        fmt::format("the answer says \"we\" {} times and \"I\" {} times", we, i));
  }

  // A claim with nothing behind it.
  bool evidence = Has(Cue().evidence, answer);
  std::string claim = FirstSentence(answer, Cue().claim, /*without_figure=*/true);
  if (!evidence && (!claim.empty() || Fired(report, "results.unquantified") || Fired(report, "results.hedged"))) {
    add("evidence",
        claim.empty() ? std::string("How did you know it was the right approach? What data told you?")
                      : fmt::format("You said \"{}\". How did you know it was the right approach? What data told you?",
                                    claim),
        "a claim with no data, measurement or test behind it");
  }

  // A figure quoted: how was it measured? Named as the story names it.
  std::vector<std::string> quoted = ExtractMetrics(answer);
  std::vector<std::string> story_metrics = story ? StoryMetrics(*story, catalog) : std::vector<std::string>{};
  std::string from_story;
  std::string metric = NameMetric(quoted, story_metrics, &from_story);
  if (!metric.empty()) {
    add("metric",
        fmt::format("You quoted {}. How did you measure that, and what was the baseline before?", metric),
        from_story.empty() ? "a figure quoted in the answer" : "a figure from the story's result");
  }

  // Everything went to plan: no risk, no fallback.
  if (Fired(report, "realism.no-obstacle") || !Has(Cue().risk, answer)) {
    add("risk", fmt::format("What if it hadn't worked? What was your fallback{}?", InProject(story)),
        "no risk, fallback or rollback is named");
  }

  // A decision: what else was on the table?
  if (Has(Cue().decision, answer)) {
    std::string clause = DecisionClause(answer);
    add("alternatives",
        fmt::format("You {}. What alternatives did you consider, and why did you rule them out?",
                    clause.empty() ? std::string("made a call") : clause),
        "a decision with no alternatives weighed");
  }

  // The story has numbers the answer left out.
  if (quoted.empty() && !story_metrics.empty()) {
    add("impact", "What was the impact, in numbers?",
        fmt::format("the story's result quotes {} but the answer gives no figure", story_metrics.front()));
  }

  // The method's standard probes, for answers that cover the above.
  if (Fired(report, "emotion.unspecific")) {
    add("hardest", "What was the hardest part, concretely?", "a feeling stands where the difficulty should be");
  }
  if (!Has(Cue().duration, answer)) {
    add("timeline", "What was the timeline, roughly week by week?", "no duration is given");
  }
  add("differently", "Looking back, what would you do differently?", "shows self-awareness; always worth a line");
  add("hardest", "What was the hardest part, concretely?", "shows you understand where the complexity was");

  if (out.size() > max) out.resize(max);
  return out;
}

}  // namespace rehearse
