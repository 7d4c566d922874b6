"""What PL005 reads besides pronouns: imperatives of tú and of usted (not a rule module).

A step list says what to do, so its verbs are imperatives, and the imperative shows the
form of address: tú "guarda, anota, llama, pide, escribe, revisa, firma", usted "guarde,
anote, llame, pida, escriba, revise, firme". The affirmative tú imperative is spelled like
the third person of the present ("la escuela pide"), which is also how usted is addressed
in the indicative ("usted pide"), so a word alone says nothing. Only positions where a
verb of this list can be nothing but an imperative count, decided from morphology and a
word list, never guessed:

* the first word of a list item, or of a sentence inside one, followed by a word that
  starts a verb's complement (an article, a pronoun, a preposition other than "de", an
  infinitive: "Pide visitar la clase"):
  "**Guarda una copia.**" but not "Firma del padre" nor "Copia de la carta";
* the verb coordinated with one found that way: "Guarda una copia y anota la fecha";
* for usted only, the main verb after a leading "Si ..." / "Cuando ..." clause: "Si no
  responde, llame a la escuela" (the tú form there, "llama", may have the clause's subject:
  "Si la escuela acepta, paga el costo");
* a form with an attached pronoun anywhere ("pídele", "guárdala", "llámelos"): the
  present never takes one, so it is an imperative, and its stem says tú or usted.

The usted forms (the present subjunctive: "pida", "guarde") are imperatives wherever
they start a sentence or a list item.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache


# Instruction verbs of a parent guide: infinitive -> (tú imperative, usted imperative).
# Regular verbs are derived (-ar: guarda/guarde, -er/-ir: escribe/escriba, with the
# spelling changes c->qu, g->gu, z->c before e); the others are spelled out. Left out on
# purpose: verbs whose tú imperative often starts a third-person or usted sentence or a
# noun phrase ("Necesita", "Puede", "Debe", "Tiene", "Recibe", "Ve", "Di", "Nota",
# "Lista", "Visita", "Pregunta", "Consulta", "Copia" ...).
def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_REGULAR = _words(
    "acompañar adjuntar agregar anotar apuntar archivar averiguar buscar comparar comunicar conservar "
    "contactar documentar entregar enumerar escuchar explicar fechar firmar fotocopiar grabar guardar imprimir "
    "indicar informar intentar invitar llamar llevar mandar marcar mirar notificar organizar pagar planear "
    "preparar presentar prestar programar registrar responder revisar sacar solicitar tomar usar verificar escribir "
    "describir leer asistir"
)
_IRREGULAR = {
    "pedir": ("pide", "pida"), "repetir": ("repite", "repita"), "seguir": ("sigue", "siga"),
    "conseguir": ("consigue", "consiga"), "elegir": ("elige", "elija"), "pensar": ("piensa", "piense"),
    "recordar": ("recuerda", "recuerde"), "mostrar": ("muestra", "muestre"), "volver": ("vuelve", "vuelva"),
    "traer": ("trae", "traiga"), "hacer": ("haz", "haga"), "poner": ("pon", "ponga"), "tener": ("ten", "tenga"),
    "enviar": ("envía", "envíe"), "incluir": ("incluye", "incluya"), "hablar": ("habla", "hable"),
}
_PRONOUNS = ("me", "te", "le", "les", "lo", "la", "los", "las", "nos", "se")
# A word that can start the complement of an imperative ("Firma la carta"); "de"/"del"
# are left out: "Firma del padre" and "Copia de la carta" are noun phrases.
_COMPLEMENT_STARTERS = frozenset(_words(
    "el la los las un una unos unas a al su sus tu tus mi mis todo toda todos todas cada este esta estos estas "
    "ese esa esos esas lo le les me te nos que si por con en para sobre cualquier otra otro otras otros"
))
# usted forms that are also other words ("Presente en la reunión", "Firme decisión", the
# English "Use"): they need a complement after them, like the tú forms.
_USTED_LOOKALIKES = frozenset({"presente", "firme", "use", "lea", "marque", "entregue"})
_INFINITIVE_RE = re.compile(r"[a-zñ]{2,}(?:ar|er|ir)")  # "Pide visitar la clase", "Intente llegar"
_CLAUSE_OPENERS = ("si ", "cuando ", "antes de ", "después de ", "despues de ", "en cuanto ", "mientras ")
_WORD_RE = re.compile(r"[^\W\d_]+")
_SENTENCE_RE = re.compile(r"[^.!?¿¡:;]+")


def _regular(infinitive: str) -> tuple[str, str]:
    stem, ending = infinitive[:-2], infinitive[-2:]
    if ending == "ar":
        usted_stem = stem
        if stem.endswith("c"):
            usted_stem = stem[:-1] + "qu"
        elif stem.endswith("gu"):
            usted_stem = stem[:-2] + "gü"
        elif stem.endswith("g"):
            usted_stem = stem + "u"
        elif stem.endswith("z"):
            usted_stem = stem[:-1] + "c"
        return stem + "a", usted_stem + "e"
    return stem + "e", stem + "a"


def _forms() -> tuple[dict[str, str], dict[str, str]]:
    """Plain imperatives -> "tú"/"usted", and their forms with attached pronouns (accent-folded)."""
    plain: dict[str, str] = {}
    table = {verb: _regular(verb) for verb in _REGULAR} | _IRREGULAR
    for tu, usted in table.values():
        plain[tu] = "tú"
        plain[usted] = "usted"
    enclitic: dict[str, str] = {}
    for form, who in plain.items():
        base = _fold(form)
        for pronoun in _PRONOUNS:
            if who == "usted" and pronoun == "te":
                continue  # "pídate" is not a word
            enclitic[base + pronoun] = who
            for second in ("lo", "la", "los", "las"):
                enclitic[base + pronoun + second] = who
    return plain, enclitic


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if c != "\u0301")


_PLAIN, _ENCLITIC = _forms()


@dataclass(frozen=True, slots=True)
class Imperative:
    """One imperative found in a block's text: the word as written, its offset, tú or usted."""

    word: str
    offset: int
    form: str


