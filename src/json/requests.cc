#include "json/requests.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "util/text.h"

namespace rehearse {
namespace {

using nlohmann::json;

Result<json> ParseObject(std::string_view body) {
  try {
    json j = json::parse(body);
    if (!j.is_object()) return Error{"expected a JSON object"};
    return j;
  } catch (const json::exception& e) {
    return Error{fmt::format("not JSON: {}", e.what())};
  }
}

Result<std::string> Text(const json& j, const char* key, bool required) {
  if (!j.contains(key)) {
    if (required) return Error{fmt::format("\"{}\" is missing", key)};
    return std::string();
  }
  if (!j[key].is_string()) return Error{fmt::format("\"{}\" must be a string", key)};
  std::string s = j[key].get<std::string>();
  if (FindInvalidUtf8(s)) return Error{fmt::format("\"{}\" is not valid UTF-8", key)};
  return s;
}

}  // namespace

Result<QuestionRequest> ParseQuestionRequest(std::string_view body) {
  REHEARSE_TRY_ASSIGN(j, ParseObject(body));
  QuestionRequest q;
  REHEARSE_TRY_ASSIGN(question, Text(j, "question", true));
  REHEARSE_TRY_ASSIGN(company, Text(j, "company", false));
  q.question = question;
  if (!company.empty()) q.company = company;
  if (j.contains("top")) {
    if (!j["top"].is_number_integer() || j["top"].get<int>() < 1) return Error{"\"top\" must be a positive integer"};
    q.top = j["top"].get<int>();
  }
  return q;
}

Result<StoryEdit> ParseStoryEdit(std::string_view body, const std::string& key) {
  REHEARSE_TRY_ASSIGN(j, ParseObject(body));
  StoryEdit e;
  if (!j.contains("rev") || !j["rev"].is_number_integer()) return Error{"\"rev\" (the revision you edited) is missing"};
  e.rev = j["rev"].get<int>();
  e.story.key = key;
  REHEARSE_TRY_ASSIGN(title, Text(j, "title", true));
  REHEARSE_TRY_ASSIGN(project, Text(j, "project", false));
  REHEARSE_TRY_ASSIGN(framework, Text(j, "framework", true));
  REHEARSE_TRY_ASSIGN(notes, Text(j, "notes", false));
  if (Trim(title).empty()) return Error{"the story needs a title (the question it answers)"};
  e.story.title = title;
  e.story.project = project;
  e.story.framework = framework;
  e.story.notes = notes;
  if (!j.contains("sections") || !j["sections"].is_array()) return Error{"\"sections\" must be a list"};
  for (const auto& s : j["sections"]) {
    if (!s.is_object()) return Error{"each section is {\"name\", \"text\"}"};
    REHEARSE_TRY_ASSIGN(name, Text(s, "name", true));
    REHEARSE_TRY_ASSIGN(text, Text(s, "text", true));
    if (Trim(text).empty()) continue;  // An empty box is no section.
    e.story.sections.push_back({name, std::string(Trim(text))});
  }
  if (e.story.sections.empty()) return Error{"write at least one section"};
  if (j.contains("themes")) {
    if (!j["themes"].is_array()) return Error{"\"themes\" must be a list of strings"};
    for (const auto& t : j["themes"]) {
      if (!t.is_string()) return Error{"\"themes\" must be a list of strings"};
      e.story.themes.push_back(t.get<std::string>());
    }
  }
  return e;
}

Result<int> ParseRevRequest(std::string_view body) {
  REHEARSE_TRY_ASSIGN(j, ParseObject(body));
  if (!j.contains("rev") || !j["rev"].is_number_integer()) return Error{"\"rev\" must be a revision number"};
  return j["rev"].get<int>();
}

Result<std::string> ParseNoteRequest(std::string_view body) {
  REHEARSE_TRY_ASSIGN(j, ParseObject(body));
  if (!j.contains("text") || !j["text"].is_string()) return Error{"\"text\" must be a string"};
  return j["text"].get<std::string>();
}

Result<AnswerInput> ParseAnswerRequest(std::string_view body) {
  REHEARSE_TRY_ASSIGN(j, ParseObject(body));
  AnswerInput in;
  REHEARSE_TRY_ASSIGN(id, Text(j, "question_id", false));
  REHEARSE_TRY_ASSIGN(question, Text(j, "question", false));
  REHEARSE_TRY_ASSIGN(text, Text(j, "text", true));
  REHEARSE_TRY_ASSIGN(story, Text(j, "story", false));
  REHEARSE_TRY_ASSIGN(framework, Text(j, "framework", false));
  REHEARSE_TRY_ASSIGN(company, Text(j, "company", false));
  REHEARSE_TRY_ASSIGN(session, Text(j, "session", false));
  in.question_id = std::move(id);
  in.question = std::move(question);
  in.text = std::move(text);
  in.story_key = std::move(story);
  in.framework = std::move(framework);
  if (!company.empty()) in.company = std::move(company);
  in.session = std::move(session);
  if (j.contains("seconds")) {
    if (!j["seconds"].is_number() || j["seconds"].get<double>() < 0) {
      return Error{"\"seconds\" must be a number of seconds, 0 or more"};
    }
    in.seconds = j["seconds"].get<double>();
  }
  if (j.contains("spoken")) {
    if (!j["spoken"].is_boolean()) return Error{"\"spoken\" must be true or false"};
    in.spoken = j["spoken"].get<bool>();
  }
  return in;
}

Result<DrillRequest> ParseDrillRequest(std::string_view body) {
  REHEARSE_TRY_ASSIGN(j, ParseObject(body));
  DrillRequest d;
  REHEARSE_TRY_ASSIGN(story, Text(j, "story", true));
  REHEARSE_TRY_ASSIGN(typed, Text(j, "typed", true));
  REHEARSE_TRY_ASSIGN(session, Text(j, "session", false));
  d.story = std::move(story);
  d.typed = std::move(typed);
  d.session = std::move(session);
  return d;
}

}  // namespace rehearse
