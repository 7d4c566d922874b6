"""``contentlint daemon``: the warm process behind ``check --daemon``.

``contentlint daemon serve`` imports contentlint, runs one check on a small
throwaway pair (so its patterns are compiled and its word lists loaded), then
waits on a Unix socket in a folder only its user can enter. For each run a
client sends (:mod:`contentlint.cli.daemon_client`), it forks a worker; the
worker takes the client's standard streams, working folder, environment and
umask, runs ``main`` with the client's arguments and sends the exit code back.
The daemon itself never reads content, so nothing one run leaves behind reaches
another: every worker starts from the same warmed state.

It serves only its own user (the folder's mode, and the peer's user id where
the system tells it), only clients with the same interpreter, flags, environment
and contentlint files (:func:`contentlint.cli.daemon_client.identity`), and it
stops when contentlint's files or its libraries' folders change on disk (an
upgrade, a ``git pull`` of an editable install), after ``--idle`` seconds
without a run, on ``contentlint daemon stop`` or on SIGTERM.

``start`` starts one in the background (``check --daemon`` does too, when none
answers); ``status`` says whether one runs; ``stop`` ends it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from contentlint.cli import daemon_client as client

EXIT_CLEAN, EXIT_ERROR = 0, 2
IDLE_SECONDS = 1800
# The packages whose upgrade changes results: their installed files are stamped too.
_STAMPED_PACKAGES = ("pydantic", "pydantic_core", "ruamel", "babel", "textstat", "markdown_it", "markdown_it_pyrs")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``contentlint daemon``."""
    parser.add_argument("action", choices=("start", "stop", "status", "serve"),
                        help="start in the background, stop, say whether one runs, or serve in the foreground")
    parser.add_argument("--idle", type=int, default=IDLE_SECONDS,
                        help=f"stop after this many seconds without a run (default: {IDLE_SECONDS})")


def run(args: argparse.Namespace) -> int:
    """Run the action."""
    if os.name != "posix" or not hasattr(os, "fork"):
        sys.stderr.write("contentlint: error: the daemon needs a POSIX system (fork, Unix sockets)\n")
        return EXIT_ERROR
    if args.idle <= 0:
        sys.stderr.write("contentlint: error: --idle must be a positive number of seconds\n")
        return EXIT_ERROR
    if args.action == "serve":
        return serve(args.idle)
    if args.action == "start":
        if client.socket_address(client.identity(), create=True) is None:
            sys.stderr.write(f"contentlint: error: no daemon can listen in {client.runtime_folder()}: it must be a"
                             " folder of this user's that others cannot enter, with a short path;"
                             " set XDG_RUNTIME_DIR to another folder\n")
            return EXIT_ERROR
        running = _control("status")
        if running is not None:
            sys.stdout.write(f"contentlint: daemon {running.get('pid')} is already running\n")
            return EXIT_CLEAN
        client.start_daemon(args.idle)
        sys.stdout.write("contentlint: daemon starting (check --daemon uses it once it answers)\n")
        return EXIT_CLEAN
    answer = _control(args.action)
    if answer is None:
        sys.stdout.write("contentlint: no daemon is running\n")
        return EXIT_CLEAN if args.action == "stop" else 1
    if args.action == "stop":
        sys.stdout.write(f"contentlint: daemon {answer.get('pid')} stopped\n")
    else:
        sys.stdout.write(f"contentlint: daemon {answer.get('pid')} serving {answer.get('package')}"
                         f" ({answer.get('served')} runs; stops after {answer.get('idle')} s idle)\n")
    return EXIT_CLEAN


def _control(action: str) -> dict[str, Any] | None:
    """Ask the daemon of this interpreter and package for its status, or to stop."""
    import socket

    address = client.socket_address(client.identity(), create=False)
    if address is None:
        return None
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(client.CONNECT_TIMEOUT_S)
        try:
            sock.connect(address)
            sock.sendall(client.frame({"protocol": client.PROTOCOL, "control": action}))
            return client.read_frame(sock)
        except OSError:
            return None


