"""The words of a guide's prose, at their file positions.

What is never a word to check: inline code, link targets, bare URLs and
``www.`` addresses, e-mail addresses, HTML tags and comments, legal citations,
anything touching a digit, acronyms (two capitals or more), and single letters
(list labels "(b)"). Text inside ``<span lang="en">`` (or any element with
``lang="en"``) in a Spanish guide is English, and is returned as such; likewise
``lang="es"`` in an English guide (a quoted Spanish term) is Spanish.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from contentlint.facts.grammar import any_digit, find_citations

if TYPE_CHECKING:
    from contentlint.content.documents import Document

# The block kinds whose text a reader reads as prose.
PROSE_KINDS = frozenset({"heading", "paragraph", "list_item", "quote", "table_row"})

# Every pattern is linear in the line's length (a pull request can hold a 1 MB
# line): a match cannot start inside a run the previous try already scanned, and
# none scans past the next opener of its own kind. The fuzz campaign found the
# quadratic forms (an e-mail pattern tried at every letter of a long word; a code
# span pattern tried at every backtick): 43 s on one fuzzed line.
# Each with the text that a match must contain (in lower case): a line without it
# is not scanned (most lines of prose have none of them).
_MASKS = (
    (re.compile(r"<!--.*?(-->|$)"), ("<!--",)),  # an HTML comment (to the end of the line when it goes on)
    (re.compile(r"\]\([^)\s]*(\s+\"[^\"]*\")?\)"), ("](",)),  # a Markdown link target and its title
    (re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$"), ("]:",)),  # a link reference definition
    (re.compile(r"<[a-zA-Z/!][^<>]*>"), ("<",)),  # an HTML tag or an autolink
    (re.compile(r"\b(?:https?://|ftp://|www\.)\S+", re.IGNORECASE), ("://", "www.")),
    (re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(\.[\w-]+)+"), ("@",)),  # an e-mail address
    (re.compile(r"\{#[^{}]*\}"), ("{#",)),  # a heading anchor {#id}
)
_BACKTICKS = re.compile(r"`+")


def _mask_code_spans(text: str) -> str:
    """Inline code blanked: a backtick run and the next run of the same length
    (CommonMark), found in one pass over the runs."""
    if "`" not in text:
        return text
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    later: dict[int, list[int]] = {}  # run length -> indices of the runs, last first
    for index in range(len(runs) - 1, -1, -1):
        later.setdefault(runs[index][1] - runs[index][0], []).append(index)
    index, spans = 0, []
    while index < len(runs):
        length = runs[index][1] - runs[index][0]
        pending = later[length]
        while pending and pending[-1] <= index:
            pending.pop()
        if not pending:
            index += 1  # a run that never closes is literal
            continue
        closer = pending.pop()
        spans.append((runs[index][0], runs[closer][1]))
        index = closer + 1
    if not spans:
        return text
    pieces, last = [], 0
    for start, end in spans:
        pieces += [text[last:start], " " * (end - start)]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


_MARKED_SPAN = {
    other: re.compile(rf"<(\w+)[^>]*\blang\s*=\s*[\"']{other}(?:-\w+)?[\"'][^>]*>(.*?)</\1\s*>", re.IGNORECASE)
    for other in ("en", "es")
}
OTHER_LANGUAGE = {"en": "es", "es": "en"}
# Letters, with apostrophes inside ("don't", "parent's"); a word that touches a
# digit or an underscore is not a word ("2nd", "file_name").
WORD_RE = re.compile(r"(?<![\w'’])[^\W\d_]+(?:['’][^\W\d_]+)*(?![\w])")
_ACRONYM_RE = re.compile(r".*[A-Z].*[A-Z]")  # two capitals or more: IEP, IEPs, FAPE, McKinney


class Word(NamedTuple):
    """One word to check: its text, file position, language and context.

    (A named tuple, immutable like the frozen dataclass it was, and built ten times
    faster: a megabyte of prose makes 170,000 of them.)"""

    text: str
    line: int
    column: int
    lang: str
    # The word starts a sentence, a heading or a list item (a capital says nothing).
    initial: bool
    # The word is inside quotation marks (a quoted form name, a quoted term).
    quoted: bool
    # The word is set apart as a foreign word the way Spanish style does it: in
    # italics, or followed by its translation in brackets ("la high school
    # (escuela secundaria)").
    set_apart: bool = False
    # The word is part of a name of several words ("Parent Center Hub", "Americans
    # with Disabilities Act", "Board of Education").
    name: bool = False


def mask(text: str, lang: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with everything that is not prose blanked out (same length), and the
    spans marked as the other language (``lang="en"`` in Spanish, ``lang="es"`` in
    English)."""
    foreign: list[tuple[int, int]] = []
    if "lang" in text:
        foreign = [(m.start(2), m.end(2)) for m in _MARKED_SPAN[OTHER_LANGUAGE.get(lang, "es")].finditer(text)]
    text = _mask_code_spans(text)
    lowered = text.lower()
    for pattern, needs in _MASKS:
        if any(need in lowered for need in needs):
            text = pattern.sub(_blank, text)
    if any_digit(text):
        for _, _, start, end in find_citations(text):
            text = text[:start] + " " * (end - start) + text[end:]
    return text, foreign


