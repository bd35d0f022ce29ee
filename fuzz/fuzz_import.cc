// libFuzzer target for the guide importer. Beyond "never crash", it checks the native
// format's promise on whatever the fuzzer invents: any guide that imports exports to
// Markdown that imports back into the same stories and exports to the same bytes.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "catalog/catalog.h"
#include "importer/guide.h"
#include "importer/metrics.h"
#include "importer/native.h"

namespace {

const rehearse::Catalog& TheCatalog() {
  static const rehearse::Catalog catalog = [] {
    auto c = rehearse::LoadCatalog("");
    if (!c) {
      std::fprintf(stderr, "%s\n", c.error().message.c_str());
      std::abort();
    }
    return *c;
  }();
  return catalog;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto& catalog = TheCatalog();
  auto guide = rehearse::ParseGuide(text, "fuzz.md", catalog);
  if (!guide) return 0;
  for (const auto& story : guide->stories) (void)rehearse::StoryMetrics(story, catalog);
  std::vector<rehearse::UserQuestion> questions;
  for (const auto& q : guide->questions) questions.push_back({q.text, q.stories, q.company, q.value, "fuzz.md"});
  std::string first = rehearse::WriteNative(guide->stories, guide->themes, catalog, questions);
  auto again = rehearse::ParseGuide(first, "export.md", catalog);
  if (!again) {
    std::fprintf(stderr, "export does not import: %s\n---\n%s\n", again.error().message.c_str(), first.c_str());
    std::abort();
  }
  std::vector<rehearse::UserQuestion> again_questions;
  for (const auto& q : again->questions) again_questions.push_back({q.text, q.stories, q.company, q.value, "fuzz.md"});
  std::string second = rehearse::WriteNative(again->stories, again->themes, catalog, again_questions);
  if (second != first) {
    std::fprintf(stderr, "export is not stable\n--- first\n%s\n--- second\n%s\n", first.c_str(), second.c_str());
    std::abort();
  }
  return 0;
}
