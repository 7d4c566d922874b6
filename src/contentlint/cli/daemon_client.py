"""``contentlint check --daemon``: hand the run to a warm background process.

A new Python process spends most of a pre-commit run importing contentlint and
compiling its patterns (docs/benchmarks.md, "pre-commit"). The daemon
(:mod:`contentlint.cli.daemon`) has done that once; for each run it forks a
worker that *becomes* the caller: it receives this process's standard input,
output and error and its working folder as file descriptors, its environment,
umask and arguments, runs the same ``main`` and sends back the exit code. So
the output, the colours (the worker writes to the caller's terminal) and the
exit code are those of a run in this process; only the start-up is skipped.

The prior art is dmypy and eslint_d (opt-in warm servers for lint-on-commit),
and a zygote's fork per request (a worker starts from the same warmed state
every time; nothing one run leaves behind reaches the next).

This module is the client and what both sides agree on (the socket's address,
the message format). Standard library only, and little of it: it runs before
anything else is imported.

Never in CI (the ``CI`` variable set): a CI run starts once on a fresh machine,
where a daemon can only cost. Not on Windows (no descriptor passing). Whenever
the daemon cannot serve the run (none running, another contentlint, another
interpreter, different Python flags), the caller runs the check itself.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import sys

# Paths are strings here: pathlib is a few milliseconds of a client's import.

PROTOCOL = 1
# The largest message either side accepts: an argument list and an environment.
MAX_MESSAGE_BYTES = 1_000_000
# How long the client waits for the daemon to accept and answer the handshake;
# the run itself may take as long as it takes (a full library, external links).
CONNECT_TIMEOUT_S = 2.0
OPTION = "--daemon"
# Set in a worker: its ``main`` must run the check, never ask the daemon again.
served = False


def wanted(arguments: list[str]) -> bool:
    """Whether this command line asks for the daemon, and may use one here."""
    if served or os.name != "posix" or not hasattr(os, "fork"):
        return False
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false"):
        return False
    options = arguments[: arguments.index("--")] if "--" in arguments else arguments
    command = next((arg for arg in options if not arg.startswith("-")), "")
    return command == "check" and OPTION in options


def runtime_folder() -> str:
    """The folder of this user's daemon sockets (private to the user)."""
    base = os.environ.get("XDG_RUNTIME_DIR", "")
    if base and os.path.isabs(base):
        return os.path.join(base, "contentlint")
    temp = os.environ.get("TMPDIR", "")
    return os.path.join(temp if os.path.isabs(temp) else "/tmp", f"contentlint-{os.getuid()}")


def private_folder(create: bool) -> str | None:
    """The runtime folder, if it is a real folder owned by this user that nobody else
    can enter (else None: a socket another user could replace is never used)."""
    import stat

    folder = runtime_folder()
    if create:
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            pass
        except OSError:
            return None
    try:
        info = os.lstat(folder)
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        return None
    return folder


# Variables read once per process (at start-up or into a cache), so a worker could
# not take them from the client's environment: the daemon serves only clients
# that have the values it started with.
PROCESS_VARIABLES = ("CONTENTLINT_MARKDOWN", "PYTHONHASHSEED", "PYTHONUTF8", "PYTHONWARNINGS", "PYTHONDEVMODE")


def identity() -> dict[str, object]:
    """What must be equal on both sides for the daemon to run this process's check:
    the interpreter and its flags, the environment it imports from (the virtual
    environment and the import path: two environments on one interpreter may hold
    different versions of pydantic), the contentlint package it imports, and the
    variables read once per process.

    The first entry of the import path is left out: it is the script's folder or the
    current folder, never where contentlint or its libraries are installed, and the
    daemon's is its own (it starts in ``/``). So a served run does not import a
    module that happens to lie in the folder it was started from."""
    import contentlint

    return {
        "executable": sys.executable,
        "prefix": sys.prefix,
        "path": sys.path[1:],
        "package": os.path.dirname(os.path.realpath(contentlint.__file__)),
        "version": sys.version,
        "flags": list(sys.flags),
        "variables": {name: os.environ.get(name) for name in PROCESS_VARIABLES},
    }


def socket_name(ident: dict[str, object]) -> str:
    """One daemon per interpreter, environment and package (a short name)."""
    key = f"{ident['executable']}|{ident['prefix']}|{ident['package']}|{ident['version']}".encode(
        "utf-8", "surrogateescape")
    return hashlib.blake2b(key, digest_size=8).hexdigest() + ".sock"


