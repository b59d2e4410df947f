"""Saved handouts and every file acumap writes: refused whole or opened whole, never lost."""

from __future__ import annotations

import json
import os
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from acumap.core.handout import MAX_ITEMS, Handout, HandoutFormatError, HandoutItem, dumps, loads
from acumap.loaders.handout_file import open_handout, save_handout, set_aside
from acumap.loaders.safe_write import WriteError, write_atomic

GOOD = {"format": "acumap-handout", "version": 1, "handout": {"items": [{"code": "ST36"}]}}


def doc(**handout: object) -> bytes:
    return json.dumps({"format": "acumap-handout", "version": 1, "handout": handout}).encode()


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (doc(date="2026-02-30"), "handout.date: 2026-02-30 is not a real calendar date"),
        (doc(date="next tuesday"), "handout.date: 'next tuesday' is not a date"),
        (doc(date="0001-01-01"), "outside the years"),
        (
            doc(items=[{"code": "ST36", "duration": {"seconds_min": 90, "seconds_max": 30}}]),
            "seconds_min is larger than seconds_max",
        ),
        (doc(items=[{"code": "ST36"}, {"code": "ST36"}]), "handout.items: ST36 is listed twice"),
        (doc(title="x" * 5000), "handout.title"),
        (doc(items=[{"code": "ST36", "note": "n" * 9000}]), "handout.items[0].note"),
        (doc(items=[{"code": f"ST{n}"} for n in range(MAX_ITEMS + 1)]), "handout.items"),
        (doc(paper="a3"), "handout.paper"),
        (doc(surprise=1), "unknown field `surprise`"),
        (b'{"format": "acumap-handout", "version": 7}', "made by a newer acumap"),
        (b'{"format": "acumap-handout", "version": 0}', "version: 0 is not a version"),
        (b'{"format": "acumap-handout", "version": "1"}', "is not a version"),
        (b'{"format": "acumap-handout", "version": true}', "is not a version"),
        (b'{"version": 1}', "not an acumap handout"),
        (b"[1, 2]", "not an acumap handout"),
        (doc(title="caf\xc3").replace(b"caf\\u00c3", b"caf\xc3"), "not UTF-8 text"),
        (b'{"format": "acumap-handout", "version": 1, "x": ' + b"[" * 50_000, "nested too"),
        (b"\xff\xfe{", "not a valid handout file"),
    ],
)
def test_a_bad_handout_is_refused_with_one_line_naming_the_field(data: bytes, says: str) -> None:
    with pytest.raises(HandoutFormatError) as exc:
        loads(data)
    message = str(exc.value)
    assert says in message
    assert "\n" not in message and len(message) <= 300


def test_a_good_handout_round_trips() -> None:
    h = Handout(
        title="Evening", date="2026-02-28", items=(HandoutItem(code="HT7", note="before bed"),)
    )
    assert loads(dumps(h)) == h
    assert loads(json.dumps(GOOD).encode()).codes() == ["ST36"]


def test_huge_files_are_refused_without_reading_them_whole(tmp_path: Path) -> None:
    many = tmp_path / "many.acumap.json"  # 1.7 MB: 100,000 items
    items = ",".join('{"code": "ST36"}' for _ in range(100_000))
    head = '{"format": "acumap-handout", "version": 1, "handout": {"items": ['
    many.write_text(f"{head}{items}]}}}}")
    with pytest.raises(HandoutFormatError, match=r"^many\.acumap\.json: .*items.*<= 300"):
        open_handout(many)
    big = tmp_path / "big.acumap.json"
    with big.open("wb") as fh:
        fh.truncate(1 << 30)  # a sparse GiB
    with pytest.raises(HandoutFormatError, match=r"^big\.acumap\.json: too large"):
        open_handout(big)


def test_a_folder_or_a_symlink_loop_is_refused_with_one_line(tmp_path: Path) -> None:
    with pytest.raises(HandoutFormatError, match="not a file"):
        open_handout(tmp_path)
    loop = tmp_path / "loop.acumap.json"
    loop.symlink_to(loop)
    with pytest.raises(HandoutFormatError, match=r"^loop\.acumap\.json: "):
        open_handout(loop)


def test_landmarks_in_a_saved_handout_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "h.acumap.json"
    path.write_bytes(doc(items=[{"code": "CV8"}]))
    with pytest.raises(HandoutFormatError, match="CV8: a landmark"):
        open_handout(path, {"CV8"}, frozenset({"CV8"}))


# -- writing ---------------------------------------------------------------------------------
def test_saving_keeps_the_files_mode_and_new_files_follow_the_umask(tmp_path: Path) -> None:
    path = tmp_path / "h.acumap.json"
    path.write_text("old")
    path.chmod(0o664)
    save_handout(path, Handout())
    assert stat.S_IMODE(path.stat().st_mode) == 0o664
    old = os.umask(0o027)
    try:
        fresh = tmp_path / "new.acumap.json"
        save_handout(fresh, Handout())
    finally:
        os.umask(old)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o640


