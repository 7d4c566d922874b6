"""Rule-based sentence segmentation for English and Spanish prose units.

A boundary is a run of ``. ! ? …`` (closing quotes and brackets may follow) that is
followed by white space, the end of the unit, or an opening ``¿``/``¡``; and then
only if the next character can start a sentence (a capital, a digit, ``¿ ¡``, an
opening quote or bracket, a dash). So ``1.5``, ``300.503(b)`` and ``example.org``
never split, a lower-case continuation (``etc. and``, ``¿vienes?, dijo``) does not
split, and ``... Then`` does.

A period is not a boundary after
* a known abbreviation that does not end sentences (``Dr.``, ``Sra.``, ``e.g.``,
  ``U.S.``, ``EE. UU.``, ``p. ej.``; see ``NEVER_SPLIT``),
* ``No.``/``núm.``/``art.``/``p.`` before a figure (``No. 5``), while ``No. The`` splits,
* a single lower-case letter (the ``p.`` of ``p. ej.``), or a capital followed by
  another initial or following one (``J. R. R. Tolkien``); a lone capital ends a sentence when a capital
  follows (``IDEA Part B. Your child``), so ``John F. Kennedy`` splits (known limit),
* a dotted acronym (``U.S.A.``, ``D.C.``) other than ``a.m.``/``p.m.``.

``etc.`` and ``a.m.``/``p.m.`` end a sentence only when a capital follows.
The end of a unit always ends a sentence. Sentences are never dropped for being
short; empty pieces (no letters or digits) are dropped by the scorer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["BEFORE_DIGIT", "NEVER_SPLIT", "split_sentences"]

NEVER_SPLIT: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "dr.", "drs.", "mr.", "mrs.", "ms.", "mx.", "prof.", "sr.", "jr.", "st.", "mt.", "ft.", "dept.", "depts.",
            "vs.", "v.", "e.g.", "i.e.", "u.s.", "u.k.", "cf.", "approx.", "gov.", "sen.", "rep.", "gen.", "col.",
            "capt.", "lt.", "sgt.", "rev.", "hon.", "esp.", "viz.", "al.", "fig.", "figs.", "ee.", "uu.", "ej.",
        ]
    ),
    "es": frozenset(
        [
            "sr.", "sra.", "srta.", "sres.", "sras.", "dr.", "dra.", "drs.", "dras.", "lic.", "lcdo.", "lcda.", "ing.",
            "prof.", "profa.", "ud.", "uds.", "vd.", "vds.", "ee.", "uu.", "ej.", "p.", "pág.", "págs.", "núm.",
            "núms.", "art.", "arts.", "aprox.", "tel.", "depto.", "dpto.", "av.", "avda.", "cía.", "vs.", "e.g.",
            "i.e.", "u.s.", "sto.", "sta.", "pbro.", "mons.", "fig.", "cap.", "admón.", "atte.", "ref.",
        ]
    ),
}
BEFORE_DIGIT: frozenset[str] = frozenset(
    [
        "no.", "nos.", "núm.", "nº.", "n.º", "art.", "sec.", "secs.", "pág.", "p.", "pp.", "vol.", "cap.", "ch.", "pt.",
        "tel.", "ext.",
    ]
)
_MAY_END = frozenset({"a.m.", "p.m.", "etc."})

# terminal punctuation, closers, then the white space up to the next sentence
_CANDIDATE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?:\s+|$|(?=[¿¡]))")
_DOTTED = re.compile(r"(?:[^\W\d_]\.){2,}")
_OPENERS = "\"'“‘«([¿¡—–"
_LEAD_STRIP = "\"'“‘«([{¿¡*_—–-"


_INITIAL = re.compile(r"[^\W\d_]\.")
_PREV_INITIAL = re.compile(r"(?:^|(?<=\s))[^\W\d_]\.\s+$")


def _period_is_abbreviation(text: str, dot: int, nxt_at: int, lang: str) -> bool:
    """``text[dot]`` is a period; is the word it ends an abbreviation here?"""
    nxt = text[nxt_at]
    # abbreviations are short: a window is enough to find the word the period ends
    lo = dot - 24 if dot > 24 else 0
    chunk = text[lo : dot + 1].rsplit(None, 1)
    if not chunk:
        return False
    word = chunk[-1].lstrip(_LEAD_STRIP)
    if len(word) < 2:
        return False
    low = word.lower()
    if low in BEFORE_DIGIT and nxt.isdigit():
        return True
    if low in NEVER_SPLIT[lang]:
        return True
    if low in _MAY_END:
        return False
    if len(word) == 2 and word[0].isalpha():
        # p. (of p. ej.), or an initial next to another one: J. R. R. Tolkien
        if word[0].islower() or _INITIAL.match(text, nxt_at) is not None:
            return True
        start = dot + 1 - len(chunk[-1])
        return _PREV_INITIAL.search(text, max(0, start - 4), start) is not None
    return bool(_DOTTED.fullmatch(word))


def split_sentences(text: str, lang: str) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, sentence)`` pairs for one prose unit (``lang`` = en/es)."""
    n = len(text)
    begin = 0
    for m in _CANDIDATE.finditer(text):
        j = m.end()
        if j >= n:
            break  # the unit's end closes the last sentence
        nxt = text[j]
        if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
            continue
        punct = m.group(0).rstrip()
        if (
            punct[0] == "."
            and punct.rstrip("\"'”’»)]") == "."
            and _period_is_abbreviation(text, m.start(), j, lang)
        ):
            continue
        piece = text[begin:j]
        stripped = piece.strip()
        if stripped:
            yield begin + (len(piece) - len(piece.lstrip())), stripped
        begin = j
    piece = text[begin:]
    stripped = piece.strip()
    if stripped:
        yield begin + (len(piece) - len(piece.lstrip())), stripped
