"""Safe YAML loading with a line and column for every key and value.

ruamel.yaml composes the node tree (libyaml's C parser when available); this
module builds plain Python data from the nodes itself, so that:

- no tag is ever constructed into an object (``!!python/object`` is a finding);
- anchors and aliases are refused, which also defuses alias bombs;
- duplicate keys are findings at the second key, not exceptions;
- dates stay strings, so pydantic reports impossible dates (2026-02-30) at the
  value instead of the YAML library crashing on them;
- integers of more than MAX_INT_DIGITS digits are findings (Python refuses int()
  of more than 4,300 digits);
- YAML 1.1 booleans (``no``, ``yes``, ``on``) are kept as text but reported,
  because site generators that read YAML 1.1 turn them into booleans.
"""

from __future__ import annotations

import hashlib
import marshal
import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from contentlint.content.read import LoadProblem
from contentlint.i18n import msg

Loc = tuple[str | int, ...]

# Libyaml recurses in C: a few thousand nested brackets crash the process
# (measured: segfault at 100,000). Suspiciously deep input goes to the
# pure-Python parser, whose recursion limit raises RecursionError instead.
C_PARSER_MAX_DEPTH = 64
MAX_NESTING = 32
# The pure parser's scanner re-checks every open flow level on each token
# (quadratic): 1,000 nested brackets took 0.2 s and 10,000 took 3 s before
# RecursionError stopped them. No content file nests anything near this deep,
# even counting brackets inside quoted text, so deeper text is refused unread.
PURE_PARSER_MAX_DEPTH = 256
# Integers longer than this are refused (Python refuses int() of more than 4,300
# digits, and no content value needs more than a few).
MAX_INT_DIGITS = 100

_YAML11_BOOLEANS = frozenset(
    ["y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"]
)
_INT_RE = re.compile(r"[-+]?(0|[1-9][0-9_]*)$")
_FLOAT_RE = re.compile(r"[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$")
_STR_TAG = "tag:yaml.org,2002:str"
_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)


@dataclass(slots=True)
class YamlData:
    """Loaded data with positions (1-based line and column in the file)."""

    data: Any = None
    key_positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    value_positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    yaml11_booleans: dict[Loc, str] = field(default_factory=dict)
    problems: list[LoadProblem] = field(default_factory=list)

    def position(self, loc: Loc) -> tuple[int, int]:
        """Where to point for ``loc``: its key, else the nearest parent that exists."""
        probe = tuple(loc)
        while probe:
            if probe in self.key_positions:
                return self.key_positions[probe]
            if probe in self.value_positions:
                return self.value_positions[probe]
            probe = probe[:-1]
        return self.value_positions.get((), (1, 1))


_LEADING_RE = re.compile(r"^[ ?:-]*", re.MULTILINE)


def _structure_depth_estimate(text: str) -> int:
    leading = max(map(len, _LEADING_RE.findall(text)), default=0)
    brackets = text.count("[") + text.count("{")
    if brackets + leading <= C_PARSER_MAX_DEPTH:
        return brackets + leading  # cannot be deeper than this: no need to walk the text
    depth = deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    leading = max((len(line) - len(line.lstrip(" -?:")) for line in text.split("\n")), default=0)
    return deepest + leading


class YamlStore(Protocol):
    """Where parsed YAML is remembered between runs (:class:`contentlint.cache.db.CacheDB`)."""

    salt: str

    def get(self, table: str, key: str) -> bytes | str | None:
        """A stored value, or None."""

    def put(self, table: str, key: str, value: bytes | str) -> None:
        """Remember a value."""


def load_yaml(text: str, line_offset: int = 0, store: YamlStore | None = None) -> YamlData:
    """Load one YAML document; ``line_offset`` is the file line before ``text``.

    With a ``store``, a text loaded before (same text, same offset, same
    contentlint and parser) is not parsed again. Only clean results are
    stored: a text with problems is always parsed, so its findings are fresh.
    """
    if store is None:
        return _load_yaml(text, line_offset)
    key = hashlib.blake2b(f"{store.salt}\x1f{line_offset}\x1f{text}".encode("utf-8", "surrogateescape"),
                          digest_size=20).hexdigest()
    stored = store.get("yaml", key)
    if isinstance(stored, bytes):
        try:
            data, keys, values, booleans = marshal.loads(stored)
            if _stored_ok(data, keys, values, booleans):
                return YamlData(data, keys, values, booleans)
        except (ValueError, EOFError, TypeError, RecursionError):
            pass  # a damaged row: parse again
    result = _load_yaml(text, line_offset)
    if not result.problems:
        try:
            packed = marshal.dumps((result.data, result.key_positions, result.value_positions, result.yaml11_booleans))
        except ValueError:
            return result
        store.put("yaml", key, packed)
    return result


