#include "prep/checklist.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "importer/metrics.h"
#include "util/text.h"

namespace rehearse {
namespace {

// A list of keys for a sentence: "q2, q5 and q9", at most `max` of them.
std::string Keys(const std::vector<std::string>& keys, size_t max = 8) {
  if (keys.empty()) return "";
  std::vector<std::string> shown(keys.begin(), keys.begin() + static_cast<long>(std::min(max, keys.size())));
  std::string out;
  for (size_t i = 0; i < shown.size(); ++i) {
    if (i > 0) out += i + 1 == shown.size() && shown.size() == keys.size() ? " and " : ", ";
    out += shown[i];
  }
  if (shown.size() < keys.size()) out += fmt::format(" and {} more", keys.size() - shown.size());
  return out;
}

// Links to the editor of the first few of `keys`.
std::vector<ChecklistAction> EditActions(const std::vector<std::string>& keys, size_t max = 4) {
  std::vector<ChecklistAction> out;
  for (size_t i = 0; i < keys.size() && i < max; ++i) out.push_back({"Edit " + keys[i], "story", keys[i]});
  return out;
}

ChecklistAction CoverageAction(const Company& company) {
  return {fmt::format("See {}'s coverage", company.name), "coverage", company.id};
}

void EmptyBank(ChecklistItem& item) {
  item.detail = "The bank has no stories";
  item.next_step = "Import your guide or write your first story";
  item.command = "rehearse import guide.md";
  item.actions = {{"Import your guide", "import", ""}, {"Write a new story", "new-story", ""}};
}

ChecklistItem FailureStories(const ChecklistInput& in) {
  ChecklistItem item{"failure-stories", "At least two failure stories, each ending with what you learned", false, "", "", "", {}};
  // The user's own theme table counts too: a story they filed under failure is one.
  std::set<std::string> filed;
  for (const ThemePick& t : in.plan->themes) {
    if (!IsFailureTopic(t.theme)) continue;
    filed.insert(t.goto_key);
    filed.insert(t.backup_key);
  }
  std::vector<std::string> ready, without_learning;
  for (const Story& s : *in.stories) {
    if (!IsFailureStory(s) && !filed.count(s.key)) continue;
    (Trim(LearningText(s, *in.catalog)).empty() ? without_learning : ready).push_back(s.key);
  }
  item.done = ready.size() >= 2;
  item.detail = ready.empty() ? "No failure story with a learning yet"
                              : fmt::format("{} with a learning: {}", Plural(ready.size(), "failure story", "failure stories"),
                                            Keys(ready));
  if (!without_learning.empty()) item.detail += fmt::format("; without one: {}", Keys(without_learning));
  if (!item.done) {
    item.next_step = without_learning.empty()
                         ? fmt::format("Write {} about a mistake of yours in CARL, ending with a Learning section",
                                       Plural(2 - ready.size(), "more story", "more stories"))
                         : fmt::format("Add a Learning section to {}, or write a new CARL story about a mistake",
                                       Keys(without_learning));
    item.actions = EditActions(without_learning);
    item.actions.push_back({"Write a new story", "new-story", ""});
  }
  return item;
}

ChecklistItem StoriesMapped(const ChecklistInput& in) {
  ChecklistItem item{"stories-mapped", fmt::format("5 to 7 stories mapped to {}'s values", in.company->name), false, "", "", "", {}};
  std::vector<std::string> mapped;
  for (const Story& s : *in.stories) {
    auto it = s.values.find(in.company->id);
    if (it != s.values.end() && !it->second.empty()) mapped.push_back(s.key);
  }
  item.done = mapped.size() >= 5;
  item.detail = mapped.empty() ? "No story is mapped to these values yet"
                               : fmt::format("{} mapped: {}", Plural(mapped.size(), "story", "stories"), Keys(mapped));
  if (mapped.size() > 7) {
    item.detail += fmt::format("; prepare the plan's {} first: {}", in.plan->recommended.size(), Keys(in.plan->recommended));
  }
  if (!item.done) {
    std::vector<std::string> candidates;
    for (const auto& key : in.plan->recommended) {
      if (std::find(mapped.begin(), mapped.end(), key) == mapped.end()) candidates.push_back(key);
    }
    item.next_step = fmt::format("Map {} to the values each one shows", Plural(5 - mapped.size(), "more story", "more stories"));
    if (!candidates.empty()) item.next_step += fmt::format(" (the plan suggests {})", Keys(candidates));
    item.command = fmt::format("rehearse plan --company {}", in.company->id);
    item.actions = {CoverageAction(*in.company)};
  }
  return item;
}

ChecklistItem Metrics(const ChecklistInput& in) {
  ChecklistItem item{"metrics", "A figure in every story's result", false, "", "", "", {}};
  std::vector<std::string> missing;
  for (const Story& s : *in.stories) {
    if (StoryMetrics(s, *in.catalog).empty()) missing.push_back(s.key);
  }
  item.done = !in.stories->empty() && missing.empty();
  if (in.stories->empty()) {
    EmptyBank(item);
  } else if (missing.empty()) {
    item.detail = in.stories->size() == 1 ? "The story quotes a figure"
                                          : fmt::format("All {} quote a figure", Plural(in.stories->size(), "story", "stories"));
  } else {
    item.detail = fmt::format("No figure in the result of {}", Keys(missing));
    item.next_step = "Put a number in each of these results: time saved, error rate, users, money, or a before and after";
    item.actions = EditActions(missing);
  }
  return item;
}

ChecklistItem LintClean(const ChecklistInput& in) {
  ChecklistItem item{"lint-clean", "No story with error-level lint findings", false, "", "", "", {}};
  std::vector<std::string> failing;
  std::set<std::string> rules;
  for (const Story& s : *in.stories) {
    auto it = in.lint_errors.find(s.key);
    if (it == in.lint_errors.end() || it->second.empty()) continue;
    failing.push_back(s.key);
    rules.insert(it->second.begin(), it->second.end());
  }
  item.done = !in.stories->empty() && failing.empty();
  if (in.stories->empty()) {
    EmptyBank(item);
  } else if (failing.empty()) {
    item.detail = "Every story passes the linter without errors";
  } else {
    item.detail = fmt::format("Errors in {} ({})", Keys(failing), Join(std::vector<std::string>(rules.begin(), rules.end()), ", "));
    item.next_step = fmt::format("Fix what the linter finds in {}", Keys(failing));
    item.command = fmt::format("rehearse lint --story {}", failing.front());
    item.actions = EditActions(failing);
  }
  return item;
}

ChecklistItem ValuesCovered(const ChecklistInput& in) {
  ChecklistItem item{"values-covered", fmt::format("Every one of {}'s values has a story", in.company->name), false, "", "", "", {}};
  const auto& gaps = in.plan->gaps;
  item.done = !in.stories->empty() && gaps.empty();
  size_t total = in.company->values.size();
  item.detail = fmt::format("{} of {} values covered", total - std::min(total, gaps.size()), total);
  if (!gaps.empty()) {
    std::vector<std::string> names;
    for (const auto& g : gaps) names.push_back(g.value);
    item.detail += fmt::format("; no story for {}", Join(names, ", "));
    const Gap& first = gaps.front();
    item.next_step = fmt::format("For {}: {}", first.value, first.advice);
    if (gaps.size() > 1) item.next_step += fmt::format(" (and {})", Plural(gaps.size() - 1, "more gap", "more gaps"));
    item.command = fmt::format("rehearse plan --company {}", in.company->id);
    item.actions = {CoverageAction(*in.company)};
  }
  return item;
}

// The stories to prepare first (the plan's recommendation) must be ready to tell:
// practised out loud, with steady scores, their figures drilled and no review due.
ChecklistItem Practiced(const ChecklistInput& in) {
  ChecklistItem item{"practiced", "The stories to prepare first are practised and ready", false, "", "", "", {}};
  const std::vector<std::string>& keys = in.plan->recommended;
  if (keys.empty()) {
    EmptyBank(item);
    return item;
  }
  // Readiness of each, worst first; bank stories the readiness map lacks are not practised.
  std::map<ReadinessState, std::vector<std::string>> by_state;
  for (const auto& key : keys) {
    auto it = in.readiness.find(key);
    by_state[it == in.readiness.end() ? ReadinessState::kNotPractised : it->second.state].push_back(key);
  }
  const size_t ready = by_state[ReadinessState::kReady].size();
  item.done = ready == keys.size();
  std::vector<std::string> parts;
  for (const auto& [state, list] : by_state) {
    if (!list.empty()) parts.push_back(fmt::format("{}: {}", ReadinessLabel(state), Keys(list)));
  }
  item.detail = fmt::format("{} of the {} to prepare first ready ({})", ready, keys.size(), Join(parts, "; "));
  if (!in.last_practice_at) {
    item.detail += "; no practice recorded yet";
  } else if (auto day = ParseDate(*in.last_practice_at)) {
    auto ago = (in.today - *day).count();
    item.detail += fmt::format("; last practised {}", ago == 0 ? "today" : ago == 1 ? "yesterday"
                                                                      : fmt::format("{} days ago", ago));
  }
  if (item.done) return item;
  // What to do, most urgent first: fix a written story, rescue a shaky one, review a
  // due one, then finish the nearly ready and start the others.
  std::vector<std::string> practise;
  for (ReadinessState state : {ReadinessState::kShaky, ReadinessState::kDue, ReadinessState::kNotPractised,
                               ReadinessState::kNearlyReady}) {
    for (const auto& key : by_state[state]) practise.push_back(key);
  }
  const std::vector<std::string>& broken = by_state[ReadinessState::kNeedsWork];
  std::vector<std::string> steps;
  if (!broken.empty()) steps.push_back(fmt::format("fix the written {}", Keys(broken)));
  if (!practise.empty()) {
    steps.push_back(fmt::format("practise {} out loud in a mock interview, 2 to 3 minutes an answer", Keys(practise)));
  }
  std::string next = Join(steps, ", then ");
  if (!next.empty()) next[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(next[0])));
  item.next_step = next;
  item.command = fmt::format("rehearse practice --company {}", in.company->id);
  item.actions = EditActions(broken, 2);
  item.actions.push_back({fmt::format("Practise for {}", in.company->name), "practice", in.company->id});
  return item;
}

ChecklistItem NoteWritten(const ChecklistInput& in, std::string id, std::string label, std::string_view kind,
                          std::string_view what) {
  ChecklistItem item{std::move(id), std::move(label), false, "", "", "", {}};
  auto it = in.notes.find(std::string(kind));
  std::string text = it == in.notes.end() ? "" : std::string(Trim(it->second));
  size_t lines = 0;
  for (std::string_view line : SplitLines(text)) lines += Trim(line).empty() ? 0 : 1;
  item.done = lines > 0;
  item.detail = item.done ? fmt::format("{} written down", Plural(lines, "line", "lines")) : "Nothing written down yet";
  if (!item.done) {
    item.next_step = fmt::format("Write down {}", what);
    item.command = fmt::format("rehearse notes --company {} --kind {} --set FILE", in.company->id, kind);
    item.actions = {{kind == "questions" ? "Write them in the questions box" : "Note it in the news box", "notes",
                     std::string(kind)}};
  }
  return item;
}

ChecklistItem Backups(const ChecklistInput& in) {
  ChecklistItem item{"backups", "A backup story for every theme, not too alike to its go-to", false, "", "", "", {}};
  std::vector<std::string> lacking, alike;
  for (const ThemePick& t : in.plan->themes) {
    if (t.backup_key.empty() || t.backup_key == t.goto_key) {
      lacking.push_back(t.theme);
      continue;
    }
    for (const Overlap& o : in.plan->overlaps) {
      if ((o.a == t.goto_key && o.b == t.backup_key) || (o.b == t.goto_key && o.a == t.backup_key)) alike.push_back(t.theme);
    }
  }
  item.done = !in.plan->themes.empty() && lacking.empty() && alike.empty();
  if (in.plan->themes.empty()) {
    item.detail = "No themes yet";
    item.next_step = "Give your stories themes, or import a guide with a top-stories-by-theme table";
    item.actions = {{"Import a guide", "import", ""}};
    return item;
  }
  item.detail = fmt::format("{} with a go-to and a backup", Plural(in.plan->themes.size() - lacking.size(), "theme", "themes"));
  if (!lacking.empty()) item.detail += fmt::format("; no backup for {}", Join(lacking, ", "));
  if (!alike.empty()) item.detail += fmt::format("; backup too alike to the go-to for {}", Join(alike, ", "));
  if (!item.done) {
    item.next_step = "Pick a different story as the backup for these themes";
    item.command = fmt::format("rehearse plan --company {}", in.company->id);  // Shows which stories are alike.
    item.actions = {CoverageAction(*in.company)};
  }
  return item;
}

}  // namespace

