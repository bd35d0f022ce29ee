#include "store/story_doc.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace rehearse {

using nlohmann::json;

std::string StoryToDoc(const Story& s) {
  json sections = json::array();
  for (const auto& sec : s.sections) {
    json j{{"name", sec.name}, {"text", sec.text}};
    if (sec.inferred) j["inferred"] = true;
    sections.push_back(std::move(j));
  }
  json values = json::object();
  for (const auto& [company, tags] : s.values) {
    json list = json::array();
    for (const auto& t : tags) list.push_back({{"value", t.value}, {"note", t.note}, {"rank", t.rank}});
    values[company] = list;
  }
  json doc{{"key", s.key},           {"title", s.title}, {"project", s.project},   {"framework", s.framework},
           {"sections", sections},   {"themes", s.themes}, {"values", values},     {"kind", s.kind},
           {"category", s.category}, {"topic", s.topic}, {"notes", s.notes}};
  if (!s.versions.empty()) doc["versions"] = s.versions;
  // Text reaches the bank through the importer, which rejects invalid UTF-8; replace
  // rather than throw should anything else ever get in.
  return doc.dump(-1, ' ', false, json::error_handler_t::replace);
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
      s.sections.push_back(
          {sec.at("name").get<std::string>(), sec.at("text").get<std::string>(), sec.value("inferred", false)});
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
    s.versions = j.value("versions", std::vector<std::string>{});
    return s;
  } catch (const json::exception& e) {
    return Error{fmt::format("{}: damaged story record: {}", where, e.what())};
  }
}

}  // namespace rehearse
