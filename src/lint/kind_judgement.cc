// judgement: a negative evaluation aimed at a third party. Per sentence, evidence adds
// up (weights in brackets):
//   [2] a third party's possession judged negatively   "their incompetence", "his mess"
//   [2] a third party described negatively             "they're the most irresponsible vendor",
//                                                      "incompetent engineers"
//   [2] the fault put on a third party                 "the delay was entirely on the data team"
//   [2] the candidate's own fault disclaimed           "it wasn't my fault", "wasn't my team's"
//   [2] what a third party should have done            "QA should have caught it"
//   [2] an accusing idiom of `accusations`             "they dropped the ball"
//   [1] a third party as the subject of a negative act  "they ignored every warning",
//       or of a duty left undone                        "they didn't test it"
//   [1] a stance marker beside other evidence           "frankly", "once again", "typical"
// and the rule fires on a sentence whose evidence reaches min_score. "Negative" is a
// VADER valence at or below max_valence, or a word of `negative` (what VADER lacks);
// words of `neutral` (events such as "outage" or "bug") never count: a third party's
// mistake told as fact is not blame. Settings: max_valence, min_score, negative,
// neutral, duties, markers, own_nouns, unless (phrases that excuse the sentence).

#include <algorithm>

#include <fmt/format.h>

#include "lint/language_kinds.h"
#include "lint/lexicons.h"
#include "lint/patterns.h"

namespace rehearse {
namespace {

class JudgementRule : public Rule {
 public:
  using Rule::Rule;

  static Result<std::unique_ptr<Rule>> Make(RuleInfo info, const RuleParams& p) {
    auto rule = std::make_unique<JudgementRule>(std::move(info));
    const Lexicon* lex = &BuiltinLexicon();
    REHEARSE_TRY_ASSIGN(max_valence, p.Number("max_valence", -1.0));
    REHEARSE_TRY_ASSIGN(min_score, p.Number("min_score", 2));
    REHEARSE_TRY_ASSIGN(min_total, p.Number("min_total", 0));
    rule->min_total_ = static_cast<int>(min_total);
    REHEARSE_TRY_ASSIGN(negative, p.Strings("negative", false));
    REHEARSE_TRY_ASSIGN(neutral, p.Strings("neutral", false));
    REHEARSE_TRY_ASSIGN(duties, p.Strings("duties", false));
    REHEARSE_TRY_ASSIGN(markers, p.Strings("markers", false));
    REHEARSE_TRY_ASSIGN(own, p.Strings("own_nouns", false));
    REHEARSE_TRY_ASSIGN(unless, p.Strings("unless", false));
    rule->max_valence_ = static_cast<float>(max_valence);
    rule->min_score_ = static_cast<int>(min_score);
    rule->negative_ = PhraseList(negative, nullptr);
    rule->neutral_ = PhraseList(neutral, nullptr);
    rule->duties_ = PhraseList(duties, lex);
    rule->markers_ = PhraseList(markers, nullptr);
    rule->own_ = PhraseList(own, nullptr);
    rule->unless_ = PhraseList(unless, nullptr);
    REHEARSE_TRY_ASSIGN(attributions, p.Strings("attributions", false));
    REHEARSE_TRY_ASSIGN(accusations, p.Strings("accusations", false));
    rule->accusations_ = PhraseList(accusations, lex);
    rule->attributions_ = PhraseList(attributions, lex);
    return std::unique_ptr<Rule>(std::move(rule));
  }

 protected:
  void Run(const LintInput& in, std::vector<Finding>& out) const override {
    // A sentence that reaches min_score fires; so does weaker evidence spread over the
    // answer once it adds up to min_total (a pattern of small accusations).
    std::vector<Span> weak;
    int total = 0;
    bool fired = false;
    for (const Span& scope : in.Scope(info().scope)) {
      for (const ParsedSentence& p : in.parses) {
        if (p.span.start < scope.start || p.span.end > scope.end) continue;
        Evidence e = Judge(p, *in.lexicon);
        if (e.score == 0) continue;
        Span span{p.words[e.first].span.start, p.words[e.last].span.end};
        total += e.score;
        if (e.score < min_score_) {
          weak.push_back(span);
          continue;
        }
        fired = true;
        out.push_back(Report(in, span, in.Slice(span)));
      }
    }
    if (!fired && min_total_ > 0 && total >= min_total_ && !weak.empty()) out.push_back(Report(in, weak[0], in.Slice(weak[0])));
  }

