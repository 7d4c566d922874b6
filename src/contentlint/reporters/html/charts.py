"""Inline SVG charts of the HTML report (no script, no external asset).

* readability by guide: English and Spanish bars side by side on the English
  grade scale (INFLESZ mapped onto it, so one target and one limit line serve
  both languages with the default thresholds), the INFLESZ scale on the
  bottom axis;
* findings by guide pair: errors, warnings and notes stacked.

Each chart is an ``<svg role="img">`` named by its ``<title>`` and ``<desc>``
(the desc lists every value), with a legend in HTML. Coordinates are written
with one decimal so the output is byte-stable.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from contentlint.i18n import msg
from contentlint.report import Limits, Reading
from contentlint.reporters.html.markup import Markup, fmt1, h, short, svg_num
from contentlint.reporters.html.model import SEVERITIES, PairView, UiText

SVG_NS = "http://www.w3.org/2000/svg"
TEXT, MUTED, WHITE = "#1b1f24", "#4a5360", "#ffffff"
EN_BAR, ES_BAR = "#1f5fa8", "#b3541e"  # 3:1 or more against white
TARGET, LIMIT = "#7a4a00", "#a3161a"
SEVERITY_FILLS = ("#a3161a", "#c98a00", "#4a7fb5")
MAX_GRADE = 24  # bars beyond this end in an arrow


# INFLESZ <-> grade as (anchor INFLESZ, anchor grade, INFLESZ points per grade):
# the readability engine's mapping, handed over in the report's views.
InfleszScale = tuple[float, float, float]
DEFAULT_SCALE: InfleszScale = (65.0, 6.0, 5.0)


def grade_for_inflesz(inflesz: float, scale: InfleszScale = DEFAULT_SCALE) -> float:
    """Where an INFLESZ value falls on the English grade scale."""
    anchor_inflesz, anchor_grade, per_grade = scale
    return anchor_grade + (anchor_inflesz - inflesz) / per_grade


def inflesz_for_grade(grade: float, scale: InfleszScale = DEFAULT_SCALE) -> float:
    """The INFLESZ value at a grade of the English scale (the inverse)."""
    anchor_inflesz, anchor_grade, per_grade = scale
    return anchor_inflesz - (grade - anchor_grade) * per_grade


def _svg(name: str, width: float, height: float, title: str, desc: str, body: list[Any]) -> Markup:
    return h(
        "svg",
        {"xmlns": SVG_NS, "viewBox": f"0 0 {svg_num(width)} {svg_num(height)}", "role": "img",
         "aria-labelledby": f"chart-{name}-title chart-{name}-desc", "font-family": "system-ui, sans-serif"},
        h("title", {"id": f"chart-{name}-title"}, title),
        h("desc", {"id": f"chart-{name}-desc"}, desc),
        h("rect", {"x": 0, "y": 0, "width": svg_num(width), "height": svg_num(height), "fill": WHITE}),
        body,
    )


def _figure(name: str, title: str, svg: Markup, legend: list[Markup]) -> Markup:
    return h(
        "figure", {"class": "chart", "aria-labelledby": f"chart-{name}-cap"},
        h("figcaption", {"id": f"chart-{name}-cap"}, title),
        svg,
        h("ul", {"class": "legend"}, legend),
    )


def _swatch(css: str, label: str) -> Markup:
    return h("li", None, h("span", {"class": "swatch " + css, "aria-hidden": "true"}), label)


def _label(x: float, y: float, text: str, *, size: int = 12, fill: str = TEXT, anchor: str = "start",
           tip: str | None = None, halo: bool = False) -> Markup:
    attrs: dict[str, Any] = {"x": svg_num(x), "y": svg_num(y), "font-size": str(size), "fill": fill}
    if anchor != "start":
        attrs["text-anchor"] = anchor
    if halo:  # stays readable where it crosses a line
        attrs.update({"stroke": WHITE, "stroke-width": "3", "paint-order": "stroke"})
    return h("text", attrs, h("title", None, tip) if tip else None, text)


@dataclass(frozen=True)
class _Scale:
    """The readability chart's geometry."""

    top: float
    left: float = 210.0
    width: float = 780.0
    right: float = 60.0
    head: float = 46.0  # axis title and grade ticks
    pad: float = 14.0  # line labels above the first bars
    foot: float = 40.0  # INFLESZ ticks and axis title
    bar: float = 14.0
    gap: float = 16.0

    def x(self, grade: float) -> float:
        """The x of a grade (clipped to the scale)."""
        plot = self.width - self.left - self.right
        return self.left + plot * max(0.0, min(grade, self.top)) / self.top

    def height(self, rows: int) -> float:
        """The chart's height for this many guide pairs."""
        return self.head + self.pad + rows * (2 * self.bar + self.gap) + self.foot


