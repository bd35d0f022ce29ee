#include "export/anki.h"

#include <fmt/format.h>

#include "export/digest.h"
#include "importer/metrics.h"
#include "importer/refs.h"
#include "util/text.h"

namespace rehearse {
namespace {

// Quoted when Anki would otherwise split or skip it: a tab or line break inside, a
// quote (which would open a quoted field), or a '#' that would make a comment line.
std::string Field(std::string_view text) {
  bool quote = text.starts_with('#') || text.find_first_of("\t\n\r\"") != std::string_view::npos;
  if (!quote) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string Tag(std::string_view tag) {
  std::string out(tag);
  for (char& c : out) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') c = '_';
  }
  return out;
}

}  // namespace

std::string WriteAnki(const AnkiDeck& deck) {
  std::string out = "#separator:tab\n#html:false\n#notetype:Basic\n";
  // A line break in the deck name would end the header early.
  std::string name = deck.name;
  for (char& c : name) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  out += "#deck:" + name + "\n#tags column:3\n";
  for (const auto& card : deck.cards) {
    std::vector<std::string> tags;
    for (const auto& t : card.tags) tags.push_back(Tag(t));
    out += Field(card.front) + '\t' + Field(card.back) + '\t' + Field(Join(tags, " ")) + '\n';
  }
  return out;
}

Result<AnkiDeck> ParseAnki(std::string_view text) {
  AnkiDeck deck;
  size_t i = 0;
  int line = 1;
  auto at_line_start = [&] { return i == 0 || text[i - 1] == '\n'; };
  while (i < text.size()) {
    if (at_line_start() && text[i] == '#') {  // A header or comment: up to the line's end.
      size_t end = text.find('\n', i);
      std::string_view header = text.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
      if (header.starts_with("#deck:")) deck.name = std::string(header.substr(6));
      i = end == std::string_view::npos ? text.size() : end + 1;
      ++line;
      continue;
    }
    if (text[i] == '\n') {  // A blank line holds no note.
      ++i;
      ++line;
      continue;
    }
    int note_line = line;
    std::vector<std::string> fields(1);
    while (true) {
      std::string& f = fields.back();
      if (i < text.size() && text[i] == '"') {
        ++i;
        while (true) {
          if (i >= text.size()) return Error{fmt::format("{}: a quoted field is never closed", note_line)};
          if (text[i] == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              f += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (text[i] == '\n') ++line;
          f += text[i++];
        }
        if (i < text.size() && text[i] != '\t' && text[i] != '\n') {
          return Error{fmt::format("{}: text after a closing quote", line)};
        }
      } else {
        while (i < text.size() && text[i] != '\t' && text[i] != '\n') f += text[i++];
      }
      if (i < text.size() && text[i] == '\t') {
        ++i;
        fields.emplace_back();
        continue;
      }
      break;  // End of the note: a line break or the end of the text.
    }
    if (i < text.size()) {
      ++i;
      ++line;
    }
    if (fields.size() > 3) return Error{fmt::format("{}: {} fields; expected front, back and tags", note_line, fields.size())};
    fields.resize(3);
    AnkiCard card{fields[0], fields[1], {}};
    for (std::string_view t : Split(fields[2], ' ')) {
      if (!t.empty()) card.tags.emplace_back(t);
    }
    deck.cards.push_back(std::move(card));
  }
  return deck;
}

AnkiDeck DeckFromBank(const std::vector<Story>& stories, const Catalog& catalog, const std::vector<Plan>& plans) {
  AnkiDeck deck;
  deck.name = "rehearse";
  for (const Story& s : stories) {
    std::string id = StoryIdFromKey(s.key);
    std::string back = fmt::format("{} · {}{}", id, s.framework, s.project.empty() ? "" : " · " + s.project);
    for (const auto& sec : s.sections) {
      std::string first = FirstSentence(sec.text);
      if (!first.empty()) back += fmt::format("\n{}: {}", sec.name, first);
    }
    deck.cards.push_back({s.title, back, {"rehearse", "outline", s.key}});
    auto metrics = StoryMetrics(s, catalog);
    if (!metrics.empty()) {
      std::string front = fmt::format("{}{}: which figures does this story quote?\n{}",
                                      id, s.project.empty() ? "" : " (" + s.project + ")", s.title);
      deck.cards.push_back({front, Join(metrics, "\n"), {"rehearse", "metrics", s.key}});
    }
  }
  for (const Plan& plan : plans) {
    const Company* company = catalog.FindCompany(plan.company);
    std::string company_name = company ? company->name : plan.company;
    for (const auto& v : plan.values) {
      auto cells = StoriesForValue(v);
      if (cells.empty()) continue;
      std::vector<std::string> lines;
      for (const auto& c : cells) {
        const Story* s = FindStory(stories, c.key);
        lines.push_back(fmt::format("{}: {}{}", StoryIdFromKey(c.key), s ? s->title : "", c.tagged ? "" : " (inferred)"));
      }
      deck.cards.push_back({fmt::format("{}, {}: which of your stories show it?", company_name, v.name),
                            Join(lines, "\n"), {"rehearse", "value", plan.company}});
    }
  }
  return deck;
}

}  // namespace rehearse
