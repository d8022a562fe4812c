"""The whole validated protocol as one value, published under one brand, with the lookups that
every later stage uses. Loading builds it; nothing after loading changes it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .about import AboutFile
from .brand import Brand
from .figure import Figure
from .flowchart import AnyNode, FlowchartFile
from .ladder import LadderFile, Stage
from .library import Exercise, Item, Key, RecoveryTool, WeightFile
from .player import PlayerFile
from .prescribe import PrescribeFile
from .progress import ProgressFile
from .protocol import Protocol
from .routines import Routine
from .safety import RedFlagsFile, Region, UrgencyLevel
from .safety_case import HazardsFile, ScopeFile, SiteFile, StoriesFile
from .sources import Source, SourcesFile
from .ui import UiFile


@dataclass(frozen=True)
class Origin:
    """Where a thing was written, so a problem found after loading (a card that does not fit
    one sheet) is still reported at the line an editor must change."""

    file: str
    line: int
    field: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}"


@dataclass(frozen=True)
class Guide:
    """The whole validated protocol plus the brand that publishes it (its overlay merged in)."""

    protocol: Protocol
    keys: list[Key]
    exercises: list[Exercise]
    recovery: list[RecoveryTool]
    weight: WeightFile
    red_flags: RedFlagsFile
    routines: list[Routine]
    flowchart: FlowchartFile
    brand: Brand
    ui: UiFile
    sources: SourcesFile
    about: AboutFile
    player: PlayerFile
    progress: ProgressFile
    prescribe: PrescribeFile
    ladder: LadderFile | None  # None when a clinic hides it
    site: SiteFile
    hazards: HazardsFile
    scope: ScopeFile
    stories: StoriesFile
    # Drawn figures by exercise id (a clinic's own pictures are in brand.overlay.figures).
    figures: Mapping[str, Figure] = field(default_factory=dict, repr=False, compare=False)
    # The folder of the brand file: logos and a clinic's own pictures live there.
    brand_dir: Path | None = field(default=None, repr=False, compare=False)
    # Where each routine was written (data/routines.yml or a clinic's brand.yml), by id.
    origins: Mapping[str, Origin] = field(default_factory=dict, repr=False, compare=False)
    # The clinic's public key that verifies the plans it signs (a JSON Web Key), if it has one.
    plan_key: Mapping[str, str] | None = field(default=None, repr=False, compare=False)

    @cached_property
    def _items(self) -> dict[str, Item]:
        # Built once: rendering looks items up thousands of times at scale.
        items: list[Item] = [*self.exercises, *self.recovery]
        return {i.id: i for i in items}

    @cached_property
    def _keys(self) -> dict[str, Key]:
        return {k.id: k for k in self.keys}

    @cached_property
    def _routines(self) -> dict[str, Routine]:
        return {r.id: r for r in self.routines}

    def stage(self, stage_id: str) -> Stage:
        """A stage of the back-to-running ladder."""
        stages = {s.id: s for s in (self.ladder.stages if self.ladder else [])}
        return stages[stage_id]

    @cached_property
    def nodes(self) -> dict[str, AnyNode]:
        """Flowchart nodes by id."""
        return {n.id: n for n in self.flowchart.nodes}

    def exercise(self, item_id: str) -> Exercise:
        item = self._items[item_id]
        if not isinstance(item, Exercise):
            raise KeyError(item_id)
        return item

    def tool(self, item_id: str) -> RecoveryTool:
        item = self._items[item_id]
        if not isinstance(item, RecoveryTool):
            raise KeyError(item_id)
        return item

    def key(self, key_id: str) -> Key:
        return self._keys[key_id]

    def routine(self, routine_id: str) -> Routine:
        return self._routines[routine_id]

    def item(self, item_id: str) -> Item:
        """A routine item: an exercise, a stretch or a recovery tool."""
        return self._items[item_id]

    @cached_property
    def region(self) -> Region:
        """The region whose services and numbers the copy names: the clinic's, else the default."""
        return self.brand.region or self.red_flags.region

    @cached_property
    def levels(self) -> dict[str, UrgencyLevel]:
        return {level.id: level for level in self.region.levels}

    @cached_property
    def _sources(self) -> dict[str, Source]:
        return {s.id: s for s in (*self.sources.sources, *self.brand.sources)}

    def source(self, source_id: str) -> Source:
        return self._sources[source_id]

    def disclaimer(self) -> str:
        """The publisher's disclaimer: the clinic's own words, else the protocol's."""
        return self.brand.disclaimer or self.protocol.disclaimer

    def red_flag_advice(self) -> str:
        """The safety net: the clinic's own words, else the protocol's."""
        return self.brand.red_flag_advice or self.protocol.safety_net
