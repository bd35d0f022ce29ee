#include "export/followups.h"

#include "practice/followup.h"

namespace rehearse {

std::map<std::string, std::vector<std::string>> ExpectedFollowUps(const std::vector<Story>& stories,
                                                                 const Linter& linter, const Catalog& catalog,
                                                                 size_t max) {
  std::map<std::string, std::vector<std::string>> out;
  for (const Story& s : stories) {
    LintOptions options;
    options.framework = s.framework;
    std::string answer = StoryAnswerText(s);
    auto report = linter.Lint(answer, options);
    if (!report) continue;
    for (const FollowUp& f : ChooseFollowUps(answer, *report, &s, catalog, max)) out[s.key].push_back(f.question);
  }
  return out;
}

}  // namespace rehearse
