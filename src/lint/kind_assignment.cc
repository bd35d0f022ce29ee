// assignment: the work framed as handed to the candidate, with no initiative shown
// anywhere in the answer. Evidence that the candidate was the one assigned:
//   - a third party as subject of an assigning verb (`verbs`: ask, tell, hand, give...)
//     with "me" in the clause: "my manager asked me to", "she handed it to me";
//   - the candidate as the subject of a passive of one: "I was told", "I got handed";
//   - a thing arriving at the candidate: a clause about a thing whose verb is one of
//     `arrivals` (land, fall, come, drop...) followed by on/to/into + me/my: "the ticket
//     landed on my plate", "it fell to me";
//   - a phrase of `compliance`: "the way the lead specified", "step by step".
// Initiative is a clause with the candidate as subject (not negated, not passive) of
// a verb in `initiative` ("I proposed", "I noticed", "I pushed for"), or a phrase of
// `initiative_phrases` ("on my own", "went beyond"). Fires once, at the first evidence.

#include <algorithm>

#include <fmt/format.h>

#include "lint/language_kinds.h"
#include "lint/lexicons.h"
#include "lint/patterns.h"

namespace rehearse {
namespace {

class AssignmentRule : public Rule {
 public:
  using Rule::Rule;

  static Result<std::unique_ptr<Rule>> Make(RuleInfo info, const RuleParams& p) {
    auto rule = std::make_unique<AssignmentRule>(std::move(info));
    const Lexicon* lex = &BuiltinLexicon();
    REHEARSE_TRY_ASSIGN(verbs, p.Strings("verbs", true));
    REHEARSE_TRY_ASSIGN(arrivals, p.Strings("arrivals", false));
    REHEARSE_TRY_ASSIGN(compliance, p.Strings("compliance", false));
    REHEARSE_TRY_ASSIGN(initiative, p.Strings("initiative", true));
    REHEARSE_TRY_ASSIGN(phrases, p.Strings("initiative_phrases", false));
    REHEARSE_TRY_ASSIGN(requests, p.Strings("requests", false));
    REHEARSE_TRY_ASSIGN(works, p.Strings("work", false));
    rule->requests_ = PhraseList(requests, lex);
    rule->works_ = PhraseList(works, nullptr);
    rule->verbs_ = PhraseList(verbs, lex);
    rule->arrivals_ = PhraseList(arrivals, lex);
    rule->compliance_ = PhraseList(compliance, lex);
    rule->initiative_ = PhraseList(initiative, lex);
    rule->initiative_phrases_ = PhraseList(phrases, lex);
    return std::unique_ptr<Rule>(std::move(rule));
  }

 protected:
  void Run(const LintInput& in, std::vector<Finding>& out) const override {
    bool have = false;
    Span first;
    for (const Span& scope : in.Scope(info().scope)) {
      for (const ParsedSentence& p : in.parses) {
        if (p.span.start < scope.start || p.span.end > scope.end) continue;
        if (Initiative(p)) return;
        Span hit;
        if (!have && Assigned(p, &hit)) {
          have = true;
          first = hit;
        }
      }
    }
    if (have) out.push_back(Report(in, first, in.Slice(first)));
  }

 private:
  static bool IsMe(const Word& w) { return w.lower == "me" || w.lower == "my"; }

  bool Assigned(const ParsedSentence& p, Span* hit) const {
    const auto& w = p.words;
    auto at = [&](size_t a, size_t b) { *hit = {w[a].span.start, w[b].span.end}; };
    for (const Clause& c : p.clauses) {
      if (c.verb < 0) continue;
      auto v = static_cast<size_t>(c.verb);
      size_t from = c.subject >= 0 ? static_cast<size_t>(c.subject) : v;
      // The whole noun phrase: "My manager", "the lead".
      while (from > c.begin && (w[from - 1].lower == "my" || w[from - 1].lower == "our" || w[from - 1].lower == "the" ||
                                w[from - 1].lower == "his" || w[from - 1].lower == "her" || w[from - 1].lower == "their")) {
        --from;
      }
      size_t n = 0;
      int verb = verbs_.Find(w, v, c.end, &n);
      // "asked me to", "tasked me with": a request to the candidate; "handed it to me",
      // "gave me the ticket": work passed to the candidate. "told me his worry" is
      // neither.
      if (c.who == Who::kOther && verb >= 0 && !c.passive) {
        auto vk = static_cast<size_t>(verb) + n;
        bool request = requests_.MatchAt(w, static_cast<size_t>(verb)) > 0;
        for (size_t k = vk; k < c.end && k <= vk + 3; ++k) {
          if (w[k].lower != "me") continue;
          bool next_to = k + 1 < c.end && (w[k + 1].lower == "to" || w[k + 1].lower == "with");
          bool work = false;
          for (size_t j = vk; j < c.end; ++j) work |= works_.MatchAt(w, j) > 0;
          if (request ? next_to : work) {
            at(from, k + (next_to ? 1 : 0));
            return true;
          }
        }
      }
      if (c.who == Who::kSelf && c.passive && verb >= 0 && c.negator < 0) {
        at(from, static_cast<size_t>(verb) + n - 1);
        return true;
      }
      if (c.who == Who::kThing) {
        int arrival = arrivals_.Find(w, v, c.end, &n);
        if (arrival < 0 && c.passive) arrival = verbs_.Find(w, v, c.end, &n);
        for (size_t k = arrival >= 0 ? static_cast<size_t>(arrival) + n : c.end; k + 1 < c.end; ++k) {
          const std::string& prep = w[k].lower;
          if ((prep == "on" || prep == "to" || prep == "into" || prep == "onto" || prep == "in" || prep == "with") && IsMe(w[k + 1])) {
            at(from, k + 1 < c.end - 1 && !w[k + 2].punct ? k + 2 : k + 1);
            return true;
          }
        }
      }
    }
    size_t n = 0;
    if (int k = compliance_.Find(w, 0, w.size(), &n); k >= 0) {
      at(static_cast<size_t>(k), static_cast<size_t>(k) + n - 1);
      return true;
    }
    return false;
  }

  bool Initiative(const ParsedSentence& p) const {
    const auto& w = p.words;
    if (initiative_phrases_.Find(w, 0, w.size()) >= 0) return true;
    for (const Clause& c : p.clauses) {
      if (c.who != Who::kSelf || c.passive || c.verb < 0) continue;
      size_t n = 0;
      // The initiative verb heads the clause's verb group ("I proposed", "I then pushed
      // for"), not a verb further on ("the format my lead asked for").
      int k = initiative_.Find(w, static_cast<size_t>(c.verb), std::min({w.size(), c.end + 2, static_cast<size_t>(c.verb) + 3}), &n);
      if (k >= 0 && (c.negator < 0 || c.negator > k)) return true;
    }
    return false;
  }

  PhraseList verbs_, arrivals_, compliance_, initiative_, initiative_phrases_, requests_, works_;
};

}  // namespace

Result<std::unique_ptr<Rule>> MakeAssignmentRule(RuleInfo info, const RuleParams& params) {
  return AssignmentRule::Make(std::move(info), params);
}

}  // namespace rehearse
