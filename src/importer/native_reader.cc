#include "importer/native_reader.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "importer/block_start.h"
#include "importer/guide_tables.h"
#include "importer/outline.h"
#include "importer/refs.h"
#include "util/text.h"

namespace rehearse {
namespace {

// The plain text of a node: its literal text and that of its descendants.
std::string PlainText(cmark_node* node) {
  std::string out;
  if (const char* lit = cmark_node_get_literal(node)) {
    out += lit;
  }
  for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
    cmark_node_type t = cmark_node_get_type(c);
    if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) out += ' ';
    else out += PlainText(c);
  }
  return out;
}

std::string_view TypeString(cmark_node* node) {
  const char* s = cmark_node_get_type_string(node);
  return s ? std::string_view(s) : std::string_view();
}


// A bold line at the start of a paragraph line: "**Situation:**" or "**Project: X**".
struct BoldLead {
  std::string inner;      // Between the markers: "Situation:" or "Project: X".
  std::string_view rest;  // What follows the closing marker on the same line.
  bool colon_after = false;  // "**Situation**:" — the colon outside the markers.
};

std::optional<BoldLead> ReadBoldLead(std::string_view line) {
  line = Trim(line);
  std::string_view marker;
  if (line.starts_with("**")) marker = "**";
  else if (line.starts_with("__")) marker = "__";
  else return std::nullopt;
  size_t close = line.find(marker, 2);
  if (close == std::string_view::npos || close == 2) return std::nullopt;
  BoldLead lead;
  lead.inner = std::string(Trim(line.substr(2, close - 2)));
  lead.rest = line.substr(close + 2);
  if (lead.rest.starts_with(':')) {
    lead.colon_after = true;
    lead.rest.remove_prefix(1);
  }
  lead.rest = Trim(lead.rest);
  return lead;
}

struct OpenSection {
  std::string name;
  int label_line = 0;
  int first_line = 0;     // First line of the text (1-based).
  size_t first_col = 0;   // Byte where the text starts on first_line.
  int last_line = -1;     // Last line of the text; < first_line when there is none.
  // Text that starts on the label's line and would read differently on a line of its
  // own ("**Note:** ---") is kept with its first character escaped, which renders
  // the same and lets the native export put every text on the line after its label.
  bool escape_first = false;
};

struct OpenStory {
  Story story;
  int line = 0;
  std::string framework_written;
  int framework_line = 0;
  std::vector<OpenSection> sections;
  std::vector<std::pair<int, int>> loose;  // Line ranges before the first label.
  std::set<std::string> inferred;          // Lowercased names of inferred sections.
  int rule_line = 0;                        // A rule (---) not yet known to be the story's end.
};

// A heading outside the stories, and whether what stands under it was understood.
struct Region {
  int line = 0;
  std::string title;
  int first_unread_line = 0;  // 0 while everything under it was imported.
};

class NativeParser {
 public:
  NativeParser(std::string_view text, std::string_view file, const Catalog& catalog)
      : text_(text), file_(file), catalog_(catalog) {}

  // `body`: the export with its front matter blanked out (line numbers kept).
  Result<ParsedGuide> Parse() {
    std::string_view body = text_;
    lines_ = SplitLines(body);
    out_.native = true;

    cmark_gfm_core_extensions_ensure_registered();
    std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(cmark_parser_new(CMARK_OPT_DEFAULT),
                                                                       &cmark_parser_free);
    if (cmark_syntax_extension* table = cmark_find_syntax_extension("table")) {
      cmark_parser_attach_syntax_extension(parser.get(), table);
    }
    cmark_parser_feed(parser.get(), body.data(), body.size());
    std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(cmark_parser_finish(parser.get()), &cmark_node_free);

    for (cmark_node* node = cmark_node_first_child(doc.get()); node; node = cmark_node_next(node)) {
      REHEARSE_TRY(Visit(node));
    }
    REHEARSE_TRY(CloseStory());
    tables_.Apply(story_index_);
    // A bank of questions and no stories yet exports as such, and reads back.
    if (out_.stories.empty() && out_.questions.empty()) {
      return Fail(1, "no stories found; expected headings like \"### Q1: Tell me about a time ...\"");
    }
    for (const auto& region : regions_) {
      if (region.first_unread_line) {
        Warn(region.first_unread_line,
             fmt::format("section \"{}\" not imported (it holds no story, question index, theme table "
                         "or values table)",
                         region.title));
      }
    }
    std::stable_sort(out_.warnings.begin(), out_.warnings.end(),
                     [](const ImportWarning& a, const ImportWarning& b) { return a.line < b.line; });
    return std::move(out_);
  }

