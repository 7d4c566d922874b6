"""Property tests: whatever lands in content/, the CLI answers with findings.

Random bytes, random YAML front matter and random Markdown never produce a
traceback or exit 2 (exit 2 is for usage, config and internal errors only).
Example counts are bounded so the suite stays fast in CI.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clitools import guide_text, write_project

# derandomize: CI runs the same examples every time; raise CONTENTLINT_FUZZ_EXAMPLES locally to search further.
FUZZ = settings(derandomize=True, database=None, max_examples=int(__import__("os").environ.get("CONTENTLINT_FUZZ_EXAMPLES", "60")), deadline=None, suppress_health_check=list(HealthCheck))

yaml_scalars = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["no", "yes", "on", "~", "null", "2026-02-30", "!!python/object:os.system x", "*a", "&a x", "[", "{", "'", '"', "- ", ": ", "|", ">"]),
    st.integers(),
)
front_lines = st.lists(
    st.tuples(st.sampled_from(["id", "lang", "type", "title", "slug", "updated", "related", "cards", "x", "id"]), yaml_scalars),
    max_size=12,
)
markdown_pieces = st.lists(
    st.sampled_from(
        ["# H", "## Q?", "1. step", "- item", "* item", "> quote", "```", "<!-- contentlint-disable-line SC -- x -->",
         "<!-- contentlint-disable", "[link](x.md#a)", "![img](", "| a | b |", "|---|", "\t", "", "   ", "\u00e9\u00f1", "\x00"]
    ),
    max_size=30,
)


def _check(files: dict[str, str | bytes]) -> None:
    from contentlint.cli import main

    with tempfile.TemporaryDirectory() as folder:
        root = write_project(Path(folder), files)
        import os

        previous = os.getcwd()
        os.chdir(root)
        try:
            code = main(["check", "--format", "json"])
        finally:
            os.chdir(previous)
    assert code in (0, 1)


@FUZZ
@given(data=st.binary(max_size=2000))
def test_random_bytes(data, capsys):
    _check({"content/en/random.md": data, "content/data/random.yaml": data})
    assert "Traceback" not in capsys.readouterr().err


@FUZZ
@given(lines=front_lines, pieces=markdown_pieces)
def test_random_front_matter_and_markdown(lines, pieces, capsys):
    front = "\n".join(f"{key}: {value}" for key, value in lines)
    body = "\n".join(pieces)
    _check({"content/en/fuzz.md": f"---\n{front}\n---\n{body}\n", "content/es/fuzz.md": guide_text(lang="es", slug="fuzz") + body})
    assert "Traceback" not in capsys.readouterr().err


@FUZZ
@given(body=st.text(max_size=3000))
def test_random_text_after_valid_front_matter(body, capsys):
    _check({"content/en/sample-guide.md": guide_text() + body})
    assert "Traceback" not in capsys.readouterr().err


REAL_EN = (Path(__file__).resolve().parents[1] / "content/en/what-to-do-if-the-school-denies-an-iep.md").read_text(encoding="utf-8")
REAL_ES = (Path(__file__).resolve().parents[1] / "content/es/que-hacer-si-la-escuela-niega-un-iep.md").read_text(encoding="utf-8")
edits = st.lists(
    st.tuples(
        st.sampled_from(["delete", "duplicate", "insert", "digits", "swap"]),
        st.integers(min_value=0, max_value=200),
        st.sampled_from(["60 días", "31 de junio de 2026", "[x](../en/a.md#ñ)", "> quote", "1. step", "## Q?", "IEP", "audición de debido proceso", "\u00a0", "http://", "$1,500", "(555) 123-4567", "34 CFR 300.999", "<script>", "---"]),
    ),
    max_size=8,
)


def _mutate(text: str, changes) -> str:
    lines = text.split("\n")
    for kind, index, piece in changes:
        at = index % max(len(lines), 1)
        if kind == "delete" and lines:
            del lines[at]
        elif kind == "duplicate" and lines:
            lines.insert(at, lines[at])
        elif kind == "insert":
            lines.insert(at, piece)
        elif kind == "digits" and lines:
            lines[at] = "".join(str((int(c) + 1) % 10) if c.isdigit() else c for c in lines[at])
        elif kind == "swap" and len(lines) > 1:
            lines[at], lines[at - 1] = lines[at - 1], lines[at]
    return "\n".join(lines)


@FUZZ
@given(en_changes=edits, es_changes=edits)
def test_random_edits_of_a_real_pair_run_every_rule_without_crashing(en_changes, es_changes, capsys):
    content = Path(__file__).resolve().parents[1] / "content"
    support = {  # the data files and the pair's sync mark, so every rule family runs
        f"content/{path.relative_to(content).as_posix()}": path.read_text(encoding="utf-8")
        for path in [*(content / "data").glob("*.yaml"), content / "sync/school-denies-iep.yaml"]
        if path.exists()
    }
    _check(
        {
            **support,
            "content/en/what-to-do-if-the-school-denies-an-iep.md": _mutate(REAL_EN, en_changes),
            "content/es/que-hacer-si-la-escuela-niega-un-iep.md": _mutate(REAL_ES, es_changes),
        }
    )
    assert "Traceback" not in capsys.readouterr().err
