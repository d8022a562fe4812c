"""The targets bench/run.py checks and the ratios it derives from the measurements of every scale
(ratios are less noisy than seconds on a shared machine). The limits are here, in one place, so
that changing one is a one-line diff."""

from __future__ import annotations

TARGETS = {
    # Issue 18: the whole `make site` against a plain `mkdocs build` of the exported pages.
    "site_cached_over_plain_max": 1.5,
    "site_cold_over_plain_max": 2.5,
    "serve_edit_to_page_s_max": 1.0,
    "generator_share_max": 0.10,
    "whole_100x_over_1x_max": 120.0,
    "pdf_ms_per_card_max": 30.0,
    "nochange_files_written_max": 0,
    "nochange_generator_s_1x_max": 0.3,
    "own_js_css_gz_max_kb": 15.0,
    "heaviest_page_vs_plain_max": 1.10,
    # Issue 26: content pages against the same page on plain Material; app pages (progress, the plan
    # builder, my plan), where the script is the content, get more.
    "content_page_vs_plain_max": 1.10,
    "app_page_vs_plain_max": 1.20,
    # The whole build grows no faster than the pages it makes: seconds per page, largest / smallest scale.
    "time_per_page_growth_max": 1.0,
    # Two languages built side by side on two cores: well under the 2.0 of one after the other.
    "two_languages_over_one_max": 1.5,
    # "The Spanish guide is as plain as the English": its ease (Szigriszt-Pazos, 0-100) at most
    # this many points under the English Flesch Reading Ease (the formulas differ by a few points).
    "spanish_ease_below_english_max": 5.0,
}


