"""Translations as data: every word of a data file, addressed by a path of the same ids as the data
(`keys.cut-back-volume.why.0`), and a translation file of the same path under
data/translations/<language>/ that holds, for each path, the translated text and a fingerprint of
the English it was translated from.

A word is a string field of a word type (text, a title, a cue: a string constraint with no
pattern) not marked `SAME_IN_EVERY_LANGUAGE` (names, the titles of cited documents); ids,
addresses, colours, numbers and codes are never words. Lists of things with an `id` are addressed
by that id, other lists by position, so a translation survives items being added or moved.
Placeholders (`{pain.running_max}`, `{done}`) stay in the translated text and are filled in
afterwards, so a number is never translated; a translation must keep exactly the English's.

A translation is applied to the validated, not yet filled, model: a word with no entry, or whose
English has changed since it was translated (its fingerprint differs), keeps the English, wrapped
in marks (`mark`) so that the page showing it can say that part of it is in English."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from types import UnionType
from typing import Annotated, Any, NamedTuple, TypeVar, Union, get_args, get_origin

from annotated_types import BaseMetadata
from pydantic import BaseModel, StringConstraints, TypeAdapter, ValidationError

from ..errors import Loc
from ..model.common import SameInEveryLanguage

M = TypeVar("M", bound=BaseModel)
Path = tuple[str | int, ...]
# What a placeholder looks like in prose: a number from the data (`{pain.running_max}`) or a slot a
# page fills in at run time (`{done}`).
SLOT = re.compile(r"\{[a-z0-9_.-]+\}")
# Around a word left in the data's language (private-use characters no text contains): the page
# that shows one says so, and the marks are taken out before anything is written (render/marks.py).
UNTRANSLATED_START, UNTRANSLATED_END = "\ue000", "\ue001"


def fingerprint(english: str) -> str:
    """A short, stable fingerprint of the English a translation was made from."""
    return hashlib.sha256(english.encode("utf-8")).hexdigest()[:8]


def path_text(path: Path) -> str:
    return ".".join(str(part) for part in path)


class Word(NamedTuple):
    path: Path  # by ids: ("keys", "cut-back-volume", "why", 0)
    loc: Loc  # where it is in the data file: ("keys", 2, "why", 0)
    text: str
    annotation: Any  # its type, to check a translation against the same rules


class Entry(NamedTuple):
    """One translated word: the fingerprint of the English it was made from, the text (None: not
    translated yet), and the line of the translation file it is on."""

    source: str
    text: str | None
    line: int


@dataclass
class Applied:
    """What applying a translation to one file did: the words left in the source language (not
    translated yet, or translated from English that has changed since), and translations that are
    wrong (they break the field's rules or do not keep the English's placeholders)."""

    missing: list[Word] = field(default_factory=list)
    outdated: list[tuple[Word, Entry]] = field(default_factory=list)
    wrong: list[tuple[Entry, str]] = field(default_factory=list)
    used: set[str] = field(default_factory=set)


def _is_word(metadata: list[Any]) -> bool:
    if any(isinstance(m, SameInEveryLanguage) or getattr(m, "pattern", None) for m in metadata):
        return False
    return any(isinstance(m, StringConstraints) and m.strip_whitespace for m in metadata)


def _unwrap(annotation: Any) -> tuple[Any, list[Any]]:
    """The type inside an annotation and the metadata on it (`Text | None` -> str, its constraints)."""
    metadata: list[Any] = []
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            args = get_args(annotation)
            annotation, metadata = args[0], [*metadata, *args[1:]]
        elif origin in (Union, UnionType):
            options = [a for a in get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return annotation, metadata
            annotation = options[0]
        else:
            return annotation, [m for m in metadata if not isinstance(m, BaseMetadata) or hasattr(m, "pattern")]


def _key(value: Any, index: int) -> str | int:
    """How a list element is addressed: its id when it has one, else its position."""
    own = getattr(value, "id", None) if isinstance(value, BaseModel) else None
    return own if isinstance(own, str) else index


def _element_type(value: list[Any] | tuple[Any, ...], args: tuple[Any, ...], i: int) -> Any:
    if isinstance(value, tuple) and len(args) > i and args[-1] is not Ellipsis:
        return args[i]
    return args[0] if args else Any


def _fields(model: BaseModel) -> Iterator[tuple[str, str, Any]]:
    """Each field's name, its key in the data file, and its full annotation."""
    for name, info in type(model).model_fields.items():
        annotation = Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
        yield name, info.alias or name, annotation


