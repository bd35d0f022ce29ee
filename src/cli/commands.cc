#include "cli/commands.h"

#include <CLI/CLI.hpp>
#include <dlfcn.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "catalog/catalog.h"
#include "importer/guide.h"
#include "importer/guide_file.h"
#include "model/labels.h"
#include "importer/metrics.h"
#include "importer/native.h"
#include "importer/refs.h"
#include "json/json_writer.h"
#include "json/lint_json.h"
#include "json/practice_json.h"
#include "json/story_json.h"
#include "lint/linter.h"
#include "json/match_json.h"
#include "match/classifier.h"
#include "match/matcher.h"
#include "match/summary.h"
#include "server/serve_module.h"
#include "text/sentences.h"
#include "store/bank.h"
#include "store/migrations.h"
#include "util/text.h"
#include "cli/common.h"
#include "cli/practice.h"
#include "cli/prep.h"
#include "cli/speech.h"
#include "json/speech_json.h"

namespace rehearse::cli {
namespace {

namespace fs = std::filesystem;

// ---- import ---------------------------------------------------------------------

void SetupImport(CLI::App& cmd, Options& o) {
  cmd.add_option("FILE", o.file,
                 "The guide: Markdown or text (.md, .txt), Word (.docx), OpenDocument (.odt), a web page (.html) "
                 "or RTF; or a bank exported with `rehearse export`");
  cmd.add_flag("--demo", o.demo, "Import the bundled demo guide (a fictional engineer's stories)");
  cmd.add_flag("--dry-run", o.dry_run,
               "Show what would be imported (each story, its sections, values and themes; the questions; what is "
               "not imported and why); write nothing");
  // One value per occurrence, so that the FILE after them is not taken for another.
  cmd.add_option("--skip", o.skip_lines, "Do not import the story whose title is on this line (repeatable)")
      ->allow_extra_args(false);
  cmd.add_option("--use", o.use_framework,
                 "Read the story whose title is on line LINE in FRAMEWORK: --use 12=SOAR (repeatable)")
      ->allow_extra_args(false);
}

// The sections of a story as the preview shows them: "Situation (Context)" when the
// guide's label differs, "Action (found)" for a section the segmenter found.
std::string PreviewSections(const ImportedStory& item) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < item.story.sections.size(); ++i) {
    const auto& sec = item.story.sections[i];
    std::string written = i < item.origin.written.size() ? item.origin.written[i] : sec.name;
    if (sec.inferred) parts.push_back(sec.name + " (found)");
    else if (NormalizeLabel(written) != NormalizeLabel(sec.name)) parts.push_back(fmt::format("{} ({})", sec.name, written));
    else parts.push_back(sec.name);
  }
  return parts.empty() ? "an outline: notes, no sections yet" : Join(parts, " · ");
}

void PrintPreview(const ImportSummary& summary) {
  for (const auto& item : summary.imported) {
    const Story& s = item.story;
    fmt::print("  {:<5} {:<9} {:<5} {}{}\n", item.key, item.status, s.framework, Utf8Truncate(s.title, 70),
               item.origin.line ? fmt::format("  (line {})", item.origin.line) : "");
    fmt::print("        {}\n", PreviewSections(item));
    std::vector<std::string> values;
    for (const auto& [company, tags] : s.values) {
      for (const auto& t : tags) values.push_back(company + ": " + t.value);
    }
    if (!values.empty()) fmt::print("        values: {}\n", Join(values, "; "));
    if (!s.themes.empty()) fmt::print("        themes: {}\n", Join(s.themes, "; "));
    if (!s.project.empty()) fmt::print("        project: {}\n", s.project);
    if (!s.versions.empty()) fmt::print("        another version of: {}\n", Join(s.versions, ", "));
  }
  if (!summary.guide_questions.empty()) {
    fmt::print("Questions ({}):\n", summary.guide_questions.size());
    for (const auto& q : summary.guide_questions) {
      fmt::print("  {}{}\n", Utf8Truncate(q.text, 90), q.stories.empty() ? "" : "  -> " + Join(q.stories, ", "));
    }
  }
}

int RunImport(const Options& o) {
  if (o.file.empty() == !o.demo) return Fail(Error{"import: give a FILE or --demo (not both)"});
  GuideFile file;
  if (o.demo) {
    file.text = std::string(*BuiltinFile("demo/guide.md"));
    file.label = "demo/guide.md";
  } else {
    auto read = ReadGuideFile(o.file);
    if (!read) return Fail(read.error());
    file = std::move(*read);
  }
  ImportChoices choices;
  choices.skip.insert(o.skip_lines.begin(), o.skip_lines.end());
  for (const auto& use : o.use_framework) {
    size_t eq = use.find('=');
    int line = eq == std::string::npos ? 0 : std::atoi(use.substr(0, eq).c_str());
    if (line <= 0) return Fail(Error{fmt::format("import: --use takes LINE=FRAMEWORK (as 12=SOAR), not \"{}\"", use)});
    choices.frameworks[line] = use.substr(eq + 1);
  }
  auto catalog = LoadCatalogFor(o, CatalogParts::kWithoutQuestionBank);
  if (!catalog) return Fail(catalog.error());
  for (const auto& [line, id] : choices.frameworks) {
    if (!catalog->FindFramework(id)) return Fail(Error{fmt::format("import: --use {}={}: no such framework", line, id)});
  }
  auto guide = ParseGuide(file.text, file.label, *catalog, choices);
  if (!guide) return Fail(guide.error());
  auto bank = OpenBank(o);
  if (!bank) return Fail(bank.error());
  std::string source = o.demo ? "demo/guide.md" : fs::path(o.file).filename().string();
  auto summary = (*bank)->Import(*guide, source, "import " + source, o.dry_run ? DryRun::kYes : DryRun::kNo);
  if (!summary) return Fail(summary.error());
  if (o.json) {
    fmt::print("{}\n", ImportJson(*summary, file.label));
    return 0;
  }
  fmt::print("{} {}: {} ({} new, {} updated, {} unchanged), {}{}, {}, {}{}\n",
             o.dry_run ? "Would import" : "Imported", file.label, Plural(summary->stories, "story", "stories"),
             summary->created, summary->updated, summary->unchanged, Plural(summary->questions, "question", "questions"),
             summary->questions_new && summary->questions_new != summary->questions
                 ? fmt::format(" ({} new)", summary->questions_new)
                 : "",
             Plural(summary->mappings, "value mapping", "value mappings"),
             Plural(static_cast<int>(guide->themes.size()), "theme", "themes"),
             summary->themes_changed ? " (theme table updated)" : "");
  if (o.dry_run) {
    PrintPreview(*summary);
  } else {
    for (std::string_view status : {"new", "updated", "unchanged"}) {
      std::vector<std::string> keys;
      for (const auto& item : summary->imported) {
        if (item.status == status) keys.push_back(item.key);
      }
      if (!keys.empty() && summary->imported.size() <= 60) {
        fmt::print("  {}: {}\n", status, Join(keys, ", "));
      }
    }
    for (const auto& item : summary->imported) {
      if (item.guide_key != item.key) {
        fmt::print("  {} of this guide is {} in your bank ({} belongs to another guide)\n",
                   StoryIdFromKey(item.guide_key), item.key, item.guide_key);
      }
    }
  }
  std::fflush(stdout);
  for (const auto& w : summary->warnings) fmt::print(stderr, "{}:{}: warning: {}\n", file.label, w.line, w.message);
  return 0;
}

// ---- stories / show -------------------------------------------------------------

void SetupStories(CLI::App& cmd, Options& o) {
  cmd.add_option("--search", o.search, "Only stories whose text matches these words (stemmed, all required)");
  cmd.add_option("--framework", o.framework, "Only stories told with this framework");
  cmd.add_option("--kind", o.kind, "Only normal or grilling stories")->check(CLI::IsMember({"normal", "grilling"}));
}

int RunStories(const Options& o) {
  auto catalog = LoadCatalogFor(o);
  if (!catalog) return Fail(catalog.error());
  auto bank = OpenBank(o);
  if (!bank) return Fail(bank.error());
  auto stories = (*bank)->Stories();
  if (!stories) return Fail(stories.error());
  auto themes = (*bank)->Themes();
  if (!themes) return Fail(themes.error());
  std::vector<const Story*> selected;
  std::vector<std::string> order;
  if (!o.search.empty()) {
    auto hits = (*bank)->Search(o.search);
    if (!hits) return Fail(hits.error());
    order = *hits;
  } else {
    for (const auto& s : *stories) order.push_back(s.key);
  }
  std::map<std::string, const Story*> by_key;
  for (const auto& s : *stories) by_key[s.key] = &s;
  for (const auto& key : order) {
    const Story* s = by_key[key];
    if (!s) continue;
    if (!o.framework.empty() && ToLower(s->framework) != ToLower(o.framework)) continue;
    if (!o.kind.empty() && s->kind != o.kind) continue;
    selected.push_back(s);
  }
  auto readiness = LoadReadiness(**bank, *stories, *catalog);
  if (!readiness) return Fail(readiness.error());
  if (o.json) {
    fmt::print("{}\n", StoriesJson(selected, *themes, *catalog, &*readiness));
    return 0;
  }
  if (selected.empty()) {
    fmt::print("{}\n", stories->empty() ? "The bank is empty. Import your guide: rehearse import guide.md "
                                          "(or try rehearse import --demo)"
                                        : "No story matches.");
    return 0;
  }
  // The question identifies a story for its owner; the project is in `show` and in
  // the search. Readiness last: it is as long as its reason.
  fmt::print("{}  {}  {}  {}\n", Utf8Pad("KEY", 5), Utf8Pad("FRAMEWORK", 9), Utf8Pad("QUESTION", 56), "READINESS");
  for (const Story* s : selected) {
    fmt::print("{}  {}  {}  {}\n", Utf8Pad(s->key, 5), Utf8Pad(s->framework, 9), Utf8Pad(Utf8Truncate(s->title, 56), 56),
               ReadinessText(readiness->at(s->key)));
  }
  return 0;
}

void SetupShow(CLI::App& cmd, Options& o) { cmd.add_option("KEY", o.key, "Story key, e.g. q13")->required(); }

