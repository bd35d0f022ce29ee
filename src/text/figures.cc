#include "text/figures.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "util/text.h"

namespace rehearse {
namespace {

bool IsDigit(char c) { return IsAsciiDigit(static_cast<unsigned char>(c)); }
bool IsLetter(char c) { return IsAsciiAlpha(static_cast<unsigned char>(c)); }
bool IsUpper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }

template <size_t N>
bool In(std::string_view w, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

// A whitespace-separated token, and its core without wrapping punctuation.
struct Token {
  size_t start = 0, end = 0;            // The raw token.
  size_t core_start = 0, core_end = 0;  // Without ( " ' * ` [ before and ) . , ; : ! ? " ' * ` ] after.
  bool line_start = false;              // Only spaces before it on its line.
  bool sentence_start = false;          // First of its sentence (after . ! ? : or a line start).
  bool closed = false;                  // Punctuation follows the core: a phrase ends there.
};

std::vector<Token> Tokenize(std::string_view text, Span range) {
  std::vector<Token> out;
  size_t i = range.start;
  bool line_start = range.start == 0 || text[range.start - 1] == '\n';
  bool sentence_start = true;
  while (i < range.end) {
    if (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n') {
      if (text[i] == '\n') line_start = sentence_start = true;
      ++i;
      continue;
    }
    Token t;
    t.start = i;
    while (i < range.end && text[i] != ' ' && text[i] != '\t' && text[i] != '\r' && text[i] != '\n') ++i;
    t.end = i;
    t.core_start = t.start;
    t.core_end = t.end;
    while (t.core_start < t.core_end && std::string_view("(\"'*`[_").find(text[t.core_start]) != std::string_view::npos) ++t.core_start;
    while (t.core_end > t.core_start && std::string_view(").,;:!?\"'*`]_").find(text[t.core_end - 1]) != std::string_view::npos) --t.core_end;
    t.closed = t.core_end < t.end;
    t.line_start = line_start;
    t.sentence_start = sentence_start;
    out.push_back(t);
    line_start = false;
    char last = text[t.end - 1];
    bool bullet = t.end - t.start == 1 && (last == '-' || last == '*' || last == '+');
    if (!bullet) sentence_start = last == '.' || last == '!' || last == '?' || last == ':';
  }
  return out;
}

constexpr std::string_view kDurations[] = {
    "ms", "msec", "millisecond", "milliseconds", "millis", "s", "sec", "secs", "second", "seconds", "min", "mins",
    "minute", "minutes", "h", "hr", "hrs", "hour", "hours", "day", "days", "week", "weeks", "wk", "wks", "month",
    "months", "quarter", "quarters", "year", "years", "yr", "yrs", "sprint", "sprints", "night", "nights", "shift",
    "shifts", "semester", "semesters", "µs", "us", "ns"};
constexpr std::string_view kPercents[] = {"%", "percent", "pct", "pp", "points", "point", "bps"};
constexpr std::string_view kMoney[] = {"dollars", "dollar", "euros", "euro", "pounds", "usd", "eur", "gbp", "cents"};
constexpr std::string_view kSizes[] = {"b", "kb", "mb", "gb", "tb", "pb", "kib", "mib", "gib", "tib", "bytes"};
constexpr std::string_view kMagnitudes[] = {"k", "m", "mm", "b", "bn", "million", "billion", "thousand", "hundred"};
// Words before a number that make it a name or a place in a sequence, not an amount.
constexpr std::string_view kIdNouns[] = {
    "version", "v", "release", "ticket", "issue", "build", "step", "phase", "sprint", "round", "number", "no",
    "level", "tier", "chapter", "section", "page", "line", "room", "gate", "floor", "grade", "week", "day", "year",
    "quarter", "pr", "episode", "series", "model", "gen", "generation", "rule", "option", "stage", "milestone",
    "iteration", "wave", "batch", "cohort", "region", "zone", "node", "shard", "bug", "case", "item", "question",
    "slide", "table", "figure", "appendix", "class", "grade", "unit", "lesson", "module", "term", "period", "ward",
    "bed", "bay", "lane", "route", "dock", "aisle", "store", "site", "team", "squad", "incident", "sev", "priority",
    "p", "q", "fy", "h", "api", "python", "java", "node.js", "ios", "android"};
constexpr std::string_view kCardinals[] = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty",
    "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion", "dozen"};
constexpr std::string_view kMultiples[] = {"twice", "thrice", "doubled", "tripled", "quadrupled", "halved", "tenfold",
                                           "twofold", "threefold", "fourfold", "fivefold", "hundredfold"};
// "one" in these company is a pronoun or an idiom, not a count ("one of", "one day").
constexpr std::string_view kNotOneAfter[] = {"of", "day", "time", "thing", "way", "another", "more", "point", "morning",
                                             "afternoon", "evening", "night", "side", "hand", "reason", "example",
                                             "off", "on", "or", "that", "which", "who", "where", "i", "we", "in"};
constexpr std::string_view kNotOneBefore[] = {"the", "no", "any", "each", "every", "this", "that", "which", "a",
                                              "another", "only", "last", "first", "next", "right", "wrong", "same",
                                              "other", "big", "main", "new", "old", "hard", "easy", "tricky", "key"};
constexpr std::string_view kNotHalfBefore[] = {"first", "second", "back", "front", "latter", "other", "bottom", "top",
                                               "better", "earlier", "later", "early", "late"};
constexpr std::string_view kStop[] = {
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "with", "by", "and", "or", "vs", "before",
    "after", "than", "since", "during", "within", "across", "while", "that", "which", "who", "was", "were", "is",
    "are", "be", "been", "each", "every", "into", "over", "under", "through", "because", "instead", "when", "as",
    "so", "but", "it", "its", "their", "our", "my", "we", "i", "per", "about", "around", "without", "ago", "down",
    "up", "out", "off", "later", "earlier", "less", "more", "fewer", "faster", "slower", "higher", "lower"};

std::string Lower(std::string_view s) { return ToLower(s); }

// Every word a spelled figure can be made of or start with: the cardinals, multiples,
// fractions, and "fold" of "-fold".
const std::unordered_set<std::string_view>& FigureWords() {
  static const auto* const kWords = [] {
    auto* set = new std::unordered_set<std::string_view>(std::begin(kCardinals), std::end(kCardinals));
    set->insert(std::begin(kMultiples), std::end(kMultiples));
    for (std::string_view w : {"double", "triple", "quadruple", "half", "third", "fifth", "tenth", "quarter", "fold"}) {
      set->insert(w);
    }
    return set;
  }();
  return *kWords;
}

// Quantity of a unit word (folded), or kCount for a counted noun.
Quantity QuantityOfUnit(std::string_view unit) {
  if (In(unit, kDurations)) return Quantity::kDuration;
  if (In(unit, kPercents)) return Quantity::kPercent;
  if (In(unit, kMoney)) return Quantity::kMoney;
  if (In(unit, kSizes)) return Quantity::kSize;
  if (unit == "x" || unit == "times" || unit == "fold") return Quantity::kMultiple;
  return Quantity::kCount;
}

class Recognizer {
 public:
  Recognizer(std::string_view text, Span range) : text_(text), tokens_(Tokenize(text, range)) {}

