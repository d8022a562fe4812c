"""Writing outputs safely: a finished folder replaces the old one in one rename, and unchanged
files are never rewritten (so watchers do not loop and a no-change rebuild writes nothing)."""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from pathlib import Path


def remove_leftovers(target: Path) -> None:
    """Staging folders of an interrupted earlier build (a kill skips their cleanup)."""
    for stale in target.parent.glob(f".{target.name}.new-*"):
        shutil.rmtree(stale, ignore_errors=True)


def staging_dir(target: Path) -> Path:
    """An empty folder beside `target` (same filesystem, so the final rename is atomic)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target)
    return Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))


def swap_in(new: Path, target: Path) -> None:
    """Replace `target` by `new`. Until the first rename, `target` is untouched; after it, the old
    copy is only deleted once the new one is in place."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.rmdir(old)
        os.rename(target, old)
    os.rename(new, target)
    if old is not None:
        shutil.rmtree(old)


def write_if_changed(path: Path, content: str | bytes) -> bool:
    """Write only when the bytes differ; returns whether the file was written."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    # A name of this process and thread: two builds may share a cache (`guide sites` runs several).
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return True
