"""The shared acceptance check on the seed dump, run exactly as CI runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CHECK = REPO.parent / "shared" / "acceptance" / "check_seed.py"
WIRE_ARCHIVE = Path(sys.executable).parent / "wire-archive"


def test_seed_acceptance_check_passes() -> None:
    assert CHECK.is_file(), f"acceptance check missing at {CHECK}"
    assert WIRE_ARCHIVE.is_file(), f"console script missing at {WIRE_ARCHIVE}"
    run = subprocess.run(
        [sys.executable, str(CHECK), str(WIRE_ARCHIVE)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "seed acceptance: ok" in run.stdout
