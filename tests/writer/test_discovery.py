"""Project discovery from any folder (issue 17, item 1): a writer in content/es/ of a
content repository without pyproject.toml gets the same result as at the root."""

from __future__ import annotations

import shutil
import subprocess

from clitools import ROOT

BUNDLED = ROOT / "content"


def _content_repo(tmp_path, config_name=None, config_text=""):
    """A copy of the bundled library in a content repository (git, no pyproject.toml)."""
    repo = tmp_path / "repo"
    shutil.copytree(BUNDLED, repo / "content")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    if config_name:
        (repo / config_name).write_text(config_text, encoding="utf-8")
    return repo


def test_check_from_the_spanish_folder_finds_the_library(cli, tmp_path):
    repo = _content_repo(tmp_path)
    at_root = cli("check", "--format", "json", "--no-cache", cwd=repo)
    inside = cli("check", "--format", "json", "--no-cache", cwd=repo / "content" / "es")
    assert at_root.code == 0, at_root.out + at_root.err
    assert inside.code == 0, inside.out + inside.err
    assert inside.findings() == at_root.findings()  # the same library, no orphans
    assert not [f for f in inside.findings() if f["severity"] == "error"]
    checked = inside.json()["summary"]["files_checked"]
    assert checked == at_root.json()["summary"]["files_checked"] > 10


def test_a_guide_named_from_its_folder_is_checked_with_its_translation(cli, tmp_path):
    repo = _content_repo(tmp_path)
    result = cli("check", "--format", "json", "--no-cache", "biblioteca.md", cwd=repo / "content" / "es")
    assert result.code == 0, result.out + result.err
    assert result.json()["summary"]["files_checked"] >= 2  # with its English
    assert not [f for f in result.findings() if f["severity"] == "error"]  # no orphans


def test_a_guide_named_from_outside_the_project_is_checked_in_its_project(cli, tmp_path):
    repo = _content_repo(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = cli("check", "--format", "json", "--no-cache", str(repo / "content/es/biblioteca.md"), cwd=elsewhere)
    assert result.code == 0, result.out + result.err
    assert result.json()["summary"]["files_checked"] >= 2
    assert not [f for f in result.findings() if f["severity"] == "error"]  # no orphans


def test_dot_contentlint_toml_is_discovered_from_a_subfolder(cli, tmp_path):
    repo = _content_repo(tmp_path, ".contentlint.toml", 'select = ["SC"]\nfail-on = "warning"\n')
    (repo / "content" / "en" / "library.md").write_text(
        (repo / "content" / "en" / "library.md").read_text(encoding="utf-8").replace("type: index", "type: recipe"),
        encoding="utf-8",
    )
    result = cli("check", "--format", "json", "--no-cache", cwd=repo / "content" / "es")
    assert result.code == 1
    assert {f["code"] for f in result.findings()} == {"SC008"}  # only the selected family ran


def test_dot_contentlint_toml_wins_over_pyproject_in_the_same_folder(cli, tmp_path):
    repo = _content_repo(tmp_path, ".contentlint.toml", 'content = "content"\n')
    (repo / "pyproject.toml").write_text('[tool.contentlint]\ncontent = "nowhere"\n', encoding="utf-8")
    result = cli("check", "--no-cache", cwd=repo / "content")
    assert result.code == 0, result.out + result.err


def test_a_broken_configuration_on_the_way_up_is_an_error(cli, tmp_path):
    repo = _content_repo(tmp_path, ".contentlint.toml", "select = [\n")
    result = cli("check", "--no-cache", cwd=repo / "content" / "es")
    assert result.code == 2
    assert ".contentlint.toml: invalid TOML" in result.err


def test_the_caches_go_under_the_project(cli, tmp_path):
    repo = _content_repo(tmp_path)
    result = cli("check", cwd=repo / "content" / "es")
    assert result.code == 0, result.out + result.err
    assert (repo / ".contentlint_cache").is_dir()
    assert not (repo / "content" / "es" / ".contentlint_cache").exists()


def test_a_library_that_cannot_be_found_is_said_once_without_findings(cli, tmp_path):
    # The guides live in guides/en and guides/es, and nothing says so: checking one
    # Spanish guide alone would call it an orphan and hint to delete it.
    project = tmp_path / "site"
    shutil.copytree(BUNDLED / "en", project / "guides" / "en")
    shutil.copytree(BUNDLED / "es", project / "guides" / "es")
    result = cli("check", "--no-cache", "guides/es/biblioteca.md", cwd=project)
    assert result.code == 2
    assert result.out == ""
    assert result.err.count("\n") == 1
    assert "is part of the library in" in result.err and "nothing was checked" in result.err
    for deleting in ("remove", "delete"):
        assert deleting not in result.err.lower()


def test_the_same_guides_with_their_library_configured_pass(cli, tmp_path):
    project = tmp_path / "site"
    shutil.copytree(BUNDLED, project / "guides")
    (project / ".contentlint.toml").write_text('content = "guides"\n', encoding="utf-8")
    result = cli("check", "--no-cache", "biblioteca.md", cwd=project / "guides" / "es")
    assert result.code == 0, result.out + result.err


def test_an_unreadable_language_folder_stops_the_run(cli, tmp_path):
    import os

    if os.geteuid() == 0:
        import pytest

        pytest.skip("root reads every folder")
    repo = _content_repo(tmp_path)
    english = repo / "content" / "en"
    english.chmod(0)
    try:
        result = cli("check", "--no-cache", cwd=repo)
    finally:
        english.chmod(0o755)
    assert result.code == 2
    assert "the library cannot be loaded" in result.err
    assert "orphan" not in result.out
