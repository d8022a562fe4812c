"""Loading the protocol: read every file, validate each, fill the numbers prose quotes, run every
check across files, then merge the clinic's overlay once. All problems from all files are
gathered and raised together as DataErrors; a Guide comes out only when there are none."""

from .guide import DATA_FILES, load_guide, read_files

__all__ = ["DATA_FILES", "load_guide", "read_files"]
