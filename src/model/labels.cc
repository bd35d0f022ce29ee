#include "model/labels.h"

#include <cctype>
#include <optional>

#include "util/text.h"

namespace rehearse {
namespace {

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// True for the UTF-8 sequence at `s[i]` being a letter we keep: Latin letters with
// diacritics (U+00C0..U+024F). Emoji, dashes, arrows and other symbols are dropped.
size_t KeptLetterLength(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return std::isalnum(c) ? 1 : 0;
  if ((c == 0xC3 || c == 0xC4 || c == 0xC5 || c == 0xC6 || c == 0xC7 || c == 0xC8 || c == 0xC9) && i + 1 < s.size()) {
    return 2;
  }
  return 0;
}

size_t Utf8SequenceLength(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  if ((c & 0xF8) == 0xF0) return 4;
  return 1;
}

std::optional<SectionRole> CanonicalRole(std::string_view section, const std::vector<Framework>& all) {
  for (const auto& f : all) {
    if (const FrameworkSection* s = f.FindSection(section)) return s->role;
  }
  return std::nullopt;
}

int IndexByName(const Framework& framework, std::string_view normalized) {
  for (size_t i = 0; i < framework.sections.size(); ++i) {
    if (NormalizeLabel(framework.sections[i].name) == normalized) return static_cast<int>(i);
  }
  return -1;
}

int IndexByInitial(const Framework& framework, char letter) {
  int found = -1;
  for (size_t i = 0; i < framework.sections.size(); ++i) {
    const std::string& name = framework.sections[i].name;
    if (!name.empty() && std::tolower(static_cast<unsigned char>(name[0])) == letter) {
      if (found >= 0) return -1;  // Two sections share the initial: ambiguous.
      found = static_cast<int>(i);
    }
  }
  return found;
}

int IndexFromVocabulary(const Framework& framework, std::string_view normalized, const LabelVocabulary& vocabulary,
                        const std::vector<Framework>& all) {
  std::optional<SectionRole> first_role;
  for (const auto& entry : vocabulary.entries) {
    bool holds = false;
    for (const auto& name : entry.names) holds |= NormalizeLabel(name) == normalized;
    if (!holds) continue;
    if (int i = IndexByName(framework, NormalizeLabel(entry.section)); i >= 0) return i;
    if (!first_role) first_role = CanonicalRole(entry.section, all);
  }
  if (!first_role) return -1;
  for (size_t i = 0; i < framework.sections.size(); ++i) {
    if (framework.sections[i].role == *first_role) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

std::string NormalizeLabel(std::string_view written) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < written.size();) {
    auto c = static_cast<unsigned char>(written[i]);
    if (size_t n = KeptLetterLength(written, i)) {
      if (space && !out.empty()) out += ' ';
      space = false;
      for (size_t k = 0; k < n; ++k) out += static_cast<char>(std::tolower(static_cast<unsigned char>(written[i + k])));
      i += n;
      continue;
    }
    if (c == '&') {
      if (!out.empty()) out += " and";
      space = true;
      ++i;
      continue;
    }
    // An apostrophe inside a word ("What I'd do") joins it; everything else separates.
    if (c == '\'' && !out.empty() && i + 1 < written.size() && IsWordByte(static_cast<unsigned char>(written[i + 1]))) {
      ++i;
      continue;
    }
    space = true;
    i += Utf8SequenceLength(c);
  }
  return out;
}

int MapLabel(std::string_view written, const Framework& framework, const LabelVocabulary& vocabulary,
             const std::vector<Framework>& all) {
  std::string label = NormalizeLabel(written);
  if (label.empty()) return -1;
  if (int i = IndexByName(framework, label); i >= 0) return i;
  if (label.size() == 1) return IndexByInitial(framework, label[0]);
  // "S - Situation", "S (Situation)", "Situation (S)": the letter and the name agree.
  size_t space = label.find(' ');
  if (space == 1 || (space != std::string::npos && label.size() - label.rfind(' ') == 2)) {
    bool letter_first = space == 1;
    std::string name = letter_first ? label.substr(2) : label.substr(0, label.rfind(' '));
    char letter = letter_first ? label[0] : label.back();
    if (!name.empty() && name[0] == letter) {
      if (int i = MapLabel(name, framework, vocabulary, all); i >= 0) return i;
    }
  }
  return IndexFromVocabulary(framework, label, vocabulary, all);
}

bool IsKnownLabel(std::string_view written, const LabelVocabulary& vocabulary, const std::vector<Framework>& all) {
  for (const auto& f : all) {
    if (MapLabel(written, f, vocabulary, all) >= 0) return true;
  }
  return false;
}

}  // namespace rehearse
