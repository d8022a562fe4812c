"""The Content Security Policy of a deployable build, and the headers file that carries it.

Pages may run only the site's own script files, plus the few inline scripts the theme writes
into every page (Material's colour-scheme and scope setup), allowed by their SHA-256 hashes,
which are read from the finished pages: no `unsafe-inline`, no `unsafe-eval`, nothing from
another host. The policy goes into every page as `<meta http-equiv>` (GitHub Pages cannot set
headers) and into `_headers` for hosts that read one (Netlify, Cloudflare Pages), which adds what
only a header can say: `frame-ancestors`, and the other headers below."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

HEADERS_FILE = "_headers"
# An inline script: no src attribute, and not a data block (JSON is never run).
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
_CHARSET = '<meta charset="utf-8">'

# Only what the guide uses: its own files; data: images are the icons inside Material's own
# style sheet; workers are Material's search and the guide's service worker.
DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self' {hashes}"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("media-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("frame-src", "'none'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
# The player keeps the screen awake; nothing else a browser can grant is used.
PERMISSIONS = (
    "screen-wake-lock=(self), camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
    "bluetooth=(), serial=(), hid=(), midi=(), accelerometer=(), gyroscope=(), magnetometer=(), "
    "display-capture=()"
)


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def inline_script_hashes(site: Path) -> list[str]:
    """`'sha256-…'` for each distinct inline script in the built pages, sorted."""
    found: set[str] = set()
    for page in _pages(site):
        for match in _INLINE_SCRIPT.finditer(page.read_text(encoding="utf-8")):
            if "application/json" in match["attrs"]:
                continue
            digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
            found.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return sorted(found)


def policy_text(hashes: list[str]) -> str:
    return "; ".join(f"{name} {value.format(hashes=' '.join(hashes))}".strip() for name, value in DIRECTIVES)


def headers_text(policy: str) -> str:
    return (
        "# Written by the guide's generator after each build; do not edit.\n"
        "/*\n"
        f"  Content-Security-Policy: {policy}; frame-ancestors 'none'\n"
        "  X-Content-Type-Options: nosniff\n"
        "  Referrer-Policy: no-referrer\n"
        f"  Permissions-Policy: {PERMISSIONS}\n"
        "/sw.js\n"
        "  Cache-Control: no-cache\n"
    )


def apply_policy(site: Path) -> str:
    """Put the policy into every page of the built site (first in <head>, before any script) and
    write `_headers`; returns the policy."""
    policy = policy_text(inline_script_hashes(site))
    meta = f'{_CHARSET}\n    <meta http-equiv="Content-Security-Policy" content="{policy}">'
    for page in _pages(site):
        text = page.read_text(encoding="utf-8")
        if _CHARSET not in text:
            raise ValueError(f"{page.relative_to(site)}: no {_CHARSET} to put the security policy after")
        page.write_text(text.replace(_CHARSET, meta, 1), encoding="utf-8")
    (site / HEADERS_FILE).write_text(headers_text(policy), encoding="utf-8")
    return policy