# A Unix socket's path has room for 108 bytes on Linux and 104 on macOS.
MAX_SOCKET_PATH_BYTES = 100


def socket_address(ident: dict[str, object], create: bool) -> str | None:
    """The daemon's socket, or None where there can be none (no private folder, or a
    path too long for a socket: then no daemon is started in vain)."""
    folder = private_folder(create)
    if folder is None:
        return None
    address = os.path.join(folder, socket_name(ident))
    return address if len(os.fsencode(address)) <= MAX_SOCKET_PATH_BYTES else None


def frame(payload: dict[str, object]) -> bytes:
    data = json.dumps(payload, ensure_ascii=False).encode("utf-8", "surrogateescape")
    return struct.pack("!I", len(data)) + data


def read_frame(sock: object, first: bytes = b"") -> dict[str, object] | None:
    """One length-prefixed JSON message (None: the other side closed or sent junk)."""
    data = first
    while len(data) < 4:
        chunk = sock.recv(4 - len(data))  # type: ignore[attr-defined]
        if not chunk:
            return None
        data += chunk
    (size,) = struct.unpack("!I", data[:4])
    if size > MAX_MESSAGE_BYTES:
        return None
    body = data[4:]
    while len(body) < size:
        chunk = sock.recv(min(65536, size - len(body)))  # type: ignore[attr-defined]
        if not chunk:
            return None
        body += chunk
    try:
        message = json.loads(body[:size].decode("utf-8", "surrogateescape"))
    except (ValueError, RecursionError):
        return None
    return message if isinstance(message, dict) else None


def _stream(name: str) -> dict[str, object]:
    stream = getattr(sys, name)
    return {"encoding": getattr(stream, "encoding", None), "errors": getattr(stream, "errors", None)}


def request(arguments: list[str]) -> dict[str, object]:
    """The run, as the daemon's worker needs it to become this process."""
    umask = os.umask(0o022)
    os.umask(umask)
    return {
        "protocol": PROTOCOL,
        "identity": identity(),
        "argv": arguments,
        "env": dict(os.environ),
        "umask": umask,
        "streams": {name: _stream(name) for name in ("stdin", "stdout", "stderr")},
    }


def run_in_daemon(arguments: list[str]) -> int | None:
    """The exit code of ``arguments`` run by the daemon, or None: run it here.

    None also starts a daemon in the background when none answers, so the next
    run is served (this one is not slowed: it goes on at once)."""
    import socket

    address = socket_address(identity(), create=True)
    if address is None:
        return None
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.settimeout(CONNECT_TIMEOUT_S)
        try:
            sock.connect(address)
        except OSError:
            start_daemon()
            return None
        return _served(sock, arguments)
    finally:
        sock.close()


def _served(sock: object, arguments: list[str]) -> int | None:
    """Send the run with this process's descriptors; wait for the exit code."""
    import socket

    assert isinstance(sock, socket.socket)
    try:
        here = os.open(".", os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return None  # no working folder to hand over (deleted): run here, where it fails as usual
    try:
        for fd in (0, 1, 2):
            os.fstat(fd)  # a closed standard stream: the worker could not stand in for it
        socket.send_fds(sock, [frame(request(arguments))], [0, 1, 2, here])
        answer = read_frame(sock)
    except OSError:
        return None  # gone before the run began: run it here
    finally:
        os.close(here)
    if answer is None or answer.get("accepted") is not True:
        return None  # refused (another package, a stale daemon) or gone before the run began
    try:
        sock.settimeout(None)  # the run takes what it takes
        done = read_frame(sock)
    except OSError:
        done = None
    code = None if done is None else done.get("exit")
    if not isinstance(code, int):
        # The run began in the caller's terminal but its worker died (killed, out of
        # memory): its output may be partial, so the run is not repeated here.
        sys.stderr.write("contentlint: error: the daemon's worker ended without an exit code;"
                         " run again without --daemon\n")
        return 2
    return code


def start_daemon(idle: int | None = None) -> None:
    """Start ``contentlint daemon serve`` detached (its own session, no terminal)."""
    import contextlib
    import subprocess

    extra = [] if idle is None else ["--idle", str(idle)]
    # No daemon (OSError): every run is served in its own process, as without --daemon.
    with contextlib.suppress(OSError):
        subprocess.Popen(
            [sys.executable, "-m", "contentlint", "daemon", "serve", *extra],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True, close_fds=True, cwd="/",
        )
