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


# Words as the lists match them: letters joined by hyphens, apostrophes or inner
# periods ("wheelchair-bound", "i.e"), compared in lower case.
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*")


@dataclass(frozen=True)
class Lexicon:
    """A compiled list: each phrase as a tuple of words, looked up at each word of a
    line (a dictionary lookup per word, not a regex of every phrase)."""

    by_phrase: dict[tuple[str, ...], Entry]
    # The longest phrase that starts with each first word (most words start none).
    longest: dict[str, int]
    exempt: dict[tuple[str, ...], Entry]
    exempt_longest: dict[str, int]

    @property
    def empty(self) -> bool:
        """The list has no phrase."""
        return not self.by_phrase

    def hits(self, text: str) -> list[tuple[int, int, Entry]]:
        """(start, end, entry) of each phrase in ``text`` (a masked line), leaving out
        phrases inside an exempt name or inside quotation marks."""
        if not self.by_phrase:
            return []
        # Why: most lines hold no phrase of the list; their words alone (no positions)
        # say so, at a fraction of the cost of locating every word. (The words of the
        # lower-cased line are the lower-cased words of the line when lower-casing
        # keeps its length: "İ" becomes two characters.)
        lowered = text.lower().replace("’", "'")
        if len(lowered) == len(text) and not _matches(_TOKEN_RE.findall(lowered), self.by_phrase, self.longest):
            return []
        tokens = [(m.start(), m.end(), m.group(0).lower().replace("’", "'")) for m in _TOKEN_RE.finditer(text)]
        words = [token[2] for token in tokens]
        found_phrases = _matches(words, self.by_phrase, self.longest)
        exempt = [(tokens[i][0], tokens[j - 1][1]) for i, j, _ in _matches(words, self.exempt, self.exempt_longest)]
        found = []
        for i, j, entry in found_phrases:
            start, end = tokens[i][0], tokens[j - 1][1]
            if any(a <= start and end <= b for a, b in exempt) or is_quoted(text, start):
                continue
            found.append((start, end, entry))
        return found


def _matches(words: list[str], table: dict[tuple[str, ...], Entry],
             longest: dict[str, int]) -> list[tuple[int, int, Entry]]:
    """Longest phrase of ``table`` starting at each word, without overlaps."""
    out = []
    after = 0  # the first word not inside a phrase already found
    for index in [i for i, word in enumerate(words) if word in longest]:
        if index < after:
            continue
        for size in range(min(longest[words[index]], len(words) - index), 0, -1):
            entry = table.get(tuple(words[index : index + size]))
            if entry is not None:
                out.append((index, index + size, entry))
                after = index + size
                break
    return out


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(token.lower().replace("’", "'") for token in _TOKEN_RE.findall(phrase))


def is_quoted(text: str, at: int) -> bool:
    """Offset ``at`` of ``text`` is inside quotation marks."""
    before = text[:at]
    straight = before.count('"') % 2 == 1
    curly = before.count("“") > before.count("”")
    angled = before.count("«") > before.count("»")
    return straight or curly or angled


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
    by_phrase = {_key(phrase): entry for entry in entries for phrase in entry.find if _key(phrase)}
    names = [str(name) for name in data.get("exempt") or [] if str(name).strip()]
    exempt = {_key(name): Entry((name,), "", "") for name in names if _key(name)}
    return Lexicon(by_phrase, _longest(by_phrase), exempt, _longest(exempt))


def _longest(table: dict[tuple[str, ...], Entry]) -> dict[str, int]:
    out: dict[str, int] = {}
    for phrase in table:
        out[phrase[0]] = max(out.get(phrase[0], 0), len(phrase))
    return out
