#pragma once
// JSON for spoken answers: `rehearse transcribe --json`, the "speech" field of `lint
// --audio` and `practice answer --audio`, and the /api/speech routes.

#include <string>

#include "speech/spoken_answer.h"

namespace rehearse {

// {"framework","text","seconds","signposts","words":[{"word","start","end"}],
//  "delivery":{"words","seconds","speaking_seconds","think_seconds","wpm",
//  "fillers":[{"word","at"}],"pauses":[{"start","end","after"}],"sections":[{"name","seconds"}]}}
std::string SpokenAnswerJson(const SpokenAnswer& answer);

// `object_json` (a serialised object) with one more field at its end.
std::string WithField(std::string object_json, std::string_view key, std::string_view value_json);

}  // namespace rehearse
