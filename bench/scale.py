"""One scale of bench/run.py: write the synthetic project (every protocol, every language), then
measure there the generator's steps, the builds (generator site, hooked MkDocs, plain MkDocs,
Zensical), the same library in one language, the no-change rebuild, page transfer per page type,
readability per language and `mkdocs serve`, with repeats for the medians, within the time
budget. The order and the budget decisions live here; how each thing is measured lives in the
modules it imports.

The plain baseline is plain MkDocs + Material on the exported trees the build made (one per
language, the same Markdown), built side by side as the guide builds its languages."""

from __future__ import annotations

import gzip
import json
import os
import shutil
from pathlib import Path

import synth
from measure import (
    BENCH,
    PY,
    REPO,
    Budget,
    checked,
    compare_snapshots,
    log,
    median,
    run_parallel,
    run_timed,
    snapshot,
    tree_size,
    warnings_in,
)
from readability import readability
from serve import serve_edits
from weight import GZIP_LEVEL, heaviest_pages, own_assets, page_stats, plain_docs
from zensical_baseline import compare_outputs


def language_trees(project: Path) -> list[tuple[Path, dict]]:
    """The exported tree of each language the last build made (its build cache), the default first."""
    trees = []
    for meta_file in (project / "build" / "cache" / "trees").glob("*/.tree.json"):
        trees.append((meta_file.parent, json.loads(meta_file.read_text(encoding="utf-8"))))
    return sorted(trees, key=lambda t: (len(t[1]["prefix"]), t[1]["language"]))