int RunShow(const Options& o) {
  auto catalog = LoadCatalogFor(o);
  if (!catalog) return Fail(catalog.error());
  auto bank = OpenBank(o);
  if (!bank) return Fail(bank.error());
  std::string key = StoryKeyFromId(o.key).value_or(o.key);
  auto story = (*bank)->Find(key);
  if (!story) return Fail(story.error());
  if (!*story) return Fail(Error{fmt::format("no story \"{}\" in the bank (see: rehearse stories)", o.key)});
  auto themes = (*bank)->Themes();
  if (!themes) return Fail(themes.error());
  auto rev = (*bank)->CurrentRev(key);
  if (!rev) return Fail(rev.error());
  const Story& s = **story;
  auto readiness = LoadReadiness(**bank, {s}, *catalog);
  if (!readiness) return Fail(readiness.error());
  const Readiness& ready = readiness->at(s.key);
  if (o.json) {
    fmt::print("{}\n", StoryJson(s, *rev, *themes, *catalog, &ready));
    return 0;
  }
  fmt::print("{}: {}\n", StoryIdFromKey(s.key), s.title);
  fmt::print("Project: {}   Framework: {}   Revision: {}\n", s.project.empty() ? "-" : s.project, s.framework, *rev);
  fmt::print("Readiness: {}\n", ReadinessText(ready));
  if (!s.kind.empty()) fmt::print("Question index: {} ({})\n", s.kind, s.category);
  auto story_themes = StoryThemes(s, *themes);
  if (!story_themes.empty()) fmt::print("Themes: {}\n", Join(story_themes, ", "));
  for (const auto& [company, tags] : s.values) {
    std::vector<std::string> names;
    for (const auto& t : tags) names.push_back(t.note.empty() ? t.value : fmt::format("{} ({})", t.value, t.note));
    fmt::print("Values ({}): {}\n", company, Join(names, "; "));
  }
  auto metrics = StoryMetrics(s, *catalog);
  if (!metrics.empty()) fmt::print("Metrics: {}\n", Join(metrics, " · "));
  for (const auto& section : s.sections) {
    fmt::print("\n{}\n", section.name);
    for (std::string_view line : SplitLines(section.text)) fmt::print("  {}\n", line);
  }
  if (!s.notes.empty()) {
    fmt::print("\nNotes\n");
    for (std::string_view line : SplitLines(s.notes)) fmt::print("  {}\n", line);
  }
  return 0;
}

// ---- history / restore ----------------------------------------------------------

void SetupHistory(CLI::App& cmd, Options& o) { cmd.add_option("KEY", o.key, "Story key, e.g. q13")->required(); }

int RunHistory(const Options& o) {
  auto bank = OpenBank(o);
  if (!bank) return Fail(bank.error());
  std::string key = StoryKeyFromId(o.key).value_or(o.key);
  auto history = (*bank)->History(key);
  if (!history) return Fail(history.error());
  if (history->empty()) return Fail(Error{fmt::format("no story \"{}\" in the bank (see: rehearse stories)", o.key)});
  if (o.json) {
    fmt::print("{}\n", HistoryJson(key, *history));
    return 0;
  }
  fmt::print("{}: {} revision{}\n", key, history->size(), history->size() == 1 ? "" : "s");
  for (const auto& r : *history) {
    fmt::print("  rev {:<3} {}  {}\n", r.rev, r.created_at, r.reason);
  }
  return 0;
}

void SetupRestore(CLI::App& cmd, Options& o) {
  cmd.add_option("KEY", o.key, "Story key, e.g. q13")->required();
  cmd.add_option("REV", o.rev, "Revision to bring back (see: rehearse history KEY)")->required();
}

int RunRestore(const Options& o) {
  auto bank = OpenBank(o);
  if (!bank) return Fail(bank.error());
  std::string key = StoryKeyFromId(o.key).value_or(o.key);
  auto before = (*bank)->CurrentRev(key);
  if (!before) return Fail(before.error());
  auto rev = (*bank)->Restore(key, o.rev);
  if (!rev) return Fail(rev.error());
  bool changed = *rev != *before;
  if (o.json) {
    JsonWriter w;
    w.BeginObject().Field("key", key).Field("restored", o.rev).Field("rev", *rev).Field("changed", changed).EndObject();
    fmt::print("{}\n", w.str());
  } else if (changed) {
    fmt::print("{}: revision {} restored as revision {} (nothing was deleted)\n", key, o.rev, *rev);
  } else {
    fmt::print("{}: revision {} already matches the current one (revision {}); nothing to do\n", key, o.rev, *rev);
  }
  return 0;
}

// ---- export ---------------------------------------------------------------------

void SetupExport(CLI::App& cmd, Options& o) {
  cmd.add_option("--format", o.format,
                 "md: the native, lossless Markdown bank; json: the stories as JSON; html: a printable cheat "
                 "sheet; anki: flashcards for Anki's text import")
      ->check(CLI::IsMember({"md", "json", "html", "anki"}));
  cmd.add_option("--company", o.company, "html and anki: this company's values only (default: every company mapped)");
  cmd.add_option("--paper", o.paper, "html: the page size to print on")->check(CLI::IsMember({"a4", "letter"}));
  cmd.add_option("-o,--output", o.output, "Write to this file instead of standard output");
}

int RunExport(const Options& o) {
  if (o.format == "html" || o.format == "anki") return RunPrintableExport(o);
  auto catalog = LoadCatalogFor(o);
  if (!catalog) return Fail(catalog.error());
  auto bank = OpenBank(o);
  if (!bank) return Fail(bank.error());
  auto stories = (*bank)->Stories();
  if (!stories) return Fail(stories.error());
  auto themes = (*bank)->Themes();
  if (!themes) return Fail(themes.error());
  auto questions = (*bank)->Questions();
  if (!questions) return Fail(questions.error());
  std::vector<const Story*> all;
  for (const auto& s : *stories) all.push_back(&s);
  std::string text = o.format == "json" || o.json ? StoriesJson(all, *themes, *catalog) + "\n"
                                                  : WriteNative(*stories, *themes, *catalog, *questions) + "\n";
  if (o.output.empty() || o.output == "-") {
    fmt::print("{}", text);
    return 0;
  }
  if (auto st = WriteFileAtomically(o.output, text); !st) return Fail(st.error());
  fmt::print(stderr, "Wrote {} to {}\n", Plural(static_cast<long long>(stories->size()), "story", "stories"), o.output);
  return 0;
}

