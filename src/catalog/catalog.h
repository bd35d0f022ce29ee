#pragma once
// The Catalog is what rehearse knows before it sees the user's bank: the answer
// frameworks, the company profiles and the built-in question bank. All of it is data
// (data/*.toml, compiled into the binary); users add or override frameworks and
// profiles with files of the same shape in their own data folder. This is the only
// module that reads TOML.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/company.h"
#include "model/framework.h"
#include "model/labels.h"
#include "model/question.h"
#include "util/result.h"

namespace rehearse {

struct Catalog {
  std::vector<Framework> frameworks;
  std::vector<Company> companies;
  std::vector<Question> questions;
  std::vector<FrameworkCue> framework_cues;
  LabelVocabulary labels;  // Section labels people write, user entries first.

  // Lookups ignore case. Return nullptr when nothing matches.
  const Framework* FindFramework(std::string_view id) const;
  const Company* FindCompany(std::string_view id) const;
};

// Loads the built-in catalog and then, when `user_dir` is not empty and exists, the
// user's files in it: frameworks.toml, framework_cues.toml, questions.toml,
// labels.toml and companies/*.toml. A user
// framework or company with the id of a built-in one replaces it. Fails with
// "file:line:col: what" on the first malformed file, unknown key or bad value.
// kWithoutQuestionBank leaves catalog.questions empty and reads no questions.toml:
// importing a guide needs the frameworks, labels and companies, and the bank of
// questions is most of the catalog's start-up time (BM_LoadCatalog).
enum class CatalogParts { kAll, kWithoutQuestionBank };
Result<Catalog> LoadCatalog(const std::string& user_dir, CatalogParts parts = CatalogParts::kAll);

// The folder LoadCatalog reads user files from: $REHEARSE_DATA, else
// $XDG_CONFIG_HOME/rehearse, else ~/.config/rehearse.
std::string DefaultUserDataDir();

// Returns a file of data/ compiled into the binary ("demo/guide.md"), or nullopt.
std::optional<std::string_view> BuiltinFile(std::string_view path);

}  // namespace rehearse