def bench_scale(
    k: int, runs: int, budget: Budget, work: Path, env: dict, zensical: dict, opts, prior: dict | None = None
) -> dict:
    project = work / f"project-{k}x"
    log(f"{k}x: writing the synthetic project")
    res: dict = {
        "scale": k,
        "runs_planned": runs,
        "loadavg_start": os.getloadavg(),
        "counts": synth.make_project(project, k),
    }
    big = k >= 100
    growth = k / prior["scale"] if prior else 1.0

    def extrapolate(value: float | None, fallback: float) -> float:
        """A cost seen at the scale before, grown linearly (plus half again for safety)."""
        return value * growth * 1.5 if prior and value is not None else fallback

    if k == 1:
        # What any command pays before it does anything: the interpreter, then our imports.
        bare = [run_timed([PY, "-c", "pass"], project, env)["wall_s"] for _ in range(3)]
        site_import = [run_timed([PY, "-c", "import generator.site"], project, env)["wall_s"] for _ in range(3)]
        cli_import = [run_timed([PY, "-c", "import generator.cli"], project, env)["wall_s"] for _ in range(3)]
        res["startup"] = {
            "python_s": median(bare),
            "import_generator_site_s": median(site_import) - median(bare),
            "import_generator_cli_s": median(cli_import) - median(bare),
        }

    # 1. The generator's own steps, in one fresh process.
    log(f"{k}x: generator steps (load, render, PDF, export) x{runs}")
    steps = run_timed(
        [
            PY,
            str(BENCH / "steps.py"),
            str(project),
            "--runs",
            str(runs),
            "--pdf-runs",
            str(1 if big else runs),
            "--tracemalloc",
        ],
        REPO,
        env,
    )
    checked(steps, "bench/steps.py")
    s = json.loads(steps["output"].strip().splitlines()[-1])
    s["process_maxrss_mb"] = steps["maxrss_mb"]
    res["steps"] = s
    write_s = max(s["export_fresh_median_s"] - s["render_warm_median_s"], 0.0)
    res["generator"] = {
        "load_cold_s": s["load_s"][0],
        "load_median_s": s["load_median_s"],
        "render_cold_s": s["render_s"][0],
        "render_median_s": s["render_warm_median_s"],
        "write_s": write_s,
        "export_fresh_median_s": s["export_fresh_median_s"],
        "imports_s": s["import_load_s"] + s["import_render_s"] + s["import_pdf_export_s"],
        "pdf_median_s": s["pdf_median_s"],
        "pdf_ms_per_card": 1000 * s["pdf_median_s"] / s["pdf_cards"],
    }
    g = res["generator"]
    g["steps_cold_s"] = g["load_cold_s"] + g["render_cold_s"] + write_s  # one run of each, as a build does
    g["steps_cold_with_imports_s"] = g["steps_cold_s"] + g["imports_s"]
    g["steps_warm_s"] = g["load_median_s"] + g["render_median_s"] + write_s
    export = project / "export"

    # 2. The whole `python -m generator site`, into a fresh folder.
    def site_run(out: Path) -> dict:
        return checked(run_timed([PY, "-m", "generator", "site", "--out", str(out)], project, env), "generator site")

    log(f"{k}x: python -m generator site (fresh, no build cache: as on a fresh clone)")
    site_out = work / f"site-{k}x"
    shutil.rmtree(project / "build" / "cache", ignore_errors=True)  # the steps above filled it
    site_cold = site_run(site_out)
    site_runs: list[dict] = []
    res["site_output"] = tree_size(site_out)
    res["pages"] = page_stats(site_out)
    search_index = site_out / "search" / "search_index.json"
    if search_index.is_file():
        data = search_index.read_bytes()
        res["search_index"] = {"kb": len(data) / 1024, "gz_kb": len(gzip.compress(data, GZIP_LEVEL, mtime=0)) / 1024}

    # 3. Plain MkDocs + Material on the exported Markdown of each language (no generator step),
    # the languages side by side, as the guide builds them.
    trees = language_trees(project)
    res["languages_built"] = [meta["language"] for _, meta in trees]
    languages = [meta["prefix"].rstrip("/") for _, meta in trees if meta["prefix"]]

    def plain_run(configs: list[tuple[Path, Path]]) -> dict:
        cmds = [([PY, "-m", "mkdocs", "build", "-f", str(c), "-d", str(o)], project) for c, o in configs]
        return checked(run_parallel(cmds, env), "plain mkdocs build")

    log(f"{k}x: plain MkDocs build of the exported trees ({', '.join(res['languages_built'])})")
    # Each language into a folder of its own (MkDocs empties its output folder first, so one
    # language's build inside another's would race with it); the default language's is plain_out.
    plain_configs = [(tree / "mkdocs.yml", work / f"plain-{k}x-{meta['language']}") for tree, meta in trees]
    plain_out = plain_configs[0][1]
    plain_runs = [plain_run(plain_configs)]
    res["plain_warnings"] = warnings_in(plain_runs[0]["output"])[:10]
    one_build = max(site_cold["wall_s"], 1.0)

    # 4. The real build: mkdocs build --strict with the hook.
    hooked_runs = []
    hooked_out = work / f"hooked-{k}x"
    if budget.allow(f"{k}x hooked mkdocs build", one_build):
        log(f"{k}x: mkdocs build --strict (with the hook)")
        hooked_runs.append(
            checked(
                run_timed([PY, "-m", "mkdocs", "build", "--strict", "-d", str(hooked_out)], project, env),
                "mkdocs build",
            )
        )
        shutil.rmtree(hooked_out, ignore_errors=True)

    # 5. Zensical on the same export.
    zres: dict = {"available": zensical.get("available", False)}
    z_prior = (prior or {}).get("zensical", {}).get("cold_median_s")
    if zensical.get("available") and budget.allow(
        f"{k}x zensical build", extrapolate(z_prior, max(plain_runs[0]["wall_s"] * 0.5, 2))
    ):
        log(f"{k}x: zensical build")
        zsite = export / "site"
        shutil.rmtree(zsite, ignore_errors=True)
        z = run_timed([zensical["executable"], "build", "-f", "mkdocs.yml", "--clean"], export, env)
        zres.update(
            rc=z["rc"],
            maxrss_mb=z["maxrss_mb"],
            warnings=warnings_in(z["output"])[:15],
            output_tail=z["output"].strip().splitlines()[-5:],
        )
        if z["rc"] != 0:
            lines = z["output"].strip().splitlines()
            zres["failed"] = lines[-1] if lines else f"exit {z['rc']}"
            zres["failed_after_s"] = z["wall_s"]
        else:
            zres["cold_s"] = [z["wall_s"]]
        if z["rc"] == 0 and zsite.is_dir():
            zres["site_output"] = tree_size(zsite)
            zres["pages"] = page_stats(zsite)
            zres["differences"] = compare_outputs(plain_out, zsite, tuple(f"{code}/" for code in languages))
            if budget.allow(f"{k}x zensical warm rebuild", z["wall_s"]):
                zw = run_timed([zensical["executable"], "build", "-f", "mkdocs.yml"], export, env)
                zres["warm_s"] = zw["wall_s"]
        shutil.rmtree(zsite, ignore_errors=True)
    elif not zensical.get("available"):
        zres["reason"] = zensical.get("reason")
    res["zensical"] = zres

    # 6. No-change rebuild: the same command again into the same folder.
    nochange = None
    nc_prior = ((prior or {}).get("nochange") or {}).get("wall_s")
    if not big or budget.allow(f"{k}x no-change rebuild", extrapolate(nc_prior, one_build)):
        log(f"{k}x: no-change rebuild")
        before = snapshot(site_out, hashes=not big)
        r = site_run(site_out)
        after = snapshot(site_out, hashes=not big)
        nochange = {"wall_s": r["wall_s"], **compare_snapshots(before, after)}
        if big:
            nochange.pop("content_changed", None)
            nochange.pop("content_changed_examples", None)
    res["nochange"] = nochange

    # 7. A plain Material page of the same text: each language's export without our CSS, JS,
    # fonts, page data and theme overrides (weight.plain_docs).
    plain_material = None
    if not big or budget.allow(f"{k}x plain-Material build (page transfer)", plain_runs[0]["wall_s"]):
        log(f"{k}x: plain Material build (no CSS, JS, page data or overrides of ours) for page transfer")
        parts = [
            (plain_docs(tree, work / f"export-plain-{k}x-{meta['language']}"), work / f"plain-material-{k}x-{i}")
            for i, (tree, meta) in enumerate(trees)
        ]
        plain_run(parts)
        # Then nested as the guide's site is (another language under /<code>/), to compare page by page.
        plain_material = parts[0][1]
        for (_, folder), (_, meta) in zip(parts[1:], trees[1:], strict=True):
            shutil.rmtree(plain_material / meta["prefix"], ignore_errors=True)
            folder.rename(plain_material / meta["prefix"])
    log(f"{k}x: page transfer")
    res["transfer"] = heaviest_pages(site_out, plain_material, limit=60 if big else None, languages=languages)
    if k == 1:
        res["own_assets"] = own_assets(site_out)
        log(f"{k}x: readability per language")
        res["readability"] = readability(site_out)
    if plain_material:
        shutil.rmtree(plain_material, ignore_errors=True)

    # 7b. The same library in one language: does the second language cost a second build's time?
    res["one_language"] = None
    if not big and len(trees) > 1 and budget.allow(f"{k}x one- and two-language builds", 2 * site_cold["wall_s"]):
        log(f"{k}x: the same library in one language (python -m generator site, no build cache)")
        one = work / f"project-{k}x-one-language"
        counts = synth.make_project(one, k, languages=1)
        one_out = work / f"site-{k}x-one-language"
        r = checked(run_timed([PY, "-m", "generator", "site", "--out", str(one_out)], one, env), "generator site")
        # Right after it, the two languages again from nothing (a shared machine's load changes
        # over minutes: the first build above ran a while ago).
        shutil.rmtree(project / "build" / "cache", ignore_errors=True)
        two_out = work / f"site-{k}x-two-languages"
        two = site_run(two_out)
        res["one_language"] = {
            "counts": counts,
            "wall_s": r["wall_s"],
            "cpu_s": r["cpu_s"],
            "pages": page_stats(one_out)["pages"],
            "two_languages_wall_s": two["wall_s"],
            "two_languages_cpu_s": two["cpu_s"],
            "two_over_one": two["wall_s"] / r["wall_s"],
        }
        for path in (one, one_out, two_out):
            shutil.rmtree(path, ignore_errors=True)

    # 8. Edit -> rebuilt page under `mkdocs serve`.
    serve_edits_n = {1: 3, 10: 2}.get(k, 1)
    hooked_est = hooked_runs[0]["wall_s"] if hooked_runs else one_build
    edit_prior = ((prior or {}).get("serve") or {}).get("edit_to_page_s")
    serve_est = hooked_est + serve_edits_n * (extrapolate(edit_prior, hooked_est) + 1) + 3
    if opts.serve and budget.allow(f"{k}x mkdocs serve (first build + {serve_edits_n} edit(s))", serve_est):
        log(f"{k}x: mkdocs serve, {serve_edits_n} edits")
        res["serve"] = serve_edits(project, env, serve_edits_n, timeout=max(120.0, hooked_est * 4))
    else:
        res["serve"] = None

    # 9. Repeats, for the medians. A `generator site` into an empty folder now has the build cache
    # of the first build (as on a machine that built before): the cards PDF is not laid out again.
    for i in range(1, max(runs, 2)):
        if budget.allow(f"{k}x repeat {i + 1}: generator site", one_build):
            log(f"{k}x: repeat {i + 1}: generator site (empty folder, build cache present)")
            out = work / f"site-{k}x-repeat"
            site_runs.append(site_run(out))
            shutil.rmtree(out, ignore_errors=True)
            for stamp in out.parent.glob(f".{out.name}*"):  # any no-change marker the build left beside it
                shutil.rmtree(stamp, ignore_errors=True) if stamp.is_dir() else stamp.unlink()
        if budget.allow(f"{k}x repeat {i + 1}: plain build", plain_runs[0]["wall_s"]):
            log(f"{k}x: repeat {i + 1}: plain MkDocs build")
            plain_runs.append(plain_run(plain_configs))
        if hooked_runs and budget.allow(f"{k}x repeat {i + 1}: hooked build", hooked_runs[0]["wall_s"]):
            log(f"{k}x: repeat {i + 1}: mkdocs build with the hook")
            hooked_runs.append(
                checked(
                    run_timed([PY, "-m", "mkdocs", "build", "--strict", "-d", str(hooked_out)], project, env),
                    "mkdocs build",
                )
            )
            shutil.rmtree(hooked_out, ignore_errors=True)
        if (
            zres.get("cold_s")
            and zres.get("rc") == 0
            and budget.allow(f"{k}x repeat {i + 1}: zensical", zres["cold_s"][0])
        ):
            z = run_timed([zensical["executable"], "build", "-f", "mkdocs.yml", "--clean"], export, env)
            zres["cold_s"].append(z["wall_s"])
            shutil.rmtree(export / "site", ignore_errors=True)

    def summary(rs: list[dict]) -> dict | None:
        if not rs:
            return None
        return {
            "runs": len(rs),
            "wall_s": [r["wall_s"] for r in rs],
            "median_s": median([r["wall_s"] for r in rs]),
            "maxrss_mb": max(r["maxrss_mb"] for r in rs),
            "cpu_median_s": median([r["cpu_s"] for r in rs]),
            "mkdocs_reported_median_s": median([r["mkdocs_reported_s"] for r in rs]),
        }

    res["site_cold"] = summary([site_cold])
    res["site"] = summary(site_runs) or res["site_cold"]
    res["site_cached_measured"] = bool(site_runs)
    res["plain"] = summary(plain_runs)
    res["hooked"] = summary(hooked_runs)
    if zres.get("cold_s"):
        zres["cold_median_s"] = median(zres["cold_s"])
    res["loadavg_end"] = os.getloadavg()
    if opts.keep:
        res["project"] = str(project)
    else:
        for path in (project, site_out, *(out for _, out in plain_configs)):
            shutil.rmtree(path, ignore_errors=True)
    return res
