"""Parser throughput on the project's own dumps: prints figures, asserts nothing.

Usage: .venv/bin/python bench/parse.py [--runs 7] [PATH ...]
Default inputs: tests/fixtures/dumps and landing/sample (when present). Each run parses
every dump once (archives: every member); reported are dumps/s (median, min, max over
runs) and MB/s of raw input.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from etl.model import ParsedDump  # noqa: E402
from etl.parse import parse_path  # noqa: E402


def landing_files(roots: list[Path]) -> list[Path]:
    files: list[Path] = []
    for root in roots:
        if root.is_file():
            files.append(root)
        elif root.is_dir():
            files.extend(p for p in sorted(root.rglob("*")) if p.is_file() and p.suffix != ".md")
    return files


def one_run(files: list[Path]) -> tuple[int, int, int, float]:
    """(dumps parsed, dumps rejected, raw bytes, seconds) for one pass over the files."""
    parsed = rejected = size = 0
    start = time.perf_counter()
    for path in files:
        for result in parse_path(path):
            if isinstance(result, ParsedDump):
                parsed += 1
                size += result.size
            else:
                rejected += 1
                size += len(result.data)
    return parsed, rejected, size, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args(argv)
    roots = args.paths or [REPO / "tests" / "fixtures" / "dumps", REPO / "landing" / "sample"]
    files = landing_files(roots)
    if not files:
        print("no input files found under", ", ".join(map(str, roots)))
        return 1
    one_run(files)  # warm-up: imports, gazetteer index, regex compilation
    rates, throughput = [], []
    parsed = rejected = size = 0
    for _ in range(args.runs):
        parsed, rejected, size, seconds = one_run(files)
        rates.append((parsed + rejected) / seconds)
        throughput.append(size / seconds / 1e6)
    print(f"inputs: {len(files)} files, {parsed} dumps parsed, {rejected} rejected, "
          f"{size / 1e6:.2f} MB per run, {args.runs} runs")
    print(f"dumps/s: median {statistics.median(rates):.0f}  "
          f"min {min(rates):.0f}  max {max(rates):.0f}")
    print(f"MB/s:    median {statistics.median(throughput):.2f}  "
          f"min {min(throughput):.2f}  max {max(throughput):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
