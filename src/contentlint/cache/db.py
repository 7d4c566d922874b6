"""The cache database: parsed front matter and per-target findings, by content key.

One SQLite file, ``<project>/.contentlint_cache/cache-v1.sqlite``, holds two
tables of key -> value rows: ``yaml`` (the data and positions of a front matter
or data file, by the hash of its text) and ``targets`` (the findings of a file
or a pair, see :mod:`contentlint.cache.targets`). SQLite gives what a JSON file
could not: a run over one pair reads and writes a few rows, not the whole
cache, and two runs at once are serialized by its locking.

Values are plain data only (JSON text, or ``marshal`` of dicts, lists, strings
and numbers for YAML); nothing is unpickled, so loading a row constructs no
object with behaviour.
Every row remembers the last run that used it; rows unused for
``KEEP_RUNS`` runs are deleted, so the cache does not grow without bound.
A file that is not a database (damaged, or something else) is replaced; any
other database error (locked, read-only, full disk) turns the cache off for
the rest of the run: results are never wrong, only slower.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from contentlint.errors import log_info

DB_FILE = "cache-v1.sqlite"
TABLES = ("yaml", "targets", "memo")
KEEP_RUNS = 10
# The run counter is a cache file's data: a value that is not a small
# non-negative integer (text, a float, the maximum SQLite integer) starts the
# count again and empties the tables, whose run numbers it can no longer age.
MAX_RUN = 2**53
# What each table's values are: the YAML cache stores marshal bytes, the
# target cache JSON text, the memo (data a run derived from its libraries,
# such as babel's CLDR formats) JSON text. A row of another type is a miss.
_VALUE_TYPES: dict[str, type] = {"yaml": bytes, "targets": str, "memo": str}
LOCK_TIMEOUT = 5.0  # seconds a run waits for another run's write to finish
_CHUNK = 500  # SQLite's default limit on host parameters is 999
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS yaml (key TEXT PRIMARY KEY, value BLOB NOT NULL, run INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS targets (key TEXT PRIMARY KEY, value TEXT NOT NULL, run INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS memo (key TEXT PRIMARY KEY, value TEXT NOT NULL, run INTEGER NOT NULL);
"""


class CacheDB:
    """Key -> value rows in three tables, read on demand and written once at the end."""

    def __init__(self, connection: sqlite3.Connection, run: int) -> None:
        self.connection: sqlite3.Connection | None = connection
        self.run = run
        # Mixed into every YAML key: contentlint's code, the parser's version, Python's.
        self.salt = ""
        self.pending: dict[str, dict[str, bytes | str]] = {table: {} for table in TABLES}
        self.used: dict[str, set[str]] = {table: set() for table in TABLES}
        self.reset = False  # the stored run counter was unusable: rows are dropped on close

    @classmethod
    def open(cls, folder: Path) -> CacheDB | None:
        """The project's cache, created when missing; None when it cannot be used."""
        import os
        import stat

        from contentlint.fileio import cache_folder, safe_folder

        try:
            # Never through a symbolic link: the folder and the database files must be real.
            folder = cache_folder(folder.parent) if folder.name == ".contentlint_cache" else safe_folder(folder, None)
            for suffix in ("", "-journal", "-wal", "-shm"):
                try:
                    info = os.lstat(f"{folder / DB_FILE}{suffix}")
                except FileNotFoundError:
                    continue
                if not stat.S_ISREG(info.st_mode):
                    raise OSError(f"{DB_FILE}{suffix} is not a regular file (a symbolic link?)")
            try:
                return cls._connect(folder / DB_FILE)
            except sqlite3.OperationalError:
                raise  # locked or unwritable: leave the file alone
            except sqlite3.DatabaseError as exc:
                # Not a database (a damaged or foreign file): it is only a cache.
                log_info(__name__, "cache database not used: %s; starting a new one", exc)
                (folder / DB_FILE).unlink()
                return cls._connect(folder / DB_FILE)
        except (OSError, sqlite3.Error) as exc:
            log_info(__name__, "cache database not used: %s", exc)
            return None

    @classmethod
    def _connect(cls, path: Path) -> CacheDB:
        connection = sqlite3.connect(path, timeout=LOCK_TIMEOUT, isolation_level=None)
        try:
            # No disk flush per commit: this is a cache whose keys are content
            # digests, so a row is right for its key whenever it was written, and a
            # file a crash damages is replaced ("not a database") or turns the cache
            # off for the run. Each pre-commit run would otherwise wait for the disk.
            connection.execute("PRAGMA synchronous = OFF")
            connection.executescript(_SCHEMA)
            row = connection.execute("SELECT value FROM meta WHERE name = 'run'").fetchone()
        except sqlite3.Error:
            connection.close()
            raise
        last = row[0] if row else 0
        if isinstance(last, int) and not isinstance(last, bool) and 0 <= last < MAX_RUN:
            return cls(connection, last + 1)
        log_info(__name__, "cache database run counter %r not usable; starting again", last)
        db = cls(connection, 1)
        db.reset = True
        return db

    def get(self, table: str, key: str) -> bytes | str | None:
        """One value, or None."""
        return self.get_many(table, [key]).get(key)

    def get_many(self, table: str, keys: Iterable[str]) -> dict[str, bytes | str]:
        """The stored values of those keys that have one."""
        wanted = list(dict.fromkeys(keys))
        found: dict[str, bytes | str] = {}
        if self.connection is None or table not in TABLES:
            return found
        try:
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                query = f"SELECT key, value FROM {table} WHERE key IN ({marks})"  # the table name is one of ours
                kind = _VALUE_TYPES[table]
                for key, value in self.connection.execute(query, chunk).fetchall():
                    if isinstance(key, str) and isinstance(value, (bytes, str)) and isinstance(value, kind):
                        found[key] = value
        except sqlite3.Error as exc:
            self._broken(exc)
            return {}
        self.used[table].update(found)
        return found

    def put(self, table: str, key: str, value: bytes | str) -> None:
        """Remember a value; written by :meth:`close`."""
        self.pending[table][key] = value

    def close(self) -> None:
        """Write new rows, mark used ones, drop rows unused for KEEP_RUNS runs."""
        connection, self.connection = self.connection, None
        if connection is None:
            return
        try:
            connection.execute("BEGIN IMMEDIATE")
            if self.reset:
                for table in TABLES:
                    connection.execute(f"DELETE FROM {table}")
                connection.execute("DROP TABLE IF EXISTS meta")  # it may not even be ours
                connection.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL)")
            for table in TABLES:
                connection.executemany(
                    f"INSERT OR REPLACE INTO {table} (key, value, run) VALUES (?, ?, ?)",
                    [(key, value, self.run) for key, value in self.pending[table].items()],
                )
                connection.executemany(
                    f"UPDATE {table} SET run = ? WHERE key = ?",
                    [(self.run, key) for key in self.used[table] - self.pending[table].keys()],
                )
                connection.execute(f"DELETE FROM {table} WHERE run < ?", (self.run - KEEP_RUNS,))
            connection.execute("INSERT OR REPLACE INTO meta (name, value) VALUES ('run', ?)", (self.run,))
            connection.execute("COMMIT")
        except (sqlite3.Error, OverflowError, ValueError) as exc:
            log_info(__name__, "cache database not written: %s", exc)
        finally:
            connection.close()

    def _broken(self, exc: sqlite3.Error) -> None:
        log_info(__name__, "cache database turned off for this run: %s", exc)
        if self.connection is not None:
            self.connection.close()
        self.connection = None
