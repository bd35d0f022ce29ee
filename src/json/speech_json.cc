#include "json/speech_json.h"

#include "json/json_writer.h"

namespace rehearse {

std::string SpokenAnswerJson(const SpokenAnswer& a) {
  const Delivery& d = a.delivery;
  JsonWriter w;
  w.BeginObject().Field("framework", a.framework).Field("text", a.text.text);
  w.Field("seconds", a.transcript.seconds).Field("signposts", a.text.signposts).Key("words").BeginArray();
  for (const SpokenWord& x : a.transcript.words) {
    w.BeginObject().Field("word", x.text).Field("start", x.start).Field("end", x.end).EndObject();
  }
  w.EndArray().Key("delivery").BeginObject();
  w.Field("words", d.words).Field("seconds", d.seconds).Field("speaking_seconds", d.speaking_seconds);
  w.Field("think_seconds", d.think_seconds).Field("wpm", d.words_per_minute).Key("fillers").BeginArray();
  for (const FillerUse& f : d.fillers) w.BeginObject().Field("word", f.word).Field("at", f.at).EndObject();
  w.EndArray().Key("pauses").BeginArray();
  for (const Pause& p : d.pauses) {
    w.BeginObject().Field("start", p.start).Field("end", p.end).Field("after", p.after).EndObject();
  }
  w.EndArray().Key("sections").BeginArray();
  for (const SectionTime& s : d.sections) w.BeginObject().Field("name", s.name).Field("seconds", s.seconds).EndObject();
  w.EndArray().EndObject().EndObject();
  return w.str();
}

std::string WithField(std::string object_json, std::string_view key, std::string_view value_json) {
  JsonWriter w;
  w.BeginObject().Key(key).Raw(value_json).EndObject();
  object_json.pop_back();
  const bool empty = object_json.size() == 1;
  return object_json + (empty ? "" : ",") + w.str().substr(1);
}

}  // namespace rehearse