def test_saving_through_a_symlink_writes_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.acumap.json"
    save_handout(real, Handout(title="old"))
    link = tmp_path / "link.acumap.json"
    link.symlink_to(real)
    save_handout(link, Handout(title="new"))
    assert link.is_symlink()
    assert open_handout(real).title == "new"


def test_a_missing_folder_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="does not exist"):
        write_atomic(tmp_path / "missing" / "h.acumap.json", b"x")


FULL_DISK = """
import resource, signal, sys
from pathlib import Path
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
from acumap.loaders.safe_write import WriteError, write_atomic
try:
    write_atomic(Path(sys.argv[1]), b"new" * 10_000)
except WriteError as exc:
    print("refused:", exc)
"""


def test_a_full_disk_leaves_the_old_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "autosave.acumap.json"
    path.write_bytes(b"the user's only copy")
    out = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(path)], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("refused: autosave.acumap.json: cannot write")
    assert path.read_bytes() == b"the user's only copy"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["autosave.acumap.json"]


def test_a_bad_autosave_is_set_aside_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "autosave.acumap.json"
    path.write_text("{broken")
    aside = set_aside(path)
    assert not path.exists()
    assert aside.read_text() == "{broken"
    assert aside.name.startswith("autosave.bad-") and aside.name.endswith(".acumap.json")


# -- the command line writes PDFs whole too --------------------------------------------------
def _limited(limit: int):  # type: ignore[no-untyped-def]
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def _acumap(*args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    kw.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "acumap", *args],
        stderr=subprocess.PIPE, text=True, timeout=120, env=env, **kw,  # type: ignore[call-overload]
    )  # fmt: skip


def test_a_full_disk_during_pdf_export_keeps_the_previous_pdf(tmp_path: Path) -> None:
    pdf = tmp_path / "client.pdf"
    pdf.write_bytes(b"%PDF-1.4 the previous good handout %%EOF")
    out = _acumap("handout", "LI4", "ST36", "-o", str(pdf), preexec_fn=_limited(20_000))
    assert out.returncode == 1
    assert "wrote" not in out.stdout
    assert out.stderr.startswith("acumap: client.pdf: ") and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert pdf.read_bytes() == b"%PDF-1.4 the previous good handout %%EOF"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["client.pdf"]


def test_output_to_a_full_device_is_one_line_not_a_traceback() -> None:
    with open("/dev/full", "w") as full:
        out = _acumap("points", "--format", "json", stdout=full)
    assert out.returncode == 1
    assert out.stderr == "acumap: cannot write the output: No space left on device\n"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["check", "--data", ""], "--data needs a folder"),
        (["check", "--data", "/etc/hostname"], "is not a folder"),
        (["check", "--figures", "/nonexistent-acumap"], "does not exist"),
        (["show", "ST" + "9" * 5000], "unknown point 'ST9999"),
        (["handout", *(f"XX{n}" for n in range(100_000)), "-o", "x.pdf"], "at most"),
        (["--screenshot", "x.png", "--size", "99999x99999"], "--size: each side"),
    ],
)
def test_bad_arguments_exit_2_with_one_short_line(
    args: list[str], says: str, tmp_path: Path
) -> None:
    out = _acumap(*args, cwd=tmp_path)
    assert out.returncode == 2, out.stderr
    assert says in out.stderr and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1 and len(out.stderr) < 400
    assert list(tmp_path.iterdir()) == []


def _without_root_overrides() -> None:
    """Root writes into any folder; drop that power (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH)
    from the child's bounding set so folder permissions apply to it as to a user (CI runs
    as root)."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2):
        libc.prctl(24, cap, 0, 0, 0)  # PR_CAPBSET_DROP


def test_handout_into_a_read_only_folder_is_one_line(tmp_path: Path) -> None:
    ro = tmp_path / "read-only"
    ro.mkdir()
    ro.chmod(0o555)
    target = ro / "x.pdf"
    out = _acumap("handout", "LI4", "-o", str(target), preexec_fn=_without_root_overrides)
    assert out.returncode == 2, out.stderr
    assert out.stderr == f"acumap: cannot write '{target}': the folder is not writable\n"
    assert list(ro.iterdir()) == []


def test_no_test_can_reach_the_real_home() -> None:
    """The suite's own folders are in force, so a bug cannot destroy a user's autosave."""
    from acumap.loaders.handout_file import autosave_path

    real_home = Path(os.path.expanduser("~"))
    assert "acumap-tests-" in str(real_home) or "pytest" in str(real_home)
    assert str(autosave_path()).startswith(str(Path(os.environ["ACUMAP_DATA_HOME"])))
