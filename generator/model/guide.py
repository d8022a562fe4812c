"""The whole validated library as one value, published under one brand, with the lookups that every
later stage uses. Loading builds it; nothing after loading changes it.

A `Guide` holds what every protocol shares (the exercises, stretches and recovery tools, the shared
warning signs and the region, the back-to-running ladder, the player, log and plan builder) and its
protocols, each a `ProtocolGuide` with what only it has (its keys, routines, flowchart, pain rule
and own warning signs). Ids are unique across the whole library, so a routine, a key, a warning
sign or a flowchart node names one thing wherever it appears, and `protocol_of` finds its owner."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .about import AboutFile
from .brand import Brand
from .figure import Figure
from .flowchart import AnyNode, FlowchartFile
from .ladder import LadderEntryFile, LadderFile, Stage
from .language import Edition
from .library import Exercise, Item, Key, RecoveryTool, WeightFile
from .player import PlayerFile
from .prescribe import PrescribeFile
from .progress import ProgressFile
from .protocol import PainRule, Protocol
from .routines import Routine
from .safety import RedFlag, RedFlagsFile, Region, UrgencyLevel
from .safety_case import Deviation, Hazard, HazardsFile, ProtocolScopeFile, ScopeFile, Story
from .site import SiteFile
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
class ProtocolGuide:
    """One protocol of the library, validated, with what only it has."""

    protocol: Protocol
    keys: list[Key]
    routines: list[Routine]
    flowchart: FlowchartFile
    flags: list[RedFlag]  # its own warning signs (the shared ones are the guide's)
    ladder: LadderEntryFile | None  # when its runners may start the shared ladder
    scope: ProtocolScopeFile
    stories: list[Story]
    hazards: list[Hazard]
    weight: WeightFile | None = None

    @property
    def id(self) -> str:
        return self.protocol.id

    @property
    def title(self) -> str:
        return self.protocol.title

    @property
    def pain_rule(self) -> PainRule:
        return self.protocol.pain_rule

    @property
    def deviations(self) -> list[Deviation]:
        return self.scope.deviations

    @cached_property
    def nodes(self) -> dict[str, AnyNode]:
        """Its flowchart's nodes by id."""
        return {n.id: n for n in self.flowchart.nodes}


@dataclass(frozen=True)
class Guide:
    """The whole validated library plus the brand that publishes it (its overlay merged in)."""

    site: SiteFile
    protocols: list[ProtocolGuide]
    exercises: list[Exercise]
    recovery: list[RecoveryTool]
    red_flags: RedFlagsFile  # the region and the warning signs every protocol shares
    brand: Brand
    ui: UiFile
    sources: SourcesFile
    about: AboutFile
    player: PlayerFile
    progress: ProgressFile
    prescribe: PrescribeFile
    ladder: LadderFile | None  # None when a clinic hides it
    hazards: HazardsFile
    scope: ScopeFile
    edition: Edition  # the language this build is in, and the others the copy publishes
    # Drawn figures by exercise id (a clinic's own pictures are in brand.overlay.figures).
    figures: Mapping[str, Figure] = field(default_factory=dict, repr=False, compare=False)
    # Each drawn figure's description in this build's language (its alt text), by figure id.
    figure_words: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)
    # The folder of the brand file: logos and a clinic's own pictures live there.
    brand_dir: Path | None = field(default=None, repr=False, compare=False)
    # Where each routine was written (a protocol's routines.yml or a clinic's brand.yml), by id.
    origins: Mapping[str, Origin] = field(default_factory=dict, repr=False, compare=False)
    # The clinic's public key that verifies the plans it signs (a JSON Web Key), if it has one.
    plan_key: Mapping[str, str] | None = field(default=None, repr=False, compare=False)

    # --- the library as a whole ------------------------------------------------------------------

    @property
    def keys(self) -> list[Key]:
        """Every protocol's keys, in library order."""
        return [k for p in self.protocols for k in p.keys]

    @property
    def routines(self) -> list[Routine]:
        """Every protocol's routines, in library order."""
        return [r for p in self.protocols for r in p.routines]

    @property
    def flags(self) -> list[RedFlag]:
        """Every warning sign: the shared ones, then each protocol's own."""
        return [*self.red_flags.flags, *(f for p in self.protocols for f in p.flags)]

    @property
    def stories(self) -> list[Story]:
        return [s for p in self.protocols for s in p.stories]

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

    @cached_property
    def _owners(self) -> dict[str, ProtocolGuide]:
        """The protocol that owns each key, routine, own warning sign and flowchart node, by id."""
        owners: dict[str, ProtocolGuide] = {}
        for p in self.protocols:
            for thing in (*p.keys, *p.routines, *p.flags, *p.flowchart.nodes, *p.stories):
                owners[thing.id] = p
        return owners

    def protocol_of(self, thing_id: str) -> ProtocolGuide | None:
        """The protocol a key, routine, warning sign, node or story belongs to (None: shared)."""
        return self._owners.get(thing_id)

    def protocol(self, protocol_id: str) -> ProtocolGuide:
        return next(p for p in self.protocols if p.id == protocol_id)

    @cached_property
    def nodes(self) -> dict[str, AnyNode]:
        """Every protocol's flowchart nodes by id (ids are unique across the library)."""
        return {n.id: n for p in self.protocols for n in p.flowchart.nodes}

    def stage(self, stage_id: str) -> Stage:
        """A stage of the back-to-running ladder."""
        stages = {s.id: s for s in (self.ladder.stages if self.ladder else [])}
        return stages[stage_id]

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

    @property
    def site_url(self) -> str | None:
        """Where this language's pages are published: the copy's address plus the language's folder
        (the default language's is the copy's own); None when the copy does not know its address."""
        if not self.brand.site_url:
            return None
        return self.brand.site_url.rstrip("/") + "/" + self.edition.prefix

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

    def disclaimer(self, protocol: ProtocolGuide | None = None) -> str:
        """The publisher's disclaimer: the clinic's own words, else the protocol's (or the guide's)."""
        return self.brand.disclaimer or (protocol.protocol.disclaimer if protocol else self.site.disclaimer)

    def red_flag_advice(self, protocol: ProtocolGuide | None = None) -> str:
        """The safety net: the clinic's own words, else the protocol's (or the guide's)."""
        return self.brand.red_flag_advice or (protocol.protocol.safety_net if protocol else self.site.safety_net)

    def part(self, protocol: ProtocolGuide | None) -> str:
        """What hurts, inside a sentence: the protocol's words for it, or the guide's for none."""
        return protocol.protocol.part if protocol else self.site.part
