#include "importer/native.h"

#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/format.h>

#include "importer/block_start.h"
#include "importer/outline.h"
#include "importer/refs.h"
#include "util/text.h"

namespace rehearse {
namespace {

// A table cell: pipes escaped, line breaks folded (cells are one line).
// `s` on one line: each run of whitespace that holds a line break becomes one space
// (a metadata line ends at its line; a wrapped theme name is one name).
std::string OneLine(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n' || s[i] == '\r') {
      while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
      while (i + 1 < s.size() && std::isspace(static_cast<unsigned char>(s[i + 1]))) ++i;
      out += ' ';
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string Cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

std::string RefCell(const std::string& label, const std::string& key) {
  if (key.empty()) return Cell(label);
  std::string id = StoryIdFromKey(key);
  return label.empty() ? id : fmt::format("{} ({})", Cell(label), id);
}

// A code fence left open at the end of `text` would swallow everything written after
// it; returns the line that closes it where it was opened — inside the list item or
// quote that holds it ("- s\n  ~~~" closes with "  ~~~"), or "" when every fence is
// closed.
std::string ClosingFence(std::string_view text) {
  Outline outline = BuildOutline(text);
  if (outline.lines.empty()) return "";
  const OutlineLine& last = outline.lines.back();
  if (last.kind != LineKind::kCode) return "";
  int first = last.number;
  while (first > 1 && outline.Line(first - 1).block == last.block) --first;
  const OutlineLine& open = outline.Line(first);
  std::string_view fence_line = open.Content();
  size_t indent = fence_line.find_first_not_of(' ');
  if (indent == std::string_view::npos || indent > 3) return "";
  fence_line.remove_prefix(indent);
  char c = fence_line.empty() ? '\0' : fence_line[0];
  if (c != '`' && c != '~') return "";  // An indented code block needs no closing.
  size_t run = fence_line.find_first_not_of(c);
  if (run == std::string_view::npos) run = fence_line.size();
  if (run < 3) return "";
  std::string fence(run, c);
  if (first != last.number) {
    std::string_view closing = Trim(last.Content());
    if (closing.size() >= run && closing.find_first_not_of(c) == std::string_view::npos) return "";
  }
  // The container's prefix, list markers turned into the spaces that continue them.
  std::string prefix(open.raw.substr(0, open.content + indent));
  for (char& p : prefix) {
    if (p != '>' && p != ' ' && p != '\t') p = ' ';
  }
  return prefix + fence;
}

// True when `line` cannot come right after the label's line without changing what
// both mean: an empty list item ("-", "1."), which cannot interrupt a paragraph, or a
// run of - = : | that would underline the label into a heading or make it a table's
// header. Such text was a block of its own in the guide, after a blank line.
bool NeedsBlankLine(std::string_view line) {
  line = Trim(line);
  if (line.empty()) return false;
  if (line == "*" || line == "+") return true;
  if (line.find_first_not_of("-=:| \t\f\v") == std::string_view::npos) return true;
  size_t digits = line.find_first_not_of("0123456789");
  return digits > 0 && digits != std::string_view::npos && digits + 1 == line.size() &&
         (line[digits] == '.' || line[digits] == ')');
}

// "**Label:**" and its text on the next line, as people write it, or after a blank
// line when NeedsBlankLine; text the importer escaped goes back on the label's line.
// `text` with a backslash before every later line that the native reader would take
// for a label (ReadsAsLabel) or the end of the story (EndsNativeStory), outside fenced
// code. The first line is the caller's.
std::string EscapeLabelLines(std::string_view text) {
  std::string out;
  std::string_view fence;  // The open fence's marker run, empty outside one.
  bool after_text = false;  // The line before is text, which a line of - or = underlines.
  size_t start = 0;
  for (int n = 0; start <= text.size(); ++n) {
    size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    std::string_view trimmed = Trim(line);
    if (!fence.empty()) {
      if (trimmed.starts_with(fence) && trimmed.find_first_not_of(fence[0]) == std::string_view::npos) fence = {};
    } else if (trimmed.starts_with("```") || trimmed.starts_with("~~~")) {
      fence = trimmed.substr(0, trimmed.find_first_not_of(trimmed[0]));
    } else if (n > 0 && (ReadsAsLabel(line) || EndsNativeStory(line) || (after_text && IsSetextUnderline(line)))) {
      size_t at = line.find_first_not_of(" \t");
      out.append(line.substr(0, at)).append("\\");
      line.remove_prefix(at);
    }
    out.append(line);
    if (end < text.size()) out += '\n';
    after_text = fence.empty() && !trimmed.empty();
    start = end + 1;
  }
  return out;
}

void WriteLabeled(std::string& out, std::string_view label, std::string_view raw) {
  std::string text = EscapeLabelLines(raw);
  std::string_view first = std::string_view(text).substr(0, text.find('\n'));
  size_t second_start = first.size() + 1;
  std::string_view second =
      second_start < text.size() ? std::string_view(text).substr(second_start, text.find('\n', second_start) - second_start) : "";
  // A second line of - and | makes the first one a table's header row.
  bool delimiter_next = !second.empty() && second.find('-') != std::string_view::npos &&
                        second.find_first_of(":|") != std::string_view::npos &&
                        second.find_first_not_of("-:| \t\f\v") == std::string_view::npos;
  // A list item or quote keeps its line: there the next line continues the item.
  bool item = first.size() > 1 && std::string_view("-*+>").find(first[0]) != std::string_view::npos && first[1] == ' ';
  size_t digits = first.find_first_not_of("0123456789");
  item = item || (digits > 0 && digits != std::string_view::npos && digits + 1 < first.size() &&
                  (first[digits] == '.' || first[digits] == ')') && first[digits + 1] == ' ');
  const bool reads_as_label = ReadsAsLabel(first) || EndsNativeStory(first);
  const bool escaped_block = text.size() > 1 && text[0] == '\\' && ReadsAsBlock(first.substr(1));
  if (delimiter_next && !item && !first.empty()) {
    // Text that starts a table is a block of its own after a blank line (right under
    // the label, or on its line, the label would join the table), escaped when it
    // would read as a label.
    if (reads_as_label) text.insert(text.find_first_not_of(" \t"), "\\");
    out += fmt::format("**{}:**\n\n{}\n\n", label, text);
    if (std::string fence = ClosingFence(text); !fence.empty()) out.insert(out.size() - 1, fence + "\n");
    return;
  }
  if (reads_as_label || escaped_block) {
    // Text the reader would take for a label or a heading, or that the importer
    // escaped because it was written on the label's line, goes on the label's line:
    // only there does it read the same (the reader escapes it again).
    out += fmt::format("**{}:** {}\n\n", label, escaped_block ? std::string_view(text).substr(1) : std::string_view(text));
  } else {
    out += fmt::format("**{}:**{}{}\n\n", label, NeedsBlankLine(first) ? "\n\n" : "\n", text);
    if (std::string fence = ClosingFence(text); !fence.empty()) out.insert(out.size() - 1, fence + "\n");
    return;
  }
  if (std::string fence = ClosingFence(std::string_view(text).substr(first.size())); !fence.empty()) {
    out.insert(out.size() - 1, fence + "\n");
  }
}

void WriteStory(std::string& out, const Story& s) {
  // A title ending in '#' gets an explicit closing sequence, or a reader would take
  // its last characters for one.
  out += fmt::format("### {}: {}{}\n\n", StoryIdFromKey(s.key), s.title, s.title.ends_with('#') ? " #" : "");
  if (!s.project.empty()) out += fmt::format("**Project: {}**\n\n", OneLine(s.project));
  out += fmt::format("**Framework: {}**\n\n", s.framework);
  if (!s.themes.empty()) out += fmt::format("**Themes: {}**\n\n", OneLine(Join(s.themes, ", ")));
  std::vector<std::string> inferred;
  for (const auto& section : s.sections) {
    if (section.inferred) inferred.push_back(section.name);
  }
  if (!inferred.empty()) out += fmt::format("**Inferred: {}**\n\n", Join(inferred, ", "));
  if (!s.versions.empty()) {
    std::vector<std::string> ids;
    for (const auto& k : s.versions) ids.push_back(StoryIdFromKey(k));
    out += fmt::format("**Versions: {}**\n\n", Join(ids, ", "));
  }
  for (const auto& section : s.sections) WriteLabeled(out, section.name, section.text);
  if (!s.notes.empty()) WriteLabeled(out, "Notes", s.notes);
  out += "---\n\n";
}

void WriteIndex(std::string& out, const std::vector<const Story*>& stories) {
  bool any = std::any_of(stories.begin(), stories.end(), [](const Story* s) { return !s->kind.empty(); });
  if (!any) return;
  out += "## Question Index\n\n";
  for (std::string_view kind : {"normal", "grilling"}) {
    std::string rows;
    for (const Story* s : stories) {
      if (s->kind == kind) rows += fmt::format("| {} | {} | {} |\n", StoryIdFromKey(s->key), Cell(s->category), Cell(s->topic));
    }
    if (rows.empty()) continue;
    out += kind == "normal" ? "### Normal Questions\n\n" : "### Grilling Questions\n\n";
    out += "| # | Category | Topic |\n|---|---|---|\n" + rows + "\n";
  }
}

void WriteValues(std::string& out, const std::vector<const Story*>& stories, const Catalog& catalog) {
  // company id -> value name -> (rank, key, note)
  struct Entry {
    int rank;
    std::string key, note;
  };
  std::map<std::string, std::map<std::string, std::vector<Entry>>> table;
  for (const Story* s : stories) {
    for (const auto& [company, tags] : s->values) {
      for (const auto& tag : tags) table[company][tag.value].push_back({tag.rank, s->key, tag.note});
    }
  }
  if (table.empty()) return;
  out += "## Company Values Alignment\n\n";
  std::vector<std::string> companies;
  for (const auto& c : catalog.companies) {
    if (table.count(c.id)) companies.push_back(c.id);
  }
  for (const auto& [id, unused] : table) {
    if (std::find(companies.begin(), companies.end(), id) == companies.end()) companies.push_back(id);
  }
  for (const auto& id : companies) {
    auto& values = table[id];
    const Company* company = catalog.FindCompany(id);
    std::vector<std::string> order;
    if (company) {
      for (const auto& v : company->values) {
        if (values.count(v.name)) order.push_back(v.name);
      }
    }
    for (const auto& [name, unused] : values) {  // Names the profile lacks, by name.
      if (std::find(order.begin(), order.end(), name) == order.end()) order.push_back(name);
    }
    out += fmt::format("### {} {} Mapping\n\n| Value | Stories |\n|---|---|\n",
                       company ? company->name : id, company ? company->values_title : "Values");
    for (const auto& name : order) {
      auto& entries = values[name];
      std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return a.rank != b.rank ? a.rank < b.rank : NaturalLess(a.key, b.key);
      });
      std::vector<std::string> refs;
      for (const auto& e : entries) {
        refs.push_back(e.note.empty() ? StoryIdFromKey(e.key) : fmt::format("{} ({})", StoryIdFromKey(e.key), e.note));
      }
      out += fmt::format("| {} | {} |\n", Cell(name), Cell(Join(refs, ", ")));
    }
    out += "\n";
  }
}

}  // namespace

