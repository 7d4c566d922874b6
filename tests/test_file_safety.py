"""Issue 12, files: nothing a pull request puts in the repository (a guide id, a
symbolic link, a FIFO, a device) makes contentlint read or write outside the
project, hang, or exhaust the runner; every write is atomic, respects the umask
and leaves no temporary file in a content folder.

Every reproduction runs through the real CLI, with and without the result cache.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest

from clitools import run_process, write_project

CACHE = [pytest.param([], id="cached"), pytest.param(["--no-cache"], id="no-cache")]

FRONT = (
    "---\nid: {id}\nlang: {lang}\ntype: how-to\ntitle: {title}\ndescription: {description}\n"
    "slug: a\nupdated: 2026-11-20\nlast_reviewed: 2026-11-20\n---\n\n{body}\n"
)
VICTIM_MARK = "version: 1\nid: a\nsecret: topsecret-value\ndigest: deadbeefdeadbeef\nblocks: []\n"


def _guide(doc_id: str, lang: str) -> str:
    if lang == "en":
        return FRONT.format(id=doc_id, lang="en", title="A guide", description="A short description of the guide.",
                            body="An intro paragraph about the school meeting.")
    return FRONT.format(id=doc_id, lang="es", title="Una guía", description="Una descripción corta de la guía.",
                        body="Un párrafo de introducción sobre la reunión escolar.")


def _project(tmp_path: Path, doc_id: str = "a", name: str = "proj") -> Path:
    """``tmp_path/<name>``: one English/Spanish pair with id ``doc_id``."""
    root = tmp_path / name
    root.mkdir(parents=True)
    return write_project(root, {"content/en/a.md": _guide(doc_id, "en"), "content/es/a.md": _guide(doc_id, "es")})


def _snapshot(top: Path, skip: Path | None = None) -> dict[str, tuple[object, ...]]:
    """(type, size, mtime_ns, content hash or link target) of everything under ``top``
    (symbolic links not followed), leaving out ``skip``."""
    out: dict[str, tuple[object, ...]] = {}
    for folder, dirs, files in os.walk(top):
        if skip is not None and Path(folder) == skip.parent:
            dirs[:] = [d for d in dirs if Path(folder, d) != skip]
            files = [f for f in files if Path(folder, f) != skip]
        for name in [*dirs, *files]:
            path = os.path.join(folder, name)
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                extra: object = "->" + os.readlink(path)
            elif stat.S_ISREG(info.st_mode):
                with open(path, "rb") as handle:
                    extra = hashlib.sha256(handle.read()).hexdigest()
            else:
                extra = stat.S_IFMT(info.st_mode)
            size = info.st_size if not stat.S_ISDIR(info.st_mode) else 0
            out[os.path.relpath(path, top)] = (stat.S_IFMT(info.st_mode), size, info.st_mtime_ns, extra)
    return out


# -- 1. the guide id never builds a path --------------------------------------------------


@pytest.mark.parametrize("cache", CACHE)
@pytest.mark.parametrize("kind", ["relative", "absolute"])
def test_traversal_id_never_reads_writes_or_suggests(cli, tmp_path, cache, kind):
    victim = tmp_path / "victim.yaml"
    victim.write_text(VICTIM_MARK, encoding="utf-8")
    doc_id = "../../../victim" if kind == "relative" else str(tmp_path / "victim")
    root = _project(tmp_path, doc_id)
    before = victim.read_bytes(), victim.stat().st_mtime_ns

    result = cli("check", *cache, "--format", "json", cwd=root)
    assert result.code == 1, result.err
    codes = result.codes()
    assert "SC008" in codes  # the invalid id is reported ...
    assert not codes & {"PR020", "PR021", "PR022", "PR023"}  # ... and never paired for marks
    assert "topsecret" not in result.out and "sync mark" not in result.out
    assert all("sync mark" not in (f.get("hint") or "") for f in result.findings())
    text = cli("check", *cache, "--format", "text", cwd=root)
    assert "topsecret" not in text.out and f"sync mark {doc_id}" not in text.out

    marked = cli("sync", "mark", "--all", cwd=root)
    assert marked.code == 0 and "wrote" not in marked.out
    named = cli("sync", "mark", doc_id, cwd=root)
    assert named.code == 2 and ("not a valid guide id" in named.err or "not a guide of the content" in named.err)
    status = cli("sync", "status", cwd=root)
    assert "topsecret" not in status.out
    assert (victim.read_bytes(), victim.stat().st_mtime_ns) == before
    assert not (root / "content" / "sync").exists()


# -- 2. symbolic links: never followed out of the project to read, never followed to write ---


@pytest.mark.parametrize("cache", CACHE)
def test_symlinked_sync_mark_is_neither_read_nor_written(cli, tmp_path, cache):
    victim = tmp_path / "victim.yaml"
    victim.write_text(VICTIM_MARK, encoding="utf-8")
    root = _project(tmp_path)
    (root / "content/sync").mkdir()
    (root / "content/sync/a.yaml").symlink_to(victim)
    before = _snapshot(tmp_path, skip=root)

    result = cli("check", *cache, "--format", "json", "--select", "PR02", cwd=root)
    assert result.code == 1, result.err
    [finding] = result.findings()
    assert finding["code"] == "PR023" and "symbolic link points outside the project" in finding["message"]
    assert "topsecret" not in result.out

    marked = cli("sync", "mark", "a", cwd=root)
    assert marked.code == 2 and "cannot write content/sync/a.yaml" in marked.err
    assert (root / "content/sync/a.yaml").is_symlink()
    assert _snapshot(tmp_path, skip=root) == before  # the victim is untouched


@pytest.mark.parametrize("cache", CACHE)
def test_symlinked_sync_folder_is_not_written_through(cli, tmp_path, cache):
    outside = tmp_path / "outside"
    outside.mkdir()
    root = _project(tmp_path)
    (root / "content/sync").symlink_to(outside)
    before = _snapshot(tmp_path, skip=root)
    marked = cli("sync", "mark", "--all", cwd=root)
    assert marked.code == 2 and "cannot write content/sync/a.yaml" in marked.err
    result = cli("check", *cache, "--format", "json", "--select", "PR02", cwd=root)
    assert result.code in (0, 1), result.err
    assert _snapshot(tmp_path, skip=root) == before


@pytest.mark.parametrize("cache", CACHE)
def test_symlinked_cache_and_reports_folders_are_not_written_through(cli, tmp_path, cache):
    cache_out, reports_out = tmp_path / "cache-out", tmp_path / "reports-out"
    cache_out.mkdir()
    reports_out.mkdir()
    root = _project(tmp_path)
    (root / ".contentlint_cache").symlink_to(cache_out)
    (root / "reports").symlink_to(reports_out)
    before = _snapshot(tmp_path, skip=root)
    assert cli("check", *cache, "--select", "SC", cwd=root).code == 0
    assert cli("check", *cache, "--select", "SC", cwd=root).code == 0
    assert cli("sync", "mark", "--all", cwd=root).code == 0  # the temporary file goes beside the mark instead
    report = cli("report", *cache, "--select", "SC", cwd=root)
    assert report.code == 2 and "reports: a symbolic link; not written through" in report.err
    output = cli("check", *cache, "--select", "SC", "-o", "reports/out.json", "--format", "json", cwd=root)
    assert output.code == 2 and "not written" in output.err
    assert _snapshot(tmp_path, skip=root) == before
    assert sorted(p.name for p in (root / "content/sync").iterdir()) == ["a.yaml"]


def test_refused_writes_are_explained_in_the_ui_language(cli, tmp_path, monkeypatch):
    outside = tmp_path / "outside"
    outside.mkdir()
    root = _project(tmp_path)
    (root / "reports").symlink_to(outside)
    (root / "content/sync").mkdir()
    (root / "content/sync/a.yaml").symlink_to(outside / "a.yaml")
    report = cli("report", "--ui-lang", "es", "--select", "SC", cwd=root)
    assert report.code == 2
    assert "no se puede escribir" in report.err and "reports: es un enlace simbólico" in report.err
    english = cli("report", "--select", "SC", cwd=root)
    assert "cannot write" in english.err and "reports: a symbolic link; not written through" in english.err
    monkeypatch.setenv("CONTENTLINT_UI_LANG", "es")
    marked = cli("sync", "mark", "a", cwd=root)
    assert marked.code == 2 and "a.yaml: es un enlace simbólico; no se escribe a través de él" in marked.err
    assert not any(outside.iterdir())


@pytest.mark.parametrize("cache", CACHE)
@pytest.mark.parametrize("where", ["content/en/zero.md", "content/data/zero.yaml", "content/sync/a.yaml"])
def test_symlink_to_dev_zero_is_bounded(tmp_path, cache, where):
    root = _project(tmp_path)
    (root / where).parent.mkdir(parents=True, exist_ok=True)
    (root / where).symlink_to("/dev/zero")
    result = run_process(["check", *cache, "--format", "json"], cwd=root, timeout=60)
    assert result.code == 1, result.err
    codes = result.codes()
    assert ("PR023" if "sync" in where else "CL001") in codes


@pytest.mark.parametrize("cache", CACHE)
@pytest.mark.parametrize("where", ["content/en/pipe.md", "content/sync/a.yaml"])
def test_fifo_never_hangs(tmp_path, cache, where):
    root = _project(tmp_path)
    (root / where).parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(root / where)
    result = run_process(["check", *cache, "--format", "json"], cwd=root, timeout=60)
    assert result.code == 1, result.err
    finding = next(f for f in result.findings() if f["code"] in ("CL001", "PR023"))
    assert "not a regular file" in finding["message"]
    marked = run_process(["sync", "mark", "--all"], cwd=root, timeout=60)
    assert marked.code == (2 if "sync" in where else 0), marked.err
    assert stat.S_ISFIFO(os.lstat(root / where).st_mode)


@pytest.mark.parametrize("cache", CACHE)
def test_symlink_to_an_outside_file_is_not_read(cli, tmp_path, cache):
    secret = tmp_path / "secret.md"
    secret.write_text("---\nid: secret\nlang: en\n---\n\ntopsecret-value\n", encoding="utf-8")
    root = _project(tmp_path)
    (root / "content/en/linked.md").symlink_to(secret)
    result = cli("check", *cache, "--format", "json", cwd=root)
    assert result.code == 1
    [finding] = [f for f in result.findings() if f["path"].endswith("linked.md")]
    assert finding["code"] == "CL001" and "topsecret" not in result.out


# -- 3. atomic writes: no stray temporary file, the umask respected, the sync folder fixed ------


def test_interrupted_mark_leaves_no_temporary_file_in_content(cli, tmp_path, monkeypatch):
    root = _project(tmp_path)
    temps: list[str] = []
    real_replace = os.replace

    def killed(src, dst):
        temps.append(str(src))
        raise KeyboardInterrupt  # as a kill between the write and the rename

    monkeypatch.setattr(os, "replace", killed)
    assert cli("sync", "mark", "a", cwd=root).code == 130
    monkeypatch.setattr(os, "replace", real_replace)
    [temp] = temps
    assert Path(temp).parent == root / ".contentlint_cache"  # never made in the tracked content folder
    assert not Path(temp).exists()
    assert not (root / "content/sync").exists() or not list((root / "content/sync").iterdir())


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_new_files_respect_the_umask_and_existing_keep_their_mode(cli, tmp_path, umask):
    root = _project(tmp_path)
    old = os.umask(umask)
    try:
        assert cli("sync", "mark", "a", cwd=root).code == 0
        assert cli("report", "--select", "SC", cwd=root).code == 0
        assert cli("check", "--select", "SC", "-o", "out.json", "--format", "json", cwd=root).code == 0
    finally:
        os.umask(old)
    expected = 0o666 & ~umask
    for path in [root / "content/sync/a.yaml", root / "reports/contentlint.json", root / "out.json",
                 *(root / ".contentlint_cache/results-v2").glob("*.json")]:
        assert stat.S_IMODE(path.stat().st_mode) == expected, path
    os.chmod(root / "content/sync/a.yaml", 0o640)
    (root / "content/en/a.md").write_text(_guide("a", "en") + "\nA new paragraph.\n", encoding="utf-8")
    assert cli("sync", "mark", "a", "--force", cwd=root).code == 0  # the new paragraph is untranslated (PR010)
    assert stat.S_IMODE((root / "content/sync/a.yaml").stat().st_mode) == 0o640


@pytest.mark.parametrize("cache", CACHE)
def test_sync_folder_is_always_under_the_content_root(cli, tmp_path, cache):
    # The project sits below a folder named "en", and its guides are not in en/ or es/:
    # walking up to the first "en" used to put the marks in tmp/en/sync, outside the project.
    base = tmp_path / "en"
    root = base / "proj"
    root.mkdir(parents=True)
    write_project(root, {"content/english/a.md": _guide("a", "en"), "content/spanish/a.md": _guide("a", "es")})
    assert cli("sync", "mark", "--all", cwd=root).code == 0
    assert (root / "content/sync/a.yaml").is_file()
    assert not (base / "sync").exists() and not (root / "content/english/sync").exists()
    result = cli("check", *cache, "--format", "json", "--select", "PR02", cwd=root)
    assert result.code == 0 and result.findings() == []


# -- the write audit -------------------------------------------------------------------------


def test_write_audit_nothing_outside_the_project_changes(tmp_path):
    """A hostile project beside a victim file and folder: every command, and nothing
    outside the project changes (size, mtime, content of every entry of the tree)."""
    top = tmp_path
    (top / "victim.yaml").write_text(VICTIM_MARK, encoding="utf-8")
    victim_dir = top / "victim-dir"
    victim_dir.mkdir()
    (victim_dir / "a.yaml").write_text(VICTIM_MARK, encoding="utf-8")
    for name in ("sync-out", "cache-out", "reports-out", "schema-out"):
        (top / name).mkdir()
        (top / name / "keep.txt").write_text("keep\n", encoding="utf-8")
    root = _project(top)
    files = {
        # traversal ids, relative and absolute
        "content/en/t1.md": _guide("../../../victim", "en"),
        "content/es/t1.md": _guide("../../../victim", "es"),
        "content/en/t2.md": _guide(str(victim_dir / "a"), "en"),
        "content/es/t2.md": _guide(str(victim_dir / "a"), "es"),
        "content/en/t3.md": _guide("../../victim-dir/a", "en"),
        "content/es/t3.md": _guide("../../victim-dir/a", "es"),
    }
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    (root / "content/sync").symlink_to(top / "sync-out")
    (root / ".contentlint_cache").symlink_to(top / "cache-out")
    (root / "reports").symlink_to(top / "reports-out")
    (root / "schema").symlink_to(top / "schema-out")
    (root / "content/en/zero.md").symlink_to("/dev/zero")
    (root / "content/en/outside.md").symlink_to(top / "victim.yaml")
    before = _snapshot(top, skip=root)

    commands = [
        ["check"], ["check", "--no-cache"], ["check", "--format", "json", "-o", "out.json"],
        ["check", "--format", "json", "-o", "reports/out.json"], ["report"], ["report", "--no-cache"],
        ["sync", "mark", "--all"], ["sync", "mark", "../../../victim"], ["sync", "status"],
        ["schema", "--write", "--dir", "schema"], ["schema", "--write"], ["schema", "--check"],
        ["rules"], ["explain", "PR022"],
    ]
    for command in commands:
        result = run_process(command, cwd=root, timeout=120)
        assert result.code in (0, 1, 2), (command, result.err)
        assert "Traceback" not in result.err, (command, result.err)
        assert "topsecret" not in result.out + result.err, command
        assert _snapshot(top, skip=root) == before, command
