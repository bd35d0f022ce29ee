#include "text/segment.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cctype>
#include <limits>

#include "util/text.h"

namespace rehearse {
namespace {

struct Label {
  size_t start = 0;       // Where the label begins (its line, for a label opening a line).
  size_t text_start = 0;  // First byte after the label.
  std::string name;
  int index = -1;
  bool in_paragraph = false;
};

bool IsAsciiLetter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// Reads up to `max_words` words of a label name at `line[i]` ("Action", "What I did",
// "Results & impact"); returns the end of the last word, or `i` when there is none.
size_t ReadName(std::string_view line, size_t i, int max_words) {
  size_t end = i;
  for (int words = 0; words < max_words && i < line.size() && IsAsciiLetter(line[i]); ++words) {
    while (i < line.size() && (IsAsciiLetter(line[i]) || line[i] == '\'' || line[i] == '/' || line[i] == '-')) ++i;
    end = i;
    if (i + 1 < line.size() && line[i] == ' ' && line[i + 1] == '&' ) i += 2;  // "Results & impact"
    if (i + 1 < line.size() && line[i] == ' ' && IsAsciiLetter(line[i + 1])) ++i;
    else break;
  }
  return end;
}

size_t SkipMarkup(std::string_view line, size_t i) {
  while (i < line.size() && (line[i] == '*' || line[i] == '_')) ++i;
  return i;
}

// A label opening the line `line`: "Situation:", "**Action:**", "**Go through**:",
// "- Result:", "### Task", "**Learning**" alone on its line, "Situation - I was...".
// Only a colon lets through words that `known` rejects.
template <typename Known>
bool ReadLineLabel(std::string_view line, const Known& known, std::string* name, size_t* end) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '>')) ++i;
  if (i + 1 < line.size() && (line[i] == '-' || line[i] == '*' || line[i] == '+') && line[i + 1] == ' ') i += 2;
  // Markup and emoji before the name ("### ", "**", "🎯 ").
  while (i < line.size() && (line[i] == '*' || line[i] == '_' || line[i] == '#' || line[i] == ' ' ||
                             static_cast<unsigned char>(line[i]) >= 0xE2)) {
    if (static_cast<unsigned char>(line[i]) >= 0xE2) {
      i += static_cast<unsigned char>(line[i]) >= 0xF0 ? 4 : 3;
      while (i + 2 < line.size() && static_cast<unsigned char>(line[i]) == 0xEF && static_cast<unsigned char>(line[i + 1]) == 0xB8) i += 3;  // variation selector
    } else {
      ++i;
    }
  }
  if (i > line.size()) return false;
  size_t name_start = i;
  size_t name_end = ReadName(line, i, 6);
  if (name_end == name_start) return false;
  *name = std::string(line.substr(name_start, name_end - name_start));
  i = SkipMarkup(line, name_end);
  if (i < line.size() && line[i] == ':') {
    *end = SkipMarkup(line, i + 1);
    return true;
  }
  if (!known(*name)) return false;
  size_t j = i;
  while (j < line.size() && line[j] == ' ') ++j;
  if (j < line.size() && line[j] == '-' && j > i && j + 1 < line.size() && line[j + 1] == ' ') {  // "Situation - ..."
    *end = j + 1;
    return true;
  }
  while (j < line.size() && (line[j] == '*' || line[j] == '_' || line[j] == '#' || line[j] == ' ' || line[j] == '\r')) ++j;
  if (j == line.size()) {  // The label is the whole line: a heading or a bold line.
    *end = line.size();
    return true;
  }
  return false;
}

