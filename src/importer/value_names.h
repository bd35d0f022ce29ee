#pragma once
// Finds the company values a guide names, in the spellings people use: "Insist on
// Highest Standards", "Disagree & Commit", "Have Backbone", "Hire and Develop",
// "Success and Scale..." and a profile's own aliases ("Be Bold" for Meta's older
// values), and reads lists of them ("Ownership, Are Right, A Lot, Dive Deep") where a
// comma may sit inside one name.

#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"

namespace rehearse {

struct ValueRef {
  const Company* company = nullptr;
  const CompanyValue* value = nullptr;
};

struct ValueList {
  std::vector<ValueRef> found;       // In the order written, without repeats.
  std::vector<std::string> unknown;  // Parts that name no value, as written.
};

// The catalog's value names, folded once (ValueSignature) for fast lookups.
// REQUIRES: `catalog` outlives it.
class ValueNames {
 public:
  explicit ValueNames(const Catalog& catalog);

  // The value `written` names, looked up in `prefer` first (when not null), then in
  // every company. Exact names and aliases win; otherwise the written words (two or
  // more, small words aside) must all belong to exactly one value's name ("Have
  // Backbone" -> "Have Backbone; Disagree and Commit"), and a name cut short with
  // "..." matches the value it begins. Returns {nullptr, nullptr} when none does.
  ValueRef Find(std::string_view written, const Company* prefer) const;

  // Reads a list of values separated by commas, semicolons or " / ": neighbouring
  // parts are joined when together they name one value exactly ("Are Right", "A Lot").
  ValueList ParseList(std::string_view text, const Company* prefer) const;

 private:
  struct Entry {
    const Company* company;
    const CompanyValue* value;
    std::vector<std::vector<std::string>> signatures;  // The name's, then each alias's.
  };
  ValueRef Exact(const std::vector<std::string>& sig, const Company* only) const;
  ValueRef Loose(std::string_view written, const std::vector<std::string>& sig, const Company& company) const;

  std::vector<Entry> entries_;
  const Catalog& catalog_;
};

}  // namespace rehearse
