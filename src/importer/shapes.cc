#include "importer/shapes.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "importer/block_start.h"
#include "importer/guide_tables.h"
#include "importer/lead.h"
#include "importer/nicknames.h"
#include "importer/outline.h"
#include "importer/refs.h"
#include "importer/title.h"
#include "importer/value_names.h"
#include "model/labels.h"
#include "text/segment.h"
#include "text/terms.h"
#include "util/text.h"

namespace rehearse {
namespace {

// An unlabeled answer needs this many words to be read as a story; fewer is a note.
constexpr int kMinStoryWords = 40;
// Two stories sharing this share of their content words are two tellings of one.
constexpr double kVersionOverlap = 0.6;

enum class Meta { kNone, kProject, kFramework, kThemes, kValues, kNotes, kQuestion, kPrimary, kBackup, kAnswer, kTitle };

// A label or metadata key found in the guide, with where its text runs.
struct Mark {
  size_t start = 0;  // Byte offset of the label in the body.
  size_t cut = 0;    // Where the text before it ends: the start of its line, or of
                     // the label itself inside a paragraph.
  size_t text = 0;   // Byte offset where its text begins.
  size_t text_end = std::string_view::npos;  // A fixed end ("**Project: X**"); npos: the next mark.
  int line = 0;
  std::string name;  // As written: "Goal", "S - Situation", "Leadership Principles".
  Meta meta = Meta::kNone;  // kNone: a section label.
  bool item = false;        // On the first line of a list item: its text is dedented.
  size_t item_indent = 0;
};

// A titled part of the guide: a heading, a numbered question or a <details> block,
// and the lines that stand under it.
struct Part {
  int line = 0;  // The title's line; 0 for the file as a whole.
  int rank = 0;  // 0 the file, 1-6 heading level, 7 numbered item or <details>.
  bool details = false;
  std::string written;
  Title title;
  int first = 1, last = 0;  // Its lines, title excluded.
  int parent = -1;
  std::vector<int> children;

  enum class Kind { kNone, kLabeled, kProse, kOutline, kQuestion, kTemplate, kGuidance, kWhy, kStatement };
  Kind kind = Kind::kNone;
  bool merged = false;  // Its lines belong to the story of an ancestor.
  bool consumed = false;  // Read as something else (a promoted title, a question).
  std::string story_title;  // When a parent's title was promoted.
  int story_number = 0;
  ValueRef value;  // The company value its heading names.
};

// A story being assembled, from a part, a table row or a bullet.
struct Draft {
  int line = 0;
  std::string title;
  int number = 0;
  bool q_key = false;
  std::string framework_written, hint;
  int framework_line = 0;
  std::vector<std::pair<std::string, std::string>> sections;  // (label as written, text)
  bool inferred = false;  // Sections found by the segmenter.
  std::string prose;      // An unlabeled answer.
  std::string notes;
  std::string project;
  std::vector<std::string> themes;
  std::vector<std::pair<std::string, std::string>> values;  // (company id, value name)
  std::vector<std::pair<int, std::string>> unknown_values;  // (line, as written)
  int part = -1;
  bool question_title = false;
};

std::string Lower(std::string_view s) { return ToLower(Trim(s)); }

bool IsRuleLine(std::string_view l) {
  l = Trim(l);
  if (l.size() < 3) return false;
  char c = l[0];
  if (c != '-' && c != '*' && c != '_') return false;
  int n = 0;
  for (char x : l) {
    if (x == c) ++n;
    else if (x != ' ' && x != '\t') return false;
  }
  return n >= 3;
}

// Drops blank and rule lines at both ends, and trailing white space.
std::string TrimBlock(std::string s) {
  std::vector<std::string_view> lines = Split(s, '\n');
  size_t b = 0, e = lines.size();
  while (b < e && (Trim(lines[b]).empty() || IsRuleLine(lines[b]))) ++b;
  while (e > b && (Trim(lines[e - 1]).empty() || IsRuleLine(lines[e - 1]))) --e;
  std::string out;
  for (size_t i = b; i < e; ++i) {
    if (i > b) out += '\n';
    out += lines[i];
  }
  size_t end = out.find_last_not_of(" \t\n");
  out.erase(end == std::string::npos ? 0 : end + 1);
  return out;
}

int CountWords(std::string_view s) {
  int n = 0;
  bool in = false;
  for (char c : s) {
    bool w = IsAsciiAlnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
    if (w && !in) ++n;
    in = w;
  }
  return n;
}

// How a stretch of text speaks: first person ("I", "we", "my"), second person ("you")
// and past tense (a story) versus present (a habit or advice).
struct Voice {
  int first = 0, second = 0, past = 0, words = 0;
  bool StartsWithI = false;
};

// What a word says of its text's voice: first or second person, or a past form that
// does not end in -ed. One table, so that a word costs one lookup.
enum VoiceMark : uint8_t { kFirstPerson = 1, kSecondPerson = 2, kIrregularPast = 4 };
const std::unordered_map<std::string_view, uint8_t>& VoiceMarks() {
  static const auto* const kMarks = [] {
    auto* m = new std::unordered_map<std::string_view, uint8_t>;
    for (std::string_view w : {"i", "i'm", "i've", "i'd", "my", "me", "we", "our", "us", "we'd"}) (*m)[w] |= kFirstPerson;
    for (std::string_view w : {"you", "your", "you're", "yourself", "you've", "you'll"}) (*m)[w] |= kSecondPerson;
    for (std::string_view w :
         {"was", "were", "had", "did", "made", "took", "built", "led", "ran", "wrote", "found", "got", "went", "saw",
          "told", "gave", "kept", "set", "put", "brought", "thought", "felt", "knew", "began", "chose", "spent", "sent",
          "left", "met", "paid", "sold", "won", "lost", "caught", "taught", "drove", "broke", "rose", "fell", "grew",
          "came", "became", "said", "held", "stood", "understood", "wasn't", "weren't", "didn't", "hadn't", "couldn't"}) {
      (*m)[w] |= kIrregularPast;
    }
    return m;
  }();
  return *kMarks;
}

Voice VoiceOf(std::string_view s) {
  Voice v;
  std::string w;  // The current word, lowercased; reused.
  auto flush = [&] {
    if (w.empty()) return;
    if (v.words == 0) v.StartsWithI = w == "i";
    ++v.words;
    uint8_t marks = 0;
    if (w.size() <= 10) {
      auto it = VoiceMarks().find(w);
      if (it != VoiceMarks().end()) marks = it->second;
    }
    if (marks & kFirstPerson) ++v.first;
    if (marks & kSecondPerson) ++v.second;
    if ((w.size() > 4 && w.ends_with("ed")) || (marks & kIrregularPast)) ++v.past;
    w.clear();
  };
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (IsAsciiAlnum(u) || c == '\'') w += AsciiLower(c);
    else flush();
  }
  flush();
  return v;
}

bool IsNarrative(std::string_view s) {
  Voice v = VoiceOf(s);
  return v.past >= 2 && v.first >= 1;
}

// A placeholder: "[Story name]", "[Employer], [Year]. [Background.]", "- [A step]".
bool IsPlaceholder(std::string_view s) {
  std::string rest;
  int depth = 0;
  bool any = false;
  for (char c : s) {
    if (c == '[') {
      ++depth;
      any = true;
    } else if (c == ']') {
      depth = std::max(0, depth - 1);
    } else if (depth == 0) {
      rest += c;
    }
  }
  if (!any) return false;
  // What is left outside the brackets is markup and punctuation, or a few words
  // around them ("setback, lesson, [more]").
  return CountWords(rest) <= 3;
}

std::string StripMarkup(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '*' || c == '`') continue;
    if (c == '_' && (i == 0 || i + 1 == s.size() || !std::isalnum(static_cast<unsigned char>(s[i - 1])) ||
                     !std::isalnum(static_cast<unsigned char>(s[i + 1])))) {
      continue;
    }
    out += c;
  }
  return std::string(Trim(out));
}

// "“staying calm in an incident,” “hands-on depth.”" -> the quoted phrases; else the
// comma-separated parts.
std::vector<std::string> ThemeList(std::string_view s) {
  std::vector<std::string> out;
  auto clean = [](std::string_view t) {
    t = Trim(t);
    // A trailing colon too: "**Themes: a, b:**" would export as a label line.
    while (!t.empty() && (t.back() == ',' || t.back() == '.' || t.back() == ';' || t.back() == ':' || t.back() == '*')) {
      t = Trim(t.substr(0, t.size() - 1));
    }
    while (!t.empty() && t.front() == '*') t = Trim(t.substr(1));
    return std::string(t);
  };
  // A theme is a name: punctuation alone ("-", ":") is none.
  auto has_word = [](const std::string& t) {
    return std::any_of(t.begin(), t.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); });
  };
  // Quoted phrases, straight or curly.
  for (size_t i = 0; i < s.size();) {
    size_t open = std::string_view::npos, olen = 0;
    size_t q1 = s.find('"', i), q2 = s.find("\u201c", i);
    if (q1 != std::string_view::npos && (q2 == std::string_view::npos || q1 < q2)) {
      open = q1;
      olen = 1;
    } else if (q2 != std::string_view::npos) {
      open = q2;
      olen = 3;
    }
    if (open == std::string_view::npos) break;
    size_t close = olen == 1 ? s.find('"', open + 1) : s.find("\u201d", open + 3);
    if (close == std::string_view::npos) break;
    std::string t = clean(s.substr(open + olen, close - open - olen));
    if (has_word(t)) out.push_back(t);
    i = close + olen;
  }
  if (!out.empty()) return out;
  for (std::string_view t : Split(s, ',')) {
    std::string c = clean(t);
    if (has_word(c)) out.push_back(c);
  }
  return out;
}

Meta MetaOf(std::string_view name, bool bold) {
  std::string n = Lower(name);
  if (n == "project" || n == "project name" || n == "team" || n == "company") return Meta::kProject;
  if (n == "framework" || n == "format" || n == "method") return Meta::kFramework;
  if (n == "themes" || n == "theme" || n == "tags" || n == "tag" || n == "also answers" || n == "also use for" ||
      n == "use for" || n == "topics" || n == "good for" || n == "answers") {
    return Meta::kThemes;
  }
  if (n == "leadership principles" || n == "leadership principle" || n == "lps" || n == "lp" ||
      n == "principles" || n == "values" || n == "company values" || n == "amazon lps" ||
      n == "amazon leadership principles" || n == "core values" || n == "lp tags" || n == "principles shown") {
    return Meta::kValues;
  }
  if ((n == "notes" || n == "note") && bold) return Meta::kNotes;
  if (n == "question" || n == "prompt" || n == "q" || n == "interview question") return Meta::kQuestion;
  if (n == "primary" || n == "go-to" || n == "go to" || n == "goto" || n == "main story") return Meta::kPrimary;
  if (n == "backup" || n == "back-up" || n == "alternate" || n == "alternative") return Meta::kBackup;
  if (n.starts_with("answer") || n == "my answer" || n == "story") return Meta::kAnswer;
  if (n == "title" || n == "story title" || n == "story name") return Meta::kTitle;
  return Meta::kNone;
}

class ShapeReader {
 public:
  ShapeReader(std::string_view body, std::string_view file, const Catalog& catalog, const ImportChoices& choices)
      : body_(body), file_(file), catalog_(catalog), choices_(choices), tables_(catalog, &out_), value_names_(catalog) {
    for (const auto& f : catalog.frameworks) framework_ids_.push_back(f.id);
  }

