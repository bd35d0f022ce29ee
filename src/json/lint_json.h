#pragma once
// JSON for the linter: the report `rehearse lint --json` prints (SPEC §3), and the
// requests `rehearse lint --jsonl` reads, one JSON object a line.

#include <string>
#include <string_view>

#include "lint/linter.h"
#include "util/result.h"

namespace rehearse {

// {"framework","findings":[{"rule","severity","message","suggestion","section","start",
// "end","line","col"}],"stats":{"words","seconds","split":{section:share}},"score",
// "score_parts":[...],"labeled","segments":[...]}. With `extra_key`, a first field
// extra_key: extra_json (already serialised) comes before the others.
std::string LintJson(const LintReport& report, std::string_view text, std::string_view extra_key = "",
                     std::string_view extra_json = "");

struct LintRequest {
  std::string id_json = "null";  // The request's "id", as written (string or number).
  std::string text;
  LintOptions options;
};

// Parses {"id","framework","text","spoken","seconds"}; fails with what is wrong.
Result<LintRequest> ParseLintRequest(std::string_view line, const LintOptions& defaults);

}  // namespace rehearse
