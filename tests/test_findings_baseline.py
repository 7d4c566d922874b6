"""The findings baseline and the changed-line focus, through the real CLI.

``contentlint baseline`` then ``check --baseline``: line shifts keep findings
hidden, an edited line or a second copy brings one back, fixed entries are
counted, and a cached run is narrowed the same way. ``--only-changed-lines``
in a project that is a subfolder of its git repository. And git's diff format
as ``pipeline.focus`` reads it.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from clitools import CliRunner, guide_text, write_project
from contentlint.pipeline.focus import parse_diff

VAGUE = "Read the rules: [click here](https://www.parentcenterhub.org/rules/)."
GUIDE = "content/en/sample-guide.md"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return CliRunner(capsys, monkeypatch)


def _guide(*extra: str) -> str:
    body = "".join(f"\n{line}\n" for line in extra)
    return guide_text() + body


def _edit(root: Path, text: str) -> None:
    (root / GUIDE).write_text(text, encoding="utf-8")


def _lines(result_out: str) -> list[tuple[str, int]]:
    return sorted((f["code"], f["line"]) for f in json.loads(result_out)["findings"])


def test_baseline_survives_line_shifts_and_counts_copies(cli: CliRunner, tmp_path: Path):
    root = write_project(tmp_path, {GUIDE: _guide(VAGUE, VAGUE)})
    first = cli("check", "--no-cache", "--select", "PL002", "--format", "json", cwd=root)
    assert first.code == 1 and [code for code, _ in _lines(first.out)] == ["PL002", "PL002"]
    wrote = cli("baseline", "--no-cache", "--select", "PL002", cwd=root)
    assert wrote.code == 0 and "2 findings accepted" in wrote.out
    data = json.loads((root / "contentlint-baseline.json").read_text(encoding="utf-8"))
    (entry,) = data["findings"]  # two identical findings on identical lines: one entry, counted
    assert entry["count"] == 2 and entry["code"] == "PL002" and entry["path"] == GUIDE

    # Paragraphs added above: the lines move, the findings stay hidden.
    _edit(root, guide_text() + "\nA new paragraph.\n\nAnother one.\n" + f"\n{VAGUE}\n\n{VAGUE}\n")
    shifted = cli("check", "--no-cache", "--select", "PL002", "--baseline", "contentlint-baseline.json",
                  "--format", "json", cwd=root)
    assert shifted.code == 0 and _lines(shifted.out) == []

    # A third copy is new; the baseline accepted two.
    _edit(root, _guide(VAGUE, VAGUE, VAGUE))
    third = cli("check", "--no-cache", "--select", "PL002", "--baseline", "contentlint-baseline.json",
                "--format", "json", cwd=root)
    assert third.code == 1 and len(_lines(third.out)) == 1

    # An edited line brings its finding back, and the entry it no longer matches is counted as fixed.
    edited = VAGUE.replace("rules/", "rules/appeals/")
    _edit(root, _guide(VAGUE, edited))
    back = cli("check", "--no-cache", "--select", "PL002", "--baseline", "contentlint-baseline.json",
               "--format", "summary", cwd=root)
    assert back.code == 1
    assert "1 findings hidden by the baseline" in back.out
    assert "1 baseline entries no longer found" in back.out
    assert f"`{GUIDE}:{len(_guide(VAGUE, edited).splitlines())}`" in back.out


def test_a_cached_run_is_narrowed_by_the_baseline_too(cli: CliRunner, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch):
    import contentlint.pipeline.run

    root = write_project(tmp_path, {GUIDE: _guide(VAGUE)})
    assert cli("baseline", "--select", "PL002", cwd=root).code == 0
    _edit(root, _guide(VAGUE, "Also: [read more](https://www.parentcenterhub.org/more/)."))
    args = ("check", "--select", "PL002", "--baseline", "contentlint-baseline.json", "--format", "json")
    runs = [cli(*args, cwd=root)]

    def no_check(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the second run must come from the result cache")

    with monkeypatch.context() as patch:
        patch.setattr(contentlint.pipeline.run, "run_check", no_check)
        runs.append(cli(*args, cwd=root))
    assert [r.code for r in runs] == [1, 1], runs[1].err
    assert _lines(runs[0].out) == _lines(runs[1].out) and len(_lines(runs[0].out)) == 1
    # The plain check (no baseline) from the same cache still has both findings.
    plain = cli("check", "--select", "PL002", "--format", "json", cwd=root)
    assert len(_lines(plain.out)) == 2


def test_a_baseline_outside_the_project_is_read_and_written_as_named(cli: CliRunner, tmp_path: Path):
    (tmp_path / "project").mkdir()
    root = write_project(tmp_path / "project", {GUIDE: _guide(VAGUE)})
    outside = tmp_path / "elsewhere" / "accepted.json"
    assert cli("baseline", "--no-cache", "--select", "PL002", "-o", str(outside), cwd=root).code == 0
    assert cli("check", "--no-cache", "--select", "PL002", "--baseline", str(outside), cwd=root).code == 0


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false",
                    *args], cwd=repo, check=True, capture_output=True, timeout=60)


def test_only_changed_lines_in_a_project_below_the_repository_root(cli: CliRunner, tmp_path: Path):
    (tmp_path / "site").mkdir()
    root = write_project(tmp_path / "site", {GUIDE: _guide(VAGUE)})
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "base")
    new = "Also: [read more](https://www.parentcenterhub.org/more/)."
    _edit(root, _guide(VAGUE, new))
    out = cli("check", "--no-cache", "--select", "PL002", "--only-changed-lines=main", "--format", "github", cwd=root)
    assert out.code == 1  # both findings still count
    annotated = [line for line in out.out.splitlines() if line.startswith("::error ")]
    new_line = len(_guide(VAGUE, new).splitlines())
    assert len(annotated) == 1 and f"file={GUIDE},line={new_line}," in annotated[0]
    assert "1 finding(s) on lines not changed since main are not annotated" in out.out
    data = cli("check", "--no-cache", "--select", "PL002", "--only-changed-lines=main", "--format", "json", cwd=root)
    assert len(data.findings()) == 2  # the JSON report keeps every finding, and says how many are elsewhere
    assert data.json()["summary"]["changed_lines"] == {"since": "main", "elsewhere": 1}
    # An untracked file is changed everywhere.
    (root / "content/en/other-guide.md").write_text(
        guide_text("other-guide", slug="other-guide") + f"\n{VAGUE}\n", encoding="utf-8")
    out = cli("check", "--no-cache", "--select", "PL002", "--only-changed-lines=main", "--format", "github", cwd=root)
    assert sum("file=content/en/other-guide.md" in line for line in out.out.splitlines()) == 1


def test_only_changed_lines_needs_a_ref(cli: CliRunner, tmp_path: Path):
    root = write_project(tmp_path, {GUIDE: _guide()})
    done = cli("check", "--no-cache", "--only-changed-lines", cwd=root)
    assert done.code == 2 and "--only-changed-lines needs a REF" in done.err


def test_parse_diff_reads_hunks_deletions_and_quoted_names():
    diff = "\n".join([
        "diff --git a/content/en/a.md b/content/en/a.md",
        "--- a/content/en/a.md",
        "+++ b/content/en/a.md",
        "@@ -3 +3 @@ intro",
        "@@ -10,0 +11,2 @@",
        "@@ -20,4 +22,0 @@",
        'diff --git "a/content/es/gu\\303\\255a \\"x\\".md" "b/content/es/gu\\303\\255a \\"x\\".md"',
        '--- "a/content/es/gu\\303\\255a \\"x\\".md"',
        '+++ "b/content/es/gu\\303\\255a \\"x\\".md"',
        "@@ -1,0 +1 @@",
        "--- a/content/en/gone.md",
        "+++ /dev/null",
        "@@ -1,3 +0,0 @@",
    ])
    found = parse_diff(diff)
    assert found == {
        "content/en/a.md": frozenset({3, 11, 12, 22, 23}),
        'content/es/guía "x".md': frozenset({1}),
    }


def test_the_text_report_says_what_the_baseline_hid_in_english_and_spanish(cli: CliRunner, tmp_path: Path):
    root = write_project(tmp_path, {GUIDE: _guide(VAGUE)})
    assert cli("baseline", "--no-cache", "--select", "PL002", cwd=root).code == 0
    text = cli("check", "--no-cache", "--select", "PL002", "--baseline", "contentlint-baseline.json", cwd=root)
    assert text.code == 0
    assert "All clear" in text.out and "1 finding(s) hidden by the baseline contentlint-baseline.json" in text.out
    _edit(root, _guide())  # the vague link is gone: its entry is counted as fixed
    spanish = cli("check", "--no-cache", "--select", "PL002", "--baseline", "contentlint-baseline.json",
                  "--ui-lang", "es", cwd=root)
    assert spanish.code == 0
    assert "0 hallazgo(s) ocultos por la línea base contentlint-baseline.json" in spanish.out
    assert "1 entradas de la línea base ya no se encuentran" in spanish.out
    summary = cli("check", "--no-cache", "--select", "PL002", "--baseline", "contentlint-baseline.json",
                  "--ui-lang", "es", "--format", "summary", cwd=root)
    assert "0 hallazgos ocultos por la línea base `contentlint-baseline.json`." in summary.out
