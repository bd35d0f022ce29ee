#include "catalog/catalog.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>

#include <fmt/format.h>

#include "catalog/embedded_data.h"
#include "util/text.h"

namespace rehearse {
namespace {

namespace fs = std::filesystem;

// Reads one TOML document; every error names file:line:col.
class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  // "file:line:col" of `node`.
  std::string Where(const toml::node& node) const {
    const auto& b = node.source().begin;
    return fmt::format("{}:{}:{}", file_, b.line, b.column);
  }

  Error At(const toml::node& node, std::string_view what) const {
    return Error{fmt::format("{}: {}", Where(node), what)};
  }

  // Fails on any key of `table` not in `allowed`.
  Status CheckKeys(const toml::table& table, std::initializer_list<std::string_view> allowed) const {
    for (const auto& [key, node] : table) {
      if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
        const auto& b = key.source().begin;
        return Error{fmt::format("{}:{}:{}: unknown key \"{}\"", file_, b.line, b.column, key.str())};
      }
    }
    return {};
  }

  Result<std::string> String(const toml::table& t, std::string_view key, bool required) const {
    const toml::node* n = t.get(key);
    if (!n) {
      if (required) return At(t, fmt::format("missing key \"{}\"", key));
      return std::string();
    }
    if (!n->is_string()) return At(*n, fmt::format("\"{}\" must be a string", key));
    return std::string(n->as_string()->get());
  }

  Result<std::vector<std::string>> Strings(const toml::table& t, std::string_view key) const {
    std::vector<std::string> out;
    const toml::node* n = t.get(key);
    if (!n) return out;
    const toml::array* a = n->as_array();
    if (!a) return At(*n, fmt::format("\"{}\" must be an array of strings", key));
    for (const auto& item : *a) {
      if (!item.is_string()) return At(item, fmt::format("\"{}\" must hold strings only", key));
      out.emplace_back(item.as_string()->get());
    }
    return out;
  }

  Result<const toml::array*> Tables(const toml::table& t, std::string_view key) const {
    const toml::node* n = t.get(key);
    if (!n) return static_cast<const toml::array*>(nullptr);
    const toml::array* a = n->as_array();
    if (!a || !a->is_array_of_tables()) return At(*n, fmt::format("\"{}\" must be written [[{}]]", key, key));
    return a;
  }

 private:
  std::string file_;
};

Result<toml::table> ParseToml(std::string_view text, const std::string& file) {
  try {
    return toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    const auto& b = e.source().begin;
    return Error{fmt::format("{}:{}:{}: {}", file, b.line, b.column, e.description())};
  }
}

Result<std::vector<Framework>> ReadFrameworks(std::string_view text, const std::string& file) {
  Reader r(file);
  REHEARSE_TRY_ASSIGN(doc, ParseToml(text, file));
  REHEARSE_TRY(r.CheckKeys(doc, {"framework"}));
  REHEARSE_TRY_ASSIGN(list, r.Tables(doc, "framework"));
  std::vector<Framework> out;
  if (!list) return out;
  for (const auto& node : *list) {
    const toml::table& t = *node.as_table();
    REHEARSE_TRY(r.CheckKeys(t, {"id", "best_for", "section"}));
    Framework f;
    REHEARSE_TRY_ASSIGN(id, r.String(t, "id", true));
    REHEARSE_TRY_ASSIGN(best_for, r.String(t, "best_for", false));
    f.id = id;
    f.best_for = best_for;
    REHEARSE_TRY_ASSIGN(sections, r.Tables(t, "section"));
    if (!sections || sections->empty()) return r.At(t, fmt::format("framework {} has no [[framework.section]]", f.id));
    int total = 0;
    bool has_action = false;
    for (const auto& snode : *sections) {
      const toml::table& st = *snode.as_table();
      REHEARSE_TRY(r.CheckKeys(st, {"name", "role", "share", "prompt"}));
      FrameworkSection s;
      REHEARSE_TRY_ASSIGN(name, r.String(st, "name", true));
      REHEARSE_TRY_ASSIGN(prompt, r.String(st, "prompt", false));
      REHEARSE_TRY_ASSIGN(role, r.String(st, "role", true));
      s.name = name;
      s.prompt = prompt;
      if (!ParseRole(role, &s.role))
        return r.At(*st.get("role"), fmt::format("role must be context, task, action, result or learning, not \"{}\"", role));
      const toml::node* share = st.get("share");
      if (!share || !share->is_integer()) return r.At(share ? *share : st, "\"share\" must be an integer percent");
      s.share = static_cast<int>(share->as_integer()->get());
      if (s.share <= 0 || s.share > 100) return r.At(*share, "\"share\" must be between 1 and 100");
      total += s.share;
      has_action |= s.role == SectionRole::kAction;
      f.sections.push_back(std::move(s));
    }
    if (total != 100) return r.At(t, fmt::format("the shares of framework {} sum to {}, not 100", f.id, total));
    if (!has_action) return r.At(t, fmt::format("framework {} has no section with role \"action\"", f.id));
    out.push_back(std::move(f));
  }
  return out;
}

