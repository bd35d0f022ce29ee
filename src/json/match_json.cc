#include "json/match_json.h"

#include "json/json_writer.h"

namespace rehearse {

std::string ClassifyJson(const Classification& c) {
  JsonWriter w;
  w.BeginObject().Field("framework", c.framework).Field("framework_reasons", c.framework_reasons);
  w.Field("themes", c.themes).Key("values").BeginArray();
  for (const auto& v : c.values) {
    w.BeginObject().Field("name", v.name).Field("score", v.score).Field("probability", v.probability);
    w.Field("reasons", v.reasons).EndObject();
  }
  w.EndArray().EndObject();
  return w.str();
}

std::string MatchJson(const std::vector<StoryMatch>& matches) {
  JsonWriter w;
  w.BeginObject().Key("stories").BeginArray();
  for (const auto& m : matches) {
    w.BeginObject().Field("key", m.key).Field("title", m.title).Field("score", m.score);
    w.Field("reasons", m.reasons).EndObject();
  }
  w.EndArray().EndObject();
  return w.str();
}

std::string PlanJson(const Plan& p) {
  JsonWriter w;
  w.BeginObject().Field("company", p.company).Key("values").BeginArray();
  for (const auto& v : p.values) {
    w.BeginObject().Field("name", v.name).Key("stories").BeginArray();
    for (const auto& c : v.stories) w.BeginObject().Field("key", c.key).Field("score", c.score).Field("tagged", c.tagged).EndObject();
    w.EndArray().EndObject();
  }
  w.EndArray().Key("gaps").BeginArray();
  for (const auto& g : p.gaps) {
    w.BeginObject().Field("value", g.value).Field("best", g.best_key).Field("best_score", g.best_score);
    w.Field("advice", g.advice).EndObject();
  }
  w.EndArray().Field("recommended", p.recommended).Key("themes").BeginArray();
  for (const auto& t : p.themes) {
    w.BeginObject().Field("theme", t.theme).Field("goto", t.goto_key).Field("backup", t.backup_key);
    w.Field("from_guide", t.from_guide).EndObject();
  }
  w.EndArray().Key("overlaps").BeginArray();
  for (const auto& o : p.overlaps) w.BeginObject().Field("a", o.a).Field("b", o.b).Field("similarity", o.similarity).EndObject();
  w.EndArray().EndObject();
  return w.str();
}

std::string SummaryJson(const BankSummary& s, std::string_view bank, int revisions) {
  JsonWriter w;
  w.BeginObject().Field("bank", bank).Field("stories", s.stories);
  for (const auto& [name, counts] : {std::pair{"frameworks", &s.frameworks}, {"kinds", &s.kinds}, {"projects", &s.projects}}) {
    w.Key(name).BeginObject();
    for (const auto& [k, n] : *counts) w.Field(k, n);
    w.EndObject();
  }
  w.Key("values_covered").BeginObject();
  for (const auto& [company, names] : s.covered) w.Field(company, std::vector<std::string>(names.begin(), names.end()));
  w.EndObject().Field("themes", s.themes).Field("revisions", revisions).Field("with_metrics", s.with_metrics).EndObject();
  return w.str();
}

}  // namespace rehearse
