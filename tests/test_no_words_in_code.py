"""Every word a reader sees comes from data (issue 25): the templates, the theme's own templates and
the browser scripts hold no sentence, label or heading of their own, so a translation reaches
every page, card, the player, the log and plans. Front-matter keys, admonition kinds, CSS
selectors and the messages of errors a reader never sees (a script's own bugs) are not words."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from conftest import ROOT

TEMPLATES = [
    *sorted((ROOT / "generator" / "templates").glob("*.j2")),
    *sorted((ROOT / "overrides").glob("*.html")),
    *sorted((ROOT / "overrides" / "partials").glob("*.html")),
]
SCRIPTS = [p for p in sorted((ROOT / "overrides" / "assets" / "javascripts").rglob("*.js")) if "vendor" not in p.parts]
WORD = re.compile(r"[A-Za-z]{2,}")
# Markdown admonitions and front matter hold keywords, not words.
ADMONITION = re.compile(r"^\s*!!!\s+[a-z]+(?=\s|$)", re.M)
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
ATTRIBUTE_WORDS = re.compile(r'\b(?:aria-label|title|alt|placeholder)="([^"{]*)"')


def _template_text(text: str) -> str:
    """What a template shows as it is written: no Jinja, tags, comments, entities or attribute lists."""
    text = FRONT_MATTER.sub("", text)
    text = re.sub(r"<style>.*?</style>", " ", text, flags=re.S)
    for pattern in (r"\{#.*?#\}", r"\{%.*?%\}", r"\{\{.*?\}\}", r"<!--.*?-->"):
        text = re.sub(pattern, " ", text, flags=re.S)
    text = re.sub(r"<[^>]*>", " ", text, flags=re.S)
    text = re.sub(r"\{[:\s]*[.#][^}]*\}", " ", text)  # { .md-button }
    text = re.sub(r"&[a-z#0-9]+;", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)  # a Markdown link's address
    return ADMONITION.sub(" ", text)


def test_templates_hold_no_words_of_their_own():
    found = []
    for path in TEMPLATES:
        raw = path.read_text(encoding="utf-8")
        for number, line in enumerate(_template_text(raw).splitlines(), 1):
            if WORD.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:80]}")
        for label in ATTRIBUTE_WORDS.findall(re.sub(r"\{\{.*?\}\}", "", raw)):
            if WORD.search(label):
                found.append(f"{path.relative_to(ROOT)}: attribute text {label!r}")
    assert found == []


def test_the_template_check_finds_a_word():
    assert WORD.search(_template_text('<p class="x">{{ a }} Print this card</p>'))
    assert not WORD.search(_template_text('---\ntitle: {{ t|tojson }}\n---\n!!! warning "{{ w }}"\n<p>{{ a }}</p>'))


# A word of a sentence, as a reader reads it (a class name or a code has hyphens, dots or slashes).
_PLAIN = re.compile(r"^[A-Za-z][a-z']+[.,;:!?]?$")
STRINGS_TOOL = ROOT / "tests" / "tools" / "js_strings.mjs"


def _sentences(strings: list[dict]) -> list[str]:
    """The strings that read as words: two or more plain words (not class names, codes or keys)."""
    return [
        f"{s['file']}:{s['line']}: {s['text'][:80]!r}"
        for s in strings
        if len([t for t in s["text"].split() if _PLAIN.match(t)]) >= 2
    ]


def _strings(*paths: Path) -> list[dict]:
    result = subprocess.run(
        ["node", str(STRINGS_TOOL), *map(str, paths)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return [json.loads(line) for line in result.stdout.splitlines()]


# Strings that hold words but are never read as words: a link's rel, a selector kept in a constant,
# and the reason a promise is refused or a value is wrong (a script's own bug, logged, never shown).
NOT_READ = {
    "noopener noreferrer",
    "button, a, input, select, textarea, label, summary",
    "stale page",
    "routine  , item  : dose",
}


def test_scripts_hold_no_words_of_their_own():
    shown = [s for s in _strings(*(p.relative_to(ROOT) for p in SCRIPTS)) if s["text"] not in NOT_READ]
    found = _sentences(shown)
    assert found == []


def test_the_script_check_finds_a_sentence_but_not_a_selector_or_a_thrown_bug(tmp_path):
    script = tmp_path / "x.js"
    script.write_text(
        'el.textContent = "Saved on this phone";\n'
        'document.querySelector(".rx-dose input");\nthrow new Error(`bad ${x} value here`);\n'
        'const re = /it\'s "odd"/; el.className = "md-button log-button";\n'
    )
    found = _sentences(_strings(script))
    assert len(found) == 1 and "Saved on this phone" in found[0]
