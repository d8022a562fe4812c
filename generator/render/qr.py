"""QR codes for printed cards (segno, inline SVG so cards and PDFs need no extra files)."""

from __future__ import annotations

import io
from functools import lru_cache

import segno


# A card's code is drawn for the page, for the PDF and again for each build in one process
# (a preview rebuild): encoding takes about 10 ms a code.
@lru_cache(maxsize=1024)
def svg(url: str, title: str) -> str:
    """An SVG QR code that opens `url`, scaled by CSS, with a <title> for screen readers."""
    code = segno.make(url, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(
        buffer,
        kind="svg",
        xmldecl=False,
        svgns=True,
        title=title,
        svgclass="qr-code",
        lineclass=None,
        omitsize=True,
        border=2,
        dark="#000",
        light="#fff",
    )
    return buffer.getvalue().decode("utf-8")