def _blank(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


def checkable(word: str) -> bool:
    """A word a dictionary can judge: two letters or more, not an acronym."""
    return len(word) > 1 and (word.islower() or not _ACRONYM_RE.match(word))


@dataclass(frozen=True, slots=True)
class ProseLine:
    """One line of a prose block, masked (:func:`mask`), its block marker blanked."""

    number: int
    text: str
    foreign: tuple[tuple[int, int], ...]  # spans marked as the other language
    block_start: bool
    kind: str


def prose_lines(doc: Document) -> list[ProseLine]:
    """The masked lines of a guide's prose blocks, in file order."""
    lang = doc.lang or "en"
    lines = doc.lines
    out = []
    for block in doc.blocks:
        if block.kind not in PROSE_KINDS:
            continue
        for number in range(block.line, min(block.end_line, len(lines)) + 1):
            masked, foreign = mask(_without_marker(lines[number - 1]), lang)
            out.append(ProseLine(number, masked, tuple(foreign), number == block.line, block.kind))
    return out


_INITIAL_RE = re.compile(r"[.!?¿¡:]\s*[\"“«*_(]*\s*$")
_QUOTES = "\"“”«»"


_ITALIC_RE = re.compile(r"(?<![*\w])([*_])(?![*_\s])(.+?)(?<![\s*_])\1(?![*\w])")
_GLOSSED_RE = re.compile(r"(?:[\s-]+[^\W\d_]+){0,3}\s*\(")


_PARENS_RE = re.compile(r"\([^()]*\)")
# Lower-case words that join the capitalized words of a name.
_NAME_JOINERS = frozenset({"of", "with", "for", "and", "the", "on", "in", "to", "de", "del", "la", "las", "los", "y",
                           "para", "con", "en", "el"})


def _name_flags(matches: list[re.Match[str]], masked: str) -> list[bool]:
    """Which words belong to a run of two or more capitalized words (joiners allowed
    between them), with nothing but spaces between the words."""
    words = [m.group(0) for m in matches]
    capital = [w[0].isupper() for w in words]
    flags = [False] * len(words)
    index = 0
    while index < len(words):
        if not capital[index]:
            index += 1
            continue
        end = index
        probe = index + 1
        while probe < len(words) and masked[matches[probe - 1].end() : matches[probe].start()].strip() in ("", "-"):
            if capital[probe]:
                end = probe
            elif words[probe].lower() not in _NAME_JOINERS:
                break
            probe += 1
        if end > index:
            for inside in range(index, end + 1):
                flags[inside] = True
        index = end + 1
    return flags


def line_words(line: ProseLine, lang: str) -> Iterator[Word]:
    """The checkable words of one prose line."""
    masked = line.text
    italic = [(m.start(2), m.end(2)) for m in _ITALIC_RE.finditer(masked)] if ("*" in masked or "_" in masked) else []
    if "(" in masked:
        italic += [(m.start(), m.end()) for m in _PARENS_RE.finditer(masked)]
    matches = list(WORD_RE.finditer(masked))
    names = _name_flags(matches, masked)
    previous_end = previous_start = 0
    initial = line.block_start
    quotes = 0
    # Why the guards: a megabyte holds some 170,000 words; most lines have no
    # quotation mark, bracket or marked span, so those tests are skipped for each word.
    has_quotes = any(q in masked for q in _QUOTES)
    has_bracket = "(" in masked
    other = OTHER_LANGUAGE.get(lang, "en")
    for match, name in zip(matches, names, strict=True):
        start = match.start()
        between = masked[previous_end:start]
        if has_quotes:
            quotes += sum(between.count(q) for q in _QUOTES)
        if (previous_end and between != " " and _INITIAL_RE.search(between)
                and not _abbreviation(masked, previous_start, between)):
            initial = True
        previous_start = start
        previous_end = match.end()
        word = match.group(0)
        if "’" in word:
            word = word.replace("’", "'")
        if checkable(word):
            marked = bool(line.foreign) and any(a <= start < b for a, b in line.foreign)
            apart = (bool(italic) and any(a <= start < b for a, b in italic)) or (
                has_bracket and _GLOSSED_RE.match(masked, previous_end) is not None)
            yield Word(word, line.number, start + 1, other if marked else lang, initial, quotes % 2 == 1, apart, name)
        initial = False


def _abbreviation(text: str, start: int, between: str) -> bool:
    """The period after the previous word ends an abbreviation ("v.", "Sch.", "Educ."),
    not a sentence: a single letter or a short capitalized word before it."""
    if not between.lstrip().startswith("."):
        return False
    word = WORD_RE.match(text, start)
    if word is None:
        return False
    found = word.group(0)
    return len(found) == 1 or (found[0].isupper() and len(found) <= 4 and found.lower() not in _SENTENCE_ENDS)


# Short capitalized words that do end sentences ("It is Ana.", "Call Dr. Ruiz." aside).
_SENTENCE_ENDS = frozenset({"it", "me", "us", "you", "him", "her", "them", "yes", "no", "sí", "ella", "él", "esto"})


def document_words(lines: list[ProseLine], lang: str) -> Iterator[Word]:
    """The checkable words of a guide's prose lines (:func:`prose_lines`), in file order."""
    for line in lines:
        yield from line_words(line, lang)


_MARKER_RE = re.compile(r"^(\s*(?:>\s*)*)(#{1,6}\s+|[-*+]\s+(\[[ xX]\]\s+)?|\d+[.)]\s+|\|)?")


def _without_marker(text: str) -> str:
    """A line with its block marker blanked (positions kept)."""
    found = _MARKER_RE.match(text)
    if not found or not found.group(0):
        return text
    return " " * found.end() + text[found.end() :]
