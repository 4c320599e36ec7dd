"""iter_inputs(): plain files, .gz, zip and tar bundles, limits, bombs and damage."""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import random
import tarfile
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.model import RawInput, RejectReason
from etl.parse.read import DEFAULT_LIMITS, Limits, decode, iter_inputs

KIB = 1024
MIB = 1024 * KIB

STORY_A = (
    " date 2019-04-02 Drought pushes herders south\n\nBy Amina DIALLO\n\n"
    "Niamey (AFP) April 2, 2019\n\nHerders drove their cattle south on Tuesday as wells "
    "dried up across the Sahel, aid workers said.\n"
)
STORY_B = (
    " date 2019-04-03 Port strike enters second week\n\nRotterdam (AFP) April 3, 2019\n\n"
    "Dock workers extended their walkout, leaving dozens of container ships at anchor.\n"
)
STORY_C = (
    "<html><body><h1>Volcano calms</h1><p>Catania (AFP) April 4, 2019</p>"
    "<p>Lava flows slowed overnight, vulcanologists said.</p></body></html>"
)


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def _zip(members: dict[str, bytes], *, stored: bool = False) -> bytes:
    buffer = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        for name, data in members.items():
            if name.endswith("/"):
                archive.writestr(zipfile.ZipInfo(name), b"")
            else:
                archive.writestr(name, data)
    return buffer.getvalue()


def _tar(
    members: dict[str, bytes], *, gz: bool = False, extra: tuple[tarfile.TarInfo, ...] = ()
) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz" if gz else "w") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        for info in extra:
            archive.addfile(info)
    return buffer.getvalue()


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _only(path: Path, limits: Limits = DEFAULT_LIMITS) -> RawInput:
    inputs = list(iter_inputs(path, limits=limits))
    assert len(inputs) == 1, inputs
    return inputs[0]


def _reason(raw: RawInput) -> RejectReason:
    assert raw.error is not None, raw
    assert raw.error.detail
    return raw.error.reason


# --- plain files and .gz -----------------------------------------------------------------


