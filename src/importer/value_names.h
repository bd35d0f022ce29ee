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

// The value `written` names, looked up in `prefer` first (when not null), then in
// every company of the catalog. Exact names and aliases win; otherwise the written
// words (two or more, small words aside) must all belong to exactly one value's name
// ("Have Backbone" -> "Have Backbone; Disagree and Commit"), and a name cut short
// with "..." matches the value it begins. Returns {nullptr, nullptr} when none does.
ValueRef FindValueNamed(const Catalog& catalog, std::string_view written, const Company* prefer);

struct ValueList {
  std::vector<ValueRef> found;       // In the order written, without repeats.
  std::vector<std::string> unknown;  // Parts that name no value, as written.
};

// Reads a list of values separated by commas, semicolons or " / ": neighbouring
// parts are joined when together they name one value ("Are Right", "A Lot").
ValueList ParseValueList(const Catalog& catalog, std::string_view text, const Company* prefer);

}  // namespace rehearse
