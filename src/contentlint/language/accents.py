"""Spanish accents that a word list cannot settle, decided from the sentence.

"que" and "qué", "el" and "él", "publico" and "público" are all words; only the
words around them say which one the writer meant. Each pattern below fires only
where the sentence decides it (precision first: a finding here must be right),
and each was measured on the clean and the defect sets in tests/data/language/
(benchmarks/language_eval.py).

Every pattern works on one line of prose with code, links and citations blanked
(:func:`contentlint.language.tokens.mask`) and gives the wrong word's offset, the
word as written, the word with its accent, and why.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from contentlint.i18n import _

_W = r"[^\W\d_]"
_INTERROGATIVES = {
    "que": "qué", "quien": "quién", "quienes": "quiénes", "cual": "cuál", "cuales": "cuáles",
    "cuando": "cuándo", "cuanto": "cuánto", "cuanta": "cuánta", "cuantos": "cuántos", "cuantas": "cuántas",
    "donde": "dónde", "adonde": "adónde", "como": "cómo",
}
# Nouns and adjectives whose unaccented spelling is a verb form ("publico": I publish).
# After an article or a determiner only the noun can stand.
_NOUNS: dict[str, str] = {
    "publico": "público", "tramite": "trámite", "tramites": "trámites", "limite": "límite", "limites": "límites",
    "termino": "término", "calculo": "cálculo", "deposito": "depósito", "titulo": "título",
    "numero": "número", "estimulo": "estímulo", "diagnostico": "diagnóstico", "vinculo": "vínculo",
    "articulo": "artículo", "animo": "ánimo", "transito": "tránsito", "deficit": "déficit",
    "practica": "práctica", "practicas": "prácticas", "critica": "crítica", "medico": "médico",
    "medicos": "médicos", "calculos": "cálculos", "titulos": "títulos", "numeros": "números",
    "articulos": "artículos", "vinculos": "vínculos", "terminos": "términos", "diagnosticos": "diagnósticos",
    "formula": "fórmula", "formulas": "fórmulas", "habito": "hábito", "habitos": "hábitos",
    "economico": "económico", "intimo": "íntimo", "ultimo": "último", "ultima": "última",
    "ultimos": "últimos", "ultimas": "últimas", "unico": "único", "unica": "única", "animos": "ánimos",
    "especifico": "específico", "publicos": "públicos", "interprete": "intérprete", "interpretes": "intérpretes",
    "bebe": "bebé", "bebes": "bebés", "perdida": "pérdida", "perdidas": "pérdidas",
}
_DETERMINERS = (
    r"el|del|al|un|su|sus|este|ese|aquel|cada|ningún|algún|primer|tercer|nuestro|unos|estos|esos|"
    r"una|esta|esa|aquella|nuestra|primera|otra|otro|unas|estas|esas|nuestros|nuestras"
)
# Feminine nouns of the library after which "publica(s)" can only be the adjective.
_PUBLIC_NOUNS = r"educación|escuela|escuelas|agencia|agencias|audiencia|audiencias|expensas|entidad|entidades|" \
    r"información|salud|política|políticas|institución|instituciones|universidad|universidades|biblioteca|vía|" \
    r"red|opinión|audiencia|escuelas|autoridad|autoridades|asistencia|ayuda|entidad|oficina|oficinas"
# Verbs after which "que/como/donde/cuando/quien + infinitive" is an indirect question.
_ASKING = (
    r"sabe|saben|sabemos|saber|sepa|sepan|sé|sabía|decidir|decida|decidan|decide|deciden|preguntar|pregunte|"
    r"pregunten|pregúntele|explicar|explique|explica|explicarle|entender|entienda|indicar|indique|indica|"
    r"decirle|dígale|diga|dice|enseñar|enseñe|enseña|aprender|aprenda|aprende|averiguar|averigüe|pensar|piense|"
    r"elegir|elija|ver|vea|mostrar|muestre|muestra|olvidar|olvide|imaginar|tener\s+idea\s+de"
)
_INFINITIVE = rf"{_W}+(?:ar|er|ir|ír)(?:lo|la|los|las|le|les|se|me|nos)?"


@dataclass(frozen=True, slots=True)
class AccentHit:
    """A word missing its accent (or carrying a wrong one), where, and why."""

    start: int
    written: str
    correct: str
    # The reason, an English template (translated by the reporter) and its values.
    reason: str
    params: dict[str, str] = field(default_factory=dict)


def _cased(written: str, correct: str) -> str:
    return correct[0].upper() + correct[1:] if written[:1].isupper() else correct


_SUBJECTS = (r"la|el|los|las|un|una|su|sus|usted|ustedes|yo|él|ella|ellos|nosotros|padre|madre|padres|parte|"
             r"ejemplo|resultado|siempre")
_ANSWER = (r"puede|pueden|tiene|tienen|debe|deben|es|son|hay|está|están|claro|por\s+supuesto|siempre|usted\s+puede|"
           r"usted\s+tiene|usted\s+debe|la\s+escuela\s+debe|la\s+escuela\s+tiene")
_PREGUNTAR = (r"pregunte|pregunten|preguntar|preguntarle|preguntarles|pregúntele|pregúnteles|preguntó|preguntan|"
              r"preguntaron|preguntarse|preguntarán|preguntará|pregúntese")
_TELLING = (r"explique|expliquen|explicar|explicarle|explíquele|explica|explican|diga|digan|decir|decirle|dígale|"
            r"observe|observar|vea|ver|mire|muestre|mostrar|averigüe|averiguar|anote|describa|describir|entender|"
            r"entienda|sepa|saber|sabe|aprenda|aprender|decida|decidir|indique|indica|indicar")
_QUE_INFINITIVE = r"hacer|decir|esperar|pedir|preguntar|llevar|firmar|responder|contestar|traer"

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # "¿Que puedo hacer?", "¿Y quien decide?", "¿Por que no?"; "¿Cuando la escuela dice no, ...?"
    # (a conjunction before its subject) is left alone.
    (re.compile(rf"¿\s*(?:(?:y|e|pero|entonces|o)\s+)?(?:(?:a|de|en|con|para|desde|hasta|hacia|por)\s+)?"
                rf"(?P<w>que|quien|quienes|cual|cuales|cuanto|cuanta|cuantos|cuantas|adonde"
                rf"|(?:cuando|donde|como)(?!\s+(?:{_SUBJECTS})(?!{_W})))(?!{_W})", re.IGNORECASE),
     _("an interrogative word at the start of a question carries an accent")),
    # a heading or sentence "Que hacer si...", "Como pedir una evaluación"
    (re.compile(rf"^\s*(?P<w>que|quien|cual|cuando|cuanto|donde|como)\s+{_INFINITIVE}(?!{_W})", re.IGNORECASE),
     _("'{correct} + infinitive' asks a question (what to do, how to ask) and carries an accent")),
    # "no sabe como pedirla", "pregunte donde ir"; "que" only before the infinitives of
    # "what to do" ("sabe que pedir una IEE es gratis" is a statement).
    (re.compile(rf"(?<!{_W})(?:{_ASKING})\s+(?:(?P<w>quien|cual|cuando|cuanto|donde|como)\s+{_INFINITIVE}"
                rf"|(?P<w2>que)\s+(?:{_QUE_INFINITIVE})(?=\s*[.,;:!?]|\s+(?:si|cuando|en|con|antes|después|durante)"
                rf"(?!{_W})))(?!{_W})", re.IGNORECASE),
     _("after '{before}', '{correct} + infinitive' is an indirect question and carries an accent")),
    # "pregunte que significa", "pregúntele por que": after "preguntar" only a question
    # can follow (the noun "pregunta" is left out: "la pregunta que hizo").
    (re.compile(rf"(?<!{_W})(?:{_PREGUNTAR})\s+(?:por\s+)?(?P<w>que|quien|quienes|cual|cuales|cuando|cuanto|cuantos|"
                rf"cuanta|cuantas|donde|como)(?!{_W})(?!\s+si(?!{_W}))", re.IGNORECASE),
     _("after '{before}', '{correct}' asks an indirect question and carries an accent")),
    # "explique como funciona", "observe donde se sienta": "como/donde" after a verb of
    # telling or seeing, before a verb or a pronoun ("trabaja como maestro" is left alone)
    (re.compile(rf"(?<!{_W})(?:{_TELLING})\s+(?P<w>como|donde)\s+(?:se|le|les|lo|la|{_W}+(?:a|e|an|en|ía|ían))"
                rf"(?!{_W})", re.IGNORECASE),
     _("after '{before}', '{correct}' asks an indirect question and carries an accent")),
    # "averiguar cuantas personas", "sepa cuantos días": a plural noun after
    # "cuántos/cuántas" and a verb of knowing or telling asks how many ("diga cuantas
    # quiera", as many as you want, has a verb after it, left alone)
    (re.compile(rf"(?<!{_W})(?:{_ASKING}|{_TELLING})\s+(?P<w>cuantos|cuantas)\s+{_W}+s(?!{_W})", re.IGNORECASE),
     _("after '{before}', '{correct}' asks an indirect question and carries an accent")),
    # "la perdida auditiva", "una perdida de servicios": the noun "pérdida"
    (re.compile(rf"(?<!{_W})(?:la|las|una|unas|su|sus|esta|esa)\s+(?P<w>perdida|perdidas)\s+(?:auditiva|auditivas|"
                rf"de\s+(?:la\s+)?(?:audición|visión|memoria|peso|servicios|beneficios|derechos|elegibilidad))"
                rf"(?!{_W})", re.IGNORECASE),
     _("after '{before}' only the noun '{correct}' can stand; '{written}' is a verb form")),
    # "guía sobre que hacer"
    (re.compile(rf"(?<!{_W})sobre\s+(?P<w>que|como|donde|cuando)\s+{_INFINITIVE}(?!{_W})", re.IGNORECASE),
     _("'sobre {correct} + infinitive' is an indirect question and carries an accent")),
    # "por si mismo" -> "por sí mismo"
    (re.compile(rf"(?<!{_W})(?:de|por|en|para|a|entre)\s+(?P<w>si)\s+(?:mismo|misma|mismos|mismas)(?!{_W})",
                re.IGNORECASE),
     _("'sí mismo' (oneself) carries an accent")),
    # "Si, puede pedirla." (yes) at the start of an answer
    (re.compile(rf"(?:^\s*|[.!?]\s+)(?P<w>Si)\s*,\s+(?:{_ANSWER})(?!{_W})"),
     _("'sí' (yes) carries an accent; 'si' means 'if'")),
    # "diga que si." "decir que si o que no"
    (re.compile(rf"(?<!{_W})(?:que|dice|diga|dijo|decir)\s+(?P<w>si)(?=\s*[.;!?]|\s+o\s+que\s+no)", re.IGNORECASE),
     _("'sí' (yes) carries an accent; 'si' means 'if'")),
    # "para el.", "con el," (the pronoun before a pause)
    (re.compile(rf"(?<!{_W})(?:de|para|con|por|sin|entre|hacia|contra|según|sobre|ante)\s+"
                rf"(?P<w>el)(?=\s*[.,;:!?])", re.IGNORECASE),
     _("'él' (he, him) carries an accent; 'el' (the) needs a noun after it")),
    # "habla con el cada semana", "hable con el también"
    (re.compile(rf"(?<!{_W})(?:de|para|con|por|sin|entre|hacia|contra|según|sobre|ante)\s+"
                rf"(?P<w>el)\s+(?:también|tampoco|ahora|hoy|siempre|nunca|cada|ya|mismo\s*[.,;:])(?!{_W})",
                re.IGNORECASE),
     _("'él' (he, him) carries an accent; 'el' (the) needs a noun after it")),
    # "mas de", "mas información" (more), not the literary "mas" (but) after a comma
    (re.compile(rf"(?<![,;])(?<![,;]\s)(?<!{_W})(?P<w>mas)(?!{_W})", re.IGNORECASE),
     _("'más' (more) carries an accent")),
    # "esta de acuerdo", "esta en la lista", "esta bien" (the verb)
    (re.compile(rf"(?<!{_W})(?P<w>esta|estas)\s+(?:de\s+acuerdo|bien|mal|aquí|allí|ahí|listo|listos|"
                rf"seguro|seguros|dispuesto|obligado|en(?!\s+(?:particular|especial|concreto)(?!{_W}))|"
                rf"{_W}+(?:ando|iendo|yendo|ado|ido))(?!{_W})", re.IGNORECASE),
     _("'está' (is) carries an accent; 'esta' (this) needs a noun after it")),
    # "usted esta", "la escuela no esta" before a pause
    (re.compile(rf"(?<!{_W})(?:usted|no|ya|todavía|aún|también)\s+(?P<w>esta)(?=\s*[.,;:!?])", re.IGNORECASE),
     _("'está' (is) carries an accent; 'esta' (this) needs a noun after it")),
    # "que le de una copia" (the verb dar)
    (re.compile(rf"(?<!{_W})(?:le|les|me|nos|te|se\s+lo|se\s+la|se\s+los|se\s+las)\s+(?P<w>de)\s+"
                rf"(?!(?:acuerdo|nuevo|inmediato|vez|pronto|todos|todas|parte)(?!{_W}))", re.IGNORECASE),
     _("'dé' (the verb dar: 'que le dé') carries an accent; 'de' means 'of'")),
    # "no se si", "yo se que" (the verb saber)
    (re.compile(rf"(?<!{_W})(?:(?:yo|no|ya)\s+(?P<w>se)\s+(?:si|qué|cómo|dónde|cuándo|cuánto)|yo\s+(?P<w2>se)\s+que)"
                rf"(?!{_W})",
                re.IGNORECASE),
     _("'sé' (I know) carries an accent; 'se' is a pronoun")),
    # "aun no", "aun es" (still): "aún"; "aun así" (even so) stays without accent
    (re.compile(rf"(?<!{_W})(?P<w>aun)\s+(?:no|está|están|tiene|tienen|hay|falta|faltan)(?!{_W})"
                rf"|(?<!{_W})(?:más|menos|todavía)\s+(?P<w2>aun)(?=\s*[.,;:!?])", re.IGNORECASE),
     _("'aún' (still, yet) carries an accent; 'aun' (even) does not")),
    # "tu puedes" (the pronoun before a verb of tú)
    (re.compile(rf"(?:^\s*|[.,;:¿¡]\s*|(?<!{_W})(?:y|que|si|pero|como)\s+)(?P<w>tu)\s+"
                rf"(?:puedes|tienes|eres|estás|quieres|debes|sabes|necesitas|mismo|misma|decides|pides)(?!{_W})",
                re.IGNORECASE),
     _("'tú' (you) carries an accent; 'tu' (your) needs a noun after it")),
    # "el publico", "un limite", "su diagnostico" (never "lo/la/los/las": those are also
    # pronouns before a verb, "los publica")
    (re.compile(rf"(?<!{_W})(?:{_DETERMINERS})\s+(?P<w>{'|'.join(_NOUNS)})(?!{_W})", re.IGNORECASE),
     _("after '{before}' only the noun '{correct}' can stand; '{written}' is a verb form")),
    # "educación publica", "a expensas publicas"
    # ("la escuela publica el calendario" is the verb: an object follows)
    (re.compile(rf"(?<!{_W})(?:{_PUBLIC_NOUNS})\s+(?P<w>publica|publicas)(?!{_W})"
                rf"(?!\s+(?:el|la|los|las|un|una|unos|unas|su|sus|sobre)(?!{_W}))", re.IGNORECASE),
     _("the adjective is '{correct}'; '{written}' is a verb form")),
]


def _first_words(alternation: str) -> frozenset[str]:
    """The first word of each alternative of a pattern's word list ("tener\\s+idea\\s+de" -> "tener")."""
    return frozenset(re.split(r"\\s", item, maxsplit=1)[0].lower() for item in alternation.split("|"))


