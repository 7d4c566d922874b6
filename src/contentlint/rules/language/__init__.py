"""LQ rules: language quality in both languages (spelling, accents, plain words,
respectful disability language, consistent translations)."""

from contentlint.rules.language.lq001_misspelled_word import MisspelledWord
from contentlint.rules.language.lq002_missing_accent import MissingAccent
from contentlint.rules.language.lq003_english_in_spanish import EnglishInSpanish
from contentlint.rules.language.lq010_plain_word import PlainWord
from contentlint.rules.language.lq011_passive_voice import PassiveVoice
from contentlint.rules.language.lq020_respectful_language import RespectfulLanguage

RULES = (MisspelledWord, MissingAccent, EnglishInSpanish, PlainWord, PassiveVoice, RespectfulLanguage)
