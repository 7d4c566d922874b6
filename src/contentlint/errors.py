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
