#pragma once
// The values models of a catalog's companies. The build trains one per built-in
// profile (tools/train_values.cc) and embeds them; a model is read the first time its
// company is asked for. A profile the binary was not built with — a user's own
// company, or a user file that replaces a built-in one — has no matching model (the
// fingerprint of its training data differs), so its model is trained then, from the
// same kinds of data, without the build's WordNet expansion of new keywords.

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "catalog/catalog.h"
#include "match/value_model.h"
#include "match/value_training.h"
#include "util/result.h"

namespace rehearse {

// The models the build embedded: Serialize()d models one after another. Defined by
// the generated embedded_model.cc (empty in the trainer itself).
std::string_view BuiltinValueModels();

class ValueModels {
 public:
  // REQUIRES: `catalog` outlives this object.
  explicit ValueModels(const Catalog& catalog, std::string_view built = BuiltinValueModels(),
                       TrainingOptions options = {});

  // The model of `company` (one of the catalog's). Safe to call from several threads.
  // Fails only when the company's training data is malformed.
  Result<const ValueModel*> For(const Company& company) const;

  // Whether For(company) read the built model (true) rather than training one; false
  // before the first For(company).
  bool WasBuilt(const Company& company) const;

 private:
  const Catalog& catalog_;
  std::string_view built_;
  TrainingOptions options_;
  mutable std::mutex mu_;
  struct Entry {
    std::unique_ptr<ValueModel> model;
    bool built = false;
  };
  mutable std::map<std::string, Entry> models_;
};

}  // namespace rehearse
