#include "lint/kinds.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "lint/language_kinds.h"
#include "lint/patterns.h"
#include "text/sentences.h"
#include "util/text.h"

namespace rehearse {

// ---- RuleParams -------------------------------------------------------------------

const std::string& RuleParams::Where(std::string_view key) const {
  auto it = values.find(key);
  return it == values.end() ? where : it->second.where;
}

Result<std::vector<std::string>> RuleParams::Strings(std::string_view key, bool required) const {
  auto it = values.find(key);
  if (it == values.end()) {
    if (required) return Error{fmt::format("{}: missing \"{}\"", where, key)};
    return std::vector<std::string>{};
  }
  const ParamValue& v = it->second;
  if (v.type != ParamValue::Type::kStrings && v.type != ParamValue::Type::kString) {
    return Error{fmt::format("{}: \"{}\" must be a list of strings", v.where, key)};
  }
  if (required && v.strings.empty()) return Error{fmt::format("{}: \"{}\" is empty", v.where, key)};
  return v.strings;
}

Result<double> RuleParams::Number(std::string_view key, double fallback) const {
  auto it = values.find(key);
  if (it == values.end()) return fallback;
  if (it->second.type != ParamValue::Type::kNumber) return Error{fmt::format("{}: \"{}\" must be a number", it->second.where, key)};
  return it->second.number;
}

Result<bool> RuleParams::Bool(std::string_view key, bool fallback) const {
  auto it = values.find(key);
  if (it == values.end()) return fallback;
  if (it->second.type != ParamValue::Type::kBool) return Error{fmt::format("{}: \"{}\" must be true or false", it->second.where, key)};
  return it->second.boolean;
}

Result<std::vector<std::pair<std::string, std::string>>> RuleParams::Pairs(std::string_view key) const {
  auto it = values.find(key);
  if (it == values.end() || it->second.type != ParamValue::Type::kPairs || it->second.pairs.empty()) {
    return Error{fmt::format("{}: \"{}\" must be a table of \"phrase\" = \"replacement\"", Where(key), key)};
  }
  return it->second.pairs;
}

namespace {

// ---- Matching helpers ----------------------------------------------------------------

bool AnyMatch(const re2::RE2* re, std::string_view text, Span span) {
  if (!re) return false;
  bool found = false;
  ForEachMatch(*re, text, span, [&](Span) {
    found = true;
    return false;
  });
  return found;
}

int CountMatches(const re2::RE2& re, std::string_view text, Span span) {
  int n = 0;
  ForEachMatch(re, text, span, [&](Span) {
    ++n;
    return true;
  });
  return n;
}

std::string Replace(std::string s, std::string_view from, std::string_view to) {
  for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
    s.replace(pos, from.size(), to);
  }
  return s;
}

// Acronyms that name a role or a practice, not a project or system.
bool IsGenericAcronym(std::string_view w) {
  static constexpr std::string_view kGeneric[] = {
      "QA", "PM", "PMs", "EM", "CEO", "CTO", "CFO", "COO", "VP", "VPs", "HR", "UI", "UX", "API", "APIs", "DB", "SRE",
      "SREs", "ETA", "KPI", "KPIs", "OKR", "OKRs", "MVP", "PR", "PRs", "CI", "CD", "IT", "ML", "AI", "OK", "SLA", "SLAs",
      "SLO", "SLOs", "RFC", "TL", "IC", "ICs", "TBD", "FAQ", "Q1", "Q2", "Q3", "Q4", "CRM", "ERP", "SQL", "HTML",
      "CSS", "JSON", "CSV", "PDF", "SMS", "GPS", "B2B", "B2C", "SaaS", "iOS", "HQ", "EU", "US", "UK", "NDA", "POS"};
  // Capitals that are calendar words, not names.
  static constexpr std::string_view kCalendar[] = {
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mondays", "Tuesdays",
      "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays", "January", "February", "March", "April", "May",
      "June", "July", "August", "September", "October", "November", "December", "Christmas", "Easter", "Year",
      "Grade", "Black", "Cyber", "Thanksgiving", "Q", "New", "Day", "Week", "Month"};
  return std::find(std::begin(kGeneric), std::end(kGeneric), w) != std::end(kGeneric) ||
         std::find(std::begin(kCalendar), std::end(kCalendar), w) != std::end(kCalendar);
}

// True when the answer names something: a capitalised word that does not start a
// sentence ("the Checkout service", "Project Atlas"), an acronym ("AWS") or a
// CamelCase name. "I" and its contractions do not count.
bool NamesSomething(const LintInput& in) {
  for (const Span& sentence : in.sentences) {
    std::string_view s = in.Slice(sentence);
    bool first = true;
    size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && !std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
      size_t b = i;
      while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '\'')) ++i;
      std::string_view w = s.substr(b, i - b);
      if (w.empty()) break;
      bool was_first = first;
      // The word after a colon or a bullet opens a phrase of its own ("Problem: At a ...").
      size_t before = b;
      while (before > 0 && s[before - 1] == ' ') --before;
      was_first = was_first || (before > 0 && (s[before - 1] == ':' || s[before - 1] == '-' || s[before - 1] == '*'));
      first = false;
      if (w == "I" || w.starts_with("I'")) continue;
      bool upper_first = std::isupper(static_cast<unsigned char>(w[0]));
      int uppers = static_cast<int>(std::count_if(w.begin(), w.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }));
      if (IsGenericAcronym(w)) continue;
      if (uppers >= 2) return true;                 // AWS, GraphQL

      if (upper_first && !was_first) return true;  // ... the Ledger service
    }
  }
  return false;
}

