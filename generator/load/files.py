"""Which files make a library, and reading them: the shared files of data/, then each protocol's
folder under data/protocols/ in the order data/site.yml lists them. Syntax errors of every file
are reported together; a protocol folder that is missing, or lacks a file it needs, is a located
error at the line of data/site.yml (or brand.yml) that names it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from .. import model
from ..errors import DataError, DataErrors
from ..paths import PROTOCOLS_DIR, protocol_file
from ..read.validation import display_path
from ..read.yamlfile import YamlFile, read_yaml

# data/<stem>.yml -> the model of the whole file: what every protocol shares.
SHARED: dict[str, type[BaseModel]] = {
    "site": model.SiteFile,
    "sources": model.SourcesFile,
    "exercises": model.ExercisesFile,
    "recovery": model.RecoveryFile,
    "red_flags": model.RedFlagsFile,
    "ladder": model.LadderFile,
    "ui": model.UiFile,
    "about": model.AboutFile,
    "player": model.PlayerFile,
    "progress": model.ProgressFile,
    "prescribe": model.PrescribeFile,
    "hazards": model.HazardsFile,
    "scope": model.ScopeFile,
}
# data/protocols/<id>/<stem>.yml -> its model; the last two are optional (a protocol with no
# weight advice, or whose runners never use the ladder).
PROTOCOL: dict[str, type[BaseModel]] = {
    "protocol": model.Protocol,
    "keys": model.KeysFile,
    "routines": model.RoutinesFile,
    "flowchart": model.FlowchartFile,
    "red_flags": model.ProtocolFlagsFile,
    "scope": model.ProtocolScopeFile,
    "stories": model.StoriesFile,
    "hazards": model.ProtocolHazardsFile,
    "ladder": model.LadderEntryFile,
    "weight": model.WeightFile,
}
OPTIONAL = ("ladder", "weight")


@dataclass
class Files:
    """Every file read, by key (`keys`, `<protocol id>/keys`), and the protocols found."""

    files: dict[str, YamlFile]
    protocols: list[str]

    def __getitem__(self, key: str) -> YamlFile:
        return self.files[key]

    def get(self, key: str) -> YamlFile | None:
        return self.files.get(key)


def _read(path: Path, display_root: Path | None, errors: list[DataError]) -> YamlFile | None:
    try:
        return read_yaml(path, display_path(path, display_root))
    except DataErrors as exc:
        errors.extend(exc.errors)
        return None


def listed_protocols(site: YamlFile) -> list[tuple[int, str]]:
    """The protocols data/site.yml lists, with their place (a bad list is the site model's error)."""
    data = site.data if isinstance(site.data, dict) else {}
    listed = data.get("protocols")
    return [(i, p) for i, p in enumerate(listed) if isinstance(p, str)] if isinstance(listed, list) else []


def read_files(data_dir: Path, display_root: Path | None = None, only: list[str] | None = None) -> Files:
    """Parse every file of the library; `only` keeps the protocols a clinic publishes."""
    files: dict[str, YamlFile] = {}
    errors: list[DataError] = []
    for stem in SHARED:
        found = _read(data_dir / f"{stem}.yml", display_root, errors)
        if found is not None:
            files[stem] = found
    protocols: list[str] = []
    if "site" in files:
        for i, protocol_id in listed_protocols(files["site"]):
            if only is not None and protocol_id not in only:
                continue
            folder = data_dir / PROTOCOLS_DIR / protocol_id
            if not folder.is_dir():
                errors.append(files["site"].error(("protocols", i), f"no folder data/{PROTOCOLS_DIR}/{protocol_id}/"))
                continue
            protocols.append(protocol_id)
            for stem in PROTOCOL:
                path = folder / f"{stem}.yml"
                if not path.is_file():
                    if stem not in OPTIONAL:
                        errors.append(files["site"].error(("protocols", i), f"`{protocol_id}` has no {stem}.yml"))
                    continue
                found = _read(path, display_root, errors)
                if found is not None:
                    files[protocol_file(protocol_id, stem)] = found
    if errors:
        raise DataErrors(errors)
    return Files(files, protocols)
