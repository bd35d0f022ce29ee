#include "cli/common.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace rehearse::cli {

namespace fs = std::filesystem;

int Fail(const Error& e) {
  std::fflush(stdout);
  fmt::print(stderr, "rehearse: error: {}\n", e.message);
  return 1;
}

Result<Catalog> LoadCatalogFor(const Options& o) {
  return LoadCatalog(o.data_dir.empty() ? DefaultUserDataDir() : o.data_dir);
}

Result<std::unique_ptr<Bank>> OpenBank(const Options& o) { return Bank::Open(DefaultBankPath(o.db)); }

Result<std::string> ReadInput(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return Error{fmt::format("{}: is a folder; expected a Markdown file", path)};
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{fmt::format("{}: cannot open: {}", path, std::strerror(errno))};
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Error{fmt::format("{}: read error", path)};
  return ss.str();
}

// Writes `text` to `path` through a temporary file and a rename, so that a crash never
// leaves half an export behind.
Status WriteFileAtomically(const std::string& path, std::string_view text) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Error{fmt::format("{}: cannot write: {}", path, std::strerror(errno))};
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.flush();
    if (!out) return Error{fmt::format("{}: write failed", path)};
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) return Error{fmt::format("{}: cannot write: {}", path, ec.message())};
  return {};
}


Result<BankView> LoadBankView(const Options& o) {
  BankView view;
  REHEARSE_TRY_ASSIGN(bank, OpenBank(o));
  REHEARSE_TRY_ASSIGN(stories, bank->Stories());
  REHEARSE_TRY_ASSIGN(themes, bank->Themes());
  REHEARSE_TRY_ASSIGN(questions, bank->Questions());
  view.questions = std::move(questions);
  view.bank = std::move(bank);
  view.stories = std::move(stories);
  view.themes = std::move(themes);
  return view;
}


Result<std::unique_ptr<Indexed>> LoadIndexed(const Options& o) {
  auto out = std::make_unique<Indexed>();
  REHEARSE_TRY_ASSIGN(catalog, LoadCatalogFor(o));
  out->catalog = std::move(catalog);
  REHEARSE_TRY_ASSIGN(classifier, QuestionClassifier::Build(out->catalog));
  out->classifier = std::move(classifier);
  REHEARSE_TRY_ASSIGN(view, LoadBankView(o));
  out->view = std::move(view);
  out->index = std::make_unique<StoryIndex>(out->view.stories, out->view.themes, *out->classifier);
  return out;
}

}  // namespace rehearse::cli
