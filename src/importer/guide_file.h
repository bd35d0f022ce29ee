#pragma once
// A guide as the user saved it: Markdown or plain text as is; Word (.docx),
// OpenDocument (.odt), web pages (.html) and RTF converted to Markdown by pandoc
// (Debian package "pandoc"), run as a separate process with no shell and a time
// limit. Images, PDFs and files that are not what their name says are refused with a
// clear error.

#include <cstddef>
#include <string>
#include <string_view>

#include "util/result.h"

namespace rehearse {

// Larger files are refused: no guide is this long, and parsing must stay instant.
constexpr size_t kMaxGuideBytes = 10u << 20;
// How long pandoc may take to convert one file.
constexpr int kPandocSeconds = 30;

struct GuideFile {
  std::string text;    // Markdown.
  std::string format;  // "markdown", "docx", "odt", "html" or "rtf".
  std::string label;   // How messages name it: "guide.md", or "guide.docx (as Markdown)".
};

// Reads the file at `path`. Fails with "path: what" when it cannot be read, is larger
// than kMaxGuideBytes, is an image or a PDF, claims a format its bytes are not, or
// pandoc is missing, fails or runs out of time.
Result<GuideFile> ReadGuideFile(const std::string& path);

// The same for bytes that arrive another way (a web upload); `name` is the file's
// name, whose extension says the format when the bytes do not.
Result<GuideFile> GuideFromBytes(std::string bytes, std::string_view name);

}  // namespace rehearse
