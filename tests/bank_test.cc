#include "store/bank.h"

#include <gtest/gtest.h>

#include "importer/guide.h"
#include "store/story_doc.h"
#include "store/migrations.h"
#include "test_util.h"

namespace rehearse {
namespace {

using testing::BuiltinCatalog;
using testing::ReadFixture;
using testing::TempDir;

ParsedGuide Parse(const std::string& text) {
  auto g = ParseGuide(text, "g.md", BuiltinCatalog());
  EXPECT_TRUE(g) << (g ? "" : g.error().message);
  return g ? *g : ParsedGuide{};
}

std::unique_ptr<Bank> OpenOk(const std::string& path, int version = -1) {
  auto b = Bank::Open(path, 100, version);
  EXPECT_TRUE(b) << (b ? "" : b.error().message);
  return b ? std::move(*b) : nullptr;
}

class BankTest : public ::testing::Test {
 protected:
  TempDir dir_;
  std::string db_ = dir_.Path("sub/dir/bank.db");  // Folders are created on open.
};

TEST_F(BankTest, ImportIsIdempotentAndEditsBecomeRevisions) {
  auto bank = OpenOk(db_);
  std::string text = ReadFixture("mini_guide.md");
  auto first = bank->Import(Parse(text), "g.md", "import g.md", DryRun::kNo);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->created, 4);
  EXPECT_TRUE(first->themes_changed);

  auto again = bank->Import(Parse(text), "g.md", "import g.md", DryRun::kNo);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->unchanged, 4);
  EXPECT_EQ(again->created + again->updated, 0);
  EXPECT_FALSE(again->themes_changed);
  EXPECT_EQ(*bank->RevisionCount(), 4);

  std::string edited = text;
  edited.replace(edited.find("700ms"), 5, "600ms");
  auto update = bank->Import(Parse(edited), "g.md", "import g2.md", DryRun::kNo);
  ASSERT_TRUE(update);
  EXPECT_EQ(update->updated, 1);
  EXPECT_EQ(update->unchanged, 3);

  auto history = bank->History("q1");
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].reason, "import g.md");
  EXPECT_EQ((*history)[1].reason, "import g2.md");
  EXPECT_NE((*history)[0].story.sections[3].text.find("700ms"), std::string::npos);
  EXPECT_NE((*history)[1].story.sections[3].text.find("600ms"), std::string::npos);

  // Restoring adds a revision; nothing in between is lost.
  auto restored = bank->Restore("q1", 1);
  ASSERT_TRUE(restored);
  EXPECT_EQ(*restored, 3);
  EXPECT_EQ(bank->History("q1")->size(), 3u);
  EXPECT_NE((*bank->Find("q1"))->sections[3].text.find("700ms"), std::string::npos);
  EXPECT_EQ(*bank->Restore("q1", 1), 3);  // already current: no new revision
  EXPECT_EQ(bank->Restore("q1", 9).error().message, "story \"q1\" has no revision 9 (it has 1 to 3)");
  EXPECT_EQ(bank->Restore("q42", 1).error().message, "no story \"q42\" in the bank");
}

TEST_F(BankTest, DryRunWritesNothing) {
  auto bank = OpenOk(db_);
  auto summary = bank->Import(Parse(ReadFixture("mini_guide.md")), "g.md", "import", DryRun::kYes);
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->created, 4);
  EXPECT_TRUE(bank->Stories()->empty());
  EXPECT_TRUE(bank->Themes()->empty());
}

TEST_F(BankTest, AGuideWithoutAValuesTableKeepsTheBanksValues) {
  auto bank = OpenOk(db_);
  ASSERT_TRUE(bank->Import(Parse(ReadFixture("mini_guide.md")), "g.md", "import", DryRun::kNo));
  // The same stories with no tables at all.
  std::string text = ReadFixture("mini_guide.md");
  text = text.substr(0, text.find("## Values"));
  auto summary = bank->Import(Parse(text), "g.md", "import stories only", DryRun::kNo);
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->unchanged, 4);
  EXPECT_EQ((*bank->Find("q1"))->values.at("amazon").size(), 2u);
  EXPECT_EQ((*bank->Find("q1"))->kind, "normal");
}