// ---- catalog: frameworks / questions / companies --------------------------------

void SetupNothing(CLI::App&, Options&) {}

int RunFrameworks(const Options& o) {
  auto catalog = LoadCatalogFor(o);
  if (!catalog) return Fail(catalog.error());
  if (o.json) {
    fmt::print("{}\n", FrameworksJson(*catalog));
    return 0;
  }
  for (const auto& f : catalog->frameworks) {
    std::vector<std::string> parts;
    for (const auto& s : f.sections) parts.push_back(fmt::format("{} {}%", s.name, s.share));
    fmt::print("{}  {}\n{}  {}\n", Utf8Pad(f.id, 5), f.best_for, Utf8Pad("", 5), Join(parts, " · "));
  }
  return 0;
}

void SetupQuestions(CLI::App& cmd, Options& o) {
  cmd.add_option("--framework", o.framework, "Only questions whose wording calls for this framework");
  cmd.add_option("--kind", o.kind, "normal or grilling")->check(CLI::IsMember({"normal", "grilling"}));
  cmd.add_option("--theme", o.theme, "Only questions on this theme (e.g. conflict)");
  cmd.add_option("--company", o.company, "With --value: the company whose value to filter on");
  cmd.add_option("--value", o.value, "Only questions probing this value (e.g. \"Dive Deep\")");
}

int RunQuestions(const Options& o) {
  auto catalog = LoadCatalogFor(o);
  if (!catalog) return Fail(catalog.error());
  std::string company_id = o.company.empty() ? "amazon" : ToLower(o.company);
  const Company* company = catalog->FindCompany(company_id);
  if (!company) return Fail(Error{fmt::format("unknown company \"{}\" (see: rehearse companies)", o.company)});
  const CompanyValue* value = nullptr;
  if (!o.value.empty()) {
    value = company->FindValue(o.value);
    if (!value) return Fail(Error{fmt::format("\"{}\" is not one of {}'s values (see: rehearse companies)", o.value, company->name)});
  }
  std::vector<const Question*> selected;
  for (const auto& q : catalog->questions) {
    if (!o.framework.empty() && ToLower(q.framework) != ToLower(o.framework)) continue;
    if (!o.kind.empty() && (q.kind == QuestionKind::kGrilling) != (o.kind == "grilling")) continue;
    if (!o.theme.empty() && std::find(q.themes.begin(), q.themes.end(), ToLower(o.theme)) == q.themes.end()) continue;
    if (value) {
      auto it = q.values.find(company->id);
      if (it == q.values.end() || std::find(it->second.begin(), it->second.end(), value->name) == it->second.end()) continue;
    }
    selected.push_back(&q);
  }
  if (o.json) {
    fmt::print("{}\n", QuestionsJson(selected));
    return 0;
  }
  for (const Question* q : selected) {
    fmt::print("{}  {}  {}\n", Utf8Pad(q->framework, 4), q->kind == QuestionKind::kGrilling ? "grilling" : "normal  ",
               q->text);
  }
  fmt::print("{}\n", Plural(static_cast<long long>(selected.size()), "question", "questions"));
  return 0;
}

void SetupCompanies(CLI::App& cmd, Options& o) {
  cmd.add_option("COMPANY", o.company, "Show one company's values in full");
}

int RunCompanies(const Options& o) {
  auto catalog = LoadCatalogFor(o);
  if (!catalog) return Fail(catalog.error());
  if (o.json) {
    fmt::print("{}\n", CompaniesJson(*catalog));
    return 0;
  }
  if (o.company.empty()) {
    for (const auto& c : catalog->companies) {
      fmt::print("{}  {} {} ({})\n", Utf8Pad(c.id, 10), c.name, c.values_title, c.values.size());
    }
    return 0;
  }
  const Company* c = catalog->FindCompany(o.company);
  if (!c) return Fail(Error{fmt::format("unknown company \"{}\" (see: rehearse companies)", o.company)});
  fmt::print("{} — {}\n", c->name, c->values_title);
  if (!c->source.empty()) fmt::print("Source: {}{}\n", c->source, c->source_date.empty() ? "" : " (read " + c->source_date + ")");
  for (const auto& v : c->values) {
    fmt::print("\n{}\n  {}\n", v.name, v.description);
    if (!v.aliases.empty()) fmt::print("  Also written: {}\n", Join(v.aliases, "; "));
  }
  return 0;
}

// ---- summary --------------------------------------------------------------------

// How many stories are ready, then each state with its stories, worst first: the
// stories that need something with their reason, the others as lists of keys.
void PrintReadinessSummary(const std::vector<Story>& stories, const std::map<std::string, Readiness>& readiness) {
  constexpr ReadinessState kStates[] = {ReadinessState::kNeedsWork, ReadinessState::kShaky, ReadinessState::kDue,
                                        ReadinessState::kNearlyReady, ReadinessState::kNotPractised,
                                        ReadinessState::kReady};
  std::map<ReadinessState, std::vector<const Story*>> by_state;
  for (const Story& s : stories) by_state[readiness.at(s.key).state].push_back(&s);
  fmt::print("Readiness: {} of {} ready\n", by_state[ReadinessState::kReady].size(),
             Plural(static_cast<long long>(stories.size()), "story", "stories"));
  for (ReadinessState state : kStates) {
    const auto& list = by_state[state];
    if (list.empty()) continue;
    if (state == ReadinessState::kNotPractised || state == ReadinessState::kReady) {
      std::vector<std::string> keys;
      for (const Story* s : list) keys.push_back(s->key);
      fmt::print("  {} ({}): {}\n", ReadinessLabel(state), list.size(), Join(keys, ", "));
      continue;
    }
    for (const Story* s : list) fmt::print("  {}: {} — {}\n", ReadinessLabel(state), s->key, readiness.at(s->key).reason);
  }
}

