"""The `guide` command (also `python -m generator`): check the data, build a site, build every
clinic, export a hook-less tree, write the JSON Schemas, draw the figures' review sheet.

Commands work on the project around the current folder (a folder with data/ and mkdocs.yml)."""

from __future__ import annotations

import argparse
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import DataErrors, TemplateBug
from .paths import Project, ProjectNotFound, find_project
from .shards import ALL, Shard, ShardRefused, parse_shard
from .site import BuildFailed, build_site

if TYPE_CHECKING:  # the models are heavy to import; a cached build never needs them
    from .model import Guide


def _clinic(args: argparse.Namespace) -> Path | None:
    return Path(args.clinic) if args.clinic else None


def _brand(args: argparse.Namespace) -> Path | None:
    clinic = _clinic(args)
    return clinic / "brand.yml" if clinic else None


def cmd_check(project: Project, args: argparse.Namespace) -> int:
    from .load.guide import load_editions, read_library

    library = read_library(project.data, _brand(args), display_root=Path.cwd())
    guides, findings = load_editions(library)
    guide = next(iter(guides.values()))
    print(
        f"data OK: {len(guide.protocols)} protocols ({', '.join(p.id for p in guide.protocols)}), "
        f"{len(guide.keys)} keys, {len(guide.exercises)} exercises and stretches, "
        f"{len(guide.recovery)} recovery tools, {len(guide.routines)} routines, "
        f"{len(guide.nodes)} flowchart nodes, {len(guide.flags)} warning signs"
    )
    for warning in review_warnings(guide, clinic=_clinic(args) is not None):
        print(f"WARNING: {warning}", file=sys.stderr)
    for code, found in findings.items():
        edition = guides[code].edition
        reviewed = "checked by a clinician" if edition.translation and edition.translation.review else "not yet checked"
        print(
            f"{code}: {len(found.missing)} not translated yet, {len(found.outdated)} out of date, "
            f"{len(found.extra)} extra (translation {reviewed})"
        )
        for line in found.lines():
            print(f"  {line}")
    return 0


def cmd_translate(project: Project, args: argparse.Namespace) -> int:
    """Write every translation file of a language with every word, for a translator to fill in."""
    from .load.guide import read_library, translation_sources
    from .load.translations import write_translation_files

    library = read_library(project.data, _brand(args), display_root=Path.cwd())
    if args.language == library.source_language:
        print(f"`{args.language}` is the language the data is written in", file=sys.stderr)
        return 1
    language_file = project.data / "translations" / args.language / "language.yml"
    if not language_file.is_file():
        print(
            f"first write {language_file.relative_to(project.root)}: the language's name and locale, who "
            "translates it and when (see docs in README, 'Languages')",
            file=sys.stderr,
        )
        return 1
    sources = translation_sources(library, brand_only=_clinic(args) is not None)
    changed = write_translation_files(sources, args.language, Path.cwd())
    for path in changed:
        print(f"wrote {os.path.relpath(path)}")
    print(f"{len(changed)} file(s) changed; `guide check` lists what is left to translate")
    return 0


def review_warnings(guide: Guide, clinic: bool) -> list[str]:
    """What a clinic must know before patients see its copy: nobody named has reviewed it, or the
    review was of an older edition of the guide."""
    review = guide.brand.clinical_review
    if review is None:
        return (
            ["no clinical lead is named (brand.yml `clinical_review`): every page says the guide is not yet reviewed"]
            if clinic
            else []
        )
    if review.edition != guide.site.edition:
        return [f"the clinical review was of edition {review.edition}; the guide is now at {guide.site.edition}"]
    return []


def cmd_site(project: Project, args: argparse.Namespace) -> int:
    out = Path(args.out) if args.out else project.site_out(_clinic(args))
    changed = build_site(project, out, _brand(args))
    print(f"built {out}" if changed else f"{out} is up to date: no input changed, nothing written")
    return 0


def site_copies(project: Project) -> list[tuple[str, Path | None, Path]]:
    """What `guide sites` builds, in order: (name, clinic folder or None, output folder), the
    guide itself first, then every clinic folder by name (the order shards are cut from)."""
    copies: list[tuple[str, Path | None, Path]] = [("guide", None, project.site_out(None))]
    copies += [(c.name, c, project.site_out(c)) for c in project.clinic_folders()]
    return copies


def _shard(text: str) -> Shard:
    try:
        return parse_shard(text)
    except ShardRefused as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def cmd_sites(project: Project, args: argparse.Namespace) -> int:
    """The guide and every clinic (or one shard of them), built in parallel into their own
    folders; one setup for all. Each warning names the copy it is about."""
    copies = site_copies(project)
    shard: Shard = args.shard or ALL
    mine = shard.pick(copies)
    if args.list:
        for name, _, _ in mine:
            print(name)
        return 0
    if not mine:
        print(f"shard {shard}: nothing to build ({len(copies)} copies over {shard.count} shards)")
        return 0

    def build(job: tuple[str, Path | None, Path]) -> tuple[str, bool]:
        name, clinic, out = job

        def warn(text: str) -> None:
            print(f"WARNING: {name}: {text}", file=sys.stderr, flush=True)

        try:
            changed = build_site(project, out, clinic / "brand.yml" if clinic else None, warn=warn)
            return (f"built {out}" if changed else f"{out} is up to date"), True
        except (DataErrors, BuildFailed) as exc:
            return f"FAILED {name}:\n{exc}", False

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(build, mine))
    for message, ok in results:
        print(message, file=sys.stdout if ok else sys.stderr)
    return 0 if all(ok for _, ok in results) else 1