def test_plain_file_yields_one_input_with_source_as_given(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", STORY_A.encode())
    for given_path in (path, str(path)):
        raw = _only(given_path)
        assert raw.source == str(path)
        assert raw.data == STORY_A.encode()
        assert raw.error is None


def test_missing_path_raises_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        list(iter_inputs(tmp_path / "nope.txt"))


def test_directory_is_unreadable_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    raw = _only(tmp_path / "folder.txt")
    assert _reason(raw) is RejectReason.UNREADABLE
    assert raw.data == b""


def test_fifo_is_unreadable_and_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    raw = _only(fifo)
    assert _reason(raw) is RejectReason.UNREADABLE
    assert "regular file" in raw.error.detail


def test_symlink_to_a_dump_is_read(tmp_path: Path) -> None:
    target = _write(tmp_path, "a.txt", STORY_A.encode())
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    raw = _only(link)
    assert raw.source == str(link) and raw.data == STORY_A.encode()


def test_broken_symlink_is_unreadable(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing.txt")
    assert _reason(_only(link)) is RejectReason.UNREADABLE


def test_empty_file_reaches_decode_as_empty(tmp_path: Path) -> None:
    raw = _only(_write(tmp_path, "empty.txt", b""))
    assert raw.error is None and raw.data == b""
    with pytest.raises(Exception) as caught:
        decode(raw)
    assert caught.value.reason is RejectReason.EMPTY  # type: ignore[attr-defined]


def test_gz_yields_decompressed_bytes_and_same_sha_as_plain(tmp_path: Path) -> None:
    plain = _write(tmp_path, "a.txt", STORY_A.encode())
    packed = _write(tmp_path, "a.txt.gz", _gzip(STORY_A.encode()))
    raw = _only(packed)
    assert raw.source == str(packed)
    assert raw.data == STORY_A.encode()
    assert decode(raw).sha256 == decode(_only(plain)).sha256
    assert decode(raw).sha256 == hashlib.sha256(STORY_A.encode()).hexdigest()


def test_gz_html_page(tmp_path: Path) -> None:
    dump = decode(_only(_write(tmp_path, "page.html.gz", _gzip(STORY_C.encode()))))
    assert dump.format == "html"
    assert dump.text.startswith("Volcano calms\n\nCatania (AFP)")


def test_gz_detected_by_content_whatever_the_name(tmp_path: Path) -> None:
    raw = _only(_write(tmp_path, "a.txt", _gzip(STORY_A.encode())))
    assert raw.data == STORY_A.encode()


def test_multi_member_gzip_is_concatenated(tmp_path: Path) -> None:
    raw = _only(_write(tmp_path, "a.gz", _gzip(b"first part\n") + _gzip(b"second part\n")))
    assert raw.data == b"first part\nsecond part\n"


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[: len(blob) // 2],  # truncated
        lambda blob: blob[:12] + b"\xff" * 20 + blob[32:],  # garbage in the deflate stream
        lambda blob: blob[:-8] + b"\x00\x00\x00\x00" + blob[-4:],  # wrong CRC
        lambda blob: blob + b"trailing junk",
    ],
    ids=["truncated", "garbage", "crc", "trailing"],
)
def test_corrupt_gz(tmp_path: Path, damage) -> None:
    data = damage(_gzip(STORY_A.encode() * 20))
    raw = _only(_write(tmp_path, "bad.txt.gz", data))
    assert _reason(raw) is RejectReason.CORRUPT_ARCHIVE
    assert raw.source == str(tmp_path / "bad.txt.gz")
    assert raw.data == data  # the reject keeps the container's own bytes


def test_gz_name_with_text_content_is_corrupt(tmp_path: Path) -> None:
    raw = _only(_write(tmp_path, "a.txt.gz", STORY_A.encode()))
    assert _reason(raw) is RejectReason.CORRUPT_ARCHIVE


# --- size limits and bombs ---------------------------------------------------------------


def test_oversized_file_keeps_first_bytes(tmp_path: Path) -> None:
    data = STORY_A.encode() * 10
    raw = _only(_write(tmp_path, "big.txt", data), Limits(max_file_bytes=100))
    assert _reason(raw) is RejectReason.OVERSIZED
    assert raw.data == data[:100]
    assert "kept" in raw.error.detail


def test_gz_ratio_bomb_refused_with_its_own_bytes(tmp_path: Path) -> None:
    bomb = _gzip(bytes(64 * MIB))
    assert len(bomb) < 100 * KIB
    raw = _only(_write(tmp_path, "zeros.txt.gz", bomb))
    assert _reason(raw) is RejectReason.BOMB
    assert raw.data == bomb


def test_gz_over_member_limit_but_sane_ratio_is_oversized(tmp_path: Path) -> None:
    rng = random.Random(3)
    text = " ".join(rng.choice(["rain", "port", "strike", "lava", "vote"]) for _ in range(3000))
    data = _gzip(text.encode())
    raw = _only(_write(tmp_path, "long.txt.gz", data), Limits(max_member_bytes=5 * KIB))
    assert _reason(raw) is RejectReason.OVERSIZED
    assert raw.data == data


def test_small_ratio_floor_catches_small_bomb(tmp_path: Path) -> None:
    bomb = _gzip(bytes(200 * KIB))
    limits = Limits(max_ratio=10, ratio_floor_bytes=16 * KIB)
    assert _reason(_only(_write(tmp_path, "z.gz", bomb), limits)) is RejectReason.BOMB


def test_zip_ratio_bomb_refused_as_a_whole(tmp_path: Path) -> None:
    data = _zip({"a.txt": STORY_A.encode(), "zeros.txt": bytes(64 * MIB)})
    raw = _only(_write(tmp_path, "bundle.zip", data))
    assert _reason(raw) is RejectReason.BOMB
    assert raw.source == str(tmp_path / "bundle.zip")
    assert raw.data == data


def test_tar_gz_ratio_bomb_refused_as_a_whole(tmp_path: Path) -> None:
    data = _tar({"a.txt": STORY_A.encode(), "zeros.txt": bytes(64 * MIB)}, gz=True)
    raw = _only(_write(tmp_path, "bundle.tar.gz", data))
    assert _reason(raw) is RejectReason.BOMB
    assert raw.data == data


@pytest.mark.parametrize("kind", ["zip", "tar", "tgz"])
def test_too_many_members_is_a_bomb(tmp_path: Path, kind: str) -> None:
    members = {f"story{i}.txt": STORY_B.encode() for i in range(5)}
    if kind == "zip":
        data, name = _zip(members), "many.zip"
    else:
        data, name = _tar(members, gz=kind == "tgz"), f"many.{kind}"
    raw = _only(_write(tmp_path, name, data), Limits(max_members=3))
    assert _reason(raw) is RejectReason.BOMB
    assert "members" in raw.error.detail


def test_thousands_of_empty_zip_entries_is_a_bomb(tmp_path: Path) -> None:
    data = _zip({f"e{i}.txt": b"" for i in range(2000)})
    raw = _only(_write(tmp_path, "empties.zip", data), Limits(max_members=1000))
    assert _reason(raw) is RejectReason.BOMB


@pytest.mark.parametrize("kind", ["zip", "tgz"])
def test_total_decompressed_limit(tmp_path: Path, kind: str) -> None:
    members = {f"story{i}.txt": STORY_A.encode() for i in range(8)}
    data = _zip(members) if kind == "zip" else _tar(members, gz=True)
    limits = Limits(max_total_bytes=3 * len(STORY_A))
    raw = _only(_write(tmp_path, f"bundle.{kind}", data), limits)
    assert _reason(raw) is RejectReason.BOMB


@pytest.mark.parametrize("kind", ["zip", "tar"])
def test_one_oversized_member_rejected_alone(tmp_path: Path, kind: str) -> None:
    rng = random.Random(5)
    big = bytes(rng.randrange(97, 123) for _ in range(6000))
    members = {"a.txt": STORY_A.encode(), "big.txt": big, "b.txt": STORY_B.encode()}
    data = _zip(members) if kind == "zip" else _tar(members)
    path = _write(tmp_path, f"bundle.{kind}", data)
    inputs = list(iter_inputs(path, limits=Limits(max_member_bytes=1000)))
    assert [raw.source for raw in inputs] == [f"{path}!a.txt", f"{path}!big.txt", f"{path}!b.txt"]
    assert inputs[0].error is None and inputs[2].error is None
    assert _reason(inputs[1]) is RejectReason.OVERSIZED
    assert inputs[1].data == big[:1000]


# --- zip bundles -------------------------------------------------------------------------


def test_zip_members_named_bundle_bang_member(tmp_path: Path) -> None:
    data = _zip(
        {
            "wire/": b"",
            "wire/a.txt": STORY_A.encode(),
            "wire/b.txt": STORY_B.encode("utf-16"),
            "c.html": STORY_C.encode(),
            "__MACOSX/wire/._a.txt": b"\x00\x05\x16\x07 apple double",
            "wire/.DS_Store": b"\x00\x00\x00\x01Bud1",
            "Thumbs.db": b"\xd0\xcf\x11\xe0",
        }
    )
    path = _write(tmp_path, "bundle.zip", data)
    inputs = list(iter_inputs(path))
    assert [raw.source for raw in inputs] == [
        f"{path}!wire/a.txt",
        f"{path}!wire/b.txt",
        f"{path}!c.html",
    ]
    dumps = [decode(raw) for raw in inputs]
    assert dumps[0].text == STORY_A
    assert dumps[1].text == STORY_B and dumps[1].encoding == "utf-16"
    assert dumps[2].format == "html"


def test_nested_zip_in_zip_is_opened_one_level(tmp_path: Path) -> None:
    inner = _zip({"x.txt": STORY_A.encode(), "y.txt.gz": _gzip(STORY_B.encode())})
    data = _zip({"inner.zip": inner, "top.txt": STORY_B.encode()})
    path = _write(tmp_path, "outer.zip", data)
    inputs = list(iter_inputs(path))
    assert [raw.source for raw in inputs] == [
        f"{path}!inner.zip!x.txt",
        f"{path}!inner.zip!y.txt.gz",
        f"{path}!top.txt",
    ]
    assert all(raw.error is None for raw in inputs)
    assert inputs[1].data == STORY_B.encode()


def test_archive_nested_two_deep_is_rejected_alone(tmp_path: Path) -> None:
    deepest = _zip({"x.txt": STORY_A.encode()})
    middle = _zip({"deep.zip": deepest, "m.txt": STORY_B.encode()})
    data = _zip({"middle.zip": middle, "top.txt": STORY_A.encode()})
    path = _write(tmp_path, "outer.zip", data)
    inputs = {raw.source: raw for raw in iter_inputs(path)}
    assert set(inputs) == {
        f"{path}!middle.zip!deep.zip",
        f"{path}!middle.zip!m.txt",
        f"{path}!top.txt",
    }
    rejected = inputs[f"{path}!middle.zip!deep.zip"]
    assert _reason(rejected) is RejectReason.BOMB
    assert rejected.data == deepest


def test_nested_bomb_rejects_only_that_member(tmp_path: Path) -> None:
    inner = _zip({"zeros.txt": bytes(64 * MIB)})
    data = _zip({"inner.zip": inner, "ok.txt": STORY_A.encode()}, stored=True)
    path = _write(tmp_path, "outer.zip", data)
    inputs = list(iter_inputs(path))
    assert [raw.source for raw in inputs] == [f"{path}!inner.zip", f"{path}!ok.txt"]
    assert _reason(inputs[0]) is RejectReason.BOMB
    assert inputs[1].error is None


def test_truncated_zip_is_corrupt(tmp_path: Path) -> None:
    data = _zip({"a.txt": STORY_A.encode(), "b.txt": STORY_B.encode()})
    raw = _only(_write(tmp_path, "cut.zip", data[: len(data) - 30]))
    assert _reason(raw) is RejectReason.CORRUPT_ARCHIVE
    assert raw.data == data[: len(data) - 30]


def test_zip_name_with_text_content_is_corrupt(tmp_path: Path) -> None:
    raw = _only(_write(tmp_path, "fake.zip", STORY_A.encode()))
    assert _reason(raw) is RejectReason.CORRUPT_ARCHIVE


def test_zip_member_with_bad_crc_rejected_alone(tmp_path: Path) -> None:
    data = bytearray(_zip({"a.txt": STORY_A.encode(), "b.txt": STORY_B.encode()}, stored=True))
    offset = data.index(b"Niamey")
    data[offset] ^= 0x20  # flip one bit of a.txt's stored bytes; its CRC no longer matches
    path = _write(tmp_path, "crc.zip", bytes(data))
    inputs = list(iter_inputs(path))
    assert [raw.source for raw in inputs] == [f"{path}!a.txt", f"{path}!b.txt"]
    assert _reason(inputs[0]) is RejectReason.CORRUPT_ARCHIVE
    assert inputs[1].error is None


def test_encrypted_zip_member_is_unreadable(tmp_path: Path) -> None:
    data = bytearray(_zip({"a.txt": STORY_A.encode()}, stored=True))
    # Set the "encrypted" flag in the local header (offset 6) and the central directory
    # entry (offset 8): what a password-protected member looks like to a reader.
    data[6] |= 0x1
    central = data.index(b"PK\x01\x02")
    data[central + 8] |= 0x1
    raw = _only(_write(tmp_path, "locked.zip", bytes(data)))
    assert raw.source == f"{tmp_path / 'locked.zip'}!a.txt"
    assert _reason(raw) is RejectReason.UNREADABLE


# --- tar bundles -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["bundle.tar", "bundle.tar.gz", "bundle.tgz"])
def test_tar_members(tmp_path: Path, name: str) -> None:
    link = tarfile.TarInfo("link.txt")
    link.type, link.linkname = tarfile.SYMTYPE, "a.txt"
    device = tarfile.TarInfo("dev/null")
    device.type = tarfile.CHRTYPE
    folder = tarfile.TarInfo("wire")
    folder.type = tarfile.DIRTYPE
    fifo = tarfile.TarInfo("pipe")
    fifo.type = tarfile.FIFOTYPE
    data = _tar(
        {"./a.txt": STORY_A.encode(), "wire/b.txt": STORY_B.encode(), "c.html": STORY_C.encode(),
         "wire/._b.txt": b"\x00\x05\x16\x07"},
        gz=name != "bundle.tar",
        extra=(link, device, folder, fifo),
    )  # fmt: skip
    path = _write(tmp_path, name, data)
    inputs = list(iter_inputs(path))
    assert [raw.source for raw in inputs] == [
        f"{path}!./a.txt",
        f"{path}!wire/b.txt",
        f"{path}!c.html",
    ]
    assert [raw.data for raw in inputs] == [
        STORY_A.encode(),
        STORY_B.encode(),
        STORY_C.encode(),
    ]


def test_tar_path_traversal_names_kept_and_nothing_written(tmp_path: Path) -> None:
    data = _tar({"../../escape.txt": STORY_A.encode(), "/abs/path.txt": STORY_B.encode()})
    path = _write(tmp_path, "evil.tar", data)
    before = sorted(os.listdir(tmp_path.parent))
    inputs = list(iter_inputs(path))
    assert [raw.source for raw in inputs] == [f"{path}!../../escape.txt", f"{path}!/abs/path.txt"]
    assert sorted(os.listdir(tmp_path.parent)) == before
    assert os.listdir(tmp_path) == ["evil.tar"]


def test_zip_inside_tgz_is_one_level(tmp_path: Path) -> None:
    data = _tar({"inner.zip": _zip({"x.txt": STORY_A.encode()})}, gz=True)
    path = _write(tmp_path, "b.tgz", data)
    [raw] = list(iter_inputs(path))
    assert raw.source == f"{path}!inner.zip!x.txt"
    assert raw.data == STORY_A.encode()


def _cut_inside_second_member(blob: bytes) -> bytes:
    return blob[: blob.index(b"Rotterdam") + 40]


def _garble_second_header(blob: bytes) -> bytes:
    start = blob.index(b"b.txt")
    return blob[:start] + b"\x01" * 300 + blob[start + 300 :]


@pytest.mark.parametrize("damage", [_cut_inside_second_member, _garble_second_header])
def test_corrupt_tar_refused_before_any_member(tmp_path: Path, damage) -> None:
    data = damage(_tar({"a.txt": STORY_A.encode() * 3, "b.txt": STORY_B.encode() * 3}))
    raw = _only(_write(tmp_path, "bad.tar", data))
    assert raw.source == str(tmp_path / "bad.tar")
    assert _reason(raw) is RejectReason.CORRUPT_ARCHIVE
    assert raw.data == data


def test_truncated_tgz_is_corrupt(tmp_path: Path) -> None:
    data = _tar({"a.txt": STORY_A.encode() * 50, "b.txt": STORY_B.encode() * 50}, gz=True)
    raw = _only(_write(tmp_path, "cut.tgz", data[: len(data) // 2]))
    assert _reason(raw) is RejectReason.CORRUPT_ARCHIVE


def test_tgz_name_holding_plain_gzip_is_corrupt(tmp_path: Path) -> None:
    raw = _only(_write(tmp_path, "notatar.tgz", _gzip(STORY_A.encode())))
    assert _reason(raw) is RejectReason.CORRUPT_ARCHIVE


# --- property: hostile bytes under any landing name never raise --------------------------


def _mutations() -> st.SearchStrategy[bytes]:
    seeds = [
        _zip({"a.txt": STORY_A.encode(), "b/c.txt": STORY_B.encode()}),
        _tar({"a.txt": STORY_A.encode()}, gz=True),
        _tar({"a.txt": STORY_A.encode()}),
        _gzip(STORY_A.encode()),
    ]

    def mutate(args: tuple[int, list[tuple[int, int]], int]) -> bytes:
        index, flips, cut = args
        blob = bytearray(seeds[index])
        for position, value in flips:
            blob[position % len(blob)] = value
        return bytes(blob[: max(1, len(blob) - cut)])

    return st.tuples(
        st.integers(0, len(seeds) - 1),
        st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=6),
        st.integers(0, 300),
    ).map(mutate)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.one_of(st.binary(max_size=2000), _mutations()),
    name=st.sampled_from(["x.zip", "x.tar", "x.tgz", "x.tar.gz", "x.gz", "x.txt", "x.html"]),
)
def test_any_bytes_yield_inputs_never_exceptions(data: bytes, name: str) -> None:
    limits = Limits(max_member_bytes=64 * KIB, max_total_bytes=256 * KIB, ratio_floor_bytes=KIB)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        inputs = list(iter_inputs(path, limits=limits))
    assert inputs
    for raw in inputs:
        assert raw.source.startswith(str(path))
        if raw.error is not None:
            assert isinstance(raw.error.reason, RejectReason) and raw.error.detail
        else:
            assert len(raw.data) <= limits.max_member_bytes or raw.source == str(path)


def test_an_archive_with_no_file_is_an_empty_reject(tmp_path: Path) -> None:
    """Found by the property test: an empty zip yielded nothing, so the landing entry was
    lost without a trace."""
    import io
    import tarfile
    import zipfile

    empty_zip = io.BytesIO()
    with zipfile.ZipFile(empty_zip, "w"):
        pass
    only_folder = io.BytesIO()
    with zipfile.ZipFile(only_folder, "w") as z:
        z.writestr("folder/", b"")
    empty_tar = io.BytesIO()
    with tarfile.open(fileobj=empty_tar, mode="w"):
        pass
    for name, data in (("a.zip", empty_zip.getvalue()), ("b.zip", only_folder.getvalue()),
                       ("c.tar", empty_tar.getvalue())):
        path = tmp_path / name
        path.write_bytes(data)
        inputs = list(iter_inputs(path))
        assert len(inputs) == 1, name
        assert inputs[0].error is not None and inputs[0].error.reason == RejectReason.EMPTY


def test_a_zip_member_with_an_empty_name_is_read_not_a_crash(tmp_path: Path) -> None:
    # A member whose name is empty (the property test above found one): zipfile's own
    # ZipInfo.is_dir() fails on it, so the archive must not ask it.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo(""), b"Paris (AFP) Nov 1, 2017 - Rescuers reached it.")
    path = tmp_path / "x.zip"
    path.write_bytes(buffer.getvalue())
    inputs = list(iter_inputs(path))
    assert len(inputs) == 1
    assert inputs[0].source.startswith(str(path))