// The sentence `s`, or with `wide` also the sentences before and after it: where an
// exception ("...and I proposed") may stand.
Span Near(const LintInput& in, int s, bool wide) {
  auto i = static_cast<size_t>(s);
  Span near = in.sentences[i];
  if (wide && i > 0) near.start = in.sentences[i - 1].start;
  if (wide && i + 1 < in.sentences.size()) near.end = in.sentences[i + 1].end;
  return near;
}

// ---- Kinds ----------------------------------------------------------------------------

// Fires on each match of its patterns in scope (of patterns_without_figure, only in a
// sentence that quotes no figure), unless one of its `unless` patterns
// occurs in the same sentence (or the one before or after, with unless_near = true), or, with
// unless_named, the answer names a project or system. With min_count, fires only when
// the matches in the whole scope reach that count.
class ExistenceRule : public Rule {
 public:
  using Rule::Rule;
  static Result<std::unique_ptr<Rule>> Make(RuleInfo info, const RuleParams& p) {
    auto rule = std::make_unique<ExistenceRule>(std::move(info));
    REHEARSE_TRY_ASSIGN(patterns, p.Strings("patterns", false));
    REHEARSE_TRY_ASSIGN(vague, p.Strings("patterns_without_figure", false));
    if (patterns.empty() && vague.empty()) {
      return Error{fmt::format("{}: an existence rule needs \"patterns\" or \"patterns_without_figure\"", p.where)};
    }
    if (!patterns.empty()) {
      REHEARSE_TRY_ASSIGN(re, Compile(patterns, p.Where("patterns")));
      rule->re_ = std::move(re);
    }
    if (!vague.empty()) {
      REHEARSE_TRY_ASSIGN(vague_re, Compile(vague, p.Where("patterns_without_figure")));
      rule->vague_ = std::move(vague_re);
    }
    REHEARSE_TRY_ASSIGN(unless, p.Strings("unless", false));
    if (!unless.empty()) {
      REHEARSE_TRY_ASSIGN(unless_re, Compile(unless, p.Where("unless")));
      rule->unless_ = std::move(unless_re);
    }
    REHEARSE_TRY_ASSIGN(next, p.Bool("unless_near", false));
    REHEARSE_TRY_ASSIGN(named, p.Bool("unless_named", false));
    REHEARSE_TRY_ASSIGN(min_count, p.Number("min_count", 1));
    rule->unless_near_ = next;
    rule->unless_named_ = named;
    rule->min_count_ = static_cast<int>(min_count);
    return std::unique_ptr<Rule>(std::move(rule));
  }

