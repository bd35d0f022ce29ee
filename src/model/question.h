#pragma once
// A Question from the built-in bank: its wording, the framework that wording calls
// for, its themes and the company values it probes. Plain data; no I/O.

#include <map>
#include <string>
#include <vector>

namespace rehearse {

enum class QuestionKind { kNormal, kGrilling };

struct Question {
  std::string text;
  QuestionKind kind = QuestionKind::kNormal;
  std::string framework;
  std::vector<std::string> themes;
  std::map<std::string, std::vector<std::string>> values;  // company id -> value names
};

}  // namespace rehearse

namespace rehearse {

// A question from the user's own guide (an unanswered one, a list to practise, a
// story's own question), kept in their bank and linked to the stories the guide
// suggests for it.
struct UserQuestion {
  std::string text;
  std::vector<std::string> stories;  // Story keys, best first.
  std::string company, value;        // The value the guide files it under, if any.
  std::string source;                // The guide's file name.
  bool operator==(const UserQuestion&) const = default;
};

}  // namespace rehearse
