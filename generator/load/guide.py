"""The loading pipeline: read → validate → (translate) → fill numbers → check → merge the overlay,
for the shared files and every protocol the brand publishes, in each language it publishes.
Nothing is built from a library with a mistake in it: every problem of every file is reported at
once, located. The checks across files run once, on the data's own language: ids, numbers and the
flowchart's graph are the same in every language, and a translation can only change words (whose
own rules are checked as it is applied)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .. import model
from ..checks import brand as brand_checks
from ..checks import flowchart as flowchart_checks
from ..checks import references, safety_case
from ..checks.figures import check_figures
from ..checks.sources import check_sources
from ..errors import DataError, DataErrors
from ..model import Edition, Guide, Origin, ProtocolGuide, Published
from ..model.figure import figure_key
from ..model.figure_words import describe
from ..paths import protocol_file, translation_languages
from ..read.placeholders import fill, protocol_names, shared_names
from ..read.translation import UNTRANSLATED_END, UNTRANSLATED_START
from ..read.validation import display_path, validation_errors
from ..read.yamlfile import YamlFile, read_yaml
from .chosen import chosen_protocols, published_ids
from .figures import Figures, load_figures
from .files import PROTOCOL, SHARED, Files, read_files
from .overlay import apply_overlay
from .translations import Findings, Source, read_language, translate_sources

# The figures' words are translated in translations/<code>/figures.yml.
FIGURES = "figures"

M = TypeVar("M", bound=BaseModel)


def _validate(cls: type[M], data: Any, source: YamlFile, errors: list[DataError]) -> M | None:
    try:
        return cls.model_validate(data if data is not None else {})
    except ValidationError as exc:
        errors.extend(validation_errors(exc, source))
        return None


def _brand_data(source: YamlFile, site_url: str | None) -> Any:
    """The brand as written, with the build's site address when the brand sets none."""
    data = source.data
    if site_url and isinstance(data, dict) and not data.get("site_url"):
        return {**data, "site_url": site_url}
    return data


def _origins(guide: Guide, files: Files) -> dict[str, Origin]:
    """Where each routine (and the ladder) was written: a protocol's file or the clinic's brand file."""
    origins: dict[str, Origin] = {}
    for p in guide.protocols:
        source = files[protocol_file(p.id, "routines")]
        for i, r in enumerate(p.routines):
            origins[r.id] = Origin(source.path, source.line_of(("routines", i, "id")), f"routines.{r.id}")
    origins["return-to-running"] = Origin(files["ladder"].path, files["ladder"].line_of(("id",)), "ladder")
    brand = files["brand"]
    for i, r in enumerate(guide.brand.overlay.routines):
        origins[r.id] = Origin(brand.path, brand.line_of(("overlay", "routines", i, "id")), f"overlay.routines.{r.id}")
    return origins


def _protocol(
    protocol_id: str, valid: dict[str, Any], shared: dict[str, str], files: Files, errors: list[DataError], locale: str
) -> tuple[ProtocolGuide, dict[str, str]]:
    """One protocol's files, filled with its numbers and the shared ones."""
    mine: dict[str, Any] = {stem: valid.get(protocol_file(protocol_id, stem)) for stem in PROTOCOL}
    names = protocol_names(
        shared,
        mine["protocol"].pain_rule,
        mine["protocol"].scope,
        mine["weight"],
        mine["ladder"],
        routines=mine["routines"].routines,
        flags=mine["red_flags"].flags,
        locale=locale,
    )
    filled: dict[str, Any] = {
        stem: fill(value, (), names, files[protocol_file(protocol_id, stem)], errors) if value is not None else None
        for stem, value in mine.items()
    }
    return (
        ProtocolGuide(
            protocol=filled["protocol"],
            keys=filled["keys"].keys,
            routines=filled["routines"].routines,
            flowchart=filled["flowchart"],
            flags=filled["red_flags"].flags,
            ladder=filled["ladder"],
            scope=filled["scope"],
            stories=filled["stories"].stories,
            hazards=filled["hazards"].hazards,
            weight=filled["weight"],
        ),
        names,
    )


