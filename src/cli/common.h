#pragma once
// What the commands share: error reporting, reading and writing files, opening the
// catalog and the bank, and the story index over the bank.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "cli/commands.h"
#include "lint/linter.h"
#include "match/classifier.h"
#include "match/matcher.h"
#include "practice/readiness.h"
#include "store/bank.h"
#include "util/result.h"

namespace rehearse::cli {

inline constexpr const char* kEmptyBank =
    "The bank is empty. Import your guide: rehearse import guide.md (or rehearse import --demo)\n";

// Prints "rehearse: error: ..." to stderr and returns the exit status 1.
int Fail(const Error& e);
// The catalog with the user's data folder (--data, else the default one).
Result<Catalog> LoadCatalogFor(const Options& o, CatalogParts parts = CatalogParts::kAll);
Result<std::unique_ptr<Bank>> OpenBank(const Options& o);
// The whole file at `path`; "-" is not special here.
Result<std::string> ReadInput(const std::string& path);
// Writes `text` to `path` through a temporary file and a rename, so that a crash never
// leaves half a file behind.
Status WriteFileAtomically(const std::string& path, std::string_view text);

struct BankView {
  std::unique_ptr<Bank> bank;
  std::vector<Story> stories;
  std::vector<ThemeRow> themes;
  std::vector<UserQuestion> questions;  // The user's own, from their guides.
};

struct Indexed {
  Catalog catalog;
  std::unique_ptr<QuestionClassifier> classifier;
  BankView view;
  std::unique_ptr<StoryIndex> index;
};

Result<BankView> LoadBankView(const Options& o);
Result<std::unique_ptr<Indexed>> LoadIndexed(const Options& o);

// The linter with the default rule pack.
Result<std::unique_ptr<Linter>> DefaultLinter(const Catalog& catalog);
// Story key -> readiness today of every story of `stories`, a bank's stories (see
// practice/bank_readiness.h). Fails when the bank's practice log cannot be read.
Result<std::map<std::string, Readiness>> LoadReadiness(const Bank& bank, const std::vector<Story>& stories,
                                                       const Catalog& catalog);
// "shaky: 2 of last 3 answers under 70": the state and its reason, as every command shows them.
std::string ReadinessText(const Readiness& readiness);
// `day` seen from `today`: "today", "tomorrow", "yesterday", "in 6 days", "3 days ago".
std::string DaysFrom(Days day, Days today);

}  // namespace rehearse::cli
