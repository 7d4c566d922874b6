"""ST rules: the shape of a guide's body, and its review date."""

from contentlint.rules.structure.st001_missing_steps import MissingSteps
from contentlint.rules.structure.st002_missing_questions import MissingQuestions
from contentlint.rules.structure.st010_review_overdue import ReviewOverdue
from contentlint.rules.structure.st020_stale_generated_page import StaleGeneratedPage

RULES = (MissingSteps, MissingQuestions, ReviewOverdue, StaleGeneratedPage)
