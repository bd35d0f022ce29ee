// libFuzzer target for the guide importer: every shape reader (headings, numbered
// questions, tables, <details>, inline labels, value matrices, question lists) on
// whatever the fuzzer invents. Beyond "never crash", it checks the native format's
// promise: any guide that imports exports to Markdown that imports back and exports
// to the same bytes, with the user's questions, outlines, inferred sections and
// versions.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "catalog/catalog.h"
#include "importer/guide.h"
#include "importer/guide_file.h"
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
  // What the file is (an image, a PDF, a zip, text): never a crash, never a process
  // for a Markdown name.
  (void)rehearse::GuideFromBytes(std::string(text), "fuzz.md");
  // The user's choices from the preview, drawn from the input: skip or re-read the
  // story on the first line.
  rehearse::ImportChoices choices;
  if (size > 0 && data[0] % 3 == 1) choices.skip.insert(1);
  if (size > 0 && data[0] % 3 == 2) choices.frameworks[1] = "SOAR";
  auto guide = rehearse::ParseGuide(text, "fuzz.md", catalog, choices);
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
