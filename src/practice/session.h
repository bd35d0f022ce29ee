#pragma once
// A mock interview's questions: the pool a company's interview draws from (the
// built-in bank and the questions of the user's own guide), stable question ids, the
// choice of the next question, and the framework's time budget for the answer.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "match/matcher.h"
#include "model/question.h"
#include "model/story.h"
#include "store/practice_log.h"
#include "util/clock.h"
#include "util/result.h"

namespace rehearse {

struct PracticeQuestion {
  std::string id;  // 8 hex digits of a hash of the text: stable across runs and banks.
  std::string text;
  QuestionKind kind = QuestionKind::kNormal;
  std::string story_key;  // A guide question: the story the guide wrote for it.
};

// A new session id: "s" and the time, e.g. "s20261125-174001".
std::string NewSessionId();

// The question's id.
std::string QuestionId(std::string_view text);

// The questions a `company` interview can ask: the built-in bank's questions probing
// its values, every story title that reads as a question (a guide's "### Q3: Tell me
// about…"), then the user's own questions (`own`) filed under the company or under
// none, each once.
std::vector<PracticeQuestion> QuestionPool(const Catalog& catalog, const std::vector<Story>& stories,
                                           const Company& company, const std::vector<UserQuestion>& own = {});

// How long a section should take when the whole answer takes `low`..`high` seconds.
struct SectionBudget {
  std::string name;
  std::string prompt;
  double low = 0, high = 0;  // Seconds.
};
// STAR's 2-3 minutes give Situation+Task 30-45 s, Action 60-90 s, Result 30-45 s.
std::vector<SectionBudget> Budget(const Framework& framework, double low = 120, double high = 180);

struct NextOptions {
  std::string kind = "mix";                 // "normal", "grilling" or "mix" (about one in three grilling)
  std::vector<std::string> asked;           // Question ids already asked this session.
  std::vector<std::string> used_stories;    // Story keys already told this session.
  bool allow_repeat = false;                // Let a story be suggested twice.
  uint64_t seed = 0;
};

struct NextQuestion {
  PracticeQuestion question;
  std::string framework;
  std::vector<std::string> framework_reasons;
  std::vector<std::string> values;         // The company values it probes, best first (at most 3).
  std::vector<StoryMatch> suggestions;     // Go-to and backup story, unused this session.
  std::vector<SectionBudget> budget;
};

// Picks the next question for `company`: of a sample of unasked questions of the
// wanted kind, the one whose best unused story fits it best, favouring stories that
// are due for review (`due` maps story keys to due dates; a story missing from it was
// never practised). Fails when every question has been asked.
Result<NextQuestion> ChooseNext(const std::vector<PracticeQuestion>& pool, const Company& company,
                                const StoryIndex& index, const QuestionClassifier& classifier,
                                const std::map<std::string, Days>& due, Days today, const NextOptions& options);

}  // namespace rehearse
