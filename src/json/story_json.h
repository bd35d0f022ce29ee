#pragma once
// The JSON documents the CLI (and later the HTTP API) print, written with JsonWriter.
// Output field names are contracts (SPEC §3): add fields, never rename them.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "model/story.h"
#include "practice/readiness.h"
#include "util/result.h"

namespace rehearse {

struct ImportSummary;
struct Revision;

// The themes of a story: its own, then those the theme table gives it.
std::vector<std::string> StoryThemes(const Story& story, const std::vector<ThemeRow>& themes);

// `rehearse stories --json`: [{"key","title","project","framework","sections":[{"name",
// "text"}],"themes","values":{company:[names]},"metrics",...}], and "readiness" (see
// ReadinessJson) for each story `readiness` holds, when it is given.
std::string StoriesJson(const std::vector<const Story*>& stories, const std::vector<ThemeRow>& themes,
                        const Catalog& catalog, const std::map<std::string, Readiness>* readiness = nullptr);
// `rehearse show KEY --json`: one story as above, plus value notes and the revision,
// and its readiness when given.
std::string StoryJson(const Story& story, int rev, const std::vector<ThemeRow>& themes, const Catalog& catalog,
                      const Readiness* readiness = nullptr);
// `rehearse import --json`: {"stories","questions","mappings","warnings":[{"line","message"}],...}
std::string ImportJson(const ImportSummary& summary, std::string_view file);
std::string HistoryJson(std::string_view key, const std::vector<Revision>& revisions);
std::string FrameworksJson(const Catalog& catalog);
std::string CompaniesJson(const Catalog& catalog);
std::string QuestionsJson(const std::vector<const Question*>& questions);

}  // namespace rehearse
