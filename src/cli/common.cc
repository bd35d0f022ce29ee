#include "cli/common.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "lint/loader.h"
#include "practice/bank_readiness.h"
#include "store/practice_log.h"
#include "util/clock.h"
#include "util/text.h"

namespace rehearse::cli {

namespace fs = std::filesystem;

int Fail(const Error& e) {
  std::fflush(stdout);
  fmt::print(stderr, "rehearse: error: {}\n", e.message);
  return 1;
}

Result<Catalog> LoadCatalogFor(const Options& o, CatalogParts parts) {
  return LoadCatalog(o.data_dir.empty() ? DefaultUserDataDir() : o.data_dir, parts);
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
  out->index->SetOwnQuestions(out->view.questions);
  return out;
}

Result<std::unique_ptr<Linter>> DefaultLinter(const Catalog& catalog) {
  REHEARSE_TRY_ASSIGN(rules, LoadRules({}, {}, AllSectionNames(catalog)));
  return std::make_unique<Linter>(std::move(rules), catalog);
}

Result<std::map<std::string, Readiness>> LoadReadiness(const Bank& bank, const std::vector<Story>& stories,
                                                       const Catalog& catalog) {
  REHEARSE_TRY_ASSIGN(linter, DefaultLinter(catalog));
  return StoriesReadiness(stories, PracticeLog(bank.db()), *linter, catalog, Today());
}

std::string ReadinessText(const Readiness& r) { return fmt::format("{}: {}", ReadinessLabel(r.state), r.reason); }

std::string DaysFrom(Days day, Days today) {
  const auto n = (day - today).count();
  if (n == 0) return "today";
  if (n == 1) return "tomorrow";
  if (n == -1) return "yesterday";
  return n > 0 ? "in " + Plural(n, "day", "days") : Plural(-n, "day", "days") + " ago";
}

}  // namespace rehearse::cli
