#include "importer/native.h"

#include <gtest/gtest.h>

#include "importer/guide.h"
#include "test_util.h"

namespace rehearse {
namespace {

using testing::BuiltinCatalog;
using testing::ReadFixture;

std::string Export(const ParsedGuide& g) { return WriteNative(g.stories, g.themes, BuiltinCatalog()); }

ParsedGuide Parse(const std::string& text) {
  auto g = ParseGuide(text, "x.md", BuiltinCatalog());
  EXPECT_TRUE(g) << (g ? "" : g.error().message);
  return g ? *g : ParsedGuide{};
}

TEST(NativeTest, ExportIsReadBackIntoTheSameStories) {
  for (const std::string& text : {ReadFixture("mini_guide.md"), std::string(*BuiltinFile("demo/guide.md"))}) {
    ParsedGuide original = Parse(text);
    std::string first = Export(original);
    ParsedGuide again = Parse(first);
    EXPECT_TRUE(again.warnings.empty() || again.warnings[0].message.find("Be Bold") != std::string::npos);
    ASSERT_EQ(again.stories.size(), original.stories.size());
    for (size_t i = 0; i < original.stories.size(); ++i) EXPECT_EQ(again.stories[i], original.stories[i]);
    EXPECT_EQ(again.themes, original.themes);
    EXPECT_EQ(Export(again), first);  // byte-identical
  }
}

TEST(NativeTest, WritesAFrontMatterAndEscapesTableCells) {
  Story s;
  s.key = "q7";
  s.title = "Pipes | and more?";
  s.framework = "CAR";
  s.sections = {{"Challenge", "A | B"}, {"Action", "- I did"}, {"Result", "3x"}};
  s.values["amazon"] = {ValueTag{"Dive Deep", "a|b", 0}};
  s.kind = "grilling";
  s.category = "Odd | cat";
  std::vector<ThemeRow> themes = {{"T|1", "q7", "Lab|el", "", ""}};
  std::string out = WriteNative({s}, themes, BuiltinCatalog());
  EXPECT_EQ(out.rfind("---\nrehearse: story-bank\nversion: 1\n---\n", 0), 0u);
  EXPECT_NE(out.find("| Dive Deep | Q7 (a\\|b) |"), std::string::npos) << out;
  ParsedGuide back = Parse(out);
  ASSERT_EQ(back.stories.size(), 1u);
  EXPECT_EQ(back.stories[0], s);
  EXPECT_EQ(back.themes, themes);
  EXPECT_EQ(WriteNative(back.stories, back.themes, BuiltinCatalog()), out);
}

TEST(NativeTest, BoldTextWithAColonInsideASectionStaysText) {
  // Text the reader would take for a label or metadata line is escaped, so a section
  // keeps its text and no section "Owner" appears on the way back.
  Story s;
  s.key = "q3";
  s.title = "A slow report";
  s.framework = "STAR";
  s.sections = {{"Situation", "The report took nine seconds\n**Owner:** nobody for a year"},
                {"Action", "**Framework: none** was agreed\n```\n**Kept:** in code\n```"}};
  std::string out = WriteNative({s}, {}, BuiltinCatalog());
  EXPECT_NE(out.find("**Situation:**\nThe report took nine seconds\n\\**Owner:** nobody for a year\n"), std::string::npos) << out;
  EXPECT_NE(out.find("**Action:** **Framework: none** was agreed\n```\n**Kept:** in code\n```\n"), std::string::npos) << out;
  ParsedGuide back = Parse(out);
  ASSERT_EQ(back.stories.size(), 1u);
  ASSERT_EQ(back.stories[0].sections.size(), 2u);
  EXPECT_EQ(back.stories[0].sections[0].text, "The report took nine seconds\n\\**Owner:** nobody for a year");
  EXPECT_EQ(back.stories[0].sections[1].text, "\\**Framework: none** was agreed\n```\n**Kept:** in code\n```");
  EXPECT_EQ(WriteNative(back.stories, back.themes, BuiltinCatalog()), out);
}

TEST(NativeTest, NotesThatStartWithALabelLineAndATable) {
  // The notes' first line reads as a label, so it goes on the Notes line; the table
  // header under it then sits right below a label line, which cmark-gfm reads as one
  // block with the table. The export still reads back as written.
  Story s;
  s.key = "q4";
  s.title = "Re-planning routes";
  s.framework = "STAR";
  s.sections = {{"Task", "Make a re-plan take under half a second."}};
  s.notes = "**Situation:**\nRe-plans by depot | before | after |\n|---|---|---|\n| Leeds | 4.1 s | 0.4 s |";
  std::string out = WriteNative({s}, {}, BuiltinCatalog());
  ParsedGuide back = Parse(out);
  ASSERT_EQ(back.stories.size(), 1u);
  // Escaped, as text read from a label's line that reads as a label always is.
  EXPECT_EQ(back.stories[0].notes, "\\" + s.notes);
  ASSERT_EQ(back.stories[0].sections.size(), 1u);
  EXPECT_EQ(back.stories[0].sections[0].text, "Make a re-plan take under half a second.");
  EXPECT_EQ(WriteNative(back.stories, back.themes, BuiltinCatalog()), out);
}

}  // namespace
}  // namespace rehearse
