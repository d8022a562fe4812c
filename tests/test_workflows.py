"""The GitHub workflows: they parse, every job and step is well formed, every `make` target they
run exists, and the clinics workflow's shards agree with `guide sites --shard` (its matrix is
1..SHARDS, each shard built once, its plan lists every copy once). A broken workflow otherwise
shows only after a push."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from generator.cli import site_copies
from generator.paths import Project
from generator.shards import Shard, parse_shard

WORKFLOWS = ROOT / ".github" / "workflows"
CLINICS = WORKFLOWS / "clinics.yml"


def _load(path: Path) -> dict:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as true.
    if True in workflow:
        workflow["on"] = workflow.pop(True)
    return workflow


def _make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return {m.group(1) for m in re.finditer(r"^([A-Za-z][\w.-]*)\s*:(?!=)", text, re.M)}


def _runs(workflow: dict) -> list[str]:
    return [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]


@pytest.fixture(params=sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def workflow(request) -> tuple[Path, dict]:
    return request.param, _load(request.param)


def test_there_are_the_site_and_the_clinics_workflows():
    assert {p.name for p in WORKFLOWS.glob("*.yml")} >= {"site.yml", "clinics.yml"}


def test_a_workflow_is_well_formed(workflow):
    path, flow = workflow
    assert isinstance(flow.get("name"), str) and flow["on"], path.name
    assert flow.get("permissions") == {"contents": "read"}, "least privilege by default; a job widens its own"
    jobs = flow["jobs"]
    assert jobs
    for name, job in jobs.items():
        assert job.get("runs-on", "").startswith("ubuntu-"), name
        needs = job.get("needs", [])
        for other in [needs] if isinstance(needs, str) else needs:
            assert other in jobs, f"{name} needs {other}, which is no job"
        assert job.get("steps"), name
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), f"{name}: a step either uses an action or runs"
            if "uses" in step:
                # Only GitHub's own actions, each at a major version.
                assert re.fullmatch(r"actions/[\w-]+@v\d+", step["uses"]), step["uses"]


def test_every_make_target_a_workflow_runs_exists(workflow):
    path, flow = workflow
    targets = _make_targets()
    called = [m.group(1) for run in _runs(flow) for m in re.finditer(r"\bmake\s+([a-z][\w.-]*)", run)]
    assert called, f"{path.name} runs no make target: it should use the README's commands"
    assert set(called) <= targets, f"{path.name}: no such make target: {sorted(set(called) - targets)}"


def test_no_workflow_uses_a_secret():
    for path in WORKFLOWS.glob("*.yml"):
        assert "secrets." not in path.read_text(encoding="utf-8"), path.name


def test_the_clinics_matrix_is_every_shard_once_as_the_shard_flag_counts_them():
    flow = _load(CLINICS)
    count = int(flow["env"]["SHARDS"])
    build = flow["jobs"]["build"]
    shards = build["strategy"]["matrix"]["shard"]
    assert shards == list(range(1, count + 1))
    for i in shards:
        assert parse_shard(f"{i}/{count}") == Shard(i, count)
    (make,) = [run for run in _runs({"jobs": {"build": build}}) if "make " in run]
    assert make.strip() == "make sites SHARD=${{ matrix.shard }}/${{ env.SHARDS }}"
    assert "SHARD ?=" in (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--shard $(SHARD)" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_each_copy_is_published_under_its_own_name():
    flow = _load(CLINICS)
    publish = flow["jobs"]["publish"]
    assert set(publish["needs"]) == {"plan", "build"}
    assert publish["strategy"]["matrix"]["include"] == "${{ fromJSON(needs.plan.outputs.copies) }}"
    uploads = [s for s in publish["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert [s["with"]["name"] for s in uploads] == ["${{ matrix.name }}"]
    assert "Deploy here" in CLINICS.read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq (on GitHub's runners) is not installed here")
def test_the_plan_step_lists_every_copy_once_with_its_shard(tmp_path):
    """The plan job's own script, run here on a project with a few clinics: it lists each copy
    once, with the shard that builds it."""
    flow = _load(CLINICS)
    (script,) = [step["run"] for step in flow["jobs"]["plan"]["steps"] if step.get("id") == "list"]
    project = tmp_path / "project"
    (project / "data").mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: test\n")
    for name in ("quay", "harbour", "dunes", "hilltop", "riverside"):
        (project / "clinics" / name).mkdir(parents=True)
        (project / "clinics" / name / "brand.yml").write_text(f"id: {name}\n")
    output = tmp_path / "github-output"
    env = {
        **os.environ,
        "SHARDS": str(flow["env"]["SHARDS"]),
        "GITHUB_OUTPUT": str(output),
        "PYTHONPATH": str(ROOT),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=project, env=env, check=True)
    (line,) = output.read_text().splitlines()
    copies = json.loads(line.removeprefix("copies="))
    expected = [name for name, _, _ in site_copies(Project(project))]
    assert sorted(c["name"] for c in copies) == sorted(expected)
    count = int(flow["env"]["SHARDS"])
    for copy in copies:
        assert copy["name"] in Shard(copy["shard"], count).pick(expected)
