// libFuzzer target for the linter and the rule loader. The first byte picks what the
// rest is: an answer to lint (with a framework, spoken or not), or a rule file to
// load and, when it loads, run over a fixed answer. Neither may crash, hang or
// report a span outside the text. A linted answer also gets its practice follow-ups
// and a metrics drill, which quote and count from the same untrusted text.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

#include "catalog/catalog.h"
#include "lint/linter.h"
#include "practice/drill.h"
#include "practice/followup.h"
#include "util/text.h"

namespace {

const rehearse::Catalog& TheCatalog() {
  static const rehearse::Catalog catalog = *rehearse::LoadCatalog("");
  return catalog;
}

const rehearse::Linter& TheLinter() {
  static const rehearse::Linter linter(
      std::move(*rehearse::LoadRules({}, {}, rehearse::AllSectionNames(TheCatalog()))), TheCatalog());
  return linter;
}

void Check(const rehearse::LintReport& r, size_t size) {
  for (const auto& f : r.findings) {
    if (f.span.start > f.span.end || f.span.end > size) {
      std::fprintf(stderr, "finding %s spans %zu-%zu in %zu bytes\n", f.rule.c_str(), f.span.start, f.span.end, size);
      std::abort();
    }
  }
  if (r.score < 0 || r.score > 100) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* kFrameworks[] = {"STAR", "CAR", "SOAR", "CARL", "PAR", "DIGS"};
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  uint8_t mode = data[0];
  if (mode < 200) {
    rehearse::LintOptions options;
    options.framework = kFrameworks[mode % 6];
    options.spoken = mode & 0x40;
    options.seconds = (mode & 0x80) ? 37 : 0;
    options.quick = mode & 0x20;
    auto r = TheLinter().Lint(text, options);
    if (r) {
      Check(*r, text.size());
      rehearse::Story story;
      story.key = "q1";
      story.framework = options.framework;
      story.sections = {{"Result", text}};
      for (const auto& u : rehearse::ChooseFollowUps(text, *r, &story, TheCatalog(), 5)) {
        if (u.question.empty() || rehearse::FindInvalidUtf8(u.question)) std::abort();
      }
      rehearse::DrillResult d = rehearse::CheckMetrics(story, TheCatalog(), text);
      if (d.score < 0 || d.score > 100) std::abort();
    }
    return 0;
  }
  auto rule = rehearse::ParseRule(text, "fuzz.toml", "fuzz.rule", rehearse::AllSectionNames(TheCatalog()));
  if (!rule) return 0;
  rehearse::RuleSet set;
  set.rules.push_back(std::move(*rule));
  rehearse::Linter linter(std::move(set), TheCatalog());
  const std::string answer =
      "Situation: In my last company the Atlas build took 40 minutes.\nTask: My manager asked me to fix it.\n"
      "Action: We cached it and I split the suite.\nResult: It was much faster, about 30% I think.";
  auto r = linter.Lint(answer, {});
  if (r) Check(*r, answer.size());
  return 0;
}