Result<Company> ReadCompany(std::string_view text, const std::string& file) {
  Reader r(file);
  REHEARSE_TRY_ASSIGN(doc, ParseToml(text, file));
  REHEARSE_TRY(r.CheckKeys(doc, {"id", "name", "values_title", "source", "source_date", "value"}));
  Company c;
  REHEARSE_TRY_ASSIGN(id, r.String(doc, "id", true));
  REHEARSE_TRY_ASSIGN(name, r.String(doc, "name", true));
  REHEARSE_TRY_ASSIGN(title, r.String(doc, "values_title", false));
  REHEARSE_TRY_ASSIGN(source, r.String(doc, "source", false));
  REHEARSE_TRY_ASSIGN(source_date, r.String(doc, "source_date", false));
  c.id = ToLower(id);
  c.name = name;
  c.source = source;
  c.source_date = source_date;
  c.values_title = title.empty() ? "Values" : title;
  REHEARSE_TRY_ASSIGN(values, r.Tables(doc, "value"));
  if (!values || values->empty()) return r.At(doc, fmt::format("company {} has no [[value]]", c.id));
  for (const auto& node : *values) {
    const toml::table& t = *node.as_table();
    REHEARSE_TRY(r.CheckKeys(t, {"name", "aliases", "description", "keywords", "related"}));
    CompanyValue v;
    REHEARSE_TRY_ASSIGN(vname, r.String(t, "name", true));
    REHEARSE_TRY_ASSIGN(desc, r.String(t, "description", false));
    REHEARSE_TRY_ASSIGN(aliases, r.Strings(t, "aliases"));
    REHEARSE_TRY_ASSIGN(keywords, r.Strings(t, "keywords"));
    REHEARSE_TRY_ASSIGN(related, r.Strings(t, "related"));
    for (const auto& rel : related) {
      if (rel.find(':') == std::string::npos) {
        return r.At(*t.get("related"), fmt::format("related \"{}\" must be written \"company:Value\"", rel));
      }
    }
    v.name = vname;
    v.description = desc;
    v.aliases = aliases;
    v.keywords = keywords;
    v.related = related;
    v.where = r.Where(t);
    v.signatures.push_back(ValueSignature(v.name));
    for (const auto& a : v.aliases) v.signatures.push_back(ValueSignature(a));
    c.values.push_back(std::move(v));
  }
  return c;
}

// Besides its own keys, a question takes one key per company profile (`amazon = [...]`):
// the values it probes, best first, each one the profile's (aliases become the
// canonical name).
Result<std::vector<Question>> ReadQuestions(std::string_view text, const std::string& file,
                                            const std::vector<Framework>& frameworks,
                                            const std::vector<Company>& companies) {
  Reader r(file);
  REHEARSE_TRY_ASSIGN(doc, ParseToml(text, file));
  REHEARSE_TRY(r.CheckKeys(doc, {"question"}));
  REHEARSE_TRY_ASSIGN(list, r.Tables(doc, "question"));
  std::vector<Question> out;
  if (!list) return out;
  for (const auto& node : *list) {
    const toml::table& t = *node.as_table();
    for (const auto& entry : t) {
      const auto& key = entry.first;
      std::string_view name = key.str();
      static constexpr std::string_view kOwn[] = {"text", "kind", "framework", "themes"};
      if (std::find(std::begin(kOwn), std::end(kOwn), name) != std::end(kOwn)) continue;
      if (std::none_of(companies.begin(), companies.end(), [&](const Company& c) { return c.id == name; })) {
        const auto& b = key.source().begin;
        return Error{fmt::format("{}:{}:{}: unknown key \"{}\" (not a field or a company id)", file, b.line, b.column,
                                 key.str())};
      }
    }
    Question q;
    REHEARSE_TRY_ASSIGN(qtext, r.String(t, "text", true));
    REHEARSE_TRY_ASSIGN(kind, r.String(t, "kind", true));
    REHEARSE_TRY_ASSIGN(framework, r.String(t, "framework", true));
    REHEARSE_TRY_ASSIGN(themes, r.Strings(t, "themes"));
    q.text = qtext;
    if (kind == "normal") q.kind = QuestionKind::kNormal;
    else if (kind == "grilling") q.kind = QuestionKind::kGrilling;
    else return r.At(*t.get("kind"), fmt::format("kind must be \"normal\" or \"grilling\", not \"{}\"", kind));
    bool known = std::any_of(frameworks.begin(), frameworks.end(), [&](const Framework& f) { return f.id == framework; });
    if (!known) return r.At(*t.get("framework"), fmt::format("unknown framework \"{}\"", framework));
    q.framework = framework;
    q.themes = themes;
    for (const Company& company : companies) {
      REHEARSE_TRY_ASSIGN(vals, r.Strings(t, company.id));
      for (auto& v : vals) {
        const CompanyValue* known_value = company.FindValue(v);
        if (!known_value) return r.At(*t.get(company.id), fmt::format("{} has no value \"{}\"", company.name, v));
        v = known_value->name;
      }
      if (!vals.empty()) q.values[company.id] = vals;
    }
    out.push_back(std::move(q));
  }
  return out;
}