std::vector<Label> FindLabels(std::string_view text, const Framework& framework, const LabelReader& reader) {
  auto known = [&](const std::string& name) { return reader.Map(name, framework) >= -1; };
  std::vector<Label> labels;
  size_t pos = 0;
  int in_paragraph = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    size_t line_end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(pos, line_end - pos);
    std::string name;
    size_t end = 0;
    size_t from = 0;
    if (ReadLineLabel(line, known, &name, &end)) {
      int index = reader.Map(name, framework);
      if (index >= -1) labels.push_back({pos, pos + end, name, index, false});
      from = end;
    }
    // Labels after a sentence inside the line: "... 6 s. Task: I had to ...".
    for (size_t i = from + 2; i < line.size(); ++i) {
      if (line[i - 1] != ' ' || (line[i - 2] != '.' && line[i - 2] != '!' && line[i - 2] != '?')) continue;
      size_t b = SkipMarkup(line, i);
      if (b >= line.size() || !std::isupper(static_cast<unsigned char>(line[b]))) continue;
      size_t e = ReadName(line, b, 3);
      size_t colon = SkipMarkup(line, e);
      if (e == b || colon >= line.size() || line[colon] != ':') continue;
      int index = reader.Map(line.substr(b, e - b), framework);
      if (index < -1) continue;
      labels.push_back({pos + i, pos + SkipMarkup(line, colon + 1), std::string(line.substr(b, e - b)), index, true});
      ++in_paragraph;
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  // One label inside a paragraph is a phrase ("Result: nothing broke"), not a layout.
  if (labels.size() < 2 && in_paragraph > 0) labels.clear();
  return labels;
}

// Cues that a sentence belongs to a section of a given role. Matched on the lowercased
// sentence; each hit adds its weight.
struct Cue {
  std::string_view text;
  double weight;
  bool at_start;  // Only counts at the start of the sentence.
};

constexpr Cue kContextCues[] = {{"at my ", 1, true},  {"at ", 0.5, true},    {"in my ", 1, true},   {"when ", 0.8, true},
                                {"while ", 0.6, true}, {"our team", 0.8, false}, {"there was", 1, false},
                                {"we had", 0.8, false}, {"was responsible for", 0.3, false}, {"last year", 0.8, false},
                                {"a few years ago", 1, false}, {"the company", 0.5, false}, {" used to ", 0.6, false}};
constexpr Cue kTaskCues[] = {{"i needed to", 1.5, false}, {"i had to", 1.2, false},   {"my goal", 1.5, false},
                             {"the goal", 1.2, false},   {"my job was", 1.5, false}, {"my task", 1.5, false},
                             {"i was responsible", 1.2, false}, {"i was tasked", 1.5, false}, {"i owned", 1, false},
                             {"needed to", 0.8, false},   {"had to be", 0.6, false},  {"my role", 1, false}};
constexpr Cue kObstacleCues[] = {{"but ", 0.8, true},          {"however", 1.2, false},     {"the problem was", 1.5, false},
                                 {"the challenge", 1.5, false}, {"pushback", 1.2, false},   {"refused", 1, false},
                                 {"blocked", 1, false},         {"disagree", 1, false},     {"resist", 1, false},
                                 {"the catch", 1.2, false},     {"obstacle", 1.5, false},   {"risk", 0.6, false}};
constexpr Cue kActionCues[] = {{"i ", 0.5, true},      {"first", 0.8, true},  {"then ", 0.8, true},  {"next", 0.8, true},
                               {"so i ", 1, false},    {"i decided", 1, false}, {"i proposed", 1, false},
                               {"i built", 1, false},  {"i wrote", 1, false}, {"i added", 1, false}, {"i set up", 1, false},
                               {"i started", 0.8, false}, {"i talked", 1, false}, {"i met", 0.8, false},
                               {"i created", 1, false}, {"i designed", 1, false}, {"i ran", 0.8, false},
                               {"after that", 0.8, true}, {"finally, i", 0.6, false}, {"i worked", 0.8, false}};
constexpr Cue kResultCues[] = {{"as a result", 2, false}, {"in the end", 1.5, false}, {"result", 1, false},
                               {"outcome", 1.5, false},   {"%", 1, false},          {"reduced", 0.8, false},
                               {"increased", 0.8, false}, {"dropped", 0.8, false},  {"improved", 0.8, false},
                               {"saved", 0.8, false},     {"went from", 1.2, false}, {"went down", 0.8, false},
                               {"shipped", 0.5, false},   {"launched", 0.5, false}, {"ended up", 1, false},
                               {"since then", 1, false},  {"fell", 0.6, false},     {"cut ", 0.5, false},
                               {"this meant", 1, false},  {"overall", 0.8, false}};
constexpr Cue kLearningCues[] = {{"i learned", 2, false},   {"i learnt", 2, false},   {"taught me", 2, false},
                                 {"lesson", 2, false},      {"next time", 1.5, false}, {"in hindsight", 2, false},
                                 {"looking back", 2, false}, {"now i always", 2, false}, {"i now ", 1.5, false},
                                 {"i would do", 1.2, false}, {"differently", 1.2, false}, {"since then i", 1.5, false},
                                 {"takeaway", 2, false},     {"took from", 2, false},  {"took away", 2, false},
                                 {"take away", 2, false},    {"i've learned", 2, false}, {"i've learnt", 2, false},
                                 {"what i learned", 2, false}, {"the lesson", 2, false}, {"it showed me", 2, false},
                                 {"it reminded me", 2, false}, {"i came away", 2, false}, {"i realized", 1.2, false},
                                 {"i realised", 1.2, false},  {"these days i", 2, false}, {"from then on", 1.5, false},
                                 {"going forward", 1.5, false}, {"if i did it again", 2, false}, {"i'd do", 1.2, false},
                                 {"i always", 1.2, false},    {"i make sure", 1.5, false}, {"now i ", 1.5, true},
                                 {" now.", 1.5, false},       {"ever since", 1.5, false}, {"i've since", 2, false},
                                 {"i try to", 1.2, false},    {"i now", 1.5, false},   {"my rule", 1.5, false}};

// The byte pairs a sentence holds, folded into 1,024 bits (the low five bits of each
// byte, so distinct for letter pairs). A cue with a pair the sentence lacks cannot
// occur in it and is not searched for: most cues miss most sentences.
class PairFilter {
 public:
  explicit PairFilter(std::string_view s) {
    for (size_t i = 0; i + 1 < s.size(); ++i) bits_.set(Fold(s[i], s[i + 1]));
  }
  bool MayContain(std::string_view cue) const {
    for (size_t i = 0; i + 1 < cue.size(); ++i) {
      if (!bits_.test(Fold(cue[i], cue[i + 1]))) return false;
    }
    return true;
  }

 private:
  static size_t Fold(char a, char b) {
    return (static_cast<size_t>(static_cast<unsigned char>(a) & 31u) << 5) | (static_cast<unsigned char>(b) & 31u);
  }
  std::bitset<1024> bits_;
};

template <size_t N>
double CueScore(std::string_view lower, const PairFilter& pairs, const Cue (&cues)[N]) {
  double score = 0;
  for (const auto& cue : cues) {
    bool hit = cue.at_start ? lower.starts_with(cue.text)
                            : pairs.MayContain(cue.text) && lower.find(cue.text) != std::string_view::npos;
    if (hit) score += cue.weight;
  }
  return score;
}

// "I built", "we rolled out", "then I wrote": a subject and a past-tense verb, the
// shape of a step taken.
bool StartsWithStep(std::string_view lower) {
  for (std::string_view subject : {"i ", "we ", "then i ", "then we ", "so i ", "so we ", "next, i ", "first, i ", "i also ", "we also "}) {
    if (!lower.starts_with(subject)) continue;
    std::string_view rest = lower.substr(subject.size());
    std::string_view verb = rest.substr(0, rest.find_first_of(" ,.;:"));
    static constexpr std::string_view kIrregular[] = {"built", "wrote", "ran", "made", "took", "set", "led", "got", "put",
                                                      "sat", "found", "began", "brought", "drove", "chose", "spent",
                                                      "split", "cut", "met", "rewrote", "kept", "sent", "went", "paired"};
    if (verb.ends_with("ed") || std::find(std::begin(kIrregular), std::end(kIrregular), verb) != std::end(kIrregular)) return true;
  }
  return false;
}

// An Obstacle or Challenge section (SOAR, CAR) is scored by its own cues.
bool IsObstacle(const FrameworkSection& section) {
  std::string name = ToLower(section.name);
  return name == "obstacle" || name == "challenge";
}

double RoleCues(std::string_view lower, const PairFilter& pairs, const FrameworkSection& section, bool obstacle) {
  if (obstacle) {
    return CueScore(lower, pairs, kObstacleCues) + 0.5 * CueScore(lower, pairs, kContextCues);
  }
  switch (section.role) {
    case SectionRole::kContext: return CueScore(lower, pairs, kContextCues);
    case SectionRole::kTask: return CueScore(lower, pairs, kTaskCues);
    case SectionRole::kAction: return CueScore(lower, pairs, kActionCues) + (StartsWithStep(lower) ? 1.0 : 0);
    case SectionRole::kResult: return CueScore(lower, pairs, kResultCues) + (HasFigure(lower) ? 0.8 : 0);
    case SectionRole::kLearning: return CueScore(lower, pairs, kLearningCues);
  }
  return 0;
}

// Assigns sentences to sections in order (a sentence never goes to an earlier section
// than the one before it), maximising cue and position scores; changing section in
// the middle of a paragraph costs a little. A learning section takes only sentences
// that say what was learned, and when none does, positions are judged as if the
// framework had no learning.
std::vector<int> AssignSentences(std::string_view text, const std::vector<Span>& sentences, const Framework& f) {
  size_t n = sentences.size(), k = f.sections.size();
  constexpr double kNever = -1e9;
  std::vector<std::vector<double>> cues(n, std::vector<double>(k));
  // A learning section opens only on a sentence that says what was learned; the
  // sentences after it may stay in it ("I check for that now").
  std::vector<std::vector<bool>> opens(n, std::vector<bool>(k, true));
  std::vector<bool> possible(k, false);
  std::vector<bool> obstacle(k);
  for (size_t s = 0; s < k; ++s) obstacle[s] = IsObstacle(f.sections[s]);
  for (size_t i = 0; i < n; ++i) {
    std::string lower = ToLower(text.substr(sentences[i].start, sentences[i].size()));
    // A bullet's marker is no part of its sentence: "- we backtested it" starts with "we".
    size_t b = 0;
    while (b < lower.size() && (lower[b] == '-' || lower[b] == '*' || lower[b] == '+' || lower[b] == ' ' || std::isdigit(static_cast<unsigned char>(lower[b])) ||
                                (b > 0 && lower[b] == '.' && std::isdigit(static_cast<unsigned char>(lower[b - 1]))))) {
      ++b;
    }
    lower.erase(0, b);
    const PairFilter pairs(lower);
    for (size_t s = 0; s < k; ++s) {
      cues[i][s] = RoleCues(lower, pairs, f.sections[s], obstacle[s]);
      opens[i][s] = f.sections[s].role != SectionRole::kLearning || cues[i][s] >= 1.5;
      possible[s] = possible[s] || opens[i][s];
    }
  }
  std::vector<double> mid(k, 0);
  double total = 0, cumulative = 0;
  for (size_t s = 0; s < k; ++s) total += possible[s] ? f.sections[s].share : 0;
  for (size_t s = 0; s < k; ++s) {
    if (!possible[s]) continue;
    mid[s] = (cumulative + f.sections[s].share / 2.0) / total;
    cumulative += f.sections[s].share;
  }
  std::vector<std::vector<double>> score(n, std::vector<double>(k));
  for (size_t i = 0; i < n; ++i) {
    double pos = (static_cast<double>(i) + 0.5) / static_cast<double>(n);
    for (size_t s = 0; s < k; ++s) score[i][s] = possible[s] ? cues[i][s] - 3.0 * std::abs(pos - mid[s]) : kNever;
  }
  // A paragraph break (a blank line) between two sentences makes a change of section free.
  auto new_paragraph = [&](size_t i) {
    std::string_view gap = text.substr(sentences[i - 1].end, sentences[i].start - sentences[i - 1].end);
    return gap.find("\n\n") != std::string_view::npos || gap.find("\n\r\n") != std::string_view::npos;
  };
  constexpr double kChangeInParagraph = 0.75;
  // best[i][s]: best total for sentences 0..i with sentence i in section s.
  std::vector<std::vector<double>> best(n, std::vector<double>(k, kNever));
  std::vector<std::vector<int>> from(n, std::vector<int>(k, -1));
  for (size_t s = 0; s < k; ++s) best[0][s] = opens[0][s] ? score[0][s] : kNever;
  for (size_t i = 1; i < n; ++i) {
    double cost = new_paragraph(i) ? 0 : kChangeInParagraph;
    double run = kNever;  // best over sections before s, paying for the change
    int arg = -1;
    for (size_t s = 0; s < k; ++s) {
      double stay = best[i - 1][s];
      double enter = opens[i][s] ? run : kNever;
      if (stay <= kNever && enter <= kNever) {
        best[i][s] = kNever;
      } else if (stay >= enter) {
        best[i][s] = stay + score[i][s];
        from[i][s] = static_cast<int>(s);
      } else {
        best[i][s] = enter + score[i][s];
        from[i][s] = arg;
      }
      if (best[i - 1][s] - cost > run) {
        run = best[i - 1][s] - cost;
        arg = static_cast<int>(s);
      }
    }
  }
  std::vector<int> out(n);
  int s = static_cast<int>(std::max_element(best[n - 1].begin(), best[n - 1].end()) - best[n - 1].begin());
  for (size_t i = n; i-- > 0;) {
    out[i] = s;
    if (i > 0) s = from[i][static_cast<size_t>(s)];
  }
  return out;
}

}  // namespace

