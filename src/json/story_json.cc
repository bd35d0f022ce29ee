#include "json/story_json.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "importer/metrics.h"
#include "store/bank.h"

namespace rehearse {
namespace {

using nlohmann::json;

// Invalid UTF-8 cannot reach here (the importer rejects it), but a dump must never
// throw: replace rather than fail.
std::string Dump(const json& j, int indent = -1) { return j.dump(indent, ' ', false, json::error_handler_t::replace); }

json SectionsJson(const Story& s) {
  json out = json::array();
  for (const auto& sec : s.sections) out.push_back({{"name", sec.name}, {"text", sec.text}});
  return out;
}

json ApiStory(const Story& s, const std::vector<ThemeRow>& themes, const Catalog& catalog) {
  json values = json::object();
  for (const auto& [company, tags] : s.values) {
    json names = json::array();
    for (const auto& t : tags) names.push_back(t.value);
    values[company] = names;
  }
  return json{{"key", s.key},
              {"title", s.title},
              {"project", s.project},
              {"framework", s.framework},
              {"sections", SectionsJson(s)},
              {"themes", StoryThemes(s, themes)},
              {"values", values},
              {"metrics", StoryMetrics(s, catalog)},
              {"kind", s.kind},
              {"category", s.category},
              {"topic", s.topic},
              {"notes", s.notes}};
}

}  // namespace

std::string StoryToDoc(const Story& s) {
  json values = json::object();
  for (const auto& [company, tags] : s.values) {
    json list = json::array();
    for (const auto& t : tags) list.push_back({{"value", t.value}, {"note", t.note}, {"rank", t.rank}});
    values[company] = list;
  }
  return Dump(json{{"key", s.key},
                   {"title", s.title},
                   {"project", s.project},
                   {"framework", s.framework},
                   {"sections", SectionsJson(s)},
                   {"themes", s.themes},
                   {"values", values},
                   {"kind", s.kind},
                   {"category", s.category},
                   {"topic", s.topic},
                   {"notes", s.notes}});
}

Result<Story> StoryFromDoc(std::string_view doc, std::string_view where) {
  try {
    json j = json::parse(doc);
    Story s;
    s.key = j.at("key").get<std::string>();
    s.title = j.at("title").get<std::string>();
    s.project = j.value("project", "");
    s.framework = j.at("framework").get<std::string>();
    for (const auto& sec : j.at("sections")) {
      s.sections.push_back({sec.at("name").get<std::string>(), sec.at("text").get<std::string>()});
    }
    s.themes = j.value("themes", std::vector<std::string>{});
    const json values = j.value("values", json::object());
    for (const auto& [company, list] : values.items()) {
      auto& tags = s.values[company];
      for (const auto& t : list) {
        tags.push_back({t.at("value").get<std::string>(), t.value("note", ""), t.value("rank", 0)});
      }
    }
    s.kind = j.value("kind", "");
    s.category = j.value("category", "");
    s.topic = j.value("topic", "");
    s.notes = j.value("notes", "");
    return s;
  } catch (const json::exception& e) {
    return Error{fmt::format("{}: damaged story record: {}", where, e.what())};
  }
}

std::vector<std::string> StoryThemes(const Story& story, const std::vector<ThemeRow>& themes) {
  std::vector<std::string> out = story.themes;
  for (const auto& t : themes) {
    if ((t.goto_key == story.key || t.backup_key == story.key) &&
        std::find(out.begin(), out.end(), t.theme) == out.end()) {
      out.push_back(t.theme);
    }
  }
  return out;
}

std::string StoriesJson(const std::vector<Story>& stories, const std::vector<ThemeRow>& themes,
                        const Catalog& catalog) {
  json out = json::array();
  for (const auto& s : stories) out.push_back(ApiStory(s, themes, catalog));
  return Dump(out);
}

std::string StoryJson(const Story& story, int rev, const std::vector<ThemeRow>& themes, const Catalog& catalog) {
  json j = ApiStory(story, themes, catalog);
  j["rev"] = rev;
  json notes = json::object();
  for (const auto& [company, tags] : story.values) {
    json list = json::array();
    for (const auto& t : tags) list.push_back({{"value", t.value}, {"note", t.note}});
    notes[company] = list;
  }
  j["value_notes"] = notes;
  return Dump(j, 2);
}

std::string ImportJson(const ImportSummary& s, std::string_view file) {
  json warnings = json::array();
  for (const auto& w : s.warnings) {
    warnings.push_back({{"line", w.line}, {"message", w.message}, {"where", fmt::format("{}:{}", file, w.line)}});
  }
  return Dump(json{{"stories", s.stories},
                   {"questions", s.questions},
                   {"mappings", s.mappings},
                   {"created", s.created},
                   {"updated", s.updated},
                   {"unchanged", s.unchanged},
                   {"themes_changed", s.themes_changed},
                   {"warnings", warnings}});
}

std::string HistoryJson(std::string_view key, const std::vector<Revision>& revisions) {
  json list = json::array();
  for (const auto& r : revisions) {
    list.push_back({{"rev", r.rev}, {"created_at", r.created_at}, {"reason", r.reason}, {"title", r.story.title}});
  }
  return Dump(json{{"key", key}, {"revisions", list}});
}

std::string FrameworksJson(const Catalog& catalog) {
  json out = json::array();
  for (const auto& f : catalog.frameworks) {
    json sections = json::array();
    for (const auto& s : f.sections) {
      sections.push_back({{"name", s.name}, {"role", RoleName(s.role)}, {"share", s.share}, {"prompt", s.prompt}});
    }
    out.push_back({{"id", f.id}, {"best_for", f.best_for}, {"sections", sections}});
  }
  return Dump(out);
}

std::string CompaniesJson(const Catalog& catalog) {
  json out = json::array();
  for (const auto& c : catalog.companies) {
    json values = json::array();
    for (const auto& v : c.values) {
      values.push_back({{"name", v.name}, {"description", v.description}, {"keywords", v.keywords}, {"aliases", v.aliases}});
    }
    out.push_back({{"id", c.id}, {"name", c.name}, {"values_title", c.values_title}, {"values", values}});
  }
  return Dump(out);
}

std::string QuestionsJson(const std::vector<const Question*>& questions) {
  json out = json::array();
  for (const Question* q : questions) {
    out.push_back({{"text", q->text},
                   {"kind", q->kind == QuestionKind::kGrilling ? "grilling" : "normal"},
                   {"framework", q->framework},
                   {"themes", q->themes},
                   {"values", q->values}});
  }
  return Dump(out);
}

std::string ThemesJson(const std::vector<ThemeRow>& themes) {
  json out = json::array();
  for (const auto& t : themes) {
    out.push_back({{"theme", t.theme}, {"goto", t.goto_key}, {"goto_label", t.goto_label},
                   {"backup", t.backup_key}, {"backup_label", t.backup_label}});
  }
  return Dump(out);
}

}  // namespace rehearse
