#include "speech/pronunciations.h"

#include <algorithm>
#include <cctype>
#include <fstream>

#include <fmt/format.h>

#include "speech/tool_process.h"

namespace rehearse {
namespace {

// The letters' names in ARPAbet (CMUdict's readings of the letters as words).
constexpr std::string_view kLetterNames[26] = {
    "EY", "B IY", "S IY", "D IY", "IY", "EH F", "JH IY", "EY CH", "AY", "JH EY", "K EY", "EH L", "EH M",
    "EH N", "OW", "P IY", "K Y UW", "AA R", "EH S", "T IY", "Y UW", "V IY", "D AH B AH L Y UW", "EH K S", "W AY", "Z IY"};

// espeak-ng's English phoneme mnemonics (phsource/ph_english, ph_english_us) as the
// en-us acoustic model's phones. Checked against cmudict-en-us.dict on 3,000 random
// dictionary words: the mapped espeak-ng readings differ from CMUdict's nearest
// pronunciation in 11% of phones (57% of words match exactly).
constexpr std::pair<std::string_view, std::string_view> kEspeakPhones[] = {
    {"p", "P"},      {"b", "B"},       {"t", "T"},       {"d", "D"},      {"k", "K"},      {"g", "G"},
    {"f", "F"},      {"v", "V"},       {"T", "TH"},      {"D", "DH"},     {"s", "S"},      {"z", "Z"},
    {"S", "SH"},     {"Z", "ZH"},      {"tS", "CH"},     {"dZ", "JH"},    {"m", "M"},      {"n", "N"},
    {"N", "NG"},     {"l", "L"},       {"r", "R"},       {"w", "W"},      {"j", "Y"},      {"h", "HH"},
    {"t#", "T"},     {"d#", "D"},      {"t2", "T"},      {"x", "K"},      {"?", "T"},      {"C", "HH"},
    {"n-", "AH N"},  {"r-", "ER"},     {"@-", "AH"},     {"@L", "AH L"},  {"l-", "AH L"},  {"m-", "AH M"},
    {"a", "AE"},     {"aa", "AE"},     {"a#", "AH"},     {"A:", "AA"},    {"A@", "AA R"},  {"A", "AA"},
    {"0", "AA"},     {"0#", "AA"},     {"O:", "AO"},     {"O", "AO"},     {"O2", "AO"},    {"O@", "AO R"},
    {"o@", "AO R"},  {"OI", "OY"},     {"E", "EH"},      {"E2", "EH"},    {"E#", "EH"},    {"e@", "EH R"},
    {"eI", "EY"},    {"e", "EY"},      {"I", "IH"},      {"I2", "IH"},    {"I#", "IH"},    {"i", "IY"},
    {"i:", "IY"},    {"i@", "IY R"},   {"i@3", "IH R"},  {"U", "UH"},     {"u:", "UW"},    {"u", "UW"},
    {"U@", "UH R"},  {"V", "AH"},      {"@", "AH"},      {"@2", "AH"},    {"@5", "AH"},    {"3", "ER"},
    {"3:", "ER"},    {"VR", "ER"},     {"aI", "AY"},     {"aI@", "AY ER"}, {"aI3", "AY ER"}, {"aU", "AW"},
    {"aU@", "AW ER"}, {"oU", "OW"},    {"o", "OW"},      {"IR", "IH R"},  {"@r", "ER"},
};

bool EndsWithAny(const std::string& phones, std::initializer_list<std::string_view> last) {
  const size_t sp = phones.rfind(' ');
  const std::string_view tail = sp == std::string::npos ? std::string_view(phones) : std::string_view(phones).substr(sp + 1);
  return std::find(last.begin(), last.end(), tail) != last.end();
}

// The plural or possessive ending after a pronunciation: IH Z after a sibilant, S
// after another voiceless sound, else Z.
std::string WithS(const std::string& phones) {
  if (EndsWithAny(phones, {"S", "Z", "SH", "ZH", "CH", "JH"})) return phones + " IH Z";
  if (EndsWithAny(phones, {"P", "T", "K", "F", "TH"})) return phones + " S";
  return phones + " Z";
}

// Words `w` may be an ending of, with how the ending is said ("s": S/Z/IH Z; "": as
// the base, for "drivers'").
std::vector<std::pair<std::string, bool>> Bases(const std::string& w) {
  std::vector<std::pair<std::string, bool>> out;
  if (w.ends_with("'s") && w.size() > 2) out.emplace_back(w.substr(0, w.size() - 2), true);
  if (w.ends_with("s'") && w.size() > 2) out.emplace_back(w.substr(0, w.size() - 1), false);
  if (w.ends_with("ies") && w.size() > 4) out.emplace_back(w.substr(0, w.size() - 3) + "y", true);
  if (w.ends_with("es") && w.size() > 3) out.emplace_back(w.substr(0, w.size() - 2), true);
  if (w.ends_with('s') && !w.ends_with("ss") && w.size() > 3) out.emplace_back(w.substr(0, w.size() - 1), true);
  return out;
}

// The plain word of a dictionary line's head: "read(2)" -> "read".
std::string_view HeadWord(std::string_view head) {
  if (head.ends_with(')')) {
    if (size_t open = head.rfind('('); open != std::string_view::npos && open > 0) return head.substr(0, open);
  }
  return head;
}

// "SLA", "OKRs": every letter a capital, but for a plural s.
bool InCapitals(std::string_view w) {
  if (w.size() >= 3 && w.back() == 's') w.remove_suffix(1);
  return w.size() >= 2 && std::all_of(w.begin(), w.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '\''; });
}

bool Pronounceable(const std::string& w) {
  return !w.empty() && w.size() <= 40 && std::all_of(w.begin(), w.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '\''; });
}

