#include "speech/spoken_forms.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <optional>
#include <set>

namespace rehearse {
namespace {

using Words = std::vector<std::string>;

constexpr std::array<std::string_view, 20> kUnits = {
    "zero",    "one",     "two",     "three",     "four",     "five",    "six",
    "seven",   "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::array<std::string_view, 10> kTens = {"",      "",      "twenty",  "thirty", "forty",
                                                    "fifty", "sixty", "seventy", "eighty", "ninety"};

void Append(Words& out, const Words& more) { out.insert(out.end(), more.begin(), more.end()); }

// 0 < n < 1000.
void Below1000(long long n, Words& out) {
  if (n >= 100) {
    out.emplace_back(kUnits[static_cast<size_t>(n / 100)]);
    out.emplace_back("hundred");
    n %= 100;
  }
  if (n >= 20) {
    out.emplace_back(kTens[static_cast<size_t>(n / 10)]);
    n %= 10;
    if (n) out.emplace_back(kUnits[static_cast<size_t>(n)]);
  } else if (n > 0) {
    out.emplace_back(kUnits[static_cast<size_t>(n)]);
  }
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Each digit said on its own: "053" -> "zero five three".
Words DigitByDigit(std::string_view digits) {
  Words out;
  for (char c : digits) {
    if (IsDigit(c)) out.emplace_back(kUnits[static_cast<size_t>(c - '0')]);
  }
  return out;
}

// The other readings of an integer: "a hundred", "and" inside ("one hundred and
// fifty", "two thousand and nineteen"), and hundreds ("twelve hundred forty").
std::vector<Words> OtherIntegerReadings(long long n, const Words& usual) {
  std::vector<Words> others;
  auto add = [&](const Words& w) {
    if (w != usual && std::find(others.begin(), others.end(), w) == others.end()) others.push_back(w);
  };
  // "and" before the last group's tens or units.
  Words with_and = usual;
  if (n % 100 != 0 && n > 100) {
    const long long rest = n % 100;
    const size_t tail = rest >= 20 && rest % 10 ? 2 : 1;
    if (with_and.size() > tail) with_and.insert(with_and.end() - static_cast<long>(tail), "and");
    add(with_and);
  }
  auto with_a = [](Words w) {
    if (w.size() >= 2 && w[0] == "one" && (w[1] == "hundred" || w[1] == "thousand" || w[1] == "million")) w[0] = "a";
    return w;
  };
  add(with_a(usual));
  if (n % 100 != 0 && n > 100) add(with_a(with_and));
  if (n >= 1100 && n <= 9999 && n % 1000 != 0 && (n / 100) % 10 != 0) {
    Words hundreds;
    Below1000(n / 100, hundreds);
    hundreds.emplace_back("hundred");
    Below1000(n % 100, hundreds);
    add(hundreds);
  }
  return others;
}

// A year as it is said: 2019 -> "twenty nineteen", 1998 -> "nineteen ninety eight",
// 2005 -> "two thousand five".
Words YearWords(long long y) {
  if (y >= 2000 && y <= 2009) return NumberWords(y);
  Words out;
  Below1000(y / 100, out);
  if (y % 100 == 0) {
    out.emplace_back("hundred");
  } else if (y % 100 < 10) {
    out.emplace_back("oh");
    Below1000(y % 100, out);
  } else {
    Below1000(y % 100, out);
  }
  return out;
}

bool IntroducesYear(std::string_view prev) {
  static const std::set<std::string, std::less<>> kWords = {
      "in",     "since",   "by",       "from",     "until",   "till",    "of",      "during",  "early",
      "late",   "mid",     "before",   "after",    "around",  "circa",   "summer",  "spring",  "autumn",
      "fall",   "winter",  "january",  "february", "march",   "april",   "may",     "june",    "july",
      "august", "september", "october", "november", "december", "jan",   "feb",     "mar",     "apr",
      "jun",    "jul",     "aug",      "sep",      "sept",    "oct",     "nov",     "dec",     "q1",
      "q2",     "q3",      "q4",       "h1",       "h2"};
  return kWords.count(Lower(prev)) > 0;
}

// The ordinal of a number's words: "twenty one" -> "twenty first".
Words Ordinal(Words w) {
  if (w.empty()) return w;
  static const std::pair<std::string_view, std::string_view> kIrregular[] = {
      {"one", "first"}, {"two", "second"}, {"three", "third"}, {"five", "fifth"},
      {"eight", "eighth"}, {"nine", "ninth"}, {"twelve", "twelfth"}};
  std::string& last = w.back();
  for (const auto& [a, b] : kIrregular) {
    if (last == a) {
      last = b;
      return w;
    }
  }
  if (last.ends_with('y')) {
    last = last.substr(0, last.size() - 1) + "ieth";
  } else {
    last += "th";
  }
  return w;
}

struct Reading {
  Words words;
  std::vector<Words> others;
};

// A number as written (digits, optional thousands commas, optional decimals):
// "31,000" -> 31000, "2.4" -> two point four. Fails on anything else.
std::optional<Reading> ReadNumeral(std::string_view s, std::string_view prev_word) {
  if (s.empty() || !IsDigit(s[0])) return std::nullopt;
  std::string integer;
  size_t i = 0;
  bool commas = false;
  while (i < s.size()) {
    if (IsDigit(s[i])) {
      integer += s[i++];
    } else if (s[i] == ',' && !integer.empty()) {
      // A thousands separator is followed by exactly three digits.
      const bool three = i + 3 < s.size() && IsDigit(s[i + 1]) && IsDigit(s[i + 2]) && IsDigit(s[i + 3]) &&
                         (i + 4 >= s.size() || !IsDigit(s[i + 4]));
      if (!three) return std::nullopt;
      commas = true;
      ++i;
    } else {
      break;
    }
  }
  std::string fraction;
  bool has_point = false;
  if (i < s.size() && s[i] == '.') {
    has_point = true;
    ++i;
    while (i < s.size() && IsDigit(s[i])) fraction += s[i++];
    if (fraction.empty()) return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  Reading r;
  if (integer.size() > 15 || (integer.size() > 1 && integer[0] == '0' && !commas)) {
    r.words = DigitByDigit(integer);  // A code or an id: "053", "0042".
  } else {
    const long long n = std::stoll(integer);
    r.words = NumberWords(n);
    if (!has_point) {
      r.others = OtherIntegerReadings(n, r.words);
      if (!commas && integer.size() == 4 && n >= 1900 && n <= 2099) {
        Words year = YearWords(n);
        if (IntroducesYear(prev_word)) {
          if (year != r.words) {
            r.others.insert(r.others.begin(), r.words);
            r.words = year;
          }
        } else if (year != r.words) {
          r.others.push_back(year);
        }
      }
    }
  }
  if (has_point) {
    r.words.emplace_back("point");
    Append(r.words, DigitByDigit(fraction));
    if (integer == "0") r.others.push_back(Words(r.words.begin() + 1, r.words.end()));  // "point three".
  }
  return r;
}

void SuffixAll(Reading& r, const Words& tail) {
  Append(r.words, tail);
  for (Words& o : r.others) Append(o, tail);
}

// Units written after a figure, and how they are said after one and after many.
struct Unit {
  std::string_view written;
  std::string_view one, many;
};
constexpr Unit kUnitTable[] = {
    {"%", "percent", "percent"},     {"ms", "millisecond", "milliseconds"}, {"msec", "millisecond", "milliseconds"},
    {"s", "second", "seconds"},       {"sec", "second", "seconds"},           {"secs", "second", "seconds"},
    {"min", "minute", "minutes"},     {"mins", "minute", "minutes"},          {"h", "hour", "hours"},
    {"hr", "hour", "hours"},          {"hrs", "hour", "hours"},               {"d", "day", "days"},
    {"wk", "week", "weeks"},          {"wks", "week", "weeks"},               {"km", "kilometer", "kilometers"},
    {"kg", "kilogram", "kilograms"},  {"kb", "kilobyte", "kilobytes"},        {"mb", "megabyte", "megabytes"},
    {"gb", "gigabyte", "gigabytes"},  {"tb", "terabyte", "terabytes"},        {"pb", "petabyte", "petabytes"},
    {"k", "thousand", "thousand"},    {"m", "million", "million"},            {"bn", "billion", "billion"},
    {"b", "billion", "billion"},      {"x", "times", "times"},                {"+", "plus", "plus"},
    {"pm", "pm", "pm"},               {"am", "am", "am"},                     {"rps", "requests per second", "requests per second"},
    {"qps", "queries per second", "queries per second"}, {"ghz", "gigahertz", "gigahertz"}, {"mhz", "megahertz", "megahertz"},
    {"gbps", "gigabits per second", "gigabits per second"}, {"mbps", "megabits per second", "megabits per second"},
    {"yrs", "year", "years"},         {"yr", "year", "years"},                {"mo", "month", "months"},
    {"mos", "month", "months"},
};

Words Split(std::string_view s) {
  Words out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

const Unit* FindUnit(std::string_view written) {
  const std::string w = Lower(written);
  for (const Unit& u : kUnitTable) {
    if (u.written == w) return &u;
  }
  return nullptr;
}

// Splits "300ms" into the numeral and what follows it.
std::pair<std::string_view, std::string_view> NumeralAndRest(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && (IsDigit(s[i]) || ((s[i] == ',' || s[i] == '.') && i + 1 < s.size() && IsDigit(s[i + 1])))) ++i;
  return {s.substr(0, i), s.substr(i)};
}

std::string_view CurrencyWord(std::string_view sign, bool one) {
  if (sign == "$") return one ? "dollar" : "dollars";
  if (sign == "£") return one ? "pound" : "pounds";
  return one ? "euro" : "euros";
}

// A figure: "$31,000", "98%", "300ms", "1.2M", "3x", "150+", "1st", "#1". The unit
// (and a currency sign) come after the number as said.
std::optional<Reading> ReadFigure(std::string_view s, std::string_view prev_word) {
  std::string_view sign;
  bool number_sign = false;
  for (std::string_view c : {"$", "£", "€"}) {
    if (s.starts_with(c)) {
      sign = c;
      s.remove_prefix(c.size());
    }
  }
  if (sign.empty() && s.starts_with('#')) {
    number_sign = true;
    s.remove_prefix(1);
  }
  auto [numeral, rest] = NumeralAndRest(s);
  auto r = ReadNumeral(numeral, prev_word);
  if (!r) return std::nullopt;
  const bool one = numeral == "1";
  Words tail;
  std::string rest_lower = Lower(rest);
  if (rest_lower == "st" || rest_lower == "nd" || rest_lower == "rd" || rest_lower == "th") {
    if (numeral.find_first_of(".,") != std::string_view::npos) return std::nullopt;
    r->words = Ordinal(r->words);
    for (Words& o : r->others) o = Ordinal(o);
    rest = {};
  }
  // Magnitude, then unit: "1.2M", "50k+", "5GB".
  while (!rest.empty()) {
    const Unit* unit = nullptr;
    size_t used = 0;
    for (size_t n = std::min<size_t>(rest.size(), 4); n > 0; --n) {
      if ((unit = FindUnit(rest.substr(0, n)))) {
        used = n;
        break;
      }
    }
    if (!unit) return std::nullopt;
    if (unit->written == "x" && used < rest.size()) return std::nullopt;  // "5xx" is not "five times".
    // "m" after money is million; after anything else a lone "m" is ambiguous
    // (metres, minutes, million): million is what stories mean most.
    Append(tail, Split(one && tail.empty() ? unit->one : unit->many));
    rest.remove_prefix(used);
  }
  if (!sign.empty()) tail.emplace_back(CurrencyWord(sign, one && tail.empty()));
  SuffixAll(*r, tail);
  if (number_sign) {
    r->words.insert(r->words.begin(), {"number"});
    for (Words& o : r->others) o.insert(o.begin(), "number");
  }
  // "3x" is also said "three x".
  if (rest_lower == "x") {
    Words x = r->words;
    x.back() = "x";
    r->others.push_back(x);
  }
  return r;
}

// "7:40" -> "seven forty", "7:05" -> "seven oh five", "05:00" -> "five o'clock",
// with an optional am/pm.
std::optional<Reading> ReadTime(std::string_view s) {
  const size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || s.size() < colon + 3) return std::nullopt;
  std::string_view h = s.substr(0, colon), m = s.substr(colon + 1, 2), rest = s.substr(colon + 3);
  for (char c : std::string(h) + std::string(m)) {
    if (!IsDigit(c)) return std::nullopt;
  }
  const int hour = std::stoi(std::string(h)), minute = std::stoi(std::string(m));
  if (hour > 24 || minute > 59) return std::nullopt;
  std::string suffix = Lower(rest);
  if (!suffix.empty() && suffix != "am" && suffix != "pm") return std::nullopt;
  Reading r;
  r.words = NumberWords(hour);
  if (minute == 0) {
    r.others.push_back(r.words);
    r.words.emplace_back("o'clock");
  } else if (minute < 10) {
    r.words.emplace_back("oh");
    r.words.emplace_back(kUnits[static_cast<size_t>(minute)]);
  } else {
    Append(r.words, NumberWords(minute));
  }
  if (!suffix.empty()) SuffixAll(r, {suffix});
  return r;
}

// "4-6", "300-400ms", "5-10s", "$5-10M": the first figure takes the second's unit
// when it has none ("four to six seconds"); hundreds may share the word ("three to
// four hundred milliseconds").
std::optional<Reading> ReadRange(std::string_view s, std::string_view prev_word) {
  const size_t dash = s.find('-', 1);
  if (dash == std::string_view::npos || dash + 1 >= s.size()) return std::nullopt;
  std::string_view a = s.substr(0, dash), b = s.substr(dash + 1);
  auto rb = ReadFigure(b, prev_word);
  if (!rb) return std::nullopt;
  auto [na, rest_a] = NumeralAndRest(a.starts_with('$') ? a.substr(1) : a);
  auto [nb, rest_b] = NumeralAndRest(b.starts_with('$') ? b.substr(1) : b);
  std::optional<Reading> ra;
  if (rest_a.empty() && !a.starts_with('$')) {
    ra = ReadNumeral(na, prev_word);
  } else {
    ra = ReadFigure(a, prev_word);
  }
  if (!ra) return std::nullopt;
  Reading r;
  r.words = ra->words;
  r.words.emplace_back("to");
  Append(r.words, rb->words);
  // The tail the two share, when the first was written bare ("300-400ms").
  if (rest_a.empty() && !rest_b.empty() && !na.empty() && !nb.empty() && na.find_first_of(".,") == std::string_view::npos &&
      nb.find_first_of(".,") == std::string_view::npos) {
    const long long x = std::stoll(std::string(na)), y = std::stoll(std::string(nb));
    if (x % 100 == 0 && y % 100 == 0 && x < 1000 && y < 1000 && x > 0) {
      Words shared = NumberWords(x / 100);
      shared.emplace_back("to");
      Append(shared, rb->words);
      r.others.push_back(shared);
    }
  }
  Words alt = ra->words;
  alt.emplace_back("to");
  if (!rb->others.empty()) {
    Append(alt, rb->others.front());
    r.others.push_back(alt);
  }
  return r;
}

// One code point of `s` from `*i` (advanced past it); U+FFFD for a malformed byte.
char32_t NextCodePoint(std::string_view s, size_t* i) {
  const auto b = static_cast<unsigned char>(s[*i]);
  int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (len == 0 || *i + static_cast<size_t>(len) > s.size()) {
    ++*i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k < len; ++k) {
    const auto c = static_cast<unsigned char>(s[*i + static_cast<size_t>(k)]);
    if ((c >> 6) != 2) {
      ++*i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  *i += static_cast<size_t>(len);
  return cp;
}

// Latin letters with accents, as their base letter; other characters as what they
// say or a break.
std::string Transliterate(char32_t cp) {
  static constexpr std::string_view kLatin1 =  // U+00C0 .. U+00FF
      "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
  if (cp < 0x80) return std::string(1, static_cast<char>(cp));
  if (cp >= 0xC0 && cp <= 0xFF) {
    const char c = kLatin1[cp - 0xC0];
    if (cp == 0xD7) return " x ";  // ×
    if (cp == 0xF7) return " ";    // ÷
    if (cp == 0xDF) return "ss";
    return std::string(1, c);
  }
  if (cp >= 0x100 && cp <= 0x17F) {  // Latin Extended-A: pairs of upper and lower case.
    static constexpr std::string_view kExtA =
        "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
    if (cp - 0x100 < kExtA.size()) return std::string(1, kExtA[cp - 0x100]);
  }
  switch (cp) {
    case 0x2018: case 0x2019: case 0x02BC: return "'";
    case 0x201C: case 0x201D: return "\"";
    case 0x2013: case 0x2014: return "-";  // En and em dash: ranges, or a break (below).
    case 0x2192: case 0x27F6: return " to ";  // →
    case 0x2248: return " about ";
    case 0x00A0: case 0x2009: case 0x202F: return " ";
    case 0x2026: return ". ";
    case 0x20AC: return "€";
    case 0x00A3: return "£";
    default: break;
  }
  // Box drawing, arrows, emoji and letters of other scripts: not words here.
  if ((cp >= 0x2500 && cp <= 0x259F) || (cp >= 0x2190 && cp <= 0x21FF) || (cp >= 0x25A0 && cp <= 0x27BF)) return "\n";
  return " ";
}

// The text in ASCII (and the three currency signs), line breaks kept.
std::string Asciify(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      out += text[i++];
      continue;
    }
    out += Transliterate(NextCodePoint(text, &i));
  }
  return out;
}

bool IsSentenceEnd(std::string_view s, size_t i) {
  const char c = s[i];
  const bool next_space = i + 1 >= s.size() || std::isspace(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '*' ||
                          s[i + 1] == '"' || s[i + 1] == ')';
  if (c == '!' || c == '?' || c == ';') return true;
  if (c == ':' || c == '.') return next_space;
  return c == '\n' || c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' || c == '|' || c == '\t';
}

constexpr std::pair<std::string_view, std::string_view> kAbbreviations[] = {
    {"e.g", "for example"}, {"i.e", "that is"}, {"etc", "et cetera"}, {"vs", "versus"},
    {"approx", "approximately"}, {"w/", "with"}, {"w/o", "without"}, {"e.g.", "for example"}, {"i.e.", "that is"},
};

class Reader {
 public:
  SpokenForms Read(std::string_view raw) {
    const std::string text = Asciify(raw);
    size_t start = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      // Abbreviations end in a dot that ends no sentence.
      if (text[i] == '.' && IsAbbreviationDot(text, start, i)) continue;
      if (IsSentenceEnd(text, i)) {
        ReadSentence(std::string_view(text).substr(start, i - start));
        start = i + 1;
      }
    }
    ReadSentence(std::string_view(text).substr(start));
    return std::move(out_);
  }

 private:
  static bool IsAbbreviationDot(std::string_view text, size_t start, size_t dot) {
    size_t b = dot;
    while (b > start && !std::isspace(static_cast<unsigned char>(text[b - 1]))) --b;
    const std::string word = Lower(text.substr(b, dot - b));
    for (const auto& [a, said] : kAbbreviations) {
      if (word == a || word + "." == a) return true;
    }
    return word == "mr" || word == "mrs" || word == "ms" || word == "dr" || word == "st" || word == "e.g" ||
           word == "i.e" || word == "e" || word == "i";
  }

  void ReadSentence(std::string_view s) {
    sentence_.clear();
    prev_word_.clear();
    size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
      size_t j = i;
      while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
      if (j > i) ReadToken(s.substr(i, j - i));
      i = j;
    }
    if (!sentence_.empty()) out_.sentences.push_back(std::move(sentence_));
    sentence_.clear();
  }

  static bool Kept(char c) {
    return IsAlpha(c) || IsDigit(c) || c == '$' || c == '#' || c == '%' || c == '+' || c == '\'' ||
           static_cast<unsigned char>(c) >= 0x80;
  }

  void ReadToken(std::string_view t) {
    // Marks around a token ("**", quotes, commas, brackets) are not said.
    while (!t.empty() && !Kept(t.front()) && t.front() != '-') t.remove_prefix(1);
    while (!t.empty() && !Kept(t.back())) t.remove_suffix(1);
    while (!t.empty() && t.front() == '\'') t.remove_prefix(1);
    while (!t.empty() && t.back() == '\'') t.remove_suffix(1);
    if (t.empty()) return;
    const std::string lower = Lower(t);
    for (const auto& [a, said] : kAbbreviations) {
      if (lower == a) return AddWords(Split(said));
    }
    if (t.find('/') != std::string_view::npos) {
      for (std::string_view part : SplitOn(t, '/')) ReadToken(part);
      return;
    }
    if (ReadJoined(t, '&', "and") || ReadJoined(t, '@', "at")) return;
    if (t == "+") return AddWords({"plus"});
    if (t == "%") return AddWords({"percent"});
    const bool has_digit = std::any_of(t.begin(), t.end(), IsDigit);
    if (has_digit) {
      if (auto r = ReadTime(t)) return AddReading(std::move(*r));
      if (auto r = ReadFigure(t, prev_word_)) return AddReading(std::move(*r));
      if (t.find('-') != std::string_view::npos) {
        if (auto r = ReadRange(t, prev_word_)) return AddReading(std::move(*r));
      }
    }
    // Words joined by hyphens, dots or other marks are said one by one.
    size_t i = 0;
    while (i < t.size()) {
      size_t j = i;
      if (IsAlpha(t[i])) {
        while (j < t.size() && (IsAlpha(t[j]) || (t[j] == '\'' && j + 1 < t.size() && IsAlpha(t[j + 1])))) ++j;
        ReadWord(t.substr(i, j - i));
      } else if (IsDigit(t[i])) {
        while (j < t.size() && (IsDigit(t[j]) || (t[j] == '.' && j + 1 < t.size() && IsDigit(t[j + 1]) &&
                                                  j > i && t.substr(i, j - i).find('.') == std::string_view::npos))) {
          ++j;
        }
        if (auto r = ReadNumeral(t.substr(i, j - i), prev_word_)) AddReading(std::move(*r));
      } else {
        j = i + 1;
        if (t[i] == '+') AddWords({"plus"});
        if (t[i] == '%') AddWords({"percent"});
      }
      i = j;
    }
  }

  // "R&D", "ops@team": the parts, with the sign said between them. False when `t`
  // has no `sign`.
  bool ReadJoined(std::string_view t, char sign, std::string_view said) {
    if (t.find(sign) == std::string_view::npos) return false;
    bool first = true;
    for (std::string_view part : SplitOn(t, sign)) {
      if (!first) AddWords({std::string(said)});
      first = false;
      ReadToken(part);
    }
    return true;
  }

  void ReadWord(std::string_view w) {
    std::string lower = Lower(w);
    // "API", "OKRs", "GraphQL": a capital after the first letter.
    if (w.size() >= 2 && std::any_of(w.begin() + 1, w.end(), IsUpper)) out_.written.emplace(lower, std::string(w));
    AddWords({lower});
  }

  static std::vector<std::string_view> SplitOn(std::string_view t, char sep) {
    std::vector<std::string_view> parts;
    size_t i = 0;
    while (true) {
      size_t j = t.find(sep, i);
      parts.push_back(t.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i));
      if (j == std::string_view::npos) break;
      i = j + 1;
    }
    return parts;
  }