 protected:
  void Run(const LintInput& in, std::vector<Finding>& out) const override {
    if (unless_named_ && NamesSomething(in)) return;
    std::vector<Span> hits;
    for (const Span& scope : in.Scope(info().scope)) {
      if (re_) {
        ForEachMatch(*re_, in.text, scope, [&](Span m) {
          if (!Excused(in, m)) hits.push_back(m);
          return true;
        });
      }
      if (vague_) {
        ForEachMatch(*vague_, in.text, scope, [&](Span m) {
          int s = in.SentenceAt(m.start);
          bool figure = s >= 0 && HasFigure(in.Slice(in.sentences[static_cast<size_t>(s)]));
          if (!figure && !Excused(in, m)) hits.push_back(m);
          return true;
        });
      }
    }
    std::sort(hits.begin(), hits.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
    if (static_cast<int>(hits.size()) < min_count_) return;
    for (const Span& m : hits) out.push_back(Report(in, m, in.Slice(m)));
  }

 private:
  bool Excused(const LintInput& in, Span m) const {
    if (!unless_) return false;
    int s = in.SentenceAt(m.start);
    if (s < 0) return false;
    return AnyMatch(unless_.get(), in.text, Near(in, s, unless_near_));
  }

  std::unique_ptr<re2::RE2> re_, vague_, unless_;
  bool unless_near_ = false, unless_named_ = false;
  int min_count_ = 1;
};

// Fires on each phrase of its `swap` table and proposes the replacement: "%s" in the
// message is what was said, "%r" what to say instead. Exceptions as for existence.
class SubstitutionRule : public Rule {
 public:
  using Rule::Rule;
  static Result<std::unique_ptr<Rule>> Make(RuleInfo info, const RuleParams& p) {
    auto rule = std::make_unique<SubstitutionRule>(std::move(info));
    REHEARSE_TRY_ASSIGN(pairs, p.Pairs("swap"));
    for (auto& [phrase, replacement] : pairs) {
      REHEARSE_TRY_ASSIGN(re, Compile({phrase}, p.Where("swap")));
      rule->swaps_.push_back({std::move(re), replacement});
    }
    REHEARSE_TRY_ASSIGN(unless, p.Strings("unless", false));
    if (!unless.empty()) {
      REHEARSE_TRY_ASSIGN(unless_re, Compile(unless, p.Where("unless")));
      rule->unless_ = std::move(unless_re);
    }
    REHEARSE_TRY_ASSIGN(next, p.Bool("unless_near", false));
    rule->unless_near_ = next;
    return std::unique_ptr<Rule>(std::move(rule));
  }

 protected:
  void Run(const LintInput& in, std::vector<Finding>& out) const override {
    std::vector<Span> taken;  // One finding per place, even where two phrases overlap.
    for (const Span& scope : in.Scope(info().scope)) {
      for (const auto& swap : swaps_) {
        ForEachMatch(*swap.re, in.text, scope, [&](Span m) {
          bool overlaps = std::any_of(taken.begin(), taken.end(), [&](Span t) { return m.start < t.end && t.start < m.end; });
          if (overlaps) return true;
          int s = in.SentenceAt(m.start);
          if (unless_ && s >= 0 && AnyMatch(unless_.get(), in.text, Near(in, s, unless_near_))) return true;
          taken.push_back(m);
          Finding f = Report(in, m, in.Slice(m), Replace(info().message, "%r", swap.replacement));
          f.suggestion = Replace(f.suggestion.empty() ? "Say \"%r\"." : f.suggestion, "%r", swap.replacement);
          out.push_back(std::move(f));
          return true;
        });
      }
    }
  }

 private:
  struct Swap {
    std::unique_ptr<re2::RE2> re;
    std::string replacement;
  };
  std::vector<Swap> swaps_;
  std::unique_ptr<re2::RE2> unless_;
  bool unless_near_ = false;
};

// Fires when, in scope, the matches of `numerator` reach min_count and make up more
// than max_ratio of numerator + denominator matches. "%n" and "%d" in the message are
// the two counts. Points at the first numerator match.
class RatioRule : public Rule {
 public:
  using Rule::Rule;
  static Result<std::unique_ptr<Rule>> Make(RuleInfo info, const RuleParams& p) {
    auto rule = std::make_unique<RatioRule>(std::move(info));
    REHEARSE_TRY_ASSIGN(num, p.Strings("numerator", true));
    REHEARSE_TRY_ASSIGN(den, p.Strings("denominator", true));
    REHEARSE_TRY_ASSIGN(num_re, Compile(num, p.Where("numerator")));
    REHEARSE_TRY_ASSIGN(den_re, Compile(den, p.Where("denominator")));
    REHEARSE_TRY_ASSIGN(min_count, p.Number("min_count", 1));
    REHEARSE_TRY_ASSIGN(max_ratio, p.Number("max_ratio", 0.5));
    if (max_ratio < 0 || max_ratio > 1) return Error{fmt::format("{}: max_ratio must be between 0 and 1", p.Where("max_ratio"))};
    rule->num_ = std::move(num_re);
    rule->den_ = std::move(den_re);
    rule->min_count_ = static_cast<int>(min_count);
    rule->max_ratio_ = max_ratio;
    return std::unique_ptr<Rule>(std::move(rule));
  }

