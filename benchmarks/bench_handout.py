"""Handout speed (numbers for the issue note, not a test).

    .venv/bin/python benchmarks/bench_handout.py

- PDF of 10 points and of 60 points (compose + render + write), median of 5
- print preview opening: QPrintPreviewDialog built, shown and its pages painted
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication

from acumap.core.catalog import Catalog
from acumap.core.compose import compose
from acumap.core.handout import Handout, HandoutItem
from acumap.loaders.bundle import load_bundle
from acumap.qt.printing import render_on, write_pdf


def main() -> None:
    app = QApplication([])
    bundle = load_bundle()
    codes = [p.code for p in Catalog(bundle.atlas).ordered()]
    out = Path(tempfile.mkdtemp()) / "bench.pdf"

    def pdf(n: int) -> float:
        h = Handout(items=tuple(HandoutItem(code=c) for c in codes[:n]), pregnant=True)
        t0 = time.perf_counter()
        write_pdf(out, compose(h, bundle.atlas, bundle.positions_of), bundle.figures)
        return time.perf_counter() - t0

    pdf(3)  # warm the font database once, as a running app would have
    for n, target in ((10, 1.0), (60, 3.0)):
        t = statistics.median(pdf(n) for _ in range(5))
        size = out.stat().st_size / 1024
        print(f"PDF of {n} points: {t * 1000:.0f} ms, {size:.0f} KiB (target <= {target:.0f} s)")

    h = Handout(items=tuple(HandoutItem(code=c) for c in codes[:12]))
    doc = compose(h, bundle.atlas, bundle.positions_of)
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer)
        dialog.paintRequested.connect(lambda p: render_on(p, doc, bundle.figures))
        dialog.show()
        app.processEvents()
        times.append(time.perf_counter() - t0)
        dialog.close()
    print(f"print preview of 12 points opens in {statistics.median(times) * 1000:.0f} ms "
          "(target <= 1 s)")  # fmt: skip


if __name__ == "__main__":
    main()
