// decline: the candidate declines to give an example and tells no story after it. A
// decline is a phrase of `phrases` ("can we come back to this", "I'd rather not"), or
// a negated clause with the candidate as subject whose verb is one of `verbs` (have,
// recall, think of...) and whose clause holds a word of `objects` (example, story,
// time, situation): "I don't think I have a specific example". It fires unless at
// least min_story clauses after it tell what happened: the candidate or the team as
// subject of a past-tense verb ("I built", "we shipped"), not of a modal ("I would"),
// and unless the declining sentence turns to a related story (`redirects`: "but the
// closest was").

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
      int story = StoryClauses(in.parses[s], lex);
      for (size_t t = s + 1; t < in.parses.size(); ++t) story += StoryClauses(in.parses[t], lex);
      if (story < min_story_) out.push_back(Report(in, hit, in.Slice(hit)));
      return;
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
    // "I don't (think I) have an example", "I can't recall a time": the negation may
    // sit in the clause before the verb's ("I don't think | I have ...").
    bool negated_self = false;
    size_t from = 0;
    for (const Clause& c : p.clauses) {
      if (c.who == Who::kSelf && c.negator >= 0 && !negated_self) {
        negated_self = true;
        from = static_cast<size_t>(c.negator);
      }
    }
    if (!negated_self) return false;
    int verb = verbs_.Find(w, from, w.size(), &n);
    if (verb < 0) return false;
    size_t after = static_cast<size_t>(verb) + n;
    int object = objects_.Find(w, after, std::min(w.size(), after + 5), &n);  // "have a (good) (specific) example"
    if (object < 0) return false;
    size_t start = from;
    while (start > 0 && !w[start - 1].punct && w[start - 1].lower != "but") --start;
    *hit = {w[start].span.start, w[static_cast<size_t>(object) + n - 1].span.end};
    return true;
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

  PhraseList phrases_, verbs_, objects_, redirects_;
  int min_story_ = 4;
};

}  // namespace

Result<std::unique_ptr<Rule>> MakeDeclineRule(RuleInfo info, const RuleParams& params) {
  return DeclineRule::Make(std::move(info), params);
}

}  // namespace rehearse