 protected:
  void Run(const LintInput& in, std::vector<Finding>& out) const override {
    int num = 0, den = 0;
    Span first{0, 0};
    bool have_first = false;
    for (const Span& scope : in.Scope(info().scope)) {
      ForEachMatch(*num_, in.text, scope, [&](Span m) {
        if (!have_first) first = m;
        have_first = true;
        ++num;
        return true;
      });
      den += CountMatches(*den_, in.text, scope);
    }
    if (num < min_count_ || num <= max_ratio_ * (num + den)) return;
    std::string message = Replace(Replace(info().message, "%n", std::to_string(num)), "%d", std::to_string(den));
    out.push_back(Report(in, first, in.Slice(first), message));
  }

 private:
  std::unique_ptr<re2::RE2> num_, den_;
  int min_count_ = 1;
  double max_ratio_ = 0.5;
};

// The parsed sentence holding byte `offset`, or nullptr.
const ParsedSentence* ParseAt(const LintInput& in, size_t offset) {
  int s = in.SentenceAt(offset);
  return s >= 0 && static_cast<size_t>(s) < in.parses.size() ? &in.parses[static_cast<size_t>(s)] : nullptr;
}

// True when the words at byte `offset` stand in a negated clause, after its negator:
// "not everything went smoothly", "it wasn't plain sailing".
bool Negated(const LintInput& in, size_t offset) {
  const ParsedSentence* p = ParseAt(in, offset);
  if (!p) return false;
  for (const Clause& c : p->clauses) {
    if (c.begin >= p->words.size()) continue;
    size_t end = c.end < p->words.size() ? p->words[c.end].span.start : p->span.end;
    if (offset < p->words[c.begin].span.start || offset >= end) continue;
    return c.negator >= 0 && p->words[static_cast<size_t>(c.negator)].span.start < offset;
  }
  return false;
}

// Fires once per scope that lacks all of `patterns` (and, with figure = true, quotes
// no figure; with valence_below < 0, holds no word whose VADER valence is at most that,
// outside a negated clause), or that matches one of `fire_if`. With negation = true a
// fire_if claim in a negated clause ("not everything went to plan") does not fire and
// counts as what the scope must have. With when_absent = true it also fires when the
// answer has no such scope at all.
class RequiredRule : public Rule {
 public:
  using Rule::Rule;
  static Result<std::unique_ptr<Rule>> Make(RuleInfo info, const RuleParams& p) {
    auto rule = std::make_unique<RequiredRule>(std::move(info));
    REHEARSE_TRY_ASSIGN(patterns, p.Strings("patterns", false));
    REHEARSE_TRY_ASSIGN(figure, p.Bool("figure", false));
    if (patterns.empty() && !figure) return Error{fmt::format("{}: a required rule needs \"patterns\" or figure = true", p.where)};
    if (!patterns.empty()) {
      REHEARSE_TRY_ASSIGN(re, Compile(patterns, p.Where("patterns")));
      rule->re_ = std::move(re);
    }
    REHEARSE_TRY_ASSIGN(fire_if, p.Strings("fire_if", false));
    if (!fire_if.empty()) {
      REHEARSE_TRY_ASSIGN(fire_re, Compile(fire_if, p.Where("fire_if")));
      rule->fire_if_ = std::move(fire_re);
    }
    REHEARSE_TRY_ASSIGN(absent, p.Bool("when_absent", false));
    REHEARSE_TRY_ASSIGN(negation, p.Bool("negation", false));
    REHEARSE_TRY_ASSIGN(valence, p.Number("valence_below", 0));
    rule->negation_ = negation;
    rule->valence_below_ = static_cast<float>(valence);
    rule->figure_ = figure;
    rule->when_absent_ = absent;
    return std::unique_ptr<Rule>(std::move(rule));
  }

