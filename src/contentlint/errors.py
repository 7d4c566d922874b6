"""Errors that end a run with exit code 2 (kept import-light for the CLI)."""


class ConfigError(Exception):
    """The configuration cannot be used; the CLI exits 2 with this message."""


class UsageError(Exception):
    """A path or argument the user gave cannot be used (exit 2)."""


def is_crash(exc: BaseException) -> bool:
    """Whether ``exc`` is a bug to contain (a finding, or exit 2), not a request to stop.

    A panic in a Rust extension (pyo3's ``PanicException``, raised by
    markdown-it-pyrs on some input) derives from ``BaseException``, so
    ``except Exception`` lets it through as a traceback; it is a crash like any other.
    """
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"


def log_info(logger: str, message: str, *args: object) -> None:
    """An info record for whoever configured logging (the tests, an embedding tool).

    ``logging`` is imported only when something else already imported it: with no
    configuration nobody can receive an info record (the last-resort handler shows
    warnings and worse only), and the import is a cost every pre-commit run would pay.
    """
    import sys

    logging = sys.modules.get("logging")
    if logging is not None:
        logging.getLogger(logger).info(message, *args)
