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