 protected:
  void Run(const LintInput& in, std::vector<Finding>& out) const override {
    std::vector<Span> scopes = in.Scope(info().scope);
    if (scopes.empty() && when_absent_) {
      out.push_back(Report(in, Span{in.text.size(), in.text.size()}, ""));
      return;
    }
    for (const Span& scope : scopes) {
      bool has = figure_ && HasFigure(in.Slice(scope));
      if (re_) {  // with negation, "nothing broke" is no difficulty
        ForEachMatch(*re_, in.text, scope, [&](Span m) {
          has = !(negation_ && Negated(in, m.start));
          return !has;
        });
      }
      bool forced = false;
      Span where = scope;  // the scope's text, without the blanks around it
      while (where.start < where.end && std::isspace(static_cast<unsigned char>(in.text[where.start]))) ++where.start;
      while (where.end > where.start && std::isspace(static_cast<unsigned char>(in.text[where.end - 1]))) --where.end;
      std::vector<Span> claims;
      if (fire_if_) {
        ForEachMatch(*fire_if_, in.text, scope, [&](Span m) {
          claims.push_back(m);
          if (negation_ && Negated(in, m.start)) {
            has = true;  // "not everything went to plan": a setback, said by negation
            return true;
          }
          if (!forced) where = m;
          forced = true;
          return true;
        });
      }
      if (!has && valence_below_ < 0) has = NegativeWordIn(in, scope, claims);
      if (!has || forced) out.push_back(Report(in, where, in.Slice(where)));
    }
  }

 private:
  // True when `scope` holds a word of valence at most valence_below_, outside `claims`
  // and not after a negator in its clause ("no errors" is not a difficulty).
  bool NegativeWordIn(const LintInput& in, Span scope, const std::vector<Span>& claims) const {
    for (const ParsedSentence& p : in.parses) {
      if (p.span.end <= scope.start || p.span.start >= scope.end) continue;
      for (const Clause& c : p.clauses) {
        for (size_t k = c.begin; k < c.end; ++k) {
          const Word& w = p.words[k];
          if (w.valence > valence_below_ || IsNegator(w.lower) || w.span.start < scope.start || w.span.end > scope.end) continue;
          if (c.negator >= 0 && static_cast<size_t>(c.negator) < k) continue;
          bool in_claim = std::any_of(claims.begin(), claims.end(), [&](Span m) { return w.span.start >= m.start && w.span.end <= m.end; });
          if (!in_claim) return true;
        }
      }
    }
    return false;
  }

  std::unique_ptr<re2::RE2> re_, fire_if_;
  bool figure_ = false, when_absent_ = false, negation_ = false;
  float valence_below_ = 0;
};

// Fires for each section of the framework the answer lacks ("%s" is its name). For
// answers without labels, where sections are guessed, only the roles listed in
// `unlabeled_roles` are checked (a learning is said in words people recognise).
class SectionsRule : public Rule {
 public:
  using Rule::Rule;
  static Result<std::unique_ptr<Rule>> Make(RuleInfo info, const RuleParams& p) {
    auto rule = std::make_unique<SectionsRule>(std::move(info));
    REHEARSE_TRY_ASSIGN(roles, p.Strings("unlabeled_roles", false));
    for (const auto& name : roles) {
      SectionRole role;
      if (!ParseRole(name, &role)) return Error{fmt::format("{}: unknown role \"{}\"", p.Where("unlabeled_roles"), name)};
      rule->unlabeled_roles_.push_back(role);
    }
    return std::unique_ptr<Rule>(std::move(rule));
  }

 protected:
  void Run(const LintInput& in, std::vector<Finding>& out) const override {
    const auto& sections = in.framework->sections;
    for (size_t k = 0; k < sections.size(); ++k) {
      if (in.segmentation.Find(static_cast<int>(k))) continue;
      if (!in.segmentation.labeled &&
          std::find(unlabeled_roles_.begin(), unlabeled_roles_.end(), sections[k].role) == unlabeled_roles_.end()) {
        continue;
      }
      Finding f = Report(in, Span{in.text.size(), in.text.size()}, sections[k].name);
      f.section = sections[k].name;
      f.suggestion = Replace(f.suggestion, "%p", sections[k].prompt);
      out.push_back(std::move(f));
    }
  }

