"""Build a whole site (the guide or a clinic's copy) with MkDocs, atomically.

The guide is loaded and validated once, here; everything it generates is written with the
hand-written pages into a plain docs tree with its own mkdocs.yml (the export, as Zensical gets
it), which MkDocs then builds as a subprocess with no hook (so this package never imports it).
Last come what only a deployable build has: the security policy and the service worker. A failed
build leaves the previous output exactly as it was.

The tree is kept in the build cache under the fingerprint of every input, so building the same
inputs again (into an empty folder, another output path, after `rm -rf site`) skips loading,
checking and rendering: it would give the same bytes. That path imports none of the generator's
heavy modules (models, Jinja, WeasyPrint), which is why they are imported inside the function.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from .languages import link_languages
from .offline.worker import WORKER_FILE, worker_text
from .output import remove_leftovers, staging_dir, swap_in
from .paths import Project, translation_languages
from .policy import apply_policy

# How many exported trees the build cache keeps (the guide and a few clinics), most recent first.
KEEP_TREES = 8
TREE_META = ".tree.json"


class BuildFailed(Exception):
    """MkDocs (or the PDF step inside it) failed; the message holds its output."""


def source_date_epoch(root: Path) -> dict[str, str]:
    """Dates in the output (the sitemap) come from the last commit, not the clock, so the same
    sources build the same bytes on any day. Outside git, the clock is used."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return {}
    try:
        stamp = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, timeout=10
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return {}
    return {"SOURCE_DATE_EPOCH": stamp} if stamp.isdigit() else {}


def mkdocs_command(config: Path, out: Path) -> list[str]:
    # Not --quiet: with it, MkDocs 1.6 stops counting warnings and --strict lets them pass.
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(out)]


INPUTS = ("data", "docs", "overrides", "generator", "hooks", "mkdocs.yml", "requirements/runtime.lock")


