#include "json/lint_json.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "json/json_writer.h"
#include "text/sentences.h"

namespace rehearse {

std::string LintJson(const LintReport& r, std::string_view text, std::string_view extra_key,
                     std::string_view extra_json) {
  JsonWriter w;
  w.BeginObject();
  if (!extra_key.empty()) w.Key(extra_key).Raw(extra_json);
  w.Field("framework", r.framework).Key("findings").BeginArray();
  for (const auto& f : r.findings) {
    LineCol lc = LineColOf(text, f.span.start);
    w.BeginObject().Field("rule", f.rule).Field("severity", SeverityName(f.severity)).Field("message", f.message);
    w.Field("suggestion", f.suggestion).Field("section", f.section);
    w.Field("start", static_cast<int64_t>(f.span.start)).Field("end", static_cast<int64_t>(f.span.end));
    w.Field("line", lc.line).Field("col", lc.col).EndObject();
  }
  w.EndArray();
  w.Key("stats").BeginObject().Field("words", r.words).Field("seconds", r.seconds).Key("split").BeginObject();
  for (const auto& s : r.split) w.Field(s.name, s.share);
  w.EndObject().Key("targets").BeginObject();
  for (const auto& s : r.split) w.Field(s.name, s.target / 100.0);
  w.EndObject().EndObject();
  w.Field("score", r.score).Key("score_parts").BeginArray();
  for (const auto& p : r.parts) {
    w.BeginObject().Field("name", p.name).Field("points", p.points).Field("max", p.max).Field("why", p.why).EndObject();
  }
  w.EndArray().Field("labeled", r.segmentation.labeled).Key("segments").BeginArray();
  for (const auto& seg : r.segmentation.segments) {
    w.BeginObject().Field("section", seg.name).Field("start", static_cast<int64_t>(seg.span.start));
    w.Field("end", static_cast<int64_t>(seg.span.end)).Field("words", seg.words).Key("sentences").BeginArray();
    for (const auto& s : seg.sentences) {
      w.BeginArray().Int(static_cast<int64_t>(s.start)).Int(static_cast<int64_t>(s.end)).EndArray();
    }
    w.EndArray().EndObject();
  }
  w.EndArray().EndObject();
  return w.str();
}

Result<LintRequest> ParseLintRequest(std::string_view line, const LintOptions& defaults) {
  LintRequest req;
  req.options = defaults;
  try {
    nlohmann::json j = nlohmann::json::parse(line);
    if (!j.is_object()) return Error{"expected a JSON object {\"id\",\"framework\",\"text\",\"spoken\"}"};
    if (j.contains("id")) req.id_json = j["id"].dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (!j.contains("text") || !j["text"].is_string()) return Error{"\"text\" must be a string"};
    req.text = j["text"].get<std::string>();
    if (j.contains("framework")) {
      if (!j["framework"].is_string()) return Error{"\"framework\" must be a string"};
      req.options.framework = j["framework"].get<std::string>();
    }
    if (j.contains("spoken")) {
      if (!j["spoken"].is_boolean()) return Error{"\"spoken\" must be true or false"};
      req.options.spoken = j["spoken"].get<bool>();
    }
    if (j.contains("seconds")) {
      if (!j["seconds"].is_number()) return Error{"\"seconds\" must be a number"};
      req.options.seconds = j["seconds"].get<double>();
    }
  } catch (const nlohmann::json::exception& e) {
    return Error{fmt::format("not JSON: {}", e.what())};
  }
  return req;
}

}  // namespace rehearse
