// Importing guides into a bank as a user does: keys that stay unique across guides,
// the preview, other file formats, and files that are not guides at all.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>

#include "importer/guide.h"
#include "importer/native.h"
#include "store/bank.h"
#include "test_util.h"

namespace rehearse {
namespace {

using nlohmann::json;
using testing::BuiltinCatalog;
using testing::ReadFixture;
using testing::TempDir;

ParsedGuide Parse(const std::string& text) {
  auto g = ParseGuide(text, "g.md", BuiltinCatalog());
  EXPECT_TRUE(g) << (g ? "" : g.error().message);
  return g ? *g : ParsedGuide{};
}

std::string Story(int n, const std::string& title, const std::string& action) {
  return "### Q" + std::to_string(n) + ": " + title + "\n\n**Situation:**\nA team needed help.\n\n**Action:**\n" + action +
         "\n\n**Result:**\nIt worked 3 times out of 3.\n\n";
}

TEST(ImportTest, ASecondGuideNeverReplacesTheFirstGuidesStories) {
  auto bank = Bank::Open(":memory:");
  ASSERT_TRUE(bank);
  const std::string a = Story(1, "Tell me about a migration.", "I moved the ledger.") +
                        Story(2, "Tell me about a conflict.", "I listened first.");
  auto first = (*bank)->Import(Parse(a), "a.md", "import a.md", DryRun::kNo);
  ASSERT_TRUE(first) << first.error().message;
  // Guide B numbers its stories from 1 too: they are other stories, with keys of their own.
  const std::string b = "## Story 1: The pager rotation\n\n- S: 40 pages a week.\n- A: I deleted noisy alerts.\n"
                        "- R: 9 pages a week.\n\n## Story 2: The audit\n\n- S: An audit was due.\n- A: I wrote the "
                        "evidence scripts.\n- R: Passed in 2 weeks.\n";
  auto second = (*bank)->Import(Parse(b), "b.md", "import b.md", DryRun::kNo);
  ASSERT_TRUE(second) << second.error().message;
  ASSERT_EQ(second->imported.size(), 2u);
  EXPECT_EQ(second->imported[0].key, "q3");
  EXPECT_EQ(second->imported[0].guide_key, "q1");
  EXPECT_EQ(second->imported[0].status, "new");
  EXPECT_EQ(second->imported[1].key, "q4");
  EXPECT_EQ((*(*bank)->Find("q1"))->title, "Tell me about a migration.");
  EXPECT_EQ((*(*bank)->Find("q3"))->title, "The pager rotation");
  // Guide B again, edited: its own stories are updated, A's are untouched.
  std::string edited = b;
  edited.replace(edited.find("I deleted noisy alerts."), 23, "I deleted 31 noisy alerts.");
  auto again = (*bank)->Import(Parse(edited), "b.md", "import b.md", DryRun::kNo);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->imported[0].key, "q3");
  EXPECT_EQ(again->imported[0].status, "updated");
  EXPECT_EQ(again->imported[1].status, "unchanged");
  EXPECT_EQ(*(*bank)->CurrentRev("q1"), 1);
  EXPECT_EQ(*(*bank)->CurrentRev("q3"), 2);
  // Guide A again: unchanged, still q1 and q2.
  auto a_again = (*bank)->Import(Parse(a), "a.md", "import a.md", DryRun::kNo);
  ASSERT_TRUE(a_again);
  EXPECT_EQ(a_again->unchanged, 2);
  EXPECT_EQ(a_again->imported[0].key, "q1");
  EXPECT_EQ((*(*bank)->Stories()).size(), 4u);
}

TEST(ImportTest, TheGuidesQuestionsJoinTheUsersOwnOnce) {
  auto bank = Bank::Open(":memory:");
  ASSERT_TRUE(bank);
  const std::string guide = Story(1, "Tell me about a migration.", "I moved the ledger.") +
                            "## Questions to practise\n\n- How do you handle conflict?\n- Why do you want this role?\n";
  auto first = (*bank)->Import(Parse(guide), "a.md", "import a.md", DryRun::kNo);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->questions, 3);      // The story's own question counts...
  EXPECT_EQ(first->questions_new, 2);  // ... but the story keeps it as its title.
  auto again = (*bank)->Import(Parse(guide), "a.md", "import a.md", DryRun::kNo);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->questions_new, 0);
  auto questions = (*bank)->Questions();
  ASSERT_TRUE(questions);
  ASSERT_EQ(questions->size(), 2u);
  EXPECT_EQ((*questions)[0].text, "How do you handle conflict?");
  EXPECT_EQ((*questions)[0].source, "a.md");
}

