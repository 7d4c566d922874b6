"""Terminal output with the source (issue 17, item 2): the offending line with the
span underlined, the counterpart's line for pair findings, colour only when asked
or on a terminal, ``--statistics``, and the concise one-line form."""

from __future__ import annotations

import shutil

import pytest

from clitools import ROOT, guide_text, run_process, write_project

SPANISH = "content/es/notificacion-previa-por-escrito.md"


@pytest.fixture
def library(tmp_path):
    """The bundled library with one number changed in a Spanish guide (PR030 at 35:36)."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    write_project(tmp_path, {})
    guide = tmp_path / SPANISH
    guide.write_text(guide.read_text(encoding="utf-8").replace("estas 7 cosas", "estas 8 cosas"), encoding="utf-8")
    return tmp_path


def test_a_pair_finding_shows_its_line_and_the_counterparts_line(cli, library):
    result = cli("check", "--no-cache", "--select", "PR", SPANISH, cwd=library)
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[:7] == [
        f"{SPANISH}:35:36: PR030 numbers differ from the English block: English has 7; Spanish has 8"
        " [error: number-mismatch]",
        "    35 | La notificación debe incluir estas 8 cosas (34 CFR 300.503(b)):",
        "       |                                    ^",
        "    hint: Use the same numbers as the English (a number may be written in words in one language).",
        "    see: content/en/prior-written-notice.md:36:31 (English paragraph of “What it must include”)",
        "    36 | The notice must include these 7 things (34 CFR 300.503(b)):",
        "       |                               ^",
    ]


def test_the_underline_covers_the_word_at_the_column(cli, tmp_path):
    write_project(tmp_path, {"content/en/g.md": guide_text(slug="g", updated="2026-02-30")})
    result = cli("check", "--no-cache", "--select", "SC", cwd=tmp_path)
    lines = result.out.splitlines()
    assert lines[1:3] == ["    8 | updated: 2026-02-30", "      |          ^^^^^^^^^^"]


def test_a_long_line_is_cut_around_the_column(cli, tmp_path):
    long_line = "Plain words. " * 16 + "Read [more](https://example.org/x) today."
    text = guide_text(slug="g") + "\n" + long_line + "\n"
    write_project(tmp_path, {"content/en/g.md": text})
    result = cli("check", "--no-cache", "--select", "PL002", cwd=tmp_path)
    assert result.code == 1, result.out
    source, underline = result.out.splitlines()[1:3]
    assert source.startswith("    19 | …") and "[more](https://example.org/x)" in source
    assert len(source) < 130
    start = underline.index("^")
    assert source[start:].startswith("[more](https://example.org/x)")
    assert underline[start:] == "^" * len("[more](https://example.org/x)")


def test_concise_keeps_the_one_line_form(cli, library):
    result = cli("check", "--no-cache", "--select", "PR", "--format", "concise", SPANISH, cwd=library)
    lines = result.out.splitlines()
    assert lines[0].startswith(f"{SPANISH}:35:36: PR030 ")
    assert lines[1].startswith("    hint: ")
    assert lines[2].startswith("    see: content/en/prior-written-notice.md:36:31")
    assert not any(" | " in line for line in lines)


def test_statistics_count_findings_by_rule(cli, tmp_path):
    files = {f"content/en/g{i}.md": guide_text(doc_id=f"g{i}", slug=f"g{i}", updated="2026-02-30") for i in range(3)}
    files["content/en/h.md"] = guide_text(doc_id="h", slug="wrong")
    write_project(tmp_path, files)
    result = cli("check", "--no-cache", "--select", "SC", "--statistics", cwd=tmp_path)
    assert result.code == 1
    assert result.out.splitlines() == [
        "3  SC008  invalid-value           error",
        "1  SC012  slug-filename-mismatch  error",
        "4 errors, 0 warnings in 4 files (4 files checked).",
    ]


def test_statistics_with_a_machine_format_is_a_usage_error(cli, library):
    result = cli("check", "--statistics", "--format", "json", cwd=library)
    assert result.code == 2 and "--statistics" in result.err


def test_a_cached_run_shows_the_same_source(cli, library):
    first = cli("check", SPANISH, cwd=library)
    second = cli("check", SPANISH, cwd=library)
    assert " | " in first.out
    assert second.out == first.out


@pytest.mark.parametrize(
    ("env", "coloured"),
    [
        ({}, False),  # not a terminal
        ({"FORCE_COLOR": "1"}, True),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),  # NO_COLOR wins
        ({"FORCE_COLOR": "0"}, False),
    ],
)
def test_colour_only_on_a_terminal_or_when_forced(library, env, coloured):
    environment = {"NO_COLOR": "", **env}
    result = run_process(["check", "--no-cache", SPANISH], cwd=library, **environment)
    assert result.code == 1
    assert ("\033[" in result.out) is coloured


def test_color_never_beats_force_color(library):
    result = run_process(["check", "--no-cache", "--color", "never", SPANISH], cwd=library, NO_COLOR="",
                         FORCE_COLOR="1")
    assert "\033[" not in result.out