TEST_F(BankTest, AnImportThatFailsHalfwayWritesNothing) {
  auto bank = OpenOk(db_);
  {
    auto db = Db::Open(db_, 100);
    ASSERT_TRUE(db);
    // Make the third story's write fail, as a full disk or a crash would.
    ASSERT_TRUE((*db)->Exec("CREATE TRIGGER fail BEFORE INSERT ON story WHEN NEW.key = 'q3' "
                            "BEGIN SELECT RAISE(ABORT, 'simulated failure'); END"));
  }
  auto summary = bank->Import(Parse(ReadFixture("mini_guide.md")), "g.md", "import", DryRun::kNo);
  ASSERT_FALSE(summary);
  EXPECT_NE(summary.error().message.find("simulated failure"), std::string::npos);
  EXPECT_TRUE(bank->Stories()->empty());
  EXPECT_EQ(*bank->RevisionCount(), 0);
  EXPECT_TRUE(bank->Themes()->empty());
}

TEST_F(BankTest, ALockedBankIsAClearErrorAndStaysUntouched) {
  auto bank = OpenOk(db_);
  auto other = Db::Open(db_, 100);
  ASSERT_TRUE(other);
  ASSERT_TRUE((*other)->Exec("BEGIN EXCLUSIVE"));
  auto summary = bank->Import(Parse(ReadFixture("mini_guide.md")), "g.md", "import", DryRun::kNo);
  ASSERT_FALSE(summary);
  EXPECT_EQ(summary.error().message,
            db_ + ": the bank is locked by another rehearse process; try again when it has finished");
  ASSERT_TRUE((*other)->Exec("ROLLBACK"));
  EXPECT_TRUE(bank->Stories()->empty());
}

TEST_F(BankTest, SearchIsStemmedAndSafeFromQuerySyntax) {
  auto bank = OpenOk(db_);
  ASSERT_TRUE(bank->Import(Parse(ReadFixture("mini_guide.md")), "g.md", "import", DryRun::kNo));
  EXPECT_EQ(*bank->Search("heap snapshot"), (std::vector<std::string>{"q3"}));
  EXPECT_EQ(*bank->Search("certifications"), (std::vector<std::string>{"q4"}));  // stemmed
  EXPECT_EQ(*bank->Search("pricing AND \"service"), (std::vector<std::string>{"q1"}));
  EXPECT_TRUE(bank->Search("nothing-like-this-anywhere")->empty());
  EXPECT_TRUE(bank->Search("  ")->empty());
}

TEST_F(BankTest, MigratesFromAnEmptyFileAndFromEveryEarlierVersion) {
  {
    auto fresh = OpenOk(db_);
    auto db = Db::Open(db_, 100);
    EXPECT_EQ(*SchemaVersion(**db), LatestSchemaVersion());
  }
  for (int version = 1; version < LatestSchemaVersion(); ++version) {
    std::string path = dir_.Path("v" + std::to_string(version) + ".db");
    {
      auto old = OpenOk(path, version);
      auto db = Db::Open(path, 100);
      EXPECT_EQ(*SchemaVersion(**db), version);
      // A story as that version wrote it: the story and revision tables date from v1.
      Story s;
      s.key = "q1";
      s.title = "Old question";
      s.framework = "STAR";
      s.sections = {{"Action", "I migrated the ledger"}};
      std::string doc = StoryToDoc(s);
      ASSERT_TRUE((*db)->Exec("INSERT INTO story VALUES ('q1', 1, 'Old question', '', 'STAR', '', '', '', '', '', 'then');"
                              "INSERT INTO story_section VALUES ('q1', 0, 'Action', 'I migrated the ledger')"));
      auto rev = (*db)->Prepare("INSERT INTO story_revision VALUES ('q1', 1, ?1, 'old', 'then')");
      ASSERT_TRUE(rev->Bind(1, doc).Run());
      if (version >= 2) {  // From v2 on, writers keep the search index.
        auto fts = (*db)->Prepare("INSERT INTO story_fts VALUES ('q1', 'Old question', '', 'I migrated the ledger')");
        ASSERT_TRUE(fts->Run());
      }
    }
    auto bank = OpenOk(path);
    auto db = Db::Open(path, 100);
    EXPECT_EQ(*SchemaVersion(**db), LatestSchemaVersion()) << "from " << version;
    EXPECT_EQ((*bank->Find("q1"))->title, "Old question") << "from " << version;
    EXPECT_EQ(*bank->Search("ledger"), (std::vector<std::string>{"q1"})) << "from " << version;
    EXPECT_TRUE(bank->Themes()->empty());
  }
}