def _reading_scale(pairs: Sequence[PairView]) -> _Scale:
    values = [r.grade_scale for p in pairs for r in (p.en.reading, p.es.reading) if r and r.grade_scale is not None]
    top = int(max([12.0, *[v + 1 for v in values]]))
    return _Scale(top=float(min(top + top % 2, MAX_GRADE)))


def _axes(text: UiText, scale: _Scale, height: float, inflesz: InfleszScale) -> list[Markup]:
    y0, y1 = scale.head - 6, height - scale.foot + 6
    out = []
    for tick in range(0, int(scale.top) + 1, 2):
        tx = svg_num(scale.x(tick))
        out.append(h("line", {"x1": tx, "x2": tx, "y1": svg_num(y0), "y2": svg_num(y1),
                              "stroke": "#dde3ea", "stroke-width": "1"}))
        out.append(_label(scale.x(tick), scale.head - 12, str(tick), size=11, anchor="middle"))
        value = f"{inflesz_for_grade(tick, inflesz):.0f}"
        out.append(_label(scale.x(tick), height - scale.foot + 22, value, size=11, anchor="middle"))
    out.append(h("text", {"x": svg_num(scale.left), "y": "14", "font-size": "12", "font-weight": "700",
                          "fill": EN_BAR}, text.t(msg("English: Flesch-Kincaid grade (lower is easier)"))))
    out.append(h("text", {"x": svg_num(scale.left), "y": svg_num(height - 4), "font-size": "12",
                          "font-weight": "700", "fill": "#8f3f12"}, text.t(msg("Spanish: INFLESZ (higher is easier)"))))
    return out


def _threshold_lines(
    text: UiText, scale: _Scale, limits: Limits, height: float, inflesz: InfleszScale
) -> list[Markup]:
    """Target (dashed) and limit lines. With the default thresholds the Spanish
    ones fall on the English ones; configured apart, they are drawn too."""
    lines = [(limits.target_grade_en, True, text.t(msg("target"))), (limits.max_grade_en, False, text.t(msg("limit")))]
    es_target = grade_for_inflesz(limits.target_inflesz_es, inflesz)
    es_limit = grade_for_inflesz(limits.min_inflesz_es, inflesz)
    if abs(es_target - limits.target_grade_en) > 0.05:
        lines.append((es_target, True, text.t(msg("Spanish target"))))
    if abs(es_limit - limits.max_grade_en) > 0.05:
        lines.append((es_limit, False, text.t(msg("Spanish limit"))))
    out = []
    for grade, dashed, label in lines:
        lx, color = svg_num(scale.x(grade)), TARGET if dashed else LIMIT
        attrs = {"x1": lx, "x2": lx, "y1": svg_num(scale.head - 6), "y2": svg_num(height - scale.foot + 6),
                 "stroke": color, "stroke-width": "2", "stroke-dasharray": "5 3" if dashed else None}
        out.append(h("line", attrs))
        out.append(_label(scale.x(grade) + 3, scale.head + 6, label, size=10, fill=color))
    return out


def _bar(text: UiText, scale: _Scale, y: float, reading: Reading | None, color: str, code: str) -> list[Markup]:
    baseline = y + scale.bar - 3
    out = [_label(scale.left - 6, baseline, code, size=10, fill=MUTED, anchor="end")]
    if reading is None or reading.grade_scale is None or reading.value is None:
        out.append(_label(scale.left + 4, baseline, text.t(msg("no score")), size=10, fill=MUTED))
        return out
    width = max(1.0, scale.x(reading.grade_scale) - scale.left)
    status, _ = text.reading_status(reading)
    tip = f"{text.lang_name(reading.lang)}: {fmt1(reading.value)} ({status})"
    shown = fmt1(reading.value) + (" ▸" if reading.grade_scale > scale.top else "")  # off the scale
    out.append(h("rect", {"x": svg_num(scale.left), "y": svg_num(y + 1), "width": svg_num(width),
                          "height": svg_num(scale.bar - 2), "fill": color}, h("title", None, tip)))
    out.append(_label(scale.left + width + 4, baseline, shown, size=10, halo=True))
    return out


