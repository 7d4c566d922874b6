"""The per-target cache: an edit re-checks what it can affect, and the answer never differs.

Every test compares a cached run with a ``--no-cache`` run of the same tree:
the report must be byte-identical, edit after edit, including edits that
change the findings of files that were not touched (a renamed heading breaks
another guide's anchor link, a deleted image, a glossary or timeline change, a
sync mark, the configuration).
"""

from __future__ import annotations

import logging
import random
import re
import shutil
from pathlib import Path

import pytest

from clitools import ROOT

pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")


@pytest.fixture()
def library(tmp_path: Path) -> Path:
    """The bundled library, plus a cross-guide anchor link and an image to break later."""
    tmp_path = tmp_path / "project"
    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "pyproject.toml").write_text('[tool.contentlint]\ncontent = "content"\n')
    (tmp_path / "content/en/images").mkdir()
    (tmp_path / "content/en/images/letter.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    _append(tmp_path, "content/en/dispute-options.md",
            "\nSee [what the notice must include](prior-written-notice.md#what-it-must-include).\n\n"
            "![A sample letter to the school](images/letter.png)\n")
    return tmp_path


def _append(root: Path, name: str, text: str) -> None:
    path = root / name
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _replace(root: Path, name: str, old: str, new: str, count: int = 1) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _reused(caplog: pytest.LogCaptureFixture) -> tuple[int, int]:
    for record in reversed(caplog.records):
        found = re.match(r"target cache: (\d+) of (\d+) targets reused", record.getMessage())
        if found:
            return int(found.group(1)), int(found.group(2))
    raise AssertionError("no target cache line was logged")


def _same_as_uncached(cli, root: Path, caplog: pytest.LogCaptureFixture, *args: str) -> tuple[int, int]:
    """Run cached and uncached; assert identical reports; return (reused, targets)."""
    caplog.clear()
    # The whole-run cache must not answer: each cached run has to go through the target cache.
    shutil.rmtree(root / ".contentlint_cache/results-v2", ignore_errors=True)
    cached = cli("check", "--format", "json", *args, cwd=root)
    reused = _reused(caplog)
    fresh = cli("check", "--format", "json", "--no-cache", *args, cwd=root)
    assert cached.code == fresh.code
    assert cached.out == fresh.out
    return reused


def test_a_prose_edit_rechecks_only_its_pair(cli, library, caplog):
    caplog.set_level(logging.INFO, logger="contentlint.pipeline.schedule")
    first, total = _same_as_uncached(cli, library, caplog)
    assert first == 0 and total > 20
    again, _ = _same_as_uncached(cli, library, caplog)
    assert again == total
    # A number changed in the Spanish text only: its file, its English file
    # (whose counterpart changed) and the pair are checked again; nothing else.
    _replace(library, "content/es/notificacion-previa-por-escrito.md", "estas 7 cosas", "estas 8 cosas")
    reused, total = _same_as_uncached(cli, library, caplog)
    assert reused == total - 3
    result = cli("check", "--format", "json", cwd=library)
    assert "PR030" in result.codes()


def test_edits_that_reach_untouched_files(cli, library, caplog):
    caplog.set_level(logging.INFO, logger="contentlint.pipeline.schedule")
    assert _same_as_uncached(cli, library, caplog)[0] == 0
    pwn, dispute = "content/en/prior-written-notice.md", "content/en/dispute-options.md"
    steps = [
        # the anchor another guide links to disappears
        lambda: _replace(library, pwn, "## What it must include", "## Its seven elements"),
        lambda: _replace(library, pwn, "## Its seven elements", "## What it must include"),
        # the image a guide shows is deleted, then comes back
        lambda: (library / "content/en/images/letter.png").unlink(),
        lambda: (library / "content/en/images/letter.png").write_bytes(b"\x89PNG\r\n\x1a\n"),
        # a data file: a timeline fact and a glossary term change for every guide
        lambda: _replace(library, "content/data/timelines.yaml", "value: 15", "value: 16"),
        lambda: _replace(library, "content/data/glossary.yaml", "term: notificación previa por escrito",
                         "term: aviso previo por escrito"),
        # a sync mark is dropped: the pair's staleness is unknown again
        lambda: (library / "content/sync/prior-written-notice.yaml").unlink(),
        # a guide changes its id: pairing, related ids and links change everywhere
        lambda: _replace(library, pwn, "id: prior-written-notice", "id: written-notice"),
        # a suppression comment in an untouched way: applied afresh every run
        lambda: _append(library, dispute, "\n<!-- contentlint-disable-file LK001 reason: moving soon -->\n"),
        # a setext heading (its text is the line above the underline)
        lambda: _append(library, pwn, "\nAnother part\n------------\n\nText.\n"),
    ]
    for step in steps:
        step()
        _same_as_uncached(cli, library, caplog)


def test_configuration_and_options_change_the_key(cli, library, caplog):
    caplog.set_level(logging.INFO, logger="contentlint.pipeline.schedule")
    _same_as_uncached(cli, library, caplog)
    (library / "pyproject.toml").write_text(
        '[tool.contentlint]\ncontent = "content"\n[tool.contentlint.rules.RD001]\nmax_grade_en = 3\n'
    )
    reused, _ = _same_as_uncached(cli, library, caplog)
    assert reused == 0
    assert _same_as_uncached(cli, library, caplog, "--select", "PR,LK")[0] == 0