TEST_F(BankTest, AStatementPreparedAgainStartsWithoutTheLastOnesBindings) {
  auto db = Db::Open(":memory:", 100);
  ASSERT_TRUE(db);
  {
    auto first = (*db)->Prepare("SELECT ?1, ?2");
    first->Bind(1, "kept").Bind(2, int64_t{7});
    ASSERT_TRUE(*first->Step());
    EXPECT_EQ(first->Text(0), "kept");
    // Left mid-result: the next Prepare of this text must still start from the top.
  }
  auto again = (*db)->Prepare("SELECT ?1, ?2");
  ASSERT_TRUE(*again->Step());
  EXPECT_TRUE(again->IsNull(0));
  EXPECT_TRUE(again->IsNull(1));
  // Two at once of one text are two statements.
  auto other = (*db)->Prepare("SELECT ?1, ?2");
  other->Bind(1, "second");
  ASSERT_TRUE(*other->Step());
  EXPECT_EQ(other->Text(0), "second");
  EXPECT_TRUE(again->IsNull(0));
}

TEST_F(BankTest, AFailedMigrationLeavesTheBankAtItsVersion) {
  {
    auto old = OpenOk(db_, 1);
    auto db = Db::Open(db_, 100);
    // A table the next migration creates, made by hand: that migration fails.
    ASSERT_TRUE((*db)->Exec("CREATE TABLE theme_row (x)"));
  }
  auto bank = Bank::Open(db_, 100);
  ASSERT_FALSE(bank);
  auto db = Db::Open(db_, 100);
  EXPECT_EQ(*SchemaVersion(**db), 1);
}

TEST_F(BankTest, RefusesABankFromTheFutureAndFilesThatAreNotBanks) {
  OpenOk(db_);
  {
    auto db = Db::Open(db_, 100);
    ASSERT_TRUE((*db)->Exec("PRAGMA user_version = 999"));
  }
  auto bank = Bank::Open(db_, 100);
  ASSERT_FALSE(bank);
  EXPECT_NE(bank.error().message.find("newer than this rehearse knows"), std::string::npos);
  dir_.Write("notes.txt", std::string(4096, 'x'));
  auto notdb = Bank::Open(dir_.Path("notes.txt"), 100);
  ASSERT_FALSE(notdb);
  EXPECT_EQ(notdb.error().message, dir_.Path("notes.txt") + ": not a rehearse bank (not an SQLite database)");
}

TEST(BankPathTest, FlagThenEnvironmentThenXdg) {
  EXPECT_EQ(DefaultBankPath("/x/flag.db"), "/x/flag.db");
  setenv("REHEARSE_DB", "/x/env.db", 1);
  EXPECT_EQ(DefaultBankPath(""), "/x/env.db");
  unsetenv("REHEARSE_DB");
  setenv("XDG_DATA_HOME", "/x/xdg", 1);
  EXPECT_EQ(DefaultBankPath(""), "/x/xdg/rehearse/rehearse.db");
  unsetenv("XDG_DATA_HOME");
}

}  // namespace
}  // namespace rehearse

namespace rehearse {
namespace {

TEST(BankSaveTest, ConcurrentSavesNeverLoseAnEdit) {
  testing::TempDir dir;
  auto a = Bank::Open(dir.Path("b.db"), 100);
  auto b = Bank::Open(dir.Path("b.db"), 100);
  ASSERT_TRUE(a && b);
  Story s;
  s.key = "q1";
  s.title = "Q?";
  s.framework = "STAR";
  s.sections = {{"Action", "First."}};
  auto created = (*a)->Save(s, 0, "ui");
  ASSERT_TRUE(created);
  EXPECT_EQ(created->rev, 1);
  EXPECT_TRUE(created->changed);
  // Two editors opened revision 1; the first save wins, the second is refused.
  Story mine = s, theirs = s;
  mine.sections[0].text = "Mine.";
  theirs.sections[0].text = "Theirs.";
  auto first = (*a)->Save(mine, 1, "ui");
  auto second = (*b)->Save(theirs, 1, "ui");
  ASSERT_TRUE(first && second);
  EXPECT_FALSE(first->conflict);
  EXPECT_EQ(first->rev, 2);
  EXPECT_TRUE(second->conflict);
  EXPECT_EQ(second->rev, 2);
  EXPECT_EQ((*b)->Find("q1")->value().sections[0].text, "Mine.");
  // Saving again on top of the current revision works; nothing was lost.
  auto retry = (*b)->Save(theirs, 2, "ui");
  ASSERT_TRUE(retry);
  EXPECT_EQ(retry->rev, 3);
  EXPECT_EQ((*a)->History("q1")->size(), 3u);
  auto same = (*a)->Save(theirs, 3, "ui");
  EXPECT_FALSE(same->changed);
  EXPECT_EQ(same->rev, 3);
}

}  // namespace
}  // namespace rehearse
