"""RD rules: readability of each guide, in English and in Spanish.

Every rule reads the same score from the run context (``ctx.score``), so a
guide's prose is extracted and scored once per run, whichever rules are on.
"""

from contentlint.rules.readability.rd001_reading_level_too_high import (
    ReadingLevelTooHigh,
)
from contentlint.rules.readability.rd002_hard_sentence import HardSentence
from contentlint.rules.readability.rd003_long_sentence import LongSentence
from contentlint.rules.readability.rd004_translation_reads_harder import (
    TranslationReadsHarder,
)
from contentlint.rules.readability.rd005_readability_regression import (
    ReadabilityRegression,
)
from contentlint.rules.readability.rd006_unusable_readability_baseline import (
    UnusableReadabilityBaseline,
)

RULES = (
    ReadingLevelTooHigh,
    HardSentence,
    LongSentence,
    TranslationReadsHarder,
    ReadabilityRegression,
    UnusableReadabilityBaseline,
)