def cmd_schema(project: Project, args: argparse.Namespace) -> int:
    """The JSON Schemas and the field reference of WRITING-PROTOCOLS.md: both are written from the
    models, so one command keeps what editors read in step with what the build accepts."""
    from .reference import write_reference
    from .schema import write_schemas

    written = write_schemas(project.schema_dir)
    print(f"{project.schema_dir}: " + (", ".join(written) + " updated" if written else "up to date"))
    guide = project.writing_guide
    print(f"{guide.name}: " + ("field reference updated" if write_reference(guide) else "up to date"))
    return 0


def cmd_write(project: Project, args: argparse.Namespace) -> int:
    from .export import write_export
    from .load import load_guide

    guide = load_guide(
        project.data,
        project.brand_file(_clinic(args)),
        display_root=Path.cwd(),
        site_url=os.environ.get("SITE_URL") or None,
        language=args.language,
    )
    out = (
        Path(args.out)
        if args.out
        else project.export_out(_clinic(args), None if guide.edition.prefix == "" else guide.edition.code)
    )
    changed = write_export(guide, project, out)
    print(f"{out}: {changed} file(s) changed" if changed else f"{out}: up to date, nothing written")
    return 0


def cmd_clinic_key(project: Project, args: argparse.Namespace) -> int:
    from .keys import KeyRefused, make_clinic_key

    clinic = Path(args.clinic_folder)
    private = Path(args.private_key) if args.private_key else Path.home() / "guide-keys" / f"{clinic.name}-plan-key.pem"
    try:
        pair = make_clinic_key(clinic, private, project.root)
    except KeyRefused as exc:
        print(f"no key was made: {exc}", file=sys.stderr)
        return 1
    print(f"public key: {pair.public_path}" + (" (brand.yml now points to it)" if pair.brand_updated else ""))
    print(f"private key: {pair.private_path}")
    print("Keep the private key safe and private: never commit it, never put it on a web server, never send it by")
    print("e-mail. Load it once into the plan builder (/prescribe/) on the device you use to prescribe.")
    return 0


def cmd_figures(project: Project, args: argparse.Namespace) -> int:
    from .figures.review import write_review_sheet

    out = Path(args.out) if args.out else project.build / "figures.html"
    count = write_review_sheet(out, project.data, _brand(args))
    print(f"wrote {out}: {count} figures")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="guide", description=__doc__)
    parser.add_argument("--project", help="the project folder (default: the one around the current folder)")
    sub = parser.add_subparsers(dest="command", required=True)
    commands = (
        ("check", cmd_check, "validate the data and brand, write nothing"),
        ("site", cmd_site, "build the site atomically (site/ or build/sites/<clinic>/)"),
        ("write", cmd_write, "write docs + mkdocs.yml for hook-less builders (build/export/)"),
        ("figures", cmd_figures, "write the review sheet of every exercise figure (build/figures.html)"),
    )
    for name, func, help_text in commands:
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--clinic", help="a clinic folder holding brand.yml (default: the neutral brand in data/)")
        p.set_defaults(func=func)
    for name in ("site", "write", "figures"):
        sub.choices[name].add_argument("--out", help="output path")
    sub.choices["write"].add_argument("--language", help="the language to write (default: the copy's default)")
    translate = sub.add_parser("translate", help="write a language's translation files, every word listed")
    translate.add_argument("language", help="the language's code, a folder of data/translations/")
    translate.add_argument("--clinic", help="write only the clinic's own words (its folder's translations/)")
    translate.set_defaults(func=cmd_translate)
    sub.add_parser(
        "schema", help="regenerate the JSON Schemas in data/schema/ and the field reference of WRITING-PROTOCOLS.md"
    ).set_defaults(func=cmd_schema)
    sites = sub.add_parser(
        "sites",
        help="build the guide and every clinic under clinics/",
        description="Build the guide into site/ and every clinic under clinics/ into build/sites/<name>/.",
    )
    sites.add_argument(
        "--shard",
        type=_shard,
        metavar="I/N",
        help="build only shard I of N (from 1): the guide, then the clinics by folder name, dealt round "
        "robin, so shard 1 builds the guide; every shard together build each copy once",
    )
    sites.add_argument("--list", action="store_true", help="print the names of the copies it would build; build none")
    sites.set_defaults(func=cmd_sites)
    key = sub.add_parser("clinic-key", help="make the key pair a clinic signs prescribed plans with")
    key.add_argument("clinic_folder", help="the clinic's folder (holding brand.yml)")
    key.add_argument(
        "--private-key", help="where to write the private key, outside the project (default: ~/guide-keys/)"
    )
    key.set_defaults(func=cmd_clinic_key)
    args = parser.parse_args(argv)
    # Fonts embedded in the cards PDF are stamped with this time: pin it so builds are reproducible.
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    try:
        project = Project(Path(args.project).resolve()) if args.project else find_project()
        return int(args.func(project, args))
    except ProjectNotFound as exc:
        print(exc, file=sys.stderr)
        return 2
    except DataErrors as exc:
        print(f"{len(exc.errors)} problem(s) in the data; nothing was written:", file=sys.stderr)
        for error in exc.errors:
            print(f"  {error}", file=sys.stderr)
        return 1
    except BuildFailed as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except TemplateBug as exc:
        print(f"internal error in a template of the generator (please report it): {exc}", file=sys.stderr)
        return 2