// espeak-ng's readings of `words`, one line each ("word." so that each is a clause of
// its own). Empty when espeak-ng is missing, fails, or its lines do not line up.
std::vector<std::string> EspeakReadings(const std::vector<std::string>& words, const PronunciationOptions& options) {
  if (words.empty()) return {};
  ToolCommand cmd;
  cmd.argv = {options.espeak, "-q", "-v", "en-us", "-x", "--sep= "};
  cmd.package = "espeak-ng";
  cmd.limit = options.espeak_limit;
  cmd.cancel = options.cancel;
  for (const std::string& w : words) cmd.input += w + ".\n";
  auto run = RunTool(cmd);
  if (!run) return {};
  std::vector<std::string> lines;
  size_t i = 0;
  const std::string& out = run->out;
  while (i < out.size()) {
    size_t j = out.find('\n', i);
    if (j == std::string::npos) j = out.size();
    std::string line = out.substr(i, j - i);
    if (line.find_first_not_of(" \t\r") != std::string::npos) lines.push_back(std::move(line));
    i = j + 1;
  }
  if (lines.size() != words.size()) return {};
  return lines;
}

}  // namespace

std::string EspeakToArpabet(std::string_view espeak) {
  std::vector<std::string> phones;
  size_t i = 0;
  while (i < espeak.size()) {
    while (i < espeak.size() && espeak[i] == ' ') ++i;
    size_t j = i;
    while (j < espeak.size() && espeak[j] != ' ') ++j;
    std::string_view t = espeak.substr(i, j - i);
    i = j;
    // Stress and syllable marks, and pauses, are not phones.
    while (!t.empty() && (t.front() == '\'' || t.front() == ',' || t.front() == '%' || t.front() == '=' || t.front() == ';')) {
      t.remove_prefix(1);
    }
    while (!t.empty() && (t.back() == ';' || t.back() == '!')) t.remove_suffix(1);
    if (t.empty() || t == "_" || t == "_:" || t == "_!" || t == "||" || t == "|") continue;
    std::string_view mapped;
    for (const auto& [sym, arpa] : kEspeakPhones) {
      if (sym == t) mapped = arpa;
    }
    if (mapped.empty()) return "";
    size_t k = 0;
    while (k < mapped.size()) {
      size_t e = mapped.find(' ', k);
      if (e == std::string_view::npos) e = mapped.size();
      std::string ph(mapped.substr(k, e - k));
      k = e + 1;
      // espeak-ng writes an r after an r-coloured vowel ("3: r"); CMUdict has one.
      if (ph == "R" && !phones.empty() && (phones.back() == "R" || phones.back() == "ER")) continue;
      if (ph == "ER" && !phones.empty() && phones.back() == "R") {
        phones.back() = "ER";
        continue;
      }
      phones.push_back(std::move(ph));
    }
  }
  std::string out;
  for (const std::string& p : phones) out += (out.empty() ? "" : " ") + p;
  return out;
}

