#include "text/lexicon.h"

#include <charconv>

#include <fmt/format.h>

#include "text/terms.h"
#include "util/text.h"

namespace rehearse {

Result<Lexicon> Lexicon::Parse(std::string_view vader, std::string_view wordnet, std::string_view vader_name,
                               std::string_view wordnet_name) {
  Lexicon lex;
  lex.valence_.reserve(8000);
  int line_no = 0;
  for (std::string_view line : SplitLines(vader)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    float v = 0;
    auto [ptr, ec] = tab == std::string_view::npos ? std::from_chars_result{nullptr, std::errc::invalid_argument}
                                                   : std::from_chars(line.data() + tab + 1, line.data() + line.size(), v);
    if (ec != std::errc() || tab == 0) return Error{fmt::format("{}:{}: expected a token, a tab and a valence", vader_name, line_no)};
    lex.valence_.emplace(std::string(line.substr(0, tab)), v);
  }
  line_no = 0;
  lex.classes_.reserve(12000);
  for (std::string_view line : SplitLines(wordnet)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> f = Split(line, '\t');
    if (f.size() >= 2 && f[1] == "agent") lex.classes_[std::string(f[0])] |= kAgent;
    else if (f.size() >= 2 && f[1] == "feeling") lex.classes_[std::string(f[0])] |= kFeeling;
    else if (f.size() == 3 && f[1] == "verb") lex.verbs_.emplace(std::string(f[0]), std::string(f[2]));
    else return Error{fmt::format("{}:{}: expected a word, a tab and agent, feeling or verb", wordnet_name, line_no)};
  }
  return lex;
}

float Lexicon::Valence(std::string_view word) const {
  auto it = valence_.find(word);
  return it == valence_.end() ? 0.0f : it->second;
}

bool Lexicon::IsAgent(std::string_view word) const {
  auto has = [&](std::string_view w) {
    auto it = classes_.find(w);
    return it != classes_.end() && (it->second & kAgent);
  };
  if (has(word)) return true;
  if (word.size() > 3 && word.ends_with("s") && has(word.substr(0, word.size() - 1))) return true;
  if (word.size() > 4 && word.ends_with("es") && has(word.substr(0, word.size() - 2))) return true;
  return word == "people" || word == "folks";
}

bool Lexicon::IsFeeling(std::string_view word) const {
  auto it = classes_.find(word);
  return it != classes_.end() && (it->second & kFeeling);
}

std::string Lexicon::VerbLemma(std::string_view form) const {
  if (auto it = verbs_.find(form); it != verbs_.end()) return Stem(it->second);
  return Stem(form);
}

bool Lexicon::IsPast(std::string_view form) const {
  if (form.size() > 3 && form.ends_with("ed")) return true;
  auto it = verbs_.find(form);
  return it != verbs_.end() && !form.ends_with("ing") && !(form.ends_with("s") && !form.ends_with("ss"));
}

}  // namespace rehearse
