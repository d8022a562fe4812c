"""Sources: every fact that cites a source names one in the registry (data/sources.yml, or a
clinic's own `sources`), each registry id is written once, and every shipped source is cited by
something (a source is listed only for what the guide uses it for)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from pydantic import BaseModel

from ..errors import DataError, Loc, did_you_mean
from ..model import Brand, SourcesFile
from ..read.yamlfile import YamlFile


def citations(value: object, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """(where, source id) for every source a model cites: fields named `source` or `*_source`."""
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            field = getattr(value, name)
            key = info.alias or name
            if (name == "source" or name.endswith("_source")) and isinstance(field, list):
                for i, source_id in enumerate(field):
                    yield (*loc, key, i), source_id
            else:
                yield from citations(field, (*loc, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from citations(item, (*loc, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from citations(item, (*loc, key))


def check_sources(
    models: dict[str, BaseModel],
    brand: Brand,
    registry: SourcesFile,
    files: dict[str, YamlFile],
    all_cited: bool = True,
) -> list[DataError]:
    """Every citation in the data files and the brand resolves; the registry is tidy (and, with
    `all_cited`, holds no source nothing cites)."""
    errors: list[DataError] = []
    ids = [s.id for s in registry.sources]
    counts = Counter(ids)
    errors += [
        files["sources"].error(("sources", i, "id"), f"duplicate source id `{source_id}`")
        for i, source_id in enumerate(ids)
        if counts[source_id] > 1
    ]
    own = [s.id for s in brand.sources]
    errors += [
        files["brand"].error(("sources", i, "id"), f"`{source_id}` is already a source in data/sources.yml")
        for i, source_id in enumerate(own)
        if source_id in counts
    ]
    known = set(ids) | set(own)
    cited: set[str] = set()
    for stem, model in [*models.items(), ("brand", brand)]:
        for loc, source_id in citations(model):
            cited.add(source_id)
            if source_id not in known:
                errors.append(files[stem].error(loc, f"unknown source `{source_id}`" + did_you_mean(source_id, known)))
    shipped_cited = {sid for stem, model in models.items() for _, sid in citations(model)}
    errors += [
        files["sources"].error(("sources", i, "id"), f"source `{s.id}` is cited by nothing: cite it or remove it")
        for i, s in enumerate(registry.sources)
        if all_cited and s.id not in shipped_cited
    ]
    return errors