  // The figures in order; with `first_only`, at most the first.
  std::vector<Figure> Run(bool first_only) {
    std::vector<Figure> out;
    for (size_t k = 0; k < tokens_.size(); ++k) {
      Figure f;
      size_t next = k + 1;
      if (Digits(k, &f, &next) || Words(k, &f, &next)) {
        out.push_back(std::move(f));
        if (first_only) break;
        k = next - 1;
      }
    }
    return out;
  }

 private:
  std::string_view Core(size_t k) const {
    const Token& t = tokens_[k];
    return text_.substr(t.core_start, t.core_end - t.core_start);
  }
  std::string LowerCore(size_t k) const { return k < tokens_.size() ? Lower(Core(k)) : std::string(); }

  // A unit word after token k (when nothing closes the phrase there): sets f's unit and
  // quantity and extends its span. "times" and "percent" are units too.
  void UnitAfter(size_t k, Figure* f, size_t* next) const {
    if (tokens_[k].closed || k + 1 >= tokens_.size()) return;
    std::string w = LowerCore(k + 1);
    if (w.empty() || !std::all_of(w.begin(), w.end(), [](char c) { return IsLetter(c) || c == '-' || c == '\''; })) return;
    if (In(std::string_view(w), kStop)) return;
    if (In(std::string_view(w), kMagnitudes) && f->unit.empty()) {  // "2 million users"
      f->span.end = tokens_[k + 1].core_end;
      *next = k + 2;
      if (!tokens_[k + 1].closed && k + 2 < tokens_.size()) {
        std::string u = LowerCore(k + 2);
        if (!u.empty() && IsLetter(u[0]) && !In(std::string_view(u), kStop)) {
          f->unit = u;
          f->quantity = QuantityOfUnit(u);
          f->span.end = tokens_[k + 2].core_end;
          *next = k + 3;
        }
      }
      return;
    }
    if (w == "per" && k + 2 < tokens_.size() && LowerCore(k + 2) == "cent") {
      f->unit = "%";
      f->quantity = Quantity::kPercent;
      f->span.end = tokens_[k + 2].core_end;
      *next = k + 3;
      return;
    }
    f->unit = w;
    f->quantity = f->quantity == Quantity::kMoney ? Quantity::kMoney : QuantityOfUnit(w);
    f->span.end = tokens_[k + 1].core_end;
    *next = k + 2;
  }

