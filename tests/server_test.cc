// The HTTP server, over a real socket on 127.0.0.1: the API answers as the CLI does,
// and the security rules hold.

#include "server/server.h"

#include <gtest/gtest.h>
#include <fmt/format.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "server_fixture.h"
#include "test_util.h"

namespace rehearse {
namespace {

using nlohmann::json;
using testing::BuiltinCatalog;
using testing::TempDir;

TEST_F(ServerTest, HealthAndLintAnswerAsTheCliDoes) {
  auto c = Client();
  auto health = c.Get("/api/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(json::parse(health->body)["ok"], true);
  EXPECT_EQ(health->get_header_value("Content-Security-Policy").rfind("default-src 'none'", 0), 0u);

  auto lint = c.Post("/api/lint", R"({"framework":"STAR","text":"Action: I fixed it, it wasn't my fault.\nResult: 2x faster."})",
                     "application/json");
  ASSERT_TRUE(lint);
  EXPECT_EQ(lint->status, 200);
  json j = json::parse(lint->body);
  EXPECT_EQ(j["findings"][1]["rule"], "blame");
  EXPECT_EQ(j["findings"][1]["start"], 20);
  EXPECT_EQ(j["stats"]["words"], 11);

  auto bad = c.Post("/api/lint", R"({"framework":"XYZ","text":"Action: I did."})", "application/json");
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(json::parse(bad->body)["error"], "unknown framework \"XYZ\" (known: STAR, CAR, SOAR, CARL, PAR, DIGS)");
  auto garbage = c.Post("/api/lint", "{not json", "application/json");
  EXPECT_EQ(garbage->status, 400);
}

TEST_F(ServerTest, SecurityRulesHold) {
  httplib::Client anonymous("127.0.0.1", port_);
  EXPECT_EQ(anonymous.Get("/api/health")->status, 401);
  httplib::Client wrong("127.0.0.1", port_);
  wrong.set_bearer_token_auth("nope");
  EXPECT_EQ(wrong.Get("/api/stories")->status, 401);

  auto c = Client();
  httplib::Headers rebinding = {{"Host", "evil.example:" + std::to_string(port_)}};
  EXPECT_EQ(c.Get("/api/health", rebinding)->status, 403);
  httplib::Headers cross_site = {{"Origin", "http://evil.example"}};
  EXPECT_EQ(c.Post("/api/import", cross_site, "### Q1: x\n\n**Action:**\ny\n", "text/markdown")->status, 403);
  httplib::Headers same_site = {{"Origin", "http://127.0.0.1:" + std::to_string(port_)}};
  EXPECT_EQ(c.Get("/api/health", same_site)->status, 200);

  std::string big(options_.max_body + 1, 'x');
  EXPECT_EQ(c.Post("/api/lint", big, "application/json")->status, 413);

  EXPECT_EQ(c.Get("/../../etc/passwd")->status, 404);
  EXPECT_EQ(c.Get("/%2e%2e/%2e%2e/etc/passwd")->status, 404);
  EXPECT_EQ(c.Get("/api/nothing")->status, 404);
  auto page = c.Get("/");
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<title>rehearse</title>"), std::string::npos);
}

TEST_F(ServerTest, ImportEditSaveAndRestore) {
  auto c = Client();
  auto imported = c.Post("/api/import?demo=1", "", "text/plain");
  ASSERT_EQ(imported->status, 200) << imported->body;
  EXPECT_EQ(json::parse(imported->body)["stories"], 11);

  auto story = json::parse(c.Get("/api/stories/q5")->body);
  EXPECT_EQ(story["rev"], 1);
  json edit = {{"rev", 1}, {"title", story["title"]}, {"project", ""}, {"framework", "STAR"},
               {"sections", story["sections"]}, {"notes", "Practise the opening."}};
  auto saved = c.Put("/api/stories/q5", edit.dump(), "application/json");
  ASSERT_EQ(saved->status, 200) << saved->body;
  EXPECT_EQ(json::parse(saved->body)["rev"], 2);
  // A second editor still on revision 1 is refused, not silently overwritten.
  edit["notes"] = "Someone else's note.";
  auto stale = c.Put("/api/stories/q5", edit.dump(), "application/json");
  EXPECT_EQ(stale->status, 409);
  EXPECT_EQ(json::parse(c.Get("/api/stories/q5")->body)["notes"], "Practise the opening.");

  auto history = json::parse(c.Get("/api/stories/q5/history")->body);
  EXPECT_EQ(history["revisions"].size(), 2u);
  auto restored = c.Post("/api/stories/q5/restore", R"({"rev":1})", "application/json");
  EXPECT_EQ(json::parse(restored->body)["rev"], 3);
  EXPECT_EQ(json::parse(c.Get("/api/stories/q5")->body)["notes"], "");

  auto match = c.Post("/api/match", R"({"question":"Tell me about a time you disagreed with another team.","top":2})",
                      "application/json");
  EXPECT_EQ(json::parse(match->body)["stories"][0]["key"], "q7");
  auto plan = c.Get("/api/plan?company=amazon");
  EXPECT_EQ(json::parse(plan->body)["values"].size(), 16u);
  auto md = c.Get("/api/export?format=md");
  EXPECT_EQ(md->body.rfind("---\nrehearse: story-bank\n", 0), 0u);
  EXPECT_EQ(c.Get("/api/stories/q99")->status, 404);
  auto summary = json::parse(c.Get("/api/summary")->body);
  EXPECT_EQ(summary["stories"], 11);
  EXPECT_EQ(summary["frameworks"]["STAR"], 6);
  EXPECT_EQ(summary["values_covered"]["google"].size(), 4u);
  EXPECT_GE(json::parse(c.Get("/api/questions")->body).size(), 150u);
  auto broken = c.Post("/api/import?name=half.md", "### Q1: x\n", "text/markdown");
  EXPECT_EQ(broken->status, 400);
  EXPECT_EQ(json::parse(broken->body)["error"], "half.md:1: Q1 has no sections; expected bold labels such as **Situation:** with text under them");
}

TEST_F(ServerTest, PracticeRoutesRunAMockTurn) {
  httplib::Client c = Client();
  ASSERT_EQ(c.Post("/api/import?demo=1", "", "text/markdown")->status, 200);
  auto next = c.Get("/api/practice/next?company=meta&kind=normal&seed=3");
  ASSERT_EQ(next->status, 200) << next->body;
  json n = json::parse(next->body);
  EXPECT_EQ(n["question"]["kind"], "normal");
  std::string id = n["question"]["id"];

  json body = {{"question_id", id}, {"company", "meta"}, {"session", n["session"]}, {"seconds", 70},
               {"text", "Situation: We had a slow report.\nAction: We made it faster.\nResult: It was fine."}};
  auto answer = c.Post("/api/practice/answer", body.dump(), "application/json");
  ASSERT_EQ(answer->status, 200) << answer->body;
  json f = json::parse(answer->body);
  EXPECT_EQ(f["company"], "meta");
  EXPECT_EQ(f["followups"][0]["id"], "1.1");

  auto due = c.Get("/api/practice/due");
  ASSERT_EQ(due->status, 200);
  EXPECT_EQ(json::parse(due->body).size(), 11u);
  auto progress = c.Get("/api/practice/progress");
  EXPECT_EQ(json::parse(progress->body)["answers"], 1);

  // Bad requests say what is wrong and write nothing.
  auto no_text = c.Post("/api/practice/answer", R"({"question_id":"1.1"})", "application/json");
  EXPECT_EQ(no_text->status, 400);
  EXPECT_EQ(json::parse(no_text->body)["error"], "\"text\" is missing");
  auto unknown = c.Post("/api/practice/answer", R"({"question_id":"1.9","text":"I did it."})", "application/json");
  EXPECT_EQ(unknown->status, 400);
  EXPECT_EQ(json::parse(unknown->body)["error"], "attempt 1 has 3 follow-ups; there is no follow-up 9");
  auto drill = c.Post("/api/practice/drill", R"({"story":"q5","typed":"60 minutes to 25"})", "application/json");
  ASSERT_EQ(drill->status, 200) << drill->body;
  EXPECT_EQ(json::parse(drill->body)["metrics"][0]["recalled"], true);
  EXPECT_EQ(json::parse(drill->body)["readiness"]["last_drill"], json::parse(drill->body)["score"]);
  EXPECT_EQ(json::parse(c.Get("/api/practice/progress")->body)["answers"], 1);
}

// Readiness over the API: every story carries it, an answer moves it (and says so in
// its feedback), the summary counts it, all from the one rule the CLI shows.
TEST_F(ServerTest, ReadinessFollowsPractice) {
  httplib::Client c = Client();
  ASSERT_EQ(c.Post("/api/import?demo=1", "", "text/markdown")->status, 200);
  json stories = json::parse(c.Get("/api/stories")->body);
  ASSERT_EQ(stories.size(), 11u);
  for (const auto& s : stories) {
    EXPECT_EQ(s["readiness"]["state"], "not-practised") << s["key"];
    EXPECT_EQ(s["readiness"]["label"], "not practised");
    EXPECT_EQ(s["readiness"]["answers"], 0);
    EXPECT_EQ(s["readiness"]["due"], nullptr);
  }
  json counts = json::parse(c.Get("/api/summary")->body)["readiness"];
  EXPECT_EQ(counts, json::parse(R"({"needs-work":0,"not-practised":11,"shaky":0,"due":0,"nearly-ready":0,"ready":0})"));

  json next = json::parse(c.Get("/api/practice/next?company=amazon&kind=normal&seed=3")->body);
  json body = {{"question_id", next["question"]["id"]}, {"story", "q3"}, {"spoken", true}, {"seconds", 60},
               {"text", "We looked into it and we made it better in the end."}};
  auto answer = c.Post("/api/practice/answer", body.dump(), "application/json");
  ASSERT_EQ(answer->status, 200) << answer->body;
  json f = json::parse(answer->body);
  ASSERT_LT(f["score"].get<int>(), 70);
  const std::string reason = fmt::format("last answer scored {}, under 70", f["score"].get<int>());
  EXPECT_EQ(f["readiness"]["state"], "shaky");
  EXPECT_EQ(f["readiness"]["reason"], reason);
  EXPECT_EQ(f["readiness"]["last_scores"], json::array({f["score"]}));
  EXPECT_EQ(f["readiness"]["spoken_answers"], 1);  // Recorded as told out loud.

  json q3 = json::parse(c.Get("/api/stories/q3")->body)["readiness"];
  EXPECT_EQ(q3, f["readiness"]);
  json after = json::parse(c.Get("/api/summary")->body)["readiness"];
  EXPECT_EQ(after["shaky"], 1);
  EXPECT_EQ(after["not-practised"], 10);
}

}  // namespace
}  // namespace rehearse
