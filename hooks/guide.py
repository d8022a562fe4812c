"""MkDocs hook for `mkdocs serve`: adds the generated guide to the build in memory.

The generator is a plain library; this thin layer hands its pages, brand files and the cards PDF
to MkDocs without writing into docs/, so a preview reloads on data edits without looping. A
preview has no service worker (its pages remove an old one), so it is never stale. Under
`mkdocs serve --dirty` (`make serve`), a rebuild writes only the files an edit changed when it
leaves the navigation and templates alone (generator/preview.py decides), and everything
otherwise. `guide site` does not use this hook: it builds the exported tree (generator/site.py)."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.config_options import PathSpec
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils import clean_directory
from watchdog.observers.polling import PollingObserver

from generator.errors import DataErrors, TemplateBug
from generator.generate import generate, translated_docs
from generator.load import load_guide
from generator.paths import Project
from generator.preview import snapshot, template_stamps, unchanged
from generator.render.brand import config_overrides
from generator.render.context import hand_written

# Outside the "mkdocs" logger tree on purpose: a missing site_url is worth a warning but must not
# fail `mkdocs build --strict`.
log = logging.getLogger("guide")
if not log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(levelname)-7s -  guide: %(message)s"))
    log.addHandler(_handler)
    log.setLevel(logging.INFO)
    log.propagate = False
# Fonts embedded in the cards PDF are stamped with this time: pin it so builds are reproducible.
os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
# How often the preview looks for edited files. MkDocs polls every 0.5 s, which alone is half of
# the second an edit may take to reach the page; polling the few hundred watched files this often
# costs about 5 % of one core while nothing changes (MkDocs' own polling about 1 %).
PREVIEW_POLL_S = 0.1
# Kept across the rebuilds of one `mkdocs serve`: MkDocs loads a hook module once.
_state: dict[str, Any] = {}


class _Unchanged(File):
    """A generated file whose bytes are as in the last preview build: MkDocs' dirty build neither
    renders nor copies it again."""

    def is_modified(self) -> bool:
        return False


class _QuietDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build that the navigation may be stale. The hook rebuilds every
    page when the navigation changes, so the warning is not true here; and with `strict: true` it
    would abort every preview build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def on_startup(command: str, dirty: bool) -> None:
    _state["incremental"] = command == "serve" and dirty
    if _state["incremental"]:
        logging.getLogger("mkdocs.commands.build").addFilter(_QuietDirtyWarning())


def _brand_file(config: MkDocsConfig) -> Path | None:
    chosen = os.environ.get("GUIDE_BRAND") or config.extra.get("brand_file")
    return Path(chosen).resolve() if chosen else None


@event_priority(100)  # before Material's search reads the page language and sets up its index
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project = Project(Path(config.config_file_path).resolve().parent)
    try:
        guide = load_guide(
            project.data,
            _brand_file(config),
            display_root=project.root,
            site_url=config.site_url or None,
            language=os.environ.get("GUIDE_LANGUAGE") or None,
        )
        result = generate(guide, project)
    except DataErrors as exc:
        raise Abort("The guide cannot be built:\n" + str(exc)) from None
    except TemplateBug as exc:
        raise Abort(f"A template of the generator is broken (a bug to report):\n{exc}") from None
    for warning in result.site.warnings:
        log.warning(warning)
    overrides: dict[str, Any] = config_overrides(guide, result.assets, result.site.nav)
    if guide.brand.site_url:
        config.site_url = guide.brand.site_url
    if not config.nav:
        config.nav = overrides["nav"]
        config.not_in_nav = PathSpec().validate(overrides["not_in_nav"])
    config.site_name = overrides["site_name"]
    config.site_description = overrides["site_description"]
    config.theme.update(overrides["theme"])
    config.extra_css.extend(overrides["extra_css_add"])
    config.extra.update(overrides["extra"])
    # A preview builds one language: a language menu would lead to pages it does not serve (and
    # Material would ask for their sitemaps on every page, each a 404 in the terminal).
    config.extra.pop("alternate", None)
    if (search := config.plugins.get("material/search")) is not None:
        search.config["lang"] = [overrides["search"]["lang"]]
    _state["generated"] = result.files()
    # A translation's preview shows its own hand-written pages (or the flagged originals), as
    # `guide site` does, in place of docs/.
    translated = translated_docs(guide, project)
    _state["hand_written"] = hand_written(project.docs, translated) if translated is not None else {}
    if _state.get("incremental"):
        templates = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
        # The hand-written files' names too: a file removed from docs/ must leave the preview.
        docs = sorted(str(p.relative_to(project.docs)) for p in project.docs.rglob("*") if p.is_file())
        shared = [overrides, template_stamps(templates), docs, Path(config.config_file_path).stat().st_mtime_ns]
        _state["now"] = snapshot({**_state["generated"], **_state["hand_written"]}, shared)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    generated: dict[str, str | bytes] = _state["generated"]
    for path in generated:
        if files.get_file_from_path(path) is not None:
            raise Abort(f"docs/{path} is hand-written, but the generator makes this page: rename or remove it")
    keep: frozenset[str] | None = None
    if _state.get("incremental"):
        keep = unchanged(_state.get("built"), _state["now"])
        if keep is not None and any(f.is_modified() for f in files.documentation_pages()):
            keep = None  # a hand-written page was edited: its title may be in every page's navigation
    for path in _state["hand_written"]:
        if (original := files.get_file_from_path(path)) is not None:
            files.remove(original)
    for path, content in sorted({**generated, **_state["hand_written"]}.items()):
        kind = _Unchanged if keep is not None and path in keep else File
        files.append(kind.generated(config, path, content=content))
    if _state.get("incremental"):
        _prepare_dirty_build(config, files, keep)
    return files


def _prepare_dirty_build(config: MkDocsConfig, files: Files, keep: frozenset[str] | None) -> None:
    """Clear the preview for a full build, or note which pages this build writes again."""
    if keep is None:
        clean_directory(config.site_dir)
        _state["rebuilt"] = None
        if "built" in _state:
            log.info("The navigation, an address or a template changed: rebuilding every page")
        return
    pages = files.documentation_pages()
    _state["rebuilt"] = {f.url for f in pages if f.is_modified()}
    names = ", ".join(f"/{url}" for url in sorted(_state["rebuilt"])) or "none"
    log.info(f"Rebuilding {len(_state['rebuilt'])} of {len(pages)} pages: {names}")


class _CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates compiled once per preview, not once per rebuild (MkDocs makes a new
    Jinja environment each build; compiling Material's templates takes about 0.3 s). Jinja checks
    each template's source against what was compiled."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    if _state.get("incremental"):
        env.bytecode_cache = _state.setdefault("templates", _CompiledTemplates())
    return env


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    """Poll for edits every PREVIEW_POLL_S. Polling (not inotify) is MkDocs' choice because it sees
    edits on every file system; the paths MkDocs watched before this event move to the new
    observer, and the `watch:` paths are added to it after this event."""
    if not _state.get("incremental"):
        return server
    moved = []
    for path in [config.docs_dir, config.config_file_path, *config.theme.dirs]:
        try:
            server.unwatch(path)
        except KeyError:
            continue  # not watched (theme folders are, with --watch-theme only)
        moved.append(path)
    server.observer = PollingObserver(timeout=PREVIEW_POLL_S)
    for path in moved:
        server.watch(path)
    return server


@event_priority(100)  # before Material's search writes its index
def on_post_build(config: MkDocsConfig) -> None:
    if not _state.get("incremental"):
        return
    _merge_search_index(config, _state["rebuilt"])
    _state["built"] = _state["now"]


def _merge_search_index(config: MkDocsConfig, rebuilt: set[str] | None) -> None:
    """A dirty build indexes only the pages it wrote; the rest come from the last build's index.
    Material's own merge drops from the last index the entries of the first page written only (the
    others would be listed twice) and, when that page is the home page (address ""), every entry;
    so the hook merges, and Material's merge is given nothing to do."""
    search = config.plugins.get("material/search")
    previous = getattr(search, "search_index_prev", None)
    if search is None or previous is None:
        return
    if rebuilt is not None:
        kept = [e for e in previous.entries if e["location"].split("#")[0] not in rebuilt]
        search.search_index.entries = kept + search.search_index.entries
    search.search_index_prev = None


def on_build_error(error: Exception) -> None:
    _state.pop("built", None)  # a half-written preview is rebuilt whole next time