const Segment* Segmentation::Find(int index) const {
  for (const auto& s : segments) {
    if (s.index == index) return &s;
  }
  return nullptr;
}

LabelReader::LabelReader(LabelVocabulary vocabulary, std::vector<Framework> frameworks)
    : vocabulary_(std::move(vocabulary)), frameworks_(std::move(frameworks)) {
  for (const auto& entry : vocabulary_.entries) {
    for (const auto& name : entry.names) known_.push_back(NormalizeLabel(name));
  }
  for (const auto& f : frameworks_) {
    for (const auto& s : f.sections) known_.push_back(NormalizeLabel(s.name));
  }
  std::sort(known_.begin(), known_.end());
  known_.erase(std::unique(known_.begin(), known_.end()), known_.end());
}

int LabelReader::Map(std::string_view written, const Framework& framework) const {
  std::string folded = NormalizeLabel(written);
  if (folded.empty()) return -2;
  // "The challenge:", "My task:", "Our result:": the label after its determiner.
  for (std::string_view det : {"the ", "my ", "our "}) {
    if (folded.starts_with(det) && !std::binary_search(known_.begin(), known_.end(), folded)) {
      return Map(written.substr(std::min(written.size(), written.find(' ') + 1)), framework);
    }
  }
  if (folded.size() == 1) {  // A lone letter is a label only where it is a section's initial.
    int index = MapLabel(written, framework, vocabulary_, frameworks_);
    return index >= 0 ? index : -2;
  }
  bool listed = std::binary_search(known_.begin(), known_.end(), folded);
  bool letter_and_name = folded[1] == ' ' || folded[folded.size() - 2] == ' ';  // "S - Situation"
  if (!listed && !letter_and_name) return -2;
  if (listed) {
    std::lock_guard<std::mutex> lock(cache_->mutex);
    auto& table = cache_->index[framework.id];
    auto it = table.find(folded);
    if (it == table.end()) it = table.emplace(folded, MapLabel(written, framework, vocabulary_, frameworks_)).first;
    return it->second >= 0 ? it->second : -1;
  }
  int index = MapLabel(written, framework, vocabulary_, frameworks_);
  if (index >= 0) return index;
  return listed ? -1 : -2;
}

