"""`make bench`: median in-process render time per example, and cold `plangen validate` time.

Targets on the reference machine (2 cores): ≤ 60 ms per render, ≤ 0.3 s cold validate.
"""
from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from generator import context, load, render, validate

ROOT = Path(__file__).resolve().parent.parent
RUNS = 21
COLD_RUNS = 7


def median_seconds(action: object, runs: int) -> float:
    """Median wall time of calling action() runs times (after one warm-up call)."""
    action()  # type: ignore[operator]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    """Print one line per measurement; exit 1 if a target is missed."""
    ok = True
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        plan = validate.validate(load.load_file(example))
        seconds = median_seconds(lambda plan=plan: render.render_document(context.build(plan)),
                                 RUNS)
        ok &= seconds <= 0.060
        print(f"render {example.name:32} median {seconds * 1000:6.1f} ms  (target ≤ 60 ms)")
    command = shutil.which("plangen") or sys.executable
    args = [command] if command != sys.executable else [command, "-m", "generator"]
    example = str(ROOT / "examples" / "ha-giang-2023.yaml")
    cold = median_seconds(lambda: subprocess.run([*args, "validate", example], check=True,
                                                 capture_output=True), COLD_RUNS)
    ok &= cold <= 0.3
    print(f"cold `plangen validate` median {cold:.3f} s  (target ≤ 0.3 s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