def ratios_and_targets(scales: dict, assets: dict | None) -> tuple[dict, list[dict]]:
    ratios: dict = {}
    targets: list[dict] = []

    def target(name, value, limit, ok_if, detail=""):
        passed = None if value is None else ok_if(value, limit)
        targets.append({"target": name, "value": value, "limit": limit, "pass": passed, "detail": detail})

    for k, r in scales.items():
        plain = r["plain"]["median_s"]
        g = r["generator"]
        cold = r.get("site_cold") or r["site"]
        ratios[f"site_cold_over_plain_{k}x"] = cold["median_s"] / plain
        ratios[f"site_cached_over_plain_{k}x"] = r["site"]["median_s"] / plain
        if k == 1:
            target(
                "make site, empty folder, build cache present / plain mkdocs build, 1x",
                ratios["site_cached_over_plain_1x"],
                TARGETS["site_cached_over_plain_max"],
                lambda v, lim: v <= lim,
                f"{r['site']['median_s']:.2f} s / {plain:.2f} s (medians of {r['site']['runs']} and {r['plain']['runs']})",
            )
            target(
                "make site, fresh clone (no build cache) / plain mkdocs build, 1x",
                ratios["site_cold_over_plain_1x"],
                TARGETS["site_cold_over_plain_max"],
                lambda v, lim: v <= lim,
                f"{cold['median_s']:.2f} s / {plain:.2f} s",
            )
            serve = r.get("serve") or {}
            if serve.get("edit_to_page_s") is not None:
                target(
                    "make serve: data edit to the reloaded page (s), 1x",
                    serve["edit_to_page_s"],
                    TARGETS["serve_edit_to_page_s_max"],
                    lambda v, lim: v <= lim,
                    f"median of {len(serve.get('edits', []))} edits: {serve.get('edits')}",
                )
        if k == max(scales):
            z = r.get("zensical") or {}
            if z.get("available"):
                target(
                    f"Zensical builds the exported tree, {k}x",
                    1.0 if z.get("rc") == 0 else 0.0,
                    1.0,
                    lambda v, lim: v >= lim,
                    z.get("failed") or f"{(z.get('cold_median_s') or 0):.1f} s",
                )
        ratios[f"generator_share_{k}x"] = g["steps_cold_s"] / plain
        ratios[f"generator_share_with_imports_{k}x"] = g["steps_cold_with_imports_s"] / plain
        ratios[f"generator_share_with_pdf_{k}x"] = (g["steps_cold_s"] + g["pdf_median_s"]) / plain
        if r["hooked"]:
            ratios[f"hooked_over_plain_{k}x"] = r["hooked"]["median_s"] / plain
        ratios[f"site_over_plain_{k}x"] = r["site"]["median_s"] / plain
        if r["zensical"].get("cold_median_s"):
            ratios[f"zensical_over_plain_{k}x"] = r["zensical"]["cold_median_s"] / plain
        ratios[f"pdf_ms_per_card_{k}x"] = g["pdf_ms_per_card"]
        target(
            f"generator (load+validate+render+write) / plain mkdocs build, {k}x",
            ratios[f"generator_share_{k}x"],
            TARGETS["generator_share_max"],
            lambda v, lim: v <= lim,
            f"{g['steps_cold_s']:.3f} s / {plain:.2f} s (cold single run of each step; imports excluded, "
            f"with imports {ratios[f'generator_share_with_imports_{k}x']:.1%}; with the PDF "
            f"{ratios[f'generator_share_with_pdf_{k}x']:.1%})",
        )
        target(
            f"cards PDF ms per card, {k}x",
            g["pdf_ms_per_card"],
            TARGETS["pdf_ms_per_card_max"],
            lambda v, lim: v <= lim,
            f"{g['pdf_median_s']:.2f} s for {r['steps']['pdf_cards']} cards",
        )
    ks = sorted(scales)
    if len(ks) >= 2:
        lo, hi = ks[0], ks[-1]
        # Like with like: both with the build cache present, unless the budget left the larger
        # scale with only its first (no cache) build, then both first builds.
        kind = "site" if all(scales[k].get("site_cached_measured") for k in (lo, hi)) else "site_cold"
        whole = scales[hi][kind]["median_s"] / scales[lo][kind]["median_s"]
        ratios[f"whole_build_{hi}x_over_{lo}x"] = whole
        ratios[f"plain_build_{hi}x_over_{lo}x"] = scales[hi]["plain"]["median_s"] / scales[lo]["plain"]["median_s"]
        ratios[f"html_median_{hi}x_over_{lo}x"] = (
            scales[hi]["pages"]["html_median_kb"] / scales[lo]["pages"]["html_median_kb"]
        )
        ratios[f"pages_{hi}x_over_{lo}x"] = scales[hi]["pages"]["pages"] / scales[lo]["pages"]["pages"]
        if hi == 100 and lo == 1:
            target(
                "whole build (python -m generator site) 100x / 1x",
                whole,
                TARGETS["whole_100x_over_1x_max"],
                lambda v, lim: v <= lim,
                f"{scales[hi][kind]['median_s']:.1f} s / {scales[lo][kind]['median_s']:.2f} s"
                + (" (build cache present)" if kind == "site" else " (first builds, no build cache)"),
            )
        hi_pdf, lo_pdf = scales[hi]["generator"], scales[ks[-2]]["generator"]
        cards_hi, cards_lo = scales[hi]["steps"]["pdf_cards"], scales[ks[-2]]["steps"]["pdf_cards"]
        if cards_hi > cards_lo:
            ratios[f"pdf_marginal_ms_per_card_{ks[-2]}x_to_{hi}x"] = (
                1000 * (hi_pdf["pdf_median_s"] - lo_pdf["pdf_median_s"]) / (cards_hi - cards_lo)
            )
        target(
            f"page size flat with scale: median HTML per page {hi}x / {lo}x",
            ratios[f"html_median_{hi}x_over_{lo}x"],
            1.5,
            lambda v, lim: v <= lim,
            f"{scales[lo]['pages']['html_median_kb']:.0f} KB -> {scales[hi]['pages']['html_median_kb']:.0f} KB "
            f"(limit 1.5 is ours: 'flat' within noise)",
        )
        kind_hi = "site" if scales[hi].get("site_cached_measured") else "site_cold"
        kind_lo = kind_hi if scales[lo].get(kind_hi) else "site"
        per_page = {
            k: scales[k][kind]["median_s"] / scales[k]["pages"]["pages"] for k, kind in ((lo, kind_lo), (hi, kind_hi))
        }
        ratios[f"time_per_page_{hi}x_over_{lo}x"] = per_page[hi] / per_page[lo]
        target(
            f"whole build grows no faster than pages: seconds per page {hi}x / {lo}x",
            ratios[f"time_per_page_{hi}x_over_{lo}x"],
            TARGETS["time_per_page_growth_max"],
            lambda v, lim: v <= lim,
            f"{1000 * per_page[lo]:.1f} ms/page ({scales[lo][kind_lo]['median_s']:.1f} s, "
            f"{scales[lo]['pages']['pages']} pages) -> {1000 * per_page[hi]:.1f} ms/page "
            f"({scales[hi][kind_hi]['median_s']:.1f} s, {scales[hi]['pages']['pages']} pages)",
        )
    for k, r in scales.items():
        one_lang = r.get("one_language")
        if one_lang:
            ratios[f"two_languages_over_one_{k}x"] = one_lang["two_over_one"]
            target(
                f"two languages / one language, whole first build (no build cache), {k}x",
                one_lang["two_over_one"],
                TARGETS["two_languages_over_one_max"],
                lambda v, lim: v <= lim,
                f"{one_lang['two_languages_wall_s']:.1f} s for {r['pages']['pages']} pages / "
                f"{one_lang['wall_s']:.1f} s for {one_lang['pages']} pages, back to back; CPU "
                f"{one_lang['two_languages_cpu_s']:.0f} s / {one_lang['cpu_s']:.0f} s, so cores busy on average "
                f"{one_lang['two_languages_cpu_s'] / one_lang['two_languages_wall_s']:.2f} / "
                f"{one_lang['cpu_s'] / one_lang['wall_s']:.2f} (2.00 would be both cores; load average at the "
                f"start of this scale {r['loadavg_start'][0]:.1f})",
            )
    read = (scales.get(1) or {}).get("readability") or {}
    if "en" in read and "es" in read:
        en, es = read["en"]["overall"], read["es"]["overall"]
        below = en["flesch_reading_ease"] - es["szigriszt_pazos"]
        ratios["readability_english_flesch_1x"] = en["flesch_reading_ease"]
        ratios["readability_spanish_szigriszt_pazos_1x"] = es["szigriszt_pazos"]
        ratios["readability_spanish_fernandez_huerta_1x"] = es["fernandez_huerta"]
        target(
            "the Spanish guide is as plain as the English: points of ease under the English",
            below,
            TARGETS["spanish_ease_below_english_max"],
            lambda v, lim: v <= lim,
            f"English Flesch {en['flesch_reading_ease']:.1f} (grade {en['flesch_kincaid_grade']:.1f}); Spanish "
            f"Szigriszt-Pazos {es['szigriszt_pazos']:.1f}, Fernández-Huerta {es['fernandez_huerta']:.1f}",
        )
    one = scales.get(1)
    if one and one.get("nochange"):
        nc = one["nochange"]
        # When nothing was written MkDocs did not run: the whole rebuild is the generator's part.
        gen_part = nc["wall_s"] if nc["files_written"] == 0 else max(nc["wall_s"] - one["plain"]["median_s"], 0.0)
        ratios["nochange_generator_part_1x_s"] = gen_part
        target(
            "no-change rebuild at 1x: files written",
            nc["files_written"],
            TARGETS["nochange_files_written_max"],
            lambda v, lim: v <= lim,
            f"{nc['files_written']} of {nc['files']} files rewritten, "
            f"{nc.get('content_changed')} with different content",
        )
        target(
            "no-change rebuild at 1x: generator part (s)",
            gen_part,
            TARGETS["nochange_generator_s_1x_max"],
            lambda v, lim: v < lim,
            (
                f"the whole no-change `generator site` ({nc['wall_s']:.2f} s): it wrote nothing, so MkDocs did not run"
                if nc["files_written"] == 0
                else f"the no-change `generator site` {nc['wall_s']:.2f} s minus the plain MkDocs build "
                f"{one['plain']['median_s']:.2f} s (the PDF, {one['generator']['pdf_median_s']:.2f} s, is re-made)"
            )
            + f"; for comparison, the generator steps in a fresh process take "
            f"{one['generator']['steps_cold_with_imports_s']:.2f} s with imports",
        )
    if assets:
        target(
            "our JS + CSS gzipped (KB)",
            assets["js_css_gz_kb"],
            TARGETS["own_js_css_gz_max_kb"],
            lambda v, lim: v < lim,
            f"{assets['js_css_raw_kb']:.1f} KB raw; with the generated brand.css "
            f"{assets.get('js_css_gz_with_brand_kb', 0):.1f} KB gz; fonts apart: {assets['fonts_kb']:.1f} KB",
        )
    for k, r in scales.items():
        t = r.get("transfer") or {}
        if t.get("by_type"):
            for app, limit in ((False, TARGETS["content_page_vs_plain_max"]), (True, TARGETS["app_page_vs_plain_max"])):
                rows = [
                    (language, kind, row)
                    for language, kinds in t["by_type"].items()
                    for kind, row in kinds.items()
                    if (kind == "app") == app
                ]
                if not rows:
                    continue
                _, kind, worst = max(rows, key=lambda row: row[2]["worst_ratio"])
                name = "app pages (progress, plan builder, my plan)" if app else "content pages"
                target(
                    f"{name}: first-visit transfer vs plain Material (worst page), {k}x",
                    worst["worst_ratio"],
                    limit,
                    lambda v, lim: v <= lim,
                    f"worst {worst['worst_page']} ({kind}); {len(rows)} page types in "
                    f"{len({row[0] for row in rows})} language(s), median ratio {t['median_ratio']:.2f}",
                )
        elif t.get("worst_ratio"):
            target(
                f"every page's first-visit transfer vs plain Material (worst page), {k}x",
                t["worst_ratio"],
                TARGETS["heaviest_page_vs_plain_max"],
                lambda v, lim: v <= lim,
                f"worst {t['worst_ratio_page']}: {t['worst_ratio_ours_kb']['total']:.0f} KB gz "
                f"(our CSS/JS/fonts {t['worst_ratio_ours_kb']['own']:.0f} KB); heaviest page {t['heaviest_page']} "
                f"{t['ours_kb']['total']:.0f} KB vs {t['plain_kb']['total']:.0f} KB; median ratio {t['median_ratio']:.2f}",
            )
        elif t.get("ratio_estimate"):
            target(
                f"heaviest page transfer vs plain Material, {k}x (estimated)",
                t["ratio_estimate"],
                TARGETS["heaviest_page_vs_plain_max"],
                lambda v, lim: v <= lim,
                f"{t['heaviest_page']}: {t['ours_kb']['total']:.0f} KB vs {t['ours_kb']['plain_estimate']:.0f} KB gz "
                "without our CSS/JS/fonts (no plain build at this scale, see method)",
            )
    return ratios, targets
