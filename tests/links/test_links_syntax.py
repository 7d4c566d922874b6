"""mailto: and tel: links: syntax only, never the network."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contentlint.links.http.engine import check_urls
from contentlint.links.http.results import RunStats, summarize
from contentlint.links.http.settings import ExternalLinkSettings
from contentlint.links.syntax import validate_mailto, validate_tel


@pytest.mark.parametrize(
    "url",
    [
        "mailto:help@example.org",
        "mailto:ayuda@escuela.example.org?subject=IEP%20meeting&body=Hola",
        "mailto:a@example.org,b@example.org",
        "mailto:?to=a@example.org",
        "mailto:jos%C3%A9@example.org",
        "mailto:info@münchen.example",
    ],
)
def test_valid_mailto(url):
    ok, message = validate_mailto(url)
    assert ok, message


@pytest.mark.parametrize(
    "url",
    [
        "mailto:",
        "mailto:help",
        "mailto:help@",
        "mailto:@example.org",
        "mailto:help@example",
        "mailto:help@@example.org",
        "mailto:he lp@example.org",
        "mailto:.help@example.org",
        "mailto:help@exa_mple.org",
        "mailto:help@-example.org",
    ],
)
def test_invalid_mailto(url):
    ok, _message = validate_mailto(url)
    assert not ok


@pytest.mark.parametrize(
    ("url", "outcome"),
    [
        ("tel:+1-800-555-0199", "ok"),
        ("tel:211", "ok"),
        ("tel:911", "ok"),
        ("tel:(555)%20123-4567", "warning"),
        ("tel:+1 800 555 0199", "warning"),
        ("tel:+34.91.123.45.67", "ok"),
        ("tel:7042;phone-context=example.com", "ok"),
        ("tel:+1-800-555-0199;ext=12", "ok"),
        ("tel:", "error"),
        ("tel:1-800-FLOWERS", "error"),
        ("tel:12", "error"),
        ("tel:+1234567890123456", "error"),
        ("tel:+1-800-555-0199;ext=abc", "error"),
        ("tel:555#123", "error"),
    ],
)
def test_tel(url, outcome):
    assert validate_tel(url)[0] == outcome


def test_syntax_checks_send_no_request():
    stats = RunStats()
    results = check_urls(["mailto:help@example.org", "tel:+1-800-555-0199", "mailto:nobody"], ExternalLinkSettings(),
                         stats=stats)
    assert stats.requests == 0
    assert results["mailto:nobody"].outcome == "error" and results["mailto:nobody"].reason == "invalid-mailto"
    assert summarize(results) == "3 links: 2 ok, 0 redirects, 0 warnings, 1 error"


@given(st.text(max_size=80))
def test_validators_never_crash(text):
    ok, message = validate_mailto("mailto:" + text)
    assert isinstance(ok, bool) and message
    outcome, message = validate_tel("tel:" + text)
    assert outcome in ("ok", "warning", "error") and message