def reading_chart(
    text: UiText, pairs: Sequence[PairView], limits: Limits, inflesz: InfleszScale = DEFAULT_SCALE
) -> Markup:
    """Readability by guide pair: an English and a Spanish bar per pair."""
    scale = _reading_scale(pairs)
    height = scale.height(len(pairs))
    body: list[Any] = [*_axes(text, scale, height, inflesz), *_threshold_lines(text, scale, limits, height, inflesz)]
    y = scale.head + scale.pad
    for pair in pairs:
        body.append(_label(scale.left - 28, y + scale.bar + 4, short(pair.doc_id, 24), anchor="end", tip=pair.doc_id))
        body += _bar(text, scale, y, pair.en.reading, EN_BAR, "EN")
        body += _bar(text, scale, y + scale.bar, pair.es.reading, ES_BAR, "ES")
        y += 2 * scale.bar + scale.gap
    title = text.t(msg("Readability by guide, English beside Spanish"))
    values = [
        text.t(msg("{guide}: English grade {en}, Spanish INFLESZ {es}.", guide=pair.doc_id,
                   en=_value(pair.en.reading), es=_value(pair.es.reading)))
        for pair in pairs
    ]
    desc = text.t(msg(
        "Horizontal bars on the English grade scale (lower is easier); Spanish INFLESZ is drawn on the same "
        "scale (INFLESZ {es_target:g} = grade {en_target:g}, INFLESZ {es_limit:g} = grade {en_limit:g}). "
        "Target line at grade {en_target:g}, limit line at grade {en_limit:g}.",
        es_target=limits.target_inflesz_es, en_target=limits.target_grade_en,
        es_limit=limits.min_inflesz_es, en_limit=limits.max_grade_en,
    ))
    legend = [
        _swatch("sw-en", text.t(msg("English (EN)"))),
        _swatch("sw-es", text.t(msg("Spanish (ES)"))),
        _swatch("sw-target", text.t(msg("target: grade {g:g} / INFLESZ {i:g}",
                                        g=limits.target_grade_en, i=limits.target_inflesz_es))),
        _swatch("sw-limit", text.t(msg("limit: grade {g:g} / INFLESZ {i:g}",
                                       g=limits.max_grade_en, i=limits.min_inflesz_es))),
    ]
    svg = _svg("reading", scale.width, height, title, " ".join([desc, *values]), body)
    return _figure("reading", title, svg, legend)


def _value(reading: Reading | None) -> str:
    return fmt1(reading.value) if reading is not None and reading.value is not None else "—"


def findings_chart(text: UiText, pairs: Sequence[PairView]) -> Markup:
    """Findings by guide pair, errors, warnings and notes stacked."""
    counts = [(pair, [pair.count(s) for s in SEVERITIES]) for pair in pairs]
    most = max([1, *[sum(values) for _, values in counts]])
    left, width, plot, bar, gap, head = 210.0, 780.0, 420.0, 16.0, 10.0, 10.0
    height = head + len(pairs) * (bar + gap) + 6
    body: list[Any] = []
    y = head
    for pair, values in counts:
        body.append(_label(left - 8, y + bar - 4, short(pair.doc_id, 26), anchor="end", tip=pair.doc_id))
        cursor = left
        for value, color, severity in zip(values, SEVERITY_FILLS, SEVERITIES, strict=True):
            if value:
                step = plot * value / most
                body.append(h("rect", {"x": svg_num(cursor), "y": svg_num(y), "width": svg_num(step),
                                       "height": svg_num(bar), "fill": color, "stroke": WHITE, "stroke-width": "1"},
                              h("title", None, f"{value} {text.severity_label(severity)}")))
                cursor += step
        body.append(_label(cursor + 6, y + bar - 4, " / ".join(str(v) for v in values), size=11))
        y += bar + gap
    title = text.t(msg("Findings by guide pair"))
    desc = " ".join(
        text.t(msg("{guide}: {errors} errors, {warnings} warnings, {notes} notes.", guide=pair.doc_id,
                   errors=values[0], warnings=values[1], notes=values[2]))
        for pair, values in counts
    )
    legend = [
        _swatch("sw-error", text.t(msg("errors"))),
        _swatch("sw-warning", text.t(msg("warnings"))),
        _swatch("sw-info", text.t(msg("notes"))),
        h("li", None, text.t(msg("numbers: errors / warnings / notes"))),
    ]
    return _figure("findings", title, _svg("findings", width, height, title, desc, body), legend)
