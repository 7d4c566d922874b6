"""The address guard: unit tests on ranges, and end-to-end proof that blocked
addresses are never connected to (a canary listener counts connections)."""

from __future__ import annotations

import socket
from dataclasses import replace as with_

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contentlint.links.guard import AddressGuard, BlockedAddressError, GuardedResolver, classify_ip
from contentlint.links.http.engine import check_urls


@pytest.mark.parametrize(
    ("address", "category"),
    [
        # IPv4
        ("8.8.8.8", None),
        ("93.184.215.14", None),
        ("127.0.0.1", "loopback"),
        ("127.255.255.254", "loopback"),
        ("10.0.0.1", "private"),
        ("172.16.5.4", "private"),
        ("172.31.255.255", "private"),
        ("172.32.0.1", None),
        ("192.168.1.1", "private"),
        ("100.64.0.1", "private"),
        ("169.254.1.1", "link-local"),
        ("169.254.169.254", "metadata"),
        ("169.254.170.2", "metadata"),
        ("100.100.100.200", "metadata"),
        ("224.0.0.1", "multicast"),
        ("239.255.255.250", "multicast"),
        ("240.0.0.1", "reserved"),
        ("255.255.255.255", "reserved"),
        ("0.0.0.0", "unspecified"),
        ("0.1.2.3", "unspecified"),
        ("192.0.2.10", "reserved"),
        ("198.51.100.7", "reserved"),
        ("203.0.113.9", "reserved"),
        ("198.18.0.1", "reserved"),
        # IPv6
        ("2606:4700:4700::1111", None),
        ("2001:4860:4860::8888", None),
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local"),
        ("fe80::1%eth0", "link-local"),
        ("fc00::1", "private"),
        ("fd12:3456::1", "private"),
        ("fd00:ec2::254", "metadata"),
        ("ff02::1", "multicast"),
        ("2001:db8::1", "reserved"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:10.1.2.3", "private"),
        ("::ffff:169.254.169.254", "metadata"),
        ("::ffff:8.8.8.8", None),
        ("2002:0a00:0001::1", "private"),  # 6to4 of 10.0.0.1
        ("2002:7f00:0001::1", "loopback"),  # 6to4 of 127.0.0.1
        ("64:ff9b::a9fe:a9fe", "metadata"),  # NAT64 of 169.254.169.254
        ("64:ff9b::c0a8:0101", "private"),  # NAT64 of 192.168.1.1
        ("[::1]", "loopback"),
    ],
)
def test_classify_ip(address, category):
    assert classify_ip(address) == category


def test_allow_flags():
    strict = AddressGuard.create()
    loop_ok = AddressGuard.create(allow_loopback=True)
    private_ok = AddressGuard.create(allow_private=True)
    assert strict.category_blocked("loopback") and not loop_ok.category_blocked("loopback")
    assert strict.category_blocked("private") and not private_ok.category_blocked("private")
    assert not private_ok.category_blocked("link-local")
    assert private_ok.category_blocked("loopback")
    everything = AddressGuard.create(allow_loopback=True, allow_private=True)
    for never in ("metadata", "multicast", "reserved", "unspecified"):
        assert everything.category_blocked(never)
    assert not strict.category_blocked(None)


def test_check_address_and_allow_hosts():
    guard = AddressGuard.create(allow_hosts=["127.0.0.1:8080", "intranet.test:443"])
    guard.check_address("127.0.0.1", "127.0.0.1", 8080)
    guard.check_address("intranet.test", "10.1.1.1", 443)
    with pytest.raises(BlockedAddressError) as info:
        guard.check_address("127.0.0.1", "127.0.0.1", 8081)
    assert info.value.category == "loopback"
    with pytest.raises(BlockedAddressError, match=r"resolves to 10\.1\.1\.1"):
        guard.check_address("intranet.test", "10.1.1.1", 80)
    with pytest.raises(BlockedAddressError, match="cloud-metadata"):
        AddressGuard.create(allow_private=True).check_address("x", "169.254.169.254", 80)
    with pytest.raises(ValueError):
        AddressGuard.create(allow_hosts=["nohostport"])


def test_resolver_refuses_a_name_if_any_address_is_refused():
    guard = AddressGuard.create(allow_loopback=True)
    resolver = GuardedResolver(guard)
    good = (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", 80))
    bad = (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.9.9.9", 80))
    assert [r["host"] for r in resolver.check_infos("a.test", 80, [good, good])] == ["127.0.0.1"]
    with pytest.raises(BlockedAddressError):
        resolver.check_infos("a.test", 80, [good, bad])


@given(st.ip_addresses(network="10.0.0.0/8") | st.ip_addresses(network="192.168.0.0/16"))
def test_any_private_v4_is_private(ip):
    assert classify_ip(ip) == "private"
    assert classify_ip(f"::ffff:{ip}") == "private"


@given(st.ip_addresses(network="127.0.0.0/8"))
def test_any_loopback_v4_is_loopback(ip):
    assert classify_ip(ip) == "loopback"


@given(st.ip_addresses(v=6, network="fc00::/7") | st.ip_addresses(v=6, network="fe80::/10"))
def test_any_ula_or_link_local_v6_is_blocked_by_default(ip):
    assert AddressGuard.create().category_blocked(classify_ip(ip))


@given(st.ip_addresses(v=4))
def test_classification_agrees_with_is_global(ip):
    # Whatever is let through is globally routable.
    if classify_ip(ip) is None:
        assert ip.is_global


# ---------------------------------------------------------------------------
# End to end: the engine never connects to a blocked address
# ---------------------------------------------------------------------------
def test_canary_detects_connections_when_allowed(canary, fast):
    """Positive control: with loopback allowed, the canary does see the connection."""
    check_urls([f"http://127.0.0.1:{canary.port}/"], with_(fast, max_retries=0))
    assert canary.accepted >= 1


@pytest.mark.parametrize("host", ["127.0.0.1", "[::1]", "[::ffff:127.0.0.1]", "localhost"])
def test_loopback_url_blocked_without_connecting(canary, fast, host):
    url = f"http://{host}:{canary.port}/"
    result = check_urls([url], with_(fast, allow_loopback=False))[url]
    assert result.outcome == "error" and result.reason == "blocked-address"
    assert "loopback" in result.message
    assert "allow_loopback" in result.hint
    assert canary.accepted == 0


def test_redirect_to_loopback_blocked_after_the_redirect(server, canary, fast, unique):
    """First hop allowed by allow_hosts (the test server only); the redirect target is not."""
    settings = with_(fast, allow_loopback=False, allow_hosts=frozenset({f"127.0.0.1:{server.port}"}))
    target = f"http://127.0.0.1:{canary.port}/internal"
    path = "/redirect/302"
    url = server.url(f"{path}?to={target}&k={unique('r')}")
    before = server.stats.count("*", path)
    result = check_urls([url], settings)[url]
    assert result.outcome == "error" and result.reason == "blocked-address"
    assert result.final_url == target
    assert "After 1 redirect" in result.message
    assert server.stats.count("*", path) - before == 1  # the first hop was really fetched
    assert canary.accepted == 0


def test_redirect_to_a_name_resolving_to_loopback_is_blocked(server, canary, fast, no_real_dns):
    no_real_dns["internal.test"] = ["127.0.0.1"]
    settings = with_(fast, allow_loopback=False, allow_hosts=frozenset({f"127.0.0.1:{server.port}"}))
    url = server.url(f"/redirect/301?to=http://internal.test:{canary.port}/admin")
    result = check_urls([url], settings)[url]
    assert result.reason == "blocked-address"
    assert "internal.test resolves to 127.0.0.1" in result.message
    assert canary.accepted == 0


@pytest.mark.parametrize(
    ("target", "allow_private", "word"),
    [
        ("http://10.0.0.1/", False, "private"),
        ("http://192.168.0.1:8080/router", False, "private"),
        ("http://169.254.169.254/latest/meta-data/", True, "metadata"),
        ("http://[fd00:ec2::254]/latest/", True, "metadata"),
        ("http://[fe80::1]/", False, "link-local"),
    ],
)
def test_redirect_to_internal_literals_is_blocked_before_connecting(server, fast, target, allow_private, word):
    # Literal addresses are refused before any socket exists; nothing is sent there.
    url = server.url(f"/redirect/302?to={target}")
    result = check_urls([url], with_(fast, allow_private=allow_private, max_retries=0))[url]
    assert result.outcome == "error" and result.reason == "blocked-address"
    assert word in result.message
    assert result.final_url == target


def test_mixed_dns_answer_is_blocked_whole(canary, fast, no_real_dns):
    # One allowed address and one private one: the name is refused, nothing connects.
    no_real_dns["mixed.test"] = ["127.0.0.1", "10.20.30.40"]
    url = f"http://mixed.test:{canary.port}/"
    result = check_urls([url], fast)[url]
    assert result.reason == "blocked-address"
    assert "10.20.30.40" in result.message
    assert canary.accepted == 0
