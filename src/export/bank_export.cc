#include "export/bank_export.h"

#include <fmt/format.h>

#include "export/anki.h"
#include "export/followups.h"
#include "match/matcher.h"
#include "util/clock.h"
#include "util/text.h"

namespace rehearse {

Result<Paper> ParsePaper(std::string_view name) {
  std::string n = ToLower(name);
  if (n == "a4") return Paper::kA4;
  if (n == "letter") return Paper::kLetter;
  return Error{fmt::format("unknown paper \"{}\" (a4 or letter)", name)};
}

Result<std::string> PrintableExport(const std::vector<Story>& stories, const std::vector<ThemeRow>& themes,
                                    const Catalog& catalog, const QuestionClassifier& classifier,
                                    const Linter& linter, const PrintableOptions& options) {
  if (options.format != "html" && options.format != "anki") {
    return Error{fmt::format("unknown export format \"{}\" (md, json, html or anki)", options.format)};
  }
  std::vector<std::string> companies;
  if (!options.company.empty()) {
    const Company* c = catalog.FindCompany(options.company);
    if (!c) return Error{fmt::format("unknown company \"{}\" (see: rehearse companies)", options.company)};
    companies.push_back(c->id);
  } else {
    for (const Company& c : catalog.companies) {
      for (const Story& s : stories) {
        auto it = s.values.find(c.id);
        if (it != s.values.end() && !it->second.empty()) {
          companies.push_back(c.id);
          break;
        }
      }
    }
  }
  StoryIndex index(stories, themes, classifier);
  std::vector<Plan> plans;
  for (const auto& id : companies) {
    REHEARSE_TRY_ASSIGN(plan, index.PlanFor(id));
    plans.push_back(std::move(plan));
  }
  if (options.format == "anki") {
    AnkiDeck deck = DeckFromBank(stories, catalog, plans);
    if (!options.company.empty()) deck.name += "::" + companies.front();
    return WriteAnki(deck);
  }
  CheatSheetInput in;
  in.stories = &stories;
  in.catalog = &catalog;
  in.paper = options.paper;
  in.date = FormatDate(Today());
  // Themes do not depend on the company; any plan carries them.
  if (!plans.empty()) {
    in.themes = plans.front().themes;
  } else if (!catalog.companies.empty()) {
    REHEARSE_TRY_ASSIGN(any, index.PlanFor(catalog.companies.front().id));
    in.themes = any.themes;
  }
  in.plans = std::move(plans);
  in.followups = ExpectedFollowUps(stories, linter, catalog);
  return CheatSheetHtml(in);
}

}  // namespace rehearse
