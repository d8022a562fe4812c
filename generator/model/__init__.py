"""The data's shape: typed models of every data file, the brand, the figures, and `Guide`, the
whole validated protocol. This layer imports no stage: everything else builds on it."""

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
from .protocol import CardSettings, PainLevel, PainRule, Protocol
from .routines import MoveOn, Routine, RoutineItem, RoutinesFile
from .safety import Call, RedFlag, RedFlagsFile, UrgencyLevel
from .ui import BmiWords, FlowchartWords, UiFile

__all__ = [
    "DOSE_SHAPES",
    "PLAN_PARTS",
    "RED_URGENCIES",
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
    "Pose",
    "Protocol",
    "Question",
    "Recommends",
    "RecoveryFile",
    "RecoveryTool",
    "RedFlag",
    "RedFlagsFile",
    "RepsDose",
    "Routine",
    "RoutineItem",
    "RoutinesFile",
    "UiFile",
    "UrgencyLevel",
    "WeightFile",
    "parse_dose",
]
