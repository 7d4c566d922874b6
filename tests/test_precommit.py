"""The pre-commit hook, for real: `pre-commit try-repo` on a temporary git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from clitools import ROOT, guide_text

PRE_COMMIT = Path(sys.executable).with_name("pre-commit")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture(scope="module")
def hook_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit cache for the module: the hook's virtualenv is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def _try_repo(repo: Path, home: Path, *files: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1", "SKIP": ""}
    return subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(ROOT), "contentlint", "--files", *files, "--verbose"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
        check=False,
    )


@pytest.mark.skipif(not PRE_COMMIT.exists() or not shutil.which("git"), reason="pre-commit and git are needed")
def test_pre_commit_hook_passes_a_good_pair_and_fails_a_bad_one(tmp_path, hook_home):
    repo = tmp_path / "repo"
    (repo / "content/en").mkdir(parents=True)
    (repo / "content/es").mkdir(parents=True)
    (repo / "pyproject.toml").write_text('[tool.contentlint]\ncontent = "content"\nselect = ["SC", "CL", "ST"]\n')
    (repo / "content/en/good.md").write_text(guide_text(doc_id="good", slug="good"))
    (repo / "content/es/bueno.md").write_text(guide_text(doc_id="good", lang="es", slug="bueno"))
    (repo / "content/en/bad.md").write_text(guide_text(doc_id="bad", slug="bad", updated="2026-02-30"))
    (repo / "content/es/malo.md").write_text(guide_text(doc_id="bad", lang="es", slug="malo"))
    _git(repo, "init", "-q")
    _git(repo, "add", ".")

    good = _try_repo(repo, hook_home, "content/en/good.md", "content/es/bueno.md")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout

    # Only the Spanish file is staged; its English counterpart comes into the check.
    bad = _try_repo(repo, hook_home, "content/es/malo.md")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "content/en/bad.md:8:10: SC008" in bad.stdout
