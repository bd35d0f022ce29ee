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