std::string WriteNative(const std::vector<Story>& stories, const std::vector<ThemeRow>& themes,
                        const Catalog& catalog, const std::vector<UserQuestion>& questions) {
  std::vector<const Story*> sorted;
  for (const auto& s : stories) sorted.push_back(&s);
  std::sort(sorted.begin(), sorted.end(), [](const Story* a, const Story* b) { return NaturalLess(a->key, b->key); });

  std::string out = "---\nrehearse: story-bank\nversion: 1\n---\n\n# Story Bank\n\n## Stories\n\n";
  for (const Story* s : sorted) WriteStory(out, *s);
  if (!themes.empty()) {
    out += "## Top Stories by Theme\n\n| Theme | Go-To Story | Backup Story |\n|---|---|---|\n";
    for (const auto& t : themes) {
      out += fmt::format("| {} | {} | {} |\n", Cell(t.theme), RefCell(t.goto_label, t.goto_key),
                         RefCell(t.backup_label, t.backup_key));
    }
    out += "\n";
  }
  WriteIndex(out, sorted);
  WriteValues(out, sorted, catalog);
  if (!questions.empty()) {
    out += "## Your Questions\n\n| Question | Stories | Value |\n|---|---|---|\n";
    for (const auto& q : questions) {
      std::vector<std::string> ids;
      for (const auto& k : q.stories) ids.push_back(StoryIdFromKey(k));
      std::string value = q.value.empty() ? "" : fmt::format("{}: {}", q.company, q.value);
      out += fmt::format("| {} | {} | {} |\n", Cell(q.text), Join(ids, ", "), Cell(value));
    }
    out += "\n";
  }
  while (out.ends_with("\n\n")) out.pop_back();
  return out;
}

}  // namespace rehearse
