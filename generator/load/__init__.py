"""Loading a library: read its files, validate them, fill in numbers, check them, merge a clinic's
overlay. `load_guide` is the one entry point; nothing below this layer imports it."""

from .files import PROTOCOL, SHARED, read_files
from .guide import load_guide

__all__ = ["PROTOCOL", "SHARED", "load_guide", "read_files"]