@dataclass
class Library:
    """A library read and validated, before any language is applied: what every language build of
    one copy starts from."""

    files: Files
    valid: dict[str, Any]
    brand: model.Brand
    brand_source: YamlFile
    brand_path: Path
    figures: Figures
    figure_words: model.FigureWordsFile  # each figure described in the data's language
    data_dir: Path
    display_root: Path | None

    @property
    def source_language(self) -> str:
        code: str = self.valid["site"].language.code
        return code

    @property
    def publishes_all(self) -> bool:
        """Whether this copy publishes every protocol of the library (a clinic may choose some)."""
        return bool(self.files.protocols == self.valid["site"].protocols)

    @property
    def brand_language(self) -> str:
        """The language the brand's own words are written in: its default language."""
        return self.brand.languages[0] if self.brand.languages else self.source_language


def read_library(
    data_dir: Path, brand_file: Path | None = None, display_root: Path | None = None, site_url: str | None = None
) -> Library:
    """Read and validate every file of the library in `data_dir` that the brand in `brand_file`
    (default: data/brand.yml) publishes; every problem of every file is raised at once."""
    brand_path = brand_file or data_dir / "brand.yml"
    brand_source = read_yaml(brand_path, display_path(brand_path, display_root))
    files = read_files(data_dir, display_root, only=chosen_protocols(brand_source))
    files.files["brand"] = brand_source
    errors: list[DataError] = []
    valid: dict[str, Any] = {key: _validate(SHARED[key], files[key].data, files[key], errors) for key in SHARED}
    for protocol_id in files.protocols:
        for stem, cls in PROTOCOL.items():
            key = protocol_file(protocol_id, stem)
            if files.get(key) is not None:
                valid[key] = _validate(cls, files[key].data, files[key], errors)
    brand = _validate(model.Brand, _brand_data(brand_source, site_url), brand_source, errors)
    try:
        figures = load_figures(data_dir, display_root)
    except DataErrors as exc:
        errors.extend(exc.errors)
    if errors or brand is None or any(value is None for value in valid.values()):
        raise DataErrors(errors)
    errors += brand_checks.check_chosen_protocols(brand, files.protocols, brand_source, files["site"])
    errors += references.check_folder_names(
        {folder: valid[protocol_file(folder, "protocol")].id for folder in files.protocols}, files.files
    )
    if errors:
        raise DataErrors(errors)
    figure_words = model.FigureWordsFile(
        figures={
            figure_key(key, variant): model.FigureText(description=describe(drawn))
            for key, figure in figures.items()
            for variant, drawn in [(None, figure), *figure.variants.items()]
        }
    )
    return Library(files, valid, brand, brand_source, brand_path, figures, figure_words, data_dir, display_root)


def _assemble(
    library: Library,
    valid: dict[str, Any],
    brand: model.Brand,
    edition: Edition,
    figure_words: model.FigureWordsFile | None = None,
) -> tuple[Guide, dict[str, dict[str, str]]]:
    """One language's guide from validated (and, for a translation, translated) models: numbers
    filled in, written the language's way."""
    files, errors = library.files, list[DataError]()
    shared = shared_names(
        valid["site"].exercise,
        valid["exercises"].exercises,
        valid["recovery"].tools,
        brand,
        valid["ladder"],
        valid["progress"],
        flags=valid["red_flags"].flags,
        locale=edition.locale,
    )
    filled = {key: fill(valid[key], (), shared, files[key], errors) for key in SHARED if key != "sources"}
    built = [_protocol(protocol_id, valid, shared, files, errors, edition.locale) for protocol_id in files.protocols]
    exercises, recovery = filled["exercises"].exercises, filled["recovery"].tools
    if not library.publishes_all:
        shared_files = [valid[key] for key in SHARED if key not in ("exercises", "recovery", "sources")]
        used = published_ids([p for p, _ in built], brand, shared_files)
        exercises = [e for e in exercises if e.id in used]
        recovery = [t for t in recovery if t.id in used]
    guide = Guide(
        site=filled["site"],
        protocols=[p for p, _ in built],
        exercises=exercises,
        recovery=recovery,
        red_flags=filled["red_flags"],
        brand=fill(brand, (), shared, library.brand_source, errors),
        ui=filled["ui"],
        sources=valid["sources"],
        about=filled["about"],
        player=filled["player"],
        progress=filled["progress"],
        prescribe=filled["prescribe"],
        ladder=filled["ladder"],
        hazards=filled["hazards"],
        scope=filled["scope"],
        edition=edition,
        figures=library.figures,
        figure_words={key: text.description for key, text in (figure_words or library.figure_words).figures.items()},
        brand_dir=library.brand_path.resolve().parent,
    )
    if errors:
        raise DataErrors(errors)
    return dataclasses.replace(guide, origins=_origins(guide, files)), {p.id: n for p, n in built}