  // True when the number in token k names something rather than counting it.
  bool NamedByContext(size_t k) const {
    const Token& t = tokens_[k];
    if (k == 0 || tokens_[k - 1].closed) return false;
    std::string_view prev = Core(k - 1);
    if (prev.empty() || !IsLetter(prev[0])) return false;
    std::string lower = Lower(prev);
    if (In(std::string_view(lower), kIdNouns)) return true;
    bool upper = std::any_of(prev.begin(), prev.end(), IsUpper);
    if (!upper) return false;
    bool all_caps = std::count_if(prev.begin(), prev.end(), IsUpper) >= 2;
    if (all_caps) return true;                      // "SOC 2", "ISO 27001"
    // "on Postgres 15", "in March 3"; a capital opening a sentence is no sign of a name.
    (void)t;
    return !tokens_[k - 1].sentence_start;
  }

  bool Digits(size_t k, Figure* f, size_t* next) const {
    const Token& t = tokens_[k];
    std::string_view w = Core(k);
    size_t i = 0;
    bool money = false;
    while (i < w.size()) {
      if (w[i] == '$' || w[i] == '~' || w[i] == '<' || w[i] == '>' || w[i] == '+') {
        money |= w[i] == '$';
        ++i;
      } else if (w.substr(i, 2) == "\xC2\xA3" || w.substr(i, 3) == "\xE2\x82\xAC") {  // £ €
        money = true;
        i += w[i] == '\xC2' ? 2 : 3;
      } else if (w.substr(i, 3) == "\xE2\x89\x88" || w.substr(i, 3) == "\xE2\x89\xA4" || w.substr(i, 3) == "\xE2\x89\xA5") {
        i += 3;  // ≈ ≤ ≥
      } else {
        break;
      }
    }
    if (i >= w.size() || !IsDigit(w[i])) return false;
    size_t digits_start = i;
    auto read_number = [&] {
      while (i < w.size() && (IsDigit(w[i]) || ((w[i] == ',' || w[i] == '.') && i + 1 < w.size() && IsDigit(w[i + 1])))) ++i;
    };
    read_number();
    size_t number_end = i;
    if (i + 1 < w.size() && (w[i] == '-' || w[i] == '/') && IsDigit(w[i + 1])) {  // "2-3", "40-60ms", "4/5"
      if (w.substr(digits_start) == "24/7") return false;
      ++i;
      read_number();
    }
    std::string suffix = Lower(w.substr(i));
    if (!suffix.empty() && suffix[0] == '+') suffix.erase(0, 1);  // "300+"
    if (suffix.find(':') != std::string::npos || (i < w.size() && w[i] == ':')) return false;  // 6:40, 1:1
    if (t.line_start && (suffix == "." || suffix == ")") ) return false;
    if (t.line_start && t.core_end < t.end && (text_[t.core_end] == '.' || text_[t.core_end] == ')') && suffix.empty() &&
        t.end - t.core_end == 1 && number_end - digits_start <= 2 && w.size() == number_end) {
      return false;  // "1." or "2)" opening a list item
    }
    f->span = {t.core_start + (money && w[0] != '$' ? 0 : 0), t.core_end};
    f->span.start = t.core_start;
    f->spelled = false;
    f->quantity = money ? Quantity::kMoney : Quantity::kCount;
    if (suffix.empty()) {
      std::string_view number = w.substr(digits_start, number_end - digits_start);
      bool year = number.size() == 4 && (number.starts_with("19") || number.starts_with("20"));
      std::string after = LowerCore(k + 1);
      if (after == "am" || after == "pm" || after == "a.m" || after == "p.m" || after == "o'clock" || after == "a.m." || after == "p.m.") return false;
      if (!money && NamedByContext(k)) return false;
      UnitAfter(k, f, next);
      if (year && !money && (f->unit.empty() || f->quantity != Quantity::kCount || f->unit.back() != 's')) return false;
      if (f->quantity == Quantity::kDuration && f->unit.empty()) f->quantity = Quantity::kCount;
      return true;
    }
    if (suffix == "%") {
      f->unit = "%";
      f->quantity = Quantity::kPercent;
      return true;
    }
    if (suffix == "x") {
      f->unit = "x";
      f->quantity = Quantity::kMultiple;
      return true;
    }
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th" || suffix == "am" || suffix == "pm") return false;
    if (suffix.size() > 1 && suffix[0] == '-' && std::all_of(suffix.begin() + 1, suffix.end(), [](char c) { return IsLetter(c) || c == '-'; })) {
      if (suffix.size() == 2) return false;  // "3-D"
      std::string unit = suffix.substr(1);   // "3-week", "10-fold", "5-person"
      f->unit = unit;
      f->quantity = unit == "fold" ? Quantity::kMultiple : QuantityOfUnit(unit);
      return true;
    }
    if (In(std::string_view(suffix), kMagnitudes)) {  // "10k", "$1.2M"
      f->unit = "";
      if (!money) UnitAfter(k, f, next);
      return true;
    }
    if (In(std::string_view(suffix), kDurations) || In(std::string_view(suffix), kSizes)) {
      f->unit = suffix;
      f->quantity = QuantityOfUnit(suffix);
      return true;
    }
    return false;  // "3G", "2FA", "5G", "4K": names, not amounts
  }