 private:
  std::vector<SectionRole> unlabeled_roles_;
};

// Fires when the answer's speaking time (words at the input's pace) is above
// max_seconds or below min_seconds. "%s" is the estimate, "%l" the limit.
class LengthRule : public Rule {
 public:
  using Rule::Rule;
  static Result<std::unique_ptr<Rule>> Make(RuleInfo info, const RuleParams& p) {
    auto rule = std::make_unique<LengthRule>(std::move(info));
    REHEARSE_TRY_ASSIGN(max, p.Number("max_seconds", 0));
    REHEARSE_TRY_ASSIGN(min, p.Number("min_seconds", 0));
    if ((max > 0) == (min > 0)) return Error{fmt::format("{}: a length rule needs max_seconds or min_seconds (one)", p.where)};
    rule->max_ = max;
    rule->min_ = min;
    return std::unique_ptr<Rule>(std::move(rule));
  }

 protected:
  void Run(const LintInput& in, std::vector<Finding>& out) const override {
    double seconds = in.segmentation.words * 60.0 / in.words_per_minute;
    double limit = max_ > 0 ? max_ : min_;
    if (max_ > 0 ? seconds <= max_ : seconds >= min_) return;
    Span where{0, in.text.size()};
    if (max_ > 0) {  // Point at where the time runs out.
      int budget = static_cast<int>(max_ * in.words_per_minute / 60.0);
      for (const Span& s : in.sentences) {
        budget -= CountWords(in.Slice(s));
        if (budget < 0) {
          where = {s.start, in.text.size()};
          break;
        }
      }
    }
    std::string message = Replace(Replace(info().message, "%s", fmt::format("{:.0f} s", seconds)), "%l",
                                  fmt::format("{:.0f} s", limit));
    out.push_back(Report(in, where, "", message));
  }

 private:
  double max_ = 0, min_ = 0;
};

// Fires when the action sections take less than min_action_share of the words, or
// a section's share is more than max_deviation (percentage points) away from the
// framework's. "%s" is the section, "%p" its share, "%t" the target.
class BalanceRule : public Rule {
 public:
  using Rule::Rule;
  static Result<std::unique_ptr<Rule>> Make(RuleInfo info, const RuleParams& p) {
    auto rule = std::make_unique<BalanceRule>(std::move(info));
    REHEARSE_TRY_ASSIGN(min_action, p.Number("min_action_share", 33));
    REHEARSE_TRY_ASSIGN(deviation, p.Number("max_deviation", 25));
    REHEARSE_TRY_ASSIGN(min_words, p.Number("min_words", 40));
    rule->min_action_ = min_action;
    rule->max_deviation_ = deviation;
    rule->min_words_ = static_cast<int>(min_words);
    return std::unique_ptr<Rule>(std::move(rule));
  }

 protected:
  void Run(const LintInput& in, std::vector<Finding>& out) const override {
    const Segmentation& seg = in.segmentation;
    int total = 0;
    for (const auto& s : seg.segments) {
      if (s.index >= 0) total += s.words;
    }
    if (total < min_words_) return;
    const auto& sections = in.framework->sections;
    for (size_t k = 0; k < sections.size(); ++k) {
      const Segment* s = seg.Find(static_cast<int>(k));
      if (!s) {
        // A missing section is structure.missing-section's finding, but an answer with
        // no action at all is out of balance too: the action is what gets scored.
        if (sections[k].role != SectionRole::kAction) continue;
        std::string message = Replace(Replace(Replace(info().message, "%s", sections[k].name), "%p", "0%"), "%t",
                                      fmt::format("{}%", sections[k].share));
        Finding f = Report(in, Span{in.text.size(), in.text.size()}, "", message);
        f.section = sections[k].name;
        out.push_back(std::move(f));
        continue;
      }
      double share = 100.0 * s->words / total;
      bool low_action = sections[k].role == SectionRole::kAction && share < min_action_;
      if (!low_action && std::abs(share - sections[k].share) <= max_deviation_) continue;
      std::string message = Replace(Replace(Replace(info().message, "%s", sections[k].name), "%p",
                                            fmt::format("{:.0f}%", share)),
                                    "%t", fmt::format("{}%", sections[k].share));
      Finding f = Report(in, s->span, "", message);
      f.section = sections[k].name;
      out.push_back(std::move(f));
    }
  }

