#include "model/labels.h"

#include <gtest/gtest.h>

#include <fstream>

#include "test_util.h"

namespace rehearse {
namespace {

using testing::BuiltinCatalog;
using testing::TempDir;

TEST(LabelsTest, NormalizeDropsDressKeepsWords) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"### ✅ **S - Situation**", "s situation"},
      {"Lessons Learned:", "lessons learned"},
      {"🎯 **Task:**", "task"},
      {"⚙️ Action", "action"},
      {"- **A** :", "a"},
      {"Results & Impact —", "results and impact"},
      {"What I'd do differently", "what id do differently"},
      {"  **Context**  ", "context"},
      {"🏁", ""},
  };
  for (auto [written, want] : cases) EXPECT_EQ(NormalizeLabel(written), want) << written;
}

// Each row: a label as written, the framework, the section it must land in ("" = none).
TEST(LabelsTest, MapsLabelsOntoTheStorysFramework) {
  const Catalog& c = BuiltinCatalog();
  struct Case {
    std::string_view written, framework, want;
  };
  const Case cases[] = {
      {"Situation", "STAR", "Situation"},      {"**Background**", "STAR", "Situation"},
      {"Context", "STAR", "Situation"},        {"Context", "CARL", "Context"},
      {"Goal", "STAR", "Task"},                {"Objective:", "STAR", "Task"},
      {"Approach", "STAR", "Action"},          {"Actions taken", "PAR", "Action"},
      {"Outcome", "STAR", "Result"},           {"Impact", "CAR", "Result"},
      {"Lesson", "CARL", "Learning"},          {"Key takeaway", "CARL", "Learning"},
      {"Lesson", "STAR", ""},                  {"Challenge", "CAR", "Challenge"},
      {"Challenge", "SOAR", "Obstacle"},       {"Challenge", "STAR", "Situation"},
      {"Problem", "PAR", "Problem"},           {"Obstacle", "SOAR", "Obstacle"},
      {"Root cause", "CARL", "Context"},       {"Observation", "CARL", "Context"},
      {"S", "STAR", "Situation"},              {"T", "STAR", "Task"},
      {"A", "CAR", "Action"},                  {"R", "PAR", "Result"},
      {"L", "CARL", "Learning"},               {"O", "SOAR", "Obstacle"},
      {"X", "STAR", ""},                       {"S - Situation", "STAR", "Situation"},
      {"Situation (S)", "STAR", "Situation"},  {"✅ **R - Result**", "STAR", "Result"},
      {"Leadership Principles", "STAR", ""},   {"Project", "STAR", ""},
  };
  for (const auto& k : cases) {
    const Framework* f = c.FindFramework(k.framework);
    ASSERT_NE(f, nullptr);
    int i = MapLabel(k.written, *f, c.labels, c.frameworks);
    std::string got = i < 0 ? "" : f->sections[static_cast<size_t>(i)].name;
    EXPECT_EQ(got, k.want) << k.written << " in " << k.framework;
  }
}

TEST(LabelsTest, KnownLabelsAcrossFrameworks) {
  const Catalog& c = BuiltinCatalog();
  EXPECT_TRUE(IsKnownLabel("Lessons learned", c.labels, c.frameworks));
  EXPECT_TRUE(IsKnownLabel("Go through", c.labels, c.frameworks));
  EXPECT_FALSE(IsKnownLabel("Artifacts", c.labels, c.frameworks));
  EXPECT_FALSE(IsKnownLabel("Tags", c.labels, c.frameworks));
}

TEST(LabelsTest, UserVocabularyExtendsAndComesFirst) {
  TempDir dir;
  std::ofstream(dir.path() + "/labels.toml") << "[[label]]\nsection = \"Result\"\nnames = [\"So what\"]\n";
  auto c = LoadCatalog(dir.path());
  ASSERT_TRUE(c) << c.error().message;
  ASSERT_FALSE(c->labels.entries.empty());
  EXPECT_EQ(c->labels.entries.front().section, "Result");
  EXPECT_EQ(MapLabel("So what:", *c->FindFramework("STAR"), c->labels, c->frameworks), 3);
}

TEST(LabelsTest, BadVocabularyNamesFileLineColumn) {
  TempDir dir;
  std::ofstream(dir.path() + "/labels.toml") << "[[label]]\nsection = \"Epilogue\"\nnames = [\"After\"]\n";
  auto c = LoadCatalog(dir.path());
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().message, dir.path() + "/labels.toml:2:11: \"Epilogue\" is no framework's section name");
  std::ofstream(dir.path() + "/labels.toml", std::ios::trunc) << "[[label]]\nsection = \"Result\"\nnames = [\"🏁\"]\n";
  c = LoadCatalog(dir.path());
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().message, dir.path() + "/labels.toml:3:10: \"🏁\" has no letters to read as a label");
}

}  // namespace
}  // namespace rehearse