Result<std::vector<FrameworkCue>> ReadCues(std::string_view text, const std::string& file,
                                           const std::vector<Framework>& frameworks) {
  Reader r(file);
  REHEARSE_TRY_ASSIGN(doc, ParseToml(text, file));
  REHEARSE_TRY(r.CheckKeys(doc, {"cue"}));
  REHEARSE_TRY_ASSIGN(list, r.Tables(doc, "cue"));
  std::vector<FrameworkCue> out;
  if (!list) return out;
  for (const auto& node : *list) {
    const toml::table& t = *node.as_table();
    REHEARSE_TRY(r.CheckKeys(t, {"framework", "pattern", "weight", "why"}));
    FrameworkCue cue;
    REHEARSE_TRY_ASSIGN(framework, r.String(t, "framework", true));
    REHEARSE_TRY_ASSIGN(pattern, r.String(t, "pattern", true));
    REHEARSE_TRY_ASSIGN(why, r.String(t, "why", true));
    bool known = std::any_of(frameworks.begin(), frameworks.end(), [&](const Framework& f) { return f.id == framework; });
    if (!known) return r.At(*t.get("framework"), fmt::format("unknown framework \"{}\"", framework));
    const toml::node* weight = t.get("weight");
    if (weight && !weight->is_number()) return r.At(*weight, "\"weight\" must be a number");
    cue.framework = framework;
    cue.pattern = pattern;
    cue.why = why;
    cue.weight = weight ? weight->value<double>().value_or(1) : 1;
    out.push_back(std::move(cue));
  }
  return out;
}

// labels.toml: [[label]] section = "Task", names = ["Goal", "Objective"]. The section
// must be one of the frameworks' section names (so that its role is known).
Result<std::vector<SectionLabels>> ReadLabels(std::string_view text, const std::string& file,
                                              const std::vector<Framework>& frameworks) {
  Reader r(file);
  REHEARSE_TRY_ASSIGN(doc, ParseToml(text, file));
  REHEARSE_TRY(r.CheckKeys(doc, {"label"}));
  REHEARSE_TRY_ASSIGN(list, r.Tables(doc, "label"));
  std::vector<SectionLabels> out;
  if (!list) return out;
  for (const auto& node : *list) {
    const toml::table& t = *node.as_table();
    REHEARSE_TRY(r.CheckKeys(t, {"section", "names", "symbols"}));
    SectionLabels entry;
    REHEARSE_TRY_ASSIGN(section, r.String(t, "section", true));
    REHEARSE_TRY_ASSIGN(names, r.Strings(t, "names"));
    REHEARSE_TRY_ASSIGN(symbols, r.Strings(t, "symbols"));
    bool known = std::any_of(frameworks.begin(), frameworks.end(),
                             [&](const Framework& f) { return f.FindSection(section) != nullptr; });
    if (!known) return r.At(*t.get("section"), fmt::format("\"{}\" is no framework's section name", section));
    if (names.empty()) return r.At(t, "a [[label]] needs \"names\": the labels that stand for its section");
    for (size_t i = 0; i < names.size(); ++i) {
      if (NormalizeLabel(names[i]).empty()) {
        return r.At(*t.get("names")->as_array()->get(i), fmt::format("\"{}\" has no letters to read as a label", names[i]));
      }
    }
    entry.section = section;
    entry.names = names;
    entry.symbols = symbols;
    out.push_back(std::move(entry));
  }
  return out;
}

template <typename T>
void Upsert(std::vector<T>& list, T item) {
  for (auto& existing : list) {
    if (ToLower(existing.id) == ToLower(item.id)) {
      existing = std::move(item);
      return;
    }
  }
  list.push_back(std::move(item));
}

Result<std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{fmt::format("{}: cannot open", path.string())};
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Adds one source of catalog files (the built-in set or a user folder) to `catalog`.
// `get` returns a file's text by relative path, or nullopt; `company_files` lists the
// company profiles of that source.
template <typename Get>
Status AddSource(Catalog& catalog, const std::string& prefix, Get get,
                 const std::vector<std::string>& company_files, CatalogParts parts) {
  if (auto text = get("frameworks.toml")) {
    REHEARSE_TRY_ASSIGN(frameworks, ReadFrameworks(*text, prefix + "frameworks.toml"));
    for (auto& f : frameworks) Upsert(catalog.frameworks, std::move(f));
  }
  for (const auto& file : company_files) {
    auto text = get(file);
    if (!text) continue;
    REHEARSE_TRY_ASSIGN(company, ReadCompany(*text, prefix + file));
    Upsert(catalog.companies, std::move(company));
  }
  if (auto text = get("framework_cues.toml")) {
    REHEARSE_TRY_ASSIGN(cues, ReadCues(*text, prefix + "framework_cues.toml", catalog.frameworks));
    for (auto& c : cues) catalog.framework_cues.push_back(std::move(c));
  }
  if (auto text = parts == CatalogParts::kAll ? get("questions.toml") : std::nullopt) {
    REHEARSE_TRY_ASSIGN(questions, ReadQuestions(*text, prefix + "questions.toml", catalog.frameworks, catalog.companies));
    for (auto& q : questions) catalog.questions.push_back(std::move(q));
  }
  if (auto text = get("labels.toml")) {
    REHEARSE_TRY_ASSIGN(labels, ReadLabels(*text, prefix + "labels.toml", catalog.frameworks));
    // A later source (the user's folder) reads before the built-in vocabulary.
    auto& entries = catalog.labels.entries;
    entries.insert(entries.begin(), labels.begin(), labels.end());
    CompileLabels(catalog.labels);
  }
  return {};
}

// Every "company:Value" a profile names as related must be a value of a loaded profile.
Status CheckRelated(const Catalog& catalog) {
  for (const auto& company : catalog.companies) {
    for (const auto& v : company.values) {
      for (const auto& rel : v.related) {
        size_t colon = rel.find(':');
        const Company* other = catalog.FindCompany(rel.substr(0, colon));
        if (!other || !other->FindValue(rel.substr(colon + 1))) {
          return Error{fmt::format("{}: {}: related \"{}\" names no known company value", v.where, v.name, rel)};
        }
      }
    }
  }
  return {};
}

}  // namespace

const Framework* Catalog::FindFramework(std::string_view id) const {
  std::string wanted = ToLower(id);
  for (const auto& f : frameworks) {
    if (ToLower(f.id) == wanted) return &f;
  }
  return nullptr;
}

const Company* Catalog::FindCompany(std::string_view id) const {
  std::string wanted = ToLower(id);
  for (const auto& c : companies) {
    if (c.id == wanted || ToLower(c.name) == wanted) return &c;
  }
  return nullptr;
}

std::optional<std::string_view> BuiltinFile(std::string_view path) {
  for (const auto& f : EmbeddedFiles()) {
    if (f.path == path) return f.content;
  }
  return std::nullopt;
}

std::string DefaultUserDataDir() {
  if (const char* d = std::getenv("REHEARSE_DATA"); d && *d) return d;
  if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) return std::string(x) + "/rehearse";
  if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.config/rehearse";
  return "";
}

Result<Catalog> LoadCatalog(const std::string& user_dir, CatalogParts parts) {
  Catalog catalog;
  std::vector<std::string> builtin_companies;
  for (const auto& f : EmbeddedFiles()) {
    if (f.path.starts_with("companies/")) builtin_companies.emplace_back(f.path);
  }
  auto builtin = [](const std::string& path) -> std::optional<std::string> {
    auto text = BuiltinFile(path);
    if (!text) return std::nullopt;
    return std::string(*text);
  };
  REHEARSE_TRY(AddSource(catalog, "(built-in) data/", builtin, builtin_companies, parts));

  std::error_code ec;
  if (user_dir.empty() || !fs::is_directory(user_dir, ec)) {
    REHEARSE_TRY(CheckRelated(catalog));
    return catalog;
  }
  std::vector<std::string> user_companies;
  for (const auto& entry : fs::directory_iterator(fs::path(user_dir) / "companies", ec)) {
    if (entry.path().extension() == ".toml") user_companies.push_back("companies/" + entry.path().filename().string());
  }
  std::sort(user_companies.begin(), user_companies.end());
  auto user = [&](const std::string& path) -> std::optional<std::string> {
    fs::path full = fs::path(user_dir) / path;
    if (!fs::exists(full, ec)) return std::nullopt;
    auto text = ReadFile(full);
    if (!text) return std::nullopt;
    return *text;
  };
  std::string prefix = user_dir.back() == '/' ? user_dir : user_dir + "/";
  REHEARSE_TRY(AddSource(catalog, prefix, user, user_companies, parts));
  REHEARSE_TRY(CheckRelated(catalog));
  return catalog;
}

}  // namespace rehearse