std::string SpellOut(std::string_view written) {
  std::string out;
  const bool plural = written.size() >= 2 && written.back() == 's' && std::isupper(static_cast<unsigned char>(written[written.size() - 2]));
  if (plural) written.remove_suffix(1);
  for (char c : written) {
    const char u = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (u < 'A' || u > 'Z') continue;
    out += (out.empty() ? "" : " ") + std::string(kLetterNames[u - 'A']);
  }
  if (plural && !out.empty()) out = WithS(out);
  return out;
}

Result<PronunciationLexicon> BuildLexicon(const std::set<std::string>& words, const std::map<std::string, std::string>& written,
                             const PronunciationOptions& options) {
  std::set<std::string, std::less<>> wanted(words.begin(), words.end());
  for (const std::string& w : words) {
    for (const auto& [base, s] : Bases(w)) wanted.insert(base);
  }
  std::ifstream in(options.dictionary);
  if (!in) {
    return Error{fmt::format("{}: pronouncing dictionary not found (install Debian's pocketsphinx-en-us)", options.dictionary)};
  }
  std::map<std::string, std::vector<std::string>, std::less<>> found;
  for (std::string line; std::getline(in, line);) {
    const size_t sp = line.find_first_of(" \t");
    if (sp == std::string::npos) continue;
    const std::string_view word = HeadWord(std::string_view(line).substr(0, sp));
    if (!wanted.count(word)) continue;
    const size_t ph = line.find_first_not_of(" \t", sp);
    if (ph == std::string::npos) continue;
    std::string phones = line.substr(ph);
    while (!phones.empty() && (phones.back() == '\r' || phones.back() == ' ')) phones.pop_back();
    found[std::string(word)].push_back(std::move(phones));
  }

  PronunciationLexicon lex;
  std::vector<std::string> for_espeak;
  for (const std::string& w : words) {
    if (auto it = found.find(w); it != found.end()) {
      lex.entries[w] = it->second;
      ++lex.from_dictionary;
      continue;
    }
    if (!Pronounceable(w)) {
      lex.unpronounceable.push_back(w);
      continue;
    }
    if (auto as = written.find(w); as != written.end() && InCapitals(as->second)) {
      if (std::string spelled = SpellOut(as->second); !spelled.empty()) {
        lex.entries[w] = {spelled};
        ++lex.spelled;
        continue;
      }
    }
    bool done = false;
    for (const auto& [base, s] : Bases(w)) {
      auto it = found.find(base);
      if (it == found.end()) continue;
      std::vector<std::string> prons;
      for (const std::string& p : it->second) prons.push_back(s ? WithS(p) : p);
      lex.entries[w] = std::move(prons);
      ++lex.inflected;
      done = true;
      break;
    }
    if (!done) for_espeak.push_back(w);
  }
  std::vector<std::string> as_written;  // espeak-ng reads "GraphQL" better than "graphql".
  for (const std::string& w : for_espeak) {
    auto it = written.find(w);
    as_written.push_back(it == written.end() ? w : it->second);
  }
  const std::vector<std::string> readings = EspeakReadings(as_written, options);
  for (size_t i = 0; i < for_espeak.size(); ++i) {
    const std::string& w = for_espeak[i];
    std::string phones = i < readings.size() ? EspeakToArpabet(readings[i]) : "";
    if (!phones.empty()) {
      lex.entries[w] = {phones};
      ++lex.from_espeak;
    } else if (w.size() <= 4 && !(phones = SpellOut(w)).empty()) {
      lex.entries[w] = {phones};
      ++lex.spelled;
    } else {
      lex.unpronounceable.push_back(w);
    }
  }
  return lex;
}

}  // namespace rehearse
