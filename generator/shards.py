"""Which copies one of several machines builds: `guide sites --shard i/n`.

A chain with many clinics splits `guide sites` over n machines (a CI matrix, one job a shard).
Each machine works out its own part alone, with no coordination, so the split must be
deterministic, and the shards must be disjoint and together cover every copy, each built once.

The copies are listed as `sites` builds them: the guide itself first, then the clinic folders in
name order. Copy k of that list (counting from 0) goes to shard k mod n + 1: round robin, so the
shards' sizes differ by at most one and the guide is always built by shard 1. Adding a clinic can
move others to another shard; that is harmless, as a build keeps nothing between runs: a deploy
keys on a clinic's name, never on its shard."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

# Far more machines than any chain runs; it keeps a mistyped number from being read at all.
MAX_SHARDS = 1000


class ShardRefused(ValueError):
    """A `--shard` value that names no shard; the message says what to write instead."""


@dataclass(frozen=True)
class Shard:
    """Shard `index` (from 1) of `count`."""

    index: int
    count: int

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"

    def pick(self, copies: Sequence[T]) -> list[T]:
        """This shard's copies, in the order given (round robin over the whole list)."""
        return [copy for k, copy in enumerate(copies) if k % self.count == self.index - 1]


ALL = Shard(1, 1)


def parse_shard(text: str) -> Shard:
    """`i/n` as a Shard, or a ShardRefused naming the mistake (1-based: the first of four is 1/4)."""
    match = re.fullmatch(r"\s*(\d{1,6})\s*/\s*(\d{1,6})\s*", text)
    if not match:
        raise ShardRefused(f"`{text}` is not a shard: write i/n, e.g. 1/4 for the first of four")
    index, count = int(match.group(1)), int(match.group(2))
    if not 1 <= count <= MAX_SHARDS:
        raise ShardRefused(f"`{text}`: the number of shards must be from 1 to {MAX_SHARDS}")
    if not 1 <= index <= count:
        raise ShardRefused(f"`{text}`: there is no shard {index} of {count}; shards count from 1 to {count}")
    return Shard(index, count)
