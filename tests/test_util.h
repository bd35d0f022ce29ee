#pragma once
// Helpers shared by the tests: fixture files, temporary folders and the built-in
// catalog. Tests never read anything outside the repository.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "catalog/catalog.h"

namespace rehearse::testing {

inline std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(REHEARSE_FIXTURES) + "/" + name, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline const Catalog& BuiltinCatalog() {
  static const Catalog catalog = [] {
    auto c = LoadCatalog("");
    if (!c) ADD_FAILURE() << c.error().message;
    return c ? *c : Catalog{};
  }();
  return catalog;
}

// A fresh folder under the system temp dir, removed when the object dies.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "rehearse-test-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string Path(const std::string& name) const { return (std::filesystem::path(path_) / name).string(); }
  void Write(const std::string& name, const std::string& text) const {
    std::filesystem::create_directories(std::filesystem::path(Path(name)).parent_path());
    std::ofstream(Path(name), std::ios::binary) << text;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace rehearse::testing