int RunSummary(const Options& o) {
  auto catalog = LoadCatalogFor(o);
  if (!catalog) return Fail(catalog.error());
  auto bank = OpenBank(o);
  if (!bank) return Fail(bank.error());
  auto stories = (*bank)->Stories();
  if (!stories) return Fail(stories.error());
  auto themes = (*bank)->Themes();
  if (!themes) return Fail(themes.error());
  auto revisions = (*bank)->RevisionCount();
  if (!revisions) return Fail(revisions.error());

  BankSummary summary = Summarize(*stories, *themes, *catalog);
  const auto& frameworks = summary.frameworks;
  const auto& kinds = summary.kinds;
  const auto& projects = summary.projects;
  auto& covered = summary.covered;
  int with_metrics = summary.with_metrics;
  auto counts = [](const std::map<std::string, int>& m) {
    std::vector<std::string> parts;
    for (const auto& [k, n] : m) parts.push_back(fmt::format("{} {}", n, k));
    return Join(parts, ", ");
  };
  auto readiness = LoadReadiness(**bank, *stories, *catalog);
  if (!readiness) return Fail(readiness.error());
  if (o.json) {
    fmt::print("{}\n", WithField(SummaryJson(summary, (*bank)->path(), *revisions), "readiness",
                                 ReadinessCountsJson(*readiness)));
    return 0;
  }
  fmt::print("Bank: {}\n", (*bank)->path());
  fmt::print("Stories: {} ({})\n", stories->size(), stories->empty() ? "import a guide to begin" : counts(frameworks));
  if (stories->empty()) return 0;
  fmt::print("Questions: {}\n", counts(kinds));
  if (!projects.empty()) fmt::print("Projects: {}\n", counts(projects));
  fmt::print("Themes: {} in the top-stories table\n", themes->size());
  for (const auto& c : catalog->companies) {
    const auto& names = covered[c.id];
    int known = 0;
    std::vector<std::string> missing, extra;
    for (const auto& v : c.values) {
      if (names.count(v.name)) ++known;
      else missing.push_back(v.name);
    }
    for (const auto& n : names) {
      if (!c.FindValue(n)) extra.push_back(n);
    }
    fmt::print("{} {}: {} of {} mapped to a story", c.name, c.values_title, known, c.values.size());
    if (!missing.empty() && missing.size() <= 6) fmt::print("; none yet for {}", Join(missing, ", "));
    if (!extra.empty()) fmt::print("; also {} (not in the profile)", Join(extra, ", "));
    fmt::print("\n");
  }
  fmt::print("Metrics: a figure in the result of {} of {}\n", with_metrics,
             Plural(static_cast<long long>(stories->size()), "story", "stories"));
  PrintReadinessSummary(*stories, *readiness);
  fmt::print("Revisions kept: {}\n", *revisions);
  return 0;
}


// ---- lint -------------------------------------------------------------------------

void SetupLint(CLI::App& cmd, Options& o) {
  cmd.add_option("FILE", o.file, "Answer to lint: a text or Markdown file, or - for standard input");
  cmd.add_option("--story", o.key, "Lint a story of the bank (its own framework unless --framework)");
  cmd.add_option("--audio", o.audio, "Lint a recorded answer (WAV): transcribed offline, delivery rules apply");
  SetupSpeechModelOptions(cmd, o);
  cmd.add_flag("--all", o.all, "Lint every story of the bank");
  cmd.add_option("--framework", o.framework, "Framework the answer follows (default: STAR, or the story's)");
  cmd.add_option("--jsonl", o.jsonl,
                 "Batch: read one JSON object a line ({\"id\",\"framework\",\"text\",\"spoken\",\"seconds\"}) "
                 "from FILE or -, write one result a line");
  cmd.add_option("--rules", o.rule_packs, "Add a folder of rule files (*.toml); repeatable")->allow_extra_args(false);
  cmd.add_option("--disable", o.disabled_rules, "Switch a rule off by id; repeatable")->allow_extra_args(false);
  cmd.add_option("--wpm", o.wpm, "Speaking pace used for timing (words a minute)")->check(CLI::PositiveNumber);
  cmd.add_flag("--spoken", o.spoken, "The answer is a transcript of speech (delivery rules apply)");
  cmd.add_option("--seconds", o.seconds, "How long the spoken answer took (for its pace)")->check(CLI::NonNegativeNumber);
  cmd.add_flag("--explain", o.explain, "Show the parts of the score and which sentences went to which section");
  cmd.add_flag("--list-rules", o.list_rules, "List the rules in force and exit");
}

struct LintTarget {
  std::string name;  // Where findings point: a file, "-" or a story key.
  std::string text;
  std::string framework;
};

