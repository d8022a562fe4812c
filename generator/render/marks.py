"""Words a translation has not reached yet stay in the data's language, marked (read/translation.py
`UNTRANSLATED_START`…`UNTRANSLATED_END`). Here the marks come out of every generated file, and a
page that had any says so: its front matter gets `untranslated: true`, which overrides/main.html
turns into a notice at the top of the page. In the data's own language nothing is marked, and
every file passes through unchanged."""

from __future__ import annotations

from ..read.translation import UNTRANSLATED_END, UNTRANSLATED_START

_MARKS = (UNTRANSLATED_START, UNTRANSLATED_END)


def unmark(text: str) -> tuple[str, bool]:
    """The text without marks, and whether it had any."""
    if UNTRANSLATED_START not in text and UNTRANSLATED_END not in text:
        return text, False
    for mark in _MARKS:
        text = text.replace(mark, "")
    return text, True


def unmarked(text: str) -> str:
    return unmark(text)[0]


def flag_untranslated(page: str) -> str:
    """A Markdown page with `untranslated: true` in its front matter (added, or made)."""
    if page.startswith("---\n"):
        return "---\nuntranslated: true\n" + page[4:]
    return "---\nuntranslated: true\n---\n" + page


def unmark_files(files: dict[str, str | bytes]) -> dict[str, str | bytes]:
    """Every generated file without marks; each Markdown page that had some, flagged."""
    out: dict[str, str | bytes] = {}
    for path, content in files.items():
        if isinstance(content, str):
            content, marked = unmark(content)
            if marked and path.endswith(".md"):
                content = flag_untranslated(content)
        out[path] = content
    return out


def unmark_tree(value: object) -> object:
    """A configuration (dicts, lists, strings) without marks: MkDocs settings show words too."""
    if isinstance(value, str):
        return unmarked(value)
    if isinstance(value, dict):
        return {k: unmark_tree(v) for k, v in value.items()}
    if isinstance(value, list):
        return [unmark_tree(v) for v in value]
    return value