  void AddWords(Words w) {
    if (w.empty()) return;
    prev_word_ = w.back();
    sentence_.push_back(SpokenToken{std::move(w), {}});
  }

  void AddReading(Reading r) {
    if (r.words.empty()) return;
    prev_word_ = r.words.back();
    sentence_.push_back(SpokenToken{std::move(r.words), std::move(r.others)});
  }

  SpokenForms out_;
  SpokenSentence sentence_;
  std::string prev_word_;
};

}  // namespace

std::vector<std::string> NumberWords(long long n) {
  if (n < 0) n = -n;
  if (n == 0) return {"zero"};
  static constexpr std::pair<long long, std::string_view> kScales[] = {
      {1000000000000LL, "trillion"}, {1000000000LL, "billion"}, {1000000LL, "million"}, {1000LL, "thousand"}};
  Words out;
  for (const auto& [scale, name] : kScales) {
    if (n >= scale) {
      Below1000(n / scale, out);
      out.emplace_back(name);
      n %= scale;
    }
  }
  Below1000(n, out);
  return out;
}

SpokenForms ToSpoken(std::string_view text) { return Reader().Read(text); }

std::vector<std::string> SpokenWords(std::string_view text) {
  std::vector<std::string> out;
  for (const SpokenSentence& s : ToSpoken(text).sentences) {
    for (const SpokenToken& t : s) Append(out, t.words);
  }
  return out;
}

}  // namespace rehearse
