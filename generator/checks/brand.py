"""A clinic's brand and overlay, checked against the shipped protocol: logos inside the clinic's
folder, readable colours, new ids that are new, dose changes of the same kind, and nothing hidden
that the guide still needs. The red-flag screen and the disclaimer are not the overlay's to remove.
Every message is located in the clinic's brand file."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from .. import colours
from ..errors import DataError, Loc, did_you_mean
from ..model import Brand, Exercise, Guide, Item, ManyChoice, Outcome, RecoveryTool, Routine
from ..read.yamlfile import YamlFile

HIDEABLE = "exercises, stretches, recovery tools and routines"


def _ids(guide: Guide) -> dict[str, str]:
    kinds = {e.id: "exercise" for e in guide.exercises}
    kinds.update({t.id: "recovery tool" for t in guide.recovery})
    kinds.update({r.id: "routine" for r in guide.routines})
    if guide.ladder is not None:
        kinds[guide.ladder.id] = "ladder"
    return kinds


def _flowchart_uses(guide: Guide) -> set[str]:
    used: set[str] = set()
    for node in guide.nodes.values():
        if isinstance(node, Outcome):
            recs = [node.recommends]
        elif isinstance(node, ManyChoice):
            recs = [o.adds for o in node.options]
        else:
            recs = [a.adds for a in node.answers]
        for rec in recs:
            used.update(rec.exercises, rec.routines, rec.recovery)
    return used


def check_overlay(guide: Guide, brand: Brand, source: YamlFile) -> list[DataError]:
    """Every way the overlay could break the guide, located in the brand file."""
    overlay, errors = brand.overlay, []
    base = _ids(guide)
    keys = {k.id for k in guide.keys}
    hidden = set(overlay.hide)
    extra_items: dict[str, Item] = {e.id: e for e in overlay.exercises}
    extra_items.update({t.id: t for t in overlay.recovery})
    loc = ("overlay",)
    # ids of new things must be new
    new_ids = [e.id for e in overlay.exercises] + [t.id for t in overlay.recovery] + [r.id for r in overlay.routines]
    counts = Counter(new_ids)
    added: list[tuple[str, Sequence[Exercise | RecoveryTool | Routine]]] = [
        ("exercises", overlay.exercises),
        ("recovery", overlay.recovery),
        ("routines", overlay.routines),
    ]
    for part, items in added:
        for i, added_item in enumerate(items):
            if added_item.id in base:
                errors.append(
                    source.error(
                        loc + (part, i, "id"),
                        f"`{added_item.id}` already exists in the guide: use `doses` to change it, or pick a new id",
                    )
                )
            elif counts[added_item.id] > 1:
                errors.append(source.error(loc + (part, i, "id"), f"duplicate id `{added_item.id}`"))
    for i, exercise in enumerate(overlay.exercises):
        if exercise.key not in keys:
            errors.append(source.error(loc + ("exercises", i, "key"), f"unknown key `{exercise.key}`"))
    published = [p.id for p in guide.protocols]
    for i, routine in enumerate(overlay.routines):
        if routine.protocol is not None and routine.protocol not in published:
            errors.append(
                source.error(
                    loc + ("routines", i, "protocol"),
                    f"`{routine.protocol}` is not a protocol this copy publishes"
                    + did_you_mean(routine.protocol, published),
                )
            )
    # pictures: a clinic's own exercise needs one; a picture needs an exercise
    exercise_ids = {e.id for e in guide.exercises} | {e.id for e in overlay.exercises}
    for item_id in overlay.figures:
        if item_id not in exercise_ids:
            errors.append(source.error(loc + ("figures", item_id), f"unknown exercise `{item_id}`"))
    for i, exercise in enumerate(overlay.exercises):
        if exercise.id not in overlay.figures:
            errors.append(
                source.error(
                    loc + ("exercises", i, "id"),
                    f"`{exercise.id}` needs a picture: add "
                    f"`{exercise.id}` under overlay.figures with an image and its alt text",
                )
            )
    # dose overrides: the item exists and keeps its kind of dose
    known: dict[str, Item] = {x.id: x for x in guide.exercises} | {x.id: x for x in guide.recovery} | extra_items
    for item_id, dose in overlay.doses.items():
        item = known.get(item_id)
        if item is None:
            errors.append(source.error(loc + ("doses", item_id), f"unknown exercise or recovery tool `{item_id}`"))
        elif item.dose is None or item.dose.shape != dose.shape:
            errors.append(
                source.error(
                    loc + ("doses", item_id),
                    f"this dose does not fit `{item_id}`"
                    + (f": it is dosed as {item.dose.shape}" if item.dose else ": it has no dose"),
                )
            )
    # hiding: only hideable things, and nothing still needed
    flagged = {f.id for f in guide.flags} | set(guide.nodes) | keys
    in_flowchart = _flowchart_uses(guide)
    remaining_routines = [r for r in guide.routines if r.id not in hidden] + list(overlay.routines)
    for i, item_id in enumerate(overlay.hide):
        where = loc + ("hide", i)
        if item_id in flagged and item_id not in base:
            errors.append(
                source.error(
                    where,
                    f"`{item_id}` cannot be hidden: a clinic copy keeps every key, red flag "
                    f"and flowchart question (only {HIDEABLE} can be hidden)",
                )
            )
        elif item_id not in base:
            errors.append(source.error(where, f"unknown exercise, recovery tool or routine `{item_id}`"))
        elif item_id in in_flowchart:
            errors.append(source.error(where, f"`{item_id}` cannot be hidden: the flowchart recommends it"))
        else:
            users = [
                r.id for r in remaining_routines if any(e.item == item_id for e in r.items) or r.move_on.next == item_id
            ]
            if users:
                errors.append(source.error(where, f"`{item_id}` cannot be hidden: routine `{users[0]}` still uses it"))
    # extra routines refer to items that exist after the overlay
    available = set(known) - hidden
    routine_ids = ({r.id for r in guide.routines} - hidden) | {r.id for r in overlay.routines}
    for i, routine in enumerate(overlay.routines):
        for j, entry in enumerate(routine.items):
            if entry.item not in available:
                errors.append(
                    source.error(
                        loc + ("routines", i, "items", j, "item"), f"unknown exercise or recovery tool `{entry.item}`"
                    )
                )
        if routine.move_on.next and routine.move_on.next not in routine_ids:
            errors.append(
                source.error(loc + ("routines", i, "move_on", "next"), f"unknown routine `{routine.move_on.next}`")
            )
    return errors


def check_chosen_protocols(brand: Brand, found: list[str], source: YamlFile, site: YamlFile) -> list[DataError]:
    """The protocols a clinic publishes are protocols of the library."""
    listed = (
        [p for p in (site.data or {}).get("protocols", []) if isinstance(p, str)] if isinstance(site.data, dict) else []
    )
    errors = [
        source.error(("protocols", i), f"unknown protocol `{p}`" + did_you_mean(p, listed))
        for i, p in enumerate(brand.protocols or [])
        if p not in listed
    ]
    if brand.protocols is not None and not found and not errors:
        errors.append(source.error(("protocols",), "a copy of the guide publishes at least one protocol"))
    return errors


def check_brand(brand: Brand, brand_file: Path, source: YamlFile) -> list[DataError]:
    """Logo files exist inside the clinic folder; colours are readable (WCAG AA)."""
    errors = []
    folder = brand_file.resolve().parent
    assets: dict[Loc, str] = {(name,): getattr(brand, name) for name in ("logo", "favicon") if getattr(brand, name)}
    assets.update(
        {("overlay", "figures", item_id, "image"): picture.image for item_id, picture in brand.overlay.figures.items()}
    )
    for loc, relative in assets.items():
        path = (folder / relative).resolve()
        if ".." in Path(relative).parts or not path.is_relative_to(folder):
            errors.append(source.error(loc, "must be a file inside the brand's own folder"))
        elif not path.is_file():
            errors.append(source.error(loc, f"file not found: {relative}"))
    for name in ("primary", "accent"):
        colour = getattr(brand, name)
        ratio = colours.contrast(colour, colours.WHITE)
        if ratio < colours.AA_NORMAL_TEXT:
            suggestion = colours.nearest_readable(colour, colours.WHITE, "#000000")
            errors.append(
                source.error(
                    (name,),
                    f"{colour} has a contrast of {ratio:.2f}:1 with white text; "
                    f"WCAG AA needs {colours.AA_NORMAL_TEXT}:1 (for example {suggestion})",
                )
            )
    return errors


_B64URL_32 = re.compile(r"^[A-Za-z0-9_-]{43}$")


def read_plan_key(brand: Brand, brand_file: Path, source: YamlFile) -> tuple[dict[str, str] | None, list[DataError]]:
    """The clinic's public key for signed plans (a P-256 JSON Web Key), or why it cannot be used."""
    if brand.plan_key is None:
        return None, []
    folder = brand_file.resolve().parent
    path = (folder / brand.plan_key).resolve()
    if not path.is_relative_to(folder) or not path.is_file():
        return None, [source.error(("plan_key",), f"file not found: {brand.plan_key}")]
    try:
        jwk = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None, [source.error(("plan_key",), f"{brand.plan_key} is not a JSON file")]
    if (
        not isinstance(jwk, dict)
        or jwk.get("kty") != "EC"
        or jwk.get("crv") != "P-256"
        or not all(isinstance(jwk.get(k), str) and _B64URL_32.match(jwk[k]) for k in ("x", "y"))
        or "d" in jwk
    ):
        return None, [
            source.error(
                ("plan_key",), f"{brand.plan_key} is not a public P-256 key (make one with `guide clinic-key`)"
            )
        ]
    return {k: jwk[k] for k in ("kty", "crv", "x", "y")}, []
