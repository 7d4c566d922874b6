"""The stylesheet, the script and the Content-Security-Policy of the HTML report.

Both are constants, inlined into the page, and allowed by the CSP through their
SHA-256 hashes: the page runs this script and nothing else, even if a guide's
text ever escaped into the markup. The script only adds filters; the page is
complete without it.
"""

from __future__ import annotations

import base64
import hashlib

# Colours meet WCAG AA on their backgrounds: body text 4.5:1 or more, bars,
# borders and focus rings 3:1 or more against white.
CSS = """\
:root {
  color-scheme: light;
  --text: #1b1f24; --muted: #4a5360; --bg: #ffffff; --panel: #f5f7fa; --line: #c9d1db;
  --link: #0b57a4; --focus: #0b57a4;
  --error: #a3161a; --error-bg: #fde8e8; --warning: #7a4a00; --warning-bg: #fff1cc;
  --info: #0b4f8a; --info-bg: #e3eefa; --ok: #1d6b2f; --ok-bg: #e3f3e6;
  --stale: #a35f00; --stale-bg: #fff6e0; --missing: #a3161a; --missing-bg: #fdeeee;
  --extra: #6a3fa0; --extra-bg: #f3edfa; --moved: #0b57a4; --moved-bg: #eaf2fb;
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
html { font-size: 100%; }
body {
  margin: 0; color: var(--text); background: var(--bg);
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif;
}
a { color: var(--link); }
a:focus-visible, button:focus-visible, select:focus-visible, summary:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid var(--focus); outline-offset: 2px;
}
main:focus { outline: none; }
code, pre, .mono {
  font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace;
  font-size: 0.875rem;
}
.sr-only {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0;
}
.skip-link {
  position: absolute; left: 0.5rem; top: -4rem; z-index: 10; padding: 0.5rem 1rem;
  background: var(--bg); color: var(--link); border: 2px solid var(--focus); font-weight: 600;
}
.skip-link:focus { top: 0.5rem; }
.page-header { background: #16324f; color: #ffffff; padding: 1rem 1.5rem 0.75rem; }
.page-header h1 { margin: 0 0 0.25rem; font-size: 1.5rem; }
.page-header p { margin: 0; color: #e4ebf3; }
.page-header nav ul {
  list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0.5rem 0 0; padding: 0;
}
.page-header nav a { color: #ffffff; }
.page-header a:focus-visible { outline-color: #ffffff; }
main { max-width: 80rem; margin: 0 auto; padding: 0 1.5rem 3rem; }
section, article { scroll-margin-top: 1rem; }
h2 {
  font-size: 1.35rem; margin: 2rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 2px solid var(--line);
}
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
.note {
  background: var(--panel); border-left: 4px solid var(--muted); padding: 0.5rem 0.75rem; margin: 0.75rem 0;
}
.note.cache { border-left-color: var(--warning); background: var(--warning-bg); }
.filters { background: var(--bg); border-bottom: 1px solid var(--line); padding: 0.75rem 0; margin: 0; }
.filters fieldset {
  border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.5rem 1rem;
}
.filters legend { font-weight: 700; padding: 0; margin-bottom: 0.25rem; float: left; width: 100%; }
.filters label { display: flex; flex-direction: column; font-size: 0.875rem; font-weight: 600; }
.filters select, .filters button {
  font: inherit; font-weight: 400; font-size: 1rem; padding: 0.3rem 0.5rem; border: 1px solid #6b7580;
  border-radius: 4px; background: #ffffff; color: var(--text); min-width: 10rem;
}
.filters button { min-width: 0; cursor: pointer; background: var(--panel); }
.filters [role="status"] { margin: 0; padding-bottom: 0.35rem; color: var(--muted); }
.totals { display: flex; flex-wrap: wrap; gap: 0.75rem; list-style: none; padding: 0; margin: 1rem 0; }
.totals li {
  background: var(--panel); border: 1px solid var(--line); border-top: 4px solid var(--line);
  border-radius: 6px; padding: 0.5rem 0.9rem; min-width: 8rem;
}
.totals strong { display: block; font-size: 1.5rem; line-height: 1.2; }
.totals li.t-error { border-top-color: var(--error); } .totals li.t-error strong { color: var(--error); }
.totals li.t-warning { border-top-color: #b36b00; } .totals li.t-warning strong { color: var(--warning); }
.totals li.t-info { border-top-color: var(--info); } .totals li.t-info strong { color: var(--info); }
.totals li.t-stale { border-top-color: var(--stale); } .totals li.t-stale strong { color: var(--warning); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; color: var(--muted); }
th, td { border: 1px solid var(--line); padding: 0.4rem 0.55rem; text-align: left; vertical-align: top; }
thead th { background: var(--panel); font-size: 0.9rem; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.overview th[scope="row"] { font-weight: 400; }
.overview .doc-id { font-weight: 700; }
.overview .title { display: block; color: var(--muted); font-size: 0.9rem; }
.lang-tag {
  font-size: 0.7rem; font-weight: 700; border: 1px solid currentColor; border-radius: 3px; padding: 0 0.2rem;
  vertical-align: 0.1rem;
}
.badge {
  display: inline-block; border-radius: 4px; padding: 0 0.4rem; font-size: 0.8rem; font-weight: 700;
  border: 1px solid currentColor; white-space: nowrap; line-height: 1.5;
}
.sev-error { color: var(--error); background: var(--error-bg); }
.sev-warning { color: var(--warning); background: var(--warning-bg); }
.sev-info { color: var(--info); background: var(--info-bg); }
.st-ok { color: var(--ok); background: var(--ok-bg); }
.st-target { color: var(--warning); background: var(--warning-bg); }
.st-limit { color: var(--error); background: var(--error-bg); }
.st-none { color: var(--muted); background: var(--panel); }
.st-stale { color: var(--stale); background: var(--stale-bg); }
.st-missing { color: var(--missing); background: var(--missing-bg); }
.st-extra { color: var(--extra); background: var(--extra-bg); }
.st-moved { color: var(--moved); background: var(--moved-bg); }
.zero { color: var(--muted); }
figure { margin: 1rem 0; }
figure.chart { border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem; background: #ffffff; }
figure.chart svg { display: block; width: 100%; height: auto; max-width: 60rem; }
figcaption { font-weight: 600; margin-bottom: 0.5rem; }
.legend {
  display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; list-style: none; padding: 0; margin: 0.5rem 0 0;
  font-size: 0.9rem;
}
.swatch {
  display: inline-block; width: 0.9rem; height: 0.9rem; vertical-align: -0.1rem; margin-right: 0.35rem;
  border: 1px solid #1b1f24;
}
.sw-en { background: #1f5fa8; } .sw-es { background: #b3541e; }
.sw-error { background: #a3161a; } .sw-warning { background: #c98a00; } .sw-info { background: #4a7fb5; }
.sw-target { background: repeating-linear-gradient(90deg, #7a4a00 0 4px, #ffffff 4px 7px); }
.sw-limit { background: #a3161a; height: 0.3rem; vertical-align: 0.2rem; }
.guide { border-top: 4px solid #16324f; margin-top: 2.5rem; }
.guide h2 { border-bottom: 0; margin-top: 0.75rem; }
.guide h2 .doc-id { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 1.1rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0.5rem 0 1rem; }
.facts dt { font-weight: 600; color: var(--muted); }
.facts dd { margin: 0; }
.findings { list-style: none; padding: 0; margin: 0.5rem 0 1rem; }
.finding {
  border: 1px solid var(--line); border-left-width: 5px; border-radius: 4px; padding: 0.5rem 0.75rem;
  margin: 0 0 0.75rem;
}
.finding.sev-error { border-left-color: var(--error); background: #ffffff; color: var(--text); }
.finding.sev-warning { border-left-color: #b36b00; background: #ffffff; color: var(--text); }
.finding.sev-info { border-left-color: var(--info); background: #ffffff; color: var(--text); }
.f-head { display: flex; flex-wrap: wrap; gap: 0.25rem 0.6rem; align-items: baseline; }
.f-head .code { font-weight: 700; }
.f-head .rule-name, .f-head .loc { color: var(--muted); }
.f-msg { margin: 0.3rem 0; }
.f-hint, .f-related { margin: 0.2rem 0; font-size: 0.95rem; }
.label { font-weight: 600; }
.f-detail {
  white-space: pre-wrap; overflow-wrap: anywhere; background: var(--panel); padding: 0.4rem 0.6rem;
  margin: 0.4rem 0; border-radius: 4px;
}
.src { margin: 0.5rem 0 0; }
.src pre {
  margin: 0; background: #f6f8fa; border: 1px solid var(--line); border-radius: 4px; padding: 0.35rem 0;
  overflow-x: auto;
}
.src .line {
  display: grid; grid-template-columns: 3.5rem minmax(0, 1fr); column-gap: 0.6rem; padding-right: 0.6rem;
  white-space: pre-wrap; overflow-wrap: anywhere;
}
.src .ln { text-align: right; color: var(--muted); user-select: none; }
.src .hit { background: #fff1cc; box-shadow: inset 4px 0 0 #a35f00; }
.src mark.col { background: #ffd75e; color: var(--text); border-bottom: 2px solid #7a4a00; }
.src .hit .ln { color: var(--text); font-weight: 700; }
.file-group h4 { margin: 1rem 0 0.25rem; font-size: 1rem; }
details.sbs-wrap { margin: 0.5rem 0 1rem; }
details.sbs-wrap > summary { cursor: pointer; font-weight: 600; padding: 0.25rem 0; }
table.sbs { table-layout: fixed; }
table.sbs col.c-en, table.sbs col.c-es { width: 41%; }
table.sbs col.c-st { width: 18%; }
table.sbs td { overflow-wrap: anywhere; }
.blk-meta { display: block; color: var(--muted); font-size: 0.8rem; }
.blk-text { margin: 0; }
.blk-heading .blk-text { font-weight: 700; }
pre.blk-text { white-space: pre-wrap; background: #f6f8fa; padding: 0.25rem 0.4rem; border-radius: 3px; }
.empty-cell { color: var(--muted); font-style: italic; }
tr.row-stale > td { background: var(--stale-bg); }
tr.row-stale > td:first-child { box-shadow: inset 5px 0 0 var(--stale); }
tr.row-missing > td { background: var(--missing-bg); }
tr.row-missing > td:first-child { box-shadow: inset 5px 0 0 var(--missing); }
tr.row-extra > td { background: var(--extra-bg); }
tr.row-extra > td:first-child { box-shadow: inset 5px 0 0 var(--extra); }
tr.row-moved > td { background: var(--moved-bg); }
tr.row-moved > td:first-child { box-shadow: inset 5px 0 0 var(--moved); }
.status-list {
  list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 0.25rem;
  align-items: flex-start;
}
.status-note { display: block; font-size: 0.85rem; color: var(--text); }
.status-list .badge { white-space: normal; }
.diff {
  margin: 0.4rem 0 0; padding: 0.35rem 0.5rem; border: 1px dashed var(--stale); border-radius: 4px;
  background: #ffffff;
}
.diff-label { display: block; font-weight: 600; font-size: 0.85rem; }
/* The wdiff markers: unseen, but read by screen readers and kept when copied. */
del .mark, ins .mark {
  display: inline-block; width: 1px; height: 1px; margin: -1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap;
}
del { background: #fbd9d9; color: #7a0d0d; text-decoration: line-through; }
ins { background: #d4f1db; color: #0d5a22; text-decoration: underline; }
.rules td:first-child { white-space: nowrap; }
footer {
  max-width: 80rem; margin: 0 auto; padding: 1rem 1.5rem 2rem; color: var(--muted);
  border-top: 1px solid var(--line); font-size: 0.9rem;
}
/* Findings on the side-by-side rows: the cell's worst severity, the quoted values marked. */
table.sbs td.cell-error { background: var(--error-bg); box-shadow: inset 5px 0 0 var(--error); }
table.sbs td.cell-warning { box-shadow: inset 5px 0 0 #b36b00; }
table.sbs td.cell-info { box-shadow: inset 5px 0 0 var(--info); }
mark.hl { color: var(--text); padding: 0 0.1em; border-radius: 2px; }
mark.hl-error { background: #ffc9c9; outline: 2px solid var(--error); }
mark.hl-warning { background: #ffe3a3; }
mark.hl-info { background: #d6e6f7; }
.status-list .row-finding { font-size: 0.85rem; color: var(--text); }
.status-list .row-finding .code { font-weight: 600; }
.readiness { margin: 1rem 0; }
.ready-line { font-size: 1.15rem; margin: 0 0 0.25rem; }
.policy { color: var(--muted); font-size: 0.9rem; margin: 0 0 0.75rem; }
.badge.status { white-space: nowrap; }
.trend { display: block; font-size: 0.85rem; color: var(--muted); }
.search-field input { font: inherit; padding: 0.3rem 0.5rem; min-width: 16rem; border: 1px solid #6b7785; }
.page-header .gen-time, .page-header .gen-commit, .page-header .gen-branch, .page-header .gen-pr {
  white-space: nowrap;
}
/* One guide pair per printed page, its side-by-side included (the script opens
   every side-by-side before printing; ::details-content shows them when it cannot). */
@media print {
  .filters, .skip-link, nav, #charts, noscript { display: none !important; }
  body { font-size: 10pt; }
  .page-header { background: none !important; color: #000 !important; }
  .page-header * { color: #000 !important; }
  article.guide { break-before: page; page-break-before: always; border-top: 0; margin-top: 0; }
  details.sbs-wrap::details-content { content-visibility: visible; display: contents; }
  details.sbs-wrap > summary { list-style: none; }
  .src, .f-detail { display: none; }
  table { page-break-inside: auto; }
  tr { break-inside: avoid; }
  #rules, #other-files, #unpaired { break-before: page; }
}
"""

