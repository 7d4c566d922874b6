"""The command line: argv in, text out, an exit code back. Nothing below prints.

``main`` is what embedding programs and the tests call; ``entry`` is the
``contentlint`` command (and ``python -m contentlint``). Both hand a
``check --daemon`` to the warm daemon first (:mod:`.daemon_client`), before the
rest of the command line is even imported.
"""

from __future__ import annotations

import os
import sys

# typing (with re) is 6 ms of the daemon's client, which imports as little as it can;
# type checkers read this name as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import NoReturn


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    if "--daemon" in arguments:
        from contentlint.cli import daemon_client

        if daemon_client.wanted(arguments):
            served = daemon_client.run_in_daemon(arguments)
            if served is not None:
                return served
    from contentlint.cli.app import main as run

    return run(arguments)


def entry() -> NoReturn:
    """The ``contentlint`` command: run, flush the output, and leave at once.

    A check leaves tens of thousands of objects (a parsed library, memoized
    analyses) that an ordinary exit takes about 35 ms to tear down, a tenth of a
    pre-commit run, for memory the system is about to take back. As mypy does,
    the output is flushed and the process ends without the teardown; nothing in
    contentlint waits for an exit handler (every file is written and closed, and
    renamed into place, before the run returns).
    """
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            # The reader went away (`| head`): as Python's own exit would, say nothing more.
            pass
        except ValueError:
            pass  # closed by the command itself (the language server closes stdout on exit)
        except OSError:
            code = code or 2  # the output is incomplete (a full disk): never exit 0 on it
    os._exit(code)
