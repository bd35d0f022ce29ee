#pragma once
// The JSON bodies the HTTP API accepts, read into model values. Each parser fails
// with a message saying what is wrong, never throws.

#include <string>
#include <string_view>

#include "model/story.h"
#include "practice/coach.h"
#include "util/result.h"

namespace rehearse {

struct QuestionRequest {
  std::string question;
  std::string company = "amazon";
  int top = 5;
};
// {"question", "company"?, "top"?}
Result<QuestionRequest> ParseQuestionRequest(std::string_view body);

struct StoryEdit {
  int rev = 0;  // The revision the editor started from (0 for a new story).
  Story story;  // Title, project, framework, sections, themes and notes.
};
// {"rev", "title", "project", "framework", "sections":[{"name","text"}], "themes"?, "notes"?}
Result<StoryEdit> ParseStoryEdit(std::string_view body, const std::string& key);

// {"rev": N}
Result<int> ParseRevRequest(std::string_view body);

// {"text": "..."}: a company note's new text.
Result<std::string> ParseNoteRequest(std::string_view body);

// {"question_id" or "question", "text", "story"?, "framework"?, "company"?, "session"?, "seconds"?, "spoken"?}
Result<AnswerInput> ParseAnswerRequest(std::string_view body);

struct DrillRequest {
  std::string story;
  std::string typed;
  std::string session;
};
// {"story", "typed", "session"?}
Result<DrillRequest> ParseDrillRequest(std::string_view body);

}  // namespace rehearse
