"""Located data errors: every problem an editor can fix is one line `file:line[:col]: field: message`."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class DataError:
    """One problem in one data file, with the place an editor must look."""

    file: str
    line: int
    column: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" + (f":{self.column}" if self.column else "")
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


# Where a value is in a data file: keys and list indexes from the top, e.g. ("exercises", 2, "dose").
Loc = tuple[str | int, ...]


class DataErrors(Exception):
    """Raised with every problem found, so the editor sees them all at once."""

    def __init__(self, errors: list[DataError]):
        self.errors = sorted(set(errors))
        super().__init__("\n".join(str(e) for e in self.errors))


def field_path(loc: Loc) -> str:
    """('exercises', 2, 'dose', 'sets') -> 'exercises[2].dose.sets'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def did_you_mean(value: str, options: Iterable[str]) -> str:
    """' (did you mean `clams`?)' when a known value is close to a mistyped one, else ''."""
    close = difflib.get_close_matches(value, sorted(options), n=1, cutoff=0.6)
    return f" (did you mean `{close[0]}`?)" if close else ""


class TemplateBug(Exception):
    """A template of the generator itself does not compile (a bug to fix in generator/templates)."""
