"""A catalogue of hostile inputs: each gives a finding or a clear error, never a
hang, a traceback, or a write outside the project."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from clitools import guide_text, write_project

ALIAS_BOMB = "\n".join(
    ["---", "id: bomb", "lang: en", "a: &a [x, x, x, x, x, x, x, x, x]"]
    + [f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)]
    + ["---", "", "Body."]
)


# The hostile files below are checked with and without the result cache: the cached
# run hashes every content file before the loader's checks (issue 12).
CACHE = [pytest.param(["--no-cache"], id="no-cache"), pytest.param([], id="cached")]


def _check_json(cli, folder, *args, cache=("--no-cache",)):
    result = cli("check", *cache, "--format", "json", *args, cwd=folder)
    assert result.code in (0, 1), result.err
    return result


def test_yaml_alias_bomb_is_refused_quickly(cli, tmp_path):
    write_project(tmp_path, {"content/en/bomb.md": ALIAS_BOMB})
    start = time.perf_counter()
    result = _check_json(cli, tmp_path, "--select", "SC")
    assert time.perf_counter() - start < 5
    assert "SC011" in result.codes()


@pytest.mark.parametrize("depth", [100, 100_000])
def test_deeply_nested_yaml(cli, tmp_path, depth):
    nested = "[" * depth + "]" * depth
    write_project(tmp_path, {"content/en/deep.md": f"---\nid: deep\nrelated: {nested}\n---\nBody.\n"})
    result = _check_json(cli, tmp_path, "--select", "SC")
    assert result.codes() & {"SC011", "SC007"}


def test_50_mb_file_is_reported_not_read(cli, tmp_path):
    write_project(tmp_path, {})
    big = tmp_path / "content/en/huge.md"
    big.parent.mkdir(parents=True)
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: the test itself stays cheap
    start = time.perf_counter()
    result = _check_json(cli, tmp_path, "--select", "CL")
    assert time.perf_counter() - start < 5
    [finding] = result.findings()
    assert finding["code"] == "CL005" and "52,428,800 bytes" in finding["message"]


def test_one_megabyte_line(cli, tmp_path):
    line = "word " * 200_000
    write_project(tmp_path, {"content/en/sample-guide.md": guide_text() + "\n" + line + "\n"})
    start = time.perf_counter()
    _check_json(cli, tmp_path)
    assert time.perf_counter() - start < 60


def test_nul_bytes(cli, tmp_path):
    write_project(tmp_path, {"content/en/nul.md": guide_text().encode() + b"\x00\x00trailing"})
    result = _check_json(cli, tmp_path, "--select", "CL")
    assert result.codes() == {"CL003"}


@pytest.mark.parametrize("cache", CACHE)
def test_symlink_out_of_the_content_root_is_not_followed(cli, tmp_path, cache):
    outside = tmp_path / "secret.md"
    outside.write_text(guide_text(doc_id="secret", slug="secret", updated="2026-02-30"))
    write_project(tmp_path, {"content/en/sample-guide.md": guide_text()})
    (tmp_path / "content/en/secret.md").symlink_to(outside)
    (tmp_path / "content/es").mkdir()
    (tmp_path / "content/es/outside").symlink_to(tmp_path, target_is_directory=True)
    result = _check_json(cli, tmp_path, "--select", "CL,SC", cache=cache)
    [finding] = result.findings()
    assert finding["code"] == "CL001" and "outside the content folder" in finding["message"]
    assert finding["path"] == "content/en/secret.md"


@pytest.mark.parametrize("cache", CACHE)
def test_symlink_loops_and_dangling_links(cli, tmp_path, cache):
    write_project(tmp_path, {"content/en/sample-guide.md": guide_text()})
    (tmp_path / "content/en/loop.md").symlink_to(tmp_path / "content/en/loop.md")
    (tmp_path / "content/en/dangling.md").symlink_to(tmp_path / "nowhere.md")
    (tmp_path / "content/en/dir-loop").symlink_to(tmp_path / "content", target_is_directory=True)
    result = _check_json(cli, tmp_path, "--select", "CL,SC", cache=cache)
    assert {(f["path"], f["code"]) for f in result.findings()} == {
        ("content/en/loop.md", "CL001"),
        ("content/en/dangling.md", "CL001"),
    }


def test_file_name_that_is_not_utf8(cli, tmp_path):
    write_project(tmp_path, {})
    folder = tmp_path / "content" / "en"
    folder.mkdir(parents=True)
    name = os.fsencode(str(folder)) + b"/gu\xeda.md"
    with open(name, "wb") as handle:
        handle.write(guide_text(updated="2026-02-30").encode())
    result = _check_json(cli, tmp_path, "--select", "SC")
    [finding] = result.findings()
    assert finding["code"] == "SC008"
    assert finding["path"].startswith("content/en/gu") and finding["path"].endswith(".md")
    _check_json(cli, tmp_path, "--select", "SC")  # text output too
    assert cli("check", "--no-cache", "--select", "SC", cwd=tmp_path).code == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(cli, tmp_path):
    write_project(tmp_path, {"content/en/sample-guide.md": guide_text()})
    (tmp_path / "content/en/sample-guide.md").chmod(0)
    result = _check_json(cli, tmp_path, "--select", "CL")
    assert result.codes() == {"CL001"}


@pytest.mark.parametrize("cache", CACHE)
def test_fifo_does_not_hang(tmp_path, cache):
    write_project(tmp_path, {"content/en/sample-guide.md": guide_text()})
    os.mkfifo(tmp_path / "content/en/pipe.md")
    done = subprocess.run(
        [sys.executable, "-m", "contentlint", "check", *cache, "--select", "CL"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr


def test_nothing_is_written_outside_the_project(cli, tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    write_project(project, {"content/en/sample-guide.md": guide_text()})
    before = set(tmp_path.rglob("*"))
    cli("check", cwd=project)
    after = set(tmp_path.rglob("*"))
    assert {p for p in after - before if project not in p.parents} == set()
