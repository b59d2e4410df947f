"""Viewer speed and memory, measured side by side in one run (numbers for the issue note).

    .venv/bin/python benchmarks/bench_viewer.py

- start to interactive window vs a bare PySide6 QMainWindow (fresh processes, offscreen)
- peak memory (max RSS) of both
- click -> detail panel updated (median)
- filter change with 800 hotspots (synthetic atlas built from the real one)
- hit-test time for 100 ... 10,000 points
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BARE = """
import time, resource; t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([]); w = QMainWindow(); w.resize(1360, 880); w.show(); app.processEvents()
print(time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

ACUMAP = """
import time, resource; t0 = time.perf_counter()
from acumap.qt.app import make_app
from acumap.loaders.bundle import load_bundle
from acumap.core.state import ViewerState
from acumap.qt.main_window import MainWindow
app = make_app(); b = load_bundle(cached=True)
s = ViewerState({c: b.views_of(c) for c in b.atlas.points}, list(b.specs))
w = MainWindow(b, s, None); w.show(); app.processEvents()
print(time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def run(code: str, n: int = 5, env: dict[str, str] | None = None) -> list[tuple[float, float]]:
    """(seconds to interactive, max RSS in MiB) for n fresh processes, in order."""
    runs = []
    for _ in range(n):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        )
        t, m = out.stdout.split()
        runs.append((float(t), float(m) / 1024))
    return runs


def start_and_memory() -> None:
    bare = run(BARE)
    bare_t, bare_m = statistics.median(t for t, _ in bare), max(m for _, m in bare)
    with tempfile.TemporaryDirectory() as cache:  # the first acumap run starts cold
        cold, *warm = run(ACUMAP, 6, {**os.environ, "ACUMAP_CACHE_HOME": cache})
    warm_t, warm_m = statistics.median(t for t, _ in warm), max(m for _, m in warm)
    print(f"start: bare QMainWindow {bare_t * 1000:.0f} ms, acumap {warm_t * 1000:.0f} ms "
          f"-> {warm_t / bare_t:.2f}x (target <= 1.5x); first start, no cache: "
          f"{cold[0] * 1000:.0f} ms")  # fmt: skip
    print(f"peak memory: bare {bare_m:.0f} MiB, acumap {warm_m:.0f} MiB "
          f"-> {warm_m / bare_m:.2f}x (target <= 1.5x); first start {cold[1]:.0f} MiB")  # fmt: skip


def placement() -> None:
    """The whole atlas placed on every figure of the set (what a cold start and `check` do)."""
    from acumap.geometry.placement import place_on_figure
    from acumap.loaders.bundle import load_bundle

    t = time.perf_counter()
    bundle = load_bundle()
    full = time.perf_counter() - t
    runs = []
    for _ in range(5):
        t = time.perf_counter()
        for fig in bundle.figures.values():
            place_on_figure(fig, bundle.atlas.points, bundle.atlas.segments)
        runs.append(time.perf_counter() - t)
    print(f"placement: {len(bundle.positions)} positions of {len(bundle.atlas.points)} points "
          f"on {len(bundle.figures)} figures in {statistics.median(runs) * 1000:.1f} ms "
          f"(median of 5); whole load with every figure parsed {full * 1000:.0f} ms")  # fmt: skip


def in_process() -> None:
    import msgspec
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtTest import QTest

    from acumap.core.state import ViewerState
    from acumap.geometry.hitindex import HitIndex
    from acumap.geometry.placement import Position
    from acumap.loaders.bundle import Bundle, load_bundle
    from acumap.qt.app import make_app
    from acumap.qt.main_window import MainWindow

    app = make_app()
    bundle = load_bundle()
    state = ViewerState({c: bundle.views_of(c) for c in bundle.atlas.points}, list(bundle.specs))
    win = MainWindow(bundle, state, None)
    win.resize(1360, 880)  # as the bare window, and a typical first start
    win.show()
    app.processEvents()
    win.body.fit()
    # dots a click can tell apart at fit (the whole atlas puts KI points half a cun from CV)
    front = bundle.on_view("front")
    screen = [win.body.mapFromScene(QPointF(p.x, p.y)) for p in front]
    clear = [
        p.code
        for p, a in zip(front, screen, strict=True)
        if p.side != "right"
        and all((a - b).manhattanLength() > 6 for q, b in zip(front, screen, strict=True)
                if q is not p)
    ]  # fmt: skip
    codes = list(dict.fromkeys(clear))[:40]
    samples = []
    for code in codes * 2:
        pos = bundle.positions_of(code, "front")[0]
        vp = win.body.mapFromScene(QPointF(pos.x, pos.y))
        t = time.perf_counter()
        QTest.mouseClick(win.body.viewport(), Qt.MouseButton.LeftButton, pos=vp)
        assert bundle.atlas.points[code].pinyin in win.details.text()
        samples.append(time.perf_counter() - t)
    print(f"click -> panel updated: median {statistics.median(samples) * 1000:.2f} ms "
          f"(n={len(samples)}, target <= 5 ms)")  # fmt: skip

    # Synthetic atlas: the real points cloned until there are 800 hotspots on the front.
    rng = random.Random(1)
    points = dict(bundle.atlas.points)
    positions = list(bundle.positions)
    front = [p for p in bundle.positions if p.view == "front"]
    i = 0
    while sum(1 for p in positions if p.view == "front") < 800:
        src = front[i % len(front)]
        code = f"{src.code}-S{i}"
        points[code] = msgspec.structs.replace(bundle.atlas.points[src.code], code=code)
        positions.append(Position(code, "front", src.side, src.x + rng.uniform(-20, 20),
                                  src.y + rng.uniform(-20, 20)))  # fmt: skip
        i += 1
    atlas = msgspec.structs.replace(bundle.atlas, points=points)
    big = Bundle(atlas=atlas, specs=bundle.specs, figures=bundle.figures, positions=positions)
    s2 = ViewerState({c: big.views_of(c) for c in atlas.points}, list(big.specs))
    w2 = MainWindow(big, s2, None)
    w2.show()
    app.processEvents()
    meridians = [m for m in atlas.meridians if any(p.meridian == m for p in points.values())]
    times = []
    for k in range(40):
        t = time.perf_counter()
        s2.set_filters([meridians[k % len(meridians)]] if k % 2 else [])
        app.processEvents()
        times.append(time.perf_counter() - t)
    n_front = len(big.on_view("front"))
    print(f"filter change, {n_front} hotspots: median {statistics.median(times) * 1000:.2f} ms, "
          f"max {max(times) * 1000:.2f} ms (target <= 16 ms)")  # fmt: skip

    for n in (100, 1000, 10000):
        pts = [Position(f"P{k}", "front", "midline", rng.uniform(0, 900), rng.uniform(0, 1800))
               for k in range(n)]  # fmt: skip
        index = HitIndex(pts)
        probes = [(rng.uniform(0, 900), rng.uniform(0, 1800)) for _ in range(2000)]
        t = time.perf_counter()
        for x, y in probes:
            index.hit(x, y, 6.0)
        per = (time.perf_counter() - t) / len(probes)
        print(f"hit-test, {n:>5} points: {per * 1e6:.1f} µs per query")


if __name__ == "__main__":
    start_and_memory()
    placement()
    in_process()