def _check(library: Library, guide: Guide, names: dict[str, dict[str, str]]) -> Mapping[str, str] | None:
    """Every check across files, on the data's own language; returns the clinic's plan key."""
    files, brand_source, brand_path = library.files, library.brand_source, library.brand_path
    whole = library.publishes_all
    errors = references.check(guide, files.files, whole_library=whole)
    for protocol in guide.protocols:
        chart_errors = flowchart_checks.check_graph(guide, protocol, files[protocol_file(protocol.id, "flowchart")])
        errors += chart_errors
        errors += safety_case.check_protocol(
            guide, protocol, files.files, names[protocol.id], walk_stories=not chart_errors
        )
    errors += safety_case.check_shared(guide, files.files, names[guide.protocols[0].id])
    # A copy of some of the protocols leaves the others' sources uncited: the library's own check
    # (`guide check` with no clinic) holds every source to being cited.
    errors += check_sources(library.valid, guide.brand, guide.sources, files.files, all_cited=whole)
    if guide.brand.region is not None:
        errors += references.check_levels(guide.brand.region, brand_source, ("region",))
    figures = library.figures
    # the library's every exercise (a copy of some protocols leaves some out) and the clinic's own
    every = {e.id: e for e in [*library.valid["exercises"].exercises, *guide.exercises]}.values()
    errors += check_figures(
        figures,
        [e.id for e in every],
        figures.source,
        {e.id: e.kind for e in every},
        variants={e.id: [v.id for v in e.variants] for e in every},
    )
    errors += brand_checks.check_brand(guide.brand, brand_path, brand_source)
    plan_key, key_errors = brand_checks.read_plan_key(guide.brand, brand_path, brand_source)
    errors += key_errors
    errors += brand_checks.check_overlay(guide, guide.brand, brand_source)
    if errors:
        raise DataErrors(errors)
    return plan_key


def load_guide(
    data_dir: Path,
    brand_file: Path | None = None,
    display_root: Path | None = None,
    site_url: str | None = None,
    language: str | None = None,
) -> Guide:
    """Read, validate and cross-check the library in `data_dir`, published under the brand in
    `brand_file` (default: data/brand.yml) with that brand's overlay merged in and only the
    protocols it publishes, in `language` (default: the brand's default language). `site_url` is
    the address the build publishes at, when the brand sets none."""
    library = read_library(data_dir, brand_file, display_root, site_url)
    editions = library_editions(library)
    chosen = language or editions[0].code
    guides, _ = load_editions(library, only=[chosen])
    return guides[chosen]