void PrintLintText(const LintTarget& t, const LintReport& r, bool explain) {
  for (const auto& f : r.findings) {
    LineCol lc = LineColOf(t.text, f.span.start);
    fmt::print("{}:{}:{}: {}: {} [{}]\n", t.name, lc.line, lc.col, SeverityName(f.severity), f.message, f.rule);
    if (!f.suggestion.empty()) fmt::print("    {}\n", f.suggestion);
  }
  std::vector<std::string> split;
  for (const auto& s : r.split) split.push_back(fmt::format("{} {:.0f}% ({}%)", s.name, s.share * 100, s.target));
  int minutes = static_cast<int>(r.seconds) / 60, secs = static_cast<int>(r.seconds) % 60;
  fmt::print("{}: score {}/100 · {} · {}:{:02d} spoken · {} · {}\n", t.name, r.score, Plural(r.words, "word", "words"), minutes, secs,
             r.framework, Join(split, " · "));
  if (!explain) return;
  for (const auto& p : r.parts) fmt::print("  {:<10} {:>2}/{:<2}  {}\n", p.name, p.points, p.max, p.why);
  fmt::print("  sections {}:\n", r.segmentation.labeled ? "as labeled" : "found from cues and position");
  for (const auto& seg : r.segmentation.segments) {
    fmt::print("  {} ({})\n", seg.name, Plural(seg.words, "word", "words"));
    for (const auto& s : seg.sentences) {
      fmt::print("    | {}\n", Utf8Truncate(std::string(Trim(std::string_view(t.text).substr(s.start, s.size()))), 90));
    }
  }
}

int RunLint(const Options& o) {
  auto catalog = LoadCatalogFor(o);
  if (!catalog) return Fail(catalog.error());
  auto rules = LoadRules(o.rule_packs, o.disabled_rules, AllSectionNames(*catalog));
  if (!rules) return Fail(rules.error());
  Linter linter(std::move(*rules), *catalog);
  if (o.list_rules) {
    for (const auto& r : linter.rules().rules) {
      const RuleInfo& info = r.rule->info();
      fmt::print("{}  {}  {}  {}\n", Utf8Pad(info.id, 26), Utf8Pad(SeverityName(info.severity), 10),
                 Utf8Pad(info.kind, 12), r.file);
    }
    return 0;
  }
  LintOptions defaults;
  defaults.spoken = o.spoken;
  defaults.seconds = o.seconds;
  defaults.words_per_minute = o.wpm;
  if (!o.framework.empty()) defaults.framework = o.framework;

  if (!o.jsonl.empty()) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (o.jsonl != "-") {
      file.open(o.jsonl, std::ios::binary);
      if (!file) return Fail(Error{fmt::format("{}: cannot open: {}", o.jsonl, std::strerror(errno))});
      in = &file;
    }
    bool failed = false;
    std::string line;
    int line_no = 0;
    std::string out;
    while (std::getline(*in, line)) {
      ++line_no;
      if (Trim(line).empty()) continue;
      auto req = ParseLintRequest(line, defaults);
      Result<LintReport> report = req ? linter.Lint(req->text, req->options) : Result<LintReport>(req.error());
      if (!report) {
        failed = true;
        JsonWriter w;
        w.BeginObject().Key("id").Raw(req ? req->id_json : "null");
        w.Field("error", fmt::format("{}:{}: {}", o.jsonl, line_no, report.error().message)).EndObject();
        out += w.str();
      } else {
        failed |= report->HasErrors();
        out += LintJson(*report, req->text, "id", req->id_json);
      }
      out += '\n';
      if (out.size() > (1 << 16)) {
        fmt::print("{}", out);
        out.clear();
      }
    }
    fmt::print("{}", out);
    return failed ? 1 : 0;
  }

  if (!o.audio.empty()) {
    // With --audio, --story names the story being told (for the speech model).
    if (!o.file.empty() || o.all) return Fail(Error{"lint: give --audio FILE alone, without FILE or --all"});
    auto transcript = TranscribeFile(o.audio, o);
    if (!transcript) return Fail(transcript.error());
    SpokenText text = FormatTranscript(*transcript, AllSectionNames(*catalog));
    LintOptions options = defaults;
    options.spoken = true;
    options.seconds = SpeakingSeconds(*transcript);
    auto report = linter.Lint(text.text, options);
    if (!report) return Fail(Error{fmt::format("{}: {}", o.audio, report.error().message)});
    std::string lint_json = o.json ? LintJson(*report, text.text) : "";
    SpokenAnswer spoken = MakeSpokenAnswer(std::move(*transcript), std::move(text), report->segmentation, report->framework);
    if (o.json) {
      fmt::print("{}\n", WithField(std::move(lint_json), "speech", SpokenAnswerJson(spoken)));
    } else {
      fmt::print("{}\n\n", spoken.text.text);
      PrintLintText({o.audio, spoken.text.text, report->framework}, *report, o.explain);
      PrintDelivery(spoken);
    }
    return report->HasErrors() ? 1 : 0;
  }

  std::vector<LintTarget> targets;
  if (o.all || !o.key.empty()) {
    if (!o.file.empty()) return Fail(Error{"lint: give a FILE, --story KEY or --all (one of them)"});
    auto bank = OpenBank(o);
    if (!bank) return Fail(bank.error());
    auto stories = (*bank)->Stories();
    if (!stories) return Fail(stories.error());
    std::string key = StoryKeyFromId(o.key).value_or(o.key);
    for (const auto& s : *stories) {
      if (o.all || s.key == key) targets.push_back({s.key, StoryAnswerText(s), o.framework.empty() ? s.framework : o.framework});
    }
    if (!o.all && targets.empty()) return Fail(Error{fmt::format("no story \"{}\" in the bank (see: rehearse stories)", o.key)});
  } else {
    if (o.file.empty()) return Fail(Error{"lint: give a FILE (or - for standard input), --story KEY, --all or --jsonl"});
    std::string text;
    if (o.file == "-") {
      std::ostringstream ss;
      ss << std::cin.rdbuf();
      text = ss.str();
    } else {
      auto read = ReadInput(o.file);
      if (!read) return Fail(read.error());
      text = std::move(*read);
    }
    targets.push_back({o.file, std::move(text), defaults.framework});
  }

  bool errors = false;
  std::vector<std::string> json;
  for (const auto& t : targets) {
    LintOptions options = defaults;
    options.framework = t.framework;
    auto report = linter.Lint(t.text, options);
    if (!report) return Fail(Error{fmt::format("{}: {}", t.name, report.error().message)});
    errors |= report->HasErrors();
    if (o.json) {
      JsonWriter key;
      key.String(t.name);
      json.push_back(o.all ? LintJson(*report, t.text, "key", key.str()) : LintJson(*report, t.text));
    } else {
      PrintLintText(t, *report, o.explain);
    }
  }
  if (o.json) fmt::print("{}\n", o.all ? "[" + Join(json, ",") + "]" : json.front());
  return errors ? 1 : 0;
}