_ASKED = frozenset({"que", "quien", "quienes", "cual", "cuales", "cuando", "cuanto", "cuanta", "cuantos", "cuantas",
                    "donde", "adonde", "como"})
_PREPOSITIONS = frozenset({"de", "para", "con", "por", "sin", "entre", "hacia", "contra", "según", "sobre", "ante"})
# Why: twenty patterns scanned over every line cost most of a megabyte's check. Each
# pattern can match only where all of its word sets meet the line's words (its
# target word, and the verb or preposition before it), so a line is scanned only by
# the patterns it could match; the result is the same. One entry per pattern of
# ``_PATTERNS``, in order ("¿" stands for the question mark).
_NEEDS: list[tuple[frozenset[str], ...]] = [
    (frozenset({"¿"}),),
    (_ASKED,),
    (_first_words(_ASKING), _ASKED),
    (_first_words(_PREGUNTAR), _ASKED),
    (_first_words(_TELLING), frozenset({"como", "donde"})),
    (_first_words(_ASKING) | _first_words(_TELLING), frozenset({"cuantos", "cuantas"})),
    (frozenset({"perdida", "perdidas"}),),
    (frozenset({"sobre"}), _ASKED),
    (frozenset({"si"}), frozenset({"mismo", "misma", "mismos", "mismas"})),
    (frozenset({"si"}),),
    (frozenset({"si"}),),
    (frozenset({"el"}), _PREPOSITIONS),
    (frozenset({"el"}), _PREPOSITIONS),
    (frozenset({"mas"}),),
    (frozenset({"esta", "estas"}),),
    (frozenset({"esta"}),),
    (frozenset({"de"}), frozenset({"le", "les", "me", "nos", "te", "se"})),
    (frozenset({"se"}),),
    (frozenset({"aun"}),),
    (frozenset({"tu"}),),
    (frozenset(_NOUNS), _first_words(_DETERMINERS)),
    (frozenset({"publica", "publicas"}),),
]
_HEADING_NEEDS: list[tuple[frozenset[str], ...]] = [(_ASKED,)]
_TOKEN_RE = re.compile(rf"{_W}+")