def package_stamp() -> list[tuple[str, int, int]]:
    """Size and modification time of every file of contentlint, and of every folder of
    the packages it runs on: a daemon whose code changed on disk must not answer for
    the new code. contentlint's own files one by one (an editable install is edited in
    place); for the libraries their folders are enough, and much cheaper (babel alone
    has a thousand files): an installer writes new files and renames them into place,
    which changes the folder's time."""
    import importlib.util

    out = _stamp(str(client.identity()["package"]), files=True)
    for name in _STAMPED_PACKAGES:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            continue
        for location in (spec.submodule_search_locations or []) if spec is not None else []:
            out += _stamp(location, files=False)
    return out


def _stamp(folder: str, files: bool) -> list[tuple[str, int, int]]:
    out = []
    for base, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for path in [os.path.join(base, n) for n in sorted(names)] if files else [base]:
            try:
                info = os.stat(path)
            except OSError:
                continue
            out.append((path, info.st_size, info.st_mtime_ns))
    return out


def serve(idle: int) -> int:
    """Serve runs until idle, stopped or out of date."""
    import contextlib
    import fcntl
    import signal
    import socket

    identity = client.identity()
    folder = client.private_folder(create=True)
    if folder is None:
        sys.stderr.write(f"contentlint: error: {client.runtime_folder()} is not a private folder of this user\n")
        return EXIT_ERROR
    address = client.socket_address(identity, create=False)
    if address is None:
        sys.stderr.write(f"contentlint: error: {folder}: the path is too long for a socket;"
                         " set XDG_RUNTIME_DIR to a shorter folder\n")
        return EXIT_ERROR
    lock = open(address.removesuffix(".sock") + ".lock", "a")  # noqa: SIM115 - held for the daemon's life
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return EXIT_CLEAN  # another daemon of this interpreter and package runs or is starting
    _warm_up()
    stamp = package_stamp()
    with contextlib.suppress(FileNotFoundError):
        os.unlink(address)  # a socket left by a daemon that was killed: we hold the lock
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    previous = os.umask(0o177)
    try:
        listener.bind(address)
    except OSError as exc:
        sys.stderr.write(f"contentlint: error: cannot listen on {address}: {exc.strerror or exc}\n")
        return EXIT_ERROR
    finally:
        os.umask(previous)
    listener.listen(16)
    listener.settimeout(idle)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # workers are reaped by the system
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    import gc

    gc.collect()
    gc.freeze()  # workers share the warmed heap; the collector must not touch (and copy) it
    state = {"served": 0, "pid": os.getpid(), "package": identity["package"], "idle": idle}
    try:
        while True:
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                return EXIT_CLEAN
            with conn:
                if not _handle(conn, identity, stamp, state):
                    return EXIT_CLEAN
    finally:
        listener.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(address)


def _handle(conn: Any, identity: dict[str, object], stamp: list[tuple[str, int, int]], state: dict[str, Any]) -> bool:
    """One connection: a control message or a run. False: stop serving."""
    import socket

    conn.settimeout(client.CONNECT_TIMEOUT_S)
    if not _same_user(conn):
        return True
    try:
        first, fds, _flags, _address = socket.recv_fds(conn, 65536, 4)
    except OSError:
        return True
    try:
        message = client.read_frame(conn, first)
        if message is None or message.get("protocol") != client.PROTOCOL:
            return True
        control = message.get("control")
        if control in ("status", "stop"):
            conn.sendall(client.frame(state))
            return control == "status"
        reason = _refusal(message, fds, identity, stamp)
        if reason:
            conn.sendall(client.frame({"accepted": False, "reason": reason}))
            return reason != "stale"
        state["served"] += 1
        if os.fork() == 0:
            _worker(conn, message, fds)  # never returns
        return True
    except OSError:
        return True
    finally:
        for fd in fds:
            os.close(fd)