// Whatever the importer makes of a guide, the native export reads back into the same
// export: outlines, inferred sections, versions and the user's questions included.
TEST(ImportTest, EverythingAGuideGivesRoundTripsThroughTheExport) {
  const std::string guide =
      "1. Tell me about a slow system you sped up.\n\nI had inherited a report that took a whole night to run, and "
      "the finance team waited for it every morning. I profiled it, found one query that scanned every invoice ever "
      "written, and I added a date index. After that it finished in twenty minutes.\n\n"
      "2. A time you owned something end to end\nthe badge reader rollout\n\n3. What is your biggest weakness?\n\n"
      "## Cold start (STAR)\n\n**Situation:** The app took 6 s to open.\n\n**Action:** I deferred three SDKs.\n\n"
      "## Cold start (SOAR)\n\n**Situation:** The app took 6 s to open.\n\n**Obstacle:** Marketing needed every "
      "SDK.\n\n**Action:** I deferred three SDKs.\n";
  ParsedGuide g = Parse(guide);
  ASSERT_EQ(g.stories.size(), 4u);
  std::vector<UserQuestion> questions;
  for (const auto& q : g.questions) questions.push_back({q.text, q.stories, q.company, q.value, "g.md"});
  std::string first = WriteNative(g.stories, g.themes, BuiltinCatalog(), questions);
  EXPECT_NE(first.find("**Inferred: "), std::string::npos);
  EXPECT_NE(first.find("**Versions: Q4**"), std::string::npos);
  EXPECT_NE(first.find("| What is your biggest weakness? |  |  |"), std::string::npos);
  auto back = ParseGuide(first, "export.md", BuiltinCatalog());
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->stories, g.stories);
  std::vector<UserQuestion> again;
  for (const auto& q : back->questions) again.push_back({q.text, q.stories, q.company, q.value, "g.md"});
  EXPECT_EQ(WriteNative(back->stories, back->themes, BuiltinCatalog(), again), first);
}

// A code fence left open inside a list item or a quote is closed where it was opened,
// so that the rest of the export is not swallowed by it.
TEST(ImportTest, AnOpenFenceInsideAContainerClosesInsideIt) {
  for (const std::string text : {"### Q1:d\n**A:**- s\n  ~~~", "### Q1: x\n\n**Action:**\n> ```\n> code",
                                 "### Q1: x\n\n**Action:**\n1. step\n   - ~~~~\n     kept\n"}) {
    SCOPED_TRACE(text);
    ParsedGuide g = Parse(text);
    ASSERT_EQ(g.stories.size(), 1u);
    std::string first = WriteNative(g.stories, g.themes, BuiltinCatalog());
    auto back = ParseGuide(first, "export.md", BuiltinCatalog());
    ASSERT_TRUE(back) << back.error().message << "\n" << first;
    EXPECT_EQ(WriteNative(back->stories, back->themes, BuiltinCatalog()), first);
  }
}

struct Outcome {
  int code = -1;
  std::string out, err;
};

class ImportCliTest : public ::testing::Test {
 protected:
  Outcome Rehearse(const std::string& args, const std::string& env = "") {
    std::string cmd = env + " '" + std::string(REHEARSE_BIN) + "' " + args + " --db '" + db_ + "' >'" +
                      dir_.Path("out") + "' 2>'" + dir_.Path("err") + "' </dev/null";
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

TEST_F(ImportCliTest, ThePreviewShowsEverythingAndWritesNothing) {
  dir_.Write("g.md",
             "# My prep\n\n### Capacity for the sale\n\n**Context**  \nTraffic would triple.\n\n**Goal**  \nFind the "
             "smallest safe fleet.\n\n**Approach**  \nI load-tested one pod.\n\n**Outcome**  \n30% fewer hosts.\n\n"
             "### Tell me about a time you failed.\n\nI shipped a migration without a dry run, and the ledger was down "
             "for two hours on a Saturday. I told my manager at once, restored from the backup and wrote a checklist "
             "that every migration now follows, and we have not had a failed one since then.\n\n"
             "## Checklist\n\n- [ ] Sleep\n- [ ] Water\n");
  Outcome r = Rehearse("import --dry-run '" + dir_.Path("g.md") + "'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out,
            "Would import " + dir_.Path("g.md") +
                ": 2 stories (2 new, 0 updated, 0 unchanged), 1 question, 0 value mappings, 0 themes\n"
                "  q1    new       STAR  Capacity for the sale  (line 3)\n"
                "        Situation (Context) · Task (Goal) · Action (Approach) · Result (Outcome)\n"
                "  q2    new       STAR  Tell me about a time you failed.  (line 17)\n"
                "        Action (found) · Result (found)\n"
                "Questions (1):\n"
                "  Tell me about a time you failed.  -> q2\n");
  EXPECT_EQ(r.err, dir_.Path("g.md") + ":23: warning: section \"Checklist\" not imported (a checklist)\n");
  Outcome json_run = Rehearse("import --dry-run --json '" + dir_.Path("g.md") + "'");
  json j = json::parse(json_run.out);
  EXPECT_EQ(j["stories"], 2);
  EXPECT_EQ(j["story_list"][0]["sections"][1]["written"], "Goal");
  EXPECT_EQ(j["story_list"][0]["framework_reason"], "labels Context, Goal, Approach, Outcome");
  EXPECT_EQ(j["story_list"][1]["sections"][0]["inferred"], true);
  EXPECT_EQ(j["warnings"][0]["where"], dir_.Path("g.md") + ":23");
  EXPECT_EQ(Rehearse("stories --json").out, "[]\n");
  // The user's choices from the preview: skip one story, read the other as CAR.
  Outcome chosen = Rehearse("import --skip 17 --use 3=CAR '" + dir_.Path("g.md") + "'");
  ASSERT_EQ(chosen.code, 0) << chosen.err;
  json stories = json::parse(Rehearse("stories --json").out);
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0]["framework"], "CAR");
  EXPECT_EQ(Rehearse("import --use 3=WXYZ '" + dir_.Path("g.md") + "'").err,
            "rehearse: error: import: --use 3=WXYZ: no such framework\n");
}

