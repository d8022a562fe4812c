"""The edit-to-page time under `mkdocs serve` for bench/run.py: start the server on a free port,
edit a title in the data, poll the page until it shows. Its own module because it alone runs a
long-lived server and talks HTTP to it."""

from __future__ import annotations

import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from measure import PY, median, warnings_in


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError, TimeoutError):
        return None


def wait_for(url: str, needle: str, timeout: float, proc: subprocess.Popen) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if proc.poll() is not None:
            return None
        page = fetch(url)
        if page is not None and needle in page:
            return time.perf_counter() - start
        time.sleep(0.05)
    return None


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def serve_edits(project: Path, env: dict, edits: int, timeout: float) -> dict:
    """Start `mkdocs serve --dirty` as `make serve` does, then `edits` times change the first step
    of the first exercise in data/exercises.yml and time until http://127.0.0.1:PORT/exercises/<id>/
    shows it (an edit that leaves the navigation alone: only the pages it touches are rebuilt).
    Last, change that exercise's title, which is in the navigation of every page (everything is
    rebuilt), and time that too."""
    exercises = project / "data" / "exercises.yml"
    text = exercises.read_text(encoding="utf-8")
    item_id = re.search(r"^\s*-\s*id:\s*([a-z0-9-]+)\s*$", text, re.M).group(1)
    title = re.search(r"^\s*title:\s*(.+?)\s*$", text, re.M).group(1)
    step = re.search(r"^\s*steps:\s*\n\s*-\s*(.+?)\s*$", text, re.M).group(1)
    port = free_port()
    url = f"http://127.0.0.1:{port}/exercises/{item_id}/"
    serve_log = project / "serve.log"
    original = text
    with open(serve_log, "wb") as out:
        proc = subprocess.Popen(
            [PY, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    result: dict = {"url_path": f"/exercises/{item_id}/", "edits": [], "title_edit_s": None}
    try:
        first = wait_for(url, title, timeout, proc)
        result["first_page_s"] = first
        if first is None:
            result["error"] = "the server never served the page"
            return result
        time.sleep(1.0)  # let the watcher settle after the first build
        current = step
        for i in range(edits):
            new = f"{step} (edited {i + 1})"
            _edit(exercises, f"- {current}\n", f"- {new}\n")
            waited = wait_for(url, new, timeout, proc)
            result["edits"].append(waited)
            if waited is None:
                result["error"] = f"edit {i + 1} did not show within {timeout:.0f} s"
                return result
            current = new
            time.sleep(1.0)
        new_title = f"{title} edited"
        _edit(exercises, f"title: {title}\n", f"title: {new_title}\n")
        result["title_edit_s"] = wait_for(url, new_title, timeout, proc)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log_text = serve_log.read_bytes().decode("utf-8", "replace")
        result["rebuilds_logged"] = log_text.count("Building documentation")
        result["pages_rebuilt"] = re.findall(r"guide: Rebuilding (\d+ of \d+) pages", log_text)
        result["warnings"] = warnings_in(log_text)[:10]
        exercises.write_text(original, encoding="utf-8")
    result["edit_to_page_s"] = median(result["edits"]) if result["edits"] and None not in result["edits"] else None
    return result
