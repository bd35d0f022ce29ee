// affect: a feeling or drama standing where the concrete difficulty should be. A
// sentence carries affect when
//   - a clause about the candidate, the team or the situation ("I", "we", "it", "the
//     whole quarter": a subject of `situations`) says it was or felt something
//     negative: a word with VADER valence at or below max_valence, a WordNet feeling
//     noun, or a word of `words` (what VADER lacks or misrates: "nightmare",
//     "overwhelmed"); not negated ("it wasn't bad");
//   - or it holds an idiom of `idioms` ("running on fumes", "losing my mind").
// A clause about some other thing counts only with the lexicon's strongest words ("the
// return was a horror show"). It fires unless the sentence, or the next one, gives a
// concrete reason: a phrase of `causes` ("because", "due to"), of `complements` right
// after the feeling ("about", "that"), a colon, a figure, or (for the next sentence) a
// name or figure in a sentence that is not itself affect.

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
    REHEARSE_TRY_ASSIGN(complements, p.Strings("complements", false));
    REHEARSE_TRY_ASSIGN(openers, p.Strings("openers", false));
    rule->openers_ = PhraseList(openers, nullptr);
    rule->complements_ = PhraseList(complements, nullptr);
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
  // `strong`: only the lexicon's most negative words (at most kDrama) and listed ones,
  // for subjects that are not the situation itself ("the return was a horror show").
  bool AffectWord(const std::vector<Word>& w, size_t k, const Lexicon& lex, bool strong = false) const {
    if (w[k].punct || not_affect_.MatchAt(w, k)) return false;
    if (words_.MatchAt(w, k) > 0) return true;
    if (w[k].lower.ends_with("ing")) return false;  // "it was hurting sales": an act, not a state
    if (strong) return w[k].valence <= kDrama;
    return w[k].valence <= max_valence_ || lex.IsFeeling(w[k].lower);
  }
  static constexpr float kDrama = -2.5f;

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
      bool about_thing = c.who == Who::kThing && !about_situation;
      if (!about_situation && !about_thing) continue;
      // "was (really) brutal", "felt like a circus", "was a (total) nightmare", "I was so stressed".
      size_t k = v;
      while (k < c.end && (IsAuxiliary(w[k].lower) || IsAdverb(w[k].lower))) {
        if (IsBeOrGet(w[k].lower)) break;
        ++k;
      }
      if (k >= c.end || !IsBeOrGet(w[k].lower)) continue;
      // A story is told in the past: "it is unkind to ..." is an opinion, not the mood then.
      const std::string& be = w[k].lower;
      if (c.who != Who::kSelf && (be == "is" || be == "are" || be == "'re")) continue;
      // "got the fraud flagged": "get" links a state only when one follows it directly.
      bool get = w[k].lower.starts_with("got") || w[k].lower.starts_with("get");
      if (get && k + 1 < c.end && !AffectWord(w, k + 1, lex) && !IsAdverb(w[k + 1].lower)) continue;
      // Up to four words of the complement, up to a preposition: "was (a nervous) wreck",
      // "felt (like a) circus"; not "was on the phone with angry customers".
      for (size_t j = k + 1; j < c.end && j <= k + 4; ++j) {
        if (w[j].punct) break;
        bool owned = w[j - 1].lower == "their" || w[j - 1].lower == "his" || w[j - 1].lower == "her" || w[j - 1].lower == "my" || w[j - 1].lower == "our";
        // "hard to test" is a property of the task, not a feeling.
        bool property = j + 1 < c.end && w[j + 1].lower == "to";
        if (!owned && !property && AffectWord(w, j, lex, about_thing)) {  // "their fault" is blame, not a feeling
          *hit = {w[c.subject >= 0 ? static_cast<size_t>(c.subject) : k].span.start, w[j].span.end};
          return true;
        }
        const std::string& x = w[j].lower;
        bool preposition = x == "on" || x == "with" || x == "in" || x == "at" || x == "for" || x == "to" || x == "from" ||
                           x == "about" || x == "by" || x == "of" || x == "that" || x == "because" || x == "since";
        if (preposition) break;
      }
    }
    return false;
  }

  // A reason in the sentence: a phrase of `causes` after the feeling or opening the
  // sentence ("because", "due to"), a phrase of `complements` right after it ("anxious
  // about the cut-over", "worried that..."), a colon after it, or a figure.
  bool Caused(const LintInput& in, const ParsedSentence& p, Span hit) const {
    const auto& w = p.words;
    if (!w.empty() && openers_.MatchAt(w, 0)) return true;  // "Because X, I was stressed"
    bool next = true;  // the word right after the feeling
    for (size_t k = 0; k < w.size(); ++k) {
      if (w[k].span.start < hit.end) continue;
      if (w[k].lower == ":" || causes_.MatchAt(w, k)) return true;
      if (next && complements_.MatchAt(w, k)) return true;
      next = false;
    }
    return HasFigure(in.Slice(Span{hit.end, p.span.end}));
  }

  // The next sentence gives the reason: it quotes a figure or names something, and is
  // not itself more affect.
  // The next sentence explains when it opens with a cause ("The reason was..."), or
  // describes a thing or another party (not the candidate's next step) with a figure
  // or a name: "The schema had 40 tables and no owner."
  bool Concrete(const LintInput& in, const ParsedSentence& p) const {
    Span ignored;
    if (Affect(p, *in.lexicon, &ignored)) return false;
    if (!p.words.empty() && openers_.MatchAt(p.words, 0)) return true;
    Who first = Who::kNone;
    for (const Clause& c : p.clauses) {
      if (c.verb >= 0) {
        first = c.who;
        break;
      }
    }
    if (first == Who::kSelf || first == Who::kWe) return false;
    if (HasFigure(in.Slice(p.span))) return true;
    return std::any_of(p.words.begin(), p.words.end(), [](const Word& w) { return w.capital && w.lower != "i"; });
  }

  float max_valence_ = -1.5f;
  PhraseList words_, idioms_, situations_, causes_, complements_, openers_, not_affect_;
};

}  // namespace

Result<std::unique_ptr<Rule>> MakeAffectRule(RuleInfo info, const RuleParams& params) {
  return AffectRule::Make(std::move(info), params);
}

}  // namespace rehearse
