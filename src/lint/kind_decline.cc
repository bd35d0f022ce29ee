// decline: the candidate declines to give an example and tells no story after it. A
// decline is a phrase of `phrases` ("can we come back to this", "I'd rather not"), or
// a negated clause with the candidate as subject whose verb is one of `verbs` (have,
// recall, think of...) and whose clause holds a word of `objects` (example, story,
// time, situation): "I don't think I have a specific example". It fires unless at
// least min_story clauses of the answer tell what happened: the candidate or the team as
// subject of a past-tense verb ("I built", "we shipped"), not of a modal ("I would"),
// and unless the declining sentence turns to a related story (`redirects`: "but the
// closest was"). With min_hypothetical, an answer with at least that many clauses
// in the conditional ("I would", "I'd") and fewer than two of story fires too.

#include <algorithm>

#include <fmt/format.h>

#include "lint/language_kinds.h"
#include "lint/lexicons.h"
#include "lint/patterns.h"

namespace rehearse {
namespace {

class DeclineRule : public Rule {
 public:
  using Rule::Rule;

  static Result<std::unique_ptr<Rule>> Make(RuleInfo info, const RuleParams& p) {
    auto rule = std::make_unique<DeclineRule>(std::move(info));
    const Lexicon* lex = &BuiltinLexicon();
    REHEARSE_TRY_ASSIGN(phrases, p.Strings("phrases", false));
    REHEARSE_TRY_ASSIGN(verbs, p.Strings("verbs", true));
    REHEARSE_TRY_ASSIGN(objects, p.Strings("objects", true));
    REHEARSE_TRY_ASSIGN(min_story, p.Number("min_story", 4));
    REHEARSE_TRY_ASSIGN(redirects, p.Strings("redirects", false));
    REHEARSE_TRY_ASSIGN(events, p.Strings("events", false));
    REHEARSE_TRY_ASSIGN(min_hypothetical, p.Number("min_hypothetical", 0));
    rule->events_ = PhraseList(events, lex);
    rule->min_hypothetical_ = static_cast<int>(min_hypothetical);
    rule->redirects_ = PhraseList(redirects, nullptr);
    rule->phrases_ = PhraseList(phrases, lex);
    rule->verbs_ = PhraseList(verbs, lex);
    rule->objects_ = PhraseList(objects, nullptr);
    rule->min_story_ = static_cast<int>(min_story);
    return std::unique_ptr<Rule>(std::move(rule));
  }

 protected:
  void Run(const LintInput& in, std::vector<Finding>& out) const override {
    const Lexicon& lex = *in.lexicon;
    for (size_t s = 0; s < in.parses.size(); ++s) {
      Span hit;
      if (!Declines(in.parses[s], &hit)) continue;
      // "..., but the closest was ...": the candidate turns to a related story.
      const auto& w = in.parses[s].words;
      if (redirects_.Find(w, 0, w.size()) >= 0) return;
      int story = 0;  // before or after: a decline inside a story is a detail of it
      for (const ParsedSentence& p : in.parses) story += StoryClauses(p, lex);
      if (story < min_story_) out.push_back(Report(in, hit, in.Slice(hit)));
      return;
    }
    // No explicit decline, but an answer told in hypotheticals with no story at all.
    int hypothetical = 0, story = 0;
    int first = -1;
    for (size_t s = 0; s < in.parses.size(); ++s) {
      int h = HypotheticalClauses(in.parses[s]);
      if (h > 0 && first < 0) first = static_cast<int>(s);
      hypothetical += h;
      story += StoryClauses(in.parses[s], lex);
    }
    if (min_hypothetical_ > 0 && hypothetical >= min_hypothetical_ && story < 2) {
      Span s = in.parses[static_cast<size_t>(first)].span;
      out.push_back(Report(in, s, in.Slice(s)));
    }
  }

 private:
  bool Declines(const ParsedSentence& p, Span* hit) const {
    const auto& w = p.words;
    size_t n = 0;
    if (int k = phrases_.Find(w, 0, w.size(), &n); k >= 0) {
      *hit = {w[static_cast<size_t>(k)].span.start, w[static_cast<size_t>(k) + n - 1].span.end};
      return true;
    }
    // "I don't (think I) have an example", "I can't recall a time", "I've never really
    // failed at anything": a negated clause about the candidate, a verb close after the
    // negator (the negation may sit in the clause before: "I don't think | I have"),
    // and an object of `objects` close after the verb. Or a negated clause about a
    // thing whose verb is one of `events`: "it hasn't really happened to me".
    for (const Clause& c : p.clauses) {
      if (c.negator < 0) continue;
      const std::string& neg = w[static_cast<size_t>(c.negator)].lower;
      if (neg != "n't" && neg != "not" && neg != "never" && neg != "cannot") continue;
      auto from = static_cast<size_t>(c.negator);
      size_t start = c.subject >= 0 ? std::min(from, static_cast<size_t>(c.subject)) : from;
      if (c.who == Who::kThing && events_.Find(w, from, std::min(w.size(), from + 4), &n) >= 0) {
        *hit = {w[start].span.start, w[std::min(w.size(), from + 4) - 1].span.end};
        return true;
      }
      if (c.who != Who::kSelf) continue;
      int verb = -1;
      for (size_t k = from + 1; k < w.size() && k <= from + 5 && verb < 0; ++k) {
        if (verbs_.MatchAt(w, k) || (!IsAdverb(w[k].lower) && !IsAuxiliary(w[k].lower) && w[k].lower != "i" && !w[k].punct)) {
          verb = static_cast<int>(k);
        }
      }
      if (verb < 0) continue;
      size_t after = static_cast<size_t>(verb) + 1;
      int object = objects_.Find(w, after, std::min(w.size(), after + 5), &n);  // "have a (good) (specific) example"
      if (object < 0) continue;
      *hit = {w[start].span.start, w[static_cast<size_t>(object) + n - 1].span.end};
      return true;
    }
    return false;
  }

  // Clauses that talk in hypotheticals: the candidate with "would", "'d" or "will"
  // ("I'd roll back first", "I would own it").
  static int HypotheticalClauses(const ParsedSentence& p) {
    int n = 0;
    for (const Clause& c : p.clauses) {
      if (c.who != Who::kSelf || c.verb < 0) continue;
      const std::string& v = p.words[static_cast<size_t>(c.verb)].lower;
      if (v == "would" || v == "'d" || v == "will" || v == "'ll") ++n;
    }
    return n;
  }

  // Clauses that tell what happened: "I"/"we" and a past-tense verb, no modal.
  static int StoryClauses(const ParsedSentence& p, const Lexicon& lex) {
    int n = 0;
    for (const Clause& c : p.clauses) {
      if ((c.who != Who::kSelf && c.who != Who::kWe) || c.verb < 0) continue;
      const std::string& v = p.words[static_cast<size_t>(c.verb)].lower;
      bool modal = v == "would" || v == "'d" || v == "will" || v == "'ll" || v == "can" || v == "could" ||
                   v == "should" || v == "might" || v == "may" || v == "must";
      if (!modal && (lex.IsPast(v) || v == "was" || v == "were" || v == "had" || v == "did")) ++n;
    }
    return n;
  }

  PhraseList phrases_, verbs_, objects_, redirects_, events_;
  int min_story_ = 4, min_hypothetical_ = 0;
};

}  // namespace

Result<std::unique_ptr<Rule>> MakeDeclineRule(RuleInfo info, const RuleParams& params) {
  return DeclineRule::Make(std::move(info), params);
}

}  // namespace rehearse
