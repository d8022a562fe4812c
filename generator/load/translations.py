"""Reading translations and applying them to a validated library, one language at a time.

Each data file's words in another language are a file of the same path under translations/<code>/
(data/translations/es/ui.yml for data/ui.yml; a clinic's own words under its folder's
translations/<code>/brand.yml). A translation file maps each word's path to the fingerprint of the
English it was made from and the translated text:

    keys.cut-back-volume.title:
      from: 3f2a9c1b
      text: Corre menos durante un tiempo

A translation that breaks its field's rules, or does not keep the English's placeholders, is an
error at its line. A word not translated yet, or translated from English that has changed since,
stays in English (and its page says so); `guide check` lists each, with extra entries that match
no word, as `file:line`. `guide translate <code>` writes every file with every word, so a
translator fills in the blanks."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field, RootModel, ValidationError

from ..errors import DataError, DataErrors
from ..model import LanguageFile
from ..model.common import Model, Text
from ..paths import LANGUAGE_FILE, TRANSLATIONS_DIR, translation_file
from ..read.translation import Applied, Entry, fingerprint, path_text, translate, words
from ..read.validation import display_path, validation_errors
from ..read.yamlfile import YamlFile, read_yaml


class TranslationEntry(Model):
    from_: str = Field(alias="from", pattern=r"^[0-9a-f]{8}$", description="fingerprint of the English")
    text: Text | None = Field(None, description="the translation; `null` while it is not translated yet")


class TranslationFile(RootModel[dict[str, TranslationEntry]]):
    """The words of one data file in one language: each word by its path of ids in the data
    (`keys.cut-back-volume.title`), written by `guide translate <code>` for a translator to fill in."""


@dataclass
class Findings:
    """What `guide check` lists for one language: words still in English (not translated yet, or
    translated from English that has changed since) and translations that match no word."""

    language: str
    missing: list[str] = field(default_factory=list)
    outdated: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    @property
    def untranslated(self) -> int:
        return len(self.missing) + len(self.outdated)

    def merge(self, other: Findings) -> None:
        self.missing += other.missing
        self.outdated += other.outdated
        self.extra += other.extra

    def lines(self) -> list[str]:
        return [*self.missing, *self.outdated, *self.extra]


@dataclass(frozen=True)
class Source:
    """A file whose words are translated: its model, its parsed file (for lines), and where its
    translation into a language lives (`root`/translations/<code>/...)."""

    key: str
    model: BaseModel
    english: YamlFile
    root: Path


def read_language(data_dir: Path, code: str, display_root: Path | None, errors: list[DataError]) -> LanguageFile | None:
    path = data_dir / TRANSLATIONS_DIR / code / LANGUAGE_FILE
    try:
        source = read_yaml(path, display_path(path, display_root))
    except DataErrors as exc:
        errors.extend(exc.errors)
        return None
    try:
        return LanguageFile.model_validate(source.data if source.data is not None else {})
    except ValidationError as exc:
        errors.extend(validation_errors(exc, source))
        return None


def read_entries(path: Path, display_root: Path | None, errors: list[DataError]) -> tuple[dict[str, Entry], str]:
    """The entries of one translation file by word path (none when there is no file yet), and the
    file's name as errors show it."""
    display = display_path(path, display_root)
    if not path.is_file():
        return {}, display
    try:
        source = read_yaml(path, display)
        parsed = TranslationFile.model_validate(source.data if source.data is not None else {})
    except DataErrors as exc:
        errors.extend(exc.errors)
        return {}, display
    except ValidationError as exc:
        errors.extend(validation_errors(exc, source))
        return {}, display
    return {key: Entry(entry.from_, entry.text, source.line_of((key,))) for key, entry in parsed.root.items()}, display


def translate_sources(
    sources: Iterable[Source],
    code: str,
    display_root: Path | None,
    mark: Callable[[str], str],
    errors: list[DataError],
) -> tuple[dict[str, Any], Findings]:
    """Every source's model in language `code`, with what is left in English listed; a wrong
    translation is added to `errors` at its line."""
    findings = Findings(code)
    done: dict[str, Any] = {}
    for source in sources:
        path = translation_file(source.root, code, source.key)
        entries, display = read_entries(path, display_root, errors)
        done[source.key], applied = translate(source.model, entries, mark)
        _report(source, applied, entries, display, findings, errors)
    return done, findings


def _report(
    source: Source,
    applied: Applied,
    entries: Mapping[str, Entry],
    display: str,
    findings: Findings,
    errors: list[DataError],
) -> None:
    english = source.english
    for word in applied.missing:
        findings.missing.append(
            f"{english.path}:{english.line_of(word.loc)}: {path_text(word.path)}: not translated into "
            f"{findings.language} yet ({display})"
        )
    for word, entry in applied.outdated:
        findings.outdated.append(
            f"{display}:{entry.line}: {path_text(word.path)}: out of date: the English changed since it was "
            f"translated ({english.path}:{english.line_of(word.loc)})"
        )
    for entry, problem in applied.wrong:
        errors.append(DataError(display, entry.line, None, "", problem))
    for key in sorted(set(entries) - applied.used, key=lambda k: entries[k].line):
        findings.extra.append(f"{display}:{entries[key].line}: {key}: matches no word of {english.path}")


# --- writing the files a translator fills in ---------------------------------------------------


def _comment(text: str) -> list[str]:
    return [f"# {line}".rstrip() for line in text.splitlines() or [""]]


def _scalar(value: str) -> str:
    return yaml.safe_dump(value, allow_unicode=True, width=10_000, default_style=None).removesuffix("\n...\n").strip()


def translation_text(source: Source, code: str, entries: Mapping[str, Entry]) -> str:
    """The translation file of one source with an entry for every word, in the data's order: kept
    as they are when up to date, a blank `text` for a word not translated yet, and a note over one
    whose English changed. Entries that match no word are kept at the end for the translator."""
    out = [
        f"# The words of {source.english.path} in language `{code}`. Written by `guide translate {code}`:",
        "# fill in each `text` (null: not translated yet), keep every {placeholder}; `from` is the",
        "# fingerprint of the English it was translated from.",
    ]
    seen: set[str] = set()
    for word in words(source.model):
        key = path_text(word.path)
        seen.add(key)
        entry = entries.get(key)
        now = fingerprint(word.text)
        out.append("")
        if entry is not None and entry.text is not None and entry.source != now:
            out.append(f"# The English changed since this was translated; once the text matches, set from: {now}")
        out += _comment(word.text)
        out.append(f"{_scalar(key)}:")
        out.append(f'  from: "{entry.source if entry is not None and entry.text is not None else now}"')
        out.append(f"  text: {_scalar(entry.text) if entry is not None and entry.text is not None else 'null'}")
    leftover = [k for k in entries if k not in seen]
    if leftover:
        out += ["", "# These match no word of the English any more (renamed or removed?): move or delete them."]
        for key in leftover:
            entry = entries[key]
            out += [f"{_scalar(key)}:", f'  from: "{entry.source}"', f"  text: {_scalar(entry.text or '') or 'null'}"]
    return "\n".join(out) + "\n"


def write_translation_files(sources: Iterable[Source], code: str, display_root: Path | None) -> list[Path]:
    """Write (or bring up to date) every translation file of language `code`; returns those changed."""
    changed = []
    for source in sources:
        path = translation_file(source.root, code, source.key)
        errors: list[DataError] = []
        entries, _ = read_entries(path, display_root, errors)
        if errors:
            raise DataErrors(errors)
        text = translation_text(source, code, entries)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed
