"""Passive voice whose doer the sentence names ("is paid by the school").

Only the passive with its agent is found: there the active sentence is certain to
exist ("the school pays"), so the finding is always actionable. A passive without
an agent may hide who acts, but deciding that needs more than the sentence.
"""

from __future__ import annotations

import re

_W = r"[^\W\d_]"
_EN_IRREGULAR = (
    "made|given|done|written|taken|held|sent|paid|seen|chosen|known|shown|told|kept|set|led|brought|found|heard|"
    "left|met|read|signed|run|put|sought|taught|understood|won|bought|built|caught|drawn|driven|forgotten|hidden|"
    "meant|spent|thought|begun|chosen|spoken|struck|sworn"
)
_EN_TIME = r"time|end|date|deadline|day|days|way|hour|week|month|year|law|mail|phone|hand"
EN_PASSIVE = re.compile(
    rf"(?<!{_W})(?:is|are|was|were|be|been|being)\s+(?:{_W}+ly\s+)?(?P<verb>{_W}+ed|{_EN_IRREGULAR})\s+by\s+"
    rf"(?:the|your|a|an|his|her|their|its|this|that|each|our|my)\s+(?!(?:{_EN_TIME})(?!{_W})){_W}+",
    re.IGNORECASE,
)
_ES_PARTICIPLE = rf"{_W}+(?:ado|ada|ados|adas|ido|ida|idos|idas)|escrito|escrita|hecho|hecha|dicho|dicha|puesto|" \
    "puesta|visto|vista|resuelto|resuelta|cubierto|cubierta|abierto|abierta|devuelto|devuelta"
_ES_TIME = r"tarde|mañana|noche|momento|lo|escrito|ley|correo|teléfono|menos|tanto|ejemplo|ciento|año|día|mes|semana"
ES_PASSIVE = re.compile(
    rf"(?<!{_W})(?:es|son|fue|fueron|será|serán|sea|sean|sido|ser)\s+(?:{_W}+mente\s+)?(?P<verb>{_ES_PARTICIPLE})"
    rf"\s+por\s+(?:el|la|los|las|un|una|su|sus|este|esta|ese|esa|cada)\s+(?!(?:{_ES_TIME})(?!{_W})){_W}+",
    re.IGNORECASE,
)


def passive_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) of each passive with a named doer in one line (masked prose)."""
    pattern = EN_PASSIVE if lang == "en" else ES_PASSIVE
    cue = " by " if lang == "en" else " por "
    if cue not in text.lower():
        return []
    return [(m.start(), m.end()) for m in pattern.finditer(text)]
