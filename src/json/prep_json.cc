#include "json/prep_json.h"

#include "json/json_writer.h"

namespace rehearse {
namespace {

void WriteNote(JsonWriter& w, const CompanyNote& n) {
  w.BeginObject().Field("company", n.company).Field("kind", n.kind).Field("rev", n.rev).Field("text", n.text);
  w.Field("created_at", n.created_at).EndObject();
}

}  // namespace

std::string ChecklistJson(const Checklist& c) {
  JsonWriter w;
  w.BeginObject().Field("company", c.company).Field("company_name", c.company_name).Field("done", c.done);
  w.Field("total", static_cast<int>(c.items.size())).Key("items").BeginArray();
  for (const auto& item : c.items) {
    w.BeginObject().Field("id", item.id).Field("label", item.label).Field("done", item.done);
    w.Field("detail", item.detail).Field("next_step", item.next_step).Field("command", item.command);
    w.Key("actions").BeginArray();
    for (const auto& a : item.actions) {
      w.BeginObject().Field("label", a.label).Field("place", a.place).Field("arg", a.arg).EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray().EndObject();
  return w.str();
}

std::string NoteJson(const CompanyNote& note) {
  JsonWriter w;
  WriteNote(w, note);
  return w.str();
}

std::string NotesJson(const std::string& company, const std::vector<CompanyNote>& notes) {
  JsonWriter w;
  w.BeginObject().Field("company", company).Key("notes").BeginArray();
  for (const auto& n : notes) WriteNote(w, n);
  w.EndArray().EndObject();
  return w.str();
}

}  // namespace rehearse
