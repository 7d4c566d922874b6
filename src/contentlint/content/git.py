"""Running git: the content at another commit, and what changed since one.

One runner with a timeout, bounded output and a plain error, for the callers
that read git (``--changed-since``, a readability baseline at ``git:REF``);
each turns :class:`GitError` into its own message.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


class GitError(Exception):
    """git is missing, timed out, or exited non-zero (the message says which)."""


def run_git(root: Path, args: list[str], stdin: bytes | None = None, timeout: float = 120) -> bytes:
    """git's standard output for ``git ARGS`` run in ``root``."""
    try:
        done = subprocess.run(
            ["git", *args], cwd=root, input=stdin, capture_output=True, check=False, timeout=timeout
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitError(str(exc)) from None
    if done.returncode != 0:
        error = done.stderr.decode("utf-8", "replace").strip()
        raise GitError(f"git {' '.join(args[:2])} failed: {error}")
    return done.stdout


def git_value(root: Path, args: list[str]) -> str:
    """One line of git's output ("" when git is missing, fails, or prints nothing):
    for the facts a report shows (who marked, which commit), never a decision."""
    try:
        return run_git(root, args, timeout=10).decode("utf-8", "replace").strip().split("\n")[0]
    except GitError:
        return ""


def user_name(root: Path) -> str:
    """``git config user.name`` in ``root`` ("" when unset)."""
    return git_value(root, ["config", "user.name"])


def head_revision(root: Path) -> tuple[str, str]:
    """The checked-out commit (12 hex digits) and branch ("" for each when unknown;
    a detached HEAD has no branch)."""
    try:  # one git process: the full hash, then the branch ("HEAD" when detached)
        lines = run_git(root, ["rev-parse", "HEAD", "--abbrev-ref", "HEAD"], timeout=10).decode(
            "utf-8", "replace").split()
    except GitError:
        return "", ""
    if len(lines) != 2:
        return "", ""
    return lines[0][:12], "" if lines[1] == "HEAD" else lines[1]