Segmentation SegmentAnswer(std::string_view text, const Framework& framework,
                           const std::vector<std::string>& other_labels) {
  LabelVocabulary vocabulary;
  for (const auto& name : other_labels) vocabulary.entries.push_back(SectionLabels{name, {name}, {}, {}});
  return SegmentAnswer(text, framework, LabelReader(std::move(vocabulary), {framework}));
}

Segmentation SegmentAnswer(std::string_view text, const Framework& framework, const LabelReader& reader) {
  Segmentation out;
  out.words = CountWords(text);
  std::vector<Label> labels = FindLabels(text, framework, reader);
  if (!labels.empty()) {
    out.labeled = true;
    out.preamble = {0, labels[0].start};
    for (size_t i = 0; i < labels.size(); ++i) {
      size_t end = i + 1 < labels.size() ? labels[i + 1].start : text.size();
      Segment seg;
      seg.name = labels[i].index >= 0 ? framework.sections[static_cast<size_t>(labels[i].index)].name : labels[i].name;
      seg.index = labels[i].index;
      seg.span = {labels[i].text_start, end};
      seg.sentences = SplitSentences(text, seg.span);
      seg.words = CountWords(text.substr(seg.span.start, seg.span.size()));
      if (seg.words > 0) out.segments.push_back(std::move(seg));
    }
    return out;
  }
  std::vector<Span> sentences = SplitSentences(text, {0, text.size()});
  if (sentences.empty() || framework.sections.empty()) return out;
  std::vector<int> assigned = AssignSentences(text, sentences, framework);
  for (size_t i = 0; i < sentences.size(); ++i) {
    int s = assigned[i];
    if (out.segments.empty() || out.segments.back().index != s) {
      Segment seg;
      seg.name = framework.sections[static_cast<size_t>(s)].name;
      seg.index = s;
      seg.span = sentences[i];
      out.segments.push_back(std::move(seg));
    }
    Segment& seg = out.segments.back();
    seg.span.end = sentences[i].end;
    seg.sentences.push_back(sentences[i]);
    seg.words += CountWords(text.substr(sentences[i].start, sentences[i].size()));
  }
  return out;
}

}  // namespace rehearse
