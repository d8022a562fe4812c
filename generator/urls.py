"""Page addresses: the one module that spells where each page lives.

Printed cards carry QR codes, so these addresses are a promise that outlives a release (see
PRODUCT.md, "Stable URLs"). Every page, card, template, script payload and QR code asks this
module; nothing else writes `keys/…` or `routines/…`.

A page has two spellings: its source in the docs tree (`keys/weight.md`, which MkDocs checks
and rewrites when a Markdown link points at it) and its address in the built site
(`keys/weight/`, with directory URLs). Links inside raw HTML are not rewritten by MkDocs, so they
use the address, relative to the page they are on: the site then works under any path."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

# Pages of which a guide has many, by kind: the folder they live in. A protocol's own page lives
# in a folder named after the protocol's id, at the site's root.
SECTIONS = {"key": "keys", "exercise": "exercises", "recovery": "recovery", "routine": "routines", "protocol": ""}
# Pages of which a guide has one: their source in the docs tree.
SINGLE = {
    "home": "index.md",
    "cards": "cards/index.md",
    "flowchart": "flowchart/index.md",
    "pain-rule": "pain-rule.md",
    "clinician": "see-a-clinician.md",
    "about": "about.md",
    "progress": "progress.md",
    "prescribe": "prescribe.md",
    "my-plan": "my-plan.md",
    "return-to-running": "return-to-running.md",
    "offline": "offline.md",
    "scope": "scope-and-deviations.md",
    "hazards": "hazard-log.md",
}
MANIFEST = "manifest.webmanifest"
APP_ICONS = "assets/app"
CARDS_PDF = "cards/routine-cards.pdf"
# What the log's small widgets (check-in, "I did this today") share, in one file fetched when needed.
LOG_WIDGETS = "assets/log-widgets.json"
# Each routine's player data (its steps, pace, pain rule and words), fetched when Start is pressed.
PLAYER_DATA = "assets/player"
BRAND_ASSETS = "assets/brand"
SCRIPTS = "assets/javascripts"
STYLES = "assets/stylesheets"


@dataclass(frozen=True)
class Page:
    """One page of the guide: a kind (`key`, `exercise`, `home`, …) and, for many-of kinds, an id."""

    kind: str
    id: str | None = None

    def __post_init__(self) -> None:
        if (self.kind in SECTIONS) != (self.id is not None) or (self.kind not in SECTIONS and self.kind not in SINGLE):
            raise ValueError(f"no such page: {self.kind} {self.id or ''}".strip())

    @property
    def source(self) -> str:
        """The page's Markdown source in the docs tree, e.g. `keys/weight.md`."""
        if self.kind == "protocol":
            return f"{self.id}/index.md"
        if self.id is not None:
            return f"{SECTIONS[self.kind]}/{self.id}.md"
        return SINGLE[self.kind]

    @property
    def url(self) -> str:
        """The page's address relative to the site root, e.g. `keys/weight/` (home: ``)."""
        source = self.source
        if source == "index.md":
            return ""
        if source.endswith("/index.md"):
            return source.removesuffix("index.md")
        return source.removesuffix(".md") + "/"


def page(kind: str, item_id: str | None = None) -> Page:
    return Page(kind, item_id)


def item_page(item_id: str, is_exercise: bool) -> Page:
    """The page of a routine item: an exercise or stretch, or a recovery tool."""
    return Page("exercise" if is_exercise else "recovery", item_id)


def _relative(target: str, start_dir: str) -> str:
    rel = posixpath.relpath(target or ".", start_dir or ".")
    return "" if rel == "." else rel


def md_link(from_page: Page, to: Page) -> str:
    """A Markdown link from one page's source to another's (MkDocs checks and rewrites it)."""
    return _relative(to.source, posixpath.dirname(from_page.source))


def href(from_page: Page, to: Page | str) -> str:
    """A link in raw HTML from one page to another page (or to a file by its site path)."""
    target = to.url if isinstance(to, Page) else to
    rel = _relative(target, from_page.url.rstrip("/"))
    if isinstance(to, Page) or target.endswith("/"):  # a directory address keeps its slash
        return rel + "/" if rel else "./"
    return rel


def root(from_page: Page) -> str:
    """The way from a page to the site root, e.g. `../../` from an exercise page."""
    depth = from_page.url.count("/")
    return "../" * depth


def player_data(routine_id: str) -> str:
    """Where the player's data of one routine is published; its addresses are relative to the
    routine's page, the only page that reads it."""
    return f"{PLAYER_DATA}/{routine_id}.json"


def protocol_cards_pdf(protocol_id: str) -> str:
    """The PDF of one protocol's cards, beside the PDF of all of them."""
    return f"cards/{protocol_id}.pdf"


# Folders and pages at the site's root that a protocol's own page must not take (its id is its folder).
RESERVED = frozenset(
    {folder for folder in SECTIONS.values() if folder}
    | {source.split("/")[0].removesuffix(".md") for source in SINGLE.values()}
    | {"assets", "search", "es", "en"}
)


def absolute(site_url: str | None, to: Page) -> str | None:
    """A page's full address, for QR codes; None when the site's address is not known."""
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + to.url


def picture(item_id: str, image: str) -> str:
    """Where a clinic's own picture of an item is published in the site."""
    suffix = posixpath.splitext(image)[1].lower()
    return f"{BRAND_ASSETS}/figures/{item_id}{suffix}"


def script(file_name: str) -> str:
    """Where one of our scripts (overrides/assets/javascripts/) is published in the site."""
    return f"{SCRIPTS}/{file_name}"


def style(file_name: str) -> str:
    """Where one of our style sheets (overrides/assets/stylesheets/) is published in the site."""
    return f"{STYLES}/{file_name}"


def brand_asset(file_name: str) -> str:
    """Where a brand file (logo, favicon, palette) is published in the site."""
    return f"{BRAND_ASSETS}/{file_name}"
