#include <CLI/CLI.hpp>

#include <iostream>
#include <random>
#include <sstream>

#include <fmt/format.h>

#include "cli/practice.h"
#include "cli/speech.h"
#include "json/practice_json.h"
#include "json/speech_json.h"
#include "practice/bank_readiness.h"
#include "lint/loader.h"
#include "text/sentences.h"
#include "util/clock.h"
#include "util/text.h"

namespace rehearse::cli {
namespace {

std::string CompanyOf(const Options& o) { return o.company.empty() ? "amazon" : o.company; }

Result<std::string> ReadAnswer(const std::string& file) {
  if (file.empty()) return Error{"give the answer as a FILE, or - to read it from standard input"};
  if (file != "-") return ReadInput(file);
  std::ostringstream ss;
  ss << std::cin.rdbuf();
  return ss.str();
}

uint64_t SeedOf(const Options& o) {
  return o.seed >= 0 ? static_cast<uint64_t>(o.seed) : std::random_device{}();
}

std::string Seconds(double s) { return fmt::format("{}:{:02d}", static_cast<int>(s) / 60, static_cast<int>(s) % 60); }

void PrintNext(const NextQuestion& n, const std::string& session, const Catalog& catalog, std::string_view company) {
  const Company* c = catalog.FindCompany(company);
  fmt::print("{} question · {}: {}\n", n.question.kind == QuestionKind::kGrilling ? "Grilling" : "Normal",
             c ? c->name : std::string(company), n.question.text);
  fmt::print("  Framework: {}{}\n", n.framework,
             n.framework_reasons.empty() ? "" : " (" + Join(n.framework_reasons, "; ") + ")");
  if (!n.values.empty()) fmt::print("  Probes: {}\n", Join(n.values, "; "));
  if (n.suggestions.empty()) {
    fmt::print("  Suggested story: none left unused in this session\n");
  } else {
    fmt::print("  Suggested story: {} — {}\n", n.suggestions[0].key, n.suggestions[0].title);
    if (n.suggestions.size() > 1) fmt::print("  Backup: {} — {}\n", n.suggestions[1].key, n.suggestions[1].title);
  }
  std::vector<std::string> parts;
  for (const auto& b : n.budget) parts.push_back(fmt::format("{} {:.0f}-{:.0f} s", b.name, b.low, b.high));
  fmt::print("  Budget: {}\n", Join(parts, " · "));
  fmt::print("  Answer it: rehearse practice answer --question {} --session {} FILE\n", n.question.id, session);
}

// The next review of each item the answer moved, as a person names it: "this
// question", or the story's key.
void PrintReviews(const Feedback& f) {
  const Days today = Today();
  for (const auto& s : f.schedules) {
    auto due = ParseDate(s.due);
    std::string when = due ? fmt::format("{} ({})", s.due, DaysFrom(*due, today)) : s.due;
    std::string what = s.item.starts_with("story:") ? s.item.substr(6) : "this question";
    fmt::print("Next review of {}: {}\n", what, when);
  }
}

}  // namespace

void PrintFeedback(const Feedback& f, FollowUpCommands commands) {
  const LintReport& r = f.report;
  for (const auto& x : r.findings) {
    LineCol lc = LineColOf(f.attempt.text, x.span.start);
    fmt::print("  {}:{}: {}: {} [{}]\n", lc.line, lc.col, SeverityName(x.severity), x.message, x.rule);
    if (!x.suggestion.empty()) fmt::print("      {}\n", x.suggestion);
  }
  fmt::print("Score {}/100 · {} · {} spoken{}{}\n", r.score, Plural(r.words, "word", "words"), Seconds(r.seconds),
             f.attempt.seconds > 0 ? fmt::format(" · took {}", Seconds(f.attempt.seconds)) : "",
             f.over_time ? " · OVER 3 MINUTES" : "");
  for (size_t i = 0; i < r.split.size() && i < f.budget.size(); ++i) {
    const SectionStat& s = r.split[i];
    const SectionBudget& b = f.budget[i];
    const char* verdict = s.seconds < b.low * 0.75 ? "short" : s.seconds > b.high * 1.25 ? "long" : "ok";
    fmt::print("  {:<12} {:>4.0f} s  (budget {:.0f}-{:.0f} s)  {}\n", s.name, s.seconds, b.low, b.high, verdict);
  }
  if (!f.story_title.empty()) {
    fmt::print("Story: {} — {}{}\n", f.attempt.story_key, f.story_title, f.story_recognised ? " (recognised)" : "");
  }
  for (const auto& n : f.nudges) fmt::print("Tip: {}\n", n);
  for (size_t i = 0; i < f.followups.size(); ++i) {
    fmt::print("Follow-up: {}\n", f.followups[i].question);
    if (commands == FollowUpCommands::kShow) {
      fmt::print("  answer it: rehearse practice answer --question {}.{} FILE\n", f.attempt.id, i + 1);
    }
  }
  PrintReviews(f);
}

Result<std::optional<Readiness>> ReadinessOf(const PracticeKit& kit, std::string_view key) {
  const std::vector<Story>& stories = kit.indexed->view.stories;
  auto story = std::find_if(stories.begin(), stories.end(), [&](const Story& s) { return s.key == key; });
  if (story == stories.end()) return std::optional<Readiness>();
  REHEARSE_TRY_ASSIGN(readiness, StoriesReadiness({*story}, *kit.log, *kit.linter, kit.indexed->catalog, Today()));
  return std::optional<Readiness>(readiness.at(story->key));
}

void PrintReadinessOf(const PracticeKit& kit, std::string_view key) {
  auto r = ReadinessOf(kit, key);
  if (r && *r) fmt::print("Readiness of {}: {}\n", key, ReadinessText(**r));
}

Result<std::unique_ptr<PracticeKit>> LoadPracticeKit(const Options& o) {
  auto kit = std::make_unique<PracticeKit>();
  REHEARSE_TRY_ASSIGN(indexed, LoadIndexed(o));
  kit->indexed = std::move(indexed);
  const Catalog& catalog = kit->indexed->catalog;
  REHEARSE_TRY_ASSIGN(rules, LoadRules({}, {}, AllSectionNames(catalog)));
  kit->linter = std::make_unique<Linter>(std::move(rules), catalog);
  kit->log = std::make_unique<PracticeLog>(kit->indexed->view.bank->db());
  kit->coach = std::make_unique<Coach>(*kit->log, catalog, *kit->linter, *kit->indexed->classifier,
                                       kit->indexed->view.stories, *kit->indexed->index);
  kit->coach->SetOwnQuestions(kit->indexed->view.questions);
  return kit;
}

void SetupPractice(CLI::App& cmd, Options& o) {
  cmd.fallthrough();
  cmd.add_option("--company", o.company, "Company to practise for (default: amazon)");
  cmd.add_option("--kind", o.kind, "Questions to ask: normal, grilling or mix (default)");
  cmd.add_option("--think", o.think, "Seconds to pick your story before the clock starts (default: 5)")
      ->check(CLI::Range(0.0, 60.0));
  cmd.add_option("--seed", o.seed, "Seed the question choice (for reproducible sessions)")->check(CLI::NonNegativeNumber);
  cmd.add_flag("--allow-repeat", o.allow_repeat, "Let a story be suggested twice in a session");

  auto* next = cmd.add_subcommand("next", "Pick the next question: its id, framework, suggested story and time budget");
  next->add_option("--session", o.session, "Continue this session (never the same question or story twice)");
  next->callback([&o] { o.action = "next"; });

  auto* answer = cmd.add_subcommand("answer", "Assess and record an answer: findings, timing, score, follow-ups");
  answer->add_option("--question", o.question_id, "Question id from `practice next`, or ATTEMPT.N for a follow-up")
      ->required();
  answer->add_option("--story", o.key, "The story you told (default: recognised from the answer)");
  answer->add_option("--framework", o.framework, "Framework you followed (default: the question's; CAR for follow-ups)");
  answer->add_option("--seconds", o.seconds, "How long you took, if you timed yourself")->check(CLI::NonNegativeNumber);
  answer->add_option("--session", o.session, "Session the answer belongs to");
  answer->add_option("--audio", o.audio, "The answer as a recording (WAV): transcribed offline and judged as spoken");
  SetupSpeechModelOptions(*answer, o);
  answer->add_option("FILE", o.file, "The answer: a text file, or - for standard input");
  answer->callback([&o] { o.action = "answer"; });

  auto* drill = cmd.add_subcommand("drill", "Metrics drill: type a story's figures from memory and check them");
  drill->add_option("--story", o.key, "The story to drill (default: the one most due)");
  drill->add_option("FILE", o.file, "The figures you recall, or - for standard input (default: ask)");
  drill->callback([&o] { o.action = "drill"; });

  auto* due = cmd.add_subcommand("due", "What to rehearse today, and when each story is due next");
  due->callback([&o] { o.action = "due"; });
  auto* progress = cmd.add_subcommand("progress", "Scores over time per story, and the mistakes you keep making");
  progress->callback([&o] { o.action = "progress"; });
}

int RunPractice(const Options& o) {
  auto loaded = LoadPracticeKit(o);
  if (!loaded) return Fail(loaded.error());
  PracticeKit& kit = **loaded;
  Coach& coach = *kit.coach;
  const Catalog& catalog = kit.indexed->catalog;
  const std::vector<Story>& stories = kit.indexed->view.stories;

  if (o.action.empty()) return RunInteractivePractice(o, kit);

  if (o.action == "next") {
    NextOptions options;
    options.kind = o.kind.empty() ? "mix" : o.kind;
    options.allow_repeat = o.allow_repeat;
    options.seed = SeedOf(o);
    std::string session = o.session.empty() ? NewSessionId() : o.session;
    auto next = coach.Next(CompanyOf(o), session, options);
    if (!next) return Fail(next.error());
    if (o.json) {
      fmt::print("{}\n", NextJson(*next, session));
    } else {
      PrintNext(*next, session, catalog, CompanyOf(o));
      if (stories.empty()) fmt::print("\n{}", kEmptyBank);
    }
    return 0;
  }

  if (o.action == "answer") {
    if (o.audio.empty() == o.file.empty()) {
      return Fail(Error{"practice answer: give the answer as a FILE (- for standard input) or --audio WAV, one of them"});
    }
    // A recording is transcribed first and then judged as spoken, at its own pace.
    std::optional<Transcript> transcript;
    std::optional<SpokenText> said;
    Result<std::string> text = std::string();
    if (!o.audio.empty()) {
      auto heard = TranscribeFile(o.audio, o);
      if (!heard) return Fail(heard.error());
      said = FormatTranscript(*heard, AllSectionNames(catalog));
      text = said->text;
      transcript = std::move(*heard);
    } else {
      text = ReadAnswer(o.file);
    }
    if (!text) return Fail(text.error());
    AnswerInput input;
    input.question_id = o.question_id;
    input.story_key = o.key;
    input.framework = o.framework;
    input.company = CompanyOf(o);
    input.session = o.session;
    input.text = std::move(*text);
    input.seconds = o.seconds;
    if (transcript) {
      input.spoken = true;
      input.seconds = SpeakingSeconds(*transcript);
    }
    auto feedback = coach.Answer(input);
    if (!feedback) {
      const std::string& source = !o.audio.empty() ? o.audio : o.file == "-" ? std::string("<stdin>") : o.file;
      return Fail(Error{fmt::format("{}: {}", source, feedback.error().message)});
    }
    auto readiness = ReadinessOf(kit, feedback->attempt.story_key);
    if (!readiness) return Fail(readiness.error());
    if (o.json) {
      std::string out = FeedbackJson(*feedback);
      if (*readiness) out = WithField(std::move(out), "readiness", ReadinessJson(**readiness));
      fmt::print("{}\n", out);
      return 0;
    }
    if (transcript) {
      SpokenAnswer spoken = MakeSpokenAnswer(std::move(*transcript), std::move(*said), feedback->report.segmentation,
                                             feedback->report.framework);
      fmt::print("{}\n\n", spoken.text.text);
      PrintDelivery(spoken);
      fmt::print("\n");
    }
    PrintFeedback(*feedback, FollowUpCommands::kShow);
    if (*readiness) fmt::print("Readiness of {}: {}\n", feedback->attempt.story_key, ReadinessText(**readiness));
    return 0;
  }

  if (o.action == "drill") {
    std::string key = o.key;
    if (key.empty()) {
      auto due = coach.Due();
      if (!due) return Fail(due.error());
      if (due->empty()) return Fail(Error{"the bank is empty: nothing to drill"});
      key = due->front().key;
    }
    const Story* story = nullptr;
    for (const auto& s : stories) {
      if (s.key == key) story = &s;
    }
    if (!story) return Fail(Error{fmt::format("no story \"{}\" in the bank (see: rehearse stories)", key)});
    std::string typed;
    if (o.file.empty()) {
      fmt::print("Metrics drill: {} — {}\nType every figure of its result you remember, then press Enter:\n> ",
                 story->key, story->title);
      std::fflush(stdout);
      std::getline(std::cin, typed);
    } else {
      auto text = ReadAnswer(o.file);
      if (!text) return Fail(text.error());
      typed = std::move(*text);
    }
    auto drill = coach.Drill(key, typed, o.session);
    if (!drill) return Fail(drill.error());
    if (o.json) {
      fmt::print("{}\n", DrillJson(*drill));
      return 0;
    }
    for (const auto& m : drill->metrics) fmt::print("  {} {}\n", m.recalled ? "✓" : "✗", m.metric);
    if (!drill->stray.empty()) fmt::print("  Not in the story: {}\n", Join(drill->stray, ", "));
    fmt::print("Recalled {}% of the figures.\n", drill->score);
    PrintReadinessOf(kit, key);
    return 0;
  }

  if (o.action == "due") {
    auto due = coach.Due();
    if (!due) return Fail(due.error());
    Days today = Today();
    if (o.json) {
      fmt::print("{}\n", DueJson(*due, today));
      return 0;
    }
    if (due->empty()) {
      fmt::print("{}", kEmptyBank);
      return 0;
    }
    int now = 0;
    for (const auto& d : *due) now += d.due <= today;
    fmt::print("Due today: {} of {}\n", now, Plural(static_cast<long long>(due->size()), "story", "stories"));
    for (const auto& d : *due) {
      std::string when = d.fresh ? "new" : d.due <= today ? "due now" : FormatDate(d.due);
      std::string last = d.fresh ? "" : fmt::format("last score {} after {}", d.last_score, Plural(d.attempts, "answer", "answers"));
      fmt::print("  {:<10} {:<5} {}  {}\n", when, d.key, Utf8Pad(Utf8Truncate(d.title, 60), 60), last);
    }
    return 0;
  }

  if (o.action == "progress") {
    auto p = coach.ProgressReport();
    if (!p) return Fail(p.error());
    if (o.json) {
      fmt::print("{}\n", ProgressJson(*p));
      return 0;
    }
    if (p->answers == 0) {
      fmt::print("No practice yet. Start a mock interview: rehearse practice --company amazon\n");
      return 0;
    }
    fmt::print("{} practised.\n\nStory  Attempts  First  Last  Best  Title\n", Plural(p->answers, "answer", "answers"));
    for (const auto& s : p->stories) {
      fmt::print("{:<6} {:>8} {:>6} {:>5} {:>5}  {}\n", s.key, s.attempts, s.first, s.last, s.best,
                 Utf8Truncate(s.title, 60));
    }
    fmt::print("\nRule                        Answers  Findings  In the last {}\n", p->window);
    for (const auto& r : p->rules) {
      fmt::print("{} {:>7} {:>9} {:>12}\n", Utf8Pad(r.rule, 27), r.attempts, r.findings, r.recent);
    }
    return 0;
  }
  return Fail(Error{fmt::format("unknown practice step \"{}\"", o.action)});
}

}  // namespace rehearse::cli