  Result<ParsedGuide> Read() {
    outline_ = BuildOutline(body_);
    used_.assign(static_cast<size_t>(outline_.size()) + 2, false);
    FindMarks();
    BuildParts();
    for (int i = static_cast<int>(parts_.size()) - 1; i >= 0; --i) Classify(i);
    PromoteTitles();
    FindValueParts();
    CollectStories();
    ReadTables();
    ReadBulletStories();
    ReadQuestionLists();
    AssignKeysAndBuild();
    ResolveLinks();
    ReportUnread();
    std::stable_sort(out_.warnings.begin(), out_.warnings.end(),
                     [](const ImportWarning& a, const ImportWarning& b) { return a.line < b.line; });
    if (out_.stories.empty() && out_.questions.empty()) return Error{NothingFound()};
    return std::move(out_);
  }

 private:
  // ---- Labels -----------------------------------------------------------------

  bool IsSectionName(std::string_view name) const {
    std::string folded = NormalizeLabel(name);
    auto it = known_.find(folded);
    if (it != known_.end()) return it->second;
    bool known = IsKnownLabel(name, catalog_.labels, catalog_.frameworks);
    known_[folded] = known;
    return known;
  }

  // The section label or metadata a lead stands for; nullopt for neither.
  std::optional<Meta> Classify(const Lead& lead) const {
    if (!lead.closed) return std::nullopt;
    Meta m = MetaOf(lead.name, lead.bold);
    if (m != Meta::kNone) return m;
    if (IsSectionName(lead.name)) return Meta::kNone;
    return std::nullopt;
  }

  bool IsLabelHeading(const OutlineLine& l) const {
    auto lead = ReadLead(l.Content(), true);
    if (!lead || lead->text < l.Content().size()) return false;
    return IsSectionName(lead->name);
  }

  void AddLineMark(const OutlineLine& l, const Lead& lead, Meta meta) {
    Mark m;
    m.line = l.number;
    m.name = lead.name;
    m.meta = meta;
    m.start = l.offset + l.content;
    m.cut = l.offset;
    std::string_view content = l.Content();
    if (lead.text >= content.size()) {
      // The text starts on the next line.
      m.text = l.number < outline_.size() ? outline_.Line(l.number + 1).offset : body_.size();
    } else {
      m.text = l.offset + l.content + lead.text;
      if (lead.text_end != std::string_view::npos) m.text_end = l.offset + l.content + lead.text_end;
    }
    m.item = l.item_start;
    m.item_indent = l.item_indent;
    marks_.push_back(std::move(m));
  }

  void FindMarks() {
    for (const auto& l : outline_.lines) {
      if (l.kind == LineKind::kHeading && l.block_start) {
        if (IsLabelHeading(l)) {
          auto lead = ReadLead(l.Content(), true);
          AddLineMark(l, *lead, Meta::kNone);
        }
        continue;
      }
      if (l.kind != LineKind::kParagraph) continue;
      if (inline_blocks_.count(l.block)) continue;
      if (l.block_start && InlineMarks(l)) {
        inline_blocks_.insert(l.block);
        continue;
      }
      auto lead = ReadLead(l.Content(), false);
      if (lead) {
        if (auto meta = Classify(*lead)) {
          AddLineMark(l, *lead, *meta);
          continue;
        }
      }
      if (l.block_start) SymbolMark(l);
    }
    std::sort(marks_.begin(), marks_.end(), [](const Mark& a, const Mark& b) { return a.start < b.start; });
    // "Q: ..." then "A: ...": the A is the answer, not an Action label.
    for (size_t k = 0; k + 1 < marks_.size(); ++k) {
      if (marks_[k].meta == Meta::kQuestion && marks_[k + 1].meta == Meta::kNone &&
          NormalizeLabel(marks_[k + 1].name) == "a") {
        marks_[k + 1].meta = Meta::kAnswer;
      }
    }
  }

  // An emoji that stands for a section ("🎯 Halve the p95") at the start of a
  // paragraph or list item: a label named for the section it stands for.
  void SymbolMark(const OutlineLine& l) {
    std::string_view c = l.Content();
    size_t n = SymbolAt(c, 0);
    if (n == 0) return;
    std::string_view symbol = c.substr(0, n);
    size_t after = n;
    while (after < c.size() && SymbolAt(c, after) && c.substr(after).starts_with("\uFE0F")) after += 3;
    if (after < c.size() && c[after] != ' ') return;
    for (const auto& entry : catalog_.labels.entries) {
      for (const auto& sym : entry.symbols) {
        if (sym != symbol) continue;
        Lead lead;
        lead.name = entry.section;
        lead.closed = true;
        while (after < c.size() && c[after] == ' ') ++after;
        lead.text = after;
        AddLineMark(l, lead, Meta::kNone);
        return;
      }
    }
  }

  // Labels written inline in the paragraph that starts at `l`: two or more, of two or
  // more sections, the first at the paragraph's start.
  bool InlineMarks(const OutlineLine& l) {
    int last = l.number;
    while (last < outline_.size() && outline_.Line(last + 1).block == l.block) ++last;
    size_t begin = l.offset + l.content;
    const OutlineLine& end_line = outline_.Line(last);
    size_t end = end_line.offset + end_line.raw.size();
    std::string_view text = body_.substr(begin, end - begin);
    auto found = FindInlineLabels(text, [&](std::string_view n) { return IsSectionName(n); });
    if (found.size() < 2 || found[0].start != 0) return false;
    std::set<std::string> names;
    for (const auto& f : found) names.insert(NormalizeLabel(f.name));
    if (names.size() < 2) return false;
    for (const auto& f : found) {
      Mark m;
      m.start = begin + f.start;
      m.cut = f.start == 0 ? l.offset : m.start;
      m.text = begin + f.text;
      m.line = LineAt(m.start);
      m.name = f.name;
      m.item = l.item_start && f.start == 0;
      m.item_indent = l.item_indent;
      marks_.push_back(std::move(m));
    }
    return true;
  }

  // ---- Parts -----------------------------------------------------------------

  void BuildParts() {
    Part file;
    file.rank = 0;
    file.first = 1;
    file.last = outline_.size();
    parts_.push_back(file);
    // Whether a section label has been seen since the last heading: numbered items
    // there are the section's steps, unless they ask a question.
    bool open_section = false;
    std::string heading;  // The last heading's text: questions under "Questions to ask" are not parts.
    size_t next_mark = 0;
    std::vector<std::pair<int, int>> details;  // (summary line, closing line)
    for (const auto& l : outline_.lines) {
      while (next_mark < marks_.size() && marks_[next_mark].line < l.number) {
        if (marks_[next_mark].meta == Meta::kNone) open_section = true;
        ++next_mark;
      }
      if (l.kind == LineKind::kHeading && l.block_start) {
        if (IsLabelHeading(l)) continue;
        open_section = false;
        heading = std::string(l.Content());
        Part p;
        p.line = l.number;
        p.rank = l.heading_level;
        std::string_view text = l.Content();
        if (text.starts_with('#')) {
          while (text.starts_with('#')) text.remove_prefix(1);
          text = Trim(text);
          while (text.ends_with('#')) text.remove_suffix(1);
        }
        p.written = std::string(Trim(text));
        p.title = ParseTitle(p.written);
        p.first = l.number + 1;
        // A setext heading's underline is part of the title.
        if (l.number < outline_.size() && outline_.Line(l.number + 1).block == l.block) p.first = l.number + 2;
        parts_.push_back(std::move(p));
        continue;
      }
      // A list item whose nested lines label two sections or more: a story, titled
      // by the item's first line ("1. **Led the migration**" over "- Situation: …").
      if (l.item_start && l.list_depth == 1 && l.quote_depth == 0 && l.kind == LineKind::kParagraph &&
          !IsMarkLine(l.number)) {
        int end = ItemEnd(l.number);
        if (l.number < end && SectionsBetween(l.number + 1, end) >= 2) {
          Part p;
          p.line = l.number;
          p.rank = 7;
          p.written = std::string(Trim(l.Content()));
          p.title = ParseTitle(StripMarkup(p.written));
          if (l.ordered && p.title.number == 0) p.title.number = l.item_number;
          p.first = l.number + 1;
          details_end_[l.number] = end;
          parts_.push_back(std::move(p));
          open_section = false;
          continue;
        }
      }
      // "Q: Tell me about ..." answered by "A: ...": a question and its answer.
      if (l.kind == LineKind::kParagraph && l.block_start && l.list_depth == 0 && IsMarkLine(l.number)) {
        auto it = std::lower_bound(marks_.begin(), marks_.end(), l.number,
                                   [](const Mark& m, int line) { return m.line < line; });
        if (it->meta == Meta::kQuestion && std::next(it) != marks_.end() && std::next(it)->meta == Meta::kAnswer) {
          Part p;
          p.line = l.number;
          p.rank = 7;
          size_t end = it->text_end != std::string_view::npos ? it->text_end : std::next(it)->cut;
          end = std::min(end, BlockEnd(l.number));
          p.written = Unquote(StripMarkup(TrimBlock(std::string(body_.substr(it->text, end > it->text ? end - it->text : 0)))));
          p.title = ParseTitle(p.written);
          p.title.text = p.written;
          p.first = LineAt(std::next(it)->cut);
          parts_.push_back(std::move(p));
          open_section = false;
          continue;
        }
      }
      // A bold line alone, over labels: "**Cut checkout latency by half**".
      if (l.kind == LineKind::kParagraph && l.block_start && l.list_depth == 0 && l.quote_depth == 0 &&
          !IsMarkLine(l.number) && IsBoldTitle(l)) {
        int end = outline_.size();
        for (int m = l.number + 1; m <= outline_.size(); ++m) {
          const OutlineLine& n = outline_.Line(m);
          if ((n.kind == LineKind::kHeading && n.block_start && !IsLabelHeading(n)) ||
              (n.kind == LineKind::kParagraph && n.block_start && n.list_depth == 0 && !IsMarkLine(m) &&
               IsBoldTitle(n))) {
            end = m - 1;
            break;
          }
        }
        if (SectionsBetween(l.number + 1, end) >= 2) {
          Part p;
          p.line = l.number;
          p.rank = 7;
          p.written = std::string(Trim(l.Content()));
          p.title = ParseTitle(StripMarkup(p.written));
          p.first = l.number + 1;
          parts_.push_back(std::move(p));
          open_section = false;
          continue;
        }
      }
      if (l.item_start && l.ordered && l.list_depth == 1 && l.quote_depth == 0 && l.kind == LineKind::kParagraph) {
        std::string title(Trim(l.Content()));
        int last = l.number;
        // A title wrapped onto indented lines of the item (not lazy ones) continues.
        while (last < outline_.size()) {
          const OutlineLine& n = outline_.Line(last + 1);
          if (n.block != l.block || title.ends_with('?') || title.ends_with('.') || title.ends_with('!')) break;
          size_t indent = n.raw.find_first_not_of(' ');
          if (indent == std::string_view::npos || indent < l.item_indent) break;
          title += " " + std::string(Trim(n.raw));
          ++last;
        }
        Title t = ParseTitle(title);
        bool question = LooksLikeQuestion(StripMarkup(title));
        if (!question || (open_section && !StripMarkup(title).ends_with('?')) || AsksTheInterviewer(heading)) continue;
        Part p;
        p.line = l.number;
        p.rank = 7;
        p.written = title;
        p.title = t;
        p.title.number = l.item_number;
        p.title.text = StripMarkup(title);
        p.first = last + 1;
        parts_.push_back(std::move(p));
        continue;
      }
      if (l.kind == LineKind::kHtml) {
        std::string lower = ToLower(l.raw);
        size_t s = lower.find("<summary>");
        if (s != std::string::npos) {
          size_t e = lower.find("</summary>", s);
          std::string inner(l.raw.substr(s + 9, e == std::string::npos ? std::string::npos : e - s - 9));
          // Tags inside the summary (<b>, <strong>) go.
          std::string plain;
          bool tag = false;
          for (char c : inner) {
            if (c == '<') tag = true;
            else if (c == '>') tag = false;
            else if (!tag) plain += c;
          }
          Part p;
          p.line = l.number;
          p.rank = 7;
          p.details = true;
          p.written = StripMarkup(plain);
          p.title = ParseTitle(p.written);
          p.first = l.number + 1;
          int close = outline_.size();
          for (int n = l.number; n <= outline_.size(); ++n) {
            if (ToLower(outline_.Line(n).raw).find("</details>") != std::string::npos) {
              close = n;
              break;
            }
          }
          p.last = close;
          details_end_[l.number] = close;
          parts_.push_back(std::move(p));
          open_section = false;
        }
      }
    }
    // Scopes and parents.
    for (size_t i = 1; i < parts_.size(); ++i) {
      Part& p = parts_[i];
      int last = outline_.size();
      for (size_t j = i + 1; j < parts_.size(); ++j) {
        if (parts_[j].rank <= p.rank) {
          last = parts_[j].line - 1;
          break;
        }
      }
      if (auto it = details_end_.find(p.line); it != details_end_.end()) last = std::min(last, it->second);
      p.last = last;
      int parent = 0;
      for (int j = static_cast<int>(i) - 1; j >= 1; --j) {
        if (parts_[static_cast<size_t>(j)].rank < p.rank && parts_[static_cast<size_t>(j)].last >= p.line) {
          parent = j;
          break;
        }
      }
      p.parent = parent;
      parts_[static_cast<size_t>(parent)].children.push_back(static_cast<int>(i));
    }
    line_part_.assign(static_cast<size_t>(outline_.size()) + 2, 0);
    for (size_t i = 1; i < parts_.size(); ++i) {
      for (int n = parts_[i].line; n <= parts_[i].last && n <= outline_.size(); ++n) line_part_[static_cast<size_t>(n)] = static_cast<int>(i);
    }
  }

