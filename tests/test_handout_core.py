"""Handout composition and the saved-handout file, without Qt."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from acumap.core.compose import compose, paginate
from acumap.core.handout import Handout, HandoutFormatError, HandoutItem, dumps
from acumap.core.model import Duration
from acumap.core.state import ViewerState
from acumap.loaders.handout_file import open_handout, save_handout


def handout(*codes: str, **kw: object) -> Handout:
    return Handout(items=tuple(HandoutItem(code=c) for c in codes), **kw)  # type: ignore[arg-type]


def test_markers_are_numbered_in_list_order_on_the_views_that_show_them(bundle):
    doc = compose(
        handout("ST36", "BL40", "LI4"), bundle.atlas, bundle.positions_of, figures=bundle.manifest()
    )
    assert [e.code for e in doc.entries] == ["ST36", "BL40", "LI4"]
    assert [e.number for e in doc.entries] == [1, 2, 3]
    by_view = {f.view: {(m.number, m.code) for m in f.markers} for f in doc.figures}
    assert (2, "BL40") in by_view["back"]
    assert all(code != "BL40" for _, code in by_view.get("front", set()))
    assert (1, "ST36") in by_view["front"]


def test_a_back_only_handout_draws_only_the_back_figure(bundle):
    doc = compose(
        handout("BL40", "BL23"), bundle.atlas, bundle.positions_of, figures=bundle.manifest()
    )
    assert [f.view for f in doc.figures] == ["back"]
    assert {m.side for m in doc.figures[0].markers} == {"left", "right"}


def test_pregnancy_warning_names_every_cautioned_point_only_when_pregnant(bundle):
    chosen = ("LI4", "ST36", "SP6", "PC6")
    quiet = compose(handout(*chosen), bundle.atlas, bundle.positions_of, figures=bundle.manifest())
    assert quiet.pregnancy_warning == ""
    assert not any(e.pregnancy_flag for e in quiet.entries)
    warned = compose(
        handout(*chosen, pregnant=True),
        bundle.atlas,
        bundle.positions_of,
        figures=bundle.manifest(),
    )
    assert "LI4" in warned.pregnancy_warning and "SP6" in warned.pregnancy_warning
    assert "ST36" not in warned.pregnancy_warning and "PC6" not in warned.pregnancy_warning
    assert "traditionally cautioned" in warned.pregnancy_warning
    assert {e.code for e in warned.entries if e.pregnancy_flag} == {"LI4", "SP6"}


def test_leaving_cautioned_points_out_says_so(bundle):
    h = handout("LI4", "ST36", pregnant=True, leave_out_cautioned=True)
    doc = compose(h, bundle.atlas, bundle.positions_of, figures=bundle.manifest())
    assert [e.code for e in doc.entries] == ["ST36"]
    assert doc.left_out == ("LI4",)
    assert "left out" in doc.pregnancy_warning and "LI4" in doc.pregnancy_warning
    assert all(m.code != "LI4" for f in doc.figures for m in f.markers)


def test_precautions_are_always_there(bundle):
    doc = compose(handout("ST36"), bundle.atlas, bundle.positions_of, figures=bundle.manifest())
    text = " ".join(doc.precautions)
    for phrase in ("does not replace", "open wounds", "varicose veins", "cancerous", "pain"):
        assert phrase in text


def test_duration_override_and_note_reach_the_entry(bundle):
    item = HandoutItem(
        code="ST36",
        note="Both legs, after breakfast",
        duration=Duration(seconds_min=30, seconds_max=30, repetitions=2),
    )
    doc = compose(
        Handout(items=(item,)), bundle.atlas, bundle.positions_of, figures=bundle.manifest()
    )
    (entry,) = doc.entries
    assert entry.note == "Both legs, after breakfast"
    assert "30 seconds, twice" in entry.duration


def test_date_defaults_to_today(bundle):
    doc = compose(
        handout("ST36"), bundle.atlas, bundle.positions_of, dt.date(2026, 3, 4), bundle.manifest()
    )
    assert doc.date == "2026-03-04"


def test_paginate_never_splits_a_block_and_keeps_order():
    heights = [120.0] * 9
    pages = paginate(heights, first=250, rest=700, gap=10)
    assert [i for page in pages for i in page] == list(range(9))
    assert pages[0] == [0, 1]
    for page in pages[1:]:
        assert sum(heights[i] for i in page) + 10 * (len(page) - 1) <= 700


def test_paginate_moves_the_first_entry_when_page_one_is_full():
    assert paginate([300.0], first=100, rest=700, gap=10) == [[], [0]]


# -- the saved file ---------------------------------------------------------------------------
def test_save_and_open_round_trip(tmp_path: Path, bundle):
    h = Handout(
        title="Sleep routine",
        recipient="Ana",
        practitioner="Lotus Clinic",
        paper="letter",
        pregnant=True,
        items=(HandoutItem(code="HT7", note="at bedtime"), HandoutItem(code="EX-ANMIAN")),
    )
    path = tmp_path / "ana.acumap.json"
    save_handout(path, h)
    assert json.loads(path.read_text())["format"] == "acumap-handout"
    assert open_handout(path, set(bundle.atlas.points)) == h


def test_a_failed_save_leaves_the_old_file_intact(tmp_path: Path, monkeypatch):
    path = tmp_path / "client.acumap.json"
    save_handout(path, handout("ST36"))
    before = path.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError):
        save_handout(path, handout("ST36", "LI4", "PC6"))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temp file left behind


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"{not json", "not a valid handout file"),
        (b'{"format": "something-else"}', "not an acumap handout"),
        (b'{"format": "acumap-handout", "version": 99, "handout": {}}', "newer acumap"),
        (b'{"format": "acumap-handout", "version": 1, "handout": {"items": 3}}', "damaged"),
    ],
)
def test_a_bad_file_is_refused_with_one_line_naming_it(tmp_path: Path, content: bytes, says: str):
    path = tmp_path / "bad.acumap.json"
    path.write_bytes(content)
    with pytest.raises(HandoutFormatError) as err:
        open_handout(path)
    message = str(err.value)
    assert message.startswith("bad.acumap.json: ") and says in message
    assert "\n" not in message


def test_unknown_codes_in_a_file_are_refused(tmp_path: Path, bundle):
    path = tmp_path / "old.acumap.json"
    path.write_bytes(dumps(handout("ST36", "XX99")))
    with pytest.raises(HandoutFormatError, match="XX99"):
        open_handout(path, set(bundle.atlas.points))


def test_state_edits_the_handout_and_the_overlay_leaves_the_recipient_alone():
    state = ViewerState()
    seen: list[int] = []
    state.handout_changed.connect(lambda: seen.append(len(state.handout.items)))
    state.add_to_handout(["ST36", "LI4", "ST36"])
    state.reorder_handout(["LI4", "ST36"])
    state.update_item("LI4", note="gently")
    assert state.handout.codes() == ["LI4", "ST36"]
    assert state.handout.items[0].note == "gently"
    state.set_pregnancy_overlay(True)
    assert not state.handout.pregnant  # the map's switch is not the recipient's status
    state.remove_from_handout("LI4")
    assert state.handout.codes() == ["ST36"]
    assert seen[0] == 2


def test_a_landmark_is_never_given_a_pressing_time(bundle):
    from acumap.core.text import point_duration

    for code in ("CV8", "ST17"):
        assert point_duration(bundle.atlas.points[code]).startswith("Not pressed")
    assert point_duration(bundle.atlas.points["CV12"]).startswith("Press ")


def test_page_one_shows_the_fewest_body_figures_and_the_close_ups_where_points_crowd(bundle):
    legs = compose(handout("ST36", "SP6", "KI3"), bundle.atlas, bundle.positions_of,
                   figures=bundle.manifest())  # fmt: skip
    views = [f.view for f in legs.figures]
    assert views[0] == "front"  # ST36 and SP6: the front covers both before any profile
    assert "foot-inner" in views  # SP6 and KI3 crowd at the inner ankle
    assert all(bundle.specs[v].kind == "body" for v in views[:-1])
    inner = next(f for f in legs.figures if f.view == "foot-inner")
    assert inner.label == "Right foot, inner side" and inner.sides == ("", "")
    front = next(f for f in legs.figures if f.view == "front")
    assert front.sides == ("Patient's right", "Patient's left")
    one = compose(handout("BL23"), bundle.atlas, bundle.positions_of, figures=bundle.manifest())
    assert [f.view for f in one.figures] == ["back"]


def test_an_entry_close_up_prefers_the_hand_or_foot_figure(bundle):
    doc = compose(handout("LI4", "KI1"), bundle.atlas, bundle.positions_of,
                  figures=bundle.manifest())  # fmt: skip
    focus = {e.code: e.focus[0] for e in doc.entries if e.focus}
    assert focus == {"LI4": "hand-back", "KI1": "foot-sole"}
    assert doc.closeups >= {"hand-back", "foot-sole"}


def test_a_point_with_several_sites_shows_them_all_beside_its_entry(bundle):
    doc = compose(
        handout("EX-HN1", "EX-UE9", "ST36", "EX-HN10"), bundle.atlas, bundle.positions_of,
        figures=bundle.manifest(),
    )  # fmt: skip
    by = {e.code: e for e in doc.entries}
    assert by["EX-HN1"].focus[0] == "head-top" and len(by["EX-HN1"].sites) == 4
    assert by["EX-UE9"].focus[0] == "hand-back" and len(by["EX-UE9"].sites) == 4
    assert by["ST36"].sites == ()  # one site: the thumbnail frames the one marker
    # inside the mouth: its text, no thumbnail, no marker anywhere
    assert by["EX-HN10"].focus is None and by["EX-HN10"].practitioner_only
    assert all(m.code != "EX-HN10" for f in doc.figures for m in f.markers)
