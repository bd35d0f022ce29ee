// hedge: claims in scope that are approximate or have no figure, read against the
// figure recognizer (text/figures.h). In each sentence of scope it fires on
//   - a phrase of `before_figure` right before a figure ("around 30%", "close to four
//     seconds"), or of `shields` at most 3 words before one ("I reckon it is half a day");
//   - a phrase of `after_figure` right after one ("5 points or thereabouts") and a
//     figure written "60-odd" or "2-ish";
//   - two figures joined by "or" when ranges = true ("6 or 7 percent", "two or three");
//   - a phrase of `anywhere` ("give or take", "more or less");
//   - in a sentence with no figure, a word of `degree` before a comparative ("a lot
//     better", "much snappier", "far more reliable"), or a match of `without_figure`
//     (regular expressions: "improved significantly").
// The hedge is a kind of its own because "around" is a hedge before "30%" and not in
// "around 9 pm" or "walked around the office": only the figure recognizer can tell.

#include <algorithm>

#include <fmt/format.h>

#include "lint/language_kinds.h"
#include "lint/patterns.h"
#include "text/figures.h"

namespace rehearse {
namespace {

class HedgeRule : public Rule {
 public:
  using Rule::Rule;

  static Result<std::unique_ptr<Rule>> Make(RuleInfo info, const RuleParams& p) {
    auto rule = std::make_unique<HedgeRule>(std::move(info));
    REHEARSE_TRY_ASSIGN(before, p.Strings("before_figure", false));
    REHEARSE_TRY_ASSIGN(after, p.Strings("after_figure", false));
    REHEARSE_TRY_ASSIGN(shields, p.Strings("shields", false));
    rule->shields_ = PhraseList(shields, nullptr);
    REHEARSE_TRY_ASSIGN(anywhere, p.Strings("anywhere", false));
    REHEARSE_TRY_ASSIGN(degree, p.Strings("degree", false));
    REHEARSE_TRY_ASSIGN(not_comparative, p.Strings("not_comparative", false));
    REHEARSE_TRY_ASSIGN(ranges, p.Bool("ranges", false));
    REHEARSE_TRY_ASSIGN(without, p.Strings("without_figure", false));
    rule->before_ = PhraseList(before, nullptr);
    rule->after_ = PhraseList(after, nullptr);
    rule->anywhere_ = PhraseList(anywhere, nullptr);
    rule->degree_ = PhraseList(degree, nullptr);
    rule->not_comparative_ = PhraseList(not_comparative, nullptr);
    rule->ranges_ = ranges;
    if (!without.empty()) {
      REHEARSE_TRY_ASSIGN(re, Compile(without, p.Where("without_figure")));
      rule->without_ = std::move(re);
    }
    return std::unique_ptr<Rule>(std::move(rule));
  }

 protected:
  void Run(const LintInput& in, std::vector<Finding>& out) const override {
    for (const Span& scope : in.Scope(info().scope)) {
      for (const ParsedSentence& p : in.parses) {
        if (p.span.start < scope.start || p.span.end > scope.end) continue;
        std::vector<Span> hits = Hedges(in, p);
        std::sort(hits.begin(), hits.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
        size_t last_end = 0;
        for (const Span& h : hits) {
          if (h.start < last_end) continue;  // one finding per place
          last_end = h.end;
          out.push_back(Report(in, h, in.Slice(h)));
        }
      }
    }
  }

 private:
  // The index of the word starting at byte `pos`, or words.size().
  static size_t WordAt(const std::vector<Word>& w, size_t pos) {
    for (size_t k = 0; k < w.size(); ++k) {
      if (w[k].span.end > pos) return k;
    }
    return w.size();
  }

  bool Comparative(const std::vector<Word>& w, size_t k) const {
    if (k >= w.size() || w[k].punct || not_comparative_.MatchAt(w, k)) return false;
    const std::string& x = w[k].lower;
    if (x == "more" || x == "less" || x == "better" || x == "worse") return true;
    return x.size() > 4 && x.ends_with("er");
  }

  std::vector<Span> Hedges(const LintInput& in, const ParsedSentence& p) const {
    const auto& w = p.words;
    std::vector<Span> hits;
    std::vector<Figure> figures = FindFigures(in.text, p.span);
    size_t n = 0;
    for (size_t i = 0; i < figures.size(); ++i) {
      const Figure& f = figures[i];
      size_t first = WordAt(w, f.span.start);
      // An approximator right before the figure ("around 30%", "close to a third",
      // "like 20 percent"); a shield up to three words before ("I think it was 40").
      for (size_t k = first >= 5 ? first - 5 : 0; k < first; ++k) {
        size_t m = before_.MatchAt(w, k);
        size_t shield = shields_.MatchAt(w, k);
        bool adjacent = m > 0 && (k + m == first || (k + m + 1 == first && (w[k + m].lower == "a" || w[k + m].lower == "an" || w[k + m].lower == "like")));
        if (adjacent || (shield > 0 && k + shield <= first && k + shield + 3 >= first)) {
          hits.push_back({w[k].span.start, f.span.end});
          break;
        }
      }
      std::string_view text = in.Slice(f.span);
      if (text.ends_with("-odd") || text.ends_with("ish") || f.unit == "odd" || f.unit == "ish") hits.push_back(f.span);
      size_t next = WordAt(w, f.span.end);
      if (next < w.size() && w[next].span.start < f.span.end) ++next;
      if (size_t m = next < w.size() ? after_.MatchAt(w, next) : 0; m > 0) {
        hits.push_back({f.span.start, w[next + m - 1].span.end});
      }
      if (ranges_ && i + 1 < figures.size()) {
        std::string_view between = in.text.substr(f.span.end, figures[i + 1].span.start - f.span.end);
        if (between == " or ") hits.push_back({f.span.start, figures[i + 1].span.end});
      }
    }
    for (size_t k = 0; k < w.size(); ++k) {
      if ((n = anywhere_.MatchAt(w, k)) > 0) hits.push_back({w[k].span.start, w[k + n - 1].span.end});
    }
    if (figures.empty()) {
      for (size_t k = 0; k < w.size(); ++k) {
        if ((n = degree_.MatchAt(w, k)) > 0 && Comparative(w, k + n)) {
          size_t end = k + n;
          if ((w[end].lower == "more" || w[end].lower == "less") && end + 1 < w.size() && !w[end + 1].punct) ++end;
          hits.push_back({w[k].span.start, w[end].span.end});
        }
      }
      if (without_) {
        ForEachMatch(*without_, in.text, p.span, [&](Span m) {
          hits.push_back(m);
          return true;
        });
      }
    }
    return hits;
  }

  PhraseList before_, shields_, after_, anywhere_, degree_, not_comparative_;
  bool ranges_ = false;
  std::unique_ptr<re2::RE2> without_;
};

}  // namespace

Result<std::unique_ptr<Rule>> MakeHedgeRule(RuleInfo info, const RuleParams& params) {
  return HedgeRule::Make(std::move(info), params);
}

}  // namespace rehearse