  // The line that holds byte `offset` of the body (binary search over the outline).
  int LineAt(size_t offset) const {
    auto it = std::upper_bound(outline_.lines.begin(), outline_.lines.end(), offset,
                               [](size_t o, const OutlineLine& l) { return o < l.offset; });
    return it == outline_.lines.begin() ? 1 : std::prev(it)->number;
  }

  bool IsMarkLine(int n) const {
    auto it = std::lower_bound(marks_.begin(), marks_.end(), n, [](const Mark& m, int line) { return m.line < line; });
    return it != marks_.end() && it->line == n;
  }

  // Distinct sections labeled on lines first..last.
  int SectionsBetween(int first, int last) const {
    std::set<std::string> names;
    auto it = std::lower_bound(marks_.begin(), marks_.end(), first, [](const Mark& m, int line) { return m.line < line; });
    for (; it != marks_.end() && it->line <= last; ++it) {
      if (it->meta == Meta::kNone) names.insert(NormalizeLabel(it->name));
    }
    return static_cast<int>(names.size());
  }

  // The last line of the top-level list item that starts on line `n`.
  int ItemEnd(int n) const {
    int m = n + 1;
    for (; m <= outline_.size(); ++m) {
      const OutlineLine& l = outline_.Line(m);
      if (l.item_start && l.list_depth == 1) break;
      if (l.list_depth == 0 && l.kind != LineKind::kBlank) break;
    }
    while (m - 1 > n && outline_.Line(m - 1).kind == LineKind::kBlank) --m;
    return m - 1;
  }

  // A paragraph line that is bold from end to end and is neither a label nor a key.
  bool IsBoldTitle(const OutlineLine& l) const {
    if (l.block >= 0 && l.number < outline_.size() && outline_.Line(l.number + 1).block == l.block) return false;
    std::string_view c = Trim(l.Content());
    for (std::string_view m : {"**", "__"}) {
      if (c.size() > 4 && c.starts_with(m) && c.ends_with(m) && c.substr(2, c.size() - 4).find(m) == std::string_view::npos) {
        std::string_view inner = Trim(c.substr(2, c.size() - 4));
        if (inner.empty() || inner.ends_with(':')) return false;
        auto lead = ReadLead(c, false);
        if (lead && lead->closed && (IsSectionName(lead->name) || MetaOf(lead->name, true) != Meta::kNone)) return false;
        return true;
      }
    }
    return false;
  }

  Part& P(int i) { return parts_[static_cast<size_t>(i)]; }
  const Part& P(int i) const { return parts_[static_cast<size_t>(i)]; }

  // The lines that stand directly under part `i` (its title excluded).
  std::vector<int> OwnLines(int i) const {
    std::vector<int> out;
    const Part& p = P(i);
    for (int n = p.first; n <= p.last && n <= outline_.size(); ++n) {
      if (line_part_[static_cast<size_t>(n)] == i || (i == 0 && line_part_[static_cast<size_t>(n)] == 0)) {
        out.push_back(n);
      }
    }
    return out;
  }

