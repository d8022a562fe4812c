"""The data's shape: typed models of every data file, the brand, the figures, and `Guide`, the
whole validated protocol. This layer imports no stage: everything else builds on it."""

from .about import AboutFile
from .brand import Brand, Contact, FigureImage, Overlay, OverlayExercise
from .common import Model
from .dose import DOSE_SHAPES, AnyDose, CycleDose, Dose, HoldDose, MinutesDose, MinutesRangeDose, RepsDose, parse_dose
from .figure import Figure, FiguresFile, Pose
from .flowchart import (
    PLAN_PARTS,
    RED_URGENCIES,
    Answer,
    AnyNode,
    FlowchartFile,
    ManyChoice,
    OneChoice,
    Option,
    Outcome,
    Question,
    Recommends,
)
from .guide import Guide, Origin
from .ladder import LadderFile, SelfTest, Stage
from .library import (
    Alternative,
    BmiBand,
    Exercise,
    ExercisesFile,
    Item,
    Key,
    KeysFile,
    RecoveryFile,
    RecoveryTool,
    WeightFile,
)
from .player import PlayerFile
from .prescribe import PrescribeFile
from .progress import ProgressFile
from .protocol import CardSettings, ExerciseTiming, PainLevel, PainRule, Protocol, Rest, Scope, Tempo
from .routines import MoveOn, Routine, RoutineItem, RoutinesFile, WhenCondition, WhenEasy
from .safety import URGENCIES, Call, RedFlag, RedFlagsFile, Region, UrgencyLevel
from .sources import Source, SourceRefs, SourcesFile
from .ui import BmiWords, FlowchartWords, UiFile

__all__ = [
    "DOSE_SHAPES",
    "PLAN_PARTS",
    "RED_URGENCIES",
    "URGENCIES",
    "AboutFile",
    "Alternative",
    "Answer",
    "AnyDose",
    "AnyNode",
    "BmiBand",
    "BmiWords",
    "Brand",
    "Call",
    "CardSettings",
    "Contact",
    "CycleDose",
    "Dose",
    "Exercise",
    "ExerciseTiming",
    "ExercisesFile",
    "Figure",
    "FigureImage",
    "FiguresFile",
    "FlowchartFile",
    "FlowchartWords",
    "Guide",
    "HoldDose",
    "Item",
    "Key",
    "KeysFile",
    "LadderFile",
    "ManyChoice",
    "MinutesDose",
    "MinutesRangeDose",
    "Model",
    "MoveOn",
    "OneChoice",
    "Option",
    "Origin",
    "Outcome",
    "Overlay",
    "OverlayExercise",
    "PainLevel",
    "PainRule",
    "PlayerFile",
    "Pose",
    "PrescribeFile",
    "ProgressFile",
    "Protocol",
    "Question",
    "Recommends",
    "RecoveryFile",
    "RecoveryTool",
    "RedFlag",
    "RedFlagsFile",
    "Region",
    "RepsDose",
    "Rest",
    "Routine",
    "RoutineItem",
    "RoutinesFile",
    "Scope",
    "SelfTest",
    "Source",
    "SourceRefs",
    "SourcesFile",
    "Stage",
    "Tempo",
    "UiFile",
    "UrgencyLevel",
    "WeightFile",
    "WhenCondition",
    "WhenEasy",
    "parse_dose",
]
