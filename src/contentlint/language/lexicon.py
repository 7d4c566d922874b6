"""Word lists a writer can edit: plainer words (``data/plain-<lang>.yaml``) and
respectful disability language (``data/respectful-<lang>.yaml``).

Each list has ``entries`` (``find``: the words and phrases to report, every form
spelled out; ``use``: the choice to suggest; ``why``: the reason shown in the hint),
and may have ``exempt`` (names of laws and categories inside which nothing is
reported) and style-dependent sections (``person-first``, ``identity-first``).
A phrase matches as whole words, in any case; a list that cannot be read is an
empty list (the lists ship with the package, so that is a packaging bug, which the
tests catch).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Entry:
    """One line of a list: what to find, what to use, and why."""

    find: tuple[str, ...]
    use: str
    why: str


@dataclass(frozen=True)
class Lexicon:
    """A compiled list: one regex over every phrase, and the entry of each phrase."""

    pattern: re.Pattern[str] | None
    by_phrase: dict[str, Entry]
    exempt: re.Pattern[str] | None

    def hits(self, text: str) -> list[tuple[int, int, Entry]]:
        """(start, end, entry) of each phrase in ``text`` (a masked line), leaving out
        phrases inside an exempt name or inside quotation marks."""
        if self.pattern is None:
            return []
        found = []
        exempt = [(m.start(), m.end()) for m in self.exempt.finditer(text)] if self.exempt else []
        for match in self.pattern.finditer(text):
            start, end = match.start(), match.end()
            if any(a <= start and end <= b for a, b in exempt) or is_quoted(text, start):
                continue
            entry = self.by_phrase.get(_key(match.group(0)))
            if entry is not None:
                found.append((start, end, entry))
        return found


def _key(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.lower().replace("’", "'")).strip()


def is_quoted(text: str, at: int) -> bool:
    """Offset ``at`` of ``text`` is inside quotation marks."""
    before = text[:at]
    straight = before.count('"') % 2 == 1
    curly = before.count("“") > before.count("”")
    angled = before.count("«") > before.count("»")
    return straight or curly or angled


def _phrase_regex(phrases: list[str]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        words = [re.escape(word) for word in phrase.split()]
        parts.append(r"\s+".join(words))
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


def _entries(raw: Any) -> list[Entry]:
    out = []
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict):
            continue
        find = tuple(str(phrase) for phrase in item.get("find") or [] if str(phrase).strip())
        if find:
            out.append(Entry(find, str(item.get("use", "")), str(item.get("why", ""))))
    return out


def _read(name: str) -> dict[str, Any]:
    from ruamel.yaml import YAML

    try:
        data = YAML(typ="safe", pure=False).load((DATA / name).read_text(encoding="utf-8"))
    except Exception:  # see the module docstring
        return {}
    return data if isinstance(data, dict) else {}


@lru_cache(maxsize=16)
def lexicon(kind: str, lang: str, style: str = "") -> Lexicon:
    """The compiled list ``kind`` ("plain" or "respectful") of ``lang``, with the
    entries of ``style`` ("person-first", "identity-first") when given."""
    data = _read(f"{kind}-{lang}.yaml")
    entries = _entries(data.get("entries"))
    if style:
        entries += _entries(data.get(style))
    by_phrase = {_key(phrase): entry for entry in entries for phrase in entry.find}
    exempt = [str(name) for name in data.get("exempt") or [] if str(name).strip()]
    return Lexicon(_phrase_regex(list(by_phrase)), by_phrase, _phrase_regex(exempt))
