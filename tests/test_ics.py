"""Reminders as a calendar file: shared/core/ics.js (run in Node through tests/js/tools/ics-sample.mjs)
writes events that a real iCalendar parser (`icalendar`) reads back as weekly repeats on the
chosen weekdays at the chosen local time, with the routine's title, link and an alarm."""

from __future__ import annotations

import json
import subprocess
from datetime import date, datetime, timedelta

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from conftest import ROOT

TOOL = ROOT / "tests/js/tools/ics-sample.mjs"
WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]  # Python's date.weekday() order
SITE = "https://guide.example.org/knee/"


def run(payload: dict) -> subprocess.CompletedProcess:
    """The tool's output as bytes decoded without newline translation (the file's CRLF stays)."""
    result = subprocess.run(
        ["node", str(TOOL)], input=json.dumps(payload).encode(), capture_output=True, timeout=60, check=False
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    )


def make(events: list[dict], prodid: str = "-//Open Knee Guide//EN") -> str:
    result = run({"prodid": prodid, "events": events})
    assert result.returncode == 0, result.stderr
    return result.stdout


def event(**changes) -> dict:
    base = {
        "uid": "hip-strength-1-moth-0730@guide.example.org/knee/",
        "title": "Hip strength, level 1",
        "description": "Two or more days a week, as the NHS advises for strength exercise",
        "url": SITE + "routines/hip-strength-1/",
        "weekdays": ["MO", "TH"],
        "time": "07:30",
        "minutes": 20,
        "start": "2026-11-26",
        "alarm_minutes": 10,
    }
    return {**base, **changes}


def events_of(text: str) -> dict[str, object]:
    """The parsed events by UID."""
    return {str(e.get("uid")): e for e in Calendar.from_ical(text).walk("VEVENT")}


def occurrences(vevent, weeks: int) -> list[datetime]:
    start = vevent.get("dtstart").dt
    rule = rrulestr(vevent.get("rrule").to_ical().decode(), dtstart=start)
    return [
        moment
        for moment in rule.between(start, start + timedelta(weeks=weeks), inc=True)
        if moment < start + timedelta(weeks=weeks)
    ]


def test_each_routine_repeats_weekly_on_the_chosen_days_at_the_chosen_local_time():
    stretches = event(
        uid="daily-stretches-tusa-1845@guide.example.org/knee/",
        title="Stretches",
        url=SITE + "routines/daily-stretches/",
        weekdays=["SA", "TU"],
        time="18:45",
        minutes=15,
        alarm_minutes=None,
    )
    text = make([event(), stretches])
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    parsed = events_of(text)
    assert set(parsed) == {event()["uid"], stretches["uid"]}
    for given in (event(), stretches):
        vevent = parsed[given["uid"]]
        assert str(vevent.get("summary")) == given["title"]
        assert str(vevent.get("url")) == given["url"]
        assert str(vevent.get("description")) == given["description"]
        rule = vevent.get("rrule")
        assert rule["FREQ"] == ["WEEKLY"]
        assert sorted(rule["BYDAY"]) == sorted(given["weekdays"])
        start = vevent.get("dtstart").dt
        assert isinstance(start, datetime) and start.tzinfo is None  # floating: the phone's own local time
        assert start.date() >= date.fromisoformat(given["start"])
        assert vevent.get("dtend").dt - start == timedelta(minutes=given["minutes"])
        hours, minutes = map(int, given["time"].split(":"))
        seen = occurrences(vevent, weeks=4)
        assert len(seen) == 4 * len(given["weekdays"])
        for moment in seen:
            assert (moment.hour, moment.minute) == (hours, minutes)
            assert WEEKDAY_CODES[moment.weekday()] in given["weekdays"]
        assert {WEEKDAY_CODES[m.weekday()] for m in seen} == set(given["weekdays"])
    # The first repeat is the first chosen day on or after the start (2026-11-26 is a Thursday).
    assert parsed[event()["uid"]].get("dtstart").dt == datetime(2026, 11, 26, 7, 30)
    assert parsed[stretches["uid"]].get("dtstart").dt == datetime(2026, 11, 28, 18, 45)
    alarms = parsed[event()["uid"]].walk("VALARM")
    assert len(alarms) == 1 and alarms[0].get("trigger").dt == timedelta(minutes=-10)
    assert parsed[stretches["uid"]].walk("VALARM") == []


def test_text_is_escaped_and_long_lines_are_folded():
    title = "Hüft-Kraft; Stufe 1, mit Band \\ täglich"
    description = "Zwei oder mehr Tage pro Woche — " * 8
    text = make([event(title=title, description=description, url=SITE + "routines/hip-strength-1/?a=1&b=2")])
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    vevent = next(iter(events_of(text).values()))
    assert str(vevent.get("summary")) == title
    assert str(vevent.get("description")) == description
    assert str(vevent.get("url")).endswith("?a=1&b=2")


def test_same_input_gives_the_same_bytes():
    assert make([event()]) == make([event()])


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"time": "7:30"}, "events[0].time"),
        ({"weekdays": []}, "events[0].weekdays"),
        ({"weekdays": ["XX"]}, "events[0].weekdays"),
        ({"url": "javascript:alert(1)"}, "events[0].url"),
        ({"title": "line\u0007bell"}, "events[0].title"),
    ],
)
def test_a_bad_event_is_refused_with_its_field(change, path):
    result = run({"prodid": "-//Open Knee Guide//EN", "events": [event(**change)]})
    assert result.returncode == 1 and result.stdout == ""
    refusal = json.loads(result.stderr)
    assert refusal["ok"] is False and refusal["path"] == path
