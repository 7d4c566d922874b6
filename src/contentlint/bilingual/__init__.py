"""bilingual."""
