#include "json/json_writer.h"

#include <gtest/gtest.h>

namespace rehearse {
namespace {

TEST(JsonWriterTest, PlacesSeparatorsAndEscapes) {
  JsonWriter w;
  w.BeginObject().Field("a", 1).Key("list").BeginArray().String("x").BeginObject().EndObject().Int(-2).EndArray();
  w.Field("s", std::string_view("q\"b\\n\n\t\x01\xC3\xA9")).Field("ok", true).Field("none", std::vector<std::string>{});
  w.EndObject();
  EXPECT_EQ(w.str(), R"({"a":1,"list":["x",{},-2],"s":"q\"b\\n\n\t\u0001é","ok":true,"none":[]})");
}

TEST(JsonWriterTest, ReplacesBytesThatAreNotUtf8) {
  JsonWriter w;
  w.String(std::string_view("a\xFF" "b\xC3"));
  EXPECT_EQ(w.str(), "\"a\xEF\xBF\xBD" "b\xEF\xBF\xBD\"");
}

}  // namespace
}  // namespace rehearse
