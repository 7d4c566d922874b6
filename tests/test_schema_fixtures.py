"""Every bad input of the schema issue: a fixture file, the CLI, code + line + column."""

from __future__ import annotations

import pytest

from clitools import FIXTURES, ROOT

SCHEMA = FIXTURES / "schema"
ONLY_FILE_CHECKS = ("--select", "SC", "--select", "CL", "--select", "ST", "--format", "json")

CASES = [
    # file, code, line, column, words the message must contain
    ("en/yaml-syntax.md", "SC003", 11, 1, "started at line 10, column 10"),
    ("en/duplicate-key.md", "SC004", 10, 1, "first defined at line 5"),
    ("en/unknown-key.md", "SC005", 10, 1, "'descripton'"),
    ("en/missing-field.md", "SC006", 1, 1, "'slug'"),
    ("en/wrong-type.md", "SC007", 10, 10, "valid list"),
    ("en/bad-lang.md", "SC008", 3, 7, "'en' or 'es'"),
    ("en/impossible-date.md", "SC008", 8, 10, "2026-02-30"),
    ("en/bad-id.md", "SC008", 2, 5, "Bad_ID"),
    ("en/unknown-type.md", "SC008", 4, 7, "recipe"),
    ("en/yaml11-boolean.md", "SC009", 12, 12, "'no'"),
    ("es/lang-mismatch.md", "SC010", 3, 7, "'es' folder"),
    ("en/unsafe-tag.md", "SC011", 5, 8, "python/object"),
    ("en/alias.md", "SC011", 10, 10, "aliases"),
    ("en/slug-mismatch.md", "SC012", 7, 7, "another-slug"),
    ("en/no-front-matter.md", "SC001", 1, 1, "no front matter"),
    ("en/unterminated.md", "SC002", 1, 1, "never closed"),
    ("en/invalid-utf8.md", "CL002", 12, 8, "byte offset 196"),
    ("en/empty.md", "CL004", 1, 1, "empty"),
    ("en/binary.md", "CL003", 3, 1, "binary"),
    ("en/crlf.md", "SC008", 8, 10, "2026-13-01"),
]


@pytest.mark.parametrize(("name", "code", "line", "column", "words"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_reported_at_its_position(cli, name, code, line, column, words):
    result = cli("check", *ONLY_FILE_CHECKS, str(SCHEMA / name), cwd=ROOT)
    assert result.code == 1, result.out + result.err
    findings = result.findings()
    assert [(f["code"], f["line"], f["column"]) for f in findings] == [(code, line, column)]
    assert words in findings[0]["message"]
    assert findings[0]["hint"], "every finding says how to fix it"
    assert findings[0]["path"] == f"tests/fixtures/schema/{name}"


def test_unknown_key_suggests_the_known_one(cli):
    result = cli("check", *ONLY_FILE_CHECKS, str(SCHEMA / "en/unknown-key.md"), cwd=ROOT)
    assert result.findings()[0]["hint"] == "Did you mean 'description'?"


@pytest.mark.parametrize("name", ["en/valid.md", "en/bom.md"])
def test_valid_files_pass(cli, name):
    result = cli("check", *ONLY_FILE_CHECKS, str(SCHEMA / name), cwd=ROOT)
    assert result.code == 0
    assert result.findings() == []


def test_text_output_is_path_line_column_code_with_hint(cli):
    result = cli("check", "--format", "concise", "--select", "SC", str(SCHEMA / "en/impossible-date.md"), cwd=ROOT)
    lines = result.out.splitlines()
    assert lines[0].startswith("tests/fixtures/schema/en/impossible-date.md:8:10: SC008 updated:")
    assert lines[1] == "    hint: Use a real calendar date written YYYY-MM-DD."
    assert lines[-1] == "1 error, 0 warnings in 1 file (1 file checked)."
    assert "\033[" not in result.out  # no colour when not a terminal