def imperatives(text: str, list_item: bool) -> Iterator[Imperative]:
    """The imperatives of one block's plain text (``list_item``: the block is a list item)."""
    for sentence in _SENTENCE_RE.finditer(text):
        yield from _in_sentence(sentence.group(), sentence.start(), list_item)


def imperative_forms(blocks: Iterable[tuple[str, bool]]) -> set[str]:
    """The forms ("tú", "usted") of every imperative :func:`imperatives` could find in
    these blocks (plain text, is a list item), a superset judged from single words: a
    guide that cannot hold one of the forms is settled without the sentence scan.

    A tú imperative is a form with attached pronouns, or a verb of the list starting a
    sentence of a list item (one joined to it by "y"/"o" needs that one first); usted
    is counted wherever one of its forms appears."""
    forms: set[str] = set()
    words: set[str] = set()
    for text, list_item in blocks:
        words.update(word.lower() for word in _WORD_RE.findall(text))
        if list_item and "tú" not in forms:
            for sentence in _SENTENCE_RE.finditer(text):
                first = _WORD_RE.search(sentence.group())
                if first is not None and _PLAIN.get(first.group().lower()) == "tú":
                    forms.add("tú")
                    break
    if any(_PLAIN[word] == "usted" for word in words.intersection(_PLAIN)):
        forms.add("usted")
    for word in words:
        if not word.isascii() or word.startswith(_MONOSYLLABLES):
            who = _attached(word)
            if who is not None:
                forms.add(who)
    return forms


