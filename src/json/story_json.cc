#include "json/story_json.h"

#include <algorithm>

#include <fmt/format.h>
#include "json/json_writer.h"

#include "importer/metrics.h"
#include "json/practice_json.h"
#include "store/bank.h"

namespace rehearse {
namespace {

void WriteSections(JsonWriter& w, const Story& s) {
  w.BeginArray();
  for (const auto& sec : s.sections) w.BeginObject().Field("name", sec.name).Field("text", sec.text).EndObject();
  w.EndArray();
}

void WriteApiStory(JsonWriter& w, const Story& s, const std::vector<ThemeRow>& themes, const Catalog& catalog) {
  w.BeginObject().Field("key", s.key).Field("title", s.title).Field("project", s.project).Field("framework", s.framework);
  w.Key("sections");
  WriteSections(w, s);
  w.Field("themes", StoryThemes(s, themes));
  w.Key("values").BeginObject();
  for (const auto& [company, tags] : s.values) {
    w.Key(company).BeginArray();
    for (const auto& t : tags) w.String(t.value);
    w.EndArray();
  }
  w.EndObject();
  w.Field("metrics", StoryMetrics(s, catalog));
  w.Field("kind", s.kind).Field("category", s.category).Field("topic", s.topic).Field("notes", s.notes);
}

}  // namespace

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

std::string StoriesJson(const std::vector<const Story*>& stories, const std::vector<ThemeRow>& themes,
                        const Catalog& catalog, const std::map<std::string, Readiness>* readiness) {
  JsonWriter w;
  size_t estimate = 2;
  for (const Story* s : stories) {
    estimate += 512;
    for (const auto& sec : s->sections) estimate += sec.text.size() + 32;
  }
  w.Reserve(estimate + estimate / 8);
  w.BeginArray();
  for (const Story* s : stories) {
    WriteApiStory(w, *s, themes, catalog);
    if (readiness) {
      auto it = readiness->find(s->key);
      if (it != readiness->end()) w.Key("readiness").Raw(ReadinessJson(it->second));
    }
    w.EndObject();
  }
  w.EndArray();
  return w.str();
}

std::string StoryJson(const Story& story, int rev, const std::vector<ThemeRow>& themes, const Catalog& catalog,
                      const Readiness* readiness) {
  JsonWriter w;
  WriteApiStory(w, story, themes, catalog);
  w.Field("rev", rev);
  if (readiness) w.Key("readiness").Raw(ReadinessJson(*readiness));
  w.Key("value_notes").BeginObject();
  for (const auto& [company, tags] : story.values) {
    w.Key(company).BeginArray();
    for (const auto& t : tags) w.BeginObject().Field("value", t.value).Field("note", t.note).EndObject();
    w.EndArray();
  }
  w.EndObject().EndObject();
  return w.str();
}

std::string ImportJson(const ImportSummary& s, std::string_view file) {
  JsonWriter w;
  w.BeginObject().Field("stories", s.stories).Field("questions", s.questions).Field("mappings", s.mappings);
  w.Field("created", s.created).Field("updated", s.updated).Field("unchanged", s.unchanged);
  w.Field("themes_changed", s.themes_changed);
  w.Key("warnings").BeginArray();
  for (const auto& warning : s.warnings) {
    w.BeginObject().Field("line", warning.line).Field("message", warning.message);
    w.Field("where", fmt::format("{}:{}", file, warning.line)).EndObject();
  }
  w.EndArray().EndObject();
  return w.str();
}

std::string HistoryJson(std::string_view key, const std::vector<Revision>& revisions) {
  JsonWriter w;
  w.BeginObject().Field("key", key).Key("revisions").BeginArray();
  for (const auto& r : revisions) {
    w.BeginObject().Field("rev", r.rev).Field("created_at", r.created_at).Field("reason", r.reason);
    w.Field("title", r.story.title).EndObject();
  }
  w.EndArray().EndObject();
  return w.str();
}

std::string FrameworksJson(const Catalog& catalog) {
  JsonWriter w;
  w.BeginArray();
  for (const auto& f : catalog.frameworks) {
    w.BeginObject().Field("id", f.id).Field("best_for", f.best_for).Key("sections").BeginArray();
    for (const auto& s : f.sections) {
      w.BeginObject().Field("name", s.name).Field("role", RoleName(s.role)).Field("share", s.share);
      w.Field("prompt", s.prompt).EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray();
  return w.str();
}

std::string CompaniesJson(const Catalog& catalog) {
  JsonWriter w;
  w.BeginArray();
  for (const auto& c : catalog.companies) {
    w.BeginObject().Field("id", c.id).Field("name", c.name).Field("values_title", c.values_title);
    w.Key("values").BeginArray();
    for (const auto& v : c.values) {
      w.BeginObject().Field("name", v.name).Field("description", v.description).Field("keywords", v.keywords);
      w.Field("aliases", v.aliases).EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray();
  return w.str();
}

std::string QuestionsJson(const std::vector<const Question*>& questions) {
  JsonWriter w;
  w.BeginArray();
  for (const Question* q : questions) {
    w.BeginObject().Field("text", q->text).Field("kind", q->kind == QuestionKind::kGrilling ? "grilling" : "normal");
    w.Field("framework", q->framework).Field("themes", q->themes).Key("values").BeginObject();
    for (const auto& [company, names] : q->values) w.Field(company, names);
    w.EndObject().EndObject();
  }
  w.EndArray();
  return w.str();
}

}  // namespace rehearse
