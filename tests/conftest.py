"""Shared fixtures: the shipped data, a built site, a local web server and headless Chromium."""

from __future__ import annotations

import fcntl
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TEST_SITE_URL = "https://guide.example.org/knee/"
# `make test-all` (GUIDE_TEST_ALL=1 in the environment): the checks that visit a fixed, named sample
# of pages (or of flowchart paths) to keep `make test` short visit every one.
TEST_ALL = os.environ.get("GUIDE_TEST_ALL") == "1"


def project_copy(dest: Path) -> Path:
    """A copy of the project's sources (no venv, no outputs) that a test may change freely."""
    ignore = shutil.ignore_patterns(
        ".venv", "node_modules", "site", "build", ".git", "__pycache__", ".pytest_cache", ".hypothesis"
    )
    shutil.copytree(ROOT, dest, ignore=ignore)
    return dest


def mkdocs_build(project: Path, out: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `project` into `out`, as `make site` runs it."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": TEST_SITE_URL, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(out)],
        cwd=project,
        env=full_env,
        capture_output=True,
        text=True,
    )


def guide_site(project: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    """`guide site` of a project copy, as `make site` runs it: a deployable build, with the
    security policy and the service worker. Returns the run, whose output tests read."""
    env = {**os.environ, "SITE_URL": TEST_SITE_URL, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--project", str(project), "site", "--out", str(out), *extra],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="session")
def deployed_project(tmp_path_factory) -> Path:
    """A copy of the project that tests build with `guide site` (and must not change)."""
    return project_copy(tmp_path_factory.mktemp("deployed-project") / "guide")


def built_once(tmp_path_factory, name: str, build) -> tuple[Path, subprocess.CompletedProcess]:
    """A site built once per test run, however many pytest-xdist workers share the run: the first
    worker to ask builds it (`build(folder)` returns the finished run) under a lock in the run's
    shared temporary folder, the others wait and read it. Tests only read these sites."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the folder every worker's own temporary folder sits in
    folder, record = shared / f"once-{name}", shared / f"once-{name}.json"
    with open(shared / f"once-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not record.is_file():
            if folder.exists():
                shutil.rmtree(folder)  # a build that failed half-way in an earlier worker
            folder.mkdir()
            run = build(folder)
            record.write_text(
                json.dumps({"args": run.args, "rc": run.returncode, "out": run.stdout, "err": run.stderr})
            )
        saved = json.loads(record.read_text())
    return folder / "site", subprocess.CompletedProcess(saved["args"], saved["rc"], saved["out"], saved["err"])


@pytest.fixture(scope="session")
def deployed_build(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """The default guide as `make site` deploys it, built once per test run, and what it printed."""

    def build(folder: Path) -> subprocess.CompletedProcess:
        return guide_site(project_copy(folder / "guide"), folder / "site")

    return built_once(tmp_path_factory, "deployed", build)


@pytest.fixture(scope="session")
def deployed_site(deployed_build) -> Path:
    return deployed_build[0]


@pytest.fixture(scope="session")
def guide():
    from generator.load import load_guide

    return load_guide(ROOT / "data")


@pytest.fixture(scope="session")
def hooked_build(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """The default guide built once per test run with the hook (as `make serve` builds), with a
    site_url so cards carry QR codes; and what the build printed."""

    def build(folder: Path) -> subprocess.CompletedProcess:
        result = mkdocs_build(project_copy(folder / "guide"), folder / "site")
        assert result.returncode == 0, result.stderr
        return result

    return built_once(tmp_path_factory, "hooked", build)


@pytest.fixture(scope="session")
def built_site(hooked_build) -> Path:
    return hooked_build[0]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    """Serve `directory` on 127.0.0.1 with a port the OS picks; returns (server, base URL)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def site_url(built_site):
    server, url = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page) -> list[dict]:
    """Run axe-core on the page as it is now; returns the violations (id, impact, targets)."""
    # Let transitions end first (Material fades the header's page title in on scroll): a colour
    # read half-way through a fade is not the colour a reader sees.
    page.evaluate(
        """() => Promise.race([
            Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))),
            new Promise((resolve) => setTimeout(resolve, 2000)),
        ])"""
    )
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations.map(v => ({...v,"
        " nodes: v.nodes.map(n => ({target: n.target, failureSummary: n.failureSummary}))}))"
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "nodes": [n["target"] for n in v["nodes"]],
            "why": [n.get("failureSummary", "") for n in v["nodes"]],
        }
        for v in result
    ]
