// affect: a feeling or drama standing where the concrete difficulty should be. A
// sentence carries affect when
//   - a clause about the candidate, the team or the situation ("I", "we", "it", "the
//     whole quarter": a subject of `situations`) says it was or felt something
//     negative: a word with VADER valence at or below max_valence, a WordNet feeling
//     noun, or a word of `words` (what VADER lacks or misrates: "nightmare",
//     "overwhelmed"); not negated ("it wasn't bad");
//   - or it holds an idiom of `idioms` ("running on fumes", "losing my mind").
// It fires unless the sentence, or the next one, gives a concrete reason: a phrase of
// `causes` after the feeling ("because", "due to", "about"), a colon, a figure, or (for
// the next sentence) a name or figure in a sentence that is not itself affect.

#include <algorithm>

#include <fmt/format.h>

#include "lint/language_kinds.h"
#include "lint/lexicons.h"
#include "lint/patterns.h"
#include "text/figures.h"

namespace rehearse {
namespace {

class AffectRule : public Rule {
 public:
  using Rule::Rule;

  static Result<std::unique_ptr<Rule>> Make(RuleInfo info, const RuleParams& p) {
    auto rule = std::make_unique<AffectRule>(std::move(info));
    REHEARSE_TRY_ASSIGN(max_valence, p.Number("max_valence", -1.5));
    REHEARSE_TRY_ASSIGN(words, p.Strings("words", false));
    REHEARSE_TRY_ASSIGN(idioms, p.Strings("idioms", false));
    REHEARSE_TRY_ASSIGN(situations, p.Strings("situations", false));
    REHEARSE_TRY_ASSIGN(causes, p.Strings("causes", false));
    REHEARSE_TRY_ASSIGN(not_affect, p.Strings("not_affect", false));
    rule->max_valence_ = static_cast<float>(max_valence);
    rule->words_ = PhraseList(words, nullptr);
    rule->idioms_ = PhraseList(idioms, &BuiltinLexicon());
    rule->situations_ = PhraseList(situations, nullptr);
    rule->causes_ = PhraseList(causes, nullptr);
    rule->not_affect_ = PhraseList(not_affect, nullptr);
    return std::unique_ptr<Rule>(std::move(rule));
  }

 protected:
  void Run(const LintInput& in, std::vector<Finding>& out) const override {
    for (const Span& scope : in.Scope(info().scope)) {
      for (size_t s = 0; s < in.parses.size(); ++s) {
        const ParsedSentence& p = in.parses[s];
        if (p.span.start < scope.start || p.span.end > scope.end) continue;
        Span hit;
        if (!Affect(p, *in.lexicon, &hit)) continue;
        if (Caused(in, p, hit)) continue;
        if (s + 1 < in.parses.size() && Concrete(in, in.parses[s + 1])) continue;
        out.push_back(Report(in, hit, in.Slice(hit)));
      }
    }
  }

 private:
  bool AffectWord(const std::vector<Word>& w, size_t k, const Lexicon& lex) const {
    if (w[k].punct || not_affect_.MatchAt(w, k)) return false;
    return w[k].valence <= max_valence_ || lex.IsFeeling(w[k].lower) || words_.MatchAt(w, k) > 0;
  }

  // True when the sentence carries affect; *hit is where.
  bool Affect(const ParsedSentence& p, const Lexicon& lex, Span* hit) const {
    const auto& w = p.words;
    size_t n = 0;
    if (int k = idioms_.Find(w, 0, w.size(), &n); k >= 0) {
      bool negated = false;
      for (size_t j = static_cast<size_t>(std::max(0, k - 3)); j < static_cast<size_t>(k); ++j) negated |= IsNegator(w[j].lower);
      if (!negated) {
        *hit = {w[static_cast<size_t>(k)].span.start, w[static_cast<size_t>(k) + n - 1].span.end};
        return true;
      }
    }
    for (const Clause& c : p.clauses) {
      if (c.verb < 0 || c.negator >= 0) continue;
      auto v = static_cast<size_t>(c.verb);
      bool about_situation = c.who == Who::kSelf || c.who == Who::kWe ||
                             (c.who == Who::kThing && (c.subject < 0 || situations_.MatchAt(w, static_cast<size_t>(c.subject)) > 0));
      if (!about_situation) continue;
      // "was (really) brutal", "felt like a circus", "was a (total) nightmare", "I was so stressed".
      size_t k = v;
      while (k < c.end && (IsAuxiliary(w[k].lower) || IsAdverb(w[k].lower))) {
        if (IsBeOrGet(w[k].lower)) break;
        ++k;
      }
      if (k >= c.end || !IsBeOrGet(w[k].lower)) continue;
      for (size_t j = k + 1; j < c.end && j <= k + 5; ++j) {
        if (w[j].punct) break;
        if (AffectWord(w, j, lex)) {
          *hit = {w[c.subject >= 0 ? static_cast<size_t>(c.subject) : k].span.start, w[j].span.end};
          return true;
        }
        const std::string& x = w[j].lower;
        bool filler = IsAdverb(x) || x == "a" || x == "an" || x == "the" || x == "total" || x == "complete" ||
                      x == "absolute" || x == "like" || x == "being" || x == "been" || x == "such";
        if (!filler) break;
      }
    }
    return false;
  }

  // A reason in the sentence after the feeling: a cause phrase, a colon or a figure.
  bool Caused(const LintInput& in, const ParsedSentence& p, Span hit) const {
    const auto& w = p.words;
    for (size_t k = 0; k < w.size(); ++k) {
      if (w[k].span.start < hit.end) continue;
      if (w[k].lower == ":" || causes_.MatchAt(w, k)) return true;
    }
    for (size_t k = 0; k < w.size(); ++k) {
      if (causes_.MatchAt(w, k) && (k == 0 || w[k].span.end <= hit.start)) return true;  // "Because X, I was stressed"
    }
    return HasFigure(in.Slice(p.span));
  }

  // The next sentence gives the reason: it quotes a figure or names something, and is
  // not itself more affect.
  bool Concrete(const LintInput& in, const ParsedSentence& p) const {
    Span ignored;
    if (Affect(p, *in.lexicon, &ignored)) return false;
    if (HasFigure(in.Slice(p.span))) return true;
    if (!p.words.empty() && causes_.MatchAt(p.words, 0)) return true;
    return std::any_of(p.words.begin(), p.words.end(), [](const Word& w) { return w.capital && w.lower != "i"; });
  }

  float max_valence_ = -1.5f;
  PhraseList words_, idioms_, situations_, causes_, not_affect_;
};

}  // namespace

Result<std::unique_ptr<Rule>> MakeAffectRule(RuleInfo info, const RuleParams& params) {
  return AffectRule::Make(std::move(info), params);
}

}  // namespace rehearse
