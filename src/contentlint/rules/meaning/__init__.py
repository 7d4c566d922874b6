"""MP rules: meaning parity inside aligned sentences.

Negation (MP001), modality (MP002), time relations and conditions (MP003), the
parties named (MP004), quantity and frequency (MP005). The analysis lives in
:mod:`contentlint.meaning` and is computed once per pair by the run context
(``ctx.meaning(pair)``).
"""

from contentlint.rules.meaning.mp001_negation_mismatch import NegationMismatch
from contentlint.rules.meaning.mp002_modality_mismatch import ModalityMismatch
from contentlint.rules.meaning.mp003_time_relation_mismatch import TimeRelationMismatch
from contentlint.rules.meaning.mp004_party_mismatch import PartyMismatch
from contentlint.rules.meaning.mp005_quantity_mismatch import QuantityMismatch

RULES = (NegationMismatch, ModalityMismatch, TimeRelationMismatch, PartyMismatch, QuantityMismatch)
