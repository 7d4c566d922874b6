"""Plan, show and write the fixes of a report (see the package docstring)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from contentlint.findings import Applicability, Edit, Finding

_UTF8_BOM = "\ufeff"


@dataclass
class FilePlan:
    """The fixes of one file: its text before and after, and what was left out."""

    display: str
    path: Path
    before: str
    after: str
    fixed: list[Finding] = field(default_factory=list)
    skipped: list[tuple[Finding, str]] = field(default_factory=list)


def plan_fixes(
    findings: Iterable[Finding],
    root: Path,
    content_root: Path,
    *,
    unsafe: bool = False,
    max_bytes: int = 2_000_000,
) -> list[FilePlan]:
    """The new text of every file that has fixable findings (nothing written).

    ``unsafe``: also apply fixes marked unsafe. A file that cannot be read safely,
    lies outside ``content_root`` or would no longer parse gets no plan.
    """
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.fix is None or not finding.fix.edits:
            continue
        if finding.fix.applicability is Applicability.UNSAFE and not unsafe:
            continue
        paths = {edit.path for edit in finding.fix.edits}
        if len(paths) != 1:
            continue  # a fix across two files is all or nothing; none is made today
        by_path.setdefault(paths.pop(), []).append(finding)
    plans = []
    for display, chosen in sorted(by_path.items()):
        plan = _plan_file(display, chosen, root, content_root, max_bytes)
        if plan is not None and plan.fixed:
            plans.append(plan)
    return plans


def _plan_file(display: str, chosen: list[Finding], root: Path, content_root: Path, max_bytes: int) -> FilePlan | None:
    from contentlint.content.read import is_inside, read_bytes_safely

    path = root / display
    if not is_inside(path.absolute(), content_root.absolute()):
        return None  # never a file outside content/
    try:
        raw = read_bytes_safely(path, max_bytes, content_root)
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if "\r" in text.replace("\r\n", ""):
        return None
    after, fixed, skipped = apply_edits(text, chosen)
    if fixed and not _still_loads(display, after):
        return FilePlan(display, path, text, text, [], [(f, "the YAML would no longer load") for f in fixed])
    return FilePlan(display, path, text, after, fixed, skipped)


def apply_edits(text: str, findings: Sequence[Finding]) -> tuple[str, list[Finding], list[tuple[Finding, str]]]:
    """``text`` with the fixes of ``findings`` made (the file's newlines and BOM kept).

    Returns the new text, the findings fixed, and those left out with the reason.
    """
    bom = _UTF8_BOM if text.startswith(_UTF8_BOM) else ""
    lines = text[len(bom):].split("\n")
    taken: list[tuple[int, int, int]] = []  # (line, start, end) of each edit made
    fixed: list[Finding] = []
    skipped: list[tuple[Finding, str]] = []
    ordered = sorted(findings, key=lambda f: _first(f.fix.edits) if f.fix is not None else (0, 0))
    replacements: list[tuple[int, int, int, str]] = []
    for finding in ordered:
        assert finding.fix is not None
        spans = [_span(lines, edit) for edit in finding.fix.edits]
        if any(span is None for span in spans):
            skipped.append((finding, "the text changed since the check"))
            continue
        exact = [span for span in spans if span is not None]
        if any(_overlaps(span, taken) for span in exact) or _overlap_within(exact):
            skipped.append((finding, "another fix changes the same text"))
            continue
        taken.extend(exact)
        replacements.extend((line, start, end, edit.new) for (line, start, end), edit in
                            zip(exact, finding.fix.edits, strict=True))
        fixed.append(finding)
    for line, start, end, new in sorted(replacements, reverse=True):
        current = lines[line]
        lines[line] = current[:start] + new + current[end:]
    return bom + "\n".join(lines), fixed, skipped


def _first(edits: Sequence[Edit]) -> tuple[int, int]:
    return min((edit.line, edit.column) for edit in edits) if edits else (0, 0)


def _span(lines: list[str], edit: Edit) -> tuple[int, int, int] | None:
    """The 0-based line, start and end of an edit, when the file still holds its ``old`` text."""
    if edit.line != edit.end_line or not 1 <= edit.line <= len(lines):
        return None
    line = lines[edit.line - 1]
    content = line[:-1] if line.endswith("\r") else line
    start, end = edit.column - 1, edit.end_column - 1
    if start < 0 or end > len(content) or content[start:end] != edit.old:
        return None
    return edit.line - 1, start, end


def _overlaps(span: tuple[int, int, int], taken: list[tuple[int, int, int]]) -> bool:
    line, start, end = span
    return any(line == other_line and start <= other_end and other_start <= end
               for other_line, other_start, other_end in taken)


def _overlap_within(spans: list[tuple[int, int, int]]) -> bool:
    return any(_overlaps(span, spans[:number]) for number, span in enumerate(spans))


def _still_loads(display: str, text: str) -> bool:
    """The fixed file's YAML (front matter, or the whole data file) still loads with
    ruamel.yaml's round-trip loader: a fix never leaves a file that cannot be read."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    text = text.removeprefix(_UTF8_BOM)
    if display.endswith((".yaml", ".yml")):
        source = text
    else:
        lines = text.split("\n")
        if not lines or lines[0].rstrip("\r").rstrip() != "---":
            return True  # no front matter to break
        closing = next((n for n, line in enumerate(lines[1:], 1) if line.rstrip("\r").rstrip() in ("---", "...")),
                       None)
        if closing is None:
            return False
        source = "\n".join(lines[1:closing])
    try:
        YAML(typ="rt", pure=True).load(source)
    except (YAMLError, ValueError):
        return False
    return True


def apply_plans(plans: Sequence[FilePlan], root: Path) -> list[tuple[FilePlan, str]]:
    """Write every plan atomically through the safe file layer; the failures, with their reason."""
    from contentlint.fileio import atomic_write_text

    failed = []
    for plan in plans:
        if plan.after == plan.before:
            continue
        try:
            atomic_write_text(plan.path, plan.after, root)
        except OSError as exc:
            failed.append((plan, exc.strerror or str(exc)))
    return failed


def unified_diff(plan: FilePlan) -> str:
    """The plan as a unified diff (``a/`` and ``b/`` paths, as git shows them)."""
    lines = difflib.unified_diff(
        plan.before.splitlines(keepends=True),
        plan.after.splitlines(keepends=True),
        f"a/{plan.display}",
        f"b/{plan.display}",
    )
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
