"""Helpers of the HTML report tests: build the fixture libraries, run the real
CLI, and watch a page in Debian's Chromium (never a downloaded browser)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clitools import ROOT, Result, run_process

FIXTURES = ROOT / "tests" / "fixtures" / "report_html"
SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",  # required as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Reproducible sync marks (the mark time is shown in the report).
MARK_ENV = {"SOURCE_DATE_EPOCH": "1780000000"}
# Reproducible reports: "today" and the generation time fixed (November 30, 2026), and,
# whatever CI runs the tests, the header shows the library's own commit and branch.
REPORT_ENV = {
    "SOURCE_DATE_EPOCH": "1796000000",
    "GITHUB_SHA": "", "GITHUB_HEAD_REF": "", "GITHUB_REF_NAME": "", "GITHUB_REF": "",
    "CI_COMMIT_SHA": "", "CI_COMMIT_REF_NAME": "", "CI_MERGE_REQUEST_IID": "",
    "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME": "",
}
HTML_NAME = "contentlint-report.html"

# The English edits made after `sync mark`: one changes words, one a fact.
STALE_EDITS = (
    (
        "Mediation is a free, voluntary meeting with a neutral mediator.",
        "Mediation is a free, voluntary meeting led by a trained, neutral mediator.",
    ),
    ("The state must decide within 60 days", "The state must decide within 30 days"),
)
XSS_FILE_NAMES = ("<img src=x onerror=alert(1)>.md", 'x" onfocus="window.__pwned=1" autofocus="x.md')


def cli(*args: str, cwd: Path, **env: str) -> Result:
    """Run the installed ``contentlint`` in a subprocess; fail on a usage or internal error."""
    result = run_process(list(args), cwd=cwd, **env)
    assert result.code in (0, 1), f"contentlint {' '.join(args)} exited {result.code}:\n{result.out}\n{result.err}"
    return result


def edit(path: Path, old: str, new: str) -> None:
    """Replace text that must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def build_library(dest: Path) -> Path:
    """The editor fixture: marked in sync with the real CLI, then the English edited."""
    shutil.copytree(FIXTURES / "library", dest)
    cli("sync", "mark", "--all", "--force", "--by", "Ana Gómez", cwd=dest, **MARK_ENV)
    english = dest / "content" / "en" / "school-denies-iep.md"
    for old, new in STALE_EDITS:
        edit(english, old, new)
    return dest


def build_xss_library(dest: Path) -> tuple[Path, list[str]]:
    """The attack fixture, with hostile file names when the file system allows them."""
    shutil.copytree(FIXTURES / "xss", dest)
    template = (dest / "filename-guide.md.tmpl").read_text(encoding="utf-8")
    created = []
    for number, name in enumerate(XSS_FILE_NAMES, start=1):
        try:
            (dest / "content" / "en" / name).write_text(template.replace("{id}", f"hostile-name-{number}"),
                                                       encoding="utf-8")
        except OSError:
            continue
        created.append(name)
    cli("sync", "mark", "xss-guide", "--force", cwd=dest, **MARK_ENV)
    # After the mark, so the word diff carries a payload too.
    edit(dest / "content" / "en" / "xss-guide.md", "Ask the school for help.",
         "Ask the school for help now. `<img src=x onerror=window.__pwned=1>`")
    return dest, created


def report(library: Path, out: Path) -> Path:
    """``contentlint report --out`` through the real CLI; the HTML file."""
    result = cli("report", "--out", str(out), cwd=library, **REPORT_ENV)
    assert f"wrote {out / HTML_NAME}" in result.out
    return out / HTML_NAME


@dataclass
class Watch:
    """What a page did: console messages, page errors, requests, dialogs."""

    console_errors: list[str] = field(default_factory=list)
    console_warnings: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def open_page(context: Any, path: Path, init_script: str | None = None) -> tuple[Any, Watch]:
    """Open a report from file:// and record everything it does."""
    page = context.new_page()
    watch = Watch()
    def on_console(message: Any) -> None:
        if message.type == "error":
            watch.console_errors.append(message.text)
        elif message.type == "warning":
            watch.console_warnings.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda e: watch.page_errors.append(str(e)))
    page.on("request", lambda r: watch.requests.append(r.url))

    def on_dialog(dialog: Any) -> None:
        watch.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    if init_script:
        page.add_init_script(init_script)
    page.goto(path.resolve().as_uri())
    page.wait_for_load_state("load")
    return page, watch


def visible_findings(page: Any) -> list[dict[str, str]]:
    """The findings the filters leave visible."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('[data-finding]'))
            .filter(el => !el.hidden && el.offsetParent !== null)
            .map(el => ({severity: el.dataset.severity, rule: el.dataset.rule, lang: el.dataset.lang}))"""
    )


# Relative luminance contrast of every visible text element (SVG aside) against
# the first opaque background up its ancestors.
CONTRAST_JS = """() => {
  function parse(c) {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    const p = m[1].split(',').map(s => parseFloat(s));
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  }
  function lum(c) {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  }
  function background(el) {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.a > 0.99) { return c; }
    }
    return {r: 255, g: 255, b: 255, a: 1};
  }
  const bad = [];
  let checked = 0;
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('svg') || el.closest('.sr-only') || el.closest('[hidden]')) { continue; }
    const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own) { continue; }
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) { continue; }
    const style = getComputedStyle(el);
    const fg = parse(style.color), bg = background(el);
    const l1 = lum(fg), l2 = lum(bg);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    checked += 1;
    if (ratio < 4.5) {
      bad.push(el.tagName + '.' + el.className + ' ' + ratio.toFixed(2) + ': ' + el.textContent.trim().slice(0, 40));
    }
  }
  return {checked, bad};
}"""