 private:
  Error Fail(int line, std::string_view what) const { return Error{fmt::format("{}:{}: {}", file_, line, what)}; }
  void Warn(int line, std::string message) { out_.warnings.push_back({line, std::move(message)}); }

  std::string_view Line(int n) const {
    return n >= 1 && n <= static_cast<int>(lines_.size()) ? lines_[n - 1] : std::string_view();
  }

  Status Visit(cmark_node* node) {
    cmark_node_type type = cmark_node_get_type(node);
    int start = cmark_node_get_start_line(node);
    int end = std::max(start, cmark_node_get_end_line(node));
    // A paragraph a table interrupted has no position; the table's carries its lines.
    if (type == CMARK_NODE_PARAGRAPH && start == 0) return {};
    int lost_first = 0, lost_last = 0;  // That paragraph's lines, when there is one.
    if (TypeString(node) == "table") {
      int header = TableHeaderLine(lines_, start, end);
      if (header > start) {
        lost_first = start;
        lost_last = header - 1;
        start = header;
      }
    }
    if (type == CMARK_NODE_HEADING) return VisitHeading(node, start);
    if (story_) {
      // The export ends every story with a rule; a rule with more of the story after
      // it (before the next heading) is the story's own, kept in its text.
      if (type == CMARK_NODE_THEMATIC_BREAK) {
        if (!story_->rule_line) story_->rule_line = start;
        return {};
      }
      if (story_->rule_line) {
        ExtendSection(story_->rule_line, story_->rule_line);
        story_->rule_line = 0;
      }
      if (type == CMARK_NODE_PARAGRAPH) return StoryParagraph(start, end);
      if (lost_first) REHEARSE_TRY(StoryParagraph(lost_first, lost_last));
      ExtendSection(start, end);
      return {};
    }
    if (lost_first) Unread(lost_first);
    if (type == CMARK_NODE_THEMATIC_BREAK) return {};
    bool understood = false;
    if (type == CMARK_NODE_CODE_BLOCK) {
      const char* literal = cmark_node_get_literal(node);
      understood = tables_.Box(literal ? literal : "", start, heading_);
    } else if (TypeString(node) == "table") {
      understood = GfmTable(node, start);
    }
    if (!understood) Unread(start);
    return {};
  }

  void Unread(int line) {
    if (regions_.empty()) regions_.push_back(Region{1, "(text before the first heading)", 0});
    if (!regions_.back().first_unread_line) regions_.back().first_unread_line = line;
  }

  Status VisitHeading(cmark_node* node, int line) {
    int level = cmark_node_get_heading_level(node);
    if (level > 3 && story_) {
      ExtendSection(line, line);
      return {};
    }
    REHEARSE_TRY(CloseStory());
    std::string raw = HeadingSource(node, line);
    if (level == 3) {
      if (auto story = StoryHeading(raw)) {
        if (auto it = seen_keys_.find(story->key); it != seen_keys_.end()) {
          return Fail(line, fmt::format("{} appears twice (first at line {})", StoryIdFromKey(story->key), it->second));
        }
        seen_keys_[story->key] = line;
        story_ = OpenStory{std::move(*story), line, "", 0, {}, {}, {}, 0};
        return {};
      }
    }
    heading_ = PlainText(node);
    regions_.push_back(Region{line, heading_, 0});
    return {};
  }

  // The heading's text as written (inline Markdown kept), without the # markers.
  std::string HeadingSource(cmark_node* node, int line) const {
    std::string_view l = Trim(Line(line));
    if (!l.starts_with('#')) return std::string(Trim(PlainText(node)));  // A setext heading.
    while (l.starts_with('#')) l.remove_prefix(1);
    l = Trim(l);
    size_t hashes = l.find_last_not_of('#');
    if (hashes != std::string_view::npos && hashes + 1 < l.size() && (l[hashes] == ' ' || l[hashes] == '\t')) {
      l = Trim(l.substr(0, hashes));
    }
    return std::string(l);
  }