 private:
  double min_action_ = 33, max_deviation_ = 25;
  int min_words_ = 40;
};

// Fires when a spoken answer of known duration runs outside min_wpm..max_wpm words a
// minute. "%w" is the pace.
class PaceRule : public Rule {
 public:
  using Rule::Rule;
  static Result<std::unique_ptr<Rule>> Make(RuleInfo info, const RuleParams& p) {
    auto rule = std::make_unique<PaceRule>(std::move(info));
    REHEARSE_TRY_ASSIGN(min, p.Number("min_wpm", 120));
    REHEARSE_TRY_ASSIGN(max, p.Number("max_wpm", 170));
    rule->min_ = min;
    rule->max_ = max;
    return std::unique_ptr<Rule>(std::move(rule));
  }

 protected:
  void Run(const LintInput& in, std::vector<Finding>& out) const override {
    if (in.seconds <= 0) return;
    double wpm = in.segmentation.words * 60.0 / in.seconds;
    if (wpm >= min_ && wpm <= max_) return;
    std::string message = Replace(info().message, "%w", fmt::format("{:.0f}", wpm));
    out.push_back(Report(in, Span{0, in.text.size()}, "", message));
  }

 private:
  double min_ = 120, max_ = 170;
};

const RuleKind kKinds[] = {
    {"existence", {"patterns", "patterns_without_figure", "unless", "unless_near", "unless_named", "min_count"}, ExistenceRule::Make},
    {"substitution", {"swap", "unless", "unless_near"}, SubstitutionRule::Make},
    {"ratio", {"numerator", "denominator", "min_count", "max_ratio"}, RatioRule::Make},
    {"required", {"patterns", "figure", "fire_if", "when_absent", "negation", "valence_below"}, RequiredRule::Make},
    {"judgement", {"max_valence", "min_score", "min_total", "negative", "neutral", "duties", "markers", "own_nouns", "unless", "attributions", "accusations"}, MakeJudgementRule},
    {"affect", {"max_valence", "words", "idioms", "situations", "causes", "complements", "openers", "not_affect"}, MakeAffectRule},
    {"assignment", {"verbs", "requests", "work", "arrivals", "compliance", "initiative", "initiative_phrases"}, MakeAssignmentRule},
    {"decline", {"phrases", "verbs", "objects", "min_story", "redirects", "events", "min_hypothetical"}, MakeDeclineRule},
    {"hedge", {"before_figure", "shields", "after_figure", "anywhere", "degree", "not_comparative", "ranges", "without_figure"}, MakeHedgeRule},
    {"sections", {"unlabeled_roles"}, SectionsRule::Make},
    {"length", {"max_seconds", "min_seconds"}, LengthRule::Make},
    {"balance", {"min_action_share", "max_deviation", "min_words"}, BalanceRule::Make},
    {"pace", {"min_wpm", "max_wpm"}, PaceRule::Make},
};

}  // namespace

Finding Rule::Report(const LintInput& input, Span span, std::string_view match, std::string message) const {
  Finding f;
  f.rule = info_.id;
  f.severity = info_.severity;
  // Quote what the user wrote, curly apostrophes and all, not its folded reading.
  if (!match.empty() && match.data() >= input.text.data() && match.data() + match.size() <= input.text.data() + input.text.size()) {
    auto start = static_cast<size_t>(match.data() - input.text.data());
    Span written = input.ToOriginal({start, start + match.size()});
    if (!input.original.empty()) match = input.original.substr(written.start, written.size());
  }
  f.message = Replace(message.empty() ? info_.message : message, "%s", match);
  f.suggestion = info_.suggestion;
  f.section = input.SectionAt(span.start);
  f.span = input.ToOriginal(span);
  return f;
}

std::span<const RuleKind> RuleKinds() { return kKinds; }

const RuleKind* FindRuleKind(std::string_view name) {
  for (const auto& k : kKinds) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

}  // namespace rehearse
