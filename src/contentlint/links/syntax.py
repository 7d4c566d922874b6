"""``mailto:`` and ``tel:`` links: syntax checks only (offline, LK007 and LK008)."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote

from contentlint.i18n import msg

# ---------------------------------------------------------------------------
# mailto: and tel: (syntax only)
# ---------------------------------------------------------------------------
_LOCAL_RE = re.compile(r"^[^\s@\"(),:;<>\[\\\]]+$")
_LABEL_RE = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def _valid_domain(domain: str) -> bool:
    if not domain or len(domain) > 253:
        return False
    try:
        ascii_domain = domain.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return False
    labels = ascii_domain.rstrip(".").split(".")
    if len(labels) < 2:
        return False
    if not all(_LABEL_RE.match(label) for label in labels):
        return False
    return not labels[-1].isdigit()


def validate_mailto(url: str) -> tuple[bool, str]:
    """Check a ``mailto:`` URL's syntax (RFC 6068, pragmatically).  Returns (ok, message)."""
    body = url.split(":", 1)[1] if ":" in url else ""
    to_part, _, query = body.partition("?")
    addresses = [unquote(a).strip() for a in to_part.split(",") if a.strip()]
    if query:
        try:
            pairs = parse_qsl(query, keep_blank_values=True, strict_parsing=True)
        except ValueError:
            return False, msg("the part after '?' is not a valid query (use ?subject=...&body=...)")
        for key, value in pairs:
            if key.lower() in ("to", "cc", "bcc"):
                addresses.extend(a.strip() for a in value.split(",") if a.strip())
    if not addresses:
        return False, msg("mailto: link without an address")
    for address in addresses:
        local, sep, domain = address.rpartition("@")
        if not sep or not local or not domain:
            return False, msg("{address!r} is not an e-mail address (name@domain)", address=address)
        bad_dots = local.startswith(".") or local.endswith(".") or ".." in local
        if len(local) > 64 or not _LOCAL_RE.match(local) or bad_dots:
            return False, msg("{address!r} has an invalid part before '@'", address=address)
        if not _valid_domain(domain):
            return False, msg("{address!r} has an invalid domain", address=address)
    return True, msg("e-mail address syntax ok ({addresses})", addresses=", ".join(addresses))


_TEL_PARAMS = {
    "ext": re.compile(r"^[0-9\-.()]+$"),
    "isub": re.compile(r"^[^;]*$"),
    "phone-context": re.compile(r"^[^;]+$"),
}
_TEL_OTHER_PARAM_RE = re.compile(r"^[a-z0-9-]+(=[^;]*)?$", re.I)


def _tel_param_ok(param: str) -> bool:
    name, sep, value = param.partition("=")
    rule = _TEL_PARAMS.get(name.lower())
    if rule is not None:
        return bool(sep) and bool(rule.match(value))
    return bool(_TEL_OTHER_PARAM_RE.match(param))


def validate_tel(url: str) -> tuple[str, str]:
    """Check a ``tel:`` URL (RFC 3966).  Returns (outcome, message), outcome ok/warning/error.

    Short codes (``tel:211``, ``tel:911``) and national numbers are fine; a
    number with spaces works on most phones but is not a valid URL (warning);
    letters (``1-800-FLOWERS``) or too few/many digits are errors.
    """
    body = unquote(url.split(":", 1)[1] if ":" in url else "").strip()
    number, *params = body.split(";")
    for param in params:
        if not _tel_param_ok(param):
            return "error", msg("bad tel: parameter {param!r}", param=param)
    spaced = " " in number
    compact = number.replace(" ", "")
    if not compact:
        return "error", msg("tel: link without a number")
    if re.search(r"[A-Za-z]", compact):
        return "error", msg("{number!r} contains letters; write the digits", number=number)
    if not re.fullmatch(r"\+?[0-9\-.()]+", compact):
        return "error", msg("{number!r} contains characters not allowed in a phone number", number=number)
    digits = re.sub(r"\D", "", compact)
    if not 3 <= len(digits) <= 15:
        return "error", msg("{number!r} has {count} digits (3 to 15 expected)", number=number, count=len(digits))
    if spaced:
        return "warning", msg("{number!r} contains spaces; use hyphens (tel:{compact})", number=number,
                              compact=compact.replace(" ", ""))
    return "ok", msg("phone number syntax ok ({number})", number=number)


