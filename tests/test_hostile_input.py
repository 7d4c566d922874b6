"""Issue 12: hostile sync files, content and configuration, each through the real CLI.

Every case gives a finding at its line, or one line on stderr and exit code 2;
never a traceback, a hang, a crash, or exit code 1 for an error. Checks run with
and without the result cache (``CACHE``).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from clitools import Result, guide_text, run_process, write_project

CACHE = pytest.mark.parametrize("cache", [[], ["--no-cache"]], ids=["cache", "no-cache"])
EN_BODY = "\nAn intro paragraph.\n\n## Steps\n\n1. Do the first thing.\n2. Do the second thing.\n"
ES_BODY = "\nUn párrafo de introducción para las familias.\n\n## Pasos\n\n1. Haga la primera cosa.\n2. Haga la segunda cosa.\n"
SYNC = "content/sync/sample-guide.yaml"
# 428 bytes of aliases: expanded, 10**9 strings (measured on main: > 2 minutes, 22 GB).
SYNC_ALIAS_BOMB = "\n".join(
    ["version: 1", "id: sample-guide", "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]" for i in range(8)]
    + ["blocks: *i", ""]
)


def english(**fields: str) -> str:
    return guide_text(**fields)


def spanish(**fields: str) -> str:
    fields = {"title": "Una guía de ejemplo", "description": "Una descripción breve de la guía de ejemplo.", **fields}
    return guide_text(lang="es", slug="guia", **fields).replace(EN_BODY, ES_BODY)


def project(root: Path, files: dict[str, str | bytes] | None = None, config: str = "", **texts: str) -> Path:
    """One English/Spanish pair (clean at the error level) plus ``files``."""
    base: dict[str, str | bytes] = {
        "content/en/sample-guide.md": texts.get("en", english()),
        "content/es/guia.md": texts.get("es", spanish()),
    }
    return write_project(root, {**base, **(files or {})}, config)


def no_traceback(result: Result) -> None:
    assert "Traceback" not in result.err and "Traceback" not in result.out, result.err


def one_line_error(result: Result, *needles: str) -> None:
    """Exit 2 with one ``contentlint: ...`` line on stderr, naming what is wrong."""
    no_traceback(result)
    assert result.code == 2, (result.code, result.err)
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert lines and lines[0].startswith("contentlint: "), result.err
    for needle in needles:
        assert needle in result.err, (needle, result.err)


def findings(cli, root: Path, cache: list[str], *args: str) -> tuple[Result, list[dict]]:
    result = cli("check", "--format", "json", *cache, *args, cwd=root)
    no_traceback(result)
    assert result.code in (0, 1), (result.code, result.err)
    return result, result.findings()


def test_the_base_project_is_clean(cli, tmp_path):
    project(tmp_path)
    result = cli("check", "--no-cache", cwd=tmp_path)
    assert result.code == 0, result.out


# ------------------------------------------------------------ sync files: one YAML policy


@CACHE
def test_sync_alias_bomb_is_pr023_not_expanded(cli, tmp_path, cache):
    assert len(SYNC_ALIAS_BOMB.encode()) < 500
    project(tmp_path, {SYNC: SYNC_ALIAS_BOMB})
    start = time.perf_counter()
    result, found = findings(cli, tmp_path, cache, "--select", "PR02")
    assert time.perf_counter() - start < 10
    [pr023] = [f for f in found if f["code"] == "PR023"]
    assert "alias" in pr023["message"] or "anchor" in pr023["message"]
    assert result.code == 1


def test_sync_alias_bomb_sync_commands(cli, tmp_path):
    project(tmp_path, {SYNC: SYNC_ALIAS_BOMB})
    status = cli("sync", "status", "--format", "json", cwd=tmp_path)
    no_traceback(status)
    assert status.code == 1 and status.json()["pairs"][0]["status"] == "invalid"
    mark = cli("sync", "mark", "sample-guide", cwd=tmp_path)
    assert mark.code == 0, mark.err
    text = (tmp_path / SYNC).read_text(encoding="utf-8")
    assert "&a" not in text and "lol" not in text  # rewritten from scratch, nothing merged
    assert cli("sync", "status", cwd=tmp_path).code == 0


@CACHE
def test_sync_file_of_100000_nested_brackets(tmp_path, cache):
    depth = 100_000
    project(tmp_path, {SYNC: "version: 1\nid: sample-guide\nblocks: " + "[" * depth + "]" * depth + "\n"})
    check = run_process(["check", "--format", "json", *cache, "--select", "PR02"], tmp_path, timeout=120)
    no_traceback(check)
    assert check.code == 1, (check.code, check.err)
    [pr023] = [f for f in check.findings() if f["code"] == "PR023"]
    assert "nested too deeply" in pr023["message"]
    report = run_process(["report", *cache], tmp_path, timeout=120)
    no_traceback(report)
    assert report.code == 1, (report.code, report.err)
    assert (tmp_path / "reports").is_dir()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("- version: 1\n- id: sample-guide\n", "not a mapping"),
        ("version: 1\nid: sample-guide\nreviewer: ana\nblocks: []\n", "'reviewer' is not written by"),
        ('version: "1"\nid: sample-guide\nblocks: []\n', "unknown version '1'"),
        ("version: 1\nid: sample-guide\nen: [a]\nblocks: []\n", "'en' is not text"),
        ("version: 1\nid: sample-guide\nblocks: {a: 1}\n", "'blocks' is missing or not a list"),
        ("version: 1\nid: sample-guide\nblocks:\n  - text_fp: 0123456789abcdef\n    token_fp: 0123456789abcdef\n"
         "    note: mine\n", "blocks[0]: key 'note' is not written by"),
        ("version: 1\nid: sample-guide\nblocks:\n  - text_fp: 0123456789abcdef\n    token_fp: 0123456789abcdef\n"
         "    es: true\n", "blocks[0].es is not a block index"),
        ("version: 1\nid: sample-guide\nblocks:\n  - text_fp: 0123456789abcdef\n    token_fp: 0123456789abcdef\n"
         "    line: " + "9" * 5000 + "\n", "5,000 digits"),
        ("version: 1\nid: sample-guide\nblocks: !!python/object:os.system [x]\n", "tag"),
    ],
)
@CACHE
def test_sync_file_that_is_not_the_tools_output_is_pr023_and_mark_rewrites_it(cli, tmp_path, cache, text, reason):
    project(tmp_path, {SYNC: text})
    _, found = findings(cli, tmp_path, cache, "--select", "PR02")
    [pr023] = [f for f in found if f["code"] == "PR023"]
    assert reason in pr023["message"], pr023["message"]
    assert pr023["path"] == "content/es/guia.md"
    mark = cli("sync", "mark", "sample-guide", cwd=tmp_path)
    assert mark.code == 0 and "updated content/sync/sample-guide.yaml" in mark.out, mark.err
    rewritten = (tmp_path / SYNC).read_text(encoding="utf-8")
    assert rewritten.startswith("# Generated by `contentlint sync mark`")
    assert "reviewer" not in rewritten and "note" not in rewritten and "python" not in rewritten
    _, found = findings(cli, tmp_path, cache, "--select", "PR02")
    assert found == []


@CACHE
def test_content_sync_is_a_file(cli, tmp_path, cache):
    project(tmp_path, {"content/sync": "not a folder\n"})
    _, found = findings(cli, tmp_path, cache, "--select", "PR02")
    [pr023] = [f for f in found if f["code"] == "PR023"]
    assert "cannot be read" in pr023["message"]
    status = cli("sync", "status", cwd=tmp_path)
    no_traceback(status)
    assert status.code == 1 and "1 unusable" in status.out
    one_line_error(cli("sync", "mark", "sample-guide", cwd=tmp_path), "cannot write content/sync/sample-guide.yaml")
    one_line_error(cli("sync", "mark", "--all", cwd=tmp_path), "cannot write content/sync/sample-guide.yaml")


# ------------------------------------------------------------ content: findings, not tracebacks


@CACHE
def test_5000_digit_number_in_front_matter_is_sc011(cli, tmp_path, cache):
    project(tmp_path, en=english().replace("id: sample-guide\n", "id: sample-guide\norder: " + "9" * 5000 + "\n"))
    result, found = findings(cli, tmp_path, cache, "--select", "SC,CL")
    assert result.code == 1
    [sc011] = [f for f in found if f["code"] == "SC011"]
    assert (sc011["path"], sc011["line"]) == ("content/en/sample-guide.md", 3)
    assert "5,000 digits" in sc011["message"]
    assert not [f for f in found if f["code"] == "CL900"]


@CACHE
def test_5000_digit_number_in_the_body_is_read(cli, tmp_path, cache):
    number = "9" * 5000
    project(tmp_path, en=english() + f"\nCall {number} today.\n", es=spanish() + f"\nLlame al {number} hoy.\n")
    result, found = findings(cli, tmp_path, cache)
    assert not [f for f in found if f["code"] == "CL900"], found
    assert result.code in (0, 1)


@CACHE
def test_10000_nested_quotes_are_cl006_at_their_line(cli, tmp_path, cache):
    project(tmp_path, en=english() + "\n" + ">" * 10_000 + " deep\n")
    result, found = findings(cli, tmp_path, cache)
    assert not [f for f in found if f["code"] == "CL900"], found
    [cl006] = [f for f in found if f["code"] == "CL006"]
    assert (cl006["path"], cl006["line"]) == ("content/en/sample-guide.md", 19)
    assert result.code == 1


@CACHE
def test_100000_nested_list_markers_do_not_crash(tmp_path, cache):
    project(tmp_path, en=english() + "\n" + "- " * 100_000 + "deep\n")
    result = run_process(["check", "--format", "json", *cache], tmp_path, timeout=120)
    no_traceback(result)
    assert result.code == 1, (result.code, result.err)
    assert "CL006" in result.codes() and "CL900" not in result.codes()


# ------------------------------------------------------------ unexpected errors and outputs


def test_an_unexpected_exception_is_one_line_and_exit_2(cli, tmp_path, monkeypatch):
    import contentlint.pipeline.run

    def boom(*args, **kwargs):
        raise RuntimeError("the disk\nmelted")

    monkeypatch.setattr(contentlint.pipeline.run, "run_check", boom)
    project(tmp_path)
    result = cli("check", "--no-cache", cwd=tmp_path)
    assert result.code == 2
    assert result.err == (
        "contentlint: internal error: RuntimeError: the disk melted (set CONTENTLINT_DEBUG=1 for the traceback)\n"
    )
    monkeypatch.setenv("CONTENTLINT_DEBUG", "1")
    result = cli("check", "--no-cache", cwd=tmp_path)
    assert result.code == 2 and "Traceback" in result.err and "RuntimeError: the disk" in result.err


@CACHE
def test_check_output_to_an_unwritable_path(cli, tmp_path, cache):
    project(tmp_path, {"blocker": "a file, not a folder\n"})
    result = cli("check", *cache, "-o", "blocker/report.json", "--format", "json", cwd=tmp_path)
    one_line_error(result, "cannot write blocker/report.json")


@CACHE
def test_report_to_an_unwritable_folder(cli, tmp_path, cache):
    project(tmp_path, {"blocker": "a file, not a folder\n"})
    result = cli("report", *cache, "--out", "blocker", cwd=tmp_path)
    no_traceback(result)
    assert result.code == 2 and "contentlint: error: cannot write blocker/" in result.err, result.err


@CACHE
def test_unwritable_cache_folder_still_checks(cli, tmp_path, cache):
    project(tmp_path, {".contentlint_cache": "a file, not a folder\n"})
    result = cli("check", *cache, cwd=tmp_path)
    no_traceback(result)
    assert result.code == 0, result.err


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write read-only folders")
@CACHE
def test_read_only_checkout(tmp_path, cache):
    project(tmp_path)
    modes = []
    for folder in (tmp_path, tmp_path / "content", tmp_path / "content/en", tmp_path / "content/es"):
        modes.append((folder, folder.stat().st_mode))
        folder.chmod(0o555)
    try:
        check = run_process(["check", *cache], tmp_path, timeout=120)
        no_traceback(check)
        assert check.code == 0, check.err
        one_line_error(run_process(["check", *cache, "-o", "out.txt"], tmp_path, timeout=120), "out.txt")
        one_line_error(run_process(["report", *cache], tmp_path, timeout=120), "reports")
        one_line_error(run_process(["sync", "mark", "--all"], tmp_path, timeout=120), "content/sync")
    finally:
        for folder, mode in modes:
            folder.chmod(mode)


# ------------------------------------------------------------ configuration


def _config_error(cli, root: Path, *needles: str, command: tuple[str, ...] = ("check",)) -> None:
    for cache in ([], ["--no-cache"]):
        extra = cache if command[0] in ("check", "report") else []
        one_line_error(cli(*command, *extra, cwd=root), *needles)


@pytest.mark.parametrize(
    ("pyproject", "needle"),
    [
        (b'[tool.contentlint]\ncontent = "content"\nfail-on = "warning\n', "invalid TOML"),
        (b'[tool.contentlint]\ncontent = "content"\n[tool.contentlint]\nfail-on = "warning"\n', "invalid TOML"),
        (b'[tool.contentlint]\ncontent = "content"\n# caf\xe9\n', "not UTF-8"),
        (b'tool = "contentlint"\n', "tool: must be a table"),
        (b'[tool]\ncontentlint = "yes"\n', "tool.contentlint: must be a table"),
    ],
    ids=["syntax", "duplicate-table", "not-utf8", "tool-not-table", "contentlint-not-table"],
)
@pytest.mark.parametrize("command", [("check",), ("report",), ("sync", "status"), ("schema",)])
def test_unusable_pyproject_is_exit_2(cli, tmp_path, pyproject, needle, command):
    project(tmp_path)
    (tmp_path / "pyproject.toml").write_bytes(pyproject)
    _config_error(cli, tmp_path, "pyproject.toml", needle, command=command)


@pytest.mark.parametrize(
    ("config", "needle"),
    [
        ("[tool.contentlint.rules.reading-level-too-high]\nmax-grade-en = nan\n",
         "tool.contentlint.rules.reading-level-too-high.max-grade-en: "),
        ("[tool.contentlint.rules.reading-level-too-high]\nmax-grade-en = inf\n",
         "tool.contentlint.rules.reading-level-too-high.max-grade-en: "),
        ("[tool.contentlint.rules.reading-level-too-high.per-type.faq]\nmin-words = true\n",
         "tool.contentlint.rules.reading-level-too-high.per-type.faq.min-words: "),
        ("[tool.contentlint.rules.long-sentence]\nmax-words-en = true\n",
         "tool.contentlint.rules.long-sentence.max-words-en: "),
        ('ui-lang = "fr"\n', "tool.contentlint.ui-lang: "),
        ("jobs = true\n", "tool.contentlint.jobs: "),
        ("max-file-bytes = 1e400\n", "tool.contentlint.max-file-bytes: "),
        ('[tool.contentlint.per-file-ignores]\n"content/en/*.md" = ["XX999"]\n',
         "tool.contentlint.per-file-ignores.\"content/en/*.md\": 'XX999' matches no rule"),
        ('[tool.contentlint.per-file-ignores]\n"content/en/*.md" = ["no-such-rule"]\n',
         "'no-such-rule' matches no rule"),
        ('content = "con\\u0000tent"\n', "tool.contentlint.content: "),
    ],
)
def test_invalid_configuration_values_are_exit_2_with_the_key(cli, tmp_path, config, needle):
    write_project(tmp_path, {"content/en/sample-guide.md": english(), "content/es/guia.md": spanish()})
    text = (tmp_path / "pyproject.toml").read_text(encoding="utf-8")
    if config.startswith('content = '):
        text = text.replace('content = "content"\n', "")
    (tmp_path / "pyproject.toml").write_text(text + config, encoding="utf-8")
    _config_error(cli, tmp_path, needle)


@CACHE
def test_baseline_that_is_not_a_regular_file_is_rd006(tmp_path, cache):
    config = '[tool.contentlint.rules.readability-regression]\nbaseline = "/dev/zero"\n'
    project(tmp_path, config=config)
    start = time.perf_counter()
    result = run_process(["check", "--format", "json", *cache, "--select", "RD006"], tmp_path, timeout=60)
    assert time.perf_counter() - start < 60
    no_traceback(result)
    [rd006] = result.findings()
    assert rd006["code"] == "RD006" and "cannot be used" in rd006["message"]
    # refused without reading: an absolute path outside the project, or not a regular file
    assert "outside the project" in rd006["message"] or "not a regular file" in rd006["message"]
    assert result.code == 1


def test_config_file_that_is_not_a_regular_file(cli, tmp_path):
    project(tmp_path)
    one_line_error(cli("check", "--config", "/dev/zero", cwd=tmp_path), "/dev/zero", "not a regular file")
    one_line_error(cli("check", "--config", "content", cwd=tmp_path), "not a regular file")


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (("    es: 1\n", "    es: true\n"), "blocks[1].es is not a block index"),
        (("version: 1\n", "version: 1\nreviewer: ana\n"), "'reviewer' is not written by"),
        (("blocks:\n", "blocks: &all\n"), "anchor"),
    ],
)
@CACHE
def test_a_current_digest_does_not_hide_a_sync_file_that_is_not_the_tools_output(cli, tmp_path, cache, edit, reason):
    project(tmp_path)
    assert cli("sync", "mark", "sample-guide", cwd=tmp_path).code == 0
    _, found = findings(cli, tmp_path, cache, "--select", "PR02")
    assert found == []
    text = (tmp_path / SYNC).read_text(encoding="utf-8")
    assert edit[0] in text
    (tmp_path / SYNC).write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    _, found = findings(cli, tmp_path, cache, "--select", "PR02")
    [pr023] = [f for f in found if f["code"] == "PR023"]
    assert reason in pr023["message"], pr023["message"]
