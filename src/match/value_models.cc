#include "match/value_models.h"

#include <fmt/format.h>

namespace rehearse {
namespace {

// The section of `built` that holds the model of `company_id`, or "".
std::string_view Section(std::string_view built, std::string_view company_id) {
  std::string head = fmt::format("model {}\n", company_id);
  size_t at = 0;
  while ((at = built.find(head, at)) != std::string_view::npos) {
    if (at == 0 || built[at - 1] == '\n') break;
    ++at;
  }
  if (at == std::string_view::npos) return {};
  size_t end = built.find("\nend\n", at);
  return built.substr(at, end == std::string_view::npos ? std::string_view::npos : end + 5 - at);
}

}  // namespace

ValueModels::ValueModels(const Catalog& catalog, std::string_view built, TrainingOptions options)
    : catalog_(catalog), built_(built), options_(options) {}

Result<const ValueModel*> ValueModels::For(const Company& company) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = models_.find(company.id);
  if (it != models_.end()) return it->second.model.get();
  REHEARSE_TRY_ASSIGN(texts, TrainingTexts(catalog_, company, options_));
  uint64_t fingerprint = TrainingFingerprint(company, texts, options_);
  std::vector<ValueModel::Expansion> expansions;
  if (std::string_view section = Section(built_, company.id); !section.empty()) {
    auto parsed = ValueModel::Parse(section, company);
    if (parsed && parsed->fingerprint() == fingerprint) {
      Entry& e = models_[company.id];
      e.model = std::make_unique<ValueModel>(std::move(*parsed));
      e.built = true;
      return e.model.get();
    }
    if (parsed) expansions = parsed->expansions();
  }
  Entry& e = models_[company.id];
  e.model = std::make_unique<ValueModel>(TrainValueModel(company, texts, std::move(expansions), options_));
  return e.model.get();
}

bool ValueModels::WasBuilt(const Company& company) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = models_.find(company.id);
  return it != models_.end() && it->second.built;
}

}  // namespace rehearse
