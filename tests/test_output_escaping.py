"""Control characters from file names and quoted text never reach a log or a terminal raw.

A pull request (possibly from a fork) names the files and writes the text. Shown raw,
a newline followed by ``::warning file=x.md::...`` is a GitHub Actions workflow
command, an escape sequence clears the screen, sets the window title or plants an
OSC 8 link, a bidi override reorders what a reviewer reads, and a control character
makes the JUnit XML unparsable.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from clitools import guide_text, run_process, write_project

INJECTED = "x\n::warning file=x.md::pwned\r\x1b]0;title\x07\x1b[2J\x1b]8;;https://evil.example/\x1b\\\u202e\u2028\x85`b``q|"
# What a terminal or the Actions runner would act on.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
FORMATS = ("text", "github", "summary", "junit")


def _project(root: Path) -> Path:
    body = (
        "An intro paragraph.\n\n## Steps \x1b[2J\x1b]0;pwned\x07\n\n"
        "1. See [the missing guide \x1b]8;;https://evil.example/\x1b\\here](missing\x1b[2J.md).\n"
        "2. Do the second thing.\n\n"
        "A [link \x1bc\x9b2J\u202equoted-title\x07 with no target]() in the text.\n"
    )
    text = guide_text(updated="2026-02-30").split("\n\nAn intro paragraph.")[0] + "\n\n" + body
    return write_project(root, {
        f"content/en/{INJECTED}.md": guide_text(updated="2026-02-30"),
        "content/en/quoted.md": text.replace("id: sample-guide", "id: quoted").replace("slug: sample-guide",
                                                                                        "slug: quoted"),
    })


def _check(fmt: str, out: str) -> None:
    lines = out.split("\n")
    assert not [line for line in lines if RAW.search(line.replace("\t", " "))], fmt
    # no line a runner would read as a workflow command, apart from the ones the github format writes
    commands = [line for line in lines if line.startswith("::")]
    if fmt == "github":
        assert all(re.match(r"::(error|warning|notice) ", line) for line in commands)
        assert not any("::warning file=x.md" in line.split("::", 2)[1] for line in commands)
    else:
        assert not commands, fmt
    if fmt == "junit":
        root = ET.fromstring(out)  # valid XML 1.0 whatever the file names
        names = [case.get("name") for case in root.iter("testcase")]
        assert any(name and "pwned" in name for name in names)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("cache", [[], ["--no-cache"]])
def test_control_characters_are_escaped_in_human_formats(cli, tmp_path, fmt, cache):
    root = _project(tmp_path)
    first = cli("check", "--format", fmt, *cache, cwd=root)
    second = cli("check", "--format", fmt, *cache, cwd=root)  # the cached answer prints the same
    assert first.code == second.code == 1
    assert first.out == second.out
    assert "pwned" in first.out
    assert "quoted-title" in first.out  # text quoted from the guide body, shown escaped
    _check(fmt, first.out)


def test_workflow_command_injection_through_a_file_name_in_a_real_run(tmp_path):
    root = _project(tmp_path)
    for fmt in ("text", "github"):
        result = run_process(["check", "--format", fmt], root, timeout=60, GITHUB_ACTIONS="true")
        assert result.code == 1
        _check(fmt, result.out)
        assert "pwned" in result.out  # the file is reported, its name shown escaped


@pytest.mark.parametrize("name", ["a\x00b", "a\x0cb", "a\udcffb", "a\ufffeb", "a\x1bb", "a]]>b&<c"])
def test_junit_is_valid_xml_whatever_the_file_name(cli, tmp_path, name):
    try:
        write_project(tmp_path, {f"content/en/{name}.md": guide_text(updated="2026-02-30")})
    except (ValueError, OSError):
        pytest.skip("the file system refuses this name")
    result = cli("check", "--format", "junit", cwd=tmp_path)
    assert result.code == 1
    ET.fromstring(result.out)


def test_a_backtick_in_a_file_name_keeps_the_summary_code_span(cli, tmp_path):
    write_project(tmp_path, {"content/en/a`b``c.md": guide_text(updated="2026-02-30")})
    result = cli("check", "--format", "summary", cwd=tmp_path)
    rows = [line for line in result.out.splitlines() if "a`b``c.md" in line]
    assert rows and all("```content/en/a`b``c.md:" in row for row in rows)


def test_safe_helpers():
    from contentlint.reporters.safe import code_span, visible, xml_text

    assert visible("a\nb\x1b[2J\u202e\tc") == "a\\x0ab\\x1b[2J\\u202e\tc"
    assert code_span("a`b") == "``a`b``"
    assert code_span("`a") == "`` `a ``"
    assert xml_text("a\x00\udcff\ufffe") == "a\\x00\\udcff\\ufffe"
