#include "reports/html_transcript.h"

#include <nlohmann/json.hpp>
#include <utility>

#include "reports/escape.h"
#include "reports/rfc_links.h"
#include "reports/terminal_style.h"

namespace imapscope::reports {
namespace {

using nlohmann::json;

// Tag colors: a fixed palette, picked by a hash of the tag, so a command and its tagged
// completion (RFC 9051 §2.2.1: the server's completion carries the command's tag) match.
constexpr std::size_t kTagColors = 12;

std::size_t tag_color(std::string_view tag) {
  std::uint32_t h = 2166136261u;  // FNV-1a
  for (const char c : tag) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h % kTagColors;
}

// A literal's octets as text: CRLF as a line break, other control bytes as \xNN (invalid
// UTF-8 becomes U+FFFD when the JSON is written).
std::string shown_octets(std::string_view octets) {
  std::string out;
  out.reserve(octets.size());
  for (std::size_t i = 0; i < octets.size(); ++i) {
    const auto c = static_cast<unsigned char>(octets[i]);
    if (c == '\r' && i + 1 < octets.size() && octets[i + 1] == '\n') continue;
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// JSON that is safe inside <script>: "<" only ever occurs inside strings, where \u003c
// means the same, so no "</script>" or "<!--" can end or confuse the block.
std::string script_safe(const json& j) {
  const std::string text = j.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '<')
      out += "\\u003c";
    else
      out += c;
  }
  return out;
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

constexpr std::string_view kStyle = R"CSS(
details.transcript-box{margin:10px 0;border:1px solid var(--line);border-radius:8px;padding:4px 10px 10px}
details.transcript-box>summary{cursor:pointer;font-weight:600;padding:4px 0}
ol.tlines{list-style:none;margin:6px 0 0;padding:0;font-family:var(--mono);font-size:12.5px;line-height:1.4}
.tm{display:grid;grid-template-columns:5.5em minmax(0,1fr);column-gap:10px;border-top:1px solid #eef1f4}
.tm .ln{color:var(--muted);text-align:right;user-select:none;font-size:11.5px;padding-top:1px}
.tm .tl{white-space:pre-wrap;overflow-wrap:anywhere}
.tm .dir{color:var(--muted);user-select:none}
.tm.c2s .dir{color:var(--c2s)}.tm.s2c .dir{color:var(--s2c)}
.tm.k-completion .tl:first-child{font-weight:600}
.tm.k-unparsed .tl:first-child{text-decoration:underline wavy #c81e1e}
.tm .caret{color:#1e7b34;font-weight:700;white-space:pre}
.tm.bad-error{background:var(--err-bg)}.tm.bad-warning{background:var(--warn-bg)}.tm.bad-info{background:var(--info-bg)}
.tm:target{outline:2px solid #f0b429;outline-offset:-2px}
.tag{font-weight:700}
.tc0{color:#1d4ed8}.tc1{color:#b91c1c}.tc2{color:#047857}.tc3{color:#7c3aed}.tc4{color:#b45309}.tc5{color:#0e7490}
.tc6{color:#be185d}.tc7{color:#4d7c0f}.tc8{color:#9333ea}.tc9{color:#c2410c}.tc10{color:#0369a1}.tc11{color:#15803d}
details.lit{display:inline-block;margin:1px 0 2px 3ch;vertical-align:top}
details.lit>summary{cursor:pointer;color:#5b21b6;list-style:none}
details.lit>summary::before{content:"\25B8 "}details.lit[open]>summary::before{content:"\25BE "}
details.lit pre{margin:2px 0;padding:4px 8px;background:var(--panel);border-radius:4px;white-space:pre-wrap;overflow-wrap:anywhere;max-height:24em;overflow:auto}
.lit-note,.tcut{color:var(--muted);font-style:italic;font-family:system-ui,sans-serif;font-size:12px}
.tv{margin:2px 0 4px;padding:3px 8px;border-left:4px solid var(--err);background:#fff;font-family:system-ui,sans-serif;font-size:13px}
.tv.sev-warning{border-left-color:var(--warn)}.tv.sev-info{border-left-color:var(--info)}
.tv .badge{margin-right:6px}.tv .rule{font-family:var(--mono);font-weight:600;margin-right:6px}
)CSS";

// Renders a transcript box from its JSON when it is opened or comes into view; a link to a
// transcript line ("#t3-17") renders that connection first. Every text goes in through
// textContent, never as markup.
constexpr std::string_view kScript = R"JS(
(function () {
  var d = document, root = d.documentElement;
  var boxes = d.querySelectorAll('details.transcript-box');
  var all = null;  // every connection's data, parsed when the first transcript is drawn
  function transcript(id) {
    if (all === null) {
      var src = d.getElementById('transcript-data');
      all = src ? JSON.parse(src.textContent) : {};
    }
    return all[id];
  }
  function el(tag, cls, text) {
    var e = d.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function plural(n, one, many) { return n.toLocaleString('en-US') + ' ' + (n === 1 ? one : many); }
  function literal(l) {
    var box = el('details', 'lit');
    box.appendChild(el('summary', null, '{' + plural(l.n, 'octet', 'octets') + '}'));
    if (l.r) {
      box.appendChild(el('div', 'lit-note', 'a credential: not shown'));
      return box;
    }
    box.appendChild(el('pre', null, l.t));
    var notes = [];
    if (l.k < l.n) notes.push('the first ' + plural(l.k, 'octet', 'octets') + ' of ' + l.n.toLocaleString('en-US') + ' shown');
    if (l.i) notes.push('the stream ended inside this literal');
    if (notes.length) box.appendChild(el('div', 'lit-note', notes.join('; ')));
    return box;
  }
  function violation(v) {
    var e = el('div', 'tv sev-' + v.s);
    e.appendChild(el('span', 'badge sev-' + v.s, v.s));
    var r = el('a', 'rule', v.r);
    r.href = '#v' + v.id;
    e.appendChild(r);
    e.appendChild(el('span', 'msg', v.m + ' '));
    var c = el('span', 'cite');
    c.appendChild(d.createTextNode('('));
    v.c.forEach(function (p) {
      if (!p[1]) { c.appendChild(d.createTextNode(p[0])); return; }
      var a = el('a', null, p[0]);
      a.href = p[1];
      a.rel = 'noopener noreferrer';
      c.appendChild(a);
    });
    c.appendChild(d.createTextNode(')'));
    e.appendChild(c);
    return e;
  }
  function render(box) {
    if (box.getAttribute('data-rendered')) return;
    box.setAttribute('data-rendered', '1');
    box.querySelectorAll('.tanchor').forEach(function (a) { a.remove(); });
    var data = transcript(box.getAttribute('data-connection'));
    if (!data) return;
    var list = el('ol', 'tlines');
    data.m.forEach(function (m, i) {
      var worst = null;
      (m.v || []).forEach(function (vi) {
        var s = data.v[vi].s;
        if (worst === null || s === 'error' || (s === 'warning' && worst === 'info')) worst = s;
      });
      var row = el('li', 'tm ' + (m.d === 'C' ? 'c2s' : 's2c') + ' k-' + m.k + (worst ? ' bad-' + worst : ''));
      row.id = 't' + data.c + '-' + (i + 1);
      var ln = el('span', 'ln', m.n ? String(m.n) : (m.p ? '#' + m.p : ''));
      ln.title = (m.n ? 'line ' + m.n : '') + (m.p ? ' packet ' + m.p : '') + ' (' + (m.d === 'C' ? 'client' : 'server') + ')';
      row.appendChild(ln);
      var body = el('div', 'tx');
      m.x.forEach(function (line, j) {
        var t = el('div', 'tl');
        t.appendChild(el('span', 'dir', m.d + ': '));
        if (j === 0 && m.g && line.lastIndexOf(m.g, 0) === 0) {
          t.appendChild(el('span', 'tag tc' + m.h, m.g));
          t.appendChild(d.createTextNode(line.slice(m.g.length)));
        } else {
          t.appendChild(d.createTextNode(line));
        }
        body.appendChild(t);
        if (j === 0 && m.col !== undefined) {
          body.appendChild(el('div', 'caret', new Array(m.col + 4).join(' ') + '^'));
        }
        if (m.l && j < m.l.length) body.appendChild(literal(m.l[j]));
      });
      if (m.cut) body.appendChild(el('div', 'tcut', '\u2026 the rest of this message is not kept in the report'));
      (m.v || []).forEach(function (vi) { body.appendChild(violation(data.v[vi])); });
      row.appendChild(body);
      list.appendChild(row);
    });
    box.appendChild(list);
    if (data.omitted) box.appendChild(el('p', 'note', plural(data.omitted, 'later message is', 'later messages are') + ' not in this transcript: the analysis keeps a bounded number of messages per connection and per report.'));
  }
  function reveal() {
    var m = /^t(\d+)-(\d+)$/.exec(decodeURIComponent(location.hash.slice(1)));
    if (!m) return;
    var box = d.getElementById('transcript-' + m[1]);
    if (!box) return;
    box.open = true;
    render(box);
    var t = d.getElementById(m[0]);
    if (!t) return;
    for (var p = t.parentElement; p; p = p.parentElement) {
      if (p.classList && p.classList.contains('hidden')) p.classList.remove('hidden');
      if (p.tagName === 'DETAILS') p.open = true;
    }
    t.scrollIntoView();
  }
  var seen = 'IntersectionObserver' in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (e) { if (e.isIntersecting && e.target.open) render(e.target); });
  }, {rootMargin: '800px'}) : null;
  boxes.forEach(function (box) {
    box.addEventListener('toggle', function () { if (box.open) render(box); });
    if (seen) seen.observe(box);
    else if (box.open) render(box);
  });
  // A small report is rendered at once (nothing to save); a large one as it is read.
  if (boxes.length <= 20) boxes.forEach(function (box) { if (box.open) render(box); });
  window.addEventListener('hashchange', reveal);
  reveal();
  root.setAttribute('data-transcripts', 'ready');
})();
)JS";

}  // namespace

TranscriptView::TranscriptView(const checks::Analysis& analysis, std::size_t shown_violations,
                               std::size_t max_bytes)
    : a_(analysis), shown_violations_(shown_violations), max_bytes_(max_bytes) {}

void TranscriptView::prepare(const checks::ConnectionSummary& c,
                             const std::vector<std::size_t>& violations) {
  const checks::Transcript& t = c.transcript;
  if (!t.collected) return;
  const std::string id = std::to_string(c.id);
  // Which message each violation is about: the one at its direction and stream offset.
  std::map<std::pair<int, std::uint64_t>, std::size_t> index;
  for (std::size_t i = 0; i < t.messages.size(); ++i) {
    const checks::TranscriptMessage& m = t.messages[i];
    index.emplace(std::make_pair(static_cast<int>(m.direction), m.offset), i);
  }
  std::map<std::size_t, std::vector<std::size_t>> on_message;  // message -> entries of "v"
  std::map<std::size_t, std::size_t> caret;                    // message -> display column
  json vs = json::array();
  std::vector<std::pair<std::size_t, std::size_t>> placed;  // violation, message
  for (const std::size_t vi : violations) {
    const checks::Violation& v = a_.violations[vi];
    if (!v.direction) continue;
    auto it = index.find(std::make_pair(static_cast<int>(*v.direction), v.offset));
    if (it == index.end()) continue;
    json parts = json::array();
    for (const CitationPart& p : cite_rfc_sections(v.rfc))
      parts.push_back(json::array({p.text, p.url}));
    json entry = {{"id", vi + 1},
                  {"s", checks::severity_name(v.severity)},
                  {"r", v.rule},
                  {"m", v.message},
                  {"c", std::move(parts)}};
    on_message[it->second].push_back(vs.size());
    vs.push_back(std::move(entry));
    if (v.excerpt_column) {
      const checks::TranscriptMessage& m = t.messages[it->second];
      const std::string& first = m.lines.empty() ? m.excerpt : m.lines.front();
      if (auto at = excerpt_display_column(first, *v.excerpt_column))
        caret.emplace(it->second, *at);
    }
    placed.emplace_back(vi, it->second);
  }

  json ms = json::array();
  for (std::size_t i = 0; i < t.messages.size(); ++i) {
    const checks::TranscriptMessage& m = t.messages[i];
    json e = {{"d", m.direction == capture::Direction::kClientToServer ? "C" : "S"},
              {"k", checks::message_kind_name(m.kind)}};
    if (m.line != 0) e["n"] = m.line;
    if (m.packet != 0) e["p"] = m.packet;
    if (!m.tag.empty()) {
      e["g"] = m.tag;
      e["h"] = tag_color(m.tag);
    }
    e["x"] = m.lines.empty() ? json::array({m.excerpt}) : json(m.lines);
    if (!m.literals.empty()) {
      json ls = json::array();
      for (const checks::TranscriptLiteral& l : m.literals) {
        json x = {{"n", l.size}, {"k", l.head.size()}, {"t", shown_octets(l.head)}};
        if (!l.complete) x["i"] = true;
        if (l.redacted) x["r"] = true;
        ls.push_back(std::move(x));
      }
      e["l"] = std::move(ls);
    }
    if (m.cut) e["cut"] = true;
    if (auto v = on_message.find(i); v != on_message.end()) e["v"] = v->second;
    if (auto col = caret.find(i); col != caret.end()) e["col"] = col->second;
    ms.push_back(std::move(e));
  }
  const json data = {
      {"c", c.id}, {"m", std::move(ms)}, {"v", std::move(vs)}, {"omitted", t.omitted}};
  std::string text = script_safe(data);
  if (used_ + text.size() > max_bytes_) {
    left_out_[c.id] = text.size();
    return;
  }
  used_ += text.size();
  data_[c.id] = std::move(text);
  messages_[c.id] = t.messages.size();
  for (const auto& [vi, message] : placed) {
    if (vi >= shown_violations_) continue;
    place_[vi] = "t" + id + "-" + std::to_string(message + 1);
    anchors_[c.id].insert(place_[vi]);
  }
}

const std::string* TranscriptView::place(std::size_t vi) const {
  auto it = place_.find(vi);
  return it == place_.end() ? nullptr : &it->second;
}

std::string TranscriptView::html(const checks::ConnectionSummary& c, bool open) const {
  const std::string id = std::to_string(c.id);
  if (!c.transcript.collected) return {};
  if (auto it = left_out_.find(c.id); it != left_out_.end()) {
    return "<p class=\"note transcript-left-out\">Transcript not embedded (" + grouped(it->second) +
           " bytes): the report embeds at most " + grouped(max_bytes_) +
           " bytes of transcripts, connections with violations first. <code>-f json</code> "
           "lists every violation; check this connection alone to see it.</p>\n";
  }
  auto it = data_.find(c.id);
  if (it == data_.end()) return {};
  const std::uint64_t total = c.transcript.messages.size() + c.transcript.omitted;
  std::string out = std::string("<details class=\"transcript-box\" id=\"transcript-") + id +
                    "\" data-connection=\"" + id + "\"" + (open ? " open" : "") +
                    "><summary>Transcript <span class=\"muted\">(" + grouped(total) +
                    (total == 1 ? " message" : " messages");
  if (c.transcript.omitted > 0)
    out += ", the first " + grouped(c.transcript.messages.size()) + " kept";
  out +=
      ")</span></summary>\n<noscript><p class=\"note\">The transcript is drawn by the page's "
      "script; the ladder above and the violations below need none.</p></noscript>\n";
  // Until the script draws the transcript, the links to its lines land on the box; the
  // script replaces these anchors with the lines themselves.
  if (auto a = anchors_.find(c.id); a != anchors_.end()) {
    for (const std::string& place : a->second)
      out += "<span class=\"tanchor\" id=\"" + place + "\"></span>";
  }
  out += "</details>\n";
  return out;
}

std::string TranscriptView::data_block() const {
  // One block for the whole page, after everything else: a parser pauses at each script
  // element, and thousands of them in a long page made it take minutes to load.
  if (data_.empty()) return {};
  std::string out = "<script type=\"application/json\" id=\"transcript-data\">{";
  bool first = true;
  for (const auto& [id, text] : data_) {
    out += (first ? "\"" : ",\"") + std::to_string(id) + "\":" + text;
    first = false;
  }
  return out + "}</script>\n";
}

std::string_view TranscriptView::style() {
  return kStyle;
}
std::string_view TranscriptView::script() {
  return kScript;
}

}  // namespace imapscope::reports
