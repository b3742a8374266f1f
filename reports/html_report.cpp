// The HTML report: one self-contained page (inline CSS and JS; a Content-Security-Policy
// forbids every fetch), readable without JS, that a person opens from disk.
//
//   summary      inputs, connections, violations by severity and by rule (with the rule's
//                RFC section and summary from the catalog), every violation linking to its place
//   filters      severity, rule and connection (JS; hidden when JS does not run)
//   connections  per connection: facts, a ladder diagram (client and server columns, time
//                flowing down) with violations marked on the arrow of the message that caused
//                them, then the violations with excerpt, line, caret and RFC links
//
// Every text from the analysis is escaped (excerpts carry hostile bytes), and nothing from
// it goes into the script or the style. What is embedded is capped (HtmlOptions); the page
// says what it left out.

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "reports/capture_problems.h"
#include "reports/escape.h"
#include "reports/html_transcript.h"
#include "reports/probe_report.h"
#include "reports/report.h"
#include "reports/rfc_links.h"
#include "reports/terminal_style.h"

namespace imapscope::reports {
namespace {

using checks::Severity;

constexpr std::string_view kStyle = R"CSS(
:root{--fg:#1f2933;--muted:#616e7c;--line:#d3d8de;--bg:#ffffff;--panel:#f5f7fa;
--err:#c81e1e;--err-bg:#fdecec;--warn:#b45309;--warn-bg:#fdf3e1;--info:#0e7490;--info-bg:#e3f4f8;
--c2s:#1d4ed8;--s2c:#047857;--mono:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace}
*{box-sizing:border-box}
body{margin:0;color:var(--fg);background:var(--bg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
header.top{background:#1f2933;color:#fff;padding:14px 24px}
header.top h1{margin:0;font-size:20px;font-weight:600}
header.top .sub{margin:2px 0 0;color:#cbd2d9;font-size:13px}
main{max-width:1240px;margin:0 auto;padding:8px 24px 48px}
h2{font-size:18px;margin:28px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:15px;margin:18px 0 8px}
a{color:#1d4ed8}
code,pre,.mono{font-family:var(--mono);font-size:12.5px}
.muted{color:var(--muted);font-weight:normal}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}
.card{min-width:130px;padding:10px 14px;border:1px solid var(--line);border-radius:8px;background:var(--panel)}
.card .num{display:block;font-size:24px;font-weight:700;line-height:1.1}
.card.sev-error .num{color:var(--err)}.card.sev-warning .num{color:var(--warn)}.card.sev-info .num{color:var(--info)}
table{border-collapse:collapse;width:100%;margin:6px 0 10px}
th,td{text-align:left;vertical-align:top;padding:5px 8px;border-bottom:1px solid var(--line)}
th{background:var(--panel);font-weight:600;font-size:13px}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;padding:0 7px;border-radius:9px;font-size:12px;font-weight:600;line-height:18px;white-space:nowrap}
.badge.sev-error{background:var(--err-bg);color:var(--err)}
.badge.sev-warning{background:var(--warn-bg);color:var(--warn)}
.badge.sev-info{background:var(--info-bg);color:var(--info)}
.badge.ok{background:#e6f4ea;color:#1e7b34}
.note{margin:8px 0;padding:8px 12px;border-left:4px solid #d69e2e;background:#fffbeb;color:#5f4b10}
.note ul{margin:4px 0 0;padding-left:20px}
.filters{display:flex;flex-wrap:wrap;align-items:center;gap:14px;padding:10px 12px;margin:8px 0;border:1px solid var(--line);border-radius:8px;background:var(--panel)}
.filters label{white-space:nowrap}
.filters select{font:inherit;padding:2px 4px}
.hidden{display:none!important}
section.conn{margin-top:8px}
.facts{color:var(--muted);margin:0 0 6px}
.facts b{color:var(--fg)}
.caps code{display:inline-block;margin:0 4px 3px 0;padding:0 4px;background:var(--panel);border:1px solid var(--line);border-radius:4px}
details.ladder-box{margin:10px 0;border:1px solid var(--line);border-radius:8px;padding:4px 10px 10px}
details.ladder-box>summary{cursor:pointer;font-weight:600;padding:4px 0}
.ladder{margin-top:6px}
.lrow{display:grid;grid-template-columns:7.5em minmax(0,1fr) 17em;column-gap:8px}
.lhead .who{display:flex;justify-content:space-between}
.lhead .who span{padding:3px 12px;border:1px solid var(--line);border-radius:6px;background:var(--panel);font-weight:600;font-size:13px}
.lhead .who span:last-child{margin-right:-2px}
.at{font-family:var(--mono);font-size:11.5px;color:var(--muted);text-align:right;padding-top:3px;line-height:1.25}
.at .tm{display:block;font-size:10.5px}
.arrow{position:relative;border-left:2px solid #9aa5b1;border-right:2px solid #9aa5b1;padding:3px 20px 13px;--ac:var(--c2s)}
.s2c .arrow{--ac:var(--s2c);text-align:right}
.arrow .t{font-family:var(--mono);font-size:12.5px;line-height:1.35;white-space:pre-wrap;overflow-wrap:anywhere}
.arrow::after{content:"";position:absolute;left:6px;right:6px;bottom:5px;border-top:2px solid var(--ac)}
.c2s .arrow::before{content:"";position:absolute;right:0;bottom:0;border-left:10px solid var(--ac);border-top:6px solid transparent;border-bottom:6px solid transparent}
.s2c .arrow::before{content:"";position:absolute;left:0;bottom:0;border-right:10px solid var(--ac);border-top:6px solid transparent;border-bottom:6px solid transparent}
.k-completion .t{font-weight:600}
.k-continuation .t,.k-exchange .t{font-style:italic}
.k-unparsed .t{text-decoration:underline wavy #c81e1e}
.lrow.bad-error .arrow{background:var(--err-bg);--ac:var(--err)}
.lrow.bad-warning .arrow{background:var(--warn-bg);--ac:var(--warn)}
.lrow.bad-info .arrow{background:var(--info-bg);--ac:var(--info)}
.lrow:target .arrow,.vd:target{outline:2px solid #f0b429;outline-offset:-2px}
.marks{padding-top:2px}
.mark{display:inline-block;margin:0 4px 3px 0;padding:0 6px;border-radius:9px;font:600 11.5px/18px var(--mono);text-decoration:none}
.mark.sev-error{background:var(--err);color:#fff}
.mark.sev-warning{background:var(--warn);color:#fff}
.mark.sev-info{background:var(--info);color:#fff}
.lrow.end .arrow{border-bottom:2px solid #9aa5b1;padding:6px 20px;text-align:center;color:var(--muted);font-style:italic}
.lrow.end .arrow::after,.lrow.end .arrow::before{display:none}
ol.vds{list-style:none;padding:0;margin:0}
.vd{border:1px solid var(--line);border-left:5px solid var(--err);border-radius:6px;padding:8px 12px;margin:0 0 10px}
.vd.sev-warning{border-left-color:var(--warn)}.vd.sev-info{border-left-color:var(--info)}
.vd .vh{display:flex;flex-wrap:wrap;align-items:center;gap:8px}
.vd .rule{font-weight:600}
.vd .msg{margin:6px 0}
.vd pre.ex{margin:6px 0;padding:6px 10px;background:var(--panel);border-radius:4px;white-space:pre-wrap;overflow-wrap:anywhere}
.vd pre.ex .caret{color:#1e7b34;font-weight:700}
.vd .cite,.vd .meta{margin:4px 0;color:var(--muted);font-size:13px}
)CSS";

// Filters: every element of class "v" carries data-severity, data-rule, data-connection.
constexpr std::string_view kScript = R"JS(
(function () {
  var d = document, root = d.documentElement;
  var box = d.getElementById('filters');
  if (!box) return;
  box.classList.remove('hidden');
  var sev = box.querySelectorAll('input[data-severity]');
  var rule = d.getElementById('f-rule'), conn = d.getElementById('f-conn');
  var shown = d.getElementById('f-shown');
  var items = d.querySelectorAll('.v'), rows = d.querySelectorAll('tr.v');
  var sections = d.querySelectorAll('section.conn');
  function apply() {
    var on = {};
    sev.forEach(function (b) { on[b.getAttribute('data-severity')] = b.checked; });
    var r = rule.value, c = conn.value, n = 0;
    items.forEach(function (e) {
      var ok = on[e.getAttribute('data-severity')] &&
               (!r || e.getAttribute('data-rule') === r) &&
               (!c || e.getAttribute('data-connection') === c);
      e.classList.toggle('hidden', !ok);
    });
    rows.forEach(function (e) { if (!e.classList.contains('hidden')) n++; });
    sections.forEach(function (s) {
      s.classList.toggle('hidden', !!c && s.getAttribute('data-connection') !== c);
    });
    shown.textContent = 'showing ' + n + ' of ' + rows.length + ' listed violations';
  }
  function reset() {
    sev.forEach(function (b) { b.checked = true; });
    rule.value = ''; conn.value = '';
    apply();
  }
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var t = id && d.getElementById(id);
    if (!t) return;
    for (var e = t; e; e = e.parentElement) {
      if (e.classList && e.classList.contains('hidden')) { reset(); break; }
    }
    for (var p = t.parentElement; p; p = p.parentElement) {
      if (p.tagName === 'DETAILS') p.open = true;
    }
    t.scrollIntoView();
  }
  sev.forEach(function (b) { b.addEventListener('change', apply); });
  rule.addEventListener('change', apply);
  conn.addEventListener('change', apply);
  d.getElementById('f-reset').addEventListener('click', reset);
  window.addEventListener('hashchange', reveal);
  apply();
  reveal();
  root.setAttribute('data-js', 'ready');
})();
)JS";

std::string esc(std::string_view s) {
  return escape_markup(s);
}
std::string attr(std::string_view s) {
  return escape_attribute(s);
}

std::string grouped(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string plural(std::uint64_t n, std::string_view one, std::string_view many) {
  return grouped(n) + " " + std::string(n == 1 ? one : many);
}

// "1 error", "2 warnings", "3 info".
std::string severity_count(std::size_t n, Severity s) {
  const std::string name(checks::severity_name(s));
  return grouped(n) + " " + name + (n != 1 && s != Severity::kInfo ? "s" : "");
}

// What the capture lacks or holds damaged, so a reader knows which findings rest on
// incomplete data; at most `max` listed.
std::string capture_problems_html(const std::vector<capture::CaptureProblem>& problems,
                                  std::string_view heading, std::size_t max = 100) {
  if (problems.empty()) return {};
  std::string out = "<div class=\"note capture-problems\" data-count=\"" +
                    std::to_string(problems.size()) + "\"><strong>" + esc(heading) +
                    "</strong><ul>";
  for (std::size_t i = 0; i < problems.size() && i < max; ++i)
    out += "<li>" + esc(capture_problem_text(problems[i])) + "</li>";
  out += "</ul>";
  if (problems.size() > max) out += grouped(problems.size() - max) + " more not shown.";
  return out + "</div>\n";
}

std::string sev_class(Severity s) {
  return "sev-" + std::string(checks::severity_name(s));
}

std::string badge(Severity s) {
  return "<span class=\"badge " + sev_class(s) + "\">" + std::string(checks::severity_name(s)) +
         "</span>";
}

// "RFC 9051 §2.2.1, §9" with each section a link.
std::string citation_html(std::string_view rfc) {
  std::string out;
  for (const CitationPart& p : cite_rfc_sections(rfc)) {
    if (p.url.empty()) {
      out += esc(p.text);
    } else {
      out += "<a href=\"" + attr(p.url) + "\" rel=\"noopener noreferrer\">" + esc(p.text) + "</a>";
    }
  }
  return out;
}

std::string data_attrs(const checks::Violation& v) {
  return " data-severity=\"" + std::string(checks::severity_name(v.severity)) + "\" data-rule=\"" +
         attr(v.rule) + "\" data-connection=\"" + std::to_string(v.connection) + "\"";
}

std::string short_time(capture::Timestamp t) {
  const std::string iso = format_time(t);  // 2026-11-23T16:45:00.000123Z
  return iso.size() >= 26 ? iso.substr(11, 15) : iso;
}

const std::string& file_of_message(const checks::Analysis& a, const checks::ConnectionSummary& c,
                                   capture::Direction dir) {
  const checks::InputSummary& in = a.inputs.at(c.input);
  return dir == capture::Direction::kServerToClient && !in.server_path.empty() ? in.server_path
                                                                               : in.path;
}

class HtmlWriter {
 public:
  HtmlWriter(const checks::Analysis& a, const ToolInfo& tool, const HtmlOptions& o)
      : a_(a), tool_(tool), o_(o) {}

  std::string write() {
    plan();
    h_ += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    // Nothing may be fetched: no script, style, image, font or frame from anywhere.
    h_ +=
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
        "base-uri 'none'; form-action 'none'\">\n";
    h_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    h_ += "<meta name=\"generator\" content=\"" + attr(tool_.name + " " + tool_.version) + "\">\n";
    h_ += "<title>" + esc(tool_.name) +
          " report: " + plural(a_.connections.size(), "connection", "connections") + ", " +
          plural(a_.count(Severity::kError), "error", "errors") + ", " +
          plural(a_.count(Severity::kWarning), "warning", "warnings") + "</title>\n";
    h_ += "<style>";
    h_ += kStyle;
    h_ += TranscriptView::style();
    h_ += "</style>\n</head>\n<body>\n";
    h_ += "<header class=\"top\"><h1>" + esc(tool_.name) + " report</h1><p class=\"sub\">" +
          esc(tool_.name + " " + tool_.version) + " &middot; IMAP conformance (RFC 9051, RFC " +
          "3501) &middot; " + plural(a_.inputs.size(), "input", "inputs") + ", " +
          plural(a_.connections.size(), "connection", "connections") + "</p></header>\n<main>\n";
    summary();
    if (a_.probe) h_ += probe_html(a_);
    violation_list();
    for (const checks::ConnectionSummary& c : a_.connections) {
      if (sections_.count(c.id)) connection(c);
    }
    if (left_out_connections_ > 0) {
      h_ += "<p class=\"note\" id=\"note-connections\">" +
            plural(left_out_connections_, "more connection", "more connections") + " (" +
            grouped(left_out_with_violations_) +
            " with violations) not shown: the report embeds at most " +
            plural(o_.max_connections, "connection", "connections") +
            ", those with violations first. The summary above counts them all.</p>\n";
    }
    h_ += "</main>\n";
    h_ += transcript_->data_block();
    h_ += "<script>";
    h_ += kScript;
    h_ += TranscriptView::script();
    h_ += "</script>\n</body>\n</html>\n";
    return std::move(h_);
  }

 private:
  // Decides what is embedded: violations in order up to the cap; connection sections for
  // every connection with a listed violation, then others up to the cap; ladder rows from
  // a shared budget, connections with violations served first.
  void plan() {
    shown_violations_ = std::min(a_.violations.size(), o_.max_violations);
    transcript_.emplace(a_, shown_violations_, o_.max_transcript_bytes);
    for (std::size_t i = 0; i < a_.violations.size(); ++i) {
      const checks::Violation& v = a_.violations[i];
      per_connection_[v.connection].push_back(i);
      by_rule_[v.rule][static_cast<std::size_t>(v.severity)]++;
    }
    std::vector<const checks::ConnectionSummary*> order;
    for (const checks::ConnectionSummary& c : a_.connections) {
      if (per_connection_.count(c.id)) order.push_back(&c);
    }
    for (const checks::ConnectionSummary& c : a_.connections) {
      if (!per_connection_.count(c.id)) order.push_back(&c);
    }
    std::size_t budget = o_.max_messages;
    for (const checks::ConnectionSummary* c : order) {
      if (sections_.size() >= o_.max_connections) {
        ++left_out_connections_;
        if (per_connection_.count(c->id)) ++left_out_with_violations_;
        continue;
      }
      const std::size_t rows = std::min(c->transcript.messages.size(), budget);
      budget -= rows;
      sections_[c->id] = rows;
      auto vs = per_connection_.find(c->id);
      transcript_->prepare(*c,
                           vs == per_connection_.end() ? std::vector<std::size_t>{} : vs->second);
    }
  }

  void summary() {
    const std::size_t errors = a_.count(Severity::kError);
    const std::size_t warnings = a_.count(Severity::kWarning);
    const std::size_t infos = a_.count(Severity::kInfo);
    h_ += "<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">\n";
    auto card = [&](std::string_view id, std::string_view cls, std::size_t n, std::string_view one,
                    std::string_view many) {
      h_ += "<div class=\"card " + std::string(cls) + "\" id=\"count-" + std::string(id) +
            "\" data-count=\"" + std::to_string(n) + "\"><span class=\"num\">" + grouped(n) +
            "</span>" + std::string(n == 1 ? one : many) + "</div>\n";
    };
    card("inputs", "", a_.inputs.size(), "input", "inputs");
    card("connections", "", a_.connections.size(), "connection", "connections");
    card("errors", errors ? "sev-error" : "", errors, "error", "errors");
    card("warnings", warnings ? "sev-warning" : "", warnings, "warning", "warnings");
    card("info", infos ? "sev-info" : "", infos, "info", "info");
    h_ += "</div>\n";

    h_ +=
        "<h3>Inputs</h3>\n<table class=\"inputs\"><thead><tr><th>input</th><th>kind</th>"
        "<th>connections</th><th>errors</th><th>warnings</th><th>info</th></tr></thead><tbody>\n";
    for (std::size_t i = 0; i < a_.inputs.size(); ++i) {
      const checks::InputSummary& in = a_.inputs[i];
      std::size_t conns = 0;
      std::array<std::size_t, 3> sev{};
      for (const checks::ConnectionSummary& c : a_.connections) {
        if (c.input != i) continue;
        ++conns;
        auto it = per_connection_.find(c.id);
        if (it == per_connection_.end()) continue;
        for (std::size_t vi : it->second)
          ++sev[static_cast<std::size_t>(a_.violations[vi].severity)];
      }
      h_ += "<tr><td><code>" + esc(in.path) + "</code>";
      if (!in.server_path.empty()) h_ += " + <code>" + esc(in.server_path) + "</code>";
      h_ += "</td><td>" + esc(in.kind) + "</td><td class=\"n\">" + grouped(conns) +
            "</td><td class=\"n\">" + grouped(sev[0]) + "</td><td class=\"n\">" + grouped(sev[1]) +
            "</td><td class=\"n\">" + grouped(sev[2]) + "</td></tr>\n";
    }
    h_ += "</tbody></table>\n";
    for (const checks::InputSummary& in : a_.inputs)
      h_ += capture_problems_html(in.capture_problems, "Capture problems of " + in.path);

    h_ += "<h3>Violations by rule</h3>\n";
    if (by_rule_.empty()) {
      h_ += "<p><span class=\"badge ok\">clean</span> No violations.</p>\n";
    } else {
      struct RuleRow {
        std::string id;
        std::array<std::size_t, 3> n;
        std::size_t total;
        std::size_t worst;
      };
      std::vector<RuleRow> rows;
      for (const auto& [id, n] : by_rule_) {
        const std::size_t worst = n[0] ? 0 : (n[1] ? 1 : 2);
        rows.push_back({id, n, n[0] + n[1] + n[2], worst});
      }
      std::stable_sort(rows.begin(), rows.end(), [](const RuleRow& x, const RuleRow& y) {
        return x.worst != y.worst ? x.worst < y.worst : x.total > y.total;
      });
      h_ +=
          "<table class=\"rules\"><thead><tr><th>rule</th><th>severity</th><th>count</th>"
          "<th>RFC</th><th>what it checks</th></tr></thead><tbody>\n";
      for (const RuleRow& r : rows) {
        const checks::RuleEntry* entry = checks::find_rule(r.id);
        h_ += "<tr class=\"rule-row\" data-rule=\"" + attr(r.id) + "\" data-count=\"" +
              std::to_string(r.total) + "\"><td><code>" + esc(r.id) + "</code></td><td>";
        for (std::size_t s = 0; s < 3; ++s) {
          if (r.n[s] == 0) continue;
          h_ += badge(static_cast<Severity>(s)) + " ";
        }
        h_ += "</td><td class=\"n\">" + grouped(r.total) + "</td><td>" +
              (entry ? citation_html(entry->info.rfc) : std::string()) + "</td><td>" +
              (entry ? esc(entry->info.summary) : std::string()) + "</td></tr>\n";
      }
      h_ += "</tbody></table>\n";
    }
    h_ += "</section>\n";
  }

  void violation_list() {
    h_ += "<section id=\"violations\">\n<h2>Violations</h2>\n";
    if (a_.violations.empty()) {
      h_ += "<p>None: every connection followed the rules imapscope checks.</p>\n</section>\n";
      return;
    }
    // Filters: hidden until the script shows them (a page without JS lists everything).
    h_ += "<div id=\"filters\" class=\"filters hidden\"><strong>Filter</strong>";
    for (Severity s : {Severity::kError, Severity::kWarning, Severity::kInfo}) {
      const std::string name(checks::severity_name(s));
      h_ += "<label><input type=\"checkbox\" checked data-severity=\"" + name + "\"> " + name +
            " (" + grouped(a_.count(s)) + ")</label>";
    }
    h_ += "<label>rule <select id=\"f-rule\"><option value=\"\">all rules</option>";
    for (const auto& [id, n] : by_rule_) {
      h_ += "<option value=\"" + attr(id) + "\">" + esc(id) + " (" + grouped(n[0] + n[1] + n[2]) +
            ")</option>";
    }
    h_ +=
        "</select></label><label>connection <select id=\"f-conn\"><option value=\"\">all "
        "connections</option>";
    for (const checks::ConnectionSummary& c : a_.connections) {
      if (!sections_.count(c.id)) continue;
      auto it = per_connection_.find(c.id);
      const std::size_t n = it == per_connection_.end() ? 0 : it->second.size();
      h_ += "<option value=\"" + std::to_string(c.id) + "\">" + std::to_string(c.id) + " (" +
            plural(n, "violation", "violations") + ")</option>";
    }
    h_ +=
        "</select></label><button type=\"button\" id=\"f-reset\">reset</button>"
        "<span id=\"f-shown\" class=\"muted\"></span></div>\n";

    if (shown_violations_ < a_.violations.size()) {
      h_ += "<p class=\"note\" id=\"note-violations\">Showing the first " +
            grouped(shown_violations_) + " of " + grouped(a_.violations.size()) +
            " violations; the counts above include them all. <code>-f json</code> and <code>-f "
            "sarif</code> list every one.</p>\n";
    }
    h_ +=
        "<table class=\"vlist\"><thead><tr><th>severity</th><th>rule</th><th>conn.</th>"
        "<th>where</th><th>message</th></tr></thead><tbody>\n";
    for (std::size_t i = 0; i < shown_violations_; ++i) {
      const checks::Violation& v = a_.violations[i];
      // Links only to what the page holds (a connection's section may be left out).
      const bool linked = sections_.count(v.connection) > 0;
      const std::string conn = std::to_string(v.connection);
      const std::string rule = "<code>" + esc(v.rule) + "</code>";
      h_ += "<tr class=\"v\"" + data_attrs(v) + "><td>" + badge(v.severity) + "</td><td>" +
            (linked ? "<a href=\"#v" + std::to_string(i + 1) + "\">" + rule + "</a>" : rule) +
            "</td><td class=\"n\">" +
            (linked ? "<a href=\"#c" + conn + "\">" + conn + "</a>" : conn) + "</td><td>";
      // The place in the transcript, when the page holds it.
      if (const std::string* place = transcript_->place(i)) {
        h_ += "<a class=\"tplace\" href=\"#" + *place + "\"><code>" + esc(location(v)) +
              "</code></a>";
      } else {
        h_ += "<code>" + esc(location(v)) + "</code>";
      }
      h_ += "</td><td>" + esc(v.message) + "</td></tr>\n";
    }
    h_ += "</tbody></table>\n</section>\n";
  }

  std::string location(const checks::Violation& v) const {
    std::string where = a_.file_of(v);
    if (v.line != 0) where += ":" + std::to_string(v.line);
    return where;
  }

  void connection(const checks::ConnectionSummary& c) {
    const std::string id = std::to_string(c.id);
    const checks::InputSummary& in = a_.inputs.at(c.input);
    static const std::vector<std::size_t> kNone;
    auto vit = per_connection_.find(c.id);
    const std::vector<std::size_t>& vs = vit == per_connection_.end() ? kNone : vit->second;

    h_ += "<section class=\"conn\" id=\"c" + id + "\" data-connection=\"" + id + "\">\n";
    h_ +=
        "<h2>Connection " + id + " <span class=\"muted\"><code>" + esc(in.path) + "</code></span> ";
    std::array<std::size_t, 3> sev{};
    for (std::size_t vi : vs)
      ++sev[static_cast<std::size_t>(a_.violations[vi].severity)];
    if (vs.empty()) h_ += "<span class=\"badge ok\">clean</span>";
    for (std::size_t s = 0; s < 3; ++s) {
      if (sev[s] == 0) continue;
      const auto severity = static_cast<Severity>(s);
      h_ += "<span class=\"badge " + sev_class(severity) + "\">" +
            severity_count(sev[s], severity) + "</span> ";
    }
    h_ += "</h2>\n<p class=\"facts\">";
    if (!c.client.empty())
      h_ += "<b>" + esc(c.client) + "</b> &rarr; <b>" + esc(c.server) + "</b> &middot; ";
    h_ += plural(c.commands, "command", "commands") + " &middot; " +
          plural(c.responses, "response", "responses") + " &middot; ended <b>" +
          esc(c.final_state) + "</b>";
    if (!c.tls.empty()) h_ += " &middot; then TLS (" + esc(c.tls) + ", not decrypted)";
    h_ += "</p>\n";
    if (!c.capabilities.empty()) {
      h_ += "<p class=\"caps\"><span class=\"muted\">capabilities</span> ";
      for (const std::string& cap : c.capabilities)
        h_ += "<code>" + esc(cap) + "</code>";
      h_ += "</p>\n";
    }
    h_ += capture_problems_html(c.capture_problems,
                                "Capture problems (findings resume after resynchronization)");
    ladder(c, vs);
    h_ += transcript_->html(c, !vs.empty() || c.transcript.messages.size() <= 400);
    if (!vs.empty()) {
      h_ += "<h3>Violations</h3>\n<ol class=\"vds\">\n";
      std::size_t left_out = 0;
      for (std::size_t vi : vs) {
        if (vi >= shown_violations_) {
          ++left_out;
          continue;
        }
        violation_detail(vi);
      }
      h_ += "</ol>\n";
      if (left_out > 0) {
        h_ += "<p class=\"note\">" + plural(left_out, "more violation", "more violations") +
              " of this connection not shown (see the note under Violations).</p>\n";
      }
    }
    h_ += "</section>\n";
  }

  void ladder(const checks::ConnectionSummary& c, const std::vector<std::size_t>& vs) {
    const std::string id = std::to_string(c.id);
    const checks::Transcript& t = c.transcript;
    if (!t.collected) {
      h_ +=
          "<p class=\"note\">No message ladder: the messages were not recorded for this "
          "report.</p>\n";
      return;
    }
    const std::size_t rows = sections_.at(c.id);
    // Which rows the shown violations point at: the message at their direction and offset.
    std::map<std::pair<int, std::uint64_t>, std::size_t> row_of;
    for (std::size_t r = 0; r < rows; ++r) {
      const checks::TranscriptMessage& m = t.messages[r];
      row_of.emplace(std::make_pair(static_cast<int>(m.direction), m.offset), r);
    }
    std::map<std::size_t, std::vector<std::size_t>> marks;  // row -> violations
    std::vector<std::size_t> stream_marks;                  // whole-stream findings
    for (std::size_t vi : vs) {
      if (vi >= shown_violations_) continue;
      const checks::Violation& v = a_.violations[vi];
      if (!v.direction) {
        stream_marks.push_back(vi);
        continue;
      }
      auto it = row_of.find(std::make_pair(static_cast<int>(*v.direction), v.offset));
      if (it != row_of.end()) {
        marks[it->second].push_back(vi);
        violation_row_[vi] = "m" + id + "-" + std::to_string(it->second + 1);
      }
    }

    const std::size_t total = t.messages.size() + t.omitted;
    const bool open = !vs.empty() || rows <= 400;
    h_ += std::string("<details class=\"ladder-box\"") + (open ? " open" : "") +
          "><summary>Message ladder <span class=\"muted\">(" + plural(total, "message", "messages");
    if (rows < total) h_ += ", " + grouped(rows) + " shown";
    h_ += ")</span></summary>\n<div class=\"ladder\">\n";
    h_ +=
        "<div class=\"lrow lhead\"><span></span><div class=\"who\"><span>Client</span>"
        "<span>Server</span></div><span></span></div>\n";
    for (std::size_t r = 0; r < rows; ++r) {
      const checks::TranscriptMessage& m = t.messages[r];
      const bool c2s = m.direction == capture::Direction::kClientToServer;
      std::string cls = std::string("lrow ") + (c2s ? "c2s" : "s2c") + " k-" +
                        std::string(checks::message_kind_name(m.kind));
      auto mk = marks.find(r);
      if (mk != marks.end()) {
        Severity worst = Severity::kInfo;
        for (std::size_t vi : mk->second)
          worst = std::min(worst, a_.violations[vi].severity);
        cls += " bad-" + std::string(checks::severity_name(worst));
      }
      const std::string file = file_of_message(a_, c, m.direction);
      h_ += "<div class=\"" + cls + "\" id=\"m" + id + "-" + std::to_string(r + 1) +
            "\"><span class=\"at\" title=\"" +
            attr(file + (m.line ? ":" + std::to_string(m.line) : "")) + ", offset " +
            std::to_string(m.offset) + " (" + std::string(c2s ? "client" : "server") +
            " stream)\">";
      if (m.line != 0) h_ += "L" + std::to_string(m.line);
      if (m.packet != 0) h_ += (m.line ? " " : "") + std::string("#") + std::to_string(m.packet);
      if (m.time) h_ += "<span class=\"tm\">" + short_time(*m.time) + "</span>";
      h_ += "</span><div class=\"arrow\"><span class=\"t\">" +
            (m.excerpt.empty() ? std::string("<span class=\"muted\">(empty line)</span>")
                               : esc(m.excerpt)) +
            "</span></div><span class=\"marks\">";
      if (mk != marks.end()) {
        for (std::size_t vi : mk->second)
          mark(vi);
      }
      h_ += "</span></div>\n";
    }
    if (!stream_marks.empty() || rows == total) {
      h_ +=
          "<div class=\"lrow end\"><span></span><div class=\"arrow\">end of stream</div>"
          "<span class=\"marks\">";
      for (std::size_t vi : stream_marks)
        mark(vi);
      h_ += "</span></div>\n";
    }
    h_ += "</div>\n";
    if (t.omitted > 0) {
      h_ += "<p class=\"note\">The analysis recorded the first " + grouped(t.messages.size()) +
            " messages of this connection; " +
            plural(t.omitted, "later message is", "later messages are") +
            " not shown (their violations are listed below).</p>\n";
    }
    if (rows < t.messages.size()) {
      h_ += "<p class=\"note\">" +
            plural(t.messages.size() - rows, "recorded message", "recorded messages") +
            " left out of this ladder: the report embeds at most " +
            plural(o_.max_messages, "message", "messages") + " over all connections.</p>\n";
    }
    h_ += "</details>\n";
  }

  void mark(std::size_t vi) {
    const checks::Violation& v = a_.violations[vi];
    h_ += "<a class=\"v mark " + sev_class(v.severity) + "\" href=\"#v" + std::to_string(vi + 1) +
          "\"" + data_attrs(v) + " title=\"" + attr(v.message) + "\">" + esc(v.rule) + "</a>";
  }

  void violation_detail(std::size_t vi) {
    const checks::Violation& v = a_.violations[vi];
    h_ += "<li class=\"v vd " + sev_class(v.severity) + "\" id=\"v" + std::to_string(vi + 1) +
          "\"" + data_attrs(v) + ">\n<div class=\"vh\">" + badge(v.severity) +
          "<code class=\"rule\">" + esc(v.rule) + "</code><span class=\"muted\">" +
          std::string(checks::side_name(v.side)) + "'s fault</span>";
    auto row = violation_row_.find(vi);
    if (row != violation_row_.end()) {
      h_ += "<a class=\"loc mono\" href=\"#" + row->second + "\">" + esc(location(v)) + "</a>";
    } else {
      h_ += "<span class=\"loc mono\">" + esc(location(v)) + "</span>";
    }
    if (const std::string* place = transcript_->place(vi))
      h_ += "<a class=\"tplace\" href=\"#" + *place + "\">in the transcript</a>";
    h_ += "</div>\n<p class=\"msg\">" + esc(v.message) + "</p>\n";
    if (!v.excerpt.empty()) {
      const std::string prefix = v.direction == capture::Direction::kClientToServer ? "C: " : "S: ";
      h_ += "<pre class=\"ex\">" + prefix + esc(v.excerpt);
      if (v.excerpt_column) {
        const std::string caret = caret_line(v.excerpt, *v.excerpt_column, prefix.size());
        if (!caret.empty()) h_ += "\n<span class=\"caret\">" + caret + "</span>";
      }
      h_ += "</pre>\n";
    }
    h_ += "<p class=\"cite\">" + citation_html(v.rfc);
    if (const checks::RuleEntry* e = checks::find_rule(v.rule)) h_ += ": " + esc(e->info.summary);
    h_ += "</p>\n<p class=\"meta\">";
    std::vector<std::string> meta;
    if (!v.direction && v.line == 0) meta.push_back("about the whole stream");
    if (v.direction) {
      meta.push_back("offset " + grouped(v.offset) + " in the " +
                     std::string(capture::side_name(*v.direction)) + "'s stream");
    }
    if (v.column) meta.push_back("column " + std::to_string(*v.column + 1));
    if (!v.tag.empty()) meta.push_back("tag <code>" + esc(v.tag) + "</code>");
    if (v.packet != 0) meta.push_back("packet " + std::to_string(v.packet));
    if (v.time) meta.push_back(format_time(*v.time));
    if (v.direction && row == violation_row_.end()) meta.push_back("not in the ladder (left out)");
    for (std::size_t i = 0; i < meta.size(); ++i)
      h_ += (i ? " &middot; " : "") + meta[i];
    h_ += "</p>\n</li>\n";
  }

  const checks::Analysis& a_;
  const ToolInfo& tool_;
  const HtmlOptions& o_;
  std::string h_;
  std::size_t shown_violations_ = 0;
  std::map<std::uint32_t, std::vector<std::size_t>> per_connection_;
  std::map<std::string, std::array<std::size_t, 3>> by_rule_;
  std::map<std::uint32_t, std::size_t> sections_;  // connection id -> ladder rows embedded
  std::size_t left_out_connections_ = 0;
  std::size_t left_out_with_violations_ = 0;
  std::map<std::size_t, std::string> violation_row_;  // violation -> ladder row id
  std::optional<TranscriptView> transcript_;          // made by plan()
};

}  // namespace

void write_html(std::ostream& out, const checks::Analysis& analysis, const ToolInfo& tool,
                const HtmlOptions& options) {
  out << HtmlWriter(analysis, tool, options).write();
}

}  // namespace imapscope::reports