def _walk(value: Any, annotation: Any, path: Path, loc: Loc) -> Iterator[Word]:
    inner, metadata = _unwrap(annotation)
    if isinstance(value, str):
        if _is_word(metadata):
            yield Word(path, loc, value, annotation)
    elif isinstance(value, BaseModel):
        yield from words(value, path, loc)
    elif isinstance(value, (list, tuple)):
        args = get_args(inner)
        for i, element in enumerate(value):
            yield from _walk(element, _element_type(value, args, i), (*path, _key(element, i)), (*loc, i))
    elif isinstance(value, dict):
        args = get_args(inner)
        for key, element in value.items():
            yield from _walk(element, args[1] if len(args) > 1 else Any, (*path, str(key)), (*loc, key))


def words(model: BaseModel, prefix: Path = (), loc: Loc = ()) -> Iterator[Word]:
    """Every word of a model, with its path, in field order."""
    for name, key, annotation in _fields(model):
        yield from _walk(getattr(model, name), annotation, (*prefix, key), (*loc, key))


@cache
def _adapter(annotation: Any) -> TypeAdapter[Any]:
    return TypeAdapter(annotation)


def problem(english: str, translated: str, annotation: Any) -> str | None:
    """Why a translation cannot stand in for the English, or None when it can."""
    if sorted(SLOT.findall(translated)) != sorted(SLOT.findall(english)):
        expected = ", ".join(sorted(set(SLOT.findall(english)))) or "none"
        return f"must keep exactly the placeholders of the English ({expected})"
    try:
        _adapter(annotation).validate_python(translated)
    except ValidationError as exc:
        return "; ".join(str(e["msg"]) for e in exc.errors())
    return None


class _Translator:
    def __init__(self, entries: Mapping[str, Entry], applied: Applied, mark: Callable[[str], str]) -> None:
        self.entries, self.applied, self.mark = entries, applied, mark

    def word(self, word: Word) -> str:
        key = path_text(word.path)
        entry = self.entries.get(key)
        if entry is not None:
            self.applied.used.add(key)
        if entry is None or entry.text is None:
            self.applied.missing.append(word)
            return self.mark(word.text)
        if entry.source != fingerprint(word.text):
            self.applied.outdated.append((word, entry))
            return self.mark(word.text)
        wrong = problem(word.text, entry.text, word.annotation)
        if wrong is not None:
            self.applied.wrong.append((entry, wrong))
            return self.mark(word.text)
        return entry.text

    def value(self, value: Any, annotation: Any, path: Path, loc: Loc) -> Any:
        inner, metadata = _unwrap(annotation)
        if isinstance(value, str):
            return self.word(Word(path, loc, value, annotation)) if _is_word(metadata) else value
        if isinstance(value, BaseModel):
            return self.model(value, path, loc)
        if isinstance(value, (list, tuple)):
            args = get_args(inner)
            done = [
                self.value(element, _element_type(value, args, i), (*path, _key(element, i)), (*loc, i))
                for i, element in enumerate(value)
            ]
            changed = any(a is not b for a, b in zip(done, value, strict=True))
            return (tuple(done) if isinstance(value, tuple) else done) if changed else value
        if isinstance(value, dict):
            args = get_args(inner)
            kind = args[1] if len(args) > 1 else Any
            mapped = {k: self.value(v, kind, (*path, str(k)), (*loc, k)) for k, v in value.items()}
            return mapped if any(mapped[k] is not value[k] for k in value) else value
        return value

    def model(self, model: M, prefix: Path, loc: Loc) -> M:
        changes = {}
        for name, key, annotation in _fields(model):
            value = getattr(model, name)
            done = self.value(value, annotation, (*prefix, key), (*loc, key))
            if done is not value:
                changes[name] = done
        return model.model_copy(update=changes) if changes else model


def translate(model: M, entries: Mapping[str, Entry], mark: Callable[[str], str] = str) -> tuple[M, Applied]:
    """`model` with each word replaced by its translation (`entries` by path); a word without a
    usable translation stays in the source language, passed through `mark`."""
    applied = Applied()
    return _Translator(entries, applied, mark).model(model, (), ()), applied
