"""The built wheel, installed in a fresh venv as the Dockerfile does: no checkout behind it.

A wheel that works only beside its source tree (queries or migrations found through the
repository) fails here: the test runs the installed command from a folder outside the repo.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow

SKIP_DIRS = {".git", ".venv", "var", "build", "dist", "__pycache__", ".pytest_cache", ".ruff_cache"}


def _run(argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, (argv, done.stdout[-2000:], done.stderr[-2000:])
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """bin/ of a fresh venv holding only the wheel (its dependencies come from ours)."""
    root = tmp_path_factory.mktemp("wheel")
    src = root / "src"
    shutil.copytree(
        REPO,
        src,
        symlinks=True,
        ignore=lambda _dir, names: [n for n in names if n in SKIP_DIRS or n.endswith(".egg-info")],
    )
    dist = root / "dist"
    _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "-w", str(dist), str(src)],
        root,
    )  # fmt: skip
    (wheel,) = dist.glob("wire_archive-*.whl")
    venv = root / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], root)
    _run([str(venv / "bin" / "python"), "-m", "pip", "install", "--no-deps", "--no-index",
          "--quiet", str(wheel)], root)  # fmt: skip
    purelib = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    fresh_site = _run([str(venv / "bin" / "python"), "-c", purelib], root).stdout.strip()
    # Our dependencies, after the wheel on sys.path; a bare path entry, so our own editable
    # install (a .pth hook in that folder) is not activated.
    (Path(fresh_site) / "zz_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return venv / "bin"


def test_the_wheel_is_what_runs(installed: Path, tmp_path: Path) -> None:
    where = _run(
        [str(installed / "python"), "-c", "import etl; print(etl.__file__)"], tmp_path
    ).stdout.strip()
    assert where.startswith(str(installed.parent)), where
    assert not where.startswith(str(REPO))


def test_installed_cli_lists_and_runs_the_example_queries(installed: Path, tmp_path: Path) -> None:
    cli = str(installed / "wire-archive")
    listed = _run([cli, "sql", "--list"], tmp_path).stdout
    shipped = sorted(p.name for p in (REPO / "etl" / "queries").glob("*.sql"))
    assert len(shipped) > 10
    for name in shipped:
        assert name.split(".")[0] in listed, (name, listed)

    db = f"sqlite:///{tmp_path / 'archive.sqlite'}"
    _run([cli, "ingest", str(REPO / "landing" / "sample"), "--db", db], tmp_path)
    out = _run([cli, "sql", "--file", "busiest_days", "--db", db, "--format", "csv"], tmp_path)
    rows = out.stdout.strip().splitlines()
    assert rows[0].startswith("date") and len(rows) > 1, out.stdout