TEST_F(ImportCliTest, FilesThatAreNotGuidesAreRefusedAndChangeNothing) {
  ASSERT_EQ(Rehearse("import '" + Fixture("mini_guide.md") + "'").code, 0);
  std::string before = Rehearse("export").out;
  dir_.Write("photo.md", std::string("\x89PNG\r\n\x1a\n", 8) + "rest");
  dir_.Write("scan.txt", "%PDF-1.7\n...");
  dir_.Write("guide.docx", "# Not really Word\n");
  dir_.Write("binary.md", std::string("abc\0def", 7));
  dir_.Write("template.md", ReadFixture("guides/16-template.md"));
  {
    std::ofstream big(dir_.Path("huge.md"), std::ios::binary);
    std::string line(1023, 'x');
    line += '\n';
    for (int i = 0; i < 11 * 1024; ++i) big << line;
  }
  struct Case {
    std::string file, error;
  };
  const Case cases[] = {
      {"photo.md", "photo.md: an image (png), not a guide; rehearse reads text: .md, .txt, .docx, .odt, .html or .rtf"},
      {"scan.txt", "scan.txt: a PDF, which rehearse cannot read; save the guide as .docx, .md or .txt and import that"},
      {"guide.docx", "guide.docx: not a Word document (a .docx file is a zip archive; this one is not); save it again "
                     "from your editor, or as Markdown"},
      {"binary.md", "binary.md:1: binary data (a NUL byte); expected a Markdown text file"},
      {"huge.md", "huge.md: 11.0 MB; a guide can be at most 10 MB"},
      {"template.md", "template.md:1: no stories or questions found; it is a template (2 story skeletons of "
                      "placeholders). rehearse reads a story as a title (a heading, a numbered question, a table row) "
                      "followed by section labels (Situation:, **S** \u2014, ### Action) or by a written answer; see "
                      "\"Guides rehearse reads\" in the README"},
  };
  for (const auto& c : cases) {
    Outcome r = Rehearse("import '" + dir_.Path(c.file) + "'");
    EXPECT_EQ(r.code, 1) << c.file;
    EXPECT_EQ(r.err, "rehearse: error: " + dir_.path() + "/" + c.error + "\n") << c.file;
  }
  EXPECT_EQ(Rehearse("export").out, before);
}

TEST_F(ImportCliTest, WordOpenDocumentRtfAndWebPagesAreReadThroughPandoc) {
  Outcome docx = Rehearse("import --json '" + Fixture("guides/02-amazon-stories-word.docx") + "'");
  ASSERT_EQ(docx.code, 0) << docx.err;
  EXPECT_EQ(json::parse(docx.out)["stories"], 5);
  Outcome html = Rehearse("import --json '" + Fixture("guides/07-lp-table-web.html") + "'");
  ASSERT_EQ(html.code, 0) << html.err;
  EXPECT_EQ(json::parse(html.out)["stories"], 5);
  // An OpenDocument and an RTF file made from a Markdown guide the way a user's editor would.
  for (const std::string ext : {"odt", "rtf"}) {
    std::string out = dir_.Path("guide." + ext);
    std::string cmd = "pandoc --standalone -f markdown -o '" + out + "' '" + Fixture("guides/01-story-headings.md") + "'";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << "pandoc is part of the set-up (scripts/setup)";
    Outcome r = Rehearse("import --dry-run --json '" + out + "'");
    ASSERT_EQ(r.code, 0) << r.err;
    json j = json::parse(r.out);
    EXPECT_EQ(j["stories"], 5) << ext;
    // Lines are those of the Markdown pandoc made, and the messages say so.
    for (const auto& w : j["warnings"]) EXPECT_EQ(w["where"].get<std::string>().rfind(out + " (as Markdown):", 0), 0u);
  }
  // Without pandoc: a clear error that names the package.
  Outcome missing = Rehearse("import '" + Fixture("guides/02-amazon-stories-word.docx") + "'", "PATH=/nonexistent");
  EXPECT_EQ(missing.code, 1);
  EXPECT_EQ(missing.err, "rehearse: error: " + Fixture("guides/02-amazon-stories-word.docx") +
                             ": reading .docx files needs pandoc, which is not installed (Debian package \"pandoc\": "
                             "sudo apt install pandoc); or save the guide as Markdown (.md)\n");
}

}  // namespace
}  // namespace rehearse
