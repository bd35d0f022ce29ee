#pragma once
// Files compiled into the binary by cmake/Embed.cmake.

#include <span>
#include <string_view>

namespace rehearse {

struct EmbeddedFile {
  std::string_view path;  // Relative to data/: "companies/amazon.toml".
  std::string_view content;
};

std::span<const EmbeddedFile> EmbeddedFiles();
// The files of web/static: the browser UI that `rehearse serve` serves.
std::span<const EmbeddedFile> EmbeddedWebFiles();

}  // namespace rehearse
