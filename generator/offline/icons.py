"""App icons from the brand's logo: 192 and 512 px, a maskable 512 px one (the logo inside the
safe zone, on the brand's colour) and a 180 px Apple touch icon. An SVG logo is drawn with
CairoSVG, a bitmap one scaled with Pillow; a brand with no logo gets its initial on its colour.
The bytes are the same on every build."""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image

ICON_SIZES = (192, 512)
MASKABLE_SIZE = 512
APPLE_SIZE = 180
# A maskable icon may be cut to a circle of 80% of its width (the "safe zone"): the logo's square
# at 56% of the width has its corners on a circle of 79%, so nothing of it is ever cut.
MASKABLE_LOGO_SHARE = 0.56
# The plain icons: the logo with a small margin.
ICON_LOGO_SHARE = 0.9


def initial_svg(initial: str, colour: str) -> bytes:
    """For a brand with no logo: its initial, white on its colour."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
        f'<rect width="100" height="100" rx="18" fill="{colour}"/>'
        '<text x="50" y="70" font-family="DejaVu Sans" font-size="60" font-weight="bold" '
        f'fill="#ffffff" text-anchor="middle">{escape(initial)}</text></svg>'
    ).encode()


def _logo_image(logo: Path | bytes, size: int) -> Image.Image:
    """The logo scaled to fit a `size` square (its shape kept); `bytes` are an SVG document."""
    if isinstance(logo, bytes) or logo.suffix.lower() == ".svg":
        import cairosvg

        source = {"bytestring": logo} if isinstance(logo, bytes) else {"url": str(logo)}
        # Drawn at twice the size, then scaled down: smooth edges, and a logo that is not square
        # keeps its shape.
        image = Image.open(io.BytesIO(cairosvg.svg2png(**source, output_width=2 * size))).convert("RGBA")
    else:
        image = Image.open(logo).convert("RGBA")
    image.thumbnail((size, size), Image.Resampling.LANCZOS)
    return image


def _rgba(colour: str) -> tuple[int, int, int, int]:
    return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16), 255)


def _icon(logo: Path | bytes, size: int, share: float, background: str | None) -> bytes:
    """A `size` PNG: the logo at `share` of the width, centred on a colour (or transparent)."""
    image = _logo_image(logo, round(size * share))
    canvas = Image.new("RGBA", (size, size), (0, 0, 0, 0) if background is None else _rgba(background))
    canvas.paste(image, ((size - image.width) // 2, (size - image.height) // 2), image)
    out = io.BytesIO()
    canvas.save(out, format="PNG", optimize=True)
    return out.getvalue()


def icon_files(logo: Path | None, background: str, initial: str) -> dict[str, bytes]:
    """Icon file name → PNG bytes. `background` fills the maskable and Apple icons (both are
    shown on a solid tile); `initial` stands in for a missing logo."""
    source: Path | bytes = logo if logo is not None else initial_svg(initial, background)
    files = {f"icon-{size}.png": _icon(source, size, ICON_LOGO_SHARE, None) for size in ICON_SIZES}
    files[f"icon-maskable-{MASKABLE_SIZE}.png"] = _icon(source, MASKABLE_SIZE, MASKABLE_LOGO_SHARE, background)
    files["apple-touch-icon.png"] = _icon(source, APPLE_SIZE, ICON_LOGO_SHARE, background)
    return files