  // A story's lines: its own, and those of the parts under it that are not stories.
  std::vector<int> BodyLines(int i) const {
    std::vector<int> out = OwnLines(i);
    for (int c : P(i).children) {
      if (P(c).kind != Part::Kind::kNone) continue;
      out.push_back(P(c).line);
      std::vector<int> more = BodyLines(c);
      out.insert(out.end(), more.begin(), more.end());
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  static bool IsStory(const Part& p) {
    return p.kind == Part::Kind::kLabeled || p.kind == Part::Kind::kProse || p.kind == Part::Kind::kOutline;
  }

  // The marks on `lines` (ascending), in order.
  std::vector<const Mark*> MarksOn(const std::vector<int>& lines) const {
    std::vector<const Mark*> out;
    for (int n : lines) {
      auto it = std::lower_bound(marks_.begin(), marks_.end(), n, [](const Mark& m, int line) { return m.line < line; });
      for (; it != marks_.end() && it->line == n; ++it) out.push_back(&*it);
    }
    return out;
  }

  // The prose of `lines` (paragraphs and list items), labels and metadata lines aside.
  std::string ProseOf(const std::vector<int>& lines) const {
    std::string out;
    for (int n : lines) {
      const OutlineLine& l = outline_.Line(n);
      if (l.kind != LineKind::kParagraph) continue;
      if (!out.empty()) out += '\n';
      out += l.raw;
    }
    return out;
  }

  bool StoryTitle(const Part& p) const {
    return p.title.number > 0 || LooksLikeQuestion(p.title.text) || p.rank == 7;
  }

  void Classify(int i) {
    Part& p = P(i);
    if (i == 0) return;
    // Questions for the interviewer are the user's to ask, not to answer.
    if (p.rank == 7 && !p.details && p.parent > 0 && AsksTheInterviewer(P(p.parent).title.text)) return;
    // A story's labels stand under its own title; a deeper heading with no story of
    // its own ("#### Numbers to remember") only adds to them.
    std::vector<const Mark*> marks = MarksOn(OwnLines(i));
    bool own_label = std::any_of(marks.begin(), marks.end(), [](const Mark* m) { return m->meta == Meta::kNone; });
    std::vector<int> body = own_label ? BodyLines(i) : OwnLines(i);
    if (own_label) marks = MarksOn(body);
    std::set<std::string> sections;
    for (const Mark* m : marks) {
      if (m->meta == Meta::kNone) sections.insert(NormalizeLabel(m->name));
    }
    bool question = LooksLikeQuestion(p.title.text);
    if (sections.size() >= 2 || (sections.size() == 1 && StoryTitle(p))) {
      p.kind = Part::Kind::kLabeled;
      std::string text = ProseOf(body);
      if (IsTemplate(p, text)) p.kind = Part::Kind::kTemplate;
      else if (IsGuidance(p, text)) p.kind = Part::Kind::kGuidance;
      return;
    }
    // Parts holding a "**Question:**" prompt are practice prompts, not answers.
    bool prompt = std::any_of(marks.begin(), marks.end(), [](const Mark* m) { return m->meta == Meta::kQuestion; });
    if (prompt) return;
    bool story_word = p.title.story_word;
    if (!question && !story_word && p.title.number == 0) return;
    std::string prose = ProseOf(OwnLines(i));
    int words = CountWords(prose);
    if (question && words > 0 && IsWhyCompanyQuestion(p.title.text)) {
      p.kind = Part::Kind::kWhy;
      return;
    }
    if (words >= kMinStoryWords && IsNarrative(prose)) {
      p.kind = Part::Kind::kProse;
      return;
    }
    if (!question && !story_word) return;
    if (words == 0) {
      if (question) p.kind = Part::Kind::kQuestion;
      else out_.warnings.push_back({p.line, fmt::format("\"{}\" has nothing under its title; not imported", p.written)});
      return;
    }
    Voice v = VoiceOf(prose);
    // "I build trust by ...": a habit told in the present, not a story or a note.
    if (question && v.StartsWithI && v.past == 0) {
      p.kind = Part::Kind::kStatement;
      return;
    }
    // A note is written right under its question (the same paragraph, or nested in
    // its list item); a paragraph further down is something else.
    std::vector<int> own = OwnLines(i);
    bool attached = p.rank < 7 || std::all_of(own.begin(), own.end(), [&](int n) {
      const OutlineLine& l = outline_.Line(n);
      return l.kind == LineKind::kBlank || l.block == outline_.Line(p.line).block || l.list_depth >= 1;
    });
    p.kind = attached ? Part::Kind::kOutline : Part::Kind::kQuestion;
  }

  bool IsTemplate(const Part& p, std::string_view text) const {
    if (IsPlaceholder(p.title.text) && !p.title.text.empty()) return true;
    // Every line of text a placeholder.
    bool any = false;
    for (std::string_view line : Split(text, '\n')) {
      std::string_view l = Trim(line);
      if (l.empty()) continue;
      auto lead = ReadLead(l.starts_with("- ") || l.starts_with("* ") ? l.substr(2) : l, false);
      std::string_view rest = lead ? l.substr(std::min(l.size(), lead->text + (l.starts_with("- ") || l.starts_with("* ") ? 2 : 0))) : l;
      if (Trim(rest).empty()) continue;
      if (!IsPlaceholder(rest)) return false;
      any = true;
    }
    return any;
  }

  // Advice on how to answer ("Spend most of your time here"), not a story: told to
  // "you", under a title that names a method, a framework or a structure.
  bool IsGuidance(const Part& p, std::string_view text) const {
    Voice v = VoiceOf(text);
    std::string t = ToLower(p.title.text);
    bool method_title = t.find("method") != std::string::npos || t.find("framework") != std::string::npos ||
                        t.find("structure") != std::string::npos || t.find("template") != std::string::npos ||
                        t.find("how to") != std::string::npos || t.find("tips") != std::string::npos ||
                        t.find("format") != std::string::npos;
    if (v.second > v.first && method_title) return true;
    return v.second >= 3 && v.first == 0 && v.past == 0;
  }

  // A lone story under a title that only numbers it ("# 2. Title" over "## STAR
  // Format: Title", "# Question 4" over "### Question: Tell me ..."): the parent's
  // title (or number) is the story's.
  void PromoteTitles() {
    for (size_t i = 1; i < parts_.size(); ++i) {
      Part& s = parts_[i];
      s.story_title = s.title.text.empty() ? s.written : s.title.text;
      s.story_number = s.title.number;
      if (!IsStory(s) || s.parent <= 0) continue;
      Part& p = P(s.parent);
      if (IsStory(p) || p.children.size() != 1) continue;
      bool empty = true;
      for (int n : OwnLines(s.parent)) {
        const OutlineLine& l = outline_.Line(n);
        if (l.kind != LineKind::kBlank && l.kind != LineKind::kRule) empty = false;
      }
      if (!empty || value_names_.Find(p.title.text, nullptr).value) continue;
      std::string child = NormalizeLabel(s.story_title), parent = NormalizeLabel(p.title.text);
      bool repeats = !parent.empty() && child.find(parent) != std::string::npos;
      if (p.title.number == 0 && !repeats) continue;
      if (!p.title.text.empty()) s.story_title = p.title.text;
      if (p.title.number) s.story_number = p.title.number;
      p.consumed = true;
    }
  }

  void FindValueParts() {
    for (size_t i = 1; i < parts_.size(); ++i) {
      Part& p = parts_[i];
      if (IsStory(p) || p.rank == 7) continue;
      const Company* prefer = nullptr;
      for (int a = p.parent; a > 0; a = P(a).parent) {
        if (!prefer) prefer = GuideTables::HeadingCompany(catalog_, P(a).written);
      }
      std::string name = p.title.text;
      // "Customer Obsession (2 stories)": the gloss goes.
      if (size_t paren = name.find(" ("); paren != std::string::npos) name = name.substr(0, paren);
      p.value = value_names_.Find(name, prefer);
    }
  }

  // ---- Stories ------------------------------------------------------------------

  // The heading over every story, when it is neither a value nor a generic name
  // ("Stories", "STAR answers"): the project or company they all come from
  // ("## Kestrel Mutual: Claims Platform").
  std::string ProjectHeading() const {
    int common = -1, stories = 0;
    for (size_t i = 1; i < parts_.size(); ++i) {
      if (!IsStory(parts_[i])) continue;
      ++stories;
      int a = parts_[i].parent;
      while (a > 0 && P(a).consumed) a = P(a).parent;
      if (common == -1) common = a;
      else if (common != a) return "";
    }
    if (common <= 0 || stories < 2) return "";
    const Part& p = P(common);
    if (p.value.value || p.rank == 7) return "";
    for (int n : OwnLines(common)) {
      LineKind k = outline_.Line(n).kind;
      if (k != LineKind::kBlank && k != LineKind::kRule) return "";
    }
    std::string t = ToLower(p.title.text);
    for (std::string_view generic : {"stor", "question", "answer", "example", "behavio", "interview", "star", "guide",
                                     "bank", "prep", "note", "library", "playbook", "principle", "value", "round",
                                     "loop", "practice"}) {
      if (t.find(generic) != std::string::npos) return "";
    }
    return p.title.text;
  }

  void CollectStories() {
    std::string project = ProjectHeading();
    for (size_t i = 1; i < parts_.size(); ++i) {
      Part& p = parts_[i];
      if (!IsStory(p)) continue;
      Draft d;
      d.part = static_cast<int>(i);
      d.line = p.line;
      d.title = p.story_title;
      d.number = p.story_number;
      d.q_key = p.title.q_key;
      d.question_title = LooksLikeQuestion(p.title.text);
      d.hint = FrameworkHint(p.written, framework_ids_);
      // "Cold-start latency (SOAR)": the framework tag is the story's framework, not
      // part of its title.
      for (const auto& id : framework_ids_) {
        std::string tag = " (" + id + ")";
        if (d.title.size() > tag.size() && d.title.ends_with(tag)) {
          d.title.erase(d.title.size() - tag.size());
          d.hint = id;
        }
      }
      std::vector<int> body = BodyLines(static_cast<int>(i));
      for (int c : p.children) {
        if (!IsStory(P(c))) MarkMerged(c);
      }
      if (p.kind == Part::Kind::kLabeled) {
        FillFromMarks(d, body);
      } else if (p.kind == Part::Kind::kProse) {
        d.prose = TrimBlock(Slice(body, P(static_cast<int>(i)).first));
        // "A: In 2021 I ...": the answer's label is no part of it.
        std::vector<const Mark*> first_marks = MarksOn(body);
        if (!first_marks.empty() && first_marks.front()->meta == Meta::kAnswer) {
          d.prose = TrimBlock(SliceRange(body, first_marks.front()->text, body_.size(), 0));
        }
        FillMeta(d, body);
      } else {
        d.notes = TrimBlock(Slice(body, P(static_cast<int>(i)).first));
      }
      for (int n : body) used_[static_cast<size_t>(n)] = true;
      used_[static_cast<size_t>(p.line)] = true;
      // Values of the headings above it.
      for (int a = p.parent; a > 0; a = P(a).parent) {
        if (P(a).value.value) d.values.emplace_back(P(a).value.company->id, P(a).value.value->name);
      }
      if (d.project.empty()) d.project = project;
      drafts_.push_back(std::move(d));
    }
  }

  void MarkMerged(int i) {
    P(i).merged = true;
    for (int c : P(i).children) MarkMerged(c);
  }

  // The text of `lines` from byte `from` (or the first line) to byte `to` (or the
  // last line's end), skipping lines that are not in `lines`.
  std::string SliceRange(const std::vector<int>& lines, size_t from, size_t to, size_t dedent) const {
    std::string out;
    bool first = true;
    for (int n : lines) {
      const OutlineLine& l = outline_.Line(n);
      size_t b = l.offset, e = l.offset + l.raw.size();
      if (e < from || b >= to) continue;
      size_t s = std::max(b, from), t = std::min(e, to);
      std::string_view piece = body_.substr(s, t > s ? t - s : 0);
      if (!first) {
        out += '\n';
        if (dedent && s == b) {
          size_t k = 0;
          while (k < dedent && k < piece.size() && piece[k] == ' ') ++k;
          piece.remove_prefix(k);
        }
      }
      out += piece;
      first = false;
    }
    return out;
  }

  std::string Slice(const std::vector<int>& lines, int from_line) const {
    std::vector<int> kept;
    for (int n : lines) {
      if (n >= from_line) kept.push_back(n);
    }
    return SliceRange(kept, 0, body_.size(), 0);
  }

  void FillMeta(Draft& d, const std::vector<int>& body) {
    for (const Mark* m : MarksOn(body)) {
      if (m->meta != Meta::kNone) ApplyMeta(d, *m, MarkText(*m, nullptr, body));
    }
  }

  std::string MarkText(const Mark& m, const Mark* next, const std::vector<int>& body) const {
    size_t end = m.text_end != std::string_view::npos ? m.text_end : (next ? next->cut : body_.size());
    if (m.meta != Meta::kNone) end = std::min(end, BlockEnd(m.line));
    std::string text = SliceRange(body, m.text, end, m.item ? m.item_indent : 0);
    return text;
  }

  void ApplyMeta(Draft& d, const Mark& m, const std::string& raw) {
    std::string text = TrimBlock(raw);
    std::string value = StripMarkup(text);
    switch (m.meta) {
      case Meta::kProject:
        // Without a trailing colon, which would make the exported "**Project: x:**" a label.
        while (!value.empty() && (value.back() == ':' || value.back() == ' ')) value.pop_back();
        d.project = value;
        break;
      case Meta::kFramework:
        d.framework_written = value;
        d.framework_line = m.line;
        break;
      case Meta::kThemes: {
        // "Also use for: Bias for Action": tags that are company values are values.
        ValueList list = value_names_.ParseList(value, nullptr);
        if (!list.found.empty() && list.unknown.empty()) {
          for (const auto& r : list.found) d.values.emplace_back(r.company->id, r.value->name);
          break;
        }
        for (auto& t : ThemeList(value)) d.themes.push_back(t);
        break;
      }
      case Meta::kValues: {
        const Company* prefer = ToLower(m.name).find("leadership") != std::string::npos ||
                                        ToLower(m.name).starts_with("lp")
                                    ? catalog_.FindCompany("amazon")
                                    : nullptr;
        ValueList list = value_names_.ParseList(value, prefer);
        for (const auto& r : list.found) d.values.emplace_back(r.company->id, r.value->name);
        for (const auto& u : list.unknown) d.unknown_values.emplace_back(m.line, u);
        break;
      }
      case Meta::kNotes:
        if (!d.notes.empty()) d.notes += "\n\n";
        d.notes += text;
        break;
      case Meta::kTitle:
        if (!value.empty()) d.title = value;
        break;
      case Meta::kAnswer:
        if (std::string hint = FrameworkHint(m.name, framework_ids_); !hint.empty()) d.hint = hint;
        if (!text.empty()) {
          if (!d.notes.empty()) d.notes += "\n\n";
          d.notes += text;
        }
        break;
      default:
        // A question or a story link inside a story: kept in its notes.
        if (!text.empty()) {
          if (!d.notes.empty()) d.notes += "\n\n";
          d.notes += m.name + ": " + text;
        }
        break;
    }
  }

  void FillFromMarks(Draft& d, const std::vector<int>& body) {
    std::vector<const Mark*> marks = MarksOn(body);
    // Text before the first mark: the story's notes.
    size_t body_start = outline_.Line(body.empty() ? P(d.part).line : body.front()).offset;
    if (!marks.empty() && marks.front()->cut > body_start) {
      std::string before = TrimBlock(SliceRange(body, body_start, marks.front()->cut, 0));
      if (!before.empty()) {
        out_.warnings.push_back({LineAt(FirstTextOffset(body, body_start)),
                                 fmt::format("text before the first section label of {} kept as the story's notes",
                                             Name(d))});
        d.notes = before;
      }
    }
    for (size_t k = 0; k < marks.size(); ++k) {
      const Mark& m = *marks[k];
      const Mark* next = k + 1 < marks.size() ? marks[k + 1] : nullptr;
      std::string raw = MarkText(m, next, body);
      if (m.meta != Meta::kNone) {
        ApplyMeta(d, m, raw);
        // Text after a metadata line, up to the next label, belongs to the notes.
        if (m.text_end != std::string_view::npos) {
          std::string after = TrimBlock(SliceRange(body, m.text_end, next ? next->cut : body_.size(), 0));
          // What follows the closing marker on the line itself ("**" of the bold).
          while (!after.empty() && (after.front() == '*' || after.front() == '_')) after.erase(0, 1);
          after = TrimBlock(after);
          if (!after.empty()) {
            if (!d.notes.empty()) d.notes += "\n\n";
            d.notes += after;
          }
        }
        continue;
      }
      std::string text = TrimBlock(raw);
      bool same_line = LineAt(m.text) == m.line;
      if (same_line && !text.empty() && ReadsAsBlock(text.substr(0, text.find('\n')))) text.insert(0, "\\");
      d.sections.emplace_back(m.name, std::move(text));
    }
  }

  // The end of the block that holds line `n` (a metadata value ends with it).
  size_t BlockEnd(int n) const {
    const OutlineLine& l = outline_.Line(n);
    int last = n;
    while (l.block >= 0 && last < outline_.size() && outline_.Line(last + 1).block == l.block) ++last;
    const OutlineLine& e = outline_.Line(last);
    return e.offset + e.raw.size();
  }

  // How messages name a story: "Q3" in rehearse's own shape, else its title.
  static std::string Name(const Draft& d) {
    if (d.q_key) return "Q" + std::to_string(d.number);
    return "\"" + Utf8Truncate(d.title, 60) + "\"";
  }

  size_t FirstTextOffset(const std::vector<int>& body, size_t from) const {
    for (int n : body) {
      const OutlineLine& l = outline_.Line(n);
      if (l.offset >= from && !Trim(l.raw).empty() && !IsRuleLine(l.raw)) return l.offset;
    }
    return from;
  }

  // ---- Tables -------------------------------------------------------------------

  // The plain text of a heading above line `n`, for the seed's tables.
  std::string HeadingAbove(int n) const {
    int part = line_part_[static_cast<size_t>(n)];
    while (part > 0 && P(part).rank == 7) part = P(part).parent;
    return part > 0 ? StripMarkup(P(part).written) : "";
  }

  void ReadTables() {
    for (const auto& t : outline_.tables) {
      int part = line_part_[static_cast<size_t>(t.first_line)];
      if (used_[static_cast<size_t>(t.first_line)]) continue;  // Inside a story: its text.
      if (part > 0 && IsStory(P(part))) continue;
      if (t.rows.size() < 2) continue;
      bool read = LabelRowTable(t, part) || StoryTable(t) || QuestionTable(t) || ValueMatrix(t) || SeedTable(t) ||
                  ExplainerTable(t);
      if (read) {
        for (int n = t.first_line; n <= t.last_line; ++n) used_[static_cast<size_t>(n)] = true;
      }
    }
    // The seed's values tables, drawn with box characters inside code fences.
    for (int n = 1; n <= outline_.size(); ++n) {
      const OutlineLine& l = outline_.Line(n);
      if (l.kind != LineKind::kCode || !l.block_start || used_[static_cast<size_t>(n)]) continue;
      int part = line_part_[static_cast<size_t>(n)];
      if (part > 0 && IsStory(P(part))) continue;
      int last = n;
      while (last < outline_.size() && outline_.Line(last + 1).block == l.block) ++last;
      std::string literal;
      for (int k = n + 1; k < last; ++k) literal += std::string(outline_.Line(k).raw) + "\n";
      if (tables_.Box(literal, n, HeadingAbove(n))) {
        for (int k = n; k <= last; ++k) used_[static_cast<size_t>(k)] = true;
      }
    }
  }

  std::vector<std::string> PlainCells(const OutlineTableRow& row) const {
    std::vector<std::string> out;
    for (const auto& c : row.cells) out.push_back(StripMarkup(c));
    return out;
  }

  bool SeedTable(const OutlineTable& t) {
    TableRows rows;
    for (size_t i = 1; i < t.rows.size(); ++i) rows.emplace_back(t.rows[i].line, PlainCells(t.rows[i]));
    return tables_.Gfm(PlainCells(t.rows[0]), rows, t.first_line, HeadingAbove(t.first_line));
  }

  // Index of the header cell that names a story: "Story", "Title", "Name", ...
  static int TitleColumn(const std::vector<std::string>& header) {
    for (size_t i = 0; i < header.size(); ++i) {
      std::string h = Lower(header[i]);
      if (h == "story" || h == "title" || h == "name" || h == "story title" || h == "story name" || h == "project" ||
          h == "example" || h == "scenario" || h == "incident" || h == "situation name") {
        return static_cast<int>(i);
      }
    }
    return -1;
  }

  static int ValueColumn(const std::vector<std::string>& header) {
    for (size_t i = 0; i < header.size(); ++i) {
      std::string h = Lower(header[i]);
      if (h == "lp" || h == "lps" || h == "leadership principle" || h == "leadership principles" || h == "principle" ||
          h == "value" || h == "values" || h == "company value") {
        return static_cast<int>(i);
      }
    }
    return -1;
  }

  // One story per row: a title column and two or more section columns, or a column
  // whose cells hold a whole labeled answer ("**S:** … <br> **T:** …").
  bool StoryTable(const OutlineTable& t) {
    std::vector<std::string> header = PlainCells(t.rows[0]);
    int title_col = TitleColumn(header);
    int value_col = ValueColumn(header);
    std::vector<int> label_cols;
    for (size_t i = 0; i < header.size(); ++i) {
      if (static_cast<int>(i) != title_col && IsSectionName(header[i])) label_cols.push_back(static_cast<int>(i));
    }
    // A column whose cells read as labeled answers.
    int answer_col = -1;
    for (size_t c = 0; c < header.size() && answer_col < 0; ++c) {
      int labeled = 0;
      for (size_t r = 1; r < t.rows.size(); ++r) {
        if (c < t.rows[r].cells.size() && CellSections(t.rows[r].cells[c]).size() >= 2) ++labeled;
      }
      if (labeled * 2 >= static_cast<int>(t.rows.size() - 1) && labeled > 0) answer_col = static_cast<int>(c);
    }
    if (answer_col < 0 && (label_cols.size() < 2 || title_col < 0)) return false;
    if (answer_col >= 0 && title_col < 0) {
      // The title is the first other column that is not a value column.
      for (size_t i = 0; i < header.size(); ++i) {
        if (static_cast<int>(i) != answer_col && static_cast<int>(i) != value_col) {
          title_col = static_cast<int>(i);
          break;
        }
      }
    }
    for (size_t r = 1; r < t.rows.size(); ++r) {
      const auto& cells = t.rows[r].cells;
      auto cell = [&](int c) { return c >= 0 && static_cast<size_t>(c) < cells.size() ? cells[static_cast<size_t>(c)] : std::string(); };
      Draft d;
      d.line = t.rows[r].line;
      Title title = ParseTitle(StripMarkup(cell(title_col)));
      d.title = title.text;
      d.number = title.number;
      if (value_col >= 0) {
        ValueList list = value_names_.ParseList(StripMarkup(cell(value_col)), nullptr);
        for (const auto& v : list.found) d.values.emplace_back(v.company->id, v.value->name);
        for (const auto& u : list.unknown) d.unknown_values.emplace_back(d.line, u);
      }
      if (answer_col >= 0) {
        auto sections = CellSections(cell(answer_col));
        if (sections.empty()) {
          std::string text = StripMarkup(cell(answer_col));
          if (IsPlaceholder(text) || CountWords(text) == 0) {
            out_.warnings.push_back({d.line, fmt::format("table row \"{}\" has no story yet; not imported", d.title)});
            continue;
          }
          d.notes = BrToNewlines(cell(answer_col));  // A note where the story will go.
        }
        d.sections = std::move(sections);
      } else {
        for (int c : label_cols) {
          std::string text = BrToNewlines(cell(c));
          std::string plain = StripMarkup(text);
          if (plain.empty() || plain == "-" || plain == "\u2014" || plain == "\u2013" || Lower(plain) == "n/a") continue;
          d.sections.emplace_back(header[static_cast<size_t>(c)], text);
        }
      }
      if (d.title.empty()) d.title = fmt::format("Story on line {}", d.line);
      if (d.sections.empty() && d.notes.empty()) continue;
      drafts_.push_back(std::move(d));
    }
    return true;
  }

  static std::string BrToNewlines(std::string_view cell) {
    std::string out;
    for (size_t i = 0; i < cell.size();) {
      if (cell[i] == '<') {
        size_t close = cell.find('>', i);
        std::string tag = close == std::string_view::npos ? "" : ToLower(cell.substr(i, close - i + 1));
        if (tag == "<br>" || tag == "<br/>" || tag == "<br />") {
          while (!out.empty() && out.back() == ' ') out.pop_back();
          out += '\n';
          i = close + 1;
          while (i < cell.size() && cell[i] == ' ') ++i;
          continue;
        }
      }
      out += cell[i++];
    }
    return std::string(Trim(out));
  }

  // The sections of a cell holding a labeled answer, split at its labels.
  std::vector<std::pair<std::string, std::string>> CellSections(std::string_view cell) const {
    std::string text = BrToNewlines(cell);
    auto found = FindInlineLabels(text, [&](std::string_view n) { return IsSectionName(n); });
    std::set<std::string> names;
    for (const auto& f : found) names.insert(NormalizeLabel(f.name));
    if (found.size() < 2 || names.size() < 2) return {};
    std::vector<std::pair<std::string, std::string>> out;
    for (size_t k = 0; k < found.size(); ++k) {
      size_t end = k + 1 < found.size() ? found[k + 1].start : text.size();
      out.emplace_back(found[k].name, TrimBlock(text.substr(found[k].text, end - found[k].text)));
    }
    return out;
  }

  // A table whose first column asks questions: each row a question, the others the
  // stories to tell ("Story 1 or 2", "Q3", a story's short name).
  bool QuestionTable(const OutlineTable& t) {
    std::vector<std::string> header = PlainCells(t.rows[0]);
    if (header.empty()) return false;
    std::string h = Lower(header[0]);
    if (h.find("question") == std::string::npos && h.find("prompt") == std::string::npos) return false;
    if (h == "#" || (header.size() > 1 && (Lower(header[1]) == "category" || Lower(header[1]) == "topic"))) return false;
    // rehearse's own table of the user's questions (an export read as a guide).
    if (header.size() == 3 && Lower(header[1]) == "stories" && Lower(header[2]) == "value") return false;
    for (size_t r = 1; r < t.rows.size(); ++r) {
      const auto& cells = t.rows[r].cells;
      if (cells.empty()) continue;
      std::string text = Unquote(StripMarkup(cells[0]));
      if (text.empty()) continue;
      PendingQuestion q;
      q.question.text = text;
      q.question.line = t.rows[r].line;
      for (size_t c = 1; c < cells.size(); ++c) q.refs.push_back(StripMarkup(cells[c]));
      pending_questions_.push_back(std::move(q));
    }
    return true;
  }

  static std::string Unquote(std::string_view s) {
    s = Trim(s);
    for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"\"", "\""}, {"\u201c", "\u201d"}}) {
      if (s.size() >= open.size() + close.size() && s.starts_with(open) && s.ends_with(close)) {
        s = Trim(s.substr(open.size(), s.size() - open.size() - close.size()));
      }
    }
    return std::string(s);
  }

  // Value -> stories, naming stories by short names: "| Ownership | Diesel Index
  // Pipeline | Dispute Reviewer |". Resolved once the stories are known.
  bool ValueMatrix(const OutlineTable& t) {
    std::vector<std::string> header = PlainCells(t.rows[0]);
    if (header.size() < 2) return false;
    int values = 0;
    for (size_t r = 1; r < t.rows.size(); ++r) {
      if (!t.rows[r].cells.empty() && value_names_.Find(StripMarkup(t.rows[r].cells[0]), nullptr).value) ++values;
    }
    if (values * 2 < static_cast<int>(t.rows.size() - 1)) return false;
    // Cells naming stories by key ("Q3 (note), Q7") are rehearse's own values table.
    int keyed = 0;
    for (size_t r = 1; r < t.rows.size(); ++r) {
      if (t.rows[r].cells.size() > 1 && !ParseStoryRefs(t.rows[r].cells[1]).empty()) ++keyed;
    }
    if (keyed * 2 >= static_cast<int>(t.rows.size() - 1)) return false;
    // The other columns must name stories: headers like "Primary Story", "Backup",
    // "Stories", "Go-To"; a column of advice ("What to Emphasize") is guidance.
    std::vector<int> story_cols;
    for (size_t c = 1; c < header.size(); ++c) {
      std::string h = Lower(header[c]);
      if (h.find("stor") != std::string::npos || h.find("primary") != std::string::npos ||
          h.find("backup") != std::string::npos || h.find("go-to") != std::string::npos ||
          h.find("example") != std::string::npos) {
        story_cols.push_back(static_cast<int>(c));
      }
    }
    if (story_cols.empty()) {
      out_.warnings.push_back({t.first_line, "a table of company values with advice, not stories: not imported"});
      return true;
    }
    for (size_t r = 1; r < t.rows.size(); ++r) {
      const auto& cells = t.rows[r].cells;
      if (cells.empty()) continue;
      ValueRef v = value_names_.Find(StripMarkup(cells[0]), nullptr);
      if (!v.value) {
        out_.warnings.push_back({t.rows[r].line, fmt::format("\"{}\" is no company value rehearse knows; row not imported",
                                                             StripMarkup(cells[0]))});
        continue;
      }
      int rank = 0;
      for (int c : story_cols) {
        if (static_cast<size_t>(c) >= cells.size()) continue;
        std::string name = StripMarkup(cells[static_cast<size_t>(c)]);
        if (!name.empty()) pending_values_.push_back(PendingValue{t.rows[r].line, v, name, rank});
        ++rank;
      }
    }
    return true;
  }

  // One story told down a table: "| **Situation** | what happened |" row after row
  // (the header row may be one of them), under the heading that titles it.
  bool LabelRowTable(const OutlineTable& t, int part) {
    std::vector<std::pair<std::string, std::string>> sections;
    std::set<std::string> names;
    std::string all;
    for (const auto& row : t.rows) {
      if (row.cells.size() < 2) continue;
      std::string label = StripMarkup(row.cells[0]);
      if (!IsSectionName(label)) continue;
      std::string text;
      for (size_t c = 1; c < row.cells.size(); ++c) {
        if (!text.empty() && !row.cells[c].empty()) text += "\n";
        text += BrToNewlines(row.cells[c]);
      }
      names.insert(NormalizeLabel(label));
      sections.emplace_back(label, text);
      all += text + "\n";
    }
    // A table explaining the framework holds advice, not a story told in the past.
    Voice voice = VoiceOf(all);
    if (names.size() < 2 || !IsNarrative(all) || voice.second > voice.first || voice.words < 30) return false;
    Draft d;
    d.line = t.first_line;
    d.title = part > 0 ? P(part).title.text : "";
    if (d.title.empty()) d.title = fmt::format("Story on line {}", t.first_line);
    d.sections = std::move(sections);
    for (int a = part; a > 0; a = P(a).parent) {
      if (P(a).value.value) d.values.emplace_back(P(a).value.company->id, P(a).value.value->name);
    }
    drafts_.push_back(std::move(d));
    return true;
  }

  // Rows that explain the framework ("**S — Situation** | Setting | ~15s"): guidance.
  bool ExplainerTable(const OutlineTable& t) {
    int labels = 0;
    for (size_t r = 1; r < t.rows.size(); ++r) {
      if (!t.rows[r].cells.empty() && IsSectionName(StripMarkup(t.rows[r].cells[0]))) ++labels;
    }
    if (labels < 2) return false;
    out_.warnings.push_back({t.first_line, "a table that explains the answer framework (guidance, not a story): not imported"});
    return true;
  }

  // ---- Bullets, questions ---------------------------------------------------------

  // A list of stories, one bullet each: "- Title - what happened, ..." or "- Title;
  // Context: ...".
  void ReadBulletStories() {
    for (int n = 1; n <= outline_.size(); ++n) {
      const OutlineLine& l = outline_.Line(n);
      if (!l.item_start || l.ordered || l.list_depth != 1 || l.quote_depth != 0 || used_[static_cast<size_t>(n)]) continue;
      int part = line_part_[static_cast<size_t>(n)];
      if (part > 0 && (IsStory(P(part)) || P(part).merged)) continue;
      int last = n;
      while (last < outline_.size() && outline_.Line(last + 1).list_depth >= 1 && !outline_.Line(last + 1).item_start) ++last;
      std::string text = TrimBlock(SliceRange(Range(n, last), l.offset + l.content, body_.size(), l.item_indent));
      // The title ends at the first "; " or, failing that, the first " - ", when
      // what stands before it is short enough to be a title.
      size_t semi = text.find("; ");
      size_t dash = text.find(" - ");
      auto short_title = [&](size_t at) { return at != std::string::npos && at > 0 && CountWords(text.substr(0, at)) <= 10; };
      size_t cut = short_title(semi) ? semi : short_title(dash) ? dash : std::string::npos;
      if (cut == std::string::npos) continue;
      std::string title(Trim(text.substr(0, cut)));
      std::string rest(Trim(text.substr(cut + (cut == semi ? 1 : 2))));
      if (CountWords(title) > 10 || title.find(". ") != std::string::npos) continue;
      if (IsWhyCompanyQuestion(title)) {
        out_.warnings.push_back({n, fmt::format("\"{}\" is an answer about why you want the company, not a story: not "
                                                "imported",
                                                title)});
        for (int k = n; k <= last; ++k) used_[static_cast<size_t>(k)] = true;
        continue;
      }
      if (CountWords(rest) < kMinStoryWords || !IsNarrative(rest)) continue;
      Draft d;
      d.line = n;
      d.title = StripMarkup(title);
      d.prose = rest;
      drafts_.push_back(std::move(d));
      for (int k = n; k <= last; ++k) used_[static_cast<size_t>(k)] = true;
    }
  }

  std::vector<int> Range(int a, int b) const {
    std::vector<int> out;
    for (int n = a; n <= b; ++n) out.push_back(n);
    return out;
  }

  // Questions listed under a heading about questions ("## Questions", "Practice
  // questions"), not those to ask the interviewer.
  void ReadQuestionLists() {
    for (size_t i = 1; i < parts_.size(); ++i) {
      Part& p = parts_[i];
      if (IsStory(p) || p.merged || (p.rank == 7 && !p.details)) continue;
      std::string t = ToLower(p.title.text);
      if (t.find("question") == std::string::npos && t.find("prompt") == std::string::npos) continue;
      if (AsksTheInterviewer(t)) continue;
      for (int n : OwnLines(static_cast<int>(i))) {
        const OutlineLine& l = outline_.Line(n);
        if (!l.item_start || l.kind != LineKind::kParagraph || used_[static_cast<size_t>(n)]) continue;
        std::string text = Unquote(StripMarkup(l.Content()));
        if (!LooksLikeQuestion(text)) continue;
        out_.questions.push_back(GuideQuestion{text, n, {}, "", ""});
        used_[static_cast<size_t>(n)] = true;
      }
    }
  }

  // A heading over the questions the user will ask ("Questions to ask them",
  // "Questions for the interviewer", "Reverse questions"), which are not practised.
  static bool AsksTheInterviewer(std::string_view title) {
    std::string t = ToLower(title);
    return t.find("ask") != std::string::npos || t.find("interviewer") != std::string::npos ||
           t.find("reverse") != std::string::npos || t.find("for them") != std::string::npos ||
           t.find("to them") != std::string::npos || t.find("for the team") != std::string::npos ||
           t.find("for the company") != std::string::npos || t.find("for the hiring") != std::string::npos;
  }

  // ---- Keys, choices, links ---------------------------------------------------------

  void AssignKeysAndBuild() {
    std::sort(drafts_.begin(), drafts_.end(), [](const Draft& a, const Draft& b) { return a.line < b.line; });
    // Identical answers under two questions (a copy-paste): one story, two questions.
    std::vector<Draft> kept;
    std::map<std::string, size_t> by_body;
    for (auto& d : drafts_) {
      std::string body = d.prose + "\x1f" + d.notes;
      for (const auto& [n, t] : d.sections) body += "\x1f" + n + "\x1e" + t;
      if (d.sections.empty() && d.prose.empty() && !d.notes.empty()) body = "note\x1f" + d.notes;
      if (auto it = by_body.find(body); it != by_body.end() && !Trim(body).empty()) {
        duplicate_of_[d.line] = kept[it->second].line;
        if (d.question_title) extra_questions_.push_back({d.title, d.line, kept[it->second].line});
        out_.warnings.push_back({d.line, fmt::format("the answer under \"{}\" repeats the one on line {}: one story, "
                                                     "linked to both questions",
                                                     Utf8Truncate(d.title, 60), kept[it->second].line)});
        continue;
      }
      by_body[body] = kept.size();
      kept.push_back(std::move(d));
    }
    drafts_ = std::move(kept);
    // Keys: the guide's own numbers when every story has a distinct one, else the
    // order of the file.
    std::set<int> numbers;
    bool numbered = !drafts_.empty();
    for (const auto& d : drafts_) {
      if (d.number <= 0 || !numbers.insert(d.number).second) numbered = false;
    }
    std::set<int> story_lines;
    for (const auto& d : drafts_) story_lines.insert(d.line);
    for (int line : choices_.skip) {
      if (!story_lines.count(line)) out_.warnings.push_back({line, "no story starts on this line; nothing to skip"});
    }
    for (const auto& [line, id] : choices_.frameworks) {
      if (!story_lines.count(line)) {
        out_.warnings.push_back({line, fmt::format("no story starts on this line; {} not applied", id)});
      }
    }
    int next = 1;
    for (auto& d : drafts_) {
      if (choices_.skip.count(d.line)) {
        out_.warnings.push_back({d.line, fmt::format("\"{}\" skipped, as you chose", Utf8Truncate(d.title, 60))});
        continue;
      }
      std::string key = "q" + std::to_string(numbered ? d.number : next++);
      BuildStory(d, key);
    }
    tables_.Apply(story_index_);
    LinkVersions();
  }

  const Framework* ChooseFramework(const Draft& d, std::string* reason) {
    if (auto it = choices_.frameworks.find(d.line); it != choices_.frameworks.end()) {
      if (const Framework* f = catalog_.FindFramework(it->second)) {
        *reason = "your choice";
        return f;
      }
    }
    if (!d.framework_written.empty()) {
      std::string id = FrameworkHint(ToUpper(d.framework_written), framework_ids_);
      if (const Framework* f = catalog_.FindFramework(id.empty() ? d.framework_written : id)) {
        *reason = "its Framework line";
        return f;
      }
      out_.warnings.push_back({d.framework_line, fmt::format("unknown framework \"{}\"; read by its labels instead",
                                                             d.framework_written)});
    }
    if (!d.hint.empty()) {
      if (const Framework* f = catalog_.FindFramework(d.hint)) {
        *reason = fmt::format("its title names {}", f->id);
        return f;
      }
    }
    if (d.sections.empty()) {
      *reason = "the default";
      return catalog_.FindFramework("STAR");
    }
    // The framework whose sections the labels fill best: each label it places in a
    // section of its own scores 1, 2 when it is the section's own name; a label it
    // cannot place costs 2 and a section left empty 0.5. Ties go to the catalog's
    // order (STAR first).
    const Framework* best = nullptr;
    double best_score = -1e9;
    for (const auto& f : catalog_.frameworks) {
      double score = 0;
      std::set<int> filled;
      for (const auto& [written, text] : d.sections) {
        int i = MapLabel(written, f, catalog_.labels, catalog_.frameworks);
        if (i < 0) {
          score -= 2;
          continue;
        }
        // A label that lands on a section another label filled found no place of its own.
        if (!filled.insert(i).second) continue;
        score += 1;
        if (NormalizeLabel(f.sections[static_cast<size_t>(i)].name) == NormalizeLabel(written)) score += 1;
      }
      score -= 0.5 * static_cast<double>(f.sections.size() - filled.size());
      if (score > best_score + 1e-9) {
        best_score = score;
        best = &f;
      }
    }
    std::vector<std::string> labels;
    for (const auto& [w, t] : d.sections) labels.push_back(w);
    *reason = fmt::format("labels {}", Join(labels, ", "));
    return best;
  }

  static std::string ToUpper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
  }

  void BuildStory(Draft& d, const std::string& key) {
    Story s;
    s.key = key;
    // A title is one line with a word in it; a heading of markup alone gets a name
    // the user can find in the file.
    for (char& c : d.title) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    d.title = std::string(Trim(d.title));
    if (std::none_of(d.title.begin(), d.title.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); })) {
      d.title = fmt::format("Story on line {}", d.line);
    }
    s.title = d.title;
    s.project = d.project;
    s.themes = d.themes;
    // Notes with no word in them ("---") say nothing.
    if (std::any_of(d.notes.begin(), d.notes.end(),
                    [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); })) {
      s.notes = d.notes;
    }
    StoryOrigin origin;
    origin.line = d.line;
    const Framework* f = ChooseFramework(d, &origin.framework_reason);
    s.framework = f->id;
    if (!d.prose.empty()) {
      // The linter's reader of labels, built once: an answer read as a story is split
      // the way the linter would split it.
      if (!label_reader_) label_reader_ = std::make_unique<LabelReader>(catalog_.labels, catalog_.frameworks);
      Segmentation seg = SegmentAnswer(d.prose, *f, *label_reader_);
      if (seg.segments.empty()) {
        s.notes = s.notes.empty() ? d.prose : s.notes + "\n\n" + d.prose;
      } else {
        // The whole answer stays: text before the first segment joins the first.
        for (size_t k = 0; k < seg.segments.size(); ++k) {
          const Segment& g = seg.segments[k];
          size_t b = k == 0 ? 0 : g.span.start;
          size_t e = k + 1 < seg.segments.size() ? seg.segments[k + 1].span.start : d.prose.size();
          std::string text = TrimBlock(d.prose.substr(b, e - b));
          if (text.empty()) continue;
          // A section met again (S, R, S) is one section: the text joins the first.
          auto same = std::find_if(s.sections.begin(), s.sections.end(),
                                   [&](const StorySection& x) { return x.name == g.name; });
          if (same != s.sections.end()) {
            same->text += "\n\n" + text;
          } else {
            s.sections.push_back(StorySection{g.name, text, true});
            origin.written.push_back("(inferred)");
          }
        }
      }
    }
    for (auto& [written, text] : d.sections) {
      int i = MapLabel(written, *f, catalog_.labels, catalog_.frameworks);
      std::string name = i >= 0 ? f->sections[static_cast<size_t>(i)].name : StripMarkup(written);
      // Text with no word in it ("---", "…") says nothing: the section is empty.
      if (std::none_of(text.begin(), text.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); })) {
        out_.warnings.push_back({d.line, fmt::format("\"{}\": the section \"{}\" is empty; left out",
                                                     Utf8Truncate(d.title, 60), written)});
        continue;
      }
      auto same = std::find_if(s.sections.begin(), s.sections.end(), [&](const StorySection& x) { return x.name == name; });
      if (same != s.sections.end()) {
        // Two labels for one section ("Situation" and "Observation" in CARL's
        // Context): one section, the second label kept in its text.
        // Text that would read as another block on the label's line (a fence, a
        // heading, a list) starts on the next line.
        std::string_view first = std::string_view(text).substr(0, text.find('\n'));
        bool own_line = ReadsAsBlock(first) || first.starts_with("- ") || first.starts_with("* ") ||
                        first.starts_with("+ ") || first.starts_with('>') ||
                        IsOrderedItem(first);
        same->text += fmt::format("\n\n**{}:**{}{}", StripMarkup(written), own_line ? "\n" : " ", text);
        continue;
      }
      if (i < 0) {
        out_.warnings.push_back({d.line, fmt::format("\"{}\": the label \"{}\" is no section of {}; kept as written",
                                                     Utf8Truncate(d.title, 60), written, f->id)});
      }
      s.sections.push_back(StorySection{name, text, false});
      origin.written.push_back(StripMarkup(written));
    }
    // Sections in the framework's order, each with its label as written; labels the
    // framework lacks keep their place at the end.
    auto pos = [&](const StorySection& x) {
      for (size_t k = 0; k < f->sections.size(); ++k) {
        if (f->sections[k].name == x.name) return static_cast<int>(k);
      }
      return 1000;
    };
    std::vector<size_t> order(s.sections.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return pos(s.sections[a]) < pos(s.sections[b]); });
    std::vector<StorySection> sorted;
    std::vector<std::string> written;
    for (size_t k : order) {
      sorted.push_back(std::move(s.sections[k]));
      written.push_back(k < origin.written.size() ? origin.written[k] : sorted.back().name);
    }
    s.sections = std::move(sorted);
    origin.written = std::move(written);
    for (const auto& tag : d.values) {
      const std::string& value = tag.second;
      auto& tags = s.values[tag.first];
      if (std::none_of(tags.begin(), tags.end(), [&](const ValueTag& t) { return t.value == value; })) {
        tags.push_back(ValueTag{value, "", static_cast<int>(tags.size())});
        ++out_.mappings;
      }
    }
    for (const auto& [line, u] : d.unknown_values) {
      out_.warnings.push_back({line, fmt::format("\"{}\" names no company value rehearse knows; not tagged", u)});
    }
    if (s.sections.empty() && s.notes.empty()) return;
    if (s.IsOutline()) {
      out_.warnings.push_back({d.line, fmt::format("\"{}\" is a note, not yet a story: kept as an outline to write up",
                                                   Utf8Truncate(s.title, 60))});
    }
    if (d.question_title) {
      out_.questions.push_back(GuideQuestion{s.title, d.line, {s.key}, "", ""});
    }
    story_index_[s.key] = out_.stories.size();
    line_key_[d.line] = s.key;
    out_.stories.push_back(std::move(s));
    out_.origins.push_back(std::move(origin));
  }

  // Two tellings of one story (a STAR and a SOAR version): same title once framework
  // names are set aside, or most content words shared.
  void LinkVersions() {
    auto signature = [&](const Story& s) {
      std::string t = ToLower(s.title);
      for (const auto& id : framework_ids_) {
        std::string lid = ToLower(id);
        for (size_t at = t.find(lid); at != std::string::npos; at = t.find(lid)) t.erase(at, lid.size());
      }
      for (std::string_view w : {"version", "(", ")", "-", "\u2014", "\u2013"}) {
        for (size_t at = t.find(w); at != std::string::npos; at = t.find(w)) t.erase(at, w.size());
      }
      return NormalizeLabel(t);
    };
    // Each story's content words as ids, then as a bitset over all of them, so that an
    // overlap is a popcount of an AND.
    std::unordered_map<std::string, int> ids;
    auto words = [&](const Story& s) {
      std::vector<int> out;
      std::string w;
      // Words of four letters or more: the content, without stemming's cost.
      auto flush = [&] {
        if (w.size() >= 4) {
          auto it = ids.find(w);
          if (it == ids.end()) it = ids.emplace(w, static_cast<int>(ids.size())).first;
          out.push_back(it->second);
        }
        w.clear();
      };
      for (const auto& sec : s.sections) {
        for (char c : sec.text) {
          if (IsAsciiAlnum(static_cast<unsigned char>(c))) w += AsciiLower(c);
          else flush();
        }
        flush();
      }
      std::sort(out.begin(), out.end());
      out.erase(std::unique(out.begin(), out.end()), out.end());
      return out;
    };
    std::vector<std::vector<int>> ids_of;
    std::vector<std::string> signatures;
    for (const auto& s : out_.stories) {
      ids_of.push_back(words(s));
      signatures.push_back(signature(s));
    }
    const size_t blocks = (ids.size() + 63) / 64;
    std::vector<std::vector<uint64_t>> bags(ids_of.size(), std::vector<uint64_t>(blocks));
    for (size_t i = 0; i < ids_of.size(); ++i) {
      for (int id : ids_of[i]) bags[i][static_cast<size_t>(id) / 64] |= uint64_t{1} << (id % 64);
    }
    for (size_t a = 0; a < out_.stories.size(); ++a) {
      for (size_t b = a + 1; b < out_.stories.size(); ++b) {
        Story& x = out_.stories[a];
        Story& y = out_.stories[b];
        if (x.sections.empty() || y.sections.empty()) continue;
        bool same_title = !signatures[a].empty() && signatures[a] == signatures[b];
        size_t smaller = std::min(ids_of[a].size(), ids_of[b].size());
        bool same_words = false;
        if (!same_title && smaller >= 20) {
          size_t common = 0;
          for (size_t k = 0; k < blocks; ++k) common += static_cast<size_t>(std::popcount(bags[a][k] & bags[b][k]));
          same_words = static_cast<double>(common) / static_cast<double>(smaller) >= kVersionOverlap;
        }
        if (!same_title && !same_words) continue;
        x.versions.push_back(y.key);
        y.versions.push_back(x.key);
        out_.warnings.push_back({out_.origins[b].line,
                                 fmt::format("\"{}\" ({}) looks like another telling of \"{}\" ({}): both kept, linked "
                                             "as versions of one story",
                                             Utf8Truncate(y.title, 50), y.framework, Utf8Truncate(x.title, 50),
                                             x.framework)});
      }
    }
  }

  std::string KeyFor(std::string_view ref) const {
    // "Story 3", "Q3", "#3", "3".
    Title t = ParseTitle(std::string(ref) + ":");
    if (t.number > 0 && Trim(t.text).empty()) {
      for (size_t i = 0; i < drafts_.size(); ++i) {
        if (drafts_[i].number == t.number) {
          if (auto it = line_key_.find(drafts_[i].line); it != line_key_.end()) return it->second;
        }
      }
    }
    return "";
  }

  std::vector<std::string> StoryRefs(std::string_view cell, const NicknameIndex& nicks,
                                     const std::vector<std::string>& keys) const {
    std::vector<std::string> out;
    auto add = [&](const std::string& k) {
      if (!k.empty() && std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
    };
    // "Story 1 or 2", "Story 1/2", "(Story 4)", "Q3, Q5".
    std::string lower = ToLower(cell);
    for (size_t at = lower.find("story"); at != std::string::npos; at = lower.find("story", at + 5)) {
      size_t i = at + 5;
      for (;;) {
        while (i < lower.size() && (lower[i] == ' ' || lower[i] == '#')) ++i;
        size_t d = i;
        while (i < lower.size() && std::isdigit(static_cast<unsigned char>(lower[i]))) ++i;
        if (i == d) break;
        add(KeyFor("Story " + lower.substr(d, i - d)));
        size_t j = i;
        while (j < lower.size() && lower[j] == ' ') ++j;
        if (lower.substr(j).starts_with("or ") || lower.substr(j).starts_with("/") ||
            lower.substr(j).starts_with(",") || lower.substr(j).starts_with("and ") ||
            lower.substr(j).starts_with("&")) {
          i = j + (lower[j] == '/' || lower[j] == ',' || lower[j] == '&' ? 1 : (lower[j] == 'o' ? 2 : 3));
          continue;
        }
        break;
      }
    }
    for (const auto& r : ParseStoryRefs(cell)) {
      if (story_index_.count(r.key)) add(r.key);
    }
    if (out.empty()) {
      int i = nicks.Resolve(cell);
      if (i >= 0) add(keys[static_cast<size_t>(i)]);
    }
    return out;
  }

  void ResolveLinks() {
    std::vector<std::string> titles, keys;
    for (const auto& s : out_.stories) {
      titles.push_back(s.title);
      keys.push_back(s.key);
    }
    NicknameIndex nicks(titles);
    for (const auto& pv : pending_values_) {
      auto refs = StoryRefs(pv.name, nicks, keys);
      if (refs.empty()) {
        std::string_view n = Trim(pv.name);
        bool placeholder = n.starts_with('(') || n.starts_with('[') || n == "-" || n == "\u2014";
        out_.warnings.push_back({pv.line, placeholder
                                              ? fmt::format("\"{}\" for {}: a placeholder, no story", pv.name,
                                                            pv.value.value->name)
                                              : fmt::format("\"{}\" (for {}) names no story in this guide; not linked",
                                                            pv.name, pv.value.value->name)});
        continue;
      }
      for (const auto& k : refs) {
        auto& tags = out_.stories[story_index_[k]].values[pv.value.company->id];
        if (std::none_of(tags.begin(), tags.end(), [&](const ValueTag& t) { return t.value == pv.value.value->name; })) {
          tags.push_back(ValueTag{pv.value.value->name, "", pv.rank});
          ++out_.mappings;
        }
      }
    }
    for (auto& pq : pending_questions_) {
      for (const auto& r : pq.refs) {
        for (const auto& k : StoryRefs(r, nicks, keys)) pq.question.stories.push_back(k);
      }
      out_.questions.push_back(std::move(pq.question));
    }
    // Practice prompts: "**Question:** ..." with "**Primary:**" / "**Backup:**" under it.
    for (size_t i = 1; i < parts_.size(); ++i) {
      const Part& p = parts_[i];
      if (IsStory(p) || p.merged) continue;
      std::vector<int> own = OwnLines(static_cast<int>(i));
      std::vector<const Mark*> marks = MarksOn(own);
      GuideQuestion* current = nullptr;
      for (size_t k = 0; k < marks.size(); ++k) {
        const Mark& m = *marks[k];
        const Mark* next = k + 1 < marks.size() ? marks[k + 1] : nullptr;
        std::string text = StripMarkup(TrimBlock(MarkText(m, next, own)));
        if (m.meta == Meta::kQuestion) {
          for (int n = m.line; n <= LineAt(next ? next->start : body_.size()) && n <= outline_.size(); ++n) {
            if (n == m.line || !next || n < next->line) used_[static_cast<size_t>(n)] = true;
          }
          std::string q = Unquote(text);
          // "… ?" or "… ?" — two phrasings of one question.
          if (size_t alt = q.find("\" or \""); alt != std::string::npos) q = q.substr(0, alt + 1);
          q = Unquote(q);
          if (q.empty()) continue;
          GuideQuestion gq{q, m.line, {}, "", ""};
          if (p.value.value) {
            gq.company = p.value.company->id;
            gq.value = p.value.value->name;
          }
          out_.questions.push_back(std::move(gq));
          current = &out_.questions.back();
        } else if ((m.meta == Meta::kPrimary || m.meta == Meta::kBackup) && current) {
          used_[static_cast<size_t>(m.line)] = true;
          // "`LaneMart Dashboard` (why)": the name, then the reason.
          std::string name = text;
          if (size_t paren = name.find(" ("); paren != std::string::npos) name = name.substr(0, paren);
          auto refs = StoryRefs(name, nicks, keys);
          if (refs.empty()) {
            out_.warnings.push_back({m.line, fmt::format("\"{}\" names no story in this guide; not linked", name)});
          }
          for (const auto& r : refs) current->stories.push_back(r);
        }
      }
    }
    // Questions whose answer repeated another's: linked to that story.
    for (const auto& [title, line, original] : extra_questions_) {
      std::vector<std::string> stories;
      if (auto it = line_key_.find(original); it != line_key_.end()) stories.push_back(it->second);
      out_.questions.push_back(GuideQuestion{title, line, stories, "", ""});
    }
    // Parts that are questions: unanswered ones, and those whose answer is a habit
    // or about the company.
    for (size_t i = 1; i < parts_.size(); ++i) {
      Part& p = parts_[i];
      if (p.merged) continue;
      if (p.kind == Part::Kind::kQuestion || p.kind == Part::Kind::kStatement || p.kind == Part::Kind::kWhy) {
        // A "why this company" answer is about the company: reported, not practised.
        if (p.kind != Part::Kind::kWhy) out_.questions.push_back(GuideQuestion{p.title.text, p.line, {}, "", ""});
        used_[static_cast<size_t>(p.line)] = true;
        if (p.kind != Part::Kind::kQuestion) {
          std::vector<int> own = OwnLines(static_cast<int>(i));
          int first = own.empty() ? p.line : own.front();
          for (int n : own) {
            if (!Trim(outline_.Line(n).raw).empty()) {
              first = n;
              break;
            }
          }
          out_.warnings.push_back({first, p.kind == Part::Kind::kWhy
                                              ? "an answer about why you want the company, not a story: not imported"
                                              : "a general answer (how you usually act), not a story: kept as a question"});
          for (int n : own) used_[static_cast<size_t>(n)] = true;
        }
      }
    }
    DedupeQuestions();
  }

  void DedupeQuestions() {
    std::vector<GuideQuestion> kept;
    std::map<std::string, size_t> seen;
    std::sort(out_.questions.begin(), out_.questions.end(),
              [](const GuideQuestion& a, const GuideQuestion& b) { return a.line < b.line; });
    for (auto& q : out_.questions) {
      std::string norm = NormalizeLabel(q.text);
      if (norm.empty()) continue;
      if (auto it = seen.find(norm); it != seen.end()) {
        GuideQuestion& first = kept[it->second];
        for (const auto& k : q.stories) {
          if (std::find(first.stories.begin(), first.stories.end(), k) == first.stories.end()) first.stories.push_back(k);
        }
        if (first.value.empty()) {
          first.company = q.company;
          first.value = q.value;
        }
        continue;
      }
      seen[norm] = kept.size();
      kept.push_back(std::move(q));
    }
    out_.questions = std::move(kept);
  }

  // ---- What was not imported -------------------------------------------------------

  void ReportUnread() {
    for (size_t i = 0; i < parts_.size(); ++i) {
      Part& p = parts_[i];
      if (IsStory(p) || p.merged) continue;
      std::vector<int> own = OwnLines(static_cast<int>(i));
      int first_unread = 0;
      for (int n : own) {
        const OutlineLine& l = outline_.Line(n);
        if (used_[static_cast<size_t>(n)] || l.kind == LineKind::kBlank || l.kind == LineKind::kRule) continue;
        if (!first_unread) first_unread = n;
      }
      if (!first_unread) continue;
      std::string reason = "it holds no story, question index, theme table or values table";
      switch (p.kind) {
        case Part::Kind::kTemplate:
          reason = "a template: its title and sections are placeholders like [Story name]";
          break;
        case Part::Kind::kGuidance:
          reason = "advice on how to answer, not a story";
          break;
        default:
          reason = ReasonFor(static_cast<int>(i), own);
      }
      std::string title = i == 0 ? "(text before the first heading)" : StripMarkup(p.written);
      if (p.kind == Part::Kind::kTemplate || p.kind == Part::Kind::kGuidance) {
        out_.warnings.push_back({p.line, fmt::format("section \"{}\" not imported ({})", title, reason)});
      } else {
        out_.warnings.push_back({first_unread, fmt::format("section \"{}\" not imported ({})", title, reason)});
      }
    }
  }

  // Why the lines of a part that is not a story were not imported, when it is clear.
  std::string ReasonFor(int i, const std::vector<int>& own) const {
    int checklist = 0, bold_bullets = 0, bullets = 0;
    for (int n : own) {
      const OutlineLine& l = outline_.Line(n);
      if (!l.item_start) continue;
      ++bullets;
      std::string_view c = l.Content();
      if (c.starts_with("[ ]") || c.starts_with("[x]") || c.starts_with("[X]")) ++checklist;
      auto lead = ReadLead(c, false);
      if (lead && lead->bold && !IsSectionName(lead->name) && MetaOf(lead->name, true) == Meta::kNone) ++bold_bullets;
    }
    std::string t = ToLower(P(i).title.text);
    if ((t.find("ask") != std::string::npos || t.find("interviewer") != std::string::npos) &&
        t.find("question") != std::string::npos) {
      return "questions to ask the interviewer";
    }
    if (checklist > 0 && checklist * 2 >= bullets) return "a checklist";
    if (bold_bullets >= 2 && bold_bullets * 2 >= bullets) {
      return drafts_.empty() ? "a list of accomplishments with no Situation, Task, Action or Result; write each up "
                               "as a story to practise it"
                             : "a list of short notes, not stories";
    }
    return "it holds no story, question index, theme table or values table";
  }

  std::string NothingFound() const {
    int templates = 0, guidance = 0;
    for (const auto& p : parts_) {
      templates += p.kind == Part::Kind::kTemplate;
      guidance += p.kind == Part::Kind::kGuidance;
    }
    std::string why;
    if (templates) why = fmt::format("; it is a template ({} of placeholders)", Plural(templates, "story skeleton", "story skeletons"));
    else if (guidance) why = "; it holds advice on answering, no stories of your own";
    return fmt::format("{}:1: no stories or questions found{}. rehearse reads a story as a title (a heading, a "
                       "numbered question, a table row) followed by section labels (Situation:, **S** —, ### Action) "
                       "or by a written answer; see \"Guides rehearse reads\" in the README",
                       file_, why);
  }

  struct PendingValue {
    int line;
    ValueRef value;
    std::string name;
    int rank;
  };
  struct PendingQuestion {
    GuideQuestion question;
    std::vector<std::string> refs;
  };
  struct ExtraQuestion {
    std::string title;
    int line;
    int original;
  };

  std::string_view body_;
  std::string file_;
  const Catalog& catalog_;
  const ImportChoices& choices_;
  ParsedGuide out_;
  GuideTables tables_;
  ValueNames value_names_;
  std::unique_ptr<LabelReader> label_reader_;
  std::vector<std::string> framework_ids_;
  Outline outline_;
  std::vector<Mark> marks_;  // By position (and so by line).
  mutable std::map<std::string, bool> known_;  // Folded name -> a section label?
  std::set<int> inline_blocks_;  // Paragraphs read as inline labels.
  std::vector<Part> parts_;
  std::vector<int> line_part_;  // Line -> the deepest part it belongs to.
  std::map<int, int> details_end_;
  std::vector<bool> used_;  // Lines imported as something.
  std::vector<Draft> drafts_;
  std::map<std::string, size_t> story_index_;
  std::map<int, std::string> line_key_;  // Draft line -> key.
  std::map<int, int> duplicate_of_;
  std::vector<ExtraQuestion> extra_questions_;
  std::vector<PendingValue> pending_values_;
  std::vector<PendingQuestion> pending_questions_;
};

}  // namespace

Result<ParsedGuide> ReadGuideShapes(std::string_view body, std::string_view file, const Catalog& catalog,
                                    const ImportChoices& choices) {
  return ShapeReader(body, file, catalog, choices).Read();
}

}  // namespace rehearse