// ---- classify / match / plan ------------------------------------------------------

void SetupClassify(CLI::App& cmd, Options& o) {
  cmd.add_option("QUESTION", o.question, "Any interview question, in quotes")->required();
  cmd.add_option("--company", o.company, "Company whose values to rank (default: amazon)");
}

// The values as a person would say them: "probes Ownership, maybe Bias for Action",
// then one line per value with its calibrated probability and its reasons.
void PrintValues(const std::vector<ValueScore>& values, size_t count) {
  std::vector<std::string> sure, maybe;
  for (const auto& v : values) {
    if (v.probability >= 0.35 || (sure.empty() && v.probability >= 0.2)) sure.push_back(v.name);
    else if (v.probability >= 0.1 && maybe.size() < 2) maybe.push_back(v.name);
  }
  if (!sure.empty()) fmt::print("Probes {}{}\n", Join(sure, " and "), maybe.empty() ? "" : ", maybe " + Join(maybe, " or "));
  else fmt::print("Probes no value clearly{}\n", maybe.empty() ? "" : "; maybe " + Join(maybe, " or "));
  for (size_t i = 0; i < values.size() && i < count; ++i) {
    const auto& v = values[i];
    fmt::print("  {:<45} {:>3.0f}%  {}\n", v.name, 100 * v.probability, Join(v.reasons, "; "));
  }
}

int RunClassify(const Options& o) {
  auto catalog = LoadCatalogFor(o);
  if (!catalog) return Fail(catalog.error());
  auto classifier = QuestionClassifier::Build(*catalog);
  if (!classifier) return Fail(classifier.error());
  auto c = (*classifier)->Classify(o.question, o.company.empty() ? "amazon" : o.company);
  if (!c) return Fail(c.error());
  if (o.json) {
    fmt::print("{}\n", ClassifyJson(*c));
    return 0;
  }
  fmt::print("Framework: {} ({})\n", c->framework, Join(c->framework_reasons, "; "));
  fmt::print("Themes: {}\n", c->themes.empty() ? "-" : Join(c->themes, ", "));
  PrintValues(c->values, 5);
  return 0;
}

void SetupMatch(CLI::App& cmd, Options& o) {
  cmd.add_option("QUESTION", o.question, "Any interview question, in quotes")->required();
  cmd.add_option("--company", o.company, "Company whose values count (default: amazon)");
  cmd.add_option("--top", o.top, "How many stories to show")->check(CLI::PositiveNumber);
}

// The catalog, the bank and the index over it: what match and plan work on. Held
// together because the index points into the others.
int RunMatch(const Options& o) {
  auto indexed = LoadIndexed(o);
  if (!indexed) return Fail(indexed.error());
  const StoryIndex& index = *(*indexed)->index;
  const BankView* view = &(*indexed)->view;
  std::string company = o.company.empty() ? "amazon" : o.company;
  auto matches = index.Match(o.question, company, static_cast<size_t>(o.top));
  if (!matches) return Fail(matches.error());
  if (o.json) {
    fmt::print("{}\n", MatchJson(*matches));
    return 0;
  }
  if (view->stories.empty()) {
    fmt::print(kEmptyBank);
    return 0;
  }
  if (matches->empty()) fmt::print("No story in the bank fits this question yet.\n");
  for (size_t i = 0; i < matches->size(); ++i) {
    const auto& m = (*matches)[i];
    fmt::print("{} {:<5} {:.2f}  {}\n", i == 0 ? "go-to " : i == 1 ? "backup" : "      ", m.key, m.score,
               Utf8Truncate(m.title, 80));
    if (!m.reasons.empty()) fmt::print("        {}\n", Join(m.reasons, "; "));
  }
  return 0;
}

void SetupPlan(CLI::App& cmd, Options& o) {
  cmd.add_option("--company", o.company, "Company to prepare for")->required();
}

std::string_view Shade(const CoverageCell* c) {
  if (!c) return " \u00b7 ";
  if (c->tagged) return "\u2588\u2588\u2588";
  if (c->score >= 0.6) return "\u2593\u2593\u2593";
  return "\u2591\u2591\u2591";
}

