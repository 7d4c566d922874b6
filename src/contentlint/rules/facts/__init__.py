"""FC rules: facts in the guides agree with the data files."""

from contentlint.rules.facts.fc001_timeline_contradiction import TimelineContradiction

RULES = (TimelineContradiction,)
