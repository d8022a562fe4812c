"""The edit-to-page time under `mkdocs serve` for bench/run.py: start the server on a free port,
edit a title in the data, poll the page until it shows. Its own module because it alone runs a
long-lived server and talks HTTP to it."""

from __future__ import annotations

import os
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


class _Browser:
    """A page open in Chromium (Playwright, as the browser tests run it), which MkDocs' livereload
    reloads after each rebuild: the time an edit takes to reach what a person sees."""

    def __init__(self, url: str) -> None:
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
        self._browser = self._playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        self.page = self._browser.new_page(viewport={"width": 360, "height": 800})
        self.page.goto(url)

    def wait_for(self, needle: str, timeout: float) -> float | None:
        start = time.perf_counter()
        try:
            self.page.wait_for_function(
                "t => document.body && document.body.innerText.includes(t)",
                arg=needle,
                timeout=timeout * 1000,
                polling=20,
            )
        except Exception:  # a timeout, or the page went away: no figure
            return None
        return time.perf_counter() - start

    def close(self) -> None:
        self._browser.close()
        self._playwright.stop()


def serve_edits(project: Path, env: dict, edits: int, timeout: float) -> dict:
    """Start `mkdocs serve --dirty` as `make serve` does and open /exercises/<id>/ in Chromium; then
    `edits` times change the first step of the first exercise in data/exercises.yml and time until
    the page, reloaded by MkDocs' livereload, shows it (an edit that leaves the navigation alone:
    only the pages it touches are rebuilt). Last, change that exercise's title, which is in the
    navigation of every page (everything is rebuilt), and time that too. Without Playwright, the
    page is fetched every 50 ms instead (`measured_in` says which)."""
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
    browser = None
    try:
        first = wait_for(url, title, timeout, proc)
        result["first_page_s"] = first
        if first is None:
            result["error"] = "the server never served the page"
            return result
        try:
            browser = _Browser(url)
            result["measured_in"] = "Chromium: the page reloaded by livereload"
        except Exception as exc:  # no browser here: fetch the page instead
            result["measured_in"] = f"HTTP, the page fetched every 50 ms (no browser: {exc})"

        def shows(needle: str) -> float | None:
            return browser.wait_for(needle, timeout) if browser else wait_for(url, needle, timeout, proc)

        time.sleep(1.0)  # let the watcher settle after the first build
        current = step
        for i in range(edits):
            new = f"{step} (edited {i + 1})"
            _edit(exercises, f"- {current}\n", f"- {new}\n")
            waited = shows(new)
            result["edits"].append(waited)
            if waited is None:
                result["error"] = f"edit {i + 1} did not show within {timeout:.0f} s"
                return result
            current = new
            time.sleep(1.0)
        new_title = f"{title} edited"
        _edit(exercises, f"title: {title}\n", f"title: {new_title}\n")
        result["title_edit_s"] = shows(new_title)
    finally:
        if browser:
            browser.close()
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