  bool Words(size_t k, Figure* f, size_t* next) const {
    std::string_view core = Core(k);
    if (core.empty() || !IsLetter(core[0])) return false;
    // Most words are none of these: their length, or one lookup, instead of the lists'
    // scans below ("a" of "a third"; "thirty-one" and "-fold" have a hyphen; the words
    // are 3 to 11 letters).
    bool hyphen = core.find('-') != std::string_view::npos;
    if (!hyphen && core.size() != 1 && (core.size() < 3 || core.size() > 11)) return false;
    std::string w = Lower(core);
    if (w != "a" && !hyphen && !FigureWords().count(w)) return false;
    // The word before, read only for "half" and "one" (most tokens are neither).
    auto prev = [&] { return k > 0 && !tokens_[k - 1].closed ? LowerCore(k - 1) : std::string(); };
    const Token& t = tokens_[k];
    f->spelled = true;
    f->span = {t.core_start, t.core_end};
    if (In(std::string_view(w), kMultiples) || w.ends_with("-fold")) {
      f->quantity = Quantity::kMultiple;
      f->unit = "x";
      return true;
    }
    if (w == "double" || w == "triple" || w == "quadruple") {  // "double the throughput"
      std::string after = t.closed ? "" : LowerCore(k + 1);
      if (after != "the" && after != "that" && after != "what" && after != "its" && after != "our" && after != "their") return false;
      f->quantity = Quantity::kMultiple;
      f->unit = "x";
      return true;
    }
    if (w == "half") {
      if (In(std::string_view(prev()), kNotHalfBefore)) return false;
      f->quantity = Quantity::kFraction;
      return true;
    }
    if (w == "a" && !t.closed && k + 1 < tokens_.size()) {  // "a third", "a quarter of", "a dozen", "a hundred"
      std::string n = LowerCore(k + 1);
      bool closes = tokens_[k + 1].closed || k + 2 >= tokens_.size();
      std::string after = closes ? "" : LowerCore(k + 2);
      f->span.end = tokens_[k + 1].core_end;
      *next = k + 2;
      if (n == "third" || n == "fifth" || n == "tenth") {
        if (!closes && after != "of") return false;
        f->quantity = Quantity::kFraction;
        return true;
      }
      if (n == "quarter") {
        f->quantity = after == "of" ? Quantity::kFraction : Quantity::kDuration;
        return true;
      }
      if (n == "dozen" || n == "hundred" || n == "thousand" || n == "million" || n == "billion") {
        UnitAfter(k + 1, f, next);
        return true;
      }
      return false;
    }
    // Cardinals, hyphenated ("thirty-one") and in runs ("two hundred", "three quarters").
    auto cardinal = [](const std::string& word) {
      if (In(std::string_view(word), kCardinals)) return true;
      size_t dash = word.find('-');
      return dash != std::string::npos && In(std::string_view(word.substr(0, dash)), kCardinals) &&
             In(std::string_view(word.substr(dash + 1)), kCardinals);
    };
    if (!cardinal(w)) return false;
    if (w == "one") {
      std::string after = t.closed ? "" : LowerCore(k + 1);
      if (In(std::string_view(after), kNotOneAfter) || In(std::string_view(prev()), kNotOneBefore)) return false;
      if (text_.substr(t.core_end, 1) == "-") return false;  // "one-off", "one-on-one"
    }
    size_t last = k;
    while (!tokens_[last].closed && last + 1 < tokens_.size()) {
      std::string more = LowerCore(last + 1);
      if (!cardinal(more) && more != "thirds" && more != "quarters" && more != "and") break;
      if (more == "and" && (last + 2 >= tokens_.size() || !cardinal(LowerCore(last + 2)))) break;
      ++last;
    }
    f->span.end = tokens_[last].core_end;
    *next = last + 1;
    f->quantity = Quantity::kCount;
    std::string tail = LowerCore(last);
    if (tail == "thirds" || tail == "quarters") {
      f->quantity = Quantity::kFraction;
      return true;
    }
    UnitAfter(last, f, next);
    return true;
  }

