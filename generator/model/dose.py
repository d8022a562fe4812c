"""How much of an item a reader does: one small model per kind of dose, chosen by its fields.

A dose is exactly one of these shapes; the fields written in the data decide which, and a mix of
shapes is refused with the list of shapes an editor can write."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal, Union

from pydantic import BaseModel, Discriminator, Field, PositiveInt, Tag, TypeAdapter, model_validator

from .common import Model, Short


class RepsDose(Model):
    """Sets of repetitions, e.g. 3 × 20."""

    shape: ClassVar[Literal["reps"]] = "reps"
    sets: PositiveInt = Field(le=20)
    reps: PositiveInt = Field(le=200)


class HoldDose(Model):
    """Holds of a number of seconds, e.g. 3 × 30 s."""

    shape: ClassVar[Literal["hold"]] = "hold"
    holds: PositiveInt = Field(le=20)
    seconds: PositiveInt = Field(le=600)


class MinutesDose(Model):
    """A spell of minutes, e.g. 30 minutes of heat."""

    shape: ClassVar[Literal["minutes"]] = "minutes"
    minutes: PositiveInt = Field(le=240)


class MinutesRangeDose(Model):
    """A range of minutes at a time (10–15 minutes of heat), or for each of something (1–2 minutes
    for each stiff muscle: `per`)."""

    shape: ClassVar[Literal["minutes-range"]] = "minutes-range"
    minutes_min: PositiveInt = Field(le=240)
    minutes_max: PositiveInt = Field(le=240)
    per: Short | None = None

    @model_validator(mode="after")
    def _ordered(self) -> MinutesRangeDose:
        if self.minutes_min > self.minutes_max:
            raise ValueError("minutes_min is larger than minutes_max")
        return self


class CycleDose(Model):
    """Minutes on and off, repeated for a number of hours (ice)."""

    shape: ClassVar[Literal["cycle"]] = "cycle"
    minutes_on: PositiveInt = Field(le=240)
    minutes_off: PositiveInt = Field(le=240)
    hours_min: PositiveInt = Field(le=24)
    hours_max: PositiveInt = Field(le=24)

    @model_validator(mode="after")
    def _ordered(self) -> CycleDose:
        if self.hours_min > self.hours_max:
            raise ValueError("hours_min is larger than hours_max")
        return self


DOSE_MODELS: tuple[type[Model], ...] = (RepsDose, HoldDose, MinutesDose, MinutesRangeDose, CycleDose)
# Each shape's name and the fields it needs, in the order an editor reads them.
DOSE_SHAPES: dict[str, tuple[str, ...]] = {m.shape: tuple(m.model_fields) for m in DOSE_MODELS}  # type: ignore[attr-defined]
SHAPE_LIST = "; ".join(" + ".join(fields) for fields in DOSE_SHAPES.values())

AnyDose = RepsDose | HoldDose | MinutesDose | MinutesRangeDose | CycleDose


def _shape_of(value: Any) -> str | None:
    """The tag of the shape a raw dose (or a built one) has, or None when its fields fit no shape
    better than another.
    Tags are written `dose:<shape>`: never a field or an id, so error paths can drop them."""
    if isinstance(value, BaseModel):
        return f"dose:{getattr(value, 'shape', '')}"
    if isinstance(value, dict):
        present = {k for k, v in value.items() if v is not None}
        # The shape sharing the most fields with what is written, when one stands out: its own
        # messages (a missing field, a misspelt one) help an editor more than the list of shapes.
        overlap = {name: len(present & set(fields)) for name, fields in DOSE_SHAPES.items()}
        best = max(overlap.values())
        if best and list(overlap.values()).count(best) == 1:
            return f"dose:{max(overlap, key=lambda name: overlap[name])}"
    return None


Dose = Annotated[
    Union[
        Annotated[RepsDose, Tag("dose:reps")],
        Annotated[HoldDose, Tag("dose:hold")],
        Annotated[MinutesDose, Tag("dose:minutes")],
        Annotated[MinutesRangeDose, Tag("dose:minutes-range")],
        Annotated[CycleDose, Tag("dose:cycle")],
    ],
    Discriminator(
        _shape_of,
        custom_error_type="dose_shape",
        custom_error_message=f"a dose needs exactly one of these sets of fields: {SHAPE_LIST}",
    ),
]

_DOSE: TypeAdapter[AnyDose] = TypeAdapter(Dose)


def parse_dose(fields: dict[str, Any]) -> AnyDose:
    """A dose from its fields (raises pydantic's ValidationError when they fit no shape)."""
    dose: AnyDose = _DOSE.validate_python(fields)
    return dose
