// The pre-interview routes of the HTTP API: printable exports, the checklist and the
// company notes, with the same guards as every route.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "export/anki.h"
#include "server_fixture.h"

namespace rehearse {
namespace {

using nlohmann::json;

TEST_F(ServerTest, ExportsTheCheatSheetAndTheAnkiDeck) {
  auto c = Client();
  ASSERT_EQ(c.Post("/api/import?demo=1", "", "text/markdown")->status, 200);
  auto html = c.Get("/api/export?format=html&company=amazon&paper=letter");
  ASSERT_TRUE(html);
  EXPECT_EQ(html->status, 200);
  EXPECT_EQ(html->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(html->get_header_value("Content-Disposition"), "attachment; filename=\"rehearse-cheatsheet.html\"");
  EXPECT_EQ(html->get_header_value("Content-Security-Policy"), "default-src 'none'; style-src 'unsafe-inline'");
  EXPECT_NE(html->body.find("@page { size: letter;"), std::string::npos);
  EXPECT_NE(html->body.find("data-key=\"q11\""), std::string::npos);

  auto anki = c.Get("/api/export?format=anki");
  ASSERT_TRUE(anki);
  EXPECT_EQ(anki->status, 200);
  EXPECT_EQ(anki->get_header_value("Content-Disposition"), "attachment; filename=\"rehearse-anki.txt\"");
  auto deck = ParseAnki(anki->body);
  ASSERT_TRUE(deck) << deck.error().message;
  EXPECT_GE(deck->cards.size(), 11u);
  // Other routes keep the app's policy.
  EXPECT_EQ(c.Get("/api/health")->get_header_value("Content-Security-Policy").rfind("default-src 'none'; script-src", 0), 0u);

  auto bad = c.Get("/api/export?format=html&company=initech");
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(json::parse(bad->body)["error"], "unknown company \"initech\" (see: rehearse companies)");
  EXPECT_EQ(c.Get("/api/export?format=pdf")->status, 400);
  EXPECT_EQ(c.Get("/api/export?format=html&paper=a3")->status, 400);
}

TEST_F(ServerTest, ChecklistAndNotes) {
  auto c = Client();
  auto empty = c.Get("/api/checklist?company=google");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 200);
  json before = json::parse(empty->body);
  EXPECT_EQ(before["company"], "google");
  EXPECT_EQ(before["items"][6]["id"], "questions");
  EXPECT_EQ(before["items"][6]["done"], false);
  // The next step in words for any interface; the command line for the CLI; the
  // place where the web app does it.
  EXPECT_EQ(before["items"][6]["next_step"], "Write down three or four questions for the interviewer");
  EXPECT_EQ(before["items"][6]["command"], "rehearse notes --company google --kind questions --set FILE");
  EXPECT_EQ(before["items"][6]["actions"],
            json::parse(R"([{"label":"Write them in the questions box","place":"notes","arg":"questions"}])"));
  for (const auto& item : before["items"]) {
    EXPECT_EQ(item["next_step"].get<std::string>().find("rehearse "), std::string::npos) << item["id"];
    EXPECT_EQ(item["actions"].empty(), item["done"].get<bool>()) << item["id"];
  }

  auto put = c.Put("/api/notes?company=google&kind=questions", R"({"text":"What does a good first month look like?"})",
                   "application/json");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 200);
  EXPECT_EQ(json::parse(put->body)["rev"], 1);
  json one = json::parse(c.Get("/api/notes?company=google&kind=questions")->body);
  EXPECT_EQ(one["text"], "What does a good first month look like?");
  json all = json::parse(c.Get("/api/notes?company=Google")->body);
  EXPECT_EQ(all["notes"].size(), 3u);
  json after = json::parse(c.Get("/api/checklist?company=google")->body);
  EXPECT_EQ(after["items"][6]["done"], true);
  EXPECT_EQ(after["done"], before["done"].get<int>() + 1);

  struct Case {
    std::string path, body;
    int status;
    std::string error;
  };
  const Case cases[] = {
      {"/api/notes?company=initech&kind=news", R"({"text":"x"})", 400, "unknown company \"initech\" (see GET /api/companies)"},
      {"/api/notes?company=google&kind=gossip", R"({"text":"x"})", 400, "unknown note kind \"gossip\" (questions, news or notes)"},
      {"/api/notes?company=google", R"({"text":"x"})", 400, "kind is required: questions, news or notes"},
      {"/api/notes?company=google&kind=news", R"({"words":"x"})", 400, "\"text\" must be a string"},
      {"/api/notes?company=google&kind=news", std::string(options_.max_body + 1, 'x'), 413,
       "request body over " + std::to_string(options_.max_body) + " bytes"},
  };
  for (const auto& k : cases) {
    auto r = c.Put(k.path, k.body, "application/json");
    ASSERT_TRUE(r) << k.path;
    EXPECT_EQ(r->status, k.status) << k.path;
    EXPECT_EQ(json::parse(r->body)["error"], k.error) << k.path;
  }
  EXPECT_EQ(c.Get("/api/checklist?company=initech")->status, 400);

  httplib::Client anonymous("127.0.0.1", port_);
  EXPECT_EQ(anonymous.Get("/api/checklist?company=google")->status, 401);
  EXPECT_EQ(anonymous.Put("/api/notes?company=google&kind=news", R"({"text":"x"})", "application/json")->status, 401);
}

}  // namespace
}  // namespace rehearse
