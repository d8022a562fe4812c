"""Running and timing things for bench/run.py: where the repository is, the environment every command
gets, a timed subprocess with its peak memory, the wall-clock budget, and snapshots of an output
folder (what a rebuild wrote). Shared by every other bench module, so it imports none of them."""

from __future__ import annotations

import hashlib
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
RESULTS = BENCH / "results"
PY = sys.executable


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def base_env() -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("GUIDE_BRAND", None)
    env.pop("SITE_URL", None)
    if "SOURCE_DATE_EPOCH" not in env:
        # As `make site` in the repository does: dates from the last commit (read-only git).
        try:
            stamp = subprocess.run(
                ["git", "log", "-1", "--format=%ct"], cwd=REPO, capture_output=True, text=True, timeout=10
            ).stdout.strip()
            if stamp.isdigit():
                env["SOURCE_DATE_EPOCH"] = stamp
        except (OSError, subprocess.SubprocessError):
            pass
    return env


def run_timed(cmd: list[str], cwd: Path, env: dict, timeout: float = 3600) -> dict:
    """Run a command; wall time, exit code, peak RSS of it and its children (wait4), output."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.005)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    built = re.search(r"Documentation built in ([0-9.]+) seconds", text)
    return {
        "wall_s": wall,
        "rc": proc.returncode,
        "maxrss_mb": usage.ru_maxrss / 1024,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "output": text,
        "mkdocs_reported_s": float(built.group(1)) if built else None,
    }


def run_parallel(cmds: list[tuple[list[str], Path]], env: dict, timeout: float = 3600) -> dict:
    """Run commands side by side (as the guide builds its languages); the wall time of them all,
    the sum of their CPU time, the largest peak RSS, and each one's own result."""
    from concurrent.futures import ThreadPoolExecutor

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=max(len(cmds), 1)) as pool:
        results = list(pool.map(lambda c: run_timed(c[0], c[1], env, timeout), cmds))
    built = [r["mkdocs_reported_s"] for r in results if r["mkdocs_reported_s"] is not None]
    return {
        "wall_s": time.perf_counter() - start,
        "rc": next((r["rc"] for r in results if r["rc"] != 0), 0),
        "maxrss_mb": max((r["maxrss_mb"] for r in results), default=0.0),
        "cpu_s": sum(r["cpu_s"] for r in results),
        "output": "\n".join(r["output"] for r in results),
        "mkdocs_reported_s": max(built) if built else None,
        "each_wall_s": [r["wall_s"] for r in results],
    }


# Page types, by the first folder of a page's address under its language's root.
SECTION_TYPES = {"keys": "key", "exercises": "exercise", "recovery": "recovery", "routines": "routine"}
# The app pages, where the script is the content (a higher page-weight limit).
APP_PAGES = ("progress", "prescribe", "my-plan")
SINGLE_TYPES = {"": "home", "flowchart": "flowchart", "cards": "cards", "return-to-running": "return-to-running"}


def page_type(address: str) -> str:
    """`routines/x/` or `routines/x/index.html` -> routine; `progress/` -> app; home -> home;
    every other single page (about, the pain rule, a protocol's own page ...) -> other."""
    first = address.removesuffix("index.html").strip("/").split("/")[0]
    if first in SECTION_TYPES:
        return SECTION_TYPES[first]
    if first in APP_PAGES:
        return "app"
    return SINGLE_TYPES.get(first, "other")


def checked(result: dict, what: str) -> dict:
    if result["rc"] != 0:
        tail = "\n".join(result["output"].splitlines()[-25:])
        raise RuntimeError(f"{what} failed (exit {result['rc']}):\n{tail}")
    return result


def warnings_in(text: str) -> list[str]:
    return [
        line.strip()
        for line in text.splitlines()
        if re.search(r"\bWARN|\bERROR|\bwarning\b|\berror\b", line, re.I) and "site_url is not set" not in line
    ]


def median(values: list[float]) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


class Budget:
    """Wall-clock budget for the whole run: optional measurements are dropped when they would overrun."""

    def __init__(self, seconds: float):
        self.seconds, self.start, self.skipped = seconds, time.perf_counter(), []

    def elapsed(self) -> float:
        return time.perf_counter() - self.start

    def allow(self, what: str, estimate: float) -> bool:
        if self.elapsed() + estimate <= self.seconds:
            return True
        self.skipped.append(f"{what} (would take ~{estimate:.0f} s; {self.elapsed():.0f} of {self.seconds:.0f} s used)")
        log(f"skipped for the time budget: {self.skipped[-1]}")
        return False


def snapshot(root: Path, hashes: bool) -> dict[str, tuple]:
    out = {}
    for path in root.rglob("*"):
        if path.is_file():
            st = path.stat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest() if hashes else None
            out[path.relative_to(root).as_posix()] = (st.st_mtime_ns, st.st_ino, st.st_size, digest)
    return out


def compare_snapshots(before: dict, after: dict) -> dict:
    written = [p for p, v in after.items() if p not in before or before[p][:2] != v[:2]]
    removed = [p for p in before if p not in after]
    changed = [p for p, v in after.items() if p not in before or before[p][3] != v[3] or before[p][2] != v[2]]
    return {
        "files": len(after),
        "files_written": len(written) + len(removed),
        "content_changed": len(changed) + len(removed),
        "content_changed_examples": changed[:5],
    }


def tree_size(root: Path) -> dict:
    files = [p for p in root.rglob("*") if p.is_file()]
    return {"bytes": sum(p.stat().st_size for p in files), "files": len(files)}