  // "Q12: Describe ..." -> a story keyed q12; nullopt for any other heading.
  static std::optional<Story> StoryHeading(std::string_view raw) {
    size_t i = 0;
    if (i >= raw.size() || (raw[i] != 'Q' && raw[i] != 'q')) return std::nullopt;
    ++i;
    size_t digits = i;
    while (i < raw.size() && std::isdigit(static_cast<unsigned char>(raw[i]))) ++i;
    if (i == digits) return std::nullopt;
    std::optional<std::string> key = StoryKeyFromId(raw.substr(0, i));
    if (!key) return std::nullopt;
    std::string_view rest = raw.substr(i);
    if (rest.empty() || (rest[0] != ':' && rest[0] != '.' && rest[0] != ')')) return std::nullopt;
    Story s;
    s.key = *key;
    s.title = std::string(Trim(rest.substr(1)));
    return s;
  }

  Status StoryParagraph(int start, int end) {
    for (int n = start; n <= end; ++n) {
      std::string_view line = Line(n);
      std::optional<BoldLead> lead = ReadBoldLead(line);
      // "**Project: X**" is metadata; "**Situation:**" (a colon last) is always a label.
      if (lead && !lead->colon_after && lead->rest.empty() && !lead->inner.ends_with(':') && Metadata(*lead, n)) {
        continue;
      }
      if (lead && !lead->inner.empty() && (lead->colon_after || lead->inner.back() == ':')) {
        std::string name = lead->inner;
        if (name.back() == ':') name.pop_back();
        name = std::string(Trim(name));
        if (!name.empty() && name.size() <= 40 && LowerWords(name).size() <= 5) {
          OpenSection s;
          s.name = name;
          s.label_line = n;
          if (lead->rest.empty()) {
            s.first_line = n + 1;
          } else {
            s.first_line = n;
            s.first_col = static_cast<size_t>(lead->rest.data() - line.data());
            s.escape_first = ReadsAsBlock(lead->rest);
          }
          s.last_line = n;
          story_->sections.push_back(std::move(s));
          continue;
        }
      }
      ExtendSection(n, n);
    }
    return {};
  }

  // "**Project: X**", "**Framework: SOAR**", "**Themes: a, b**"; false for other bold lines.
  bool Metadata(const BoldLead& lead, int line) {
    size_t colon = lead.inner.find(':');
    if (colon == std::string::npos) return false;
    std::string key = ToLower(Trim(std::string_view(lead.inner).substr(0, colon)));
    std::string value(Trim(std::string_view(lead.inner).substr(colon + 1)));
    if (value.empty()) return false;
    if (key == "project") {
      story_->story.project = value;
    } else if (key == "framework") {
      story_->framework_written = value;
      story_->framework_line = line;
    } else if (key == "themes" || key == "theme") {
      story_->story.themes.clear();
      for (std::string_view t : Split(value, ',')) {
        if (!Trim(t).empty()) story_->story.themes.emplace_back(Trim(t));
      }
    } else if (key == "inferred") {
      // The sections the segmenter found in an unlabeled answer.
      for (std::string_view t : Split(value, ',')) {
        if (!Trim(t).empty()) story_->inferred.insert(ToLower(Trim(t)));
      }
    } else if (key == "versions") {
      story_->story.versions.clear();
      for (std::string_view t : Split(value, ',')) {
        if (auto k = StoryKeyFromId(Trim(t))) story_->story.versions.push_back(*k);
      }
      if (story_->story.versions.empty()) return false;
    } else {
      return false;
    }
    return true;
  }

  void ExtendSection(int start, int end) {
    if (story_->sections.empty()) {
      story_->loose.emplace_back(start, end);
      return;
    }
    story_->sections.back().last_line = std::max(story_->sections.back().last_line, end);
  }

  std::string SliceLines(int first, size_t first_col, int last) const {
    std::string out;
    for (int n = first; n <= last; ++n) {
      std::string_view l = Line(n);
      if (n == first) l = l.substr(std::min(first_col, l.size()));
      if (n != first) out += '\n';
      out += l;
    }
    // Trailing spaces and blank lines carry nothing; leading blank lines neither.
    size_t endpos = out.find_last_not_of(" \t\n");
    out.erase(endpos == std::string::npos ? 0 : endpos + 1);
    size_t startpos = out.find_first_not_of('\n');
    out.erase(0, startpos == std::string::npos ? out.size() : startpos);
    return out;
  }