def _plain(value: Any, depth: int = 0) -> bool:
    """Whether a stored value is what the loader makes: mappings, lists and scalars."""
    if depth > C_PARSER_MAX_DEPTH + 8:
        return False
    if isinstance(value, dict):
        return all(_plain(k, depth + 1) and _plain(v, depth + 1) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(v, depth + 1) for v in value)
    return value is None or isinstance(value, (str, int, float, bool))


def _stored_ok(data: Any, keys: Any, values: Any, booleans: Any) -> bool:
    """A cache row decodes to positions by path and plain data, or it is a miss."""
    def positions(table: Any) -> bool:
        return isinstance(table, dict) and all(
            isinstance(k, tuple) and isinstance(v, tuple) and len(v) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) for n in v)
            for k, v in table.items()
        )
    return (
        positions(keys) and positions(values) and isinstance(booleans, dict)
        and all(isinstance(k, tuple) and isinstance(v, str) for k, v in booleans.items()) and _plain(data)
    )


# libyaml's nodes do not keep their anchor, so a text that may hold one (``&name``
# after a space, a bracket, a comma or at a line start; "Q&A" does not) goes to the
# pure-Python composer, which keeps it: an anchor is refused even when no alias uses it.
_ANCHOR_RE = re.compile(r"(?:^|[\s\[{,])&[^\s,\[\]{}]")


def _load_yaml(text: str, line_offset: int) -> YamlData:
    result = YamlData()
    depth = _structure_depth_estimate(text)
    if depth > PURE_PARSER_MAX_DEPTH:
        result.problems.append(_too_deep(1 + line_offset, 1))
        return result
    pure = depth > C_PARSER_MAX_DEPTH or _ANCHOR_RE.search(text) is not None
    try:
        node = _compose(text, pure)
    except RecursionError:
        result.problems.append(_too_deep(1 + line_offset, 1))
        return result
    except Exception as exc:  # every YAML error class, reader and composer included
        result.problems.append(_syntax_problem(exc, text, line_offset))
        return result
    if node is None:
        result.data = None
        return result
    builder = _Builder(result, line_offset)
    result.data = builder.build(node, (), 0)
    builder.report_anchors()
    return result


def _compose(text: str, pure: bool) -> Any:
    """The node tree of ``text``: libyaml through a reused loader, or the pure parser."""
    if pure or "%YAML" in text:
        from ruamel.yaml import YAML

        # A %YAML directive changes how scalars resolve, so the memo is not used.
        return YAML(typ="safe", pure=pure).compose(text)
    loader = _node_loader_class()(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


_LOADER_CLASS: Any = None
_RESOLVED: dict[tuple[Any, str, Any], Any] = {}
_RESOLVED_MAX = 50_000
_RESOLVER_TABLE: dict[Any, Any] = {}
_MEMO_MAX_CHARS = 64


def _node_loader_class() -> Any:
    """libyaml's parser with ruamel's YAML 1.2 resolver, as ``YAML(typ="safe").compose`` uses.

    ``YAML.compose`` builds a new loader class (and scans for plug-ins) on every
    call, and resolving a scalar's tag walks a chain of properties; over a
    library of front matters that was most of the YAML time. This loader is
    built once, and tags of short scalars ("en", "how-to", keys, dates) are
    memoized: resolution depends only on the scalar and its style.
    """
    global _LOADER_CLASS
    if _LOADER_CLASS is None:
        from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]  # ruamel's C parser, re-exported there
        from ruamel.yaml.nodes import ScalarNode
        from ruamel.yaml.resolver import VersionedResolver

        class NodeLoader(CParser, VersionedResolver):  # type: ignore[misc]
            def __init__(self, stream: str) -> None:
                CParser.__init__(self, stream)
                self._parser = self._composer = self
                VersionedResolver.__init__(self, version=None, loadumper=self)
                # The implicit-resolver table only depends on the YAML version (1.2
                # here: documents with a %YAML directive never come this way), so
                # every loader shares the one the first built.
                self._version_implicit_resolver = _RESOLVER_TABLE

            def resolve(self, kind: Any, value: str, implicit: Any) -> Any:
                key = (kind, value, implicit)
                found = _RESOLVED.get(key)
                if found is None:
                    found = VersionedResolver.resolve(self, kind, value, implicit)
                    if kind is not ScalarNode or len(value) <= _MEMO_MAX_CHARS:
                        if len(_RESOLVED) >= _RESOLVED_MAX:
                            _RESOLVED.clear()
                        _RESOLVED[key] = found
                return found

        _LOADER_CLASS = NodeLoader
    return _LOADER_CLASS