def _correct(word: str) -> str:
    lower = word.lower()
    table = {**_INTERROGATIVES, "si": "sí", "el": "él", "mas": "más", "esta": "está", "estas": "estás",
             "de": "dé", "se": "sé", "aun": "aún", "tu": "tú", "publica": "pública", "publicas": "públicas"}
    found = table.get(lower) or _NOUNS.get(lower) or lower
    return _cased(word, found)


_HEADING_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # a heading "Que debe hacer la escuela", "Como funciona", "Por que es importante":
    # a heading opens with a conjunction only before its subject ("Cuando la escuela
    # dice que no"), left alone
    (re.compile(rf"^\s*(?:por\s+)?(?P<w>que|quien|cual|cuando|cuanto|donde|como)\s+(?!(?:{_SUBJECTS}|si|no|se|le|"
                rf"les|lo|los|me|nos)(?!{_W})){_W}+", re.IGNORECASE),
     _("a heading that asks (what, how, when) opens with an accented '{correct}'")),
]


# A subject that cannot be "yo" before a verb written like the present of "yo"
# ("la escuela uso", "usted presento", "el distrito le oculto"): the past tense
# "usó", "presentó", "ocultó" is meant. Only feminine subjects and pronouns take the
# word directly (a masculine one may take an adjective: "el equipo completo"); a
# masculine one needs "no" or a pronoun between, where no adjective can stand.
_FEMININE_SUBJECTS = (r"usted|él|ella|la\s+(?:escuela|agencia|directora|maestra|jueza|evaluadora|oficina|junta|"
                      r"corte|familia|madre|terapeuta|psicóloga|consejera|defensora|mediadora)|su\s+(?:escuela|hija)")
