"""Deterministic hostile projects for the fuzzing campaign.

``make_case(seed, index)`` builds one project from a real bundled pair (the
meeting checklist, its sync mark and the three data files) with one kind of
input damaged: front matter, Markdown body, a data file, the sync mark, the
configuration, or the file names and file types. The same (seed, index)
always gives the same case, so any failure replays from two numbers.

Stdlib only, so the campaign's workers start fast and the CI replay needs
nothing beyond the test extras.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
EN_NAME = "meeting-survival-kit.md"
ES_NAME = "kit-de-supervivencia-para-reuniones.md"
SYNC_NAME = "meeting-survival-kit.yaml"
DATA_NAMES = ("glossary.yaml", "acronyms.yaml", "timelines.yaml")

KINDS = ("front-matter", "markdown", "data", "sync-mark", "config", "file-names")
# Front matter and Markdown are what writers touch most: they get most cases.
KIND_WEIGHTS = (25, 25, 15, 15, 10, 10)


@dataclass
class Case:
    """One generated project: files to write, special files, commands to run."""

    seed: int
    index: int
    kind: str
    files: dict[str, bytes]
    # (relative path, what it is): "symlink-outside", "symlink-zero", "fifo", "symlink-loop",
    # "dangling", "dir-as-file", "symlink-dir-outside"
    specials: list[tuple[str, str]] = field(default_factory=list)
    cached: bool = False
    command: str = "check"
    description: str = ""


def _seed_files() -> dict[str, bytes]:
    files = {
        f"content/en/{EN_NAME}": (CONTENT / "en" / EN_NAME).read_bytes(),
        f"content/es/{ES_NAME}": (CONTENT / "es" / ES_NAME).read_bytes(),
        f"content/sync/{SYNC_NAME}": (CONTENT / "sync" / SYNC_NAME).read_bytes(),
    }
    for name in DATA_NAMES:
        files[f"content/data/{name}"] = _first_items((CONTENT / "data" / name).read_bytes(), DATA_ITEMS)
    files["pyproject.toml"] = b'[tool.contentlint]\ncontent = "content"\n'
    return files


# The glossary and the acronym list cut to their first entries: every code path
# that reads them still runs, at a third of the YAML per case.
DATA_ITEMS = 25


def _first_items(data: bytes, keep: int) -> bytes:
    """The file up to its ``keep``-th top-level list item (two-space indented ``- ``)."""
    starts = [i for i in range(len(data)) if data.startswith(b"\n  - ", i)]
    return data[: starts[keep] + 1] if len(starts) > keep else data


_SEED: dict[str, bytes] | None = None


def seed_files() -> dict[str, bytes]:
    """The undamaged project (read once per process)."""
    global _SEED
    if _SEED is None:
        _SEED = _seed_files()
    return dict(_SEED)


# -- hostile pieces -----------------------------------------------------------------------------

YAML_VALUES = [
    "", "~", "null", "no", "yes", "on", "off", "Y", "NO", "true", "0x1F", "0o777", "1e309", ".nan", "-.inf",
    "9" * 5000, "-" + "9" * 400, "2026-02-30", "2026-13-01", "0000-00-00", "9999-12-31T25:61:61Z",
    "!!python/object/apply:os.system ['id']", "!!binary aGk=", "!custom x", "&a [*a, *a]", "*undefined",
    "[" * 200 + "]" * 200, "{" * 50, "'", '"', "'unterminated", "|", ">-", "- a\n- b", "{a: 1, a: 2}",
    "../../../etc/passwd", "/etc/passwd", "..", "a/b", "C:\\x", "\\\\server\\share", "a\x00b", "\u202eevil",
    "\u200b", "\ufeff", "ñandú", "\U0001f600", "\x1b]8;;http://x\x07y\x1b]8;;\x07", "\x1b[2J", "a\rb", "a\u2028b",
    "https://169.254.169.254/latest/", "http://[::1]:80/", "mailto:", "tel:", "javascript:alert(1)",
    "<script>alert(1)</script>", "{{7*7}}", "%s%n", "{0.__class__}", "${HOME}", "$(id)", "`id`",
]
FRONT_KEYS = [
    "id", "lang", "type", "title", "description", "slug", "updated", "last_reviewed", "related", "language_switch",
    "awaiting_translation", "steps", "cards", "unknown_key", "Id", "id ", "lang\u200b", "<<",
]
MARKDOWN_PIECES = [
    "# H", "## Q?", "### Deep", "###### six", "####### seven", "1. step", "1) step", "(1) step", "a) item", "- item",
    "* item", "+ item", "> quote", "```", "~~~", "    code", "<!-- contentlint-disable-line PR030 -- why -->",
    "<!-- contentlint-disable", "<!-- contentlint-enable -->", "<!-- contentlint-disable-next-line ALL -->",
    "[link](prior-written-notice.md#nope)", "[x](../es/a.md)", "[x](../../../../etc/passwd)", "[x](/etc/passwd)",
    "[x](file:///etc/passwd)", "[x](http://[::1]/)", "[x](https://[fe80::1%25eth0]/)", "[x](mailto:a@)",
    "[x](tel:++1)", "[x](<a b>)", "[x][ref]", "[ref]: http://x", "![img](", "![](a.png)", "<img src=x onerror=alert(1)>",
    "| a | b |", "|---|---|", "| 1 | 2 |", "\t", "", "   ", "\u00e9\u00f1", "\x00", "\x1b[31mred\x1b[0m", "\u202e", "\u00ad",
    "60 días", "60 days", "30 calendar days", "15 business days", "$1,500", "(555) 123-4567", "34 CFR 300.999",
    "34 C.F.R. Sec. 300.503", "§ 300.503", "20 U.S.C. § 1415(b)", "86 F. Supp. 2d 168 (W.D.N.Y. 2000)",
    "31 de junio de 2026", "February 30, 2026", "age 3", "3rd grade", "IEP", "FAPE", "LRE", "PWN",
    "Individualized Education Program (IEP)", "audiencia de debido proceso", "due process hearing",
    "9" * 5000, "1" * 300 + " days", "---", "***", "<div>", "</div>", "<br>", "&nbsp;", "&#0;", "&#x110000;",
    "*emphasis*", "**strong**", "`code`", "``", "\\", "https://example.org/" + "a" * 3000,
]
BYTE_PIECES = [b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\xc3", b"\xed\xa0\x80", b"\r", b"\r\n", b"\x1b", b"\x85", b"\xe2\x80\xa8"]
CONFIG_KEYS = [
    "content", "fail-on", "select", "extend-select", "ignore", "exclude", "per-file-ignores", "max-file-bytes",
    "rules", "ui-lang", "links", "jobs", "unknown", "content ", "FAIL-ON",
]
CONFIG_VALUES = [
    '"content"', '"error"', '"warning"', '"info"', '"fatal"', '["ALL"]', '["PR"]', '["XX999"]', '[]', '"ALL"', "true",
    "false", "0", "-1", "1", "64", "65", "99999999999999999999999999", "nan", "inf", "-inf", "1.5", '"es"', '"fr"',
    '"internal"', '"external"', '"/"', '"/etc"', '"../.."', '"con\\u0000tent"', '"/dev/zero"', "{}", '{a = 1}',
    '{"*.md" = ["PR030"]}', '{"*.md" = ["NOPE1"]}', '{"[" = ["PR030"]}', "[1, 2]", '"\\u202e"', "1979-05-27",
]
RULE_OPTIONS = [
    ("RD001", "max-grade-en"), ("RD001", "min-inflesz-es"), ("RD003", "max-words-es"), ("RD005", "baseline"),
    ("RD002", "max-reports"), ("PR040", "context-words"), ("LK101", "allowed-hosts"), ("PR050", "min-words"),
    ("CL005", "max-file-bytes"), ("NOPE1", "x"), ("RD001", "no-such-option"),
]
NAME_PIECES = [
    "a", "guide", "..", ".", "-", "--help", "-rf", " ", "\n", "\t", "\r", "\x1b[2J", "\u202e", "ñ", "\u00e9",
    "e\u0301", "\U0001f600", "::warning file=x::pwned", "`", "$(id)", "%n", "CON", "a" * 200, "UPPER", ".hidden",
    "x.md.md", "x.MD", "x.yaml", "x.yml", "x.txt",
]


# -- mutations ----------------------------------------------------------------------------------


def _mutate_bytes(rng: random.Random, data: bytes, rounds: int) -> bytes:
    buf = bytearray(data)
    for _ in range(rounds):
        op = rng.randrange(7)
        at = rng.randrange(len(buf) + 1)
        if op == 0 and buf:  # flip a bit
            at = min(at, len(buf) - 1)
            buf[at] ^= 1 << rng.randrange(8)
        elif op == 1:
            buf[at:at] = rng.choice(BYTE_PIECES)
        elif op == 2 and buf:
            end = min(len(buf), at + rng.randrange(1, 200))
            del buf[at:end]
        elif op == 3 and buf:  # duplicate a chunk
            end = min(len(buf), at + rng.randrange(1, 400))
            buf[at:at] = buf[at:end] * rng.randrange(1, 4)
        elif op == 4:
            buf = buf[:at]  # truncate
        elif op == 5:
            buf[at:at] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 16)))
        else:
            buf[at:at] = rng.choice(MARKDOWN_PIECES).encode("utf-8", "surrogatepass")
    return bytes(buf)


def _split_front(text: str) -> tuple[list[str], list[str]]:
    lines = text.split("\n")
    if lines and lines[0] == "---" and "---" in lines[1:]:
        end = lines.index("---", 1)
        return lines[: end + 1], lines[end + 1 :]
    return [], lines


def _mutate_front(rng: random.Random, text: str) -> str:
    head, body = _split_front(text)
    inner = head[1:-1] if head else []
    for _ in range(rng.randrange(1, 5)):
        op = rng.randrange(8)
        at = rng.randrange(len(inner) + 1)
        if op == 0 and inner:
            at = min(at, len(inner) - 1)
            key = inner[at].split(":", 1)[0]
            inner[at] = f"{key}: {rng.choice(YAML_VALUES)}"
        elif op == 1:
            inner.insert(at, f"{rng.choice(FRONT_KEYS)}: {rng.choice(YAML_VALUES)}")
        elif op == 2 and inner:
            del inner[min(at, len(inner) - 1)]
        elif op == 3 and inner:
            inner.insert(at, inner[min(at, len(inner) - 1)])  # duplicate key
        elif op == 4:  # an alias bomb
            depth = rng.randrange(3, 12)
            bomb = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
            bomb += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, depth)]
            inner[at:at] = bomb
        elif op == 5:
            inner.insert(at, "deep: " + "[" * rng.choice([50, 500, 5000, 100_000]))
        elif op == 6:
            inner.insert(at, " " * rng.randrange(1, 6) + rng.choice(FRONT_KEYS) + ":")
        else:
            head = []  # drop or break the fences
            body = (["---"] if rng.random() < 0.5 else []) + inner + body
            inner = []
    front = ["---", *inner, "---"] if head or inner else []
    return "\n".join(front + body)


def _mutate_markdown(rng: random.Random, text: str) -> str:
    head, lines = _split_front(text)
    for _ in range(rng.randrange(1, 10)):
        op = rng.randrange(8)
        at = rng.randrange(len(lines) + 1)
        if op == 0:
            lines.insert(at, rng.choice(MARKDOWN_PIECES))
        elif op == 1 and lines:
            del lines[min(at, len(lines) - 1)]
        elif op == 2 and lines:
            line = lines[min(at, len(lines) - 1)]
            lines[min(at, len(lines) - 1)] = "".join(str((int(c) + 1) % 10) if c.isdigit() else c for c in line)
        elif op == 3 and len(lines) > 1:
            at = min(max(at, 1), len(lines) - 1)
            lines[at], lines[at - 1] = lines[at - 1], lines[at]
        elif op == 4:  # deep nesting
            marker = rng.choice(["> ", "- ", "1. ", "  - ", "<div>"])
            lines.insert(at, marker * rng.choice([10, 100, 1000, 10_000]) + "x")
        elif op == 5 and lines:  # splice a piece inside a line
            row = min(at, len(lines) - 1)
            cut = rng.randrange(len(lines[row]) + 1)
            lines[row] = lines[row][:cut] + rng.choice(MARKDOWN_PIECES) + lines[row][cut:]
        elif op == 6:
            lines.insert(at, " ".join(rng.choice(MARKDOWN_PIECES) for _ in range(rng.randrange(1, 30))))
        else:
            lines.insert(at, rng.choice(MARKDOWN_PIECES) * rng.randrange(1, 400))
    return "\n".join(head + lines)


def _mutate_yaml_lines(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    for _ in range(rng.randrange(1, 6)):
        op = rng.randrange(7)
        at = rng.randrange(len(lines) + 1)
        row = min(at, len(lines) - 1) if lines else 0
        if op == 0 and lines and ":" in lines[row]:
            key, _, _ = lines[row].partition(":")
            lines[row] = f"{key}: {rng.choice(YAML_VALUES)}"
        elif op == 1 and lines:
            del lines[row]
        elif op == 2 and lines:
            lines.insert(at, lines[row])
        elif op == 3 and lines:  # shift indentation
            lines[row] = (" " * rng.randrange(0, 6)) + lines[row].lstrip()
        elif op == 4:
            lines.insert(at, "a0: &a0 [x, x, x, x, x, x, x, x, x]\na1: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0]\nb: *a1")
        elif op == 5:
            lines.insert(at, "x: " + "[" * rng.choice([100, 10_000, 100_000]))
        else:
            lines.insert(at, f"{rng.choice(['- ', '  - ', ''])}{rng.choice(FRONT_KEYS)}: {rng.choice(YAML_VALUES)}")
    return "\n".join(lines)


def _text(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _damage_text(rng: random.Random, data: bytes, mutate) -> bytes:  # type: ignore[no-untyped-def]
    """A structure-aware mutation, sometimes followed by byte damage."""
    out = _bytes(mutate(rng, _text(data)))
    if rng.random() < 0.3:
        out = _mutate_bytes(rng, out, rng.randrange(1, 6))
    return out


def _front_matter_case(rng: random.Random, case: Case) -> None:
    name = rng.choice([f"content/en/{EN_NAME}", f"content/es/{ES_NAME}"])
    case.files[name] = _damage_text(rng, case.files[name], _mutate_front)
    if rng.random() < 0.2:  # both sides at once (id clashes, pairing)
        other = f"content/es/{ES_NAME}" if name.startswith("content/en") else f"content/en/{EN_NAME}"
        case.files[other] = _damage_text(rng, case.files[other], _mutate_front)
    case.description = f"front matter of {name}"


def _markdown_case(rng: random.Random, case: Case) -> None:
    for name in (f"content/en/{EN_NAME}", f"content/es/{ES_NAME}"):
        if rng.random() < 0.6:
            case.files[name] = _damage_text(rng, case.files[name], _mutate_markdown)
    case.description = "Markdown bodies"


def _data_case(rng: random.Random, case: Case) -> None:
    name = f"content/data/{rng.choice(DATA_NAMES)}"
    if rng.random() < 0.15:
        case.files[name] = _mutate_bytes(rng, case.files[name], rng.randrange(1, 30))
    else:
        case.files[name] = _damage_text(rng, case.files[name], _mutate_yaml_lines)
    case.description = f"data file {name}"


def _sync_case(rng: random.Random, case: Case) -> None:
    name = f"content/sync/{SYNC_NAME}"
    roll = rng.random()
    if roll < 0.1:
        case.files[name] = rng.choice([b"", b"\x00" * 64, b"- a\n- b\n", b"version: 2\n", b"[" * 100_000, b"x: *a\n"])
    elif roll < 0.2:
        case.files[name] = _mutate_bytes(rng, case.files[name], rng.randrange(1, 40))
    else:
        case.files[name] = _damage_text(rng, case.files[name], _mutate_yaml_lines)
    if rng.random() < 0.2:
        case.command = "sync"
    case.description = "sync mark"


def _config_case(rng: random.Random, case: Case) -> None:
    lines = ["[tool.contentlint]", 'content = "content"']
    for _ in range(rng.randrange(1, 5)):
        roll = rng.random()
        if roll < 0.6:
            lines.append(f"{rng.choice(CONFIG_KEYS)} = {rng.choice(CONFIG_VALUES)}")
        elif roll < 0.9:
            code, option = rng.choice(RULE_OPTIONS)
            lines.append(f"[tool.contentlint.rules.{code}]\n{option} = {rng.choice(CONFIG_VALUES)}")
        else:
            lines.append(rng.choice(["[tool.contentlint]", "[tool]\ncontentlint = 1", "tool = 'contentlint'", "= x", "[[x]]"]))
    text = _bytes("\n".join(lines) + "\n")
    if rng.random() < 0.2:
        text = _mutate_bytes(rng, text, rng.randrange(1, 5))
    case.files["pyproject.toml"] = text
    if rng.random() < 0.3:
        case.files[".contentlint.toml"] = _bytes("\n".join(line.replace("[tool.contentlint]", "") for line in lines))
    case.description = "configuration"


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(NAME_PIECES) for _ in range(rng.randrange(1, 4))).replace("/", "_")


def _file_names_case(rng: random.Random, case: Case) -> None:
    roll = rng.random()
    folder = rng.choice(["content/en", "content/es", "content/data", "content/sync", "content"])
    if roll < 0.45:  # rename a guide, or add a copy under a hostile name
        source = rng.choice([f"content/en/{EN_NAME}", f"content/es/{ES_NAME}"])
        new = f"{folder}/{_name(rng)}{rng.choice(['.md', '.yaml', '', '.md'])}"
        data = case.files[source] if rng.random() < 0.5 else case.files.pop(source)
        case.files[new] = data
        case.description = f"file name {new!r}"
    else:
        kind = rng.choice(
            ["symlink-outside", "symlink-zero", "fifo", "symlink-loop", "dangling", "dir-as-file", "symlink-dir-outside"]
        )
        target = rng.choice(
            [f"content/en/{EN_NAME}", f"content/es/{ES_NAME}", f"content/sync/{SYNC_NAME}", "content/data/glossary.yaml",
             f"{folder}/{_name(rng)}.md", "content/sync", ".contentlint_cache", "reports"]
        )
        case.files.pop(target, None)
        case.specials.append((target, kind))
        case.description = f"{kind} at {target!r}"
    if rng.random() < 0.15:
        case.command = rng.choice(["sync", "report"])


BUILDERS = {
    "front-matter": _front_matter_case,
    "markdown": _markdown_case,
    "data": _data_case,
    "sync-mark": _sync_case,
    "config": _config_case,
    "file-names": _file_names_case,
}


def make_case(seed: int, index: int) -> Case:
    """The case number ``index`` of the campaign with this seed."""
    rng = random.Random(seed * 1_000_003 + index)
    kind = rng.choices(KINDS, weights=KIND_WEIGHTS)[0]
    case = Case(seed=seed, index=index, kind=kind, files=seed_files())
    BUILDERS[kind](rng, case)
    case.cached = rng.random() < 0.5
    if case.command == "check" and rng.random() < 0.05:
        case.command = "report"
    return case
