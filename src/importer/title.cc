#include "importer/title.h"

#include <cctype>

#include "util/text.h"

namespace rehearse {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t'; }
bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// Drops emoji and symbols before the first word, and markup that wraps the whole line.
std::string_view Unwrap(std::string_view s) {
  s = Trim(s);
  for (;;) {
    size_t i = 0;
    while (i < s.size()) {
      size_t n = IsSpace(s[i]) ? 1 : SymbolAt(s, i);
      if (n == 0) break;
      i += n;
    }
    s = Trim(s.substr(std::min(i, s.size())));
    bool wrapped = false;
    for (std::string_view m : {"**", "__", "*", "_"}) {
      if (s.size() > 2 * m.size() && s.starts_with(m) && s.ends_with(m) &&
          s.substr(m.size(), s.size() - 2 * m.size()).find(m) == std::string_view::npos) {
        s = Trim(s.substr(m.size(), s.size() - 2 * m.size()));
        wrapped = true;
        break;
      }
    }
    if (!wrapped) return s;
  }
}

bool StartsWithWord(std::string_view s, std::string_view word) {
  return s.size() >= word.size() && StartsWithIgnoreCase(s, word) &&
         (s.size() == word.size() || !std::isalpha(static_cast<unsigned char>(s[word.size()])));
}

// The separator after a number or keyword: ':' '.' ')' '-' '—' '–', with spaces.
size_t Separator(std::string_view s, size_t i, bool* found) {
  size_t j = i;
  while (j < s.size() && IsSpace(s[j])) ++j;
  *found = false;
  if (j < s.size() && (s[j] == ':' || s[j] == '.' || s[j] == ')' || s[j] == '-')) {
    *found = true;
    ++j;
  } else if (s.substr(j).starts_with("\u2014") || s.substr(j).starts_with("\u2013")) {
    *found = true;
    j += 3;
  }
  if (!*found) return i;
  while (j < s.size() && IsSpace(s[j])) ++j;
  return j;
}

}  // namespace

Title ParseTitle(std::string_view line) {
  std::string_view s = Unwrap(line);
  Title t;
  size_t i = 0;
  // "STAR Question 5 :", "STAR Story 2:"
  for (std::string_view f : {"STAR ", "CAR ", "SOAR ", "CARL ", "PAR ", "DIGS "}) {
    if (s.starts_with(f)) {
      std::string_view rest = s.substr(f.size());
      if (StartsWithWord(rest, "question") || StartsWithWord(rest, "story")) i = f.size();
    }
  }
  // "Q12:" — rehearse's own shape.
  if ((s.size() > i + 1) && (s[i] == 'Q' || s[i] == 'q') && IsDigit(s[i + 1])) {
    size_t j = i + 1;
    while (j < s.size() && IsDigit(s[j])) ++j;
    bool sep = false;
    size_t k = Separator(s, j, &sep);
    if (sep || j == s.size()) {
      t.number = std::atoi(std::string(s.substr(i + 1, j - i - 1)).c_str());
      t.q_key = j < s.size() && (s[j] == ':' || s[j] == '.' || s[j] == ')');
      t.story_word = true;
      t.text = std::string(Unwrap(s.substr(k)));
      return t;
    }
  }
  size_t j = i;
  bool keyword = false;
  for (std::string_view w : {"question", "story", "example", "scenario", "prompt"}) {
    if (StartsWithWord(s.substr(i), w)) {
      j = i + w.size();
      keyword = true;
      break;
    }
  }
  size_t k = j;
  while (k < s.size() && IsSpace(s[k])) ++k;
  if (k < s.size() && s[k] == '#') ++k;
  size_t digits = k;
  while (k < s.size() && IsDigit(s[k])) ++k;
  bool has_number = k > digits && k - digits <= 4;
  bool sep = false;
  size_t rest = Separator(s, has_number ? k : j, &sep);
  if (has_number && (keyword || (sep && k < s.size() && s[k] != '-'))) {
    t.number = std::atoi(std::string(s.substr(digits, k - digits)).c_str());
    t.story_word = keyword;
    t.text = std::string(Unwrap(s.substr(rest)));
    return t;
  }
  if (keyword && sep && !has_number) {
    t.text = std::string(Unwrap(s.substr(rest)));
    return t;
  }
  t.text = std::string(s);
  return t;
}

bool LooksLikeQuestion(std::string_view text) {
  std::string_view s = Unwrap(text);
  while (!s.empty() && (s.back() == '"' || s.back() == '*' || s.back() == ' ' || s.back() == '\'')) s.remove_suffix(1);
  if (s.ends_with('?') || s.ends_with("?\u201d")) return true;
  while (!s.empty() && (s.front() == '"' || s.front() == '\'')) s.remove_prefix(1);
  if (s.starts_with("\u201c")) s.remove_prefix(3);
  static constexpr std::string_view kOpenings[] = {
      "tell me", "tell us", "describe", "give me", "give an example", "give us", "give one", "share a",
      "share an", "share about", "walk me", "walk us", "talk about", "talk me", "talk us", "explain a",
      "a time", "an example", "a situation", "a case", "an instance", "a moment", "a project where",
      "the last time", "the most recent time", "the time", "have you", "how do you", "how did you",
      "how have you", "how would you", "what ", "when ", "why ", "which ", "can you", "could you",
      "would you", "do you", "did you", "in what ways", "recall a", "think of", "name a", "your biggest",
      "your greatest", "your proudest", "biggest ", "greatest ", "proudest ", "any time", "an occasion",
  };
  for (std::string_view o : kOpenings) {
    if (StartsWithIgnoreCase(s, o)) return true;
  }
  // A later sentence may be the prompt: "Every job has tough customers. Tell me about ...".
  static constexpr std::string_view kPrompts[] = {"tell me", "tell us", "describe", "give me", "give an example",
                                                  "walk me", "talk me", "share a", "explain a"};
  for (size_t at = s.find(". "); at != std::string_view::npos; at = s.find(". ", at + 2)) {
    std::string_view sentence = Trim(s.substr(at + 2));
    for (std::string_view o : kPrompts) {
      if (StartsWithIgnoreCase(sentence, o)) return true;
    }
  }
  return false;
}

bool IsWhyCompanyQuestion(std::string_view text) {
  std::string_view s = Unwrap(text);
  if (!StartsWithIgnoreCase(s, "why ")) return false;
  std::string lower = ToLower(s);
  if (lower.find("want to work") != std::string::npos || lower.find("want to join") != std::string::npos ||
      lower.find("this company") != std::string::npos || lower.find("this role") != std::string::npos ||
      lower.find("interested in") != std::string::npos) {
    return true;
  }
  // "Why Oakhurst?": "why" and a name, nothing else.
  std::string_view rest = Trim(s.substr(4));
  while (!rest.empty() && (rest.back() == '?' || rest.back() == ' ')) rest.remove_suffix(1);
  return !rest.empty() && std::isupper(static_cast<unsigned char>(rest[0])) && rest.find(' ') == std::string_view::npos;
}

}  // namespace rehearse
