"""A week's round-up whose items each close with a "read more" link, in the languages the
wire is read in, however many paragraphs each item runs (listing.py, lines.py). Our own
words."""

from __future__ import annotations

import pytest

from etl.parse import parse_bytes
from etl.parse.lines import is_read_more_only

ROUND_UP = (
    "Jakarta (ANTARA) - Banyak kabar dari ibu kota diberitakan sepekan ini, namun tiga "
    "berita berikut paling banyak dibaca:\n\n"
    "Pasar malam di Kemayoran ditutup sementara\n\n"
    "Pengelola menutup pasar malam di Kemayoran selama dua pekan untuk memperbaiki "
    "saluran air yang rusak akibat hujan deras.\n\n"
    "\"Kami minta maaf kepada pedagang dan pengunjung,\" kata kepala pengelola pasar.\n\n"
    "Pasar akan dibuka lagi setelah saluran selesai diperiksa petugas dinas.\n\n"
    "{more}\n\n"
    "Warga Cempaka Putih tanam seribu pohon\n\n"
    "Warga di Cempaka Putih menanam seribu pohon di sepanjang jalan utama pada hari "
    "Minggu bersama pelajar dan petugas kelurahan.\n\n"
    "Camat mengatakan pohon-pohon itu akan dirawat oleh warga setiap rukun tetangga.\n\n"
    "Kegiatan serupa akan diadakan di kecamatan lain bulan depan.\n\n"
    "{more}\n\n"
    "Harga cabai turun menjelang akhir pekan\n\n"
    "Harga cabai merah di pasar-pasar Jakarta Timur turun hampir sepertiga karena "
    "pasokan dari daerah kembali lancar.\n\n"
    "Pedagang berharap harga tetap stabil hingga bulan depan, kata seorang pedagang.\n\n"
    "Harga bawang juga mulai turun di beberapa pasar, menurut dinas perdagangan.\n\n"
    "{more}\n"
)


@pytest.mark.parametrize("more", ["Baca selengkapnya", "Read more"])
def test_each_linked_item_of_a_round_up_is_a_teaser(more: str) -> None:
    dump = parse_bytes(ROUND_UP.format(more=more).encode(), source="page.txt")
    assert [s.headline for s in dump.stories[1:]] == [
        "Pasar malam di Kemayoran ditutup sementara",
        "Warga Cempaka Putih tanam seribu pohon",
        "Harga cabai turun menjelang akhir pekan",
    ]
    assert all(s.is_teaser for s in dump.stories[1:])
    assert all(len(s.paragraphs) == 3 for s in dump.stories[1:])


def test_long_sections_without_links_are_not_cut_as_teasers() -> None:
    # Without the links, three paragraphs under each title read as an article's sections
    # (or briefs told whole), never as teasers.
    filler = "Petugas akan memantau keadaan selama beberapa hari ke depan, katanya.\n\n"
    page = ROUND_UP.replace("{more}\n\n", filler).replace("{more}\n", filler)
    dump = parse_bytes(page.encode(), source="page.txt")
    assert not any(s.is_teaser for s in dump.stories)


@pytest.mark.parametrize(
    "line",
    ["Baca selengkapnya", "Lire la suite", "Leer más »", "Weiterlesen", "Leia mais",
     "Czytaj dalej", "Läs mer", "Читать далее", "Read more"],
)
def test_a_read_more_link_alone_in_many_languages(line: str) -> None:
    assert is_read_more_only(line)


@pytest.mark.parametrize("line", ["Baca juga", "Mehr zum Thema", "Lire aussi : la grève"])
def test_related_labels_are_not_read_more_links(line: str) -> None:
    assert not is_read_more_only(line)
