// The pre-interview commands through the real binary: export --format html|anki,
// checklist and notes, as a user runs them.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include <cstdlib>

#include "export/anki.h"
#include "test_util.h"

namespace rehearse {
namespace {

using nlohmann::json;
using testing::TempDir;

class PrepCliTest : public ::testing::Test {
 protected:
  struct Outcome {
    int code = -1;
    std::string out, err;
  };
  // Runs rehearse with `args` (shell words) on this test's bank, clock pinned.
  Outcome Rehearse(const std::string& args) {
    std::string cmd = "REHEARSE_NOW=2026-11-25T09:00:00Z XDG_CONFIG_HOME='" + dir_.path() + "' '" + REHEARSE_BIN +
                      "' " + args + " --db '" + dir_.Path("bank.db") + "' >'" + dir_.Path("out") + "' 2>'" +
                      dir_.Path("err") + "' </dev/null";
    int status = std::system(cmd.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, Slurp(dir_.Path("out")), Slurp(dir_.Path("err"))};
  }
  static std::string Slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  static const json& Item(const json& checklist, const std::string& id) {
    for (const auto& item : checklist["items"]) {
      if (item["id"] == id) return item;
    }
    static const json none;
    ADD_FAILURE() << "no item " << id;
    return none;
  }
  TempDir dir_;
};

TEST_F(PrepCliTest, ExportsTheDemoBankAsACheatSheetAndAnAnkiDeck) {
  ASSERT_EQ(Rehearse("import --demo").code, 0);
  Outcome html = Rehearse("export --format html --company amazon");
  ASSERT_EQ(html.code, 0) << html.err;
  EXPECT_TRUE(html.out.starts_with("<!doctype html>"));
  for (int i = 1; i <= 11; ++i) {
    EXPECT_NE(html.out.find("<article class=\"card\" data-key=\"q" + std::to_string(i) + "\""), std::string::npos) << i;
  }
  EXPECT_NE(html.out.find("<title>Interview cheat sheet: Amazon</title>"), std::string::npos);

  Outcome to_file = Rehearse("export --format html --paper letter -o '" + dir_.Path("sheet.html") + "'");
  ASSERT_EQ(to_file.code, 0) << to_file.err;
  EXPECT_EQ(to_file.err, "Wrote the cheat sheet for 11 stories to " + dir_.Path("sheet.html") + "\n");
  EXPECT_NE(Slurp(dir_.Path("sheet.html")).find("@page { size: letter;"), std::string::npos);

  Outcome anki = Rehearse("export --format anki --company amazon -o '" + dir_.Path("deck.txt") + "'");
  ASSERT_EQ(anki.code, 0) << anki.err;
  auto deck = ParseAnki(Slurp(dir_.Path("deck.txt")));
  ASSERT_TRUE(deck) << deck.error().message;
  EXPECT_EQ(deck->name, "rehearse::amazon");
  Outcome stories = Rehearse("stories --json");
  for (const auto& s : json::parse(stories.out)) {
    auto outline = std::find_if(deck->cards.begin(), deck->cards.end(), [&](const AnkiCard& c) {
      return c.tags == std::vector<std::string>{"rehearse", "outline", s["key"].get<std::string>()};
    });
    ASSERT_NE(outline, deck->cards.end()) << s["key"];
    EXPECT_EQ(outline->front, s["title"]);
    auto metrics = std::find_if(deck->cards.begin(), deck->cards.end(), [&](const AnkiCard& c) {
      return c.tags == std::vector<std::string>{"rehearse", "metrics", s["key"].get<std::string>()};
    });
    if (s["metrics"].empty()) continue;
    ASSERT_NE(metrics, deck->cards.end()) << s["key"];
    for (const auto& m : s["metrics"]) EXPECT_NE(metrics->back.find(m.get<std::string>()), std::string::npos) << m;
  }

  Outcome bad = Rehearse("export --format html --company initech");
  EXPECT_EQ(bad.code, 1);
  EXPECT_EQ(bad.err, "rehearse: error: unknown company \"initech\" (see: rehearse companies)\n");
  EXPECT_EQ(bad.out, "");
}

TEST_F(PrepCliTest, ChecklistTicksWhenAFailureStoryWithALearningArrives) {
  ASSERT_EQ(Rehearse("import '" + std::string(REHEARSE_FIXTURES) + "/mini_guide.md'").code, 0);
  Outcome before = Rehearse("checklist --company amazon --json");
  ASSERT_EQ(before.code, 0) << before.err;
  json b = json::parse(before.out);
  EXPECT_EQ(b["company"], "amazon");
  EXPECT_EQ(b["total"], 9);
  EXPECT_EQ(Item(b, "failure-stories")["done"], false);

  dir_.Write("more.md",
             "### Q5: Tell me about a time you broke the build for everyone.\n\n**Framework: CARL**\n\n"
             "**Context:**\nI merged a schema change to the shared CI pipeline on a Friday.\n\n"
             "**Action:**\nI reverted it within 20 minutes and I wrote the incident note myself.\n\n"
             "**Result:**\n40 engineers were blocked for 20 minutes.\n\n"
             "**Learning:**\nI now run the full pipeline on a branch before I touch shared configuration.\n");
  ASSERT_EQ(Rehearse("import '" + dir_.Path("more.md") + "'").code, 0);
  json a = json::parse(Rehearse("checklist --company amazon --json").out);
  EXPECT_EQ(Item(a, "failure-stories")["done"], true);
  EXPECT_EQ(Item(a, "failure-stories")["detail"], "2 failure stories with a learning: q2 and q5");
  EXPECT_EQ(a["done"], b["done"].get<int>() + 1);

  Outcome text = Rehearse("checklist --company amazon");
  EXPECT_NE(text.out.find("[x] At least two failure stories, each ending with what you learned\n"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("[ ] Questions to ask the interviewer written down\n    Nothing written down yet\n    next: "),
            std::string::npos) << text.out;

  Outcome unknown = Rehearse("checklist --company initech");
  EXPECT_EQ(unknown.code, 1);
  EXPECT_EQ(unknown.err, "rehearse: error: unknown company \"initech\" (see: rehearse companies)\n");
}

TEST_F(PrepCliTest, NotesAreSavedAsRevisionsAndTickTheChecklist) {
  dir_.Write("questions.txt", "How are on-call weeks shared?\nWhat would my first project be?\n");
  Outcome saved = Rehearse("notes --company amazon --kind questions --set '" + dir_.Path("questions.txt") + "'");
  ASSERT_EQ(saved.code, 0) << saved.err;
  EXPECT_EQ(saved.out, "Amazon questions: saved as revision 1 (earlier ones are kept)\n");
  EXPECT_EQ(Rehearse("notes --company amazon --kind questions --set '" + dir_.Path("questions.txt") + "'").out,
            "Amazon questions: unchanged (revision 1)\n");
  EXPECT_EQ(Rehearse("notes --company Amazon --kind questions").out,
            "How are on-call weeks shared?\nWhat would my first project be?\n");
  dir_.Write("questions.txt", "Only one question now.\n");
  ASSERT_EQ(Rehearse("notes --company amazon --kind questions --set '" + dir_.Path("questions.txt") + "'").code, 0);
  json all = json::parse(Rehearse("notes --company amazon --json").out);
  EXPECT_EQ(all["company"], "amazon");
  ASSERT_EQ(all["notes"].size(), 3u);
  EXPECT_EQ(all["notes"][0]["kind"], "questions");
  EXPECT_EQ(all["notes"][0]["rev"], 2);
  EXPECT_EQ(all["notes"][0]["text"], "Only one question now.\n");
  EXPECT_EQ(all["notes"][1]["rev"], 0);
  Outcome listing = Rehearse("notes --company amazon");
  EXPECT_NE(listing.out.find("== Questions to ask the interviewer (revision 2, 2026-11-25T09:00:00Z)\nOnly one question now.\n"),
            std::string::npos) << listing.out;
  EXPECT_NE(listing.out.find("== Recent news and products (nothing yet)\n"), std::string::npos) << listing.out;

  json checklist = json::parse(Rehearse("checklist --company amazon --json").out);
  EXPECT_EQ(Item(checklist, "questions")["done"], true);
  EXPECT_EQ(Item(checklist, "news")["done"], false);

  struct Case {
    std::string args, err;
  };
  const Case cases[] = {
      {"notes --company amazon --set '" + dir_.Path("questions.txt") + "'",
       "rehearse: error: notes: --set needs --kind (questions, news or notes)\n"},
      {"notes --company initech", "rehearse: error: unknown company \"initech\" (see: rehearse companies)\n"},
      {"notes --company amazon --kind news --set '" + dir_.Path("missing.txt") + "'",
       "rehearse: error: " + dir_.Path("missing.txt") + ": cannot open: No such file or directory\n"},
  };
  for (const auto& c : cases) {
    Outcome r = Rehearse(c.args);
    EXPECT_EQ(r.code, 1) << c.args;
    EXPECT_EQ(r.err, c.err) << c.args;
  }
}

TEST_F(PrepCliTest, NewCommandsHaveHelp) {
  for (const char* cmd : {"checklist", "notes", "export"}) {
    Outcome r = Rehearse(std::string(cmd) + " --help");
    EXPECT_EQ(r.code, 0) << cmd;
    EXPECT_NE(r.out.find("--company"), std::string::npos) << cmd;
    EXPECT_NE(r.out.find("--json"), std::string::npos) << cmd;
  }
}

}  // namespace
}  // namespace rehearse
