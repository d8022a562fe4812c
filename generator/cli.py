"""Command line: `python -m generator check|site|sites|write|schema`. Data problems print as located
and exit 1, never as a traceback; a bug in our own code still shows its traceback."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .errors import DataErrors
from .site import ROOT, BuildFailed, build_site


def _brand(args) -> Path | None:
    return Path(args.clinic) / "brand.yml" if args.clinic else None


def _default_out(args) -> Path:
    if args.out:
        return Path(args.out)
    return ROOT / "build" / "sites" / Path(args.clinic).name if args.clinic else ROOT / "site"


def cmd_check(args) -> int:
    from .load import load_guide

    guide = load_guide(ROOT / "data", _brand(args), display_root=Path.cwd())
    print(f"data OK: {len(guide.keys)} keys, {len(guide.exercises)} exercises and stretches, "
          f"{len(guide.recovery)} recovery tools, {len(guide.routines)} routines, "
          f"{len(guide.flowchart.nodes)} flowchart nodes, {len(guide.red_flags.flags)} red flags")
    return 0


def cmd_site(args) -> int:
    out = _default_out(args)
    changed = build_site(out, _brand(args))
    print(f"built {out}" if changed else f"{out} is up to date: no input changed, nothing written")
    return 0


def clinic_folders(root: Path = ROOT) -> list[Path]:
    """Every clinic under clinics/ (a folder holding brand.yml), in name order."""
    folder = root / "clinics"
    return sorted(p.parent for p in folder.glob("*/brand.yml")) if folder.is_dir() else []


def cmd_sites(args) -> int:
    """The guide and every clinic, built in parallel into their own folders; one setup for all."""
    from concurrent.futures import ThreadPoolExecutor

    jobs = [(None, ROOT / "site")] + [(c, ROOT / "build" / "sites" / c.name) for c in clinic_folders()]

    def build(job):
        clinic, out = job
        try:
            changed = build_site(out, clinic / "brand.yml" if clinic else None)
            return (f"built {out}" if changed else f"{out} is up to date"), True
        except (DataErrors, BuildFailed) as exc:
            return f"FAILED {clinic or 'guide'}:\n{exc}", False

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(build, jobs))
    for message, ok in results:
        print(message, file=sys.stdout if ok else sys.stderr)
    return 0 if all(ok for _, ok in results) else 1


def cmd_schema(args) -> int:
    from .schema import SCHEMA_DIR, write_schemas

    written = write_schemas()
    print(f"{SCHEMA_DIR}: " + (", ".join(written) + " updated" if written else "up to date"))
    return 0


def cmd_write(args) -> int:
    from .export import write_export
    from .load import load_guide

    brand_file = _brand(args) or ROOT / "data" / "brand.yml"
    guide = load_guide(ROOT / "data", brand_file, display_root=Path.cwd())
    out = Path(args.out) if args.out else ROOT / "build" / "export" / (Path(args.clinic).name if args.clinic else "guide")
    changed = write_export(guide, brand_file, ROOT, out)
    print(f"{out}: {changed} file(s) changed" if changed else f"{out}: up to date, nothing written")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, func, help_text in (("check", cmd_check, "validate the data and brand, write nothing"),
                                  ("site", cmd_site, "build the site atomically (site/ or build/sites/<clinic>/)"),
                                  ("write", cmd_write, "write docs + mkdocs.yml for hook-less builders (build/export/)")):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--clinic", help="a clinic folder holding brand.yml (default: the neutral brand in data/)")
        p.set_defaults(func=func)
    sub.choices["site"].add_argument("--out", help="output folder")
    sub.choices["write"].add_argument("--out", help="output folder")
    sub.add_parser("schema", help="regenerate the JSON Schemas in data/schema/").set_defaults(func=cmd_schema)
    sub.add_parser("sites", help="build the guide and every clinic under clinics/").set_defaults(func=cmd_sites)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except DataErrors as exc:
        print(f"{len(exc.errors)} problem(s) in the data; nothing was written:", file=sys.stderr)
        for error in exc.errors:
            print(f"  {error}", file=sys.stderr)
        return 1
    except BuildFailed as exc:
        print(str(exc), file=sys.stderr)
        return 1