bool IsFailureTopic(std::string_view label) {
  std::string l = ToLower(label);
  return l.find("fail") != std::string::npos || l.find("mistake") != std::string::npos;
}

bool IsFailureStory(const Story& story) {
  if (ToLower(story.framework) == "carl") return true;
  if (IsFailureTopic(story.category)) return true;
  for (const auto& t : story.themes) {
    if (IsFailureTopic(t)) return true;
  }
  // In the question, only words about the speaker's own failing: "debug a failure"
  // is a technical story, "a project that failed" is not.
  static constexpr std::string_view kWords[] = {"mistake", "failed", "failing", "your failure", "went wrong",
                                                "got wrong", "setback", "regret", "lesson"};
  std::string text = ToLower(story.title + "\n" + story.topic);
  for (std::string_view w : kWords) {
    if (text.find(w) != std::string::npos) return true;
  }
  return false;
}

std::string LearningText(const Story& story, const Catalog& catalog) {
  const Framework* fw = catalog.FindFramework(story.framework);
  std::string out;
  for (const StorySection& sec : story.sections) {
    const FrameworkSection* def = fw ? fw->FindSection(sec.name) : nullptr;
    std::string name = ToLower(sec.name);
    bool learning = def ? def->role == SectionRole::kLearning
                        : name.starts_with("learning") || name.starts_with("lesson");
    if (learning && !Trim(sec.text).empty()) out += (out.empty() ? "" : "\n") + sec.text;
  }
  return out;
}

Checklist BuildChecklist(const ChecklistInput& in) {
  Checklist c;
  c.company = in.company->id;
  c.company_name = in.company->name;
  c.items.push_back(FailureStories(in));
  c.items.push_back(StoriesMapped(in));
  c.items.push_back(Metrics(in));
  c.items.push_back(LintClean(in));
  c.items.push_back(ValuesCovered(in));
  c.items.push_back(Practiced(in));
  c.items.push_back(NoteWritten(in, "questions", "Questions to ask the interviewer written down", "questions",
                                "three or four questions for the interviewer"));
  c.items.push_back(NoteWritten(in, "news", fmt::format("Recent {} news and products noted", in.company->name), "news",
                                "what the company launched or announced lately"));
  c.items.push_back(Backups(in));
  for (const auto& item : c.items) c.done += item.done ? 1 : 0;
  return c;
}

}  // namespace rehearse