def _in_sentence(sentence: str, start: int, list_item: bool) -> Iterator[Imperative]:
    # Most sentences hold no imperative, so the sentence's words are listed only when a
    # cheap test says one may be there (a known verb first, a leading "Si ..." clause);
    # attached pronouns are looked for only in the words that can carry them (with a
    # letter beyond ASCII, or "haz"/"pon"/"ten" first), and only in a sentence with a
    # written accent or such a monosyllable.
    stripped = sentence.lstrip()
    opener = "," in sentence and stripped.lower().startswith(_CLAUSE_OPENERS)
    accented = _ACCENT_OR_MONOSYLLABLE_RE.search(sentence) is not None
    found_at: set[int] = set()  # offsets in the block
    if accented:
        for candidate in _ATTACHED_CANDIDATE_RE.finditer(sentence):
            who = _attached(candidate.group())
            if who is not None:
                found_at.add(candidate.start() + start)
                yield Imperative(candidate.group(), candidate.start() + start, who)
    head = _WORD_RE.search(sentence)
    # A known verb first; "**Guarda ..." (the first word not at the sentence's start)
    # counts only where the sentence is looked at anyway.
    leads = (
        head is not None
        and head.group().lower() in _PLAIN
        and (accented or opener or head.start() == len(sentence) - len(stripped))
    )
    if not leads and not opener:
        return
    words = [(m.group(), m.start() + start) for m in _WORD_RE.finditer(sentence)]
    who = _leading(words, 0, list_item) if leads else None
    if who is not None and words[0][1] not in found_at:
        found_at.add(words[0][1])
        yield Imperative(words[0][0], words[0][1], who)
        yield from _coordinated(words, 0, who, found_at)
    if opener:
        after = sentence.index(",")
        main = next((i for i, (_, offset) in enumerate(words) if offset - start > after), None)
        if main is not None and words[main][1] not in found_at:
            who = _leading(words, main, True)
            # Only usted: "Si la escuela acepta, paga el costo" keeps the clause's subject
            # for a verb spelled like the tú imperative; "pida" can only be addressed.
            if who == "usted":
                found_at.add(words[main][1])
                yield Imperative(words[main][0], words[main][1], who)
                yield from _coordinated(words, main, who, found_at)


@lru_cache(maxsize=8192)  # a word's verdict never changes; guides repeat their words
def _attached(word: str) -> str | None:
    """tú/usted for an imperative with attached pronouns ("pídele", "guárdela", "hazlo").

    Such a form of more than one syllable always carries a written accent ("pídele"),
    which tells it from look-alike words ("tomate" is not "tómate")."""
    folded = _fold(word)
    if len(folded) <= 4 or folded in _PLAIN_FOLDED:
        return None
    who = _ENCLITIC.get(folded)
    if who is None:
        return None
    if word.lower() == folded and not folded.startswith(_MONOSYLLABLES):
        return None
    return who


def _leading(words: list[tuple[str, int]], index: int, list_item: bool) -> str | None:
    """tú/usted when the word at ``index`` starts a clause as an imperative."""
    word = words[index][0]
    who = _PLAIN.get(word.lower())
    if who is None or index + 1 >= len(words):
        return None
    following = words[index + 1][0].lower()
    if who == "usted" and word.lower() not in _USTED_LOOKALIKES:
        return who  # the subjunctive starts no statement: "Preste atención", "Anote todo"
    if following not in _COMPLEMENT_STARTERS and not _INFINITIVE_RE.fullmatch(following):
        return None
    if who == "tú" and not list_item:
        return None  # in running prose "Pide ..." may be a statement about someone
    return who


def _coordinated(words: list[tuple[str, int]], index: int, who: str, found_at: set[int]) -> Iterator[Imperative]:
    """Imperatives of the same form joined by "y"/"o" to the one at ``index`` (``found_at``: offsets taken)."""
    for position in range(index + 1, len(words) - 1):
        if words[position][0].lower() in ("y", "o") and words[position + 1][1] not in found_at:
            word, offset = words[position + 1]
            if _PLAIN.get(word.lower()) == who:
                found_at.add(offset)
                yield Imperative(word, offset, who)


_PLAIN_FOLDED = frozenset(_fold(form) for form in _PLAIN)
_MONOSYLLABLES = ("haz", "pon", "ten")  # "hazlo", "ponla": no written accent needed
_MONOSYLLABLE_RE = re.compile(r"(?<!\w)(?:haz|pon|ten)(?:me|te|le|lo|la|nos|se)", re.IGNORECASE)
_ACCENT_OR_MONOSYLLABLE_RE = re.compile("[áéíóú]|" + _MONOSYLLABLE_RE.pattern, re.IGNORECASE)
# A whole word that _attached may accept: one with a letter beyond ASCII, or one that
# starts with "haz"/"pon"/"ten" (linear: each try starts at a word's first letter).
_ATTACHED_CANDIDATE_RE = re.compile(
    r"(?<![^\W\d_])(?:[^\W\d_]*[^\W\d_\x00-\x7f][^\W\d_]*|(?:haz|pon|ten)[^\W\d_]*)", re.IGNORECASE
)
