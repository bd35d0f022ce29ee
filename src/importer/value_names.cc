#include "importer/value_names.h"

#include <algorithm>

#include "util/text.h"

namespace rehearse {
namespace {

bool Contains(const std::vector<std::string>& big, const std::vector<std::string>& small) {
  // Both sorted (ValueSignature sorts).
  return std::includes(big.begin(), big.end(), small.begin(), small.end());
}

// A name cut short: "Success and Scale..." or "Success and Scale…".
std::string_view Truncated(std::string_view s) {
  s = Trim(s);
  if (s.ends_with("...")) return Trim(s.substr(0, s.size() - 3));
  if (s.ends_with("\u2026")) return Trim(s.substr(0, s.size() - 3));
  return {};
}

ValueRef InCompany(const Company& c, std::string_view written) {
  if (const CompanyValue* v = c.FindValue(written)) return {&c, v};
  std::vector<std::string> sig = ValueSignature(written);
  if (std::string_view cut = Truncated(written); !cut.empty()) {
    std::string want = ToLower(cut);
    for (const auto& v : c.values) {
      if (StartsWithIgnoreCase(v.name, want)) return {&c, &v};
    }
  }
  if (sig.size() < 2) return {};
  const CompanyValue* found = nullptr;
  for (const auto& v : c.values) {
    bool match = Contains(ValueSignature(v.name), sig);
    for (const auto& a : v.aliases) match = match || Contains(ValueSignature(a), sig);
    if (!match) continue;
    if (found && found != &v) return {};  // Two values hold these words: ambiguous.
    found = &v;
  }
  return found ? ValueRef{&c, found} : ValueRef{};
}

}  // namespace

ValueRef FindValueNamed(const Catalog& catalog, std::string_view written, const Company* prefer) {
  if (Trim(written).empty()) return {};
  if (prefer) {
    if (ValueRef r = InCompany(*prefer, written); r.value) return r;
  }
  // Exact names and aliases of any company before loose matches.
  for (const auto& c : catalog.companies) {
    if (&c == prefer) continue;
    if (const CompanyValue* v = c.FindValue(written)) return {&c, v};
  }
  for (const auto& c : catalog.companies) {
    if (&c == prefer) continue;
    if (ValueRef r = InCompany(c, written); r.value) return r;
  }
  return {};
}

ValueList ParseValueList(const Catalog& catalog, std::string_view text, const Company* prefer) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    bool sep = i == text.size() || text[i] == ',' || text[i] == ';' ||
               (text[i] == '/' && i > 0 && text[i - 1] == ' ');
    if (!sep) continue;
    std::string_view part = Trim(text.substr(start, i - start));
    while (!part.empty() && (part.back() == '.' || part.back() == '*')) part = Trim(part.substr(0, part.size() - 1));
    while (!part.empty() && part.front() == '*') part = Trim(part.substr(1));
    if (!part.empty()) parts.push_back(part);
    start = i + 1;
  }
  ValueList out;
  auto add = [&](ValueRef r) {
    bool seen = std::any_of(out.found.begin(), out.found.end(), [&](const ValueRef& f) { return f.value == r.value; });
    if (!seen) out.found.push_back(r);
  };
  for (size_t i = 0; i < parts.size();) {
    bool taken = false;
    // Longest run of neighbouring parts that names one value.
    for (size_t len = std::min<size_t>(3, parts.size() - i); len >= 1 && !taken; --len) {
      std::string joined;
      for (size_t k = i; k < i + len; ++k) joined += (k > i ? ", " : "") + std::string(parts[k]);
      ValueRef r = len == 1 ? FindValueNamed(catalog, joined, prefer) : ValueRef{};
      if (len > 1) {
        // Joined parts must name the value exactly, not loosely: "Ownership, Dive
        // Deep" must not read as one value holding both words.
        if (prefer) {
          if (const CompanyValue* v = prefer->FindValue(joined)) r = {prefer, v};
        }
        for (const auto& c : catalog.companies) {
          if (!r.value) {
            if (const CompanyValue* v = c.FindValue(joined)) r = {&c, v};
          }
        }
      }
      if (r.value) {
        add(r);
        i += len;
        taken = true;
      }
    }
    if (!taken) {
      out.unknown.emplace_back(parts[i]);
      ++i;
    }
  }
  return out;
}

}  // namespace rehearse
