#include "importer/refs.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "util/text.h"

namespace rehearse {
namespace {

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// If a story id ("Q12") starts at `i`, returns its length; else 0.
size_t IdAt(std::string_view s, size_t i) {
  if (s[i] != 'Q' && s[i] != 'q') return 0;
  if (i > 0 && IsAlnum(s[i - 1])) return 0;
  size_t j = i + 1;
  while (j < s.size() && IsDigit(s[j])) ++j;
  if (j == i + 1) return 0;
  if (j < s.size() && IsAlnum(s[j])) return 0;
  return j - i;
}

std::string KeyOf(std::string_view digits) {
  while (digits.size() > 1 && digits[0] == '0') digits.remove_prefix(1);
  return "q" + std::string(digits);
}

// Drops the parentheses that have no partner, so that a note written back as
// "Q3 (note)" reads back the same.
std::string BalanceParens(std::string_view s) {
  std::string out(s);
  std::vector<size_t> open;
  std::vector<size_t> drop;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '(') open.push_back(i);
    else if (out[i] == ')') {
      if (open.empty()) drop.push_back(i);
      else open.pop_back();
    }
  }
  drop.insert(drop.end(), open.begin(), open.end());
  std::sort(drop.rbegin(), drop.rend());
  for (size_t i : drop) out.erase(i, 1);
  return std::string(Trim(out));
}

// Drops separators and filler from text between references.
std::string CleanLeftover(std::string_view s) {
  std::string out;
  for (std::string_view word : Split(s, ' ')) {
    std::string_view w = Trim(word);
    constexpr std::string_view kEdge = ",;:-()";
    while (!w.empty() && kEdge.find(w.front()) != std::string_view::npos) w.remove_prefix(1);
    while (!w.empty() && kEdge.find(w.back()) != std::string_view::npos) w.remove_suffix(1);
    if (w.empty() || w == "\u2013" || w == "\u2014" || (out.empty() && (w == "and" || w == "or"))) continue;
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

}  // namespace

std::optional<std::string> StoryKeyFromId(std::string_view s) {
  s = Trim(s);
  if (s.empty() || IdAt(s, 0) != s.size()) return std::nullopt;
  return KeyOf(s.substr(1));
}

std::string StoryIdFromKey(std::string_view key) {
  std::string out(key);
  if (!out.empty() && out[0] == 'q') out[0] = 'Q';
  return out;
}

std::vector<StoryRef> ParseStoryRefs(std::string_view cell) {
  std::vector<StoryRef> refs;
  std::string leftover;
  size_t i = 0;
  while (i < cell.size()) {
    size_t len = IdAt(cell, i);
    if (len == 0) {
      // Skip a parenthesis that belongs to no reference as a whole, so ids inside it
      // are not taken for references.
      if (cell[i] == '(') {
        size_t depth = 0, j = i;
        for (; j < cell.size(); ++j) {
          if (cell[j] == '(') ++depth;
          if (cell[j] == ')' && --depth == 0) break;
        }
        leftover.append(cell.substr(i, j + 1 - i));
        i = j + 1;
        continue;
      }
      leftover += cell[i++];
      continue;
    }
    StoryRef ref{KeyOf(cell.substr(i + 1, len - 1)), ""};
    i += len;
    size_t j = i;
    while (j < cell.size() && cell[j] == ' ') ++j;
    if (j < cell.size() && cell[j] == '(') {
      size_t depth = 0, k = j;
      for (; k < cell.size(); ++k) {
        if (cell[k] == '(') ++depth;
        if (cell[k] == ')' && --depth == 0) break;
      }
      size_t end = k < cell.size() ? k : cell.size();
      ref.note = BalanceParens(cell.substr(j + 1, end - j - 1));
      i = end < cell.size() ? end + 1 : end;
    }
    leftover += ' ';
    refs.push_back(std::move(ref));
  }
  std::string extra = BalanceParens(CleanLeftover(leftover));
  if (!extra.empty()) {
    for (auto& ref : refs) {
      if (ref.note.empty()) ref.note = extra;
    }
  }
  return refs;
}

std::optional<LabeledRef> ParseLabeledRef(std::string_view cell) {
  for (size_t i = 0; i < cell.size(); ++i) {
    size_t len = IdAt(cell, i);
    if (len == 0) continue;
    LabeledRef out{KeyOf(cell.substr(i + 1, len - 1)), ""};
    std::string_view before = cell.substr(0, i);
    std::string_view after = cell.substr(i + len);
    before = Trim(before);
    after = Trim(after);
    if (before.ends_with('(') && after.starts_with(')')) {
      before.remove_suffix(1);
      after.remove_prefix(1);
    }
    std::string label(Trim(before));
    std::string_view rest = Trim(after);
    if (!rest.empty()) label += (label.empty() ? "" : " ") + std::string(rest);
    out.label = label;
    return out;
  }
  return std::nullopt;
}

}  // namespace rehearse