# Filters, search and print: every finding carries data-severity, data-rule and
# data-lang; every overview row data-pair, data-guide, data-status and data-search
# (ids, titles and paths); a pair's article, data-guide. The status template comes
# from the page (it is translated there), so this text, and therefore its hash,
# never changes.
SCRIPT = """\
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-finding]"));
  var lists = Array.prototype.slice.call(document.querySelectorAll("[data-findings-list]"));
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-pair]"));
  var articles = Array.prototype.slice.call(document.querySelectorAll("article[data-guide]"));
  var status = document.getElementById("filter-status");
  function value(name) {
    var control = form.elements.namedItem(name);
    return control ? control.value : "";
  }
  function text(el) { return (el.textContent || "").toLowerCase(); }
  function apply() {
    var severity = value("severity"), rule = value("rule"), lang = value("lang");
    var guide = value("guide"), state = value("status"), query = value("q").trim().toLowerCase(), shown = 0;
    var pairOk = {};
    rows.forEach(function (row) {
      var article = document.getElementById(row.getAttribute("data-pair"));
      var ok = (!guide || row.getAttribute("data-guide") === guide) &&
        (!state || row.getAttribute("data-status") === state) &&
        (!query || row.getAttribute("data-search").indexOf(query) >= 0 ||
         (article !== null && text(article).indexOf(query) >= 0));
      row.hidden = !ok;
      pairOk[row.getAttribute("data-guide")] = ok;
    });
    articles.forEach(function (article) {
      var ok = pairOk[article.getAttribute("data-guide")];
      article.hidden = ok === false;
    });
    items.forEach(function (item) {
      var article = item.closest("article[data-guide]");
      var ok = (!severity || item.getAttribute("data-severity") === severity) &&
        (!rule || item.getAttribute("data-rule") === rule) &&
        (!lang || item.getAttribute("data-lang") === lang) &&
        (article === null ? !guide && !state : !article.hidden) &&
        (!query || text(item).indexOf(query) >= 0 ||
         (article !== null && (article.getAttribute("data-guide") + " " +
          text(article.querySelector("h2"))).indexOf(query) >= 0));
      item.hidden = !ok;
      if (ok) { shown += 1; }
    });
    lists.forEach(function (list) {
      var empty = document.getElementById(list.getAttribute("data-empty"));
      if (empty) { empty.hidden = list.querySelector("[data-finding]:not([hidden])") !== null; }
    });
    if (status) {
      status.textContent = status.getAttribute("data-template")
        .replace("{shown}", String(shown)).replace("{total}", String(items.length));
    }
  }
  form.addEventListener("change", apply);
  form.addEventListener("input", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  // Printing shows every side-by-side view.
  window.addEventListener("beforeprint", function () {
    Array.prototype.slice.call(document.querySelectorAll("details.sbs-wrap")).forEach(function (d) {
      d.open = true;
    });
  });
  form.hidden = false;
  apply();
}());
"""


def sha256_source(text: str) -> str:
    """A CSP hash source (``'sha256-…'``) for an inline element's exact text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(style: str = CSS, script: str = SCRIPT) -> str:
    """The page's policy: nothing from anywhere, except its own style and script."""
    return "; ".join(
        (
            "default-src 'none'",
            f"style-src {sha256_source(style)}",
            f"script-src {sha256_source(script)}",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )
