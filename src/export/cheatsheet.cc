#include "export/cheatsheet.h"

#include <cmath>
#include <set>

#include <fmt/format.h>

#include "export/digest.h"
#include "importer/metrics.h"
#include "importer/refs.h"
#include "util/text.h"

namespace rehearse {
namespace {

// Seconds a section gets in a two-and-a-half-minute answer: the middle of the
// method's two-to-three-minute target.
constexpr double kAnswerSeconds = 150;

// Print first: sizes in mm and pt. Cards and table rows carry both the current and
// the legacy break property, because Chromium's print path still honours either.
constexpr const char* kCss = R"css(
@page { size: %PAPER%; margin: 11mm 10mm 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 9pt/1.35 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #111; margin: 0; }
@media screen { body { max-width: 200mm; margin: 8mm auto; padding: 0 4mm; } }
header { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 2px solid #111; margin-bottom: 3mm; }
h1 { font-size: 15pt; margin: 0 0 1mm; }
header p { margin: 0; color: #444; }
h2 { font-size: 11pt; margin: 4mm 0 1.5mm; padding-bottom: 0.5mm; border-bottom: 1px solid #888;
     break-after: avoid; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.8mm 1.5mm; border-bottom: 0.5px solid #ccc; }
th { font-size: 8pt; text-transform: uppercase; letter-spacing: 0.03em; color: #444; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.fw { font-weight: bold; white-space: nowrap; }
.muted { color: #666; }
.gap { color: #8a1c1c; }
.grid { columns: 2; column-gap: 5mm; }
.card { display: block; break-inside: avoid; page-break-inside: avoid; border: 1px solid #444; border-radius: 2mm;
        padding: 2mm 2.8mm 1mm; margin: 0 0 3.5mm; }
.card .head { display: flex; justify-content: space-between; gap: 2mm; font-size: 8pt; color: #333; }
.card .key { font-weight: bold; font-size: 9.5pt; color: #111; white-space: nowrap; }
.card h3 { font-size: 9.5pt; margin: 0.8mm 0 1.2mm; }
.card .split { font-size: 7.5pt; color: #555; margin: 0 0 1mm; }
.card ul, .card ol { margin: 0.5mm 0 1mm; padding-left: 4.5mm; }
.card li { margin: 0.2mm 0; }
.card .label { font-size: 7.5pt; font-weight: bold; text-transform: uppercase; letter-spacing: 0.03em; color: #444; margin: 1mm 0 0; }
.card .metrics li { font-weight: bold; }
.card p { margin: 0.5mm 0; }
.card .end { text-align: center; font-size: 7pt; color: #777; margin-top: 0.8mm; }
)css";

std::string Id(std::string_view key) { return HtmlEscape(StoryIdFromKey(key)); }

// "Q3 Title" for the tables, the title cut to keep rows on one or two lines.
std::string StoryRef(const std::vector<Story>& stories, std::string_view key) {
  const Story* s = FindStory(stories, key);
  std::string out = "<b>" + Id(key) + "</b>";
  if (s) out += " " + HtmlEscape(Utf8Truncate(s->title, 70));
  return out;
}

void FrameworkTable(const Catalog& catalog, std::string& out) {
  out += "<section class=\"frameworks\"><h2>Pick the framework from the question</h2><table>"
         "<tr><th>When the question…</th><th>Use</th><th>Time in a 2&#8201;½ min answer</th><th>Best for</th></tr>";
  for (const Framework& f : catalog.frameworks) {
    std::vector<std::string> whys;
    std::set<std::string> seen;
    for (const FrameworkCue& cue : catalog.framework_cues) {
      if (cue.framework == f.id && seen.insert(cue.why).second) whys.push_back(HtmlEscape(cue.why));
    }
    std::vector<std::string> split;
    for (const auto& s : f.sections) {
      split.push_back(fmt::format("{} {}&#8239;s", HtmlEscape(s.name), std::lround(s.share * kAnswerSeconds / 100)));
    }
    out += fmt::format("<tr><td>{}</td><td class=\"fw\">{}</td><td>{}</td><td>{}</td></tr>",
                       whys.empty() ? "<span class=\"muted\">anything else (the default)</span>" : Join(whys, "; "),
                       HtmlEscape(f.id), Join(split, " · "), HtmlEscape(f.best_for));
  }
  out += "</table></section>";
}

void ValuesTable(const CheatSheetInput& in, const Plan& plan, std::string& out) {
  const Company* company = in.catalog->FindCompany(plan.company);
  std::string title = company ? company->name + " " + company->values_title : plan.company;
  out += fmt::format("<section class=\"values\" data-company=\"{}\"><h2>{}</h2><table>"
                     "<tr><th>Value</th><th>Your stories</th></tr>",
                     HtmlEscape(plan.company), HtmlEscape(title));
  for (const ValueCoverage& v : plan.values) {
    std::vector<std::string> refs;
    for (const auto& c : StoriesForValue(v)) {
      refs.push_back(StoryRef(*in.stories, c.key) + (c.tagged ? "" : " <span class=\"muted\">(inferred)</span>"));
    }
    std::string cell = Join(refs, "<br>");
    if (refs.empty()) {
      std::string advice;
      for (const Gap& g : plan.gaps) {
        if (g.value == v.name) advice = g.advice;
      }
      cell = "<span class=\"gap\">No story yet" + (advice.empty() ? "" : ": " + HtmlEscape(advice)) + "</span>";
    }
    out += fmt::format("<tr><td>{}</td><td>{}</td></tr>", HtmlEscape(v.name), cell);
  }
  out += "</table></section>";
}

void ThemesTable(const CheatSheetInput& in, std::string& out) {
  if (in.themes.empty()) return;
  out += "<section class=\"themes\"><h2>Go-to and backup story by theme</h2><table>"
         "<tr><th>Theme</th><th>Go-to</th><th>Backup</th></tr>";
  for (const ThemePick& t : in.themes) {
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>", HtmlEscape(t.theme),
                       t.goto_key.empty() ? "—" : StoryRef(*in.stories, t.goto_key),
                       t.backup_key.empty() ? "<span class=\"gap\">none yet</span>" : StoryRef(*in.stories, t.backup_key));
  }
  out += "</table></section>";
}

void Card(const CheatSheetInput& in, const Story& s, std::string& out) {
  out += fmt::format("<article class=\"card\" data-key=\"{}\"><div class=\"head\"><span class=\"key\">{} · {}</span>"
                     "<span class=\"project\">{}</span></div><h3>{}</h3>",
                     HtmlEscape(s.key), Id(s.key), HtmlEscape(s.framework), HtmlEscape(s.project), HtmlEscape(s.title));
  if (const Framework* f = in.catalog->FindFramework(s.framework)) {
    std::vector<std::string> parts;
    for (const auto& sec : f->sections) parts.push_back(fmt::format("{} {}%", HtmlEscape(sec.name), sec.share));
    out += "<p class=\"split\">" + Join(parts, " · ") + "</p>";
  }
  auto metrics = StoryMetrics(s, *in.catalog);
  out += "<p class=\"label\">Figures</p>";
  if (metrics.empty()) {
    out += "<p class=\"gap\">No figure in the result yet</p>";
  } else {
    out += "<ul class=\"metrics\">";
    for (const auto& m : metrics) out += "<li>" + HtmlEscape(m) + "</li>";
    out += "</ul>";
  }
  for (const Plan& plan : in.plans) {
    std::vector<std::string> names;
    for (const auto& v : plan.values) {
      for (const auto& c : StoriesForValue(v)) {
        if (c.key == s.key) names.push_back(HtmlEscape(v.name));
      }
    }
    if (names.empty()) continue;
    const Company* company = in.catalog->FindCompany(plan.company);
    out += fmt::format("<p><b>{}:</b> {}</p>", HtmlEscape(company ? company->name : plan.company), Join(names, ", "));
  }
  auto it = in.followups.find(s.key);
  if (it != in.followups.end() && !it->second.empty()) {
    out += "<p class=\"label\">Follow-ups to expect</p><ol class=\"followups\">";
    for (const auto& q : it->second) out += "<li>" + HtmlEscape(q) + "</li>";
    out += "</ol>";
  }
  out += fmt::format("<div class=\"end\">— {} —</div></article>", HtmlEscape(s.key));
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string CheatSheetHtml(const CheatSheetInput& in) {
  std::vector<std::string> companies;
  for (const Plan& p : in.plans) {
    const Company* c = in.catalog->FindCompany(p.company);
    companies.push_back(c ? c->name : p.company);
  }
  std::string title = companies.empty() ? "Interview cheat sheet" : "Interview cheat sheet: " + Join(companies, ", ");
  std::string css = kCss;
  css.replace(css.find("%PAPER%"), 7, in.paper == Paper::kLetter ? "letter" : "A4");
  std::string out = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + HtmlEscape(title) +
                    "</title>\n<style>" + css + "</style></head>\n<body>";
  out += fmt::format("<header><h1>{}</h1><p>{} stories · {}</p></header>", HtmlEscape(title), in.stories->size(),
                     HtmlEscape(in.date));
  FrameworkTable(*in.catalog, out);
  for (const Plan& p : in.plans) ValuesTable(in, p, out);
  ThemesTable(in, out);
  out += "<section class=\"cards\"><h2>Story cards</h2><div class=\"grid\">";
  for (const Story& s : *in.stories) {
    out += "\n";
    Card(in, s, out);
  }
  out += "</div></section></body></html>\n";
  return out;
}

}  // namespace rehearse