 private:
  struct Evidence {
    int score = 0;
    size_t first = 0, last = 0;
    void Add(int points, size_t a, size_t b) {
      if (score == 0 || a < first) first = a;
      if (score == 0 || b > last) last = b;
      score += points;
    }
  };

  bool Negative(const std::vector<Word>& w, size_t k) const {
    if (w[k].punct) return false;
    if (negative_.MatchAt(w, k) >= 2) return true;  // "no idea", before "no" alone is read as neutral
    if (neutral_.MatchAt(w, k)) return false;
    return w[k].valence <= max_valence_ || negative_.MatchAt(w, k) > 0;
  }

  // The first negative word in words [a, b), or -1.
  int FirstNegative(const std::vector<Word>& w, size_t a, size_t b) const {
    for (size_t k = a; k < b && k < w.size(); ++k) {
      if (Negative(w, k)) return static_cast<int>(k);
    }
    return -1;
  }

  Evidence Judge(const ParsedSentence& p, const Lexicon& lex) const {
    const auto& w = p.words;
    Evidence e;
    if (unless_.Find(w, 0, w.size()) >= 0) return e;
    for (size_t k = 0; k < w.size(); ++k) {
      // A third party's possession judged: "their shoddy code", "his carelessness", "the vendor's mess".
      const std::string& d = w[k].lower;
      bool third_possessive = d == "his" || d == "their" || d == "whose" || (d == "her" && k + 1 < w.size() && !w[k + 1].punct) ||
                              (d == "'s" && k > 0 && ReferentOf(w, k - 1, lex) == Who::kOther);
      // Only the noun phrase's first two words count, and not a verb ("the customer's
      // hold fails") nor the owner's feelings ("his real worry").
      if (third_possessive) {
        int neg = FirstNegative(w, k + 1, std::min(w.size(), k + 3));
        bool blocked = false;
        for (size_t j = k + 1; neg >= 0 && j < static_cast<size_t>(neg); ++j) blocked |= w[j].punct;
        if (neg >= 0 && !blocked && !VerbForm(w[static_cast<size_t>(neg)].lower) && !lex.IsFeeling(w[static_cast<size_t>(neg)].lower)) {
          e.Add(2, k, static_cast<size_t>(neg));
        }
      }
      // A third party described by a negative word: "the most irresponsible vendor",
      // "such clueless engineers" (after a determiner or an intensifier, so that a verb
      // such as "avoid them" is not read as one).
      if (k > 0 && Negative(w, k) && !VerbForm(w[k].lower) && k + 1 < w.size() && !w[k + 1].punct && IsNoun(w[k + 1].lower) &&
          ReferentOf(w, k + 1, lex) == Who::kOther && !w[k + 1].capital && Modifier(w[k - 1].lower)) {
        e.Add(2, k, k + 1);
      }
    }
    size_t n = 0;
    for (const Clause& c : p.clauses) {
      if (c.verb < 0) continue;
      auto v = static_cast<size_t>(c.verb);
      bool be = false;  // a form of "be" anywhere in the verb group: "was", "had been", "has always been"
      for (size_t k = v; k < c.end && (IsAuxiliary(w[k].lower) || IsAdverb(w[k].lower)); ++k) be |= IsBeOrGet(w[k].lower);
      // A third party's work judged: "their code was a mess", "his scripts were sloppy".
      bool theirs = false;
      if (c.who == Who::kThing && c.subject > 0) {
        for (size_t k = static_cast<size_t>(c.subject); k-- > 0 && static_cast<size_t>(c.subject) - k <= 2;) {
          const std::string& d = w[k].lower;
          if (d == "their" || d == "his" || d == "whose" || (d == "'s" && k > 0 && ReferentOf(w, k - 1, lex) == Who::kOther)) theirs = true;
          if (w[k].punct) break;
        }
      }
      if (theirs && be) {
        int neg = FirstNegative(w, v + 1, std::min(c.end, v + 4));
        if (neg >= 0 && c.negator < 0) e.Add(2, static_cast<size_t>(c.subject), static_cast<size_t>(neg));
      }
      if (c.who == Who::kOther) {
        int neg = FirstNegative(w, v, c.end);
        size_t duty_len = 0;
        int duty = c.negator >= 0 ? duties_.Find(w, static_cast<size_t>(c.negator) + 1, c.end, &duty_len) : -1;
        // The evaluation must follow the verb closely: "that team is a mess", "they ignored".
        bool close = neg >= 0 && static_cast<size_t>(neg) <= v + 3;
        // What a third party "should have" done: "QA should have caught it".
        bool should = (w[v].lower == "should" || w[v].lower == "ought") && v + 2 < c.end && w[v + 1].lower == "have" &&
                      w[v + 2].lower != "been";
        bool act = neg >= 0 && (VerbForm(w[static_cast<size_t>(neg)].lower) || c.passive);  // "was rejecting", "was being dropped"
        if (should && c.negator < 0 && v + 2 < c.end) {
          e.Add(2, c.subject >= 0 ? static_cast<size_t>(c.subject) : v, std::min(c.end - 1, v + 2));
        } else if (be && close && !act && c.negator < 0 && !lex.IsFeeling(w[static_cast<size_t>(neg)].lower)) {
          e.Add(2, v, static_cast<size_t>(neg));
        } else if (close && !c.passive && (c.negator < 0 || c.negator >= neg)) {
          e.Add(1, v, static_cast<size_t>(neg));
        } else if (duty >= 0) {
          e.Add(1, static_cast<size_t>(c.negator), static_cast<size_t>(duty) + duty_len - 1);  // "they didn't test it"
        }
      }
      // The fault put on a third party: "the delay was (entirely) on him", "that was
      // squarely on marketing": a thing as subject, "on", and a noun phrase (at most
      // three words, to the clause's end) whose head is a third party.
      if (be && c.who == Who::kThing) {
        size_t k = v + 1;
        bool stressed = c.subject >= 0 && w[static_cast<size_t>(c.subject)].valence <= max_valence_;  // "the delay", "the blame"
        while (k < c.end && (IsAdverb(w[k].lower) || IsAuxiliary(w[k].lower))) {
          const std::string& a = w[k].lower;  // "entirely", "squarely", "all"
          stressed |= a == "entirely" || a == "squarely" || a == "all" || a == "completely" || a == "totally" ||
                      a == "solely" || a == "fully" || a == "purely" || a == "mostly" || a == "largely" || a == "wholly" ||
                      a == "really" || a == "100";
          ++k;
        }
        if (!stressed) k = c.end;
        size_t end = k + 1;
        while (end < c.end && !w[end].punct) ++end;
        if (k + 1 < c.end && w[k].lower == "on" && end - (k + 1) <= 3 && ReferentOf(w, end - 1, lex) == Who::kOther &&
            w[k + 1].lower != "my" && w[k + 1].lower != "our") {
          e.Add(2, v, end - 1);
        }
      }
      // The candidate's own fault disclaimed: "it wasn't my fault", "wasn't really my team's".
      if (c.negator >= 0) {
        for (size_t k = static_cast<size_t>(c.negator) + 1; k + 1 < c.end; ++k) {
          if ((w[k].lower == "my" || w[k].lower == "our") && own_.Find(w, k + 1, std::min(c.end, k + 4)) >= 0) {
            size_t start = c.subject >= 0 ? std::min(static_cast<size_t>(c.subject), v) : static_cast<size_t>(c.negator);
            e.Add(2, start, k + 1);
            break;
          }
        }
      }
    }
    // A mess attributed to a third party: "cleaning up after my predecessor", "because
    // of them", "inherited from the old team": a phrase of `attributions`, then a noun
    // phrase (at most four words) whose head is a third party.
    for (int a = attributions_.Find(w, 0, w.size(), &n); a >= 0; a = attributions_.Find(w, static_cast<size_t>(a) + n, w.size(), &n)) {
      size_t from = static_cast<size_t>(a) + n;
      const std::string& first = from < w.size() ? w[from].lower : w[0].lower;
      if (first == "how" || first == "what" || first == "why" || first == "when" || first == "where" || first == "whether" ||
          first == "that") {
        continue;  // a clause follows, not a party: "the root cause was that data ..."
      }
      // The noun phrase ends at punctuation, a verb, a preposition or a pronoun that
      // opens a new clause; its head is its last word ("patient transport delays" is
      // about delays, "the previous owner" about a person).
      size_t end = from;
      while (end < w.size() && end < from + 4 && !w[end].punct && !(end > from && EndsPhrase(w[end], lex))) ++end;
      if (end > from) {
        size_t head = end - 1;
        // "the design" is a thing, "the designer" or "design" alone a party.
        bool determined = false;
        for (size_t k = from; k < head; ++k) determined |= w[k].lower == "the" || w[k].lower == "a" || w[k].lower == "an";
        bool determined_thing = determined && !lex.IsAgent(w[head].lower) && !w[head].capital;
        if (ReferentOf(w, head, lex) == Who::kOther && !determined_thing && w[head].lower != "everyone" && w[head].lower != "everybody") {
          e.Add(2, static_cast<size_t>(a), head);
        }
      }
    }
    // Accusing idioms: "dropped the ball", "threw it over the wall".
    // Said of the candidate or the team ("I cut corners"), an idiom owns the fault instead.
    for (int a = accusations_.Find(w, 0, w.size(), &n); a >= 0; a = accusations_.Find(w, static_cast<size_t>(a) + n, w.size(), &n)) {
      Who who = Who::kNone;
      for (const Clause& c : p.clauses) {
        if (static_cast<size_t>(a) >= c.begin && static_cast<size_t>(a) < c.end) who = c.who;
      }
      if (who != Who::kSelf && who != Who::kWe) e.Add(2, static_cast<size_t>(a), static_cast<size_t>(a) + n - 1);
    }
    if (e.score > 0) {
      int marker = markers_.Find(w, 0, w.size());
      if (marker >= 0) e.Add(1, static_cast<size_t>(marker), static_cast<size_t>(marker));
    }
    return e;
  }