def input_fingerprint(root: Path, brand_file: Path | None) -> str:
    """A hash of everything a build reads: when it is unchanged, so is the site."""
    digest = hashlib.sha256()
    paths = [(root / name, root) for name in INPUTS]
    if brand_file:
        # A clinic's folder, inside the project or anywhere else.
        paths.append((brand_file.resolve().parent, brand_file.resolve().parent.parent))
    for base, relative_to in paths:
        files = (
            [base]
            if base.is_file()
            else sorted(p for p in base.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        )
        for file in files:
            digest.update(file.relative_to(relative_to).as_posix().encode())
            digest.update(b"\0" + file.read_bytes() + b"\0")
    for name in ("SITE_URL", "SOURCE_DATE_EPOCH"):
        digest.update(f"{name}={os.environ.get(name, '')}\0".encode())
    return digest.hexdigest()


def stamp_path(out: Path) -> Path:
    return out.parent / f".{out.name}.stamp"


def published_languages(data: Path, brand_file: Path | None) -> list[str]:
    """The languages a build publishes, the default first, read cheaply (no models): the brand's
    `languages`, else the data's own language and every translation. The loader checks them."""
    brand = _yaml(brand_file or data / "brand.yml")
    chosen = brand.get("languages") if isinstance(brand, dict) else None
    if isinstance(chosen, list) and chosen and all(isinstance(c, str) for c in chosen):
        return list(dict.fromkeys(chosen))
    site = _yaml(data / "site.yml")
    own = site.get("language", {}).get("code", "en") if isinstance(site, dict) else "en"
    return [own, *(code for code in translation_languages(data) if code != own)]


def _yaml(path: Path) -> Any:
    import yaml

    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return None  # the loader reports it, located


def finish(site: Path, metas: list[dict[str, Any]]) -> None:
    """What only a deployable build has, written once MkDocs is done: each page's links to itself
    in the other languages, the security policy in every page and in `_headers`, then each
    language's service worker, whose precache list names every file of that language's site (so it
    comes last)."""
    link_languages(site, metas)
    apply_policy(site)
    prefixes = [meta["prefix"] for meta in metas]
    for meta in metas:
        root = site / meta["prefix"]
        elsewhere = [p for p in prefixes if p and p != meta["prefix"] and p.startswith(meta["prefix"])]
        (root / WORKER_FILE).write_text(worker_text(root, meta["language"], elsewhere), encoding="utf-8")


def _exported_tree(
    project: Project, brand_file: Path | None, fingerprint: str, language: str
) -> tuple[Path, dict[str, Any]]:
    """The export of these inputs in one language: from the build cache, or loaded, checked and
    written there now. Returns the tree and what the rest of the build needs to know about it
    (language, where it lives, warnings). Runs in a process of its own, one per language; it
    prints nothing, so the build says each warning once, not once per language."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    trees = project.cache / "trees"
    tree = trees / f"{fingerprint[:32]}-{language}"
    meta_file = tree / TREE_META
    if meta_file.is_file():
        os.utime(tree)  # most recently used
        meta: dict[str, Any] = json.loads(meta_file.read_text(encoding="utf-8"))
        return tree, meta
    from .export import export_files
    from .load import load_guide

    guide = load_guide(  # raises DataErrors before anything is written
        project.data,
        brand_file,
        display_root=project.root,
        site_url=os.environ.get("SITE_URL") or None,
        language=language,
    )
    trees.mkdir(parents=True, exist_ok=True)
    warnings: list[str] = []
    # Written beside its final place and renamed into it whole, so a failed or parallel build never
    # leaves a half tree under a fingerprint. The export names paths relative to its own folder,
    # so it is made at the depth it will live at.
    staging = Path(tempfile.mkdtemp(prefix=".tree-", dir=trees))
    try:
        files = export_files(guide, project, tree, worker=WORKER_FILE, warn=warnings.append)
        for relative, content in files.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        meta = {
            "language": guide.edition.code,
            "prefix": guide.edition.prefix,
            "site_url": guide.brand.site_url,
            "warnings": warnings,
        }
        (staging / TREE_META).write_text(json.dumps(meta), encoding="utf-8")
        try:
            staging.rename(tree)
        except OSError:
            if not meta_file.is_file():  # not a parallel build of the same inputs: a real failure
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _prune(trees, keep=tree)
    return tree, meta


def _prune(trees: Path, keep: Path) -> None:
    """Only the KEEP_TREES most recently used trees stay, and no half tree of a build that was
    killed (one left for an hour; a younger one may be a parallel build's, still being written)."""
    entries = sorted((p for p in trees.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime, reverse=True)
    done = [p for p in entries if not p.name.startswith(".")]
    stale = [p for p in entries if p.name.startswith(".") and time.time() - p.stat().st_mtime > 3600]
    for old in done[KEEP_TREES:] + stale:
        if old != keep:
            shutil.rmtree(old, ignore_errors=True)


def _print_warning(text: str) -> None:
    print(f"WARNING: {text}", file=sys.stderr, flush=True)


def mkdocs_messages(output: str) -> str:
    """What of MkDocs' output a person needs: its warnings and errors, and why a build stopped.
    Its INFO records (cleaning, building, "built in") are dropped with their continuation lines
    (indented lines that go on a record, such as a list of pages), so none is left dangling."""
    kept = []
    keep = True
    for line in output.splitlines(keepends=True):
        if not line[:1].isspace() or not line.strip():
            keep = not line.startswith(("INFO", "DEBUG"))
        if keep and line.strip():
            kept.append(line)
    return "".join(kept)


def build_site(
    project: Project, out: Path, brand_file: Path | None = None, warn: Callable[[str], None] = _print_warning
) -> bool:
    """Validate, build into a staging folder, then swap it in place of `out`: one MkDocs build per
    language (the default at the root, others under /<code>/), side by side on the machine's cores.
    Each warning is told to `warn` once, however many languages share it (`guide sites` names the
    copy it is about). Returns False, having written nothing, when no input changed since the last
    build."""
    root = project.root
    remove_leftovers(out)
    fingerprint = input_fingerprint(root, brand_file)
    stamp = stamp_path(out)
    if out.is_dir() and stamp.is_file() and stamp.read_text() == fingerprint:
        return False
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **source_date_epoch(root)}
    # Fonts embedded in the cards PDF are stamped with this time.
    os.environ.setdefault("SOURCE_DATE_EPOCH", env.get("SOURCE_DATE_EPOCH", "0"))
    languages = published_languages(project.data, brand_file)
    trees = _trees(project, brand_file, fingerprint, languages)
    for warning in dict.fromkeys(w for _, meta in trees for w in meta["warnings"]):
        warn(warning)
    staging = staging_dir(out)
    parts = [staging.with_name(f"{staging.name}-{meta['language']}") for _, meta in trees]
    try:
        builds = [
            subprocess.Popen(
                mkdocs_command(tree / "mkdocs.yml", part),
                cwd=tree,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            for (tree, _), part in zip(trees, parts, strict=True)
        ]
        failed = False
        said = []
        for build in builds:
            # MkDocs prints an aborted build's reason on stdout; pass it on, minus INFO chatter.
            output, _ = build.communicate()
            said.append(mkdocs_messages(output))
            failed = failed or build.returncode != 0
        messages = "".join(dict.fromkeys(said))  # each language's build says the same things
        if failed:
            raise BuildFailed(f"{messages}mkdocs build failed; {out} is unchanged")
        for line in messages.splitlines():
            warn(re.sub(r"^WARNING\s*-\s*", "", line))
        parts[0].rename(staging)
        for (_, meta), part in zip(trees[1:], parts[1:], strict=True):
            part.rename(staging / meta["prefix"])
        finish(staging, [meta for _, meta in trees])
        swap_in(staging, out)
        stamp.write_text(fingerprint)
        return True
    finally:
        for folder in (staging, *parts):
            shutil.rmtree(folder, ignore_errors=True)


def _trees(
    project: Project, brand_file: Path | None, fingerprint: str, languages: list[str]
) -> list[tuple[Path, dict[str, Any]]]:
    """Each language's exported tree, made in parallel (one process per language, each loading the
    library itself: loading is quick, rendering and laying out the cards is not)."""
    if len(languages) == 1:
        return [_exported_tree(project, brand_file, fingerprint, languages[0])]
    workers = min(len(languages), os.cpu_count() or 1)
    # Spawned, not forked: `guide sites` builds several copies from threads.
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        jobs = [pool.submit(_exported_tree, project, brand_file, fingerprint, code) for code in languages]
        return [job.result() for job in jobs]
