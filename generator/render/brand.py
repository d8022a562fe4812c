"""The publisher's brand as site files: logo, favicon, palette CSS, and what templates show."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from .. import colours, urls
from ..model import Guide
from .cards import contact_fields
from .marks import unmark_tree
from .nav import not_in_nav


@dataclass
class BrandAssets:
    files: dict[str, str | bytes] = field(default_factory=dict)
    logo_path: str = ""
    favicon_path: str = ""
    css_path: str = urls.brand_asset("brand.css")


def palette_css(guide: Guide) -> str:
    """Material reads its colours from CSS variables; set them from the brand (light and dark)."""
    primary, accent = guide.brand.primary, guide.brand.accent
    return (
        ':root, [data-md-color-scheme="default"] {\n'
        f"  --md-primary-fg-color: {primary};\n"
        f"  --md-primary-fg-color--light: {primary};\n"
        f"  --md-primary-fg-color--dark: {primary};\n"
        "  --md-primary-bg-color: #ffffff;\n"
        f"  --md-accent-fg-color: {accent};\n"
        f"  --md-typeset-a-color: {primary};\n"
        f"  --guide-primary: {primary};\n"
        f"  --guide-accent: {accent};\n"
        "}\n"
        '[data-md-color-scheme="slate"] {\n'
        f"  --md-primary-fg-color: {primary};\n"
        f"  --md-primary-fg-color--light: {primary};\n"
        f"  --md-primary-fg-color--dark: {primary};\n"
        f"  --md-accent-fg-color: {colours.dark_mode_link(accent)};\n"
        f"  --md-typeset-a-color: {colours.dark_mode_link(primary)};\n"
        "}\n"
    )


def _asset(brand_dir: Path, relative: str) -> tuple[str, bytes]:
    path = (brand_dir / relative).resolve()
    return urls.brand_asset(path.name), path.read_bytes()


def assets(guide: Guide) -> BrandAssets:
    """Files to add to the site for this brand; paths were checked when the brand was loaded."""
    out = BrandAssets()
    out.files[out.css_path] = palette_css(guide)
    assert guide.brand_dir is not None, "a loaded guide knows its brand folder"
    brand_dir = guide.brand_dir
    for attr_name in ("logo", "favicon"):
        relative = getattr(guide.brand, attr_name)
        if relative:
            site_path, content = _asset(brand_dir, relative)
            out.files[site_path] = content
            setattr(out, f"{attr_name}_path", site_path)
    for item_id, picture in guide.brand.overlay.figures.items():
        out.files[urls.picture(item_id, picture.image)] = (brand_dir / picture.image).read_bytes()
    return out


def contact_href(field: str, value: str) -> str | None:
    """A link for a contact detail, by its field (its label is in the page's language); values
    were validated (URL, e-mail and phone patterns)."""
    if field == "email":
        return f"mailto:{value}"
    if field == "phone":
        return "tel:" + "".join(ch for ch in value if ch.isdigit() or ch == "+")
    if field in ("website", "booking"):
        return value
    return None


def template_context(guide: Guide, worker: str | None = None) -> dict[str, Any]:
    """What overrides/ templates show on every page (footer, disclaimer, a translation's notices)."""
    translation = guide.edition.translation
    return {
        "name": guide.brand.name,
        "disclaimer": guide.disclaimer(),
        "red_flag_advice": guide.red_flag_advice(),
        "contact": [
            {"label": label, "value": value, "href": contact_href(name, value)}
            for name, label, value in contact_fields(guide)
        ],
        # Paths from the site root (templates put Material's base_url before them).
        "prescribe": urls.page("prescribe").url,
        "manifest": urls.MANIFEST,
        "apple_icon": f"{urls.APP_ICONS}/apple-touch-icon.png",
        "theme_color": guide.brand.primary,
        "locale": guide.edition.locale,  # dates, numbers and plurals in the browser (shared/page.js locale())
        # The names phones keep the log, settings and keys under, and a saved log's format
        # (shared/page.js storage()): from data/site.yml, never changed.
        "storage": guide.site.storage.model_dump(),
        "worker": worker,  # the service worker's address: only deployable builds (`guide site`) have one
        "words": {
            **guide.ui.offline.model_dump(),
            "prescribe": guide.ui.footer.prescribe,
            "note": guide.ui.common.note,
            "disclaimer": guide.ui.common.disclaimer,
            "untranslated": guide.ui.language.untranslated,
            "not_found": guide.ui.common.not_found,
            "not_found_text": guide.ui.common.not_found_text,
            "home": guide.ui.nav.home,
        },
        # Said on every page of a translation no clinician has checked yet.
        "not_reviewed": guide.ui.language.not_reviewed if translation and translation.review is None else None,
    }


def alternates(guide: Guide) -> list[dict[str, str]]:
    """Every language the copy publishes, for Material's language menu: its address from this
    build's root (the default language at the site's root, others under /<code>/)."""
    here = guide.edition.prefix.count("/")
    up = "../" * here
    return [{"name": p.name, "lang": p.code, "link": f"{up}{p.prefix}" or "./"} for p in guide.edition.languages]


def config_overrides(
    guide: Guide, brand_assets: BrandAssets, nav: list[Any], worker: str | None = None
) -> dict[str, Any]:
    """The MkDocs settings that come from the data and brand: the hook applies them in memory,
    the export (`guide write`, `guide site`) writes them into a standalone copy of mkdocs.yml."""
    theme: dict[str, Any] = {"language": guide.edition.code, "palette": palette(guide)}
    multi = len(guide.edition.languages) > 1
    if brand_assets.logo_path:
        theme["logo"] = brand_assets.logo_path
    if brand_assets.favicon_path:
        theme["favicon"] = brand_assets.favicon_path
    overrides = {
        "site_name": guide.brand.name,
        # Material puts the description into a <meta> attribute without escaping it.
        "site_description": html.escape(guide.site.tagline, quote=True),
        # This language's own address: its canonical links and its sitemap name its own pages.
        "site_url": guide.site_url,
        "theme": theme,
        "nav": nav,
        "not_in_nav": not_in_nav(),
        "extra": {"guide": template_context(guide, worker), **({"alternate": alternates(guide)} if multi else {})},
        "search": {"lang": search_language(guide.edition.code)},
        "extra_css_add": [brand_assets.css_path],
    }
    # A translation's words not translated yet are marked; settings show them plainly.
    return cast(dict[str, Any], unmark_tree(overrides))


def palette(guide: Guide) -> list[dict[str, Any]]:
    """Material's light and dark schemes, in the brand's colours (`palette_css`), each with the
    toggle to the other, labelled in the page's language."""
    words = guide.ui.common
    return [
        {
            "media": "(prefers-color-scheme: light)",
            "scheme": "default",
            "primary": "custom",
            "accent": "custom",
            "toggle": {"icon": "material/weather-night", "name": words.dark_mode},
        },
        {
            "media": "(prefers-color-scheme: dark)",
            "scheme": "slate",
            "primary": "custom",
            "accent": "custom",
            "toggle": {"icon": "material/weather-sunny", "name": words.light_mode},
        },
    ]


def search_language(code: str) -> str:
    """The search index's language (its stemmer): the language's own code without a region."""
    return code.split("-", maxsplit=1)[0]