  Status CloseStory() {
    if (!story_) return {};
    OpenStory open = std::move(*story_);
    story_.reset();
    Story& story = open.story;
    std::string id = StoryIdFromKey(story.key);
    if (story.title.empty()) return Fail(open.line, fmt::format("{} has no question after \"{}:\"", id, id));
    story.framework = "STAR";
    const Framework* framework = catalog_.FindFramework("STAR");
    if (!open.framework_written.empty()) {
      framework = catalog_.FindFramework(open.framework_written);
      if (!framework) {
        std::vector<std::string> known;
        for (const auto& f : catalog_.frameworks) known.push_back(f.id);
        return Fail(open.framework_line, fmt::format("unknown framework \"{}\" (known: {})", open.framework_written,
                                                     Join(known, ", ")));
      }
      story.framework = framework->id;
    }
    for (auto [first, last] : open.loose) {
      std::string text = SliceLines(first, 0, last);
      if (text.empty()) continue;
      Warn(first, fmt::format("text before the first section label of {} kept as the story's notes", id));
      if (!story.notes.empty()) story.notes += "\n\n";
      story.notes += text;
    }
    std::map<std::string, int> section_lines;
    for (const auto& s : open.sections) {
      std::string text = SliceLines(s.first_line, s.first_col, s.last_line);
      if (s.escape_first && !text.empty()) text.insert(0, "\\");
      if (text.empty()) {
        return Fail(s.label_line, fmt::format("section \"{}\" of {} is empty; write its text under the label, "
                                              "or delete the label",
                                              s.name, id));
      }
      if (ToLower(s.name) == "notes") {
        if (!story.notes.empty()) story.notes += "\n\n";
        story.notes += text;
        continue;
      }
      if (auto it = section_lines.find(ToLower(s.name)); it != section_lines.end()) {
        return Fail(s.label_line, fmt::format("{} has a second \"{}\" section (first at line {})", id, s.name, it->second));
      }
      section_lines[ToLower(s.name)] = s.label_line;
      if (framework && !framework->FindSection(s.name)) {
        Warn(s.label_line, fmt::format("{} has a section \"{}\", which {} does not define; kept as written", id,
                                       s.name, story.framework));
      }
      story.sections.push_back(StorySection{s.name, std::move(text), open.inferred.count(ToLower(s.name)) > 0});
    }
    // A story with notes and no sections is an outline; with neither it is nothing.
    if (story.sections.empty() && story.notes.empty()) {
      return Fail(open.line, fmt::format("{} has no sections; expected bold labels such as **Situation:** with "
                                         "text under them",
                                         id));
    }
    story_index_[story.key] = out_.stories.size();
    out_.origins.push_back(StoryOrigin{open.line, {}, "its Framework line"});
    for (const auto& sec : story.sections) out_.origins.back().written.push_back(sec.name);
    out_.stories.push_back(std::move(story));
    return {};
  }

  bool GfmTable(cmark_node* table, int start) {
    std::vector<std::string> header;
    TableRows rows;
    for (cmark_node* row = cmark_node_first_child(table); row; row = cmark_node_next(row)) {
      // The cells as written (pipes unescaped): the export wrote them, and reading
      // them back as plain text would drop the markup a question or theme holds. The
      // header row is on `start` (TableHeaderLine), whatever cmark-gfm says.
      int line = row == cmark_node_first_child(table) ? start : cmark_node_get_start_line(row);
      std::vector<std::string> cells = SplitTableRow(Line(line));
      if (header.empty()) header = std::move(cells);
      else rows.emplace_back(line, std::move(cells));
    }
    return tables_.Gfm(header, rows, start, heading_);
  }

  std::string_view text_;
  std::string file_;
  const Catalog& catalog_;
  std::vector<std::string_view> lines_;
  ParsedGuide out_;
  std::optional<OpenStory> story_;
  std::map<std::string, int> seen_keys_;
  std::map<std::string, size_t> story_index_;
  std::string heading_;
  std::vector<Region> regions_;
  GuideTables tables_{catalog_, &out_};
};

}  // namespace

Result<ParsedGuide> ReadNativeGuide(std::string_view body, std::string_view file, const Catalog& catalog) {
  return NativeParser(body, file, catalog).Parse();
}

}  // namespace rehearse