int RunPlan(const Options& o) {
  auto indexed = LoadIndexed(o);
  if (!indexed) return Fail(indexed.error());
  const StoryIndex& index = *(*indexed)->index;
  const BankView* view = &(*indexed)->view;
  auto plan = index.PlanFor(o.company);
  if (!plan) return Fail(plan.error());
  if (o.json) {
    fmt::print("{}\n", PlanJson(*plan));
    return 0;
  }
  if (view->stories.empty()) {
    fmt::print(kEmptyBank);
    return 0;
  }
  // The matrix: values down, stories across (keys written vertically would be
  // unreadable; numbered columns keep it narrow).
  fmt::print("{:<34}", "");
  for (const auto& key : plan->story_keys) fmt::print("{:>3}", key.substr(1, 3));
  fmt::print("\n");
  for (const auto& row : plan->values) {
    fmt::print("{:<34}", Utf8Truncate(row.name, 33));
    for (const auto& key : plan->story_keys) {
      auto it = std::find_if(row.stories.begin(), row.stories.end(), [&](const CoverageCell& c) { return c.key == key; });
      fmt::print("{}", Shade(it == row.stories.end() ? nullptr : &*it));
    }
    fmt::print("\n");
  }
  fmt::print("\u2588 your mapping   \u2593 strong match   \u2591 weaker match\n\n");
  fmt::print("Prepare first: {}\n", Join(plan->recommended, ", "));
  if (!plan->gaps.empty()) {
    fmt::print("\nGaps ({} value{} no story stands for well):\n", plan->gaps.size(), plan->gaps.size() == 1 ? "" : "s");
    for (const auto& g : plan->gaps) fmt::print("  {}: {}\n", g.value, g.advice);
  }
  if (!plan->themes.empty()) {
    fmt::print("\nGo-to and backup by theme{}:\n", plan->themes[0].from_guide ? " (your table)" : "");
    for (const auto& t : plan->themes) fmt::print("  {:<28} {:<5} {}\n", Utf8Truncate(t.theme, 27), t.goto_key, t.backup_key);
  }
  if (!plan->overlaps.empty()) {
    fmt::print("\nToo alike to back each other up:\n");
    for (const auto& ov : plan->overlaps) fmt::print("  {} and {} ({:.0f}% alike)\n", ov.a, ov.b, ov.similarity * 100);
  }
  return 0;
}

// ---- serve --------------------------------------------------------------------------

void SetupServe(CLI::App& cmd, Options& o) {
  cmd.add_option("--host", o.host, "Address to listen on (keep 127.0.0.1 unless you know why)");
  cmd.add_option("--port", o.port, "Port to listen on (0: any free port)")->check(CLI::Range(0, 65535));
}

// The web server is a module beside this program (server/serve_module.h says why).
int RunServe(const Options& o) {
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  fs::path module = self.parent_path() / kRehearseServeModule;
  void* handle = dlopen(module.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    return Fail(Error{fmt::format("serve: cannot load the web server, {} (it is built beside the rehearse program): {}",
                                  module.string(), dlerror())});
  }
  auto serve = reinterpret_cast<RehearseServeMain>(dlsym(handle, kRehearseServeSymbol));
  if (serve == nullptr) return Fail(Error{fmt::format("serve: {} has no {}", module.string(), kRehearseServeSymbol)});
  std::string db = DefaultBankPath(o.db);
  std::string data_dir = o.data_dir.empty() ? DefaultUserDataDir() : o.data_dir;
  RehearseServeArgs args{o.host.c_str(), o.port, db.c_str(), data_dir.c_str()};
  return serve(&args);
}

constexpr Command kCommands[] = {
    {"import", "Import an interview guide (Markdown) or an exported bank", SetupImport, RunImport},
    {"stories", "List the bank's stories", SetupStories, RunStories},
    {"show", "Show one story in full", SetupShow, RunShow},
    {"history", "List a story's revisions", SetupHistory, RunHistory},
    {"restore", "Bring back an earlier revision of a story (as a new revision)", SetupRestore, RunRestore},
    {"export", "Write the bank as lossless Markdown or JSON, a printable cheat sheet, or Anki flashcards", SetupExport,
     RunExport},
    {"checklist", "The pre-interview checklist for a company, ticked from the bank", SetupChecklist, RunChecklist},
    {"notes", "Show or save a company's notes: questions to ask, recent news", SetupNotes, RunNotes},
    {"lint", "Check an answer or story for what interviewers hold against it", SetupLint, RunLint},
    {"transcribe", "Turn a recorded answer (WAV) into text, offline, with its pace, fillers, pauses and section times",
     SetupTranscribe, RunTranscribe},
    {"classify", "Say which framework, themes and company values a question calls for", SetupClassify, RunClassify},
    {"match", "Rank the bank's stories for a question, with reasons", SetupMatch, RunMatch},
    {"plan", "Values x stories coverage for a company: gaps, stories to prepare, overlaps", SetupPlan, RunPlan},
    {"practice", "Mock interview: timed questions, feedback, follow-ups; next/answer/drill/due/progress", SetupPractice,
     RunPractice},
    {"serve", "Serve the web app on this machine (prints the address to open)", SetupServe, RunServe},
    {"summary", "Summarise the bank: stories, frameworks, values covered", SetupNothing, RunSummary},
    {"frameworks", "List the answer frameworks and their time splits", SetupNothing, RunFrameworks},
    {"questions", "List the built-in behavioral question bank", SetupQuestions, RunQuestions},
    {"companies", "List company profiles and their values", SetupCompanies, RunCompanies},
};

}  // namespace

std::span<const Command> Commands() { return kCommands; }

}  // namespace rehearse::cli
