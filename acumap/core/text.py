"""Sentences a person reads, built from the data (shared by the panel, CLI and handout)."""

from __future__ import annotations

from acumap.core.model import Duration, Point

_PRESSURE = {"gentle": "gently", "moderate": "with moderate pressure", "firm": "firmly"}


def _span(seconds_min: int, seconds_max: int) -> str:
    if seconds_min % 60 == 0 and seconds_max % 60 == 0:
        a, b = seconds_min // 60, seconds_max // 60
        unit = "minute" if b == 1 else "minutes"
        return f"{a} {unit}" if a == b else f"{a}–{b} {unit}"
    if seconds_min == seconds_max:
        return f"{seconds_min} seconds"
    return f"{seconds_min}–{seconds_max} seconds"


def times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def duration_text(d: Duration, pressure: str) -> str:
    """'Press firmly for 1–2 minutes, 3 times, twice a day.'"""
    text = f"Press {_PRESSURE.get(pressure, pressure)} for {_span(d.seconds_min, d.seconds_max)}"
    if d.repetitions > 1:
        text += f", {times(d.repetitions)}"
    if d.per_day > 1:
        text += f", up to {times(d.per_day)} a day"
    return text + "."


LANDMARK_ONLY = "landmark-only"  # caution code of points that are found, never pressed


def is_landmark(p: Point) -> bool:
    return any(c.code == LANDMARK_ONLY for c in p.cautions)


def point_duration(p: Point, override: Duration | None = None) -> str:
    if is_landmark(p):
        return "Not pressed: a landmark for finding the points around it."
    if p.no_position:  # inside the mouth or the nose
        return "Not pressed: there is no surface to press; only a practitioner treats it."
    if not p.self_care:
        return "Not for pressing at home: only a practitioner treats it."
    return duration_text(override or p.duration, p.pressure)


def side_text(laterality: str) -> str:
    return "on both sides of the body" if laterality == "bilateral" else "on the midline"


GENERAL_PRECAUTIONS = (
    "Acupressure complements medical care; it does not replace it. See a health professional "
    "for any symptom that is severe, new, or does not settle.",
    "Never press on open wounds, bruises, burns, varicose veins, swollen or infected skin, "
    "or on a cancerous lesion.",
    "Press within comfort: stop if the pain increases or you feel dizzy, faint or unwell.",
    "With a chronic condition, a heart condition or blood-thinning medication, ask your doctor "
    "before you start.",
)


def side_labels(frame_left: str, sides: tuple[str, ...], closeup: bool = False) -> tuple[str, str]:
    """What a figure says at its left and right edges about the patient's sides.

    One rule for the window and the handout: on a front view the patient's right is on the
    viewer's left; on a profile the page shows one side, named once on the left.
    """
    shown = [s for s in sides if s in ("left", "right")]
    if len(shown) == 2 and frame_left == "+x":
        return ("Patient's right", "Patient's left")
    if len(shown) == 2 and frame_left == "-x":
        return ("Patient's left", "Patient's right")
    if len(shown) == 1 and frame_left in ("toward", "away") and not closeup:  # a profile
        return (f"Patient's {shown[0]} side", "")
    return ("", "")  # a close-up of one hand or foot: its title says which
