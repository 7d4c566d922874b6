"""Errors that end a run with exit code 2 (kept import-light for the CLI)."""


class ConfigError(Exception):
    """The configuration cannot be used; the CLI exits 2 with this message."""


class UsageError(Exception):
    """A path or argument the user gave cannot be used (exit 2)."""


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
