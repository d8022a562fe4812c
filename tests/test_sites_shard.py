"""`guide sites --shard i/n`: a chain's clinics split over n machines. Every machine works out its
part alone, so the split must be stable, the shards disjoint, together every copy once, and a
bad value refused at once, naming the flag and what to write."""

from __future__ import annotations

import random

import pytest

from generator.cli import main, site_copies
from generator.paths import Project
from generator.shards import Shard, ShardRefused, parse_shard


def _project(tmp_path, names):
    """A project folder with these clinic folders, made in a shuffled order (as a file system may
    list them)."""
    (tmp_path / "data").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: test\n")
    shuffled = list(names)
    random.Random(4).shuffle(shuffled)
    for name in shuffled:
        (tmp_path / "clinics" / name).mkdir(parents=True)
        (tmp_path / "clinics" / name / "brand.yml").write_text(f"id: {name}\n")
    (tmp_path / "clinics" / "not-a-clinic").mkdir(parents=True, exist_ok=True)  # no brand.yml
    return Project(tmp_path)


@pytest.mark.parametrize(("text", "shard"), [("1/1", Shard(1, 1)), ("3/4", Shard(3, 4)), (" 2 / 8 ", Shard(2, 8))])
def test_a_shard_is_written_i_of_n_counting_from_one(text, shard):
    assert parse_shard(text) == shard
    assert str(parse_shard(text)) == text.replace(" ", "")


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "is not a shard: write i/n"),
        ("2", "is not a shard: write i/n"),
        ("a/b", "is not a shard: write i/n"),
        ("-1/4", "is not a shard: write i/n"),
        ("1.5/4", "is not a shard: write i/n"),
        ("1/4/2", "is not a shard: write i/n"),
        ("9" * 5000 + "/4", "is not a shard: write i/n"),
        ("0/4", "there is no shard 0 of 4; shards count from 1 to 4"),
        ("5/4", "there is no shard 5 of 4; shards count from 1 to 4"),
        ("1/0", "the number of shards must be from 1 to 1000"),
        ("1/1001", "the number of shards must be from 1 to 1000"),
    ],
)
def test_a_bad_shard_is_refused_saying_what_to_write(text, says):
    with pytest.raises(ShardRefused, match=says):
        parse_shard(text)


@pytest.mark.parametrize("count", range(1, 9))
@pytest.mark.parametrize("copies", [0, 1, 2, 3, 7, 8, 9, 100])
def test_shards_are_disjoint_cover_every_copy_once_and_are_balanced(copies, count):
    names = ["guide", *(f"clinic-{n:03d}" for n in range(copies))]
    parts = [Shard(i, count).pick(names) for i in range(1, count + 1)]
    together = [name for part in parts for name in part]
    assert sorted(together) == sorted(names)  # every copy, none twice
    assert len(together) == len(set(together))
    assert max(map(len, parts)) - min(map(len, parts)) <= 1
    assert "guide" in parts[0]  # the guide itself is always built by shard 1
    for part in parts:
        assert part == [name for name in names if name in part]  # each in the order `sites` builds


def test_the_split_is_stable_whatever_order_the_folders_are_listed_in(tmp_path):
    names = [f"branch-{n}" for n in range(11)]
    project = _project(tmp_path, names)
    copies = site_copies(project)
    assert [name for name, _, _ in copies] == ["guide", *sorted(names)]
    assert copies[0][1] is None and copies[0][2] == tmp_path / "site"
    assert copies[1][2] == tmp_path / "build" / "sites" / "branch-0"
    first = [Shard(i, 3).pick(copies) for i in (1, 2, 3)]
    assert first == [Shard(i, 3).pick(site_copies(project)) for i in (1, 2, 3)]


def test_list_prints_each_shards_copies_and_together_they_are_every_copy(tmp_path, capsys):
    names = ["harbour", "hilltop", "riverside", "quay", "dunes"]
    _project(tmp_path, names)
    listed = []
    for i in range(1, 4):
        assert main(["--project", str(tmp_path), "sites", "--shard", f"{i}/3", "--list"]) == 0
        listed.append(capsys.readouterr().out.split())
    assert listed == [["guide", "hilltop"], ["dunes", "quay"], ["harbour", "riverside"]]
    assert main(["--project", str(tmp_path), "sites", "--list"]) == 0
    assert capsys.readouterr().out.split() == ["guide", *sorted(names)]


def test_a_shard_with_nothing_to_build_says_so_and_succeeds(tmp_path, capsys):
    _project(tmp_path, ["harbour"])
    assert main(["--project", str(tmp_path), "sites", "--shard", "3/3"]) == 0
    assert capsys.readouterr().out.strip() == "shard 3/3: nothing to build (2 copies over 3 shards)"


@pytest.mark.parametrize("value", ["5/4", "0/4", "x", "1/0"])
def test_the_command_refuses_a_bad_shard_naming_the_flag_and_building_nothing(tmp_path, capsys, value):
    _project(tmp_path, ["harbour"])
    with pytest.raises(SystemExit) as exit_:
        main(["--project", str(tmp_path), "sites", "--shard", value])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert f"guide sites: error: argument --shard: `{value}`" in err
    assert "Traceback" not in err
    assert not (tmp_path / "site").exists() and not (tmp_path / "build").exists()
