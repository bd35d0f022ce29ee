#include "importer/metrics.h"

#include <algorithm>
#include <cctype>

#include "catalog/catalog.h"
#include "text/figures.h"
#include "util/text.h"

namespace rehearse {
namespace {

bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// Punctuation that may wrap a figure without being part of it.
std::string_view StripWrapping(std::string_view w) {
  while (!w.empty() && std::string_view("(\"'*`[").find(w.front()) != std::string_view::npos) w.remove_prefix(1);
  while (!w.empty() && std::string_view(").,;:!?\"'*`]").find(w.back()) != std::string_view::npos) w.remove_suffix(1);
  return w;
}

// True when the figure already carries its unit: "98%", "50-100ms", "4x", "2.5s".
bool HasUnit(std::string_view w) { return !w.empty() && !IsDigit(w.back()) && w.back() != '+'; }

bool IsWord(std::string_view w) {
  bool letter = false;
  for (char c : w) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalpha(u) || u >= 0x80) letter = true;
    else if (c != '-') return false;
  }
  return letter;
}

// "moved", "growing", "quickly": a verb or adverb ends the counted noun phrase.
bool IsVerbLike(std::string_view w) { return w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly"); }

bool IsStopWord(std::string_view w) {
  static constexpr std::string_view kStop[] = {
      "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "with", "by", "and", "or", "vs",
      "before", "after", "than", "since", "during", "within", "across", "while", "that", "which", "who",
      "was", "were", "is", "are", "be", "been", "each", "every", "into", "over", "under", "through",
      "because", "instead", "when", "as", "so", "but", "it", "its", "their", "our", "my", "we", "i",
      "per", "about", "around", "without", "ago", "simpler", "faster", "slower", "down", "up", "out", "off", "later", "earlier", "early", "ahead", "behind", "total", "less", "more"};
  std::string lower = ToLower(w);
  return std::find(std::begin(kStop), std::end(kStop), lower) != std::end(kStop);
}

bool IsArrow(std::string_view w) { return w == "to" || w == "\u2192" || w == "->" || w == "=>"; }

void ExtractLineMetrics(std::string_view line, std::vector<std::string>& out);

}  // namespace

std::vector<std::string> ExtractMetrics(std::string_view text) {
  std::vector<std::string> out;
  for (std::string_view line : SplitLines(text)) ExtractLineMetrics(line, out);
  return out;
}

namespace {
// Figures never span lines: a list item or paragraph line is read on its own.
void ExtractLineMetrics(std::string_view line, std::vector<std::string>& out) {
  std::vector<std::string_view> words;
  for (std::string_view raw : Split(line, ' ')) {
    std::string_view w = Trim(raw);
    if (!w.empty()) words.push_back(w);
  }
  // Which words start a figure, and which figures open a before->after pair, is the
  // figure recognizer's call (text/figures.h), as it is for the linter.
  std::vector<size_t> starts, pair_starts;
  for (const Figure& f : FindFigures(line, {0, line.size()})) {
    // A number word is a metric with what it counts ("three engineers") or as a
    // multiple or fraction ("doubled", "half"); a bare "zero" or "two" says too little.
    bool telling = !f.spelled || !f.unit.empty() || f.quantity == Quantity::kMultiple || f.quantity == Quantity::kFraction;
    if (telling) starts.push_back(f.span.start);
  }
  for (const FigurePair& p : FindFigurePairs(line, {0, line.size()})) pair_starts.push_back(p.before.span.start);
  auto starts_in = [&](const std::vector<size_t>& offsets, std::string_view w) {
    auto b = static_cast<size_t>(w.data() - line.data());
    return std::any_of(offsets.begin(), offsets.end(), [&](size_t o) { return o >= b && o < b + w.size(); });
  };
  auto IsFigure = [&](std::string_view w) { return starts_in(starts, w); };
  size_t i = 0;
  // Reads one figure with its unit words starting at words[i]; advances i.
  auto read_figure = [&](size_t& k) {
    std::string_view head = StripWrapping(words[k]);
    std::string figure(head);
    bool closed = head.size() != words[k].size() && words[k].back() != '+' && !std::isalnum(static_cast<unsigned char>(words[k].back()));
    ++k;
    if (!HasUnit(head)) {
      int unit_words = 0;
      while (!closed && k < words.size() && unit_words < 2) {
        std::string_view w = StripWrapping(words[k]);
        if (!IsWord(w) || IsStopWord(w) || (unit_words > 0 && IsVerbLike(w))) break;
        figure += ' ';
        figure += w;
        closed = w.size() != words[k].size();
        ++unit_words;
        ++k;
      }
      // "per minute" completes a rate.
      if (!closed && unit_words > 0 && k + 1 < words.size() && ToLower(words[k]) == "per") {
        std::string_view w = StripWrapping(words[k + 1]);
        if (IsWord(w)) {
          figure += " per ";
          figure += w;
          k += 2;
        }
      }
    }
    return figure;
  };
  while (i < words.size()) {
    if (!IsFigure(StripWrapping(words[i]))) {
      ++i;
      continue;
    }
    bool pair = starts_in(pair_starts, words[i]);
    std::string metric = read_figure(i);
    if (pair && i + 1 < words.size() && IsArrow(words[i]) && IsFigure(StripWrapping(words[i + 1]))) {
      std::string_view arrow = words[i];
      ++i;
      metric += ' ';
      metric += arrow;
      metric += ' ';
      metric += read_figure(i);
    }
    out.push_back(std::move(metric));
  }
}
}  // namespace

std::vector<std::string> StoryMetrics(const Story& story, const Catalog& catalog) {
  const Framework* framework = catalog.FindFramework(story.framework);
  std::vector<std::string> out;
  for (const auto& section : story.sections) {
    const FrameworkSection* def = framework ? framework->FindSection(section.name) : nullptr;
    bool is_result = def ? def->role == SectionRole::kResult : ToLower(section.name) == "result";
    if (!is_result) continue;
    for (auto& m : ExtractMetrics(section.text)) out.push_back(std::move(m));
  }
  return out;
}

}  // namespace rehearse
