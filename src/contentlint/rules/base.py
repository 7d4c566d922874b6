"""The rule base classes: identity, options, scope and finding helpers.

A rule is a class with a stable code (``SC005``), a kebab-case name that reads as
"allow <name>", a default severity, a scope (one file, one EN/ES pair, or the whole
library), an options model, and a ``check`` method that yields findings. Its class
docstring is its user documentation (``contentlint explain CODE``), with the
sections "What it does", "Why is this bad?", "Example" and "Options".
The engine, not the rule, applies configured severities and suppressions.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel, ConfigDict

from contentlint.findings import Finding, Fix, Location, Severity

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.content.library import Library, Pair
    from contentlint.context import RunContext

_CODE_RE = re.compile(r"[A-Z]{2}[0-9]{3}")
_NAME_RE = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")


class Scope(enum.Enum):
    """What one call of ``check`` looks at."""

    FILE = "file"
    PAIR = "pair"
    LIBRARY = "library"


class NoOptions(BaseModel):
    """Options of a rule that has none (any key is a config error).

    Strict: ``true`` is not a number and ``"5"`` is not an int; NaN and infinity
    are refused (they would compare false with every score)."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        allow_inf_nan=False,
        frozen=True,
        populate_by_name=True,
        alias_generator=lambda field: field.replace("_", "-"),
        defer_build=True,
    )


class Rule:
    """Base of every rule; see the module docstring."""

    code: ClassVar[str]
    name: ClassVar[str]
    scope: ClassVar[Scope] = Scope.FILE
    default_severity: ClassVar[Severity] = Severity.ERROR
    enabled_by_default: ClassVar[bool] = True
    groups: ClassVar[tuple[str, ...]] = ()  # set from the family folder (see __init_subclass__)
    extra_groups: ClassVar[tuple[str, ...]] = ()
    Options: ClassVar[type[BaseModel]] = NoOptions
    # A rule that reports another outcome of another rule's work reads that
    # rule's options table (LK102 and LK103 read LK101's network settings;
    # RD006 reads RD005's baseline): the code of that rule.
    options_of: ClassVar[str | None] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "code" not in cls.__dict__:
            return  # an intermediate base class
        if not _CODE_RE.fullmatch(cls.code) or not _NAME_RE.fullmatch(cls.name):
            raise TypeError(f"bad rule identity on {cls.__name__}: {cls.code!r} {cls.name!r}")
        if not (cls.__doc__ or "").strip():
            raise TypeError(f"rule {cls.code} has no documentation")
        # Every rule belongs to the group of its family folder (rules/<family>/);
        # ``extra_groups`` adds the cross-cutting ones (online, accessibility ...).
        family = cls.__module__.split(".")[2] if cls.__module__.startswith("contentlint.rules.") else "other"
        cls.groups = (family, *(g for g in cls.extra_groups if g != family))

    def __init__(self, options: BaseModel | None = None) -> None:
        self.options: Any = options if options is not None else self.Options()

    @classmethod
    def summary(cls) -> str:
        """The first paragraph of the docstring, on one line (it may be wrapped in the source)."""
        lines = []
        for line in cls.documentation().splitlines():
            if not line.strip():
                break
            lines.append(line.strip())
        return " ".join(lines)

    @classmethod
    def documentation(cls) -> str:
        """The whole docstring, dedented."""
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")

    def check(self, target: Any, ctx: RunContext) -> Iterator[Finding]:
        """Yield findings for one file, pair or library (per ``scope``); ``ctx`` holds
        the library and the run's shared analyses (:mod:`contentlint.context`)."""
        raise NotImplementedError

    def finding(
        self,
        doc: Document | str,
        line: int,
        column: int,
        message: str,
        hint: str,
        *,
        related: tuple[Location, ...] = (),
        detail: str = "",
        context: dict[str, Any] | None = None,
        end: tuple[int, int] | None = None,
        fix: Fix | None = None,
    ) -> Finding:
        """Build a finding of this rule at ``doc``:line:column."""
        path = doc if isinstance(doc, str) else doc.display
        location = Location(
            path, line, column, end[0] if end else None, end[1] if end else None
        )
        return Finding(
            self.code,
            self.name,
            self.default_severity,
            message,
            location,
            hint,
            related,
            context or {},
            detail,
            fix,
        )


class FileRule(Rule):
    """A rule that looks at one document at a time."""

    scope = Scope.FILE

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        raise NotImplementedError


class PairRule(Rule):
    """A rule that compares an English guide with its Spanish translation."""

    scope = Scope.PAIR

    def check(self, target: Pair, ctx: RunContext) -> Iterator[Finding]:
        raise NotImplementedError


class LibraryRule(Rule):
    """A rule that needs the whole library at once."""

    scope = Scope.LIBRARY

    def check(self, target: Library, ctx: RunContext) -> Iterator[Finding]:
        raise NotImplementedError


class LoadProblemRule(FileRule):
    """Reports the problems of its code found while loading or validating a file."""

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Turn this rule's load and schema problems into findings."""
        for problem in (*target.problems, *target.schema_problems):
            if problem.code == self.code:
                yield self.finding(target, problem.line, problem.column, problem.message, problem.hint)
