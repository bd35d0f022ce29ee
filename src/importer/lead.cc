#include "importer/lead.h"

#include <cctype>

#include "util/text.h"

namespace rehearse {
namespace {

constexpr size_t kMaxLeadBytes = 60;
constexpr int kMaxLeadWords = 6;

bool IsMarkup(char c) { return c == '*' || c == '_'; }
bool IsSpace(char c) { return c == ' ' || c == '\t'; }

// Skips spaces, emoji and symbols (✅ ⭐ 🎯 ⚙️ 🏁 → •) before a lead's words.
size_t SkipDecoration(std::string_view s, size_t i) {
  while (i < s.size()) {
    if (IsSpace(s[i])) {
      ++i;
    } else if (size_t n = SymbolAt(s, i)) {
      i += n;
    } else {
      break;
    }
  }
  return std::min(i, s.size());
}

// The length of a dash that ends a lead at `i` ("—", "–", or "-" standing alone), or 0.
size_t DashAt(std::string_view s, size_t i) {
  if (s.substr(i).starts_with("\u2014") || s.substr(i).starts_with("\u2013")) return 3;
  if (i < s.size() && s[i] == '-' && (i + 1 == s.size() || IsSpace(s[i + 1]))) return 1;
  return 0;
}

bool ValidName(std::string_view name) {
  if (name.empty() || name.size() > kMaxLeadBytes) return false;
  bool letter = false;
  for (char c : name) {
    if (std::isalpha(static_cast<unsigned char>(c))) letter = true;
    if (c == '.' || c == '?' || c == '!' || c == ',' || c == '"' || c == '`' || c == '[' || c == ']') return false;
  }
  if (!letter) return false;
  int words = 0;
  for (std::string_view w : Split(name, ' ')) words += Trim(w).empty() ? 0 : 1;
  return words <= kMaxLeadWords;
}

// "1. " or "2) " before a label ("1. Situation:").
size_t SkipNumbering(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
  if (j > i && j + 1 < s.size() && (s[j] == '.' || s[j] == ')') && IsSpace(s[j + 1])) return j + 2;
  return i;
}

std::string CleanName(std::string_view name) {
  name = Trim(name);
  while (!name.empty() && (IsMarkup(name.back()) || name.back() == ':' || IsSpace(name.back()))) name.remove_suffix(1);
  while (!name.empty() && IsMarkup(name.front())) name.remove_prefix(1);
  return std::string(Trim(name));
}

bool OnlyDecoration(std::string_view s) {
  size_t i = SkipDecoration(s, 0);
  while (i < s.size() && (IsMarkup(s[i]) || s[i] == ':' || s[i] == '#')) i = SkipDecoration(s, i + 1);
  return i >= s.size();
}

std::optional<Lead> BoldLead(std::string_view line, size_t i, bool heading) {
  size_t open_start = i;
  while (i < line.size() && IsMarkup(line[i])) ++i;
  std::string_view open = line.substr(open_start, i - open_start);
  size_t inner_start = SkipDecoration(line, i);
  size_t close = line.find(open, inner_start);
  // "*Also answers: ...*": an italic lead whose colon comes before the closing marker.
  size_t colon = line.find(':', inner_start);
  if (colon != std::string_view::npos && (close == std::string_view::npos || colon < close) &&
      ValidName(CleanName(line.substr(inner_start, colon - inner_start))) && open.size() == 1) {
    Lead lead;
    lead.name = CleanName(line.substr(inner_start, colon - inner_start));
    lead.bold = true;
    lead.closed = true;
    size_t t = colon + 1;
    while (t < line.size() && IsSpace(line[t])) ++t;
    lead.text = t;
    return lead;
  }
  if (close == std::string_view::npos || close <= inner_start) return std::nullopt;
  std::string_view inner = Trim(line.substr(inner_start, close - inner_start));
  Lead lead;
  lead.bold = true;
  // "**Project: Atlas - Search**": a key and its value inside one bold run.
  if (size_t c = inner.find(':'); c != std::string_view::npos && c + 1 < inner.size()) {
    lead.name = CleanName(inner.substr(0, c));
    if (!ValidName(lead.name)) return std::nullopt;
    size_t t = static_cast<size_t>(inner.data() - line.data()) + c + 1;
    while (t < close && IsSpace(line[t])) ++t;
    lead.text = t;
    lead.text_end = close;
    lead.closed = true;
    return lead;
  }
  bool colon_inside = inner.ends_with(':');
  lead.name = CleanName(inner);
  if (!ValidName(lead.name)) return std::nullopt;
  size_t j = close + open.size();
  while (j < line.size() && IsSpace(line[j])) ++j;
  if (colon_inside) {
    lead.closed = true;
  } else if (j < line.size() && line[j] == ':') {
    lead.closed = true;
    ++j;
  } else if (size_t dash = DashAt(line, j)) {
    lead.closed = true;
    j += dash;
  } else if (heading || OnlyDecoration(line.substr(j))) {
    lead.closed = true;
    j = line.size();
  }
  while (j < line.size() && IsSpace(line[j])) ++j;
  lead.text = std::min(j, line.size());
  return lead;
}

}  // namespace

std::optional<Lead> ReadLead(std::string_view line, bool heading) {
  size_t i = 0;
  if (heading) {
    while (i < line.size() && line[i] == '#') ++i;
  }
  i = SkipDecoration(line, i);
  i = SkipNumbering(line, i);
  if (i >= line.size()) return std::nullopt;
  if (IsMarkup(line[i])) return BoldLead(line, i, heading);
  // A plain lead: words up to a colon or a dash standing alone.
  size_t j = i;
  while (j < line.size()) {
    char c = line[j];
    if (c == ':') break;
    if (IsSpace(c) && DashAt(line, j + 1)) break;
    if (j - i > kMaxLeadBytes) break;
    ++j;
  }
  Lead lead;
  if (j < line.size() && j - i <= kMaxLeadBytes) {
    lead.name = CleanName(line.substr(i, j - i));
    size_t t = j;
    if (line[j] == ':') {
      t = j + 1;
    } else {
      t = j + 1 + DashAt(line, j + 1);
    }
    while (t < line.size() && (IsSpace(line[t]) || IsMarkup(line[t]))) ++t;
    lead.text = std::min(t, line.size());
    lead.closed = true;
  } else if (heading) {
    std::string_view rest = Trim(line.substr(i));
    while (rest.ends_with('#')) rest.remove_suffix(1);
    lead.name = CleanName(rest);
    lead.text = line.size();
    lead.closed = true;
  } else {
    return std::nullopt;
  }
  if (!ValidName(lead.name)) return std::nullopt;
  return lead;
}

std::vector<InlineLabel> FindInlineLabels(std::string_view text,
                                          const std::function<bool(std::string_view)>& is_label) {
  std::vector<InlineLabel> out;
  for (size_t p = 0; p < text.size(); ++p) {
    if (p > 0) {
      // Only at the start of the text, of a line, or of a sentence.
      if (!IsSpace(text[p - 1]) && text[p - 1] != '\n') continue;
      size_t k = p - 1;
      while (k > 0 && (IsSpace(text[k]) || text[k] == '\n')) --k;
      char before = text[k];
      while (k > 0 && (IsMarkup(before) || before == '"' || before == ')')) before = text[--k];
      bool sentence_end = before == '.' || before == '!' || before == '?' || before == ';' || text[p - 1] == '\n';
      if (!sentence_end) continue;
      if (IsSpace(text[p]) || text[p] == '\n') continue;
    }
    size_t j = p;
    while (j < text.size() && IsMarkup(text[j])) ++j;
    size_t name_start = j;
    while (j < text.size() && j - name_start <= 32 &&
           (std::isalpha(static_cast<unsigned char>(text[j])) || text[j] == ' ' || text[j] == '&' || text[j] == '/')) {
      ++j;
    }
    size_t name_end = j;
    while (j < text.size() && IsMarkup(text[j])) ++j;
    if (j >= text.size() || text[j] != ':' || name_end == name_start) continue;
    std::string name(Trim(text.substr(name_start, name_end - name_start)));
    if (name.empty() || !is_label(name)) continue;
    size_t t = j + 1;
    while (t < text.size() && (IsSpace(text[t]) || IsMarkup(text[t]))) ++t;
    out.push_back(InlineLabel{p, t, name});
    p = t > 0 ? t - 1 : t;
  }
  return out;
}

std::string FrameworkHint(std::string_view text, const std::vector<std::string>& ids) {
  for (const auto& id : ids) {
    for (size_t at = text.find(id); at != std::string_view::npos; at = text.find(id, at + 1)) {
      bool left = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
      size_t end = at + id.size();
      bool right = end >= text.size() || !std::isalnum(static_cast<unsigned char>(text[end]));
      if (left && right) return id;
    }
  }
  return "";
}

}  // namespace rehearse
