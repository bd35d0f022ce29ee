// End-to-end tests of the rehearse binary: what a user types, what they see.

#include <gtest/gtest.h>
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
  Outcome Rehearse(const std::string& args, bool with_db = true) {
    std::string cmd = std::string("'") + REHEARSE_BIN + "' " + args + (with_db ? " --db '" + db_ + "'" : "") +
                      " >'" + dir_.Path("out") + "' 2>'" + dir_.Path("err") + "' </dev/null";
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

}  // namespace
}  // namespace rehearse