_MASCULINE_SUBJECTS = (r"el\s+(?:distrito|equipo|director|maestro|juez|estado|evaluador|padre|tribunal|"
                       r"terapeuta|psicólogo|consejero|defensor|mediador|oficial)|su\s+(?:hijo|estado|distrito)")
_PRONOUNS = r"(?:le|les|lo|la|los|las|se|me|nos)\s+"
_PRETERITE_RE = re.compile(
    rf"(?<!{_W})(?P<subject>(?P<fem>{_FEMININE_SUBJECTS})|{_MASCULINE_SUBJECTS})\s+"
    rf"(?P<between>(?:no\s+)?(?:{_PRONOUNS}){{0,2}})(?P<w>{_W}{{2,}}o)(?!{_W})", re.IGNORECASE)
# A preposition before the subject makes it an object ("a usted le presento a la
# maestra": I introduce), so the verb may be "yo"'s.
_PREPOSITION_BEFORE = re.compile(
    rf"(?<!{_W})(?:a|al|de|del|en|con|para|por|sin|desde|hasta|entre|hacia|sobre|ante|según|contra)\s*$",
    re.IGNORECASE)
# Words after a feminine subject that are not verbs: "la escuela modelo", "el programa
# piloto", "la escuela junto con el distrito", "la escuela solo dijo", "bajo la ley".
_NOT_VERBS = frozenset({"modelo", "piloto", "junto", "medio", "tipo", "ejemplo", "solo", "bajo", "salvo", "excepto"})
_PRETERITE_REASON = _("after the subject '{before}', the verb is the past tense '{correct}'; "
                      "'{written}' is the present of 'yo'")


