#include "importer/value_names.h"

#include <algorithm>

#include "util/text.h"

namespace rehearse {
namespace {

// Both sorted (ValueSignature sorts).
bool Contains(const std::vector<std::string>& big, const std::vector<std::string>& small) {
  return std::includes(big.begin(), big.end(), small.begin(), small.end());
}

// A name cut short: "Success and Scale..." or "Success and Scale…".
std::string_view Truncated(std::string_view s) {
  s = Trim(s);
  if (s.ends_with("...")) return Trim(s.substr(0, s.size() - 3));
  if (s.ends_with("\u2026")) return Trim(s.substr(0, s.size() - 3));
  return {};
}


}  // namespace

ValueNames::ValueNames(const Catalog& catalog) : catalog_(catalog) {
  for (const auto& c : catalog.companies) {
    for (const auto& v : c.values) {
      Entry e{&c, &v, {ValueSignature(v.name)}};
      for (const auto& a : v.aliases) e.signatures.push_back(ValueSignature(a));
      entries_.push_back(std::move(e));
    }
  }
}

ValueRef ValueNames::Exact(const std::vector<std::string>& sig, const Company* only) const {
  if (sig.empty()) return {};
  for (const auto& e : entries_) {
    if (only && e.company != only) continue;
    if (std::find(e.signatures.begin(), e.signatures.end(), sig) != e.signatures.end()) return {e.company, e.value};
  }
  return {};
}

ValueRef ValueNames::Loose(std::string_view written, const std::vector<std::string>& sig, const Company& company) const {
  if (std::string_view cut = Truncated(written); !cut.empty()) {
    for (const auto& v : company.values) {
      if (StartsWithIgnoreCase(v.name, cut)) return {&company, &v};
    }
  }
  if (sig.size() < 2) return {};
  const CompanyValue* found = nullptr;
  for (const auto& e : entries_) {
    if (e.company != &company) continue;
    bool match = std::any_of(e.signatures.begin(), e.signatures.end(),
                             [&](const std::vector<std::string>& s) { return Contains(s, sig); });
    if (!match) continue;
    if (found && found != e.value) return {};  // Two values hold these words: ambiguous.
    found = e.value;
  }
  return found ? ValueRef{&company, found} : ValueRef{};
}

ValueRef ValueNames::Find(std::string_view written, const Company* prefer) const {
  if (Trim(written).empty()) return {};
  const std::vector<std::string> sigs[] = {ValueSignature(written), ValueSignature(StripParenthetical(written))};
  for (const auto& sig : sigs) {
    if (prefer) {
      if (ValueRef r = Exact(sig, prefer); r.value) return r;
    }
  }
  if (prefer) {
    if (ValueRef r = Loose(written, sigs[0], *prefer); r.value) return r;
  }
  // Exact names and aliases of any company before loose matches.
  for (const auto& sig : sigs) {
    if (ValueRef r = Exact(sig, nullptr); r.value) return r;
  }
  for (const auto& c : catalog_.companies) {
    if (&c == prefer) continue;
    if (ValueRef r = Loose(written, sigs[0], c); r.value) return r;
  }
  return {};
}

ValueList ValueNames::ParseList(std::string_view text, const Company* prefer) const {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    bool sep = i == text.size() || text[i] == ',' || text[i] == ';' || (text[i] == '/' && i > 0 && text[i - 1] == ' ');
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
    // The longest run of neighbouring parts that names one value.
    for (size_t len = std::min<size_t>(3, parts.size() - i); len >= 1 && !taken; --len) {
      std::string joined;
      for (size_t k = i; k < i + len; ++k) joined += (k > i ? ", " : "") + std::string(parts[k]);
      ValueRef r;
      if (len == 1) {
        r = Find(joined, prefer);
      } else {
        // Joined parts must name a value exactly, not loosely: "Ownership, Dive Deep"
        // must not read as one value holding both words.
        std::vector<std::string> sig = ValueSignature(joined);
        if (prefer) r = Exact(sig, prefer);
        if (!r.value) r = Exact(sig, nullptr);
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