def load_editions(library: Library, only: list[str] | None = None) -> tuple[dict[str, Guide], dict[str, Findings]]:
    """The guide in every language the brand publishes (or those in `only`), by code, and what
    each translation leaves in English. The data's own language is always checked, published or not."""
    editions = {e.code: e for e in library_editions(library)}
    wanted = only if only is not None else list(editions)
    unknown = [code for code in wanted if code not in editions]
    if unknown:
        raise DataErrors([library.brand_source.error(("languages",), f"this copy publishes no language {unknown[0]}")])
    source_code = library.source_language
    source_edition = editions.get(source_code) or _unpublished(library, list(editions.values()))
    checked, names = _assemble(library, library.valid, library.brand, source_edition)
    plan_key = _check(library, checked, names)
    guides: dict[str, Guide] = {}
    findings: dict[str, Findings] = {}
    for code in wanted:
        errors: list[DataError] = []
        found = Findings(code)
        valid = library.valid
        figure_words = library.figure_words
        if code != source_code:
            translated, found = translate_sources(
                [*_sources(library), _figures_source(library)], code, library.display_root, mark_untranslated, errors
            )
            figure_words = translated.pop(FIGURES)
            valid = {**valid, **translated}
        brand = library.brand
        if code != library.brand_language:
            brand_words, brand_found = translate_sources(
                [_brand_source(library)], code, library.display_root, mark_untranslated, errors
            )
            brand = brand_words["brand"]
            found.merge(brand_found)
        if errors:
            raise DataErrors(errors)
        if code != source_code or brand is not library.brand:
            findings[code] = found
            guide, _ = _assemble(library, valid, brand, editions[code], figure_words)
        else:
            guide = checked
        guides[code] = apply_overlay(dataclasses.replace(guide, plan_key=plan_key))
    return guides, findings


def mark_untranslated(text: str) -> str:
    """A word left in the data's language, marked so its page can say so (render/marks.py)."""
    return f"{UNTRANSLATED_START}{text}{UNTRANSLATED_END}"


def _sources(library: Library) -> list[Source]:
    """Every data file with words, for translating (sources.yml's titles are cited as they are,
    but what a source supports is a word like any other)."""
    files = library.files
    return [Source(key, library.valid[key], files[key], library.data_dir) for key in library.valid]


def _figures_source(library: Library) -> Source:
    return Source(FIGURES, library.figure_words, library.figures.source, library.data_dir)


def translation_sources(library: Library, brand_only: bool = False) -> list[Source]:
    """What a translator translates: the data's files, the figures' descriptions and the brand's
    own words (a clinic's alone)."""
    if brand_only:
        return [_brand_source(library)]
    return [*_sources(library), _figures_source(library), _brand_source(library)]


def _brand_source(library: Library) -> Source:
    return Source("brand", library.brand, library.brand_source, library.brand_path.resolve().parent)


def library_editions(library: Library) -> list[Edition]:
    """The languages the brand publishes, the default first, each with its name and locale; a
    language with no translation is an error at the brand's `languages`."""
    site_language = library.valid["site"].language
    available = translation_languages(library.data_dir)
    codes = library.brand.languages or [site_language.code, *available]
    errors: list[DataError] = []
    files: dict[str, Any] = {}
    for i, code in enumerate(codes):
        if code == site_language.code:
            continue
        if code not in available:
            errors.append(
                library.brand_source.error(
                    ("languages", i), f"no translation into `{code}` (data/translations/{code}/)"
                )
            )
            continue
        files[code] = read_language(library.data_dir, code, library.display_root, errors)
    if errors:
        raise DataErrors(errors)
    locales = library.brand.locales
    published = tuple(
        Published(
            code=code,
            name=site_language.name if code == site_language.code else files[code].name,
            locale=locales.get(code) or (site_language.locale if code == site_language.code else files[code].locale),
            prefix="" if i == 0 else f"{code.lower()}/",
        )
        for i, code in enumerate(codes)
    )
    return [Edition(p, published, files.get(p.code)) for p in published]


def _unpublished(library: Library, editions: list[Edition]) -> Edition:
    """The data's own language, when a copy does not publish it: built only to be checked."""
    site_language = library.valid["site"].language
    own = Published(site_language.code, site_language.name, site_language.locale, "")
    return Edition(own, tuple(e.language for e in editions))