class _Builder:
    def __init__(self, result: YamlData, line_offset: int) -> None:
        self.result = result
        self.line_offset = line_offset
        self.seen: set[int] = set()
        self.anchored: dict[int, tuple[Any, Loc]] = {}  # reported at the end unless an alias is

    def where(self, node: Any) -> tuple[int, int]:
        mark = node.start_mark
        return mark.line + 1 + self.line_offset, mark.column + 1

    def problem(self, code: str, node: Any, message: str, hint: str, loc: Loc) -> None:
        line, column = self.where(node)
        self.result.problems.append(LoadProblem(code, message, line, column, hint, loc))

    def build(self, node: Any, loc: Loc, depth: int) -> Any:
        self.result.value_positions.setdefault(loc, self.where(node))
        if id(node) in self.seen:
            self.anchored.pop(id(node), None)  # the alias is the finding
            self.problem(
                "SC011",
                node,
                msg("YAML aliases (*name) are not allowed in content"),
                msg("Write the value out in full; anchors and aliases are refused for safety."),
                loc,
            )
            return None
        self.seen.add(id(node))
        if getattr(node, "anchor", None):
            self.anchored[id(node)] = (node, loc)
        tag = str(node.tag)  # a property building a string: read it once
        if tag not in _PLAIN_TAGS:
            return self._refuse_tag(node, loc)
        if depth > MAX_NESTING:
            self.problem("SC011", node, msg("YAML is nested too deeply"), msg("Flatten the data."), loc)
            return None
        kind = node.id
        if kind == "mapping":
            return self._mapping(node, loc, depth)
        if kind == "sequence":
            return [self.build(item, (*loc, i), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node, tag, loc)

    def report_anchors(self) -> None:
        """An anchor that no alias uses is refused too (the alias is reported instead)."""
        for node, loc in self.anchored.values():
            self.problem(
                "SC011",
                node,
                msg("YAML anchors (&{anchor}) are not allowed in content", anchor=node.anchor),
                msg("Remove the anchor and write values out in full."),
                loc,
            )
        self.anchored.clear()

    def _refuse_tag(self, node: Any, loc: Loc) -> None:
        self.problem(
            "SC011",
            node,
            msg("YAML tag {tag!r} is not allowed in content", tag=node.tag),
            msg("Remove the tag; content files hold plain text, numbers, lists and mappings."),
            loc,
        )
        return None

    def _mapping(self, node: Any, loc: Loc, depth: int) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.id != "scalar":
                self.problem("SC003", key_node, msg("mapping keys must be plain text"), msg("Use a plain key."), loc)
                continue
            key = key_node.value
            child = (*loc, key)
            if key in out:
                first = self.result.key_positions.get(child, (0, 0))
                self.problem(
                    "SC004",
                    key_node,
                    msg("duplicate key {key!r} (first defined at line {line})", key=key, line=first[0]),
                    msg("Keep one of the two entries; YAML would silently keep only the last."),
                    child,
                )
                continue
            self.result.key_positions[child] = self.where(key_node)
            out[key] = self.build(value_node, child, depth + 1)
        return out

    def _scalar(self, node: Any, tag: str, loc: Loc) -> Any:
        value: str = node.value
        if node.style:  # quoted or block scalar: always text
            return value
        if tag == "tag:yaml.org,2002:null":
            return None
        if tag == "tag:yaml.org,2002:bool":
            return value.lower() == "true"
        if tag == "tag:yaml.org,2002:int" and _INT_RE.match(value):
            digits = value.replace("_", "")
            if len(digits.lstrip("+-")) > MAX_INT_DIGITS:
                self.problem(
                    "SC011",
                    node,
                    msg("YAML number with {count:,} digits is too long to read safely", count=len(digits)),
                    msg("Write a shorter number, or quote it if it is text."),
                    loc,
                )
                return None
            return int(digits)
        if tag == "tag:yaml.org,2002:float" and _FLOAT_RE.match(value):
            return float(value.replace("_", ""))
        if tag == _STR_TAG and value in _YAML11_BOOLEANS:
            self.result.yaml11_booleans[loc] = value
        return value


def _syntax_problem(exc: Exception, text: str, line_offset: int) -> LoadProblem:
    mark = getattr(exc, "problem_mark", None)
    if mark is not None:
        line, column = mark.line + 1, mark.column + 1
    elif isinstance(getattr(exc, "position", None), int):
        position = exc.position  # type: ignore[attr-defined]
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
    else:
        line, column = 1, 1
    problem = getattr(exc, "problem", None) or getattr(exc, "reason", None) or str(exc)
    context = getattr(exc, "context", None)
    context_mark = getattr(exc, "context_mark", None)
    if context and context_mark is not None:
        message = msg(
            "YAML syntax error: {problem} ({context} that started at line {line}, column {column})",
            problem=problem, context=context, line=context_mark.line + 1 + line_offset,
            column=context_mark.column + 1,
        )
    elif context:
        message = msg("YAML syntax error: {problem} ({context})", problem=problem, context=context)
    else:
        message = msg("YAML syntax error: {problem}", problem=problem)
    return LoadProblem(
        "SC003",
        message,
        line + line_offset,
        column,
        hint=msg("Fix the YAML at this position; quote text that contains ': ' or starts with a special character."),
    )


def _too_deep(line: int, column: int) -> LoadProblem:
    return LoadProblem(
        "SC011",
        msg("YAML is nested too deeply to read safely"),
        line,
        column,
        hint=msg("Content front matter needs only a few levels; flatten the data."),
    )
