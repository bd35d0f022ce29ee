#include <CLI/CLI.hpp>

#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "cli/prep.h"
#include "export/bank_export.h"
#include "json/prep_json.h"
#include "lint/linter.h"
#include "lint/loader.h"
#include "prep/bank_checklist.h"
#include "store/company_notes.h"
#include "util/text.h"

namespace rehearse::cli {
namespace {

// The profile `o.company` names. Fails, naming it, when there is no such profile.
Result<const Company*> RequireCompany(const Catalog& catalog, const Options& o) {
  const Company* c = catalog.FindCompany(o.company);
  if (!c) return Error{fmt::format("unknown company \"{}\" (see: rehearse companies)", o.company)};
  return c;
}

std::string_view NoteTitle(std::string_view kind) {
  if (kind == "questions") return "Questions to ask the interviewer";
  if (kind == "news") return "Recent news and products";
  return "Notes";
}

}  // namespace

int RunPrintableExport(const Options& o) {
  auto indexed = LoadIndexed(o);
  if (!indexed) return Fail(indexed.error());
  const Indexed& ix = **indexed;
  auto linter = DefaultLinter(ix.catalog);
  if (!linter) return Fail(linter.error());
  auto paper = ParsePaper(o.paper);
  if (!paper) return Fail(paper.error());
  auto text = PrintableExport(ix.view.stories, ix.view.themes, ix.catalog, *ix.classifier, **linter,
                              PrintableOptions{o.format, o.company, *paper});
  if (!text) return Fail(text.error());
  if (o.output.empty() || o.output == "-") {
    fmt::print("{}", *text);
    return 0;
  }
  if (auto st = WriteFileAtomically(o.output, *text); !st) return Fail(st.error());
  fmt::print(stderr, "Wrote {} for {} to {}\n", o.format == "html" ? "the cheat sheet" : "the Anki deck",
             Plural(static_cast<long long>(ix.view.stories.size()), "story", "stories"), o.output);
  return 0;
}

void SetupChecklist(CLI::App& cmd, Options& o) {
  cmd.add_option("--company", o.company, "Company to get ready for")->required();
}

int RunChecklist(const Options& o) {
  auto indexed = LoadIndexed(o);
  if (!indexed) return Fail(indexed.error());
  const Indexed& ix = **indexed;
  auto linter = DefaultLinter(ix.catalog);
  if (!linter) return Fail(linter.error());
  auto checklist = ChecklistForBank(*ix.view.bank, ix.catalog, *ix.classifier, **linter, o.company);
  if (!checklist) return Fail(checklist.error());
  if (o.json) {
    fmt::print("{}\n", ChecklistJson(*checklist));
    return 0;
  }
  fmt::print("Ready for {}? {} of {} done\n\n", checklist->company_name, checklist->done, checklist->items.size());
  for (const auto& item : checklist->items) {
    fmt::print("[{}] {}\n    {}\n", item.done ? "x" : " ", item.label, item.detail);
    if (!item.next_step.empty()) fmt::print("    next: {}\n", item.next_step);
    if (!item.command.empty() && !item.done) fmt::print("          {}\n", item.command);
  }
  return 0;
}

void SetupNotes(CLI::App& cmd, Options& o) {
  cmd.add_option("--company", o.company, "Company the notes are for")->required();
  cmd.add_option("--kind", o.kind, "questions (to ask the interviewer), news or notes")
      ->check(CLI::IsMember({"questions", "news", "notes"}));
  cmd.add_option("--set", o.note_from, "Save this file's text (- for standard input) as the note's next revision");
}

int RunNotes(const Options& o) {
  auto catalog = LoadCatalogFor(o);
  if (!catalog) return Fail(catalog.error());
  auto company = RequireCompany(*catalog, o);
  if (!company) return Fail(company.error());
  const std::string& id = (*company)->id;
  auto bank = OpenBank(o);
  if (!bank) return Fail(bank.error());
  CompanyNotes notes((*bank)->db());
  if (!o.note_from.empty()) {
    if (o.kind.empty()) return Fail(Error{"notes: --set needs --kind (questions, news or notes)"});
    std::string text;
    if (o.note_from == "-") {
      std::ostringstream ss;
      ss << std::cin.rdbuf();
      text = ss.str();
    } else {
      auto read = ReadInput(o.note_from);
      if (!read) return Fail(read.error());
      text = std::move(*read);
    }
    auto before = notes.Current(id, o.kind);
    if (!before) return Fail(before.error());
    auto saved = notes.Set(id, o.kind, text);
    if (!saved) return Fail(Error{fmt::format("{}: {}", o.note_from, saved.error().message)});
    if (o.json) {
      fmt::print("{}\n", NoteJson(*saved));
    } else if (saved->rev == before->rev) {
      fmt::print("{} {}: unchanged (revision {})\n", (*company)->name, o.kind, saved->rev);
    } else {
      fmt::print("{} {}: saved as revision {} (earlier ones are kept)\n", (*company)->name, o.kind, saved->rev);
    }
    return 0;
  }
  std::vector<CompanyNote> shown;
  if (o.kind.empty()) {
    auto all = notes.All(id);
    if (!all) return Fail(all.error());
    shown = std::move(*all);
  } else {
    auto one = notes.Current(id, o.kind);
    if (!one) return Fail(one.error());
    shown.push_back(std::move(*one));
  }
  if (o.json) {
    fmt::print("{}\n", o.kind.empty() ? NotesJson(id, shown) : NoteJson(shown.front()));
    return 0;
  }
  if (!o.kind.empty()) {  // One kind: the text alone, so that it can be piped back into --set.
    fmt::print("{}", shown.front().text);
    return 0;
  }
  for (const auto& n : shown) {
    fmt::print("== {} ({})\n", NoteTitle(n.kind),
               n.rev == 0 ? "nothing yet" : fmt::format("revision {}, {}", n.rev, n.created_at));
    if (!n.text.empty()) fmt::print("{}{}", n.text, n.text.ends_with('\n') ? "" : "\n");
    fmt::print("\n");
  }
  return 0;
}

}  // namespace rehearse::cli