def test_random_edits_never_change_the_answer(cli, library, caplog):
    """Seeded random edits of prose, numbers, headings and front matter across the library."""
    caplog.set_level(logging.INFO, logger="contentlint.pipeline.schedule")
    rng = random.Random(8)
    guides = sorted(p.relative_to(library).as_posix() for p in (library / "content").glob("e[ns]/*.md"))
    _same_as_uncached(cli, library, caplog)
    for _ in range(12):
        name = rng.choice(guides)
        path = library / name
        lines = path.read_text(encoding="utf-8").split("\n")
        index = rng.randrange(len(lines))
        edit = rng.choice(["digit", "heading", "drop", "duplicate", "words"])
        if edit == "digit" and re.search(r"\d", lines[index]):
            lines[index] = re.sub(r"\d", lambda m: str((int(m.group(0)) + 1) % 10), lines[index], count=1)
        elif edit == "heading" and lines[index].startswith("#"):
            lines[index] += " now"
        elif edit == "drop":
            del lines[index]
        elif edit == "duplicate":
            lines.insert(index, lines[index])
        else:
            lines[index] += " and more"
        path.write_text("\n".join(lines), encoding="utf-8")
        _same_as_uncached(cli, library, caplog)


def test_the_cache_moves_with_the_project(cli, library, tmp_path, caplog):
    """A cache restored into another checkout (CI's actions/cache) still answers."""
    caplog.set_level(logging.INFO, logger="contentlint.pipeline.schedule")
    _same_as_uncached(cli, library, caplog)
    moved = tmp_path / "elsewhere" / "checkout"
    shutil.copytree(library, moved)
    _replace(moved, "content/en/library.md", "\n\n", "\n\nA new first paragraph for the index.\n\n")
    reused, total = _same_as_uncached(cli, moved, caplog)
    assert reused >= total - 3


def test_a_damaged_or_locked_cache_database_only_turns_caching_off(cli, library, caplog, monkeypatch):
    import sqlite3

    from contentlint.cache import db as cachedb

    caplog.set_level(logging.INFO)
    _same_as_uncached(cli, library, caplog)
    database = library / ".contentlint_cache" / cachedb.DB_FILE
    database.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)  # a header, then garbage
    _replace(library, "content/en/library.md", "\n\n", "\n\nA first paragraph.\n\n")
    shutil.rmtree(library / ".contentlint_cache/results-v2", ignore_errors=True)
    damaged = cli("check", "--format", "json", cwd=library)
    fresh = cli("check", "--format", "json", "--no-cache", cwd=library)
    assert (damaged.code, damaged.out) == (fresh.code, fresh.out)
    assert "cache database not used" in caplog.text and "starting a new one" in caplog.text
    assert _same_as_uncached(cli, library, caplog)[0] > 0  # the new database answers again

    database.unlink()
    _same_as_uncached(cli, library, caplog)  # a new database is made
    monkeypatch.setattr(cachedb, "LOCK_TIMEOUT", 0.2)
    holder = sqlite3.connect(database, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another run in the middle of its write
    try:
        _replace(library, "content/en/library.md", "A first paragraph.", "A changed paragraph.")
        shutil.rmtree(library / ".contentlint_cache/results-v2", ignore_errors=True)
        locked = cli("check", "--format", "json", cwd=library)
        fresh = cli("check", "--format", "json", "--no-cache", cwd=library)
        assert (locked.code, locked.out) == (fresh.code, fresh.out)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_rows_unused_for_some_runs_are_dropped(cli, library, caplog, monkeypatch):
    import sqlite3

    from contentlint.cache import db as cachedb

    caplog.set_level(logging.INFO, logger="contentlint.pipeline.schedule")
    monkeypatch.setattr(cachedb, "KEEP_RUNS", 1)
    database = library / ".contentlint_cache" / cachedb.DB_FILE

    def rows() -> int:
        with sqlite3.connect(database) as connection:
            return connection.execute("SELECT COUNT(*) FROM targets").fetchone()[0]

    _same_as_uncached(cli, library, caplog)
    first = rows()
    _replace(library, "content/es/biblioteca.md", "\n\n", "\n\nUn párrafo nuevo.\n\n")
    _same_as_uncached(cli, library, caplog)
    assert rows() == first + 3  # the file, its English file and the pair under new keys
    shutil.rmtree(library / ".contentlint_cache/results-v2")
    cli("check", "--format", "json", cwd=library)
    assert rows() == first  # the three old rows went unused for a run: gone


@pytest.mark.parametrize("plant", ["cache folder is a file", "database is a folder"])
def test_a_cache_path_taken_by_something_else_is_no_error(cli, library, plant):
    if plant == "cache folder is a file":
        (library / ".contentlint_cache").write_text("not a folder")
    else:
        (library / ".contentlint_cache" / "cache-v1.sqlite").mkdir(parents=True)
    cached = cli("check", "--format", "json", cwd=library)
    fresh = cli("check", "--format", "json", "--no-cache", cwd=library)
    assert (cached.code, cached.out) == (fresh.code, fresh.out)
    assert cached.code in (0, 1) and "Traceback" not in cached.err
