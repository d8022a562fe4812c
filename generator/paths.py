"""Where things live in a project folder: the one module that knows the repository's layout.

Everything else takes paths as arguments, so the library also works on a copy (the tests' and
the benchmark's temporary projects) and from an installed package run inside a checkout."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class ProjectNotFound(FileNotFoundError):
    """No folder with data/ and mkdocs.yml around the given one."""


@dataclass(frozen=True)
class Project:
    """A guide project: data, hand-written pages, theme overrides, clinics and the MkDocs config."""

    root: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def overrides(self) -> Path:
        return self.root / "overrides"

    @property
    def clinics(self) -> Path:
        return self.root / "clinics"

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def schema_dir(self) -> Path:
        return self.data / "schema"

    @property
    def writing_guide(self) -> Path:
        """The guide for people who write protocols; its field reference is generated."""
        return self.root / "WRITING-PROTOCOLS.md"

    @property
    def default_brand(self) -> Path:
        return self.data / "brand.yml"

    @property
    def card_css(self) -> Path:
        """The cards' style sheet: the routine pages and the PDF lay cards out with the same rules."""
        return self.overrides / "assets" / "stylesheets" / "cards.css"

    @property
    def build(self) -> Path:
        return self.root / "build"

    @property
    def cache(self) -> Path:
        """Kept between builds: compiled templates and laid-out cards. Safe to delete."""
        return self.build / "cache"

    def brand_file(self, clinic: Path | None) -> Path:
        """The brand a build publishes under: a clinic folder's brand.yml, else the default."""
        return clinic / "brand.yml" if clinic is not None else self.default_brand

    def site_out(self, clinic: Path | None) -> Path:
        """Where `site` builds by default: site/ for the guide, build/sites/<clinic>/ for a clinic."""
        return self.build / "sites" / clinic.name if clinic is not None else self.root / "site"

    def export_out(self, clinic: Path | None, language: str | None = None) -> Path:
        """build/export/<guide or clinic>[-<language>]: the default language has no suffix."""
        name = clinic.name if clinic is not None else "guide"
        return self.build / "export" / (f"{name}-{language}" if language else name)

    def clinic_folders(self) -> list[Path]:
        """Every clinic under clinics/ (a folder holding brand.yml), in name order."""
        return sorted(p.parent for p in self.clinics.glob("*/brand.yml")) if self.clinics.is_dir() else []


def find_project(start: Path | None = None) -> Project:
    """The project holding `start` (default: the working directory): the nearest folder upwards
    with data/ and mkdocs.yml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "data").is_dir() and (folder / "mkdocs.yml").is_file():
            return Project(folder)
    raise ProjectNotFound(f"no guide project (a folder with data/ and mkdocs.yml) at or above {here}")


# Each protocol of a library is a folder of data/protocols/; its files are named among all the
# files read as `<protocol id>/<stem>`, so errors and checks find them.
PROTOCOLS_DIR = "protocols"
# data/translations/<code>/: one folder per language, mirroring data/ (and a brand folder's own).
TRANSLATIONS_DIR = "translations"
LANGUAGE_FILE = "language.yml"


def protocol_file(protocol_id: str, stem: str) -> str:
    return f"{protocol_id}/{stem}"


def translation_file(root: Path, code: str, key: str) -> Path:
    """Where a file's words in another language live, under `root` (data/, or a clinic's folder):
    `ui` -> translations/<code>/ui.yml, `<protocol>/keys` -> translations/<code>/protocols/<protocol>/keys.yml."""
    relative = f"{PROTOCOLS_DIR}/{key}" if "/" in key else key
    return root / TRANSLATIONS_DIR / code / f"{relative}.yml"


def translation_languages(root: Path) -> list[str]:
    """The languages translated under `root`, by folder name (each has a language.yml)."""
    folder = root / TRANSLATIONS_DIR
    return sorted(p.parent.name for p in folder.glob(f"*/{LANGUAGE_FILE}")) if folder.is_dir() else []
