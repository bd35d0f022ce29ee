#include "lint/loader.h"

#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "catalog/catalog.h"
#include "catalog/embedded_data.h"
#include "lint/kinds.h"
#include "util/text.h"

namespace rehearse {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kCommonKeys[] = {"id", "kind", "level", "scope", "message", "suggestion",
                                            "spoken_only", "labeled_only", "example"};

std::string Where(const std::string& file, const toml::source_region& r) {
  return fmt::format("{}:{}:{}", file, r.begin.line, r.begin.column);
}

Result<ParamValue> ToParam(const toml::node& node, const std::string& where) {
  ParamValue v;
  v.where = where;
  if (const auto* s = node.as_string()) {
    v.type = ParamValue::Type::kString;
    v.strings.push_back(s->get());
  } else if (const auto* a = node.as_array()) {
    v.type = ParamValue::Type::kStrings;
    for (const auto& item : *a) {
      if (!item.is_string()) return Error{fmt::format("{}: lists hold strings only", where)};
      v.strings.emplace_back(item.as_string()->get());
    }
  } else if (node.is_integer() || node.is_floating_point()) {
    v.type = ParamValue::Type::kNumber;
    v.number = node.is_integer() ? static_cast<double>(node.as_integer()->get()) : node.as_floating_point()->get();
  } else if (const auto* b = node.as_boolean()) {
    v.type = ParamValue::Type::kBool;
    v.boolean = b->get();
  } else if (const auto* t = node.as_table()) {
    v.type = ParamValue::Type::kPairs;
    for (const auto& [key, value] : *t) {
      if (!value.is_string()) return Error{fmt::format("{}: \"{}\" must map to a string", where, key.str())};
      v.pairs.emplace_back(std::string(key.str()), value.as_string()->get());
    }
  } else {
    return Error{fmt::format("{}: unsupported value", where)};
  }
  return v;
}

Result<std::vector<RuleExample>> ReadExamples(const toml::node* node, const std::string& file) {
  std::vector<RuleExample> out;
  if (!node) return out;
  const toml::array* list = node->as_array();
  if (!list || !list->is_array_of_tables()) return Error{fmt::format("{}: examples are written [[example]]", Where(file, node->source()))};
  for (const auto& item : *list) {
    const toml::table& t = *item.as_table();
    RuleExample e;
    e.where = Where(file, t.source());
    for (const auto& [key, value] : t) {
      std::string where = Where(file, key.source());
      if (key == "fires" && value.is_boolean()) e.fires = value.as_boolean()->get();
      else if (key == "text" && value.is_string()) e.text = value.as_string()->get();
      else if (key == "framework" && value.is_string()) e.framework = value.as_string()->get();
      else if (key == "spoken" && value.is_boolean()) e.spoken = value.as_boolean()->get();
      else if (key == "seconds" && (value.is_integer() || value.is_floating_point())) e.seconds = value.value<double>().value_or(0);
      else return Error{fmt::format("{}: unknown or mistyped example key \"{}\"", where, key.str())};
    }
    if (e.text.empty()) return Error{fmt::format("{}: an example needs \"text\"", e.where)};
    out.push_back(std::move(e));
  }
  return out;
}

Status AddPack(RuleSet& set, const std::vector<std::pair<std::string, std::string>>& files, const std::string& pack,
               const std::vector<std::string>& section_names) {
  for (const auto& [path, text] : files) {
    std::string default_id = pack + "." + fs::path(path).stem().string();
    REHEARSE_TRY_ASSIGN(loaded, ParseRule(text, path, default_id, section_names));
    auto it = std::find_if(set.rules.begin(), set.rules.end(),
                           [&](const LoadedRule& r) { return r.rule->info().id == loaded.rule->info().id; });
    if (it != set.rules.end()) *it = std::move(loaded);
    else set.rules.push_back(std::move(loaded));
  }
  return {};
}

}  // namespace

const LoadedRule* RuleSet::Find(std::string_view id) const {
  for (const auto& r : rules) {
    if (r.rule->info().id == id) return &r;
  }
  return nullptr;
}

