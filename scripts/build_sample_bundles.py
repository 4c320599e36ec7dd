"""(Re)build the binary damaged-input fixtures: tests/fixtures/bad/ and landing/sample/.

Damaged files are easier to trust when the recipe that damaged them is written down: a
truncated gzip, a zip with a broken central directory, an archive bomb. Output is
byte-for-byte deterministic (fixed seeds, gzip mtime 0, fixed zip timestamps), so running
this again changes nothing in git. The good corpus bundles (.gz, .zip, .tar.gz under
tests/fixtures/dumps/) are committed as they are and are not rebuilt here.

Usage: python scripts/build_sample_bundles.py [--check]
  --check  rebuild in memory and exit 1 if any committed file differs.
"""

from __future__ import annotations

import argparse
import gzip
import io
import random
import sys
import tarfile
import zipfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BAD = REPO / "tests" / "fixtures" / "bad"
LANDING = REPO / "landing" / "sample"
ZIP_TIME = (2017, 11, 11, 12, 0, 0)
BOMB_BYTES = 50 * 1024 * 1024  # inflates to 50 MiB; compresses to ~50 KB

PAGE = (
    " date 2017-11-19 Ferry service to islands suspended as gales batter coast\n\n"
    "Athens (AFP) Nov 19, 2017\n\n"
    "Ferries between the mainland and the Aegean islands stayed in port on Sunday as "
    "gale-force winds swept the coast, the coastguard said.\n\n"
    "Related Links\n"
)


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return buf.getvalue()


def _tar_gz(members: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as tf:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), 1511092800, 0o644
            tf.addfile(info, io.BytesIO(data))
    return _gzip(buf.getvalue())


def png_bytes() -> bytes:
    """A PNG header and chunk names followed by noise: an image saved under a .txt name."""
    rng = random.Random(7)
    head = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x00\xb4\x08\x02"
    return head + bytes(rng.randrange(256) for _ in range(1500)) + b"\x00\x00\x00\x00IEND"


def nul_ridden() -> bytes:
    """A text page whose bytes are shot through with NUL runs, as from a bad disk copy."""
    rng = random.Random(11)
    out = bytearray()
    for ch in PAGE.encode():
        out.append(ch)
        if rng.random() < 0.15:
            out.extend(b"\x00" * rng.randrange(1, 9))
    return bytes(out)


def undecodable() -> bytes:
    """High bytes in no consistent code page: no encoding yields sensible text."""
    rng = random.Random(3)
    return bytes(rng.randrange(0x80, 0x100) for _ in range(2000))


def no_text_html() -> bytes:
    return (
        b"<!DOCTYPE html>\n<html><head><title></title>\n"
        b"<style>.hero{height:400px;background:#222}</style>\n"
        b"<script>var slots=[];function loadAds(){slots.push('top')}</script>\n</head>\n"
        b'<body>\n<nav><a href="/">Home</a> <a href="/world">World</a></nav>\n'
        b'<div class="hero"><img src="/img/hero.jpg" alt=""></div>\n<div id="app"></div>\n'
        b"<noscript>Please enable JavaScript</noscript>\n"
        b'<script src="/static/bundle.js"></script>\n</body></html>\n'
    )


def truncated_gz() -> bytes:
    whole = _gzip(PAGE.encode() * 3)
    return whole[: len(whole) // 2]


def truncated_tar_gz() -> bytes:
    whole = _tar_gz([("afp-2017-11-19-ferries.txt", PAGE.encode() * 4)])
    return whole[: len(whole) * 2 // 3]


def corrupt_zip() -> bytes:
    """A real zip whose central directory was overwritten: the archive cannot be listed."""
    whole = bytearray(_zip([("afp-2017-11-19-ferries.txt", PAGE.encode())]))
    cd = whole.rfind(b"PK\x01\x02")
    whole[cd : cd + 40] = b"\xde\xad\xbe\xef" * 10
    return bytes(whole)


def zip_bomb() -> bytes:
    return _zip([("afp-2017-11-19-huge.txt", b"read more " * (BOMB_BYTES // 10))])


def gz_bomb() -> bytes:
    return _gzip(b" " * BOMB_BYTES)


def boilerplate_only() -> bytes:
    return (
        "Related Links\n\nShare this article\n\nSubscribe\n\nAdvertisement\n\n"
        "\u00a9 2017 AFP. All rights reserved.\n"
    ).encode()


BAD_FILES: dict[str, Callable[[], bytes]] = {
    "empty.txt": lambda: b"",
    "whitespace-only.txt": lambda: b"  \n\t\n   \r\n\n",
    "scan-2017-11-11.txt": png_bytes,
    "nul-ridden-2017-11-19.txt": nul_ridden,
    "undecodable-2017-11-19.txt": undecodable,
    "no-text.html": no_text_html,
    "truncated-2017-11-19.txt.gz": truncated_gz,
    "truncated-2017-11-19.tar.gz": truncated_tar_gz,
    "corrupt-2017-11-19.zip": corrupt_zip,
    "bomb-2017-11-19.zip": zip_bomb,
    "bomb-2017-11-19.txt.gz": gz_bomb,
    "boilerplate-only.txt": boilerplate_only,
}

LANDING_BROKEN: dict[str, Callable[[], bytes]] = {
    "broken-empty-2017-11-19.txt": lambda: b"",
    "broken-photo-2017-11-19.txt": png_bytes,
    "broken-truncated-2017-11-19.txt.gz": truncated_gz,
    "broken-undecodable-2017-11-19.txt": undecodable,
}


def build() -> dict[Path, bytes]:
    out = {BAD / name: make() for name, make in BAD_FILES.items()}
    out.update({LANDING / name: make() for name, make in LANDING_BROKEN.items()})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    stale = []
    for path, data in build().items():
        if args.check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"{path.relative_to(REPO)}  {len(data):>7} bytes")
    for path in stale:
        print(f"stale: {path.relative_to(REPO)}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
