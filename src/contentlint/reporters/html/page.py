"""The HTML editor report: one self-contained page per run.

What the page shows, for editors of the English and Spanish guides:

* an overview of every guide pair: errors, warnings, notes, sync state, blocks
  missing, extra or moved in the Spanish, and readability in both languages
  against the target and limit of RD001;
* inline SVG charts: readability by guide (English beside Spanish, on one scale,
  with the target and limit lines) and findings by guide;
* per pair, the findings with the source lines around them, and the aligned
  blocks side by side, stale and mismatched blocks marked, with the English word
  diff since the last ``contentlint sync mark``;
* filters by severity, rule and language (a small inline script; without it the
  page shows everything).

Safety: every piece of content goes through
:func:`~contentlint.reporters.html.markup.esc` (``html.escape`` with
``quote=True``), in text and in attributes, via the ``h`` builder, which also
refuses event-handler attributes and any ``href`` that is not a fragment of this
page. Content is never a link target. The CSP allows only the page's own style
and script, by hash (see :mod:`contentlint.reporters.html.assets`).

Deterministic: the same report gives byte-identical HTML (no time unless
``options["generated"]`` is given; everything sorted). The UI language is
``options["ui_lang"]``; all fixed text goes through :func:`contentlint.i18n.localize`.
When the report came from the result cache (``report.library is None``) only
the findings are shown, and the page says so.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any, TextIO

from contentlint import __version__
from contentlint.findings import Finding, Severity
from contentlint.i18n import UI_LANGUAGES, localize, msg
from contentlint.report import (
    EXCERPT_CONTEXT,
    EXCERPT_MAX,
    PUBLISH_STATUSES,
    Reading,
    Report,
    RowView,
    publish_status,
)
from contentlint.reporters.html.assets import CSS, SCRIPT, content_security_policy
from contentlint.reporters.html.charts import (
    DEFAULT_SCALE,
    findings_chart,
    reading_chart,
)
from contentlint.reporters.html.markup import (
    Markup,
    esc,
    fmt1,
    h,
    highlight,
    join,
    mark_column,
    quoted_spans,
    render_diff,
)
from contentlint.reporters.html.model import (
    SEVERITIES,
    DocView,
    PageModel,
    PairView,
    UiText,
    build_model,
    lang_of,
)

if TYPE_CHECKING:
    from contentlint.report import BlockView

MAX_FINDINGS_PER_FILE = 300  # the JSON report has them all
# Publish status -> label and badge class.
STATUS_LABELS = {
    "fixes": (msg("Needs fixes"), "st-limit"),
    "translation": (msg("Needs translation"), "st-stale"),
    "review": (msg("Needs review"), "st-target"),
    "ready": (msg("Ready"), "st-ok"),
}

__all__ = ["esc", "h", "render", "render_diff", "render_text"]


class Page(UiText):
    """Renders a PageModel in one UI language."""

    def __init__(self, report: Report, model: PageModel, ui_lang: str, options: dict[str, Any]) -> None:
        super().__init__(ui_lang)
        self.report = report
        self.model = model
        self.options = options
        self.finding_ids = 0
        self._langs: dict[str, str] | None = None

    # -- page ---------------------------------------------------------------

    def render(self) -> str:
        """The whole document."""
        report = self.report
        errors, warnings = report.count(Severity.ERROR), report.count(Severity.WARNING)
        title = self.t(msg("contentlint report: {errors} errors, {warnings} warnings",
                           errors=errors, warnings=warnings))
        head = h(
            "head",
            None,
            h("meta", {"charset": "utf-8"}),
            h("meta", {"http-equiv": "Content-Security-Policy", "content": content_security_policy()}),
            h("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
            h("meta", {"name": "referrer", "content": "no-referrer"}),
            h("meta", {"name": "color-scheme", "content": "light"}),
            h("meta", {"name": "generator", "content": f"contentlint {__version__}"}),
            h("link", {"rel": "icon", "href": "data:,"}),
            h("title", None, title),
            Markup("<style>" + CSS + "</style>"),
        )
        body = h(
            "body",
            None,
            h("a", {"class": "skip-link", "href": "#main"}, self.t(msg("Skip to the report"))),
            self.header(),
            h("main", {"id": "main", "tabindex": "-1"}, self.main()),
            self.footer(),
            Markup("<script>" + SCRIPT + "</script>"),
        )
        return "<!DOCTYPE html>\n" + h("html", {"lang": self.ui, "dir": "ltr"}, head, body) + "\n"

    def header(self) -> Markup:
        """The page header: title, files checked, and the section links."""
        links = [("overview", msg("Overview"))]
        if self.model.pairs:
            links += [("charts", msg("Charts")), ("guides", msg("Guides"))]
        if self.model.unpaired:
            links.append(("unpaired", msg("Guides without a pair")))
        if self.model.others:
            title = msg("Findings by file") if self.report.views is None else msg("Other files")
            links.append(("other-files", title))
        links.append(("rules", msg("Rules")))
        nav = h(
            "nav",
            {"aria-label": self.t(msg("Sections"))},
            h("ul", None, [h("li", None, h("a", {"href": "#" + anchor}, self.t(text))) for anchor, text in links]),
        )
        checked = len(self.report.checked)
        return h(
            "header",
            {"class": "page-header"},
            h("h1", None, self.t(msg("contentlint report"))),
            h("p", None, self.t(msg("{count} files checked", count=checked)), self.generated()),
            nav,
        )

    def generated(self) -> Markup:
        """When and from what the report was made: the time, the commit, the branch
        and the pull request, each only when the caller passed it."""
        parts: list[Any] = []
        stamp = self.options.get("generated")
        if stamp:
            parts.append(h("span", {"class": "gen-time"}, self.t(msg("generated {when}", when=self.when(str(stamp))))))
        revision = self.options.get("revision") or {}
        if revision.get("commit"):
            parts.append(h("span", {"class": "gen-commit"}, self.t(msg("commit")), " ",
                           h("code", None, str(revision["commit"]))))
        if revision.get("branch"):
            parts.append(h("span", {"class": "gen-branch"}, self.t(msg("branch")), " ",
                           h("code", None, str(revision["branch"]))))
        if revision.get("pull_request"):
            parts.append(h("span", {"class": "gen-pr"}, self.t(msg("pull request {number}",
                                                                   number=str(revision["pull_request"])))))
        return join(*[join(" · ", part) for part in parts])

    def when(self, stamp: str) -> str:
        """An ISO date or UTC time in words: "December 2, 2026" or "December 2, 2026, 08:39 UTC"."""
        months = (msg("January"), msg("February"), msg("March"), msg("April"), msg("May"), msg("June"),
                  msg("July"), msg("August"), msg("September"), msg("October"), msg("November"), msg("December"))
        try:
            year, month, day = int(stamp[0:4]), int(stamp[5:7]), int(stamp[8:10])
            name = self.t(months[month - 1])
        except (ValueError, IndexError):
            return stamp
        if not (stamp[4:5] == "-" and stamp[7:8] == "-" and 1 <= day <= 31):
            return stamp
        date = self.t(msg("{month} {day}, {year}", month=name, day=day, year=year))
        clock = stamp[11:16]
        if len(stamp) > 16 and stamp[10:11] == "T" and clock[2:3] == ":" and stamp.endswith("Z"):
            return self.t(msg("{date}, {time} UTC", date=date, time=clock))
        return date

    def footer(self) -> Markup:
        """The tool and version; a reminder that nothing is loaded."""
        return h(
            "footer",
            None,
            h("p", None, self.t(msg("Made by contentlint {version}. This page loads nothing from the network.",
                                    version=__version__))),
        )

    def main(self) -> Markup:
        """Everything between the header and the footer."""
        parts: list[Any] = [self.filters(), self.summary()]
        if self.report.views is None:
            parts.append(
                h(
                    "p",
                    {"class": "note cache", "role": "note"},
                    self.t(msg(
                        "This report was answered from the result cache, so only the findings are shown: "
                        "guide pairs, readability, source lines and the side-by-side view need the parsed "
                        "library. Run `contentlint report`, or `contentlint check --no-cache`, for the full report."
                    )),
                )
            )
        else:
            parts.append(self.overview())
            parts.append(self.charts())
            if self.model.pairs:
                parts.append(h("h2", {"id": "guides", "class": "sr-only"}, self.t(msg("Guides"))))
                parts.extend(self.pair_section(pair) for pair in self.model.pairs)
            if self.model.unpaired:
                parts.append(self.unpaired())
        if self.model.others:
            parts.append(self.others())
        parts.append(self.rules())
        return join(*parts)

    # -- filters ---------------------------------------------------------------

    def filters(self) -> Markup:
        """The filter form (shown by the script) and its no-script note."""
        findings = self.report.findings
        if not findings and not self.model.pairs:
            return Markup("")
        present = {f.severity for f in findings}
        severity_options = [h("option", {"value": ""}, self.t(msg("All severities")))]
        severity_options += [
            h("option", {"value": s.label}, self.severity_label(s)) for s in SEVERITIES if s in present
        ]
        names = {info.code: info.name for info in self.report.rules}
        counts = Counter(f.code for f in findings)
        for f in findings:
            names.setdefault(f.code, f.name)
        rule_options = [h("option", {"value": ""}, self.t(msg("All rules")))]
        rule_options += [
            h("option", {"value": code}, f"{code} {names[code]} ({counts[code]})") for code in sorted(counts)
        ]
        langs = sorted({self.finding_lang(f) for f in findings}, key=("en", "es", "other").index)
        lang_options = [h("option", {"value": ""}, self.t(msg("All languages")))]
        lang_options += [h("option", {"value": lang}, self.lang_name(lang)) for lang in langs]
        total = len(findings)
        status_template = self.t(msg("Showing {shown} of {total} findings", shown="{shown}", total="{total}"))
        form = h(
            "form",
            {"id": "filters", "class": "filters", "hidden": True, "aria-label": self.t(msg("Filter findings"))},
            h(
                "fieldset",
                None,
                h("legend", None, self.t(msg("Filter findings"))),
                h("label", {"for": "filter-q", "class": "search-field"}, self.t(msg("Search")),
                  h("input", {"id": "filter-q", "name": "q", "type": "search", "autocomplete": "off",
                              "placeholder": self.t(msg("title, path or message"))})),
                self.pair_filters(),
                h("label", {"for": "filter-severity"}, self.t(msg("Severity")),
                  h("select", {"id": "filter-severity", "name": "severity"}, severity_options)),
                h("label", {"for": "filter-rule"}, self.t(msg("Rule")),
                  h("select", {"id": "filter-rule", "name": "rule"}, rule_options)),
                h("label", {"for": "filter-lang"}, self.t(msg("Language")),
                  h("select", {"id": "filter-lang", "name": "lang"}, lang_options)),
                h("button", {"type": "reset"}, self.t(msg("Show all"))),
                h("p", {"id": "filter-status", "role": "status", "aria-live": "polite",
                        "data-template": status_template},
                  status_template.replace("{shown}", str(total)).replace("{total}", str(total))),
            ),
        )
        noscript = h("noscript", None, h("p", {"class": "note"}, self.t(
            msg("The filters need JavaScript; every finding is shown below."))))
        return join(form, noscript)

    def pair_filters(self) -> Markup:
        """The guide and publish-status filters (they also filter the overview)."""
        pairs = self.model.pairs
        if not pairs:
            return Markup("")
        present = {pair.status for pair in pairs}
        status_options = [h("option", {"value": ""}, self.t(msg("All statuses")))]
        status_options += [h("option", {"value": status}, self.t(STATUS_LABELS[status][0]))
                           for status in PUBLISH_STATUSES if status in present]
        guide_options = [h("option", {"value": ""}, self.t(msg("All guides")))]
        guide_options += [h("option", {"value": doc_id}, doc_id) for doc_id in sorted(p.doc_id for p in pairs)]
        return join(
            h("label", {"for": "filter-status-select"}, self.t(msg("Publish status")),
              h("select", {"id": "filter-status-select", "name": "status"}, status_options)),
            h("label", {"for": "filter-guide"}, self.t(msg("Guide")),
              h("select", {"id": "filter-guide", "name": "guide"}, guide_options)),
        )

    def finding_lang(self, finding: Finding) -> str:
        """en / es / other: the language of the file the finding is in."""
        if self._langs is None:
            views = [*(v for p in self.model.pairs for v in (p.en, p.es)), *self.model.unpaired, *self.model.others]
            self._langs = {view.display: view.lang for view in views}
        path = finding.location.path
        return self._langs.get(path) or lang_of(path)

    # -- summary and overview ---------------------------------------------------

    def summary(self) -> Markup:
        """Totals: findings by severity, files, pairs, stale pairs."""
        report = self.report
        items = [
            (report.count(Severity.ERROR), msg("errors"), "t-error"),
            (report.count(Severity.WARNING), msg("warnings"), "t-warning"),
            (report.count(Severity.INFO), msg("notes"), "t-info"),
            (len(report.checked), msg("files checked"), None),
        ]
        if report.views is not None:
            items.append((len(self.model.pairs), msg("guide pairs"), None))
            stale = sum(1 for p in self.model.pairs if p.stale_blocks)
            items.append((stale, msg("pairs with stale blocks"), "t-stale"))
        return h(
            "section",
            {"id": "overview", "aria-labelledby": "overview-h"},
            h("h2", {"id": "overview-h"}, self.t(msg("Overview"))),
            h("ul", {"class": "totals"}, [
                h("li", {"class": cls if count else None}, h("strong", None, count), self.t(label))
                for count, label, cls in items
            ]),
        )

    def overview(self) -> Markup:
        """One row per guide pair: findings, sync, alignment, readability."""
        model = self.model
        if not model.pairs:
            return h("p", {"class": "note"}, self.t(msg("No English/Spanish guide pairs were checked.")))
        head = h("thead", None, h("tr", None,
            h("th", {"scope": "col"}, self.t(msg("Publish status"))),
            h("th", {"scope": "col"}, self.t(msg("Guide"))),
            h("th", {"scope": "col", "class": "num"}, self.t(msg("Errors"))),
            h("th", {"scope": "col", "class": "num"}, self.t(msg("Warnings"))),
            h("th", {"scope": "col", "class": "num"}, self.t(msg("Notes"))),
            h("th", {"scope": "col"}, self.t(msg("Sync with the English"))),
            h("th", {"scope": "col"}, self.t(msg("Spanish blocks"))),
            h("th", {"scope": "col"}, self.t(msg("English reading grade"))),
            h("th", {"scope": "col"}, self.t(msg("Spanish INFLESZ"))),
        ))
        rows = [self.overview_row(pair) for pair in model.pairs]
        caption = h("caption", None, self.t(msg(
            "Every guide pair. Reading targets: English grade {en_target:g} or lower (limit {en_limit:g}); "
            "Spanish INFLESZ {es_target:g} or higher (limit {es_limit:g}).",
            en_target=model.limits.target_grade_en, en_limit=model.limits.max_grade_en,
            es_target=model.limits.target_inflesz_es, es_limit=model.limits.min_inflesz_es,
        )))
        table = h("div", {"class": "table-wrap"}, h("table", {"class": "overview", "id": "pairs-table"}, caption,
                                                         head, h("tbody", None, rows)))
        return join(self.readiness(), table)

    def readiness(self) -> Markup:
        """"5 of 8 guides ready to publish", and the policy that decided it."""
        model = self.model
        statuses = [pair.status for pair in model.pairs]
        # A guide without its Spanish is a guide that needs translation.
        statuses += ["translation" for view in model.unpaired if view.lang == "en"]
        ready = statuses.count("ready")
        counts = Counter(statuses)
        parts = [self.t(msg("{label}: {count}", label=self.t(STATUS_LABELS[status][0]), count=counts[status]))
                 for status in PUBLISH_STATUSES if counts[status] and status != "ready"]
        fail_on = self.options.get("fail_on")
        fail_label = self.severity_label(fail_on) if isinstance(fail_on, Severity) else self.t(msg("error"))
        policy = self.t(msg(
            "Policy: a guide is ready when it has no finding at or above the fail level ({level}), its Spanish is "
            "marked in sync with the English, and its review date is within the review period (ST010); reading "
            "targets are shown beside each guide.", level=fail_label))
        return h("div", {"class": "readiness", "id": "readiness"},
                 h("p", {"class": "ready-line"}, h("strong", None, self.t(msg(
                     "{ready} of {total} guides ready to publish", ready=ready, total=len(statuses)))),
                   (" — " + "; ".join(parts)) if parts else None),
                 h("p", {"class": "policy"}, policy))

    def status_badge(self, status: str) -> Markup:
        """A publish status as a badge."""
        label, cls = STATUS_LABELS[status]
        return h("span", {"class": "badge status " + cls, "data-status": status}, self.t(label))

    def titled(self, lang: str, title: str) -> Markup | None:
        """A guide title under its language code."""
        if not title:
            return None
        return h("span", {"class": "title"}, h("span", {"class": "lang-tag"}, lang.upper()), " ",
                 h("span", {"lang": lang}, title))

    def count_cell(self, count: int, severity: Severity) -> Markup:
        """A table cell with a count, badged when not zero."""
        if not count:
            return h("td", {"class": "num zero"}, "0")
        return h("td", {"class": "num"}, h("span", {"class": "badge sev-" + severity.label}, count))

    def overview_row(self, pair: PairView) -> Markup:
        """The overview row of one pair."""
        guide = h(
            "th",
            {"scope": "row"},
            h("a", {"href": "#" + pair.anchor, "class": "doc-id"}, pair.doc_id),
            self.titled("en", pair.en.title),
            self.titled("es", pair.es.title),
        )
        return h(
            "tr",
            {"data-pair": pair.anchor, "data-guide": pair.doc_id, "data-status": pair.status,
             "data-search": " ".join((pair.doc_id, pair.en.title, pair.es.title, pair.en.display,
                                      pair.es.display)).lower()},
            h("td", None, self.status_badge(pair.status)),
            guide,
            self.count_cell(pair.count(Severity.ERROR), Severity.ERROR),
            self.count_cell(pair.count(Severity.WARNING), Severity.WARNING),
            self.count_cell(pair.count(Severity.INFO), Severity.INFO),
            h("td", None, self.sync_badge(pair)),
            h("td", None, self.alignment_badges(pair)),
            h("td", None, self.reading_cell(pair.en.reading)),
            h("td", None, self.reading_cell(pair.es.reading)),
        )

    def sync_badge(self, pair: PairView) -> Markup:
        """The pair's sync state as a badge."""
        state = pair.state
        if state is None:
            return Markup("")
        if state.status == "stale":
            return h("span", {"class": "badge st-stale"},
                     self.t(msg("stale: {count} blocks changed", count=pair.stale_blocks)))
        labels = {
            "synced": (msg("in sync"), "st-ok" if pair.status != "fixes" else "st-none"),
            "never": (msg("never marked"), "st-none"),
            "invalid": (msg("sync file unusable"), "st-limit"),
        }
        text, cls = labels.get(state.status, (msg("unknown"), "st-none"))
        return h("span", {"class": "badge " + cls}, self.t(text))

    def alignment_badges(self, pair: PairView) -> Markup:
        """Missing, extra and moved Spanish blocks as badges."""
        alignment = pair.alignment
        if alignment is None:
            return Markup("")
        parts = []
        if not alignment.confident:
            parts.append(h("span", {"class": "badge st-limit"}, self.t(msg("not comparable"))))
        if alignment.missing:
            parts.append(h("span", {"class": "badge st-missing"},
                           self.t(msg("{count} missing", count=alignment.missing))))
        if alignment.extra:
            parts.append(h("span", {"class": "badge st-extra"},
                           self.t(msg("{count} extra", count=alignment.extra))))
        if alignment.moved:
            parts.append(h("span", {"class": "badge st-moved"},
                           self.t(msg("{count} moved", count=alignment.moved))))
        if not parts:
            parts.append(h("span", {"class": "badge " + ("st-ok" if pair.status != "fixes" else "st-none")},
                           self.t(msg("all {count} aligned", count=alignment.english_blocks))))
        return join(*[join(part, " ") for part in parts])

    def reading_cell(self, reading: Reading | None) -> Markup:
        """A score with its status against the target and limit."""
        if reading is None:
            return h("span", {"class": "zero"}, "—")
        text, cls = self.reading_status(reading)
        value = fmt1(reading.value) if reading.value is not None else "—"
        band = f" ({reading.band})" if reading.lang == "es" and reading.band else ""
        return join(
            h("span", {"class": "mono"}, value), h("span", {"lang": "es"}, band) if band else None, " ",
            h("span", {"class": "badge " + cls}, text), self.trend(reading),
        )

    def trend(self, reading: Reading) -> Markup | None:
        """The score against RD005's baseline: "5.8 → 6.4 since git:main"."""
        if reading.baseline is None or reading.value is None:
            return None
        scale = msg("grade") if reading.lang == "en" else msg("INFLESZ")
        return h("span", {"class": "trend"}, self.t(msg(
            "{scale} {old} → {new} since {label}", scale=self.t(scale), old=fmt1(reading.baseline),
            new=fmt1(reading.value), label=reading.baseline_label)))

    # -- charts ------------------------------------------------------------------

    def charts(self) -> Markup:
        """The charts section."""
        pairs = self.model.pairs
        if not pairs:
            return Markup("")
        return h(
            "section",
            {"id": "charts", "aria-labelledby": "charts-h"},
            h("h2", {"id": "charts-h"}, self.t(msg("Charts"))),
            reading_chart(self, pairs, self.model.limits,
                          self.model.views.inflesz_scale if self.model.views else DEFAULT_SCALE),
            findings_chart(self, pairs),
        )

    # -- one guide pair -------------------------------------------------------------

    def pair_section(self, pair: PairView) -> Markup:
        """One guide pair: facts, findings in context, side by side."""
        heading_id = pair.anchor + "-h"
        facts = h(
            "dl", {"class": "facts"},
            h("dt", None, self.t(msg("English file"))), h("dd", None, h("code", None, pair.en.display)),
            h("dt", None, self.t(msg("Spanish file"))), h("dd", None, h("code", None, pair.es.display)),
            h("dt", None, self.t(msg("English title"))), h("dd", {"lang": "en"}, pair.en.title or "—"),
            h("dt", None, self.t(msg("Spanish title"))), h("dd", {"lang": "es"}, pair.es.title or "—"),
            h("dt", None, self.t(msg("Publish status"))), h("dd", None, self.status_badge(pair.status)),
            h("dt", None, self.t(msg("Sync"))), h("dd", None, self.sync_badge(pair), self.synced_at(pair)),
            h("dt", None, self.t(msg("Updated"))), h("dd", None, self.dates(pair, "updated")),
            h("dt", None, self.t(msg("Last reviewed"))), h("dd", None, self.dates(pair, "last_reviewed")),
            h("dt", None, self.t(msg("Blocks"))), h("dd", None, self.alignment_badges(pair)),
            h("dt", None, self.t(msg("Readability"))),
            h("dd", None, h("span", None, "EN "), self.reading_cell(pair.en.reading), " · ",
              h("span", None, "ES "), self.reading_cell(pair.es.reading)),
        )
        return h(
            "article",
            {"class": "guide", "id": pair.anchor, "aria-labelledby": heading_id, "data-guide": pair.doc_id,
             "data-status": pair.status},
            h("h2", {"id": heading_id}, h("span", {"class": "doc-id"}, pair.doc_id),
              h("span", {"lang": "en"}, " — " + pair.en.title) if pair.en.title else None),
            facts,
            h("h3", None, self.t(msg("Findings"))),
            self.file_findings(pair.en, pair.anchor + "-en", level="h4"),
            self.file_findings(pair.es, pair.anchor + "-es", level="h4"),
            self.side_by_side(pair),
        )

    def synced_at(self, pair: PairView) -> Markup:
        """Who marked the pair in sync and when, in words, if known."""
        state = pair.state
        if state is None or not state.synced:
            return Markup("")
        when = self.when(state.synced)
        if state.confirmed_by:
            text = msg("confirmed by {name} on {when}", name=state.confirmed_by, when=when)
        else:
            text = msg("last marked on {when}", when=when)
        return join(" ", h("span", {"class": "confirmed"}, self.t(text)))

    def dates(self, pair: PairView, key: str) -> Markup:
        """A front-matter date of both files, in words."""
        parts = []
        for lang, view in (("en", pair.en.view), ("es", pair.es.view)):
            value = getattr(view, key)
            parts.append(join(h("span", {"class": "lang-tag"}, lang.upper()), " ", self.when(value) if value else "—"))
        return join(parts[0], " · ", parts[1])

    def file_findings(self, view: DocView, key: str, level: str = "h3") -> Markup:
        """The findings of one file, or a note that there are none."""
        heading = h(level, None, self.lang_name(view.lang) + ": ", h("code", None, view.display),
                    f" ({len(view.findings)})")
        if not view.findings:
            return h("div", {"class": "file-group"}, heading, h("p", {"class": "zero"}, self.t(msg("No findings."))))
        shown = view.findings[:MAX_FINDINGS_PER_FILE]
        empty_id = key + "-empty"
        items = [self.finding_item(f, view) for f in shown]
        more = len(view.findings) - len(shown)
        return h(
            "div", {"class": "file-group"},
            heading,
            h("ol", {"class": "findings", "data-findings-list": True, "data-empty": empty_id}, items),
            h("p", {"id": empty_id, "class": "zero", "hidden": True}, self.t(msg("No findings match the filters."))),
            h("p", {"class": "note"}, self.t(msg("{count} more findings are in the JSON report.", count=more)))
            if more else None,
        )

    def finding_item(self, finding: Finding, view: DocView) -> Markup:
        """One finding: badge, rule, place, message, hint, detail, source lines."""
        self.finding_ids += 1
        loc = finding.location
        where = f"{loc.path}:{loc.line}:{loc.column}" if loc.line else loc.path
        severity = finding.severity.label
        related = [
            join(h("code", None, f"{r.path}:{r.line}:{r.column}" if r.line else r.path),
                 f" ({localize(r.note, self.ui)})" if r.note else "")
            for r in finding.related
        ]
        message = localize(finding.message, self.ui)
        hint = localize(finding.hint, self.ui) if finding.hint else ""
        detail = localize(finding.detail, self.ui) if finding.detail else ""
        return h(
            "li",
            {"class": "finding sev-" + severity, "id": f"finding-{self.finding_ids}", "data-finding": True,
             "data-severity": severity, "data-rule": finding.code, "data-lang": view.lang},
            h("div", {"class": "f-head"},
              h("span", {"class": "badge sev-" + severity}, self.severity_label(finding.severity)),
              h("span", {"class": "code"}, finding.code),
              h("span", {"class": "rule-name"}, finding.name),
              h("span", {"class": "loc mono"}, where)),
            h("p", {"class": "f-msg", "lang": self.content_lang(finding.message)}, message),
            h("p", {"class": "f-hint"}, h("span", {"class": "label"}, self.t(msg("Hint:")) + " "),
              h("span", {"lang": self.content_lang(finding.hint)}, hint)) if hint else None,
            h("p", {"class": "f-related"}, h("span", {"class": "label"}, self.t(msg("See also:")) + " "),
              [join(r, "; " if n < len(related) - 1 else "") for n, r in enumerate(related)]) if related else None,
            h("div", {"class": "f-detail", "lang": self.content_lang(finding.detail)}, render_diff(detail))
            if detail else None,
            self.source_context(finding, view),
        )

    def source_context(self, finding: Finding, view: DocView) -> Markup:
        """The source lines around a finding, the finding's lines marked."""
        lines = view.view.excerpt
        count = view.view.line_count
        loc = finding.location
        if not lines or loc.line < 1:
            return Markup("")
        first_hit = min(loc.line, count)
        last_hit = min(max(loc.end_line or loc.line, loc.line), count, first_hit + EXCERPT_MAX - 1)
        start = max(1, first_hit - EXCERPT_CONTEXT)
        end = min(count, last_hit + EXCERPT_CONTEXT)
        rendered = []
        for number in range(start, end + 1):
            hit = first_hit <= number <= last_hit
            text: Any = lines.get(number, "") or " "
            if number == loc.line:
                text = mark_column(lines.get(number, ""), loc)
            rendered.append(h("span", {"class": "line hit" if hit else "line"},
                              h("span", {"class": "ln"}, number), h("span", {"class": "text"}, text)))
        label = self.t(msg("Lines {start} to {end} of {path}", start=start, end=end, path=loc.path))
        lang = view.lang if view.lang in ("en", "es") else None
        return h(
            "figure", {"class": "src"},
            h("figcaption", {"class": "sr-only"}, label),
            h("pre", {"lang": lang}, h("code", None, rendered)),
        )

    # -- side by side ----------------------------------------------------------------

    def side_by_side(self, pair: PairView) -> Markup:
        """The aligned blocks of a pair in a table (open when something is off)."""
        alignment = pair.alignment
        if alignment is None:
            return Markup("")
        tags = Counter(tag for row in pair.rows for tag in row.tags)
        flagged = (any(tags.values()) or bool(pair.removed) or not alignment.confident
                   or pair.has_pair_findings())
        counts = [self.t(msg("{count} rows", count=len(pair.rows)))]
        for tag in ("stale", "facts", "added", "missing", "extra", "moved"):
            if tags[tag]:
                counts.append(f"{tags[tag]} {self.tag_label(tag)}")
        summary = h("summary", None, self.t(msg("English and Spanish side by side")), f" ({', '.join(counts)})")
        parts: list[Any] = [summary]
        if not alignment.confident:
            parts.append(h("p", {"class": "note"}, self.t(msg(
                "Too few blocks align to compare this pair block by block (PR013): only the rows marked as "
                "aligned below are counterparts."))))
        colgroup = h("colgroup", None, h("col", {"class": "c-en"}), h("col", {"class": "c-es"}),
                     h("col", {"class": "c-st"}))
        head = h("thead", None, h("tr", None,
            h("th", {"scope": "col"}, self.t(msg("English"))),
            h("th", {"scope": "col"}, self.t(msg("Spanish"))),
            h("th", {"scope": "col"}, self.t(msg("Status"))),
        ))
        body = h("tbody", None, [self.sbs_row(row, pair) for row in pair.rows])
        caption = h("caption", {"class": "sr-only"}, self.t(msg(
            "Blocks of {guide}: English, Spanish, and how they compare", guide=pair.doc_id)))
        parts.append(h("div", {"class": "table-wrap"}, h("table", {"class": "sbs"}, caption, colgroup, head, body)))
        if pair.removed:
            parts.append(h("h4", None, self.t(msg("Removed from the English since the last sync"))))
            parts.append(h("ul", None, [
                h("li", None, h("div", {"class": "diff", "lang": "en"}, render_diff(diff)))
                for diff in pair.removed
            ]))
        return h("details", {"class": "sbs-wrap", "id": pair.anchor + "-sbs", "open": flagged}, parts)

    def tag_label(self, tag: str) -> str:
        """The label of a row status."""
        labels = {
            "stale": msg("stale: English changed"),
            "facts": msg("stale: English facts changed"),
            "added": msg("added to the English after the sync"),
            "missing": msg("missing in the Spanish"),
            "extra": msg("extra in the Spanish"),
            "moved": msg("moved"),
        }
        return self.t(labels[tag])

    def sbs_row(self, row: RowView, pair: PairView) -> Markup:
        """One row of the side-by-side table: the two blocks (the findings on each
        marked in their text), how they compare, and the findings on them."""
        order = ("missing", "facts", "stale", "added", "extra", "moved")
        main = next((tag for tag in order if tag in row.tags), None)
        found = pair.row_findings(row)
        worst = {side: max((f.severity for f, sides in found if side in sides), default=None) for side in ("en", "es")}
        css = {"missing": "row-missing", "facts": "row-stale", "stale": "row-stale", "added": "row-stale",
               "extra": "row-extra", "moved": "row-moved"}.get(main or "")
        if worst["en"] == Severity.ERROR or worst["es"] == Severity.ERROR:
            css = f"{css} row-error" if css else "row-error"
        en_cell = self.block_cell(row.en, "en", [f for f, sides in found if "en" in sides])
        if row.change in ("text", "facts"):
            en_cell = join(en_cell, h(
                "div", {"class": "diff"},
                h("span", {"class": "diff-label"}, self.t(msg("English changes since the last sync:"))),
                h("span", {"class": "diff-text", "lang": "en"}, render_diff(row.diff)),
            ))
        statuses = []
        for tag in row.tags:
            cls = {"facts": "st-stale", "added": "st-stale", "stale": "st-stale"}.get(tag, "st-" + tag)
            statuses.append(h("li", None, h("span", {"class": "badge " + cls}, self.tag_label(tag))))
        if not row.tags and worst["en"] != Severity.ERROR and worst["es"] != Severity.ERROR:
            aligned = "st-ok" if not found else "st-none"
            statuses.append(h("li", None, h("span", {"class": "badge " + aligned}, self.t(msg("aligned")))))
        for finding, _sides in found:
            severity = finding.severity.label
            statuses.append(h("li", {"class": "row-finding sev-" + severity, "data-row-finding": severity},
                              h("span", {"class": "badge sev-" + severity}, self.severity_label(finding.severity)),
                              " ", h("span", {"class": "code"}, finding.code), " ",
                              h("span", {"class": "f-msg", "lang": self.content_lang(finding.message)},
                                localize(finding.message, self.ui))))
        if "moved" in row.tags and row.es is not None:
            statuses.append(h("li", None, h("span", {"class": "status-note"}, self.t(msg(
                "In the Spanish it is at line {line}.", line=row.es.line)))))
        if row.tags and set(row.tags) & {"stale", "facts", "added"} and row.es is not None:
            statuses.append(h("li", None, h("span", {"class": "status-note"},
                self.t(msg("Update the Spanish, then run:")), " ",
                h("code", None, f"contentlint sync mark {pair.doc_id}"))))
        cell = {side: "cell-" + sev.label if (sev := worst[side]) is not None else None for side in ("en", "es")}
        es_cell = self.block_cell(row.es, "es", [f for f, sides in found if "es" in sides])
        return h(
            "tr", {"class": css},
            h("td", {"class": cell["en"], "data-side": "en"}, en_cell),
            h("td", {"class": cell["es"], "data-side": "es"}, es_cell),
            h("td", None, h("ul", {"class": "status-list"}, statuses)),
        )

    def block_cell(self, block: BlockView | None, lang: str, findings: list[Finding] | None = None) -> Markup:
        """One block: its kind and line, then its text in its language, with what
        the findings on it quote (a differing value, a hard sentence) marked."""
        if block is None:
            empty = msg("no English block") if lang == "en" else msg("no Spanish block")
            return h("span", {"class": "empty-cell"}, self.t(empty))
        kind = self.kind_label(block)
        meta = h("span", {"class": "blk-meta"}, kind, " · ", self.t(msg("line {line}", line=block.line)))
        if block.kind in ("code", "html"):
            text = h("pre", {"class": "blk-text", "lang": lang}, block.text)
        else:
            spans = [(start, end, "hl hl-" + f.severity.label)
                     for f in findings or [] for start, end in quoted_spans(block.text, localize(f.message, "en"))]
            text = h("p", {"class": "blk-text", "lang": lang}, highlight(block.text, spans))
        return h("div", {"class": "blk blk-" + block.kind}, meta, text)

    def kind_label(self, block: Any) -> str:
        """A block's kind in words: heading 2, step 3, paragraph ..."""
        if block.kind == "heading":
            return self.t(msg("heading {level}", level=block.level))
        if block.kind == "list_item":
            return self.t(msg("step {number}", number=block.number)) if block.ordered else self.t(msg("list item"))
        names = {
            "paragraph": msg("paragraph"), "quote": msg("quote"), "table_row": msg("table row"),
            "code": msg("code"), "html": msg("HTML"), "rule": msg("rule"),
        }
        return self.t(names.get(block.kind, msg("block")))

    # -- other sections ---------------------------------------------------------------

    def unpaired(self) -> Markup:
        """Guides without a translation (or an original), with their findings."""
        rows = []
        fail_on = self.options.get("fail_on")
        fail_on = fail_on if isinstance(fail_on, Severity) else Severity.ERROR
        for view in self.model.unpaired:
            status = publish_status(view.findings, fail_on, None, view.view.awaiting_translation)
            rows.append(h("tr", None,
                h("td", None, self.status_badge(status)),
                h("th", {"scope": "row"}, h("code", None, view.display),
                  self.titled(view.lang, view.title) if view.lang in ("en", "es") else None),
                h("td", None, self.lang_name(view.lang)),
                self.count_cell(view.count(Severity.ERROR), Severity.ERROR),
                self.count_cell(view.count(Severity.WARNING), Severity.WARNING),
                self.count_cell(view.count(Severity.INFO), Severity.INFO),
                h("td", None, self.reading_cell(view.reading)),
            ))
        table = h("div", {"class": "table-wrap"}, h("table", {"class": "overview"},
            h("thead", None, h("tr", None,
                h("th", {"scope": "col"}, self.t(msg("Publish status"))),
                h("th", {"scope": "col"}, self.t(msg("Guide"))),
                h("th", {"scope": "col"}, self.t(msg("Language"))),
                h("th", {"scope": "col", "class": "num"}, self.t(msg("Errors"))),
                h("th", {"scope": "col", "class": "num"}, self.t(msg("Warnings"))),
                h("th", {"scope": "col", "class": "num"}, self.t(msg("Notes"))),
                h("th", {"scope": "col"}, self.t(msg("Readability"))),
            )),
            h("tbody", None, rows)))
        groups = [self.file_findings(view, f"unpaired-{n + 1}") for n, view in enumerate(self.model.unpaired)]
        return h("section", {"id": "unpaired", "aria-labelledby": "unpaired-h"},
                 h("h2", {"id": "unpaired-h"}, self.t(msg("Guides without a pair"))), table, groups)

    def others(self) -> Markup:
        """Findings in data files, or every finding when the library is unknown."""
        title = msg("Findings by file") if self.report.views is None else msg("Other files")
        groups = [self.file_findings(view, f"other-{n + 1}") for n, view in enumerate(self.model.others)]
        return h("section", {"id": "other-files", "aria-labelledby": "other-files-h"},
                 h("h2", {"id": "other-files-h"}, self.t(title)), groups)

    def rules(self) -> Markup:
        """The rules that reported something."""
        counts = Counter(f.code for f in self.report.findings)
        infos = sorted((info for info in self.report.rules if counts[info.code]), key=lambda i: i.code)
        if not infos:
            body = h("p", None, self.t(msg("No rule reported anything.")))
        else:
            body = h("div", {"class": "table-wrap"}, h("table", {"class": "rules"},
                h("caption", None, self.t(msg("Rules with findings"))),
                h("thead", None, h("tr", None,
                    h("th", {"scope": "col"}, self.t(msg("Rule"))),
                    h("th", {"scope": "col"}, self.t(msg("Default severity"))),
                    h("th", {"scope": "col", "class": "num"}, self.t(msg("Findings"))),
                    h("th", {"scope": "col"}, self.t(msg("What it checks"))),
                )),
                h("tbody", None, [h("tr", None,
                    h("th", {"scope": "row"}, h("code", None, info.code), " ", info.name),
                    h("td", None, self.severity_label(info.severity)),
                    h("td", {"class": "num"}, counts[info.code]),
                    h("td", {"lang": self.content_lang(info.summary)}, localize(info.summary, self.ui)),
                ) for info in infos]),
            ))
        return h("section", {"id": "rules", "aria-labelledby": "rules-h"},
                 h("h2", {"id": "rules-h"}, self.t(msg("Rules"))), body)


def render_text(report: Report, options: dict[str, Any] | None = None) -> str:
    """The page as a string."""
    options = options or {}
    ui = options.get("ui_lang") or "en"
    ui = ui if ui in UI_LANGUAGES else "en"
    fail_on = options.get("fail_on")
    model = build_model(report, fail_on if isinstance(fail_on, Severity) else Severity.ERROR)
    return Page(report, model, ui, options).render()


def render(report: Report, stream: TextIO, options: dict[str, Any]) -> None:
    """Write the self-contained HTML report."""
    stream.write(render_text(report, options))