Result<LoadedRule> ParseRule(std::string_view text, const std::string& file, const std::string& default_id,
                             const std::vector<std::string>& section_names) {
  toml::table doc;
  try {
    doc = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    return Error{fmt::format("{}: {}", Where(file, e.source()), e.description())};
  }
  auto str = [&](std::string_view key, std::string fallback) -> Result<std::string> {
    const toml::node* n = doc.get(key);
    if (!n) return fallback;
    if (!n->is_string()) return Error{fmt::format("{}: \"{}\" must be a string", Where(file, n->source()), key)};
    return std::string(n->as_string()->get());
  };
  REHEARSE_TRY_ASSIGN(kind_name, str("kind", ""));
  const RuleKind* kind = FindRuleKind(kind_name);
  if (!kind) {
    std::vector<std::string> names;
    for (const auto& k : RuleKinds()) names.emplace_back(k.name);
    const toml::node* n = doc.get("kind");
    return Error{fmt::format("{}: {} (kinds: {})", n ? Where(file, n->source()) : file + ":1:1",
                             kind_name.empty() ? "missing \"kind\"" : fmt::format("unknown kind \"{}\"", kind_name),
                             Join(names, ", "))};
  }
  RuleInfo info;
  info.kind = kind_name;
  REHEARSE_TRY_ASSIGN(id, str("id", default_id));
  REHEARSE_TRY_ASSIGN(level, str("level", "warning"));
  REHEARSE_TRY_ASSIGN(scope, str("scope", "answer"));
  REHEARSE_TRY_ASSIGN(message, str("message", ""));
  REHEARSE_TRY_ASSIGN(suggestion, str("suggestion", ""));
  info.id = id;
  info.scope = scope;
  info.message = message;
  info.suggestion = suggestion;
  if (message.empty()) return Error{fmt::format("{}:1:1: missing \"message\"", file)};
  if (level == "error") info.severity = Severity::kError;
  else if (level == "warning") info.severity = Severity::kWarning;
  else if (level == "suggestion") info.severity = Severity::kSuggestion;
  else return Error{fmt::format("{}: level must be error, warning or suggestion", Where(file, doc.get("level")->source()))};
  SectionRole role;
  bool known_scope = scope == "answer" || ParseRole(scope, &role) ||
                     std::any_of(section_names.begin(), section_names.end(), [&](const std::string& n) { return ToLower(n) == ToLower(scope); });
  if (!known_scope) {
    return Error{fmt::format("{}: scope must be answer, a role (context, task, action, result, learning) or a section name, not \"{}\"",
                             Where(file, doc.get("scope")->source()), scope)};
  }
  RuleParams params;
  params.where = file + ":1:1";
  for (const auto& [key, node] : doc) {
    std::string where = Where(file, key.source());
    bool common = std::find(std::begin(kCommonKeys), std::end(kCommonKeys), key.str()) != std::end(kCommonKeys);
    bool own = std::find(kind->keys.begin(), kind->keys.end(), key.str()) != kind->keys.end();
    if (!common && !own) return Error{fmt::format("{}: unknown key \"{}\" for a {} rule", where, key.str(), kind_name)};
    if (key == "spoken_only" || key == "labeled_only") {
      if (!node.is_boolean()) return Error{fmt::format("{}: \"{}\" must be true or false", where, key.str())};
      (key == "spoken_only" ? info.spoken_only : info.labeled_only) = node.as_boolean()->get();
    }
    if (own) {
      REHEARSE_TRY_ASSIGN(value, ToParam(node, where));
      params.values.emplace(std::string(key.str()), std::move(value));
    }
  }
  REHEARSE_TRY_ASSIGN(rule, kind->make(std::move(info), params));
  REHEARSE_TRY_ASSIGN(examples, ReadExamples(doc.get("example"), file));
  return LoadedRule{std::move(rule), std::move(examples), file};
}

Result<RuleSet> LoadRules(const std::vector<std::string>& packs, const std::vector<std::string>& disabled,
                          const std::vector<std::string>& section_names) {
  RuleSet set;
  std::vector<std::pair<std::string, std::string>> builtin;
  for (const auto& f : EmbeddedFiles()) {
    if (f.path.starts_with("rules/default/")) builtin.emplace_back("(built-in) data/" + std::string(f.path), std::string(f.content));
  }
  REHEARSE_TRY(AddPack(set, builtin, "default", section_names));
  for (const auto& dir : packs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return Error{fmt::format("{}: not a folder of rule files", dir)};
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.path().extension() != ".toml") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      files.emplace_back(entry.path().string(), ss.str());
    }
    std::sort(files.begin(), files.end());
    REHEARSE_TRY(AddPack(set, files, fs::path(dir).filename().string(), section_names));
  }
  for (const auto& id : disabled) {
    auto it = std::find_if(set.rules.begin(), set.rules.end(), [&](const LoadedRule& r) { return r.rule->info().id == id; });
    if (it == set.rules.end()) return Error{fmt::format("--disable {}: no rule has that id (see: rehearse lint --list-rules)", id)};
    set.rules.erase(it);
  }
  std::sort(set.rules.begin(), set.rules.end(),
            [](const LoadedRule& a, const LoadedRule& b) { return a.rule->info().id < b.rule->info().id; });
  return set;
}

}  // namespace rehearse