  std::string_view text_;
  std::vector<Token> tokens_;
};

// False when no figure can start in `range`: a figure is either a token with a digit
// (Recognizer::Digits) or a spelled word from the lists above (Recognizer::Words), so
// text with neither needs no tokens. Most sentences are such text, and the segmenter
// asks of every sentence.
bool MayHaveFigure(std::string_view text, Span range) {
  std::string word;
  for (size_t i = range.start; i <= range.end; ++i) {
    char c = i < range.end ? text[i] : ' ';
    if (IsDigit(c)) return true;
    if (IsLetter(c)) {
      word += AsciiLower(c);
    } else if (!word.empty()) {
      if (FigureWords().count(word)) return true;
      word.clear();
    }
  }
  return false;
}

// The figures in `range`, or with `first_only` at most the first.
std::vector<Figure> Find(std::string_view text, Span range, bool first_only) {
  range.end = std::min(range.end, text.size());
  if (range.start >= range.end || !MayHaveFigure(text, range)) return {};
  return Recognizer(text, range).Run(first_only);
}

}  // namespace

std::vector<Figure> FindFigures(std::string_view text, Span range) { return Find(text, range, false); }

bool HasFigure(std::string_view s) { return !Find(s, {0, s.size()}, /*first_only=*/true).empty(); }

bool SameQuantity(const Figure& a, const Figure& b) {
  if (a.unit.empty() || b.unit.empty()) return a.quantity == b.quantity || a.quantity == Quantity::kCount || b.quantity == Quantity::kCount;
  if (a.quantity != b.quantity) return false;
  if (a.quantity != Quantity::kCount) return true;
  auto singular = [](std::string u) {
    if (u.size() > 3 && u.ends_with("s")) u.pop_back();
    return u;
  };
  return singular(a.unit) == singular(b.unit);
}

std::vector<FigurePair> FindFigurePairs(std::string_view text, Span range) {
  std::vector<Figure> figures = FindFigures(text, range);
  std::vector<FigurePair> out;
  for (size_t i = 0; i + 1 < figures.size(); ++i) {
    std::string between(Trim(text.substr(figures[i].span.end, figures[i + 1].span.start - figures[i].span.end)));
    between = ToLower(between);
    bool joined = between == "to" || between == "down to" || between == "up to" || between == "\xE2\x86\x92" ||
                  between == "->" || between == "=>" || between == "-->";
    if (joined && SameQuantity(figures[i], figures[i + 1])) {
      out.push_back({figures[i], figures[i + 1]});
      ++i;
    }
  }
  return out;
}

}  // namespace rehearse
