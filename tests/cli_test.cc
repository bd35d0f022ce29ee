// End-to-end tests of the rehearse binary: what a user types, what they see.

#include <gtest/gtest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include <cstdlib>
#include <set>

#include "test_util.h"

namespace rehearse {
namespace {

using nlohmann::json;
using testing::TempDir;

struct Outcome {
  int code = -1;
  std::string out, err;
};

class CliTest : public ::testing::Test {
 protected:
  // Runs rehearse with `args` (shell words) against this test's own bank.
  Outcome Rehearse(const std::string& args, bool with_db = true, const std::string& input = "/dev/null") {
    std::string cmd = std::string("'") + REHEARSE_BIN + "' " + args + (with_db ? " --db '" + db_ + "'" : "") +
                      " >'" + dir_.Path("out") + "' 2>'" + dir_.Path("err") + "' <'" + input + "'";
    int status = std::system(cmd.c_str());
    Outcome r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = Slurp(dir_.Path("out"));
    r.err = Slurp(dir_.Path("err"));
    return r;
  }
  static std::string Slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  std::string Fixture(const std::string& name) { return std::string(REHEARSE_FIXTURES) + "/" + name; }

  TempDir dir_;
  std::string db_ = dir_.Path("bank.db");
};

TEST_F(CliTest, ImportPrintsTheContractJson) {
  Outcome r = Rehearse("import --json '" + Fixture("mini_guide.md") + "'");
  ASSERT_EQ(r.code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["stories"], 4);
  EXPECT_EQ(j["questions"], 4);
  EXPECT_EQ(j["mappings"], 9);
  ASSERT_EQ(j["warnings"].size(), 4u);
  EXPECT_EQ(j["warnings"][3]["line"], 151);
  EXPECT_EQ(j["warnings"][3]["message"], "question index lists Q9, but the guide has no such story");
}

TEST_F(CliTest, StoriesJsonHoldsTheContractFields) {
  ASSERT_EQ(Rehearse("import '" + Fixture("mini_guide.md") + "'").code, 0);
  Outcome r = Rehearse("stories --json");
  ASSERT_EQ(r.code, 0) << r.err;
  json j = json::parse(r.out);
  ASSERT_EQ(j.size(), 4u);
  const json& q1 = j[0];
  EXPECT_EQ(q1["key"], "q1");
  EXPECT_EQ(q1["title"], "Walk me through how you cut a slow page's load time.");
  EXPECT_EQ(q1["project"], "Atlas - Search Page");
  EXPECT_EQ(q1["framework"], "STAR");
  EXPECT_EQ(q1["sections"][0]["name"], "Situation");
  EXPECT_EQ(q1["themes"], json::array({"Performance"}));
  EXPECT_EQ(q1["values"]["amazon"], json::array({"Dive Deep", "Deliver Results"}));
  EXPECT_EQ(q1["metrics"], json::array({"3-4 seconds to 700ms", "80%", "2 months", "150+ merchants"}));
  EXPECT_EQ(j[2]["themes"], json::array({"debugging", "performance", "Performance"}));

  Outcome search = Rehearse("stories --json --search 'heap'");
  EXPECT_EQ(json::parse(search.out).size(), 1u);
  Outcome text = Rehearse("stories --framework carl");
  EXPECT_NE(text.out.find("q2     CARL"), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find("q1 "), std::string::npos);
}

TEST_F(CliTest, HistoryAndRestoreKeepEveryRevision) {
  std::string guide = dir_.Path("guide.md");
  dir_.Write("guide.md", "### Q1: Q?\n\n**Action:**\nFirst draft.\n");
  ASSERT_EQ(Rehearse("import '" + guide + "'").code, 0);
  dir_.Write("guide.md", "### Q1: Q?\n\n**Action:**\nSecond draft.\n");
  Outcome second = Rehearse("import '" + guide + "'");
  EXPECT_NE(second.out.find("1 stories (0 new, 1 updated, 0 unchanged)"), std::string::npos) << second.out;
  Outcome history = Rehearse("history q1 --json");
  ASSERT_EQ(history.code, 0);
  EXPECT_EQ(json::parse(history.out)["revisions"].size(), 2u);
  Outcome restore = Rehearse("restore Q1 1");
  EXPECT_EQ(restore.code, 0);
  EXPECT_EQ(restore.out, "q1: revision 1 restored as revision 3 (nothing was deleted)\n");
  Outcome show = Rehearse("show q1");
  EXPECT_NE(show.out.find("First draft."), std::string::npos);
  Outcome bad = Rehearse("restore q1 7");
  EXPECT_EQ(bad.code, 1);
  EXPECT_EQ(bad.err, "rehearse: error: story \"q1\" has no revision 7 (it has 1 to 3)\n");
}

TEST_F(CliTest, ExportThenImportIsByteIdentical) {
  ASSERT_EQ(Rehearse("import --demo").code, 0);
  ASSERT_EQ(Rehearse("export --format md -o '" + dir_.Path("a.md") + "'").code, 0);
  std::string other = dir_.Path("other.db");
  Outcome imported = Rehearse("import '" + dir_.Path("a.md") + "' --db '" + other + "'", false);
  ASSERT_EQ(imported.code, 0) << imported.err;
  EXPECT_EQ(imported.err, "");  // the native format raises no warnings
  ASSERT_EQ(Rehearse("export -o '" + dir_.Path("b.md") + "' --db '" + other + "'", false).code, 0);
  EXPECT_EQ(Slurp(dir_.Path("a.md")), Slurp(dir_.Path("b.md")));
  Outcome again = Rehearse("import '" + dir_.Path("a.md") + "'");
  EXPECT_NE(again.out.find("(0 new, 0 updated, 11 unchanged)"), std::string::npos) << again.out;
}

TEST_F(CliTest, BadInputIsOneLineWithALocationAndChangesNothing) {
  ASSERT_EQ(Rehearse("import '" + Fixture("mini_guide.md") + "'").code, 0);
  std::string before = Rehearse("export").out;
  dir_.Write("half.md", "### Q1: Q?\n\n**Situation:**\nText.\n\n### Q2: Unfinished\n");
  dir_.Write("latin1.md", "# Guide\n\nCaf\xE9\n");
  struct Case {
    std::string args, err;
  };
  const Case cases[] = {
      {"import '" + dir_.Path("missing.md") + "'",
       "rehearse: error: " + dir_.Path("missing.md") + ": cannot open: No such file or directory\n"},
      {"import '" + dir_.Path("half.md") + "'",
       "rehearse: error: " + dir_.Path("half.md") +
           ":6: Q2 has no sections; expected bold labels such as **Situation:** with text under them\n"},
      {"import '" + dir_.Path("latin1.md") + "'",
       "rehearse: error: " + dir_.Path("latin1.md") + ":3: invalid UTF-8 (byte 0xE9 at column 4); save the file as UTF-8\n"},
      {"import '" + dir_.path() + "'", "rehearse: error: " + dir_.path() + ": is a folder; expected a Markdown file\n"},
      {"show q99", "rehearse: error: no story \"q99\" in the bank (see: rehearse stories)\n"},
      {"questions --company netflix", "rehearse: error: unknown company \"netflix\" (see: rehearse companies)\n"},
  };
  for (const auto& c : cases) {
    Outcome r = Rehearse(c.args);
    EXPECT_EQ(r.code, 1) << c.args;
    EXPECT_EQ(r.err, c.err) << c.args;
  }
  EXPECT_EQ(Rehearse("export").out, before);
}

TEST_F(CliTest, EveryCommandHasHelp) {
  for (const char* cmd : {"import", "stories", "show", "history", "restore", "export", "summary", "lint", "classify", "match", "plan", "frameworks",
                          "questions", "companies"}) {
    Outcome r = Rehearse(std::string(cmd) + " --help", false);
    EXPECT_EQ(r.code, 0) << cmd;
    EXPECT_NE(r.out.find("--db"), std::string::npos) << cmd;
    EXPECT_NE(r.out.find("--json"), std::string::npos) << cmd;
  }
  Outcome none = Rehearse("", false);
  EXPECT_NE(none.code, 0);
  Outcome unknown = Rehearse("frobnicate", false);
  EXPECT_NE(unknown.code, 0);
}

// Options every command takes go before or after the command's name, as with git.
TEST_F(CliTest, CommonOptionsWorkBeforeOrAfterTheCommand) {
  const std::string db = "--db '" + db_ + "'";
  Outcome imported = Rehearse(db + " import '" + Fixture("mini_guide.md") + "'", false);
  ASSERT_EQ(imported.code, 0) << imported.err;
  EXPECT_EQ(imported.out.rfind("Imported ", 0), 0u) << imported.out;
  Outcome before = Rehearse("--json " + db + " stories", false);
  ASSERT_EQ(before.code, 0) << before.err;
  EXPECT_EQ(json::parse(before.out).size(), 4u);
  EXPECT_EQ(Rehearse("stories --json " + db, false).out, before.out);
  EXPECT_EQ(Rehearse(db + " stories --json", false).out, before.out);
  // A command with steps of its own (practice next) takes them too.
  Outcome next = Rehearse(db + " --json practice next --company amazon --seed 4", false);
  ASSERT_EQ(next.code, 0) << next.err;
  EXPECT_EQ(json::parse(next.out)["question"]["id"].get<std::string>().size(), 8u);
  Outcome data = Rehearse("--data '" + dir_.path() + "' --json frameworks", false);
  ASSERT_EQ(data.code, 0) << data.err;
  EXPECT_EQ(json::parse(data.out).size(), 6u);
  // The program's own help lists them.
  Outcome help = Rehearse("--help", false);
  ASSERT_EQ(help.code, 0);
  for (const char* option : {"--db TEXT", "--data TEXT", "--json"}) EXPECT_NE(help.out.find(option), std::string::npos) << option;
  EXPECT_NE(help.out.find("--db, --data and --json work before or after the command"), std::string::npos) << help.out;
}

// Text output is for people: story keys and question text, never internal ids, and
// counts agree with their nouns.
TEST_F(CliTest, TextOutputNamesWhatPeopleKnowAndAgreesInNumber) {
  setenv("REHEARSE_NOW", "2026-11-25T09:00:00Z", 1);
  const std::string one = " --db '" + dir_.Path("one.db") + "'";
  dir_.Write("one.md", "### Q1: Tell me about a rollout you paused.\n\n**Action:**\nI paused the rollout myself.\n");
  ASSERT_EQ(Rehearse("import '" + dir_.Path("one.md") + "'" + one, false).code, 0);
  Outcome summary = Rehearse("summary" + one, false);
  EXPECT_NE(summary.out.find("Metrics: a figure in the result of 0 of 1 story\n"), std::string::npos) << summary.out;
  EXPECT_NE(summary.out.find("Readiness: 0 of 1 story ready\n"), std::string::npos) << summary.out;
  Outcome exported = Rehearse("export -o '" + dir_.Path("bank.md") + "'" + one, false);
  EXPECT_EQ(exported.err, "Wrote 1 story to " + dir_.Path("bank.md") + "\n");

  ASSERT_EQ(Rehearse("import --demo").code, 0);
  Outcome next = Rehearse("practice next --company amazon --kind normal --seed 5");
  ASSERT_EQ(next.code, 0) << next.err;
  json nj = json::parse(Rehearse("practice next --company amazon --kind normal --seed 5 --json").out);
  const std::string id = nj["question"]["id"];
  EXPECT_EQ(next.out.find(" id "), std::string::npos) << next.out;
  EXPECT_NE(next.out.find("  Answer it: rehearse practice answer --question " + id + " --session s20261125-090000 FILE\n"),
            std::string::npos) << next.out;

  dir_.Write("answer.txt", "Situation: Our payouts ran late.\nAction: We rewrote the batch and we added retries. We "
                           "moved it.\nResult: It was much better.\n");
  Outcome a = Rehearse("practice answer --question " + id + " --story q2 '" + dir_.Path("answer.txt") + "'");
  ASSERT_EQ(a.code, 0) << a.err;
  json aj = json::parse(Rehearse("practice progress --json").out);
  const int score = aj["timeline"][0]["score"];
  ASSERT_LT(score, 70);
  EXPECT_NE(a.out.find("Next review of this question: 2026-11-26 (tomorrow)\nNext review of q2: 2026-11-26 (tomorrow)\n"),
            std::string::npos) << a.out;
  EXPECT_NE(a.out.find(fmt::format("Readiness of q2: shaky: last answer scored {}, under 70\n", score)), std::string::npos)
      << a.out;
  EXPECT_NE(a.out.find("  answer it: rehearse practice answer --question 1.1 FILE\n"), std::string::npos) << a.out;
  for (const std::string& internal : {"question:" + id, std::string("story:"), std::string("days)"), std::string("(s)")}) {
    EXPECT_EQ(a.out.find(internal), std::string::npos) << internal << " in\n" << a.out;
  }
  EXPECT_EQ(Rehearse("practice progress").out.rfind("1 answer practised.\n", 0), 0u);
  Outcome due = Rehearse("practice due");
  EXPECT_EQ(due.out.rfind("Due today: 10 of 11 stories\n", 0), 0u) << due.out;
  EXPECT_NE(due.out.find(fmt::format("last score {} after 1 answer", score)), std::string::npos) << due.out;
  unsetenv("REHEARSE_NOW");
}

// Readiness, from the one rule, in every place the CLI shows a story.
TEST_F(CliTest, ReadinessInStoriesShowSummaryAndChecklist) {
  setenv("REHEARSE_NOW", "2026-11-25T09:00:00Z", 1);
  ASSERT_EQ(Rehearse("import --demo").code, 0);
  json before = json::parse(Rehearse("stories --json").out);
  ASSERT_EQ(before.size(), 11u);
  for (const auto& s : before) {
    EXPECT_EQ(s["readiness"]["state"], "not-practised");
    EXPECT_EQ(s["readiness"]["reason"], fmt::format("never answered yet; the written story scores {}",
                                                    s["readiness"]["written_score"].get<int>()));
  }
  Outcome list = Rehearse("stories");
  EXPECT_EQ(list.out.rfind("KEY    FRAMEWORK  QUESTION", 0), 0u) << list.out;
  EXPECT_NE(list.out.find("READINESS\n"), std::string::npos);
  EXPECT_NE(list.out.find("  not practised: never answered yet; the written story scores "), std::string::npos);

  std::string id = json::parse(Rehearse("practice next --company amazon --seed 2 --json").out)["question"]["id"];
  dir_.Write("answer.txt", "Situation: A review went badly.\nAction: We talked and we changed the doc.\nResult: Fine.\n");
  ASSERT_EQ(Rehearse("practice answer --question " + id + " --story q5 '" + dir_.Path("answer.txt") + "'").code, 0);
  const int score = json::parse(Rehearse("practice progress --json").out)["stories"][0]["last"];
  const std::string shaky = fmt::format("shaky: last answer scored {}, under 70", score);

  json after = json::parse(Rehearse("stories --json").out);
  EXPECT_EQ(after[4]["key"], "q5");
  EXPECT_EQ(after[4]["readiness"]["state"], "shaky");
  EXPECT_EQ(after[4]["readiness"]["answers"], 1);
  EXPECT_EQ(after[4]["readiness"]["due"], "2026-11-26");
  EXPECT_EQ(after[4]["readiness"]["spoken_answers"], 0);
  EXPECT_EQ(after[4]["readiness"]["last_drill"], nullptr);
  EXPECT_NE(Rehearse("stories --search design").out.find(shaky), std::string::npos);
  EXPECT_NE(Rehearse("show q5").out.find("Readiness: " + shaky + "\n"), std::string::npos);
  Outcome summary = Rehearse("summary");
  EXPECT_NE(summary.out.find("Readiness: 0 of 11 stories ready\n  " + fmt::format("shaky: q5 — last answer scored {}, under 70", score) +
                             "\n  not practised (10): q1, q2, q3, q4, q6, q7, q8, q9, q10, q11\n"),
            std::string::npos) << summary.out;
  EXPECT_EQ(json::parse(Rehearse("summary --json").out)["readiness"]["shaky"], 1);
  Outcome checklist = Rehearse("checklist --company amazon");
  EXPECT_NE(checklist.out.find("[ ] The stories to prepare first are practised and ready\n"), std::string::npos) << checklist.out;
  EXPECT_NE(checklist.out.find("shaky: q5); last practised today\n"), std::string::npos) << checklist.out;
  EXPECT_NE(checklist.out.find("    next: Practise q5, "), std::string::npos) << checklist.out;
  EXPECT_NE(checklist.out.find("          rehearse practice --company amazon\n"), std::string::npos) << checklist.out;
  unsetenv("REHEARSE_NOW");
}

// A recording answers a practice question as well as a text: transcribed offline,
// judged as spoken, and counted as the story told out loud.
TEST_F(CliTest, PracticeAnswerFromARecordingCountsAsToldOutLoud) {
  ASSERT_STRNE(REHEARSE_AUDIO, "") << "espeak-ng and sox are needed to make the spoken test answer";
  const std::string wav = std::string(REHEARSE_AUDIO) + "/answer.wav";
  ASSERT_EQ(Rehearse("import --demo").code, 0);
  std::string id = json::parse(Rehearse("practice next --company amazon --seed 1 --json").out)["question"]["id"];
  Outcome both = Rehearse("practice answer --question " + id + " --audio '" + wav + "' '" + wav + "'");
  EXPECT_EQ(both.code, 1);
  EXPECT_EQ(both.err, "rehearse: error: practice answer: give the answer as a FILE (- for standard input) or --audio WAV, "
                      "one of them\n");
  Outcome a = Rehearse("practice answer --question " + id + " --story q9 --audio '" + wav + "' --json");
  ASSERT_EQ(a.code, 0) << a.err;
  json aj = json::parse(a.out);
  EXPECT_EQ(aj["story"], "q9");
  EXPECT_GT(aj["timing"]["measured"].get<double>(), 20);  // The speaking time, not 0.
  EXPECT_EQ(aj["readiness"]["answers"], 1);
  EXPECT_EQ(aj["readiness"]["spoken_answers"], 1);
  json q9 = json::parse(Rehearse("show q9 --json").out)["readiness"];
  EXPECT_EQ(q9, aj["readiness"]);
}

TEST_F(CliTest, CatalogCommands) {
  Outcome fw = Rehearse("frameworks --json", false);
  ASSERT_EQ(fw.code, 0);
  EXPECT_EQ(json::parse(fw.out).size(), 6u);
  Outcome q = Rehearse("questions --json --value 'Dive Deep'", false);
  ASSERT_EQ(q.code, 0) << q.err;
  json questions = json::parse(q.out);
  EXPECT_GE(questions.size(), 6u);
  for (const auto& item : questions) {
    const auto& values = item["values"]["amazon"];
    EXPECT_NE(std::find(values.begin(), values.end(), "Dive Deep"), values.end());
  }
  Outcome companies = Rehearse("companies", false);
  EXPECT_NE(companies.out.find("amazon    Amazon Leadership Principles (16)"), std::string::npos) << companies.out;
}

TEST_F(CliTest, SummaryOfTheDemoBank) {
  ASSERT_EQ(Rehearse("import --demo").code, 0);
  Outcome r = Rehearse("summary");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Stories: 11 (1 CAR, 1 CARL, 1 DIGS, 1 PAR, 1 SOAR, 6 STAR)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Google Hiring attributes: 4 of 4 mapped to a story"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace rehearse

namespace rehearse {
namespace {

TEST_F(CliTest, LintPrintsFindingsWithTheirPlaceAndFailsOnErrors) {
  dir_.Write("answer.md", "Situation: The Atlas search page took 4 s.\nAction: I cached prices.\nResult: It wasn't my fault; latency fell 60%.\n");
  Outcome r = Rehearse("lint '" + dir_.Path("answer.md") + "'", false);
  EXPECT_EQ(r.code, 1);  // an error-level finding
  std::string prefix = dir_.Path("answer.md");
  EXPECT_NE(r.out.find(prefix + ":3:9: error: Blames others: \"It wasn't my fault\" [blame]\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(prefix + ":4:1: error: No Task section [structure.missing-section]\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(prefix + ": score "), std::string::npos);

  dir_.Write("clean.md", "Situation: The Atlas search page took 4 s to load at peak, and support logged 30 complaints a week.\n"
                         "Task: I owned the page and set a goal of one second.\n"
                         "Action: I profiled it and found two serial pricing calls. I made them concurrent, added a "
                         "60-second cache and rolled the change out behind a flag, one region at a time, watching errors.\n"
                         "Result: Load time fell from 4 s to 700 ms and complaints dropped to 2 a week.\n");
  Outcome clean = Rehearse("lint --disable length.short '" + dir_.Path("clean.md") + "'", false);
  EXPECT_EQ(clean.code, 0) << clean.out;
  EXPECT_EQ(clean.out.find(": error:"), std::string::npos) << clean.out;
}

TEST_F(CliTest, LintReadsStandardInputAndStoriesAndBatches) {
  ASSERT_EQ(Rehearse("import '" + Fixture("mini_guide.md") + "'").code, 0);
  Outcome story = Rehearse("lint --story q2 --json");
  json j = json::parse(story.out);
  EXPECT_EQ(j["framework"], "CARL");
  EXPECT_EQ(j["segments"].size(), 4u);
  Outcome all = Rehearse("lint --all --json");
  json list = json::parse(all.out);
  ASSERT_EQ(list.size(), 4u);
  EXPECT_EQ(list[3]["key"], "q4");

  dir_.Write("batch.jsonl",
             "{\"id\": 1, \"framework\": \"CAR\", \"text\": \"Challenge: Costs grew.\\nAction: We cut them.\\nResult: Better.\"}\n"
             "\n"
             "{\"id\": \"b\", \"text\": \"Action: I did it.\", \"framework\": \"NOPE\"}\n"
             "not json\n"
             "{\"id\": \"s\", \"text\": \"So um I uh basically like, fixed it\", \"spoken\": true, \"seconds\": 2}\n");
  Outcome batch = Rehearse("lint --jsonl '" + dir_.Path("batch.jsonl") + "'", false);
  EXPECT_EQ(batch.code, 1);
  std::vector<json> lines;
  std::istringstream in(batch.out);
  for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0]["id"], 1);
  EXPECT_EQ(lines[0]["framework"], "CAR");
  EXPECT_EQ(lines[1]["id"], "b");
  EXPECT_EQ(lines[1]["error"], dir_.Path("batch.jsonl") + ":3: unknown framework \"NOPE\" (known: STAR, CAR, SOAR, CARL, PAR, DIGS)");
  EXPECT_EQ(lines[2]["id"], nullptr);
  EXPECT_EQ(lines[2]["error"].get<std::string>().rfind(dir_.Path("batch.jsonl") + ":4: not JSON:", 0), 0u);
  std::set<std::string> rules;
  for (const auto& f : lines[3]["findings"]) rules.insert(f["rule"]);
  EXPECT_TRUE(rules.count("delivery.filler"));
  EXPECT_TRUE(rules.count("delivery.pace"));
}

TEST_F(CliTest, LintRejectsBadInputClearly) {
  dir_.Write("empty.md", "\n\n");
  dir_.Write("bad/r.toml", "kind = \"existence\"\nmessage = \"m\"\npatterns = [\"(\"]\n");
  struct Case {
    std::string args, err;
  };
  const Case cases[] = {
      {"lint '" + dir_.Path("empty.md") + "'", "rehearse: error: " + dir_.Path("empty.md") + ": nothing to lint: the answer is empty\n"},
      {"lint --framework XYZ '" + dir_.Path("empty.md") + "'",
       "rehearse: error: " + dir_.Path("empty.md") + ": nothing to lint: the answer is empty\n"},
      {"lint --rules '" + dir_.Path("bad") + "' x.md",
       "rehearse: error: " + dir_.Path("bad") + "/r.toml:3:1: bad pattern \"(\": missing ): (\n"},
      {"lint --disable nope x.md", "rehearse: error: --disable nope: no rule has that id (see: rehearse lint --list-rules)\n"},
      {"lint", "rehearse: error: lint: give a FILE (or - for standard input), --story KEY, --all or --jsonl\n"},
  };
  for (const auto& c : cases) {
    Outcome r = Rehearse(c.args, false);
    EXPECT_EQ(r.code, 1) << c.args;
    EXPECT_EQ(r.err, c.err) << c.args;
  }
}

}  // namespace
}  // namespace rehearse

namespace rehearse {
namespace {

TEST_F(CliTest, ClassifyMatchAndPlanFollowTheContracts) {
  Outcome c = Rehearse("classify --json 'How did you overcome pushback from a senior engineer?'", false);
  ASSERT_EQ(c.code, 0) << c.err;
  json cj = json::parse(c.out);
  EXPECT_EQ(cj["framework"], "SOAR");
  ASSERT_EQ(cj["values"].size(), 16u);
  EXPECT_EQ(cj["values"][0]["score"], 1);
  EXPECT_TRUE(cj["values"][0].contains("name"));
  EXPECT_TRUE(cj["themes"].is_array());

  ASSERT_EQ(Rehearse("import --demo").code, 0);
  Outcome m = Rehearse("match --json --top 2 'Tell me about a time you disagreed with another team.'");
  ASSERT_EQ(m.code, 0) << m.err;
  json mj = json::parse(m.out);
  ASSERT_EQ(mj["stories"].size(), 2u);
  EXPECT_EQ(mj["stories"][0]["key"], "q7");
  EXPECT_TRUE(mj["stories"][0]["reasons"].is_array());

  Outcome p = Rehearse("plan --company amazon --json");
  ASSERT_EQ(p.code, 0) << p.err;
  json pj = json::parse(p.out);
  EXPECT_EQ(pj["values"].size(), 16u);
  EXPECT_EQ(pj["gaps"].size(), 2u);
  EXPECT_GE(pj["recommended"].size(), 5u);
  EXPECT_TRUE(pj["overlaps"].is_array());
  Outcome text = Rehearse("plan --company amazon");
  EXPECT_NE(text.out.find("Prepare first: "), std::string::npos);
  EXPECT_NE(text.out.find("Dive Deep"), std::string::npos);

  Outcome bad = Rehearse("plan --company acme");
  EXPECT_EQ(bad.code, 1);
  EXPECT_EQ(bad.err, "rehearse: error: unknown company \"acme\" (known: amazon, google, meta)\n");
  Outcome empty = Rehearse("classify ''", false);
  EXPECT_EQ(empty.err, "rehearse: error: the question is empty\n");
}

TEST_F(CliTest, PracticeStepsPrintTheContractJson) {
  setenv("REHEARSE_NOW", "2026-11-25T09:00:00Z", 1);
  ASSERT_EQ(Rehearse("import --demo").code, 0);
  Outcome n = Rehearse("practice next --company amazon --kind grilling --seed 11 --json");
  ASSERT_EQ(n.code, 0) << n.err;
  json nj = json::parse(n.out);
  std::string id = nj["question"]["id"];
  EXPECT_EQ(id.size(), 8u);
  EXPECT_EQ(nj["question"]["kind"], "grilling");
  EXPECT_FALSE(std::string(nj["question"]["text"]).empty());
  ASSERT_FALSE(nj["suggested"].empty());
  EXPECT_EQ(std::string(nj["suggested"][0]["key"]).front(), 'q');
  EXPECT_TRUE(nj["framework"].is_string());
  EXPECT_EQ(nj["think_seconds"], 5);
  std::string session = nj["session"];
  EXPECT_EQ(session, "s20261125-090000");
  // The same seed asks the same question.
  EXPECT_EQ(json::parse(Rehearse("practice next --company amazon --kind grilling --seed 11 --json").out)["question"]["id"], id);

  dir_.Write("answer.txt",
             "Situation: Our Parcelwise payouts ran late every Friday.\nAction: We rewrote the batch and we added "
             "retries. We moved it to the morning.\nResult: It was much better.\n");
  Outcome a = Rehearse("practice answer --question " + id + " --story q2 --seconds 95 --session " + session +
                           " --json -", true, dir_.Path("answer.txt"));
  ASSERT_EQ(a.code, 0) << a.err;
  json aj = json::parse(a.out);
  EXPECT_EQ(aj["attempt"], 1);
  EXPECT_EQ(aj["story"], "q2");
  EXPECT_EQ(aj["question"]["id"], id);
  EXPECT_TRUE(aj["findings"].is_array());
  EXPECT_TRUE(aj["stats"]["split"].is_object());
  EXPECT_TRUE(aj["score"].is_number_integer());
  EXPECT_EQ(aj["timing"]["measured"], 95);
  ASSERT_FALSE(aj["followups"].empty());
  EXPECT_EQ(aj["followups"][0]["id"], "1.1");
  EXPECT_EQ(aj["followups"][0]["probe"], "ownership");

  // The follow-up is answered by its id, in CAR.
  dir_.Write("up.txt", "Challenge: the batch was slow.\nAction: I wrote the retry logic myself.\nResult: 0 late runs since.\n");
  Outcome up = Rehearse("practice answer --question 1.1 --json " + dir_.Path("up.txt"));
  ASSERT_EQ(up.code, 0) << up.err;
  EXPECT_EQ(json::parse(up.out)["framework"], "CAR");
  EXPECT_EQ(json::parse(up.out)["kind"], "followup");

  // Continuing the session never suggests q2 again.
  for (int seed = 0; seed < 5; ++seed) {
    json again = json::parse(Rehearse(fmt::format("practice next --session {} --seed {} --json", session, seed)).out);
    for (const auto& s : again["suggested"]) EXPECT_NE(s["key"], "q2");
    EXPECT_NE(again["question"]["id"], id);
  }

  Outcome d = Rehearse("practice due --json");
  ASSERT_EQ(d.code, 0) << d.err;
  json dj = json::parse(d.out);
  ASSERT_EQ(dj.size(), 11u);
  // q2 scored poorly, so it is due tomorrow; the never-practised stories are due today and come first.
  EXPECT_EQ(dj[0]["due"], "2026-11-25");
  EXPECT_EQ(dj[10]["story"], "q2");
  EXPECT_EQ(dj[10]["due"], "2026-11-26");
  for (size_t i = 1; i < dj.size(); ++i) EXPECT_LE(std::string(dj[i - 1]["due"]), std::string(dj[i]["due"]));

  Outcome p = Rehearse("practice progress --json");
  json pj = json::parse(p.out);
  EXPECT_EQ(pj["answers"], 1);
  EXPECT_EQ(pj["stories"][0]["key"], "q2");

  Outcome table = Rehearse("practice progress");
  EXPECT_NE(table.out.find("ownership.we"), std::string::npos) << table.out;

  Outcome bad = Rehearse("practice answer --question deadbeef -", true, dir_.Path("answer.txt"));
  EXPECT_EQ(bad.code, 1);
  EXPECT_EQ(bad.err, "rehearse: error: <stdin>: no question with id \"deadbeef\" (ids come from `rehearse practice next`)\n");
  Outcome tty = Rehearse("practice");
  EXPECT_EQ(tty.code, 1);
  EXPECT_NE(tty.err.find("needs a terminal"), std::string::npos);
  EXPECT_EQ(json::parse(Rehearse("practice progress --json").out)["answers"], 1);  // Nothing more was written.
  unsetenv("REHEARSE_NOW");
}

}  // namespace
}  // namespace rehearse
