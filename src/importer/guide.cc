#include "importer/guide.h"

#include <fmt/format.h>

#include "importer/native_reader.h"
#include "importer/shapes.h"
#include "util/text.h"

namespace rehearse {
namespace {

constexpr int kNativeVersion = 1;

Error Fail(std::string_view file, int line, std::string_view what) {
  return Error{fmt::format("{}:{}: {}", file, line, what)};
}

Status CheckBytes(std::string_view text, std::string_view file) {
  if (Trim(text).empty()) return Fail(file, 1, "empty file: nothing to import");
  if (size_t nul = text.find('\0'); nul != std::string_view::npos) {
    return Fail(file, LineOfOffset(text, nul), "binary data (a NUL byte); expected a Markdown text file");
  }
  if (auto bad = FindInvalidUtf8(text)) {
    size_t line_start = text.rfind('\n', *bad == 0 ? 0 : *bad - 1);
    size_t col = line_start == std::string_view::npos ? *bad + 1 : *bad - line_start;
    if (*bad == 0) col = 1;
    return Fail(file, LineOfOffset(text, *bad),
                fmt::format("invalid UTF-8 (byte 0x{:02X} at column {}); save the file as UTF-8",
                            static_cast<unsigned char>(text[*bad]), col));
  }
  return {};
}

// CommonMark ends lines at \n, \r\n or a lone \r; rehearse counts lines the same way.
std::string NormalizeLineEndings(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') out += text[i];
    else if (i + 1 >= text.size() || text[i + 1] != '\n') out += '\n';
  }
  return out;
}

// Reads a "---" front matter block (rehearse's native export starts with one) and
// blanks it out of `body` so that line numbers still match the file. Sets `native`
// when it says "rehearse: story-bank".
Status ReadFrontMatter(std::string& body, std::string_view file, bool* native, std::vector<ImportWarning>* warnings) {
  *native = false;
  if (!body.starts_with("---\n")) return {};
  size_t end = body.find("\n---", 3);
  if (end == std::string::npos) return {};  // A thematic break, not front matter.
  size_t close_end = body.find('\n', end + 1);
  if (close_end == std::string::npos) close_end = body.size();
  std::string_view block(body.data() + 4, end + 1 - 4);
  int line = 2;
  for (std::string_view l : SplitLines(block)) {
    size_t colon = l.find(':');
    if (colon == std::string_view::npos) return Fail(file, line, "front matter lines must read \"key: value\"");
    std::string key = ToLower(Trim(l.substr(0, colon)));
    std::string value(Trim(l.substr(colon + 1)));
    if (key == "version") {
      int v = std::atoi(value.c_str());
      if (v < 1 || v > kNativeVersion) {
        return Fail(file, line,
                    fmt::format("format version {} is newer than this rehearse reads ({}); upgrade rehearse", value,
                                kNativeVersion));
      }
    } else if (key == "rehearse") {
      *native = value == "story-bank";
    } else {
      warnings->push_back({line, fmt::format("front matter key \"{}\" not understood; ignored", key)});
    }
    ++line;
  }
  for (size_t i = 0; i < close_end; ++i) {
    if (body[i] != '\n') body[i] = ' ';
  }
  return {};
}

}  // namespace

Result<ParsedGuide> ParseGuide(std::string_view text, std::string_view file, const Catalog& catalog,
                               const ImportChoices& choices) {
  REHEARSE_TRY(CheckBytes(text, file));
  std::string body = NormalizeLineEndings(text);
  bool native = false;
  std::vector<ImportWarning> front;
  REHEARSE_TRY(ReadFrontMatter(body, file, &native, &front));
  auto guide = native ? ReadNativeGuide(body, file, catalog) : ReadGuideShapes(body, file, catalog, choices);
  if (!guide) return guide;
  guide->warnings.insert(guide->warnings.begin(), front.begin(), front.end());
  return guide;
}

}  // namespace rehearse
