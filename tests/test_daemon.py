"""``contentlint check --daemon`` and ``contentlint daemon``: real processes, real sockets.

Every test gets its own runtime folder (XDG_RUNTIME_DIR), so its daemon is its
own, and stops it at the end. What a user must see: the same output and exit
code as a run without the daemon, on content edited between runs, and a run in
the process itself wherever the daemon cannot or must not serve.
"""

from __future__ import annotations

import functools
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from clitools import ROOT, Result, run_process

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the daemon needs fork and Unix sockets")

EN = "content/en/what-to-do-if-the-school-denies-an-iep.md"
ES = "content/es/que-hacer-si-la-escuela-niega-un-iep.md"


@pytest.fixture
def runtime() -> Iterator[Path]:
    """A short private runtime folder (socket paths are limited to about 100 bytes)."""
    folder = Path(tempfile.mkdtemp(prefix="cld"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the bundled library."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "pyproject.toml").write_text('[tool.contentlint]\ncontent = "content"\n', encoding="utf-8")
    return tmp_path


def _env(runtime: Path, **more: str) -> dict[str, str]:
    return {"XDG_RUNTIME_DIR": str(runtime), "CI": "", **more}


def _run(args: list[str], cwd: Path, runtime: Path, **more: str) -> Result:
    return run_process(args, cwd, **_env(runtime, **more))


def _status(cwd: Path, runtime: Path, **more: str) -> Result:
    return _run(["daemon", "status"], cwd, runtime, **more)


def _wait_for_daemon(cwd: Path, runtime: Path, **more: str) -> str:
    """The status line once a daemon answers (bounded: 60 s)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status = _status(cwd, runtime, **more)
        if status.code == 0:
            return status.out
        time.sleep(0.2)
    raise AssertionError("no daemon answered within 60 s")


@pytest.fixture
def stop(project: Path, runtime: Path) -> Iterator[list[dict[str, str]]]:
    """Stops the daemons the test started (one per environment it lists)."""
    environments: list[dict[str, str]] = [{}]
    yield environments
    for more in environments:
        _run(["daemon", "stop"], project, runtime, **more)


def _edit(project: Path, english: str, spanish: str) -> None:
    with (project / EN).open("a", encoding="utf-8") as handle:
        handle.write(f"\n{english}\n")
    with (project / ES).open("a", encoding="utf-8") as handle:
        handle.write(f"\n{spanish}\n")


def test_served_runs_print_what_a_run_in_the_process_prints(project: Path, runtime: Path, stop: object) -> None:
    started = _run(["daemon", "start", "--idle", "120"], project, runtime)
    assert started.code == 0, started.err
    assert "serving" in _wait_for_daemon(project, runtime)
    again = _run(["daemon", "start"], project, runtime)
    assert again.code == 0 and "is already running" in again.out
    # A planted mistake: the Spanish deadline differs from the English one.
    _edit(project, "Ask again within 10 school days.", "Vuelva a pedirlo dentro de 15 días escolares.")
    for form in (["--format", "text"], ["--format", "json"], ["--format", "concise", "--statistics"]):
        served = _run(["check", "--daemon", *form, EN, ES], project, runtime)
        alone = _run(["check", "--no-cache", *form, EN, ES], project, runtime)
        assert (served.code, served.out, served.err) == (alone.code, alone.out, alone.err)
    assert served.code == 1 and "15" in _run(["check", "--daemon", EN, ES], project, runtime).out
    assert "(4 runs;" in _status(project, runtime).out  # the daemon ran them, not the client
    # The next edit is seen at once: each run reads the files again.
    text = (project / ES).read_text(encoding="utf-8").replace("dentro de 15 días", "dentro de 10 días")
    (project / ES).write_text(text, encoding="utf-8")
    served = _run(["check", "--daemon", "--format", "json", EN, ES], project, runtime)
    alone = _run(["check", "--no-cache", "--format", "json", EN, ES], project, runtime)
    assert served.out == alone.out
    assert not any("15" in f["message"] for f in served.findings() if f["path"] == ES)


def test_the_first_run_starts_a_daemon_and_is_not_kept_waiting(project: Path, runtime: Path, stop: object) -> None:
    assert _status(project, runtime).code == 1
    first = _run(["check", "--daemon", EN, ES], project, runtime)
    alone = _run(["check", "--no-cache", EN, ES], project, runtime)
    assert (first.code, first.out) == (alone.code, alone.out)
    assert "(0 runs;" in _wait_for_daemon(project, runtime)  # started in the background
    second = _run(["check", "--daemon", EN, ES], project, runtime)
    assert (second.code, second.out) == (alone.code, alone.out)
    assert "(1 runs;" in _status(project, runtime).out


def test_never_in_ci(project: Path, runtime: Path) -> None:
    result = _run(["check", "--daemon", EN, ES], project, runtime, CI="true")
    assert result.code == 0, result.err
    time.sleep(1)
    assert _status(project, runtime).code == 1
    assert not list(runtime.rglob("*.sock"))


def test_a_runtime_folder_others_can_enter_is_never_used(project: Path, runtime: Path) -> None:
    folder = runtime / "contentlint"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    result = _run(["check", "--daemon", EN, ES], project, runtime)
    assert result.code == 0, result.err
    served = _run(["daemon", "serve", "--idle", "5"], project, runtime)
    assert served.code == 2 and "not a private folder" in served.err
    started = _run(["daemon", "start"], project, runtime)
    assert started.code == 2 and "others cannot enter" in started.err
    assert not list(folder.iterdir())


def test_a_daemon_stops_serving_when_contentlint_changes_on_disk(
    project: Path, runtime: Path, tmp_path: Path, stop: list[dict[str, str]]
) -> None:
    # A copy of the package stands for an editable install that a `git pull` updates.
    source = tmp_path / "src"
    shutil.copytree(ROOT / "src" / "contentlint", source / "contentlint",
                    ignore=shutil.ignore_patterns("__pycache__"))
    env = {"PYTHONPATH": str(source)}
    stop.append(env)
    assert _run(["daemon", "start", "--idle", "120"], project, runtime, **env).code == 0
    _wait_for_daemon(project, runtime, **env)
    assert _run(["check", "--daemon", EN, ES], project, runtime, **env).code == 0
    assert "(1 runs;" in _status(project, runtime, **env).out
    module = source / "contentlint" / "rules" / "pairs" / "__init__.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    after = _run(["check", "--daemon", EN, ES], project, runtime, **env)
    alone = _run(["check", "--no-cache", EN, ES], project, runtime, **env)
    assert (after.code, after.out) == (alone.code, alone.out)
    deadline = time.monotonic() + 10
    while _status(project, runtime, **env).code == 0 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _status(project, runtime, **env).code == 1  # it stopped rather than answer for old code


def test_another_interpreter_is_not_served(project: Path, runtime: Path, stop: object) -> None:
    assert _run(["daemon", "start", "--idle", "120"], project, runtime).code == 0
    _wait_for_daemon(project, runtime)
    # -X utf8 changes how Python reads and writes text: a daemon without it must not answer.
    done = __import__("subprocess").run(
        [sys.executable, "-X", "utf8", "-m", "contentlint", "check", "--daemon", EN, ES], cwd=project,
        env={**os.environ, **_env(runtime), "NO_COLOR": "1"}, capture_output=True, text=True, timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "(0 runs;" in _status(project, runtime).out


def test_daemon_usage_errors(project: Path, runtime: Path) -> None:
    result = _run(["daemon", "serve", "--idle", "0"], project, runtime)
    assert result.code == 2 and "--idle" in result.err
    assert _run(["daemon", "stop"], project, runtime).out.startswith("contentlint: no daemon is running")


def _on_a_terminal(args: list[str], cwd: Path, runtime: Path) -> tuple[int, bytes]:
    """Exit code and bytes written when standard output is a terminal (a pseudo-terminal)."""
    import pty
    import subprocess

    leader, follower = pty.openpty()
    env = {**os.environ, **_env(runtime)}
    env.pop("NO_COLOR", None)
    with subprocess.Popen([sys.executable, "-m", "contentlint", *args], cwd=cwd, env=env, stdout=follower,
                          stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL) as process:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed with the last writer
                break
            if not chunk:
                break
            chunks.append(chunk)
        code = process.wait(timeout=120)
    os.close(leader)
    return code, b"".join(chunks)


def test_a_served_run_colours_the_writers_terminal_as_a_run_in_the_process(
    project: Path, runtime: Path, stop: object
) -> None:
    assert _run(["daemon", "start", "--idle", "120"], project, runtime).code == 0
    _wait_for_daemon(project, runtime)
    _edit(project, "Ask again within 10 school days.", "Vuelva a pedirlo dentro de 15 días escolares.")
    served = _on_a_terminal(["check", "--daemon", EN, ES], project, runtime)
    alone = _on_a_terminal(["check", "--no-cache", EN, ES], project, runtime)
    assert served == alone
    assert served[0] == 1 and b"\x1b[" in served[1]  # coloured: the worker wrote to the terminal itself
    assert "(1 runs;" in _status(project, runtime).out


def test_a_served_run_runs_git_and_writes_reports_with_the_callers_umask(
    project: Path, runtime: Path, stop: object
) -> None:
    import subprocess

    git = ["git", "-c", "user.email=w@example.org", "-c", "user.name=Writer"]
    subprocess.run([*git, "init", "-q"], cwd=project, check=True)
    subprocess.run([*git, "add", "-A"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-qm", "library"], cwd=project, check=True)
    _edit(project, "Ask again within 10 school days.", "Vuelva a pedirlo dentro de 15 días escolares.")
    assert _run(["daemon", "start", "--idle", "120"], project, runtime).code == 0
    _wait_for_daemon(project, runtime)
    old = os.umask(0o077)  # the caller's umask decides a report's mode, not the daemon's
    try:
        served = _run(["check", "--daemon", "--changed-since", "HEAD", "-o", "served.txt"], project, runtime)
        alone = _run(["check", "--no-cache", "--changed-since", "HEAD", "-o", "alone.txt"], project, runtime)
    finally:
        os.umask(old)
    assert (served.code, served.out, served.err) == (alone.code, alone.out, alone.err) and served.code == 1
    assert (project / "served.txt").read_bytes() == (project / "alone.txt").read_bytes()
    assert (project / "served.txt").stat().st_mode & 0o777 == 0o600
    assert "(1 runs;" in _status(project, runtime).out


def _workers(pid: int) -> list[str]:
    """The daemon's running workers (its child processes), from /proc."""
    return [child for task in Path(f"/proc/{pid}/task").iterdir() for child in (task / "children").read_text().split()]


def _full_check_with_a_worker(project: Path, runtime: Path) -> tuple[int, object]:
    """The daemon's pid, and a caller whose full check a worker is running."""
    import re
    import subprocess

    assert _run(["daemon", "start", "--idle", "120"], project, runtime).code == 0
    pid = int(re.search(r"daemon (\d+) serving", _wait_for_daemon(project, runtime)).group(1))
    env = {**os.environ, **_env(runtime), "NO_COLOR": "1"}
    caller = subprocess.Popen([sys.executable, "-m", "contentlint", "check", "--daemon", "--no-cache"],
                              cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while not _in_project(_workers(pid), project) and caller.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert _in_project(_workers(pid), project), "the full check ended before a worker was seen"
    # The worker has taken the caller's folder: it accepts the run a moment later, and
    # the full check then takes a second or more. Until it has accepted, the caller
    # would rightly run the check itself.
    time.sleep(0.3)
    assert caller.poll() is None, "the full check ended too soon"
    return pid, caller


def _in_project(workers: list[str], project: Path) -> bool:
    """A worker that has moved into the caller's folder (it is taking the run over)."""
    for worker in workers:
        try:
            if Path(f"/proc/{worker}/cwd").resolve() == project.resolve():
                return True
        except OSError:
            continue
    return False


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds the daemon's workers in /proc")
def test_a_caller_whose_worker_dies_says_so_and_exits_2(project: Path, runtime: Path, stop: object) -> None:
    import signal
    import subprocess

    pid, caller = _full_check_with_a_worker(project, runtime)
    assert isinstance(caller, subprocess.Popen)
    for worker in _workers(pid):
        os.kill(int(worker), signal.SIGKILL)  # out of memory, say
    _out, err = caller.communicate(timeout=60)
    assert caller.returncode == 2  # never 0: the check did not finish
    assert "the daemon's worker ended without an exit code" in err


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="counts the daemon's workers in /proc")
def test_a_worker_ends_when_its_caller_is_killed(project: Path, runtime: Path, stop: object) -> None:
    import signal
    import subprocess

    pid, caller = _full_check_with_a_worker(project, runtime)
    assert isinstance(caller, subprocess.Popen)
    workers = functools.partial(_workers, pid)
    caller.send_signal(signal.SIGTERM)
    caller.wait(timeout=30)
    deadline = time.monotonic() + 10
    while workers() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not workers()


def test_a_runtime_folder_too_deep_for_a_socket_starts_no_daemon(project: Path, tmp_path: Path) -> None:
    deep = tmp_path / ("d" * 60) / ("e" * 60)
    deep.mkdir(parents=True)
    result = run_process(["check", "--daemon", EN, ES], project, XDG_RUNTIME_DIR=str(deep), CI="")
    assert result.code == 0, result.err
    served = run_process(["daemon", "serve", "--idle", "5"], project, XDG_RUNTIME_DIR=str(deep), CI="")
    assert served.code == 2 and "too long for a socket" in served.err
    time.sleep(0.5)
    assert not list(deep.rglob("*.sock")) and not list(deep.rglob("*.lock"))


def test_runs_at_once_from_two_projects_each_get_their_own_answer(
    project: Path, runtime: Path, tmp_path: Path, stop: object
) -> None:
    import subprocess

    other = tmp_path / "other"
    shutil.copytree(project, other, ignore=shutil.ignore_patterns(".contentlint_cache"))
    guide = other / ES
    guide.write_text(guide.read_text(encoding="utf-8").replace("updated: 2026-11-20", "updated: 2026-02-30"),
                     encoding="utf-8")
    expected = {root: _run(["check", "--no-cache", "--format", "json"], root, runtime) for root in (project, other)}
    assert expected[project].code == 0 and expected[other].code == 1  # the impossible date
    assert _run(["daemon", "start", "--idle", "120"], project, runtime).code == 0
    _wait_for_daemon(project, runtime)
    env = {**os.environ, **_env(runtime), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "contentlint", "check", "--daemon", "--no-cache", "--format", "json"]
    runs = [(root, subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    text=True)) for root in (project, other, project, other)]
    for root, run in runs:
        out, err = run.communicate(timeout=120)
        assert (run.returncode, out, err) == (expected[root].code, expected[root].out, expected[root].err)
    assert "(4 runs;" in _status(project, runtime).out
