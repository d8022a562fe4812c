"""Build: the generator + `mkdocs build --strict` from a temporary copy gives every promised page,
and every dose and threshold on a page is the value in the data."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys

import pytest

from conftest import mkdocs_build, project_copy
from generator.numbers import format_number
from generator.render.ladder import ready_anchor, runners
from generator.render.text import writer
from helpers import knee


def page(site, path: str) -> str:
    file = site / path / "index.html" if not path.endswith((".pdf", ".html")) else site / path
    assert file.exists(), f"missing page /{path}"
    return file.read_text(encoding="utf-8")


def texts(page_html: str, css_class: str) -> list[str]:
    """Text inside elements carrying `css_class` (our own markup has no nesting there)."""
    return [
        html.unescape(re.sub(r"<[^>]+>", "", m))
        for m in re.findall(rf'class="[^"]*\b{css_class}\b[^"]*"[^>]*>(.*?)</', page_html, flags=re.S)
    ]


def plain(page_html: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page_html)))


def test_every_promised_url_exists(built_site, guide):
    paths = ["", "cards/", "flowchart/", "see-a-clinician/", "pain-rule/"]
    paths += [f"keys/{k.id}/" for k in guide.keys]
    paths += [f"exercises/{e.id}/" for e in guide.exercises]
    paths += [f"recovery/{t.id}/" for t in guide.recovery]
    paths += [f"routines/{r.id}/" for r in guide.routines]
    for path in paths:
        assert "<h1" in page(built_site, path), path
    assert (built_site / "cards" / "routine-cards.pdf").read_bytes().startswith(b"%PDF")


def test_exercise_doses_match_the_data(built_site, guide):
    for exercise in guide.exercises:
        text = page(built_site, f"exercises/{exercise.id}/")
        d = exercise.dose
        expected = f"{d.sets} \u00d7 {d.reps}" if exercise.kind == "strength" else f"{d.holds} \u00d7 {d.seconds} s"
        assert texts(text, "dose-big") == [expected], exercise.id
        assert writer(guide).dose_long(d) in plain(text)


def test_recovery_doses_and_thresholds_match_the_data(built_site, guide):
    for tool in guide.recovery:
        text = plain(page(built_site, f"recovery/{tool.id}/"))
        if tool.dose:
            assert writer(guide).dose_long(tool.dose) in text, tool.id
            for value in tool.dose.model_dump(exclude_none=True).values():
                assert str(value) in text
        if tool.use_after_weeks:
            assert f"more than {tool.use_after_weeks} weeks" in text


def test_routine_cards_show_the_routine_doses(built_site, guide):
    for routine in guide.routines:
        text = page(built_site, f"routines/{routine.id}/")
        expected = [
            writer(guide).dose_short(e.dose or guide.item(e.item).dose)
            for e in routine.items
            if (e.dose or guide.item(e.item).dose)
        ]
        assert texts(text, "dose-big") == expected, routine.id
        titles = texts(text, "card-item-title")
        # An item that names a variant shows the variant's title (the floor version of a heel drop).
        shown = [
            next((v.title for v in getattr(guide.item(e.item), "variants", []) if v.id == e.variant), None)
            or guide.item(e.item).title
            for e in routine.items
        ]
        assert titles == shown, routine.id


def test_weight_and_pain_thresholds_match_the_data(built_site, guide):
    weight = plain(page(built_site, "keys/weight/"))
    for band in knee(guide).weight.bands:
        assert band.label in weight
        for edge in (band.from_, band.below):
            if edge is not None:
                assert format_number(edge) in weight
    assert (
        f"over {format_number(knee(guide).weight.obese_from)}" in weight
        or f"{format_number(knee(guide).weight.reduce_before_running_from)}" in weight
    )
    pain = plain(page(built_site, "pain-rule/"))
    rule = knee(guide).pain_rule
    for level in rule.levels:
        assert f"\u2013{level.max}" in pain and level.label in pain
    assert rule.summary in pain


def test_every_page_carries_the_disclaimer_and_one_h1(built_site, guide):
    pages = [p for p in built_site.rglob("index.html") if "search" not in p.parts]
    assert len(pages) >= 30
    for p in pages:
        text = p.read_text(encoding="utf-8")
        shown = html.unescape(text)
        assert knee(guide).protocol.disclaimer in shown or guide.site.disclaimer in shown, p
        assert len(re.findall(r"<h1[ >]", text)) == 1, p


def test_no_escaping_shows_through(built_site):
    """Text is escaped exactly once: no stray backslashes or visible entities on any page."""
    for path in built_site.rglob("index.html"):
        article = re.search(r"<article.*?</article>", path.read_text(encoding="utf-8"), flags=re.S)
        if article is None:
            continue
        text = plain(re.sub(r"<script.*?</script>", "", article.group(0), flags=re.S))
        assert "\\" not in text and "&amp;" not in text and "&lt;" not in text and "&#" not in text, path


def test_a_heading_a_template_writes_is_a_heading_not_text(built_site, guide):
    """Pages whose headings' level depends on the number of protocols write them as headings: no
    paragraph shows the Markdown's "##" as text; the ladder's "Are you ready?" has the id its script
    links to."""
    for path in built_site.rglob("index.html"):
        assert not re.search(r"<p>#+ ", path.read_text(encoding="utf-8")), path
    clinician = page(built_site, "see-a-clinician/")
    for level in guide.region.levels:
        assert re.search(rf"<h[23][^>]*>{re.escape(html.escape(level.title, quote=False))}", clinician), level.id
    ladder = page(built_site, "return-to-running/")
    ready = html.escape(guide.ladder.words.ready_heading, quote=False)
    # one protocol's ladder has its headings at the second level; several each under their own
    followed = runners(guide)
    level = 2 if len(followed) == 1 else 3
    for protocol in followed:
        assert re.search(rf'<h{level} id="{ready_anchor(protocol)}"[^>]*>{re.escape(ready)}', ladder), protocol.id


def test_home_lists_every_key_in_order(built_site, guide):
    """The home page leads to each protocol's page, which lists that protocol's keys in order."""
    home = re.search(r"<article.*?</article>", page(built_site, ""), flags=re.S).group(0)
    ids = [p.id for p in guide.protocols]
    linked = [x for x in re.findall(r'href="([a-z0-9-]+)/"', home) if x in ids]
    assert list(dict.fromkeys(linked)) == ids
    for protocol in guide.protocols:
        article = re.search(r"<article.*?</article>", page(built_site, f"{protocol.id}/"), flags=re.S).group(0)
        found = list(re.findall(r'href="\.\./keys/([a-z0-9-]+)/"', article))
        assert found == [k.id for k in protocol.keys], protocol.id


def test_clinician_page_lists_every_red_flag_with_its_source(built_site, guide):
    html_text = page(built_site, "see-a-clinician/")
    text = plain(html_text)
    for flag in guide.flags:
        assert flag.text in text
        for source_id in flag.source:
            source = guide.source(source_id)
            assert source.title in text, (flag.id, source_id)
            if source.url:  # a source with no address of its own (its note says why) is named, not linked
                assert f'href="{html.escape(source.url)}"' in html_text, (flag.id, source_id)
    for level in guide.region.levels:
        assert level.title in text and level.action in text
        if level.call:
            assert f"{guide.region.label} {level.call.label}: {level.call.number}" in text


def run_generator(project, *args):
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return project_copy(tmp_path_factory.mktemp("gen") / "guide")


def test_check_command_passes_on_shipped_data(project):
    result = run_generator(project, "check")
    assert result.returncode == 0, result.stderr
    assert "data OK" in result.stdout


def test_bad_data_fails_without_traceback_and_touches_nothing(project):
    result = run_generator(project, "site")
    assert result.returncode == 0, result.stderr
    before = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    exercises = project / "data" / "exercises.yml"
    good = exercises.read_text()
    exercises.write_text(good.replace("reps: 20", "reps: lots", 1))
    try:
        result = run_generator(project, "site")
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert re.search(r"data/exercises\.yml:\d+: exercises\[0\]\.dose\.reps: ", result.stderr), result.stderr
        after = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
        assert after == before
        assert not list(project.glob(".site.new-*")), "a staging folder was left behind"
    finally:
        exercises.write_text(good)


def test_write_is_idempotent_and_never_overwrites_hand_written_pages(project):
    out = project / "build" / "export" / "guide"
    first = run_generator(project, "write")
    assert first.returncode == 0 and "changed" in first.stdout, first.stderr
    second = run_generator(project, "write")
    assert "nothing written" in second.stdout
    mtimes = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    run_generator(project, "write")
    assert mtimes == {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    clash = project / "docs" / "keys" / "weight.md"
    clash.parent.mkdir(parents=True, exist_ok=True)
    clash.write_text("# My own page\n")
    try:
        result = run_generator(project, "write")
        assert result.returncode == 1 and "docs/keys/weight.md" in result.stderr
        assert clash.read_text() == "# My own page\n"
        built = mkdocs_build(project, project / "tmp-site")
        assert built.returncode != 0 and "docs/keys/weight.md" in built.stdout + built.stderr
    finally:
        clash.unlink()


def test_exported_tree_builds_with_plain_mkdocs(project):
    run_generator(project, "write")
    config = project / "build" / "export" / "guide" / "mkdocs.yml"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
        cwd=project,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert (config.parent / "site" / "exercises" / "clams" / "index.html").exists()


def test_template_syntax_error_is_located(tmp_path):
    project = project_copy(tmp_path / "guide")
    template = project / "generator" / "templates" / "pain.md.j2"
    lines = template.read_text().splitlines()
    lines[4] = lines[4] + " {% if %}"
    template.write_text("\n".join(lines) + "\n")
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "generator/templates/pain.md.j2:5: template syntax:" in output, output
    assert "Traceback" not in output


def test_long_navigation_sections_are_split_so_pages_stay_small(guide):
    """With hundreds of exercises, each menu level holds at most NAV_SECTION_MAX entries."""
    import dataclasses

    from generator.render.nav import NAV_SECTION_MAX, navigation

    many = [
        e.model_copy(update={"id": f"{e.id}-{i}", "title": f"{e.title} {i}"})
        for i in range(30)
        for e in guide.exercises
    ]
    nav = navigation(dataclasses.replace(guide, exercises=many))

    def widest(entries) -> int:
        if not isinstance(entries, list):
            return 0
        return max([len(entries)] + [widest(v) for e in entries for v in e.values()])

    assert widest(nav) <= max(NAV_SECTION_MAX, len(nav))
    listed = []

    def pages(entries):
        for entry in entries:
            for value in entry.values():
                pages(value) if isinstance(value, list) else listed.append(value)

    pages(nav)
    assert sorted(p for p in listed if p.startswith("exercises/")) == sorted(f"exercises/{e.id}.md" for e in many)
    shipped = dict(next(e for e in navigation(guide) if "Strength exercises" in e))["Strength exercises"]
    assert all(isinstance(v, str) for e in shipped for v in e.values()), "short sections stay flat"


def test_log_widgets_share_one_file_and_pages_carry_only_a_stub(built_site, guide):
    """The check-in and "I did this today" read every routine's rules: that lives once, in
    assets/log-widgets.json, with addresses from the site's root; a page carries only its way to
    the root (and its routine), so its weight does not grow with the number of routines."""
    import json

    shared = json.loads((built_site / "assets" / "log-widgets.json").read_text(encoding="utf-8"))
    assert set(shared["routines"]) == {r.id for r in guide.routines}
    for routine in guide.routines:
        href = shared["routines"][routine.id]["href"]
        assert (built_site / href / "index.html").is_file(), href  # relative to the site's root
    for href in shared["links"].values():
        assert (built_site / href / "index.html").is_file(), href
    stubs = 0
    for page in built_site.rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        for attribute in ("data-checkin", "data-did-it"):
            found = re.search(rf'{attribute}="([^"]*)"', text)
            if found is None:
                continue
            stub = json.loads(html.unescape(found.group(1)))
            depth = len(page.parent.relative_to(built_site).parts)
            assert stub["root"] == ("../" * depth or "./"), page
            assert set(stub) <= {"root", "routine", "label"}, (page, set(stub))
            assert len(found.group(1)) < 300, page
            stubs += 1
    assert stubs >= len(guide.routines) * 2 + 1


# Lines nobody acts on: MkDocs listing pages left out of the menu on purpose (and the list's
# dangling items), its INFO chatter, and anything said twice.
NOISE = re.compile(r'not included in the "nav"|^\s+- \S+\.md$|^INFO\b|DEPRECAT', re.M)


def test_the_build_says_only_what_a_person_needs(deployed_build):
    """`make site` prints where the site went and nothing else when all is well (the test build
    sets site_url, so there is not even the warning about QR codes)."""
    out, result = deployed_build
    assert result.stdout.splitlines() == [f"built {out}"], result.stdout
    assert result.stderr == "", result.stderr
    assert not NOISE.search(result.stdout)


def test_the_hooked_build_lists_no_page_left_out_of_the_nav(hooked_build):
    """`make serve` builds with the hook: the pages kept out of the menu on purpose are not listed
    as missing from it (MkDocs' own INFO lines about the build remain, as `mkdocs serve` prints)."""
    _, result = hooked_build
    output = result.stdout + result.stderr
    assert "Documentation built" in output
    assert 'not included in the "nav"' not in output, output
    assert not re.search(r"^\s+- \S+\.md$", output, re.M), output


def test_the_exported_config_keeps_only_link_only_pages_out_of_the_nav(guide):
    from generator.render.nav import OFF_NAV, navigation, not_in_nav, outline
    from generator.urls import page as page_of

    listed = {source for _, _, source in outline(navigation(guide)) if source}
    kept_out = {page_of(kind).source for kind in OFF_NAV}
    assert not listed & kept_out
    assert set(not_in_nav().split()) == {f"/{source}" for source in kept_out}


def test_mkdocs_output_is_passed_on_without_info_records_or_their_continuations():
    from generator.site import mkdocs_messages

    output = (
        "INFO    -  Cleaning site directory\n"
        'INFO    -  The following pages exist in the docs directory, but are not included in the "nav":\n'
        "  - my-plan.md\n"
        "  - offline.md\n"
        "WARNING -  Doc file 'a.md' contains a link 'b.md', but the target is not found:\n"
        "  - b.md\n"
        "INFO    -  Documentation built in 1.00 seconds\n"
        "\n"
        "Aborted with 1 warnings in strict mode!\n"
    )
    assert mkdocs_messages(output) == (
        "WARNING -  Doc file 'a.md' contains a link 'b.md', but the target is not found:\n"
        "  - b.md\n"
        "Aborted with 1 warnings in strict mode!\n"
    )
    assert not NOISE.search(mkdocs_messages(output).replace("  - b.md\n", ""))


def test_routine_pages_carry_only_the_address_of_their_player_data(built_site, guide):
    """The player's data (steps, pace, pain rule, words) is a file per routine, fetched when Start
    is pressed: the page holds only its address, so its weight does not carry the player's."""
    for routine in guide.routines:
        page = built_site / "routines" / routine.id / "index.html"
        found = re.search(r'data-player="([^"]*)"', page.read_text(encoding="utf-8"))
        assert found is not None, page
        stub = json.loads(html.unescape(found.group(1)))
        assert stub == {"src": f"../../assets/player/{routine.id}.json"}
        data = json.loads((page.parent / stub["src"]).resolve().read_text(encoding="utf-8"))
        assert data["routine"]["id"] == routine.id
        assert [i["id"] for i in data["routine"]["items"]] == [e.item for e in routine.items]
        # Its links are relative to the routine's page, where the player runs.
        assert (page.parent / data["links"]["progress"] / "index.html").resolve().is_file()