  static bool EndsPhrase(const Word& x, const Lexicon& lex) {
    const std::string& l = x.lower;
    return l == "he" || l == "she" || l == "they" || l == "i" || l == "we" || l == "that" || l == "which" || l == "who" ||
           l == "and" || l == "but" || l == "so" || l == "to" || l == "in" || l == "on" || l == "at" || l == "for" ||
           l == "with" || l == "from" || l == "by" || l == "of" || IsAuxiliary(l) || lex.IsPast(l);
  }

  // A past tense, a participle or a third-person verb: an act, not a quality.
  static bool VerbForm(std::string_view x) { return x.ends_with("ed") || x.ends_with("ing") || (x.ends_with("s") && !x.ends_with("ss") && !x.ends_with("us")); }
  static bool IsNoun(std::string_view x) { return x != "me" && x != "him" && x != "her" && x != "them" && x != "us" && x != "it"; }
  static bool Modifier(std::string_view x) {
    return x == "the" || x == "a" || x == "an" || x == "most" || x == "such" || x == "so" || x == "really" || x == "completely" ||
           x == "totally" || x == "utterly" || x == "very" || x == "pretty" || x == "absolutely" || x == "bunch" || x == "of";
  }

  float max_valence_ = -1.0f;
  int min_score_ = 2, min_total_ = 0;
  PhraseList negative_, neutral_, duties_, markers_, own_, unless_, attributions_, accusations_;
};

}  // namespace

Result<std::unique_ptr<Rule>> MakeJudgementRule(RuleInfo info, const RuleParams& params) {
  return JudgementRule::Make(std::move(info), params);
}

}  // namespace rehearse