def _same_user(conn: Any) -> bool:
    """The peer's user id, where Linux tells it; elsewhere the private folder guards."""
    import socket
    import struct

    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return True
    try:
        _pid, uid, _gid = struct.unpack("3i", conn.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i")))
    except OSError:
        return False
    return bool(uid == os.getuid())


def _refusal(message: dict[str, Any], fds: list[int], identity: dict[str, object],
             stamp: list[tuple[str, int, int]]) -> str:
    """Why this run cannot be served ("" when it can)."""
    if len(fds) != 4:
        return "descriptors"
    if message.get("identity") != identity:
        return "identity"
    argv, env, umask = message.get("argv"), message.get("env"), message.get("umask")
    if not (isinstance(argv, list) and all(isinstance(a, str) for a in argv)):
        return "arguments"
    if not (isinstance(env, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in env.items())):
        return "environment"
    if not isinstance(umask, int) or not isinstance(message.get("streams"), dict):
        return "arguments"
    if package_stamp() != stamp:
        return "stale"
    return ""


def _worker(conn: Any, message: dict[str, Any], fds: list[int]) -> None:
    """Become the client's process, run its command, send the exit code, exit."""
    import signal

    code = EXIT_ERROR
    try:
        for signum in (signal.SIGCHLD, signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, signal.SIG_DFL if signum != signal.SIGINT else signal.default_int_handler)
        client.served = True
        os.fchdir(fds[3])
        for target, fd in enumerate(fds[:3]):
            os.dup2(fd, target)
        os.environ.clear()
        os.environ.update(message["env"])
        import time

        time.tzset()
        os.umask(int(message["umask"]))
        _standard_streams(message["streams"])
        conn.sendall(client.frame({"accepted": True}))
        _watch_client(conn)
        from contentlint.cli.app import main

        code = main(list(message["argv"]))
    except BaseException:
        code = EXIT_ERROR
    finally:
        import contextlib

        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        with contextlib.suppress(OSError):
            conn.sendall(client.frame({"exit": code}))
        os._exit(0)


def _standard_streams(streams: dict[str, Any]) -> None:
    """sys.stdin/stdout/stderr on descriptors 0-2 with the client's encodings, buffered
    as a new process's are (lines on a terminal; stderr always by lines)."""
    import io

    def text(fd: int, name: str) -> io.TextIOWrapper:
        given = streams.get(name)
        spec: dict[str, Any] = given if isinstance(given, dict) else {}
        encoding = spec.get("encoding") if isinstance(spec.get("encoding"), str) else "utf-8"
        errors = spec.get("errors") if isinstance(spec.get("errors"), str) else "strict"
        raw = io.FileIO(fd, "rb" if fd == 0 else "wb", closefd=False)
        buffered = io.BufferedReader(raw) if fd == 0 else io.BufferedWriter(raw)
        return io.TextIOWrapper(buffered, encoding=encoding, errors=errors, newline="\n" if fd else None,
                                line_buffering=fd == 2 or (fd == 1 and os.isatty(1)))

    sys.stdin, sys.stdout, sys.stderr = text(0, "stdin"), text(1, "stdout"), text(2, "stderr")


def _watch_client(conn: Any) -> None:
    """End the worker when the client goes away (Ctrl-C in its terminal)."""
    import threading

    def watch() -> None:
        conn.settimeout(None)
        try:
            gone = conn.recv(1) == b""
        except OSError:
            gone = True
        if gone:
            os._exit(130)

    threading.Thread(target=watch, daemon=True).start()


def _warm_up() -> None:
    """Import contentlint and run one check on a throwaway pair, output discarded."""
    import contextlib
    import io
    import tempfile

    from contentlint.cli.app import main

    with tempfile.TemporaryDirectory(prefix="contentlint-warm-up-") as temp:
        here = os.getcwd()
        sink = io.StringIO()
        try:
            os.chdir(temp)
            Path(temp, "pyproject.toml").write_text('[tool.contentlint]\ncontent = "content"\n', encoding="utf-8")
            with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
                main(["new", "daemon-warm-up", "--title", "How to ask for an IEP meeting",
                      "--title-es", "Cómo pedir una reunión del IEP"])
                main(["check"])  # with its caches (in the throwaway folder): their code is warmed too
            # The result cache keys every run on a hash of contentlint's files; the
            # daemon checks their sizes and times before each run (package_stamp),
            # so the hash is taken once, here, and each worker inherits it.
            from contentlint.cache.run import package_fingerprint

            package_fingerprint()
        except Exception:
            pass
        finally:
            os.chdir(here)