def _preterite_hits(text: str, known: Callable[[str], bool]) -> list[AccentHit]:
    """Verbs in the past tense written without their accent after a subject that
    cannot be "yo" (see ``_PRETERITE_RE``), where the accented form is a word."""
    out = []
    for match in _PRETERITE_RE.finditer(text):
        if match.group("fem") is None and not match.group("between"):
            continue
        if _PREPOSITION_BEFORE.search(text, 0, match.start()):
            continue
        written = match.group("w")
        if written.lower() in _NOT_VERBS:
            continue
        correct = written[:-1] + ("Ó" if written[-1] == "O" else "ó")
        if not known(correct.lower()):
            continue
        subject = " ".join(match.group("subject").split())
        out.append(AccentHit(match.start("w"), written, correct, _PRETERITE_REASON,
                             {"correct": correct, "written": written, "before": subject}))
    return out


def accent_hits(text: str, heading: bool = False, known: Callable[[str], bool] | None = None) -> list[AccentHit]:
    """The context accents missing in one line of Spanish prose (masked), by offset;
    ``heading``: the line is a heading (where "Que debe hacer" is a question);
    ``known``: the Spanish dictionary, for the patterns whose correction must be a
    word (the past tense after a subject); without it they are left out."""
    lowered = text.lower()
    if not _maybe(lowered):
        return []
    hits: dict[int, AccentHit] = {}
    if known is not None:
        for hit in _preterite_hits(text, known):
            hits[hit.start] = hit
    words = set(_TOKEN_RE.findall(lowered))
    if "¿" in text:
        words.add("¿")
    patterns: Iterable[tuple[tuple[re.Pattern[str], str], tuple[frozenset[str], ...]]] = zip(
        _PATTERNS, _NEEDS, strict=True)
    if heading:
        patterns = itertools.chain(patterns, zip(_HEADING_PATTERNS, _HEADING_NEEDS, strict=True))
    for (pattern, reason), needs in patterns:
        if not all(words & need for need in needs):
            continue
        for match in pattern.finditer(text):
            group = "w" if match.groupdict().get("w") is not None else "w2"
            start = match.start(group)
            written = match.group(group)
            before = text[match.start() : start].strip(" ¿¡.,;") or written
            correct = _correct(written)
            params = {"correct": correct, "written": written,
                      "before": before.split()[-1] if before.split() else before}
            hits.setdefault(start, AccentHit(start, written, correct, reason, params))
    return [hits[key] for key in sorted(hits)]


_CUES = ("que", "quien", "cual", "cuan", "donde", "como", "si", "el", "mas", "esta", "de", "se", "aun", "tu",
         "publi", "usted", "la ", "su ", "¿", "¡", *(_NOUNS.keys()))


def _maybe(lowered: str) -> bool:
    """A cheap test before the patterns (almost every line has "de", so this mostly
    saves the work on short lines of names and labels)."""
    return any(cue in lowered for cue in _CUES)
