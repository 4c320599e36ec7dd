"""A title's or a photo credit's last words run into a credited dateline whose place is in
capitals (split.py `_caps_tail`): the place starts at the capitals. Our own words."""

from __future__ import annotations

from etl.parse import parse_bytes
from etl.parse.split import _caps_tail


def _parse(text: str):
    return parse_bytes(text.encode("utf-8"), source="page.txt")


def test_a_title_run_into_the_dateline_keeps_out_of_the_place() -> None:
    text = (
        "Wire stories\n\n"
        "Inside a river town's long wait for its bridge to reopen near Kherson "
        "MYKOLAIV, Ukraine (AP) — The ferry runs twice a day now, and the queue for it starts "
        "before dawn.\n"
    )
    story = _parse(text).stories[0]
    assert story.dateline is not None
    assert story.dateline.raw == "MYKOLAIV, Ukraine (AP)"
    assert story.dateline.place == "Mykolaiv"
    assert story.dateline.country == "UA"


def test_a_photo_credit_via_the_agency_keeps_out_of_the_place() -> None:
    text = (
        "Regional news\n\n"
        "Names released after small plane crash near lake\n\n"
        "Courtesy: Lakeside Weekly via AP BIRCHWOOD, Wis. (AP) – Two people died when their small "
        "plane came down in a field north of the city, officials said Tuesday.\n"
    )
    story = _parse(text).stories[0]
    assert story.dateline is not None
    assert story.dateline.place == "Birchwood"
    assert story.dateline.region == "Wisconsin"
    assert story.dateline.agencies == ("AP",)


def test_places_joined_in_capitals_stay_one_place() -> None:
    assert _caps_tail("SAN DIEGO and LOS ANGELES, May 31 /PRNewswire/", ("PRNewswire",)) == 0
    assert _caps_tail("NEW YORK (AP)", ("AP",)) == 0
    assert _caps_tail("Mexico City (AFP)", ("AFP",)) == 0
    assert _caps_tail("near Kherson MYKOLAIV, Ukraine (AP)", ("AP",)) == len("near Kherson ")
    assert _caps_tail("AP DULUTH, Minn. (AP)", ("AP",)) == len("AP ")
    assert _caps_tail("near Kherson MYKOLAIV, Ukraine", ()) == 0  # no credit: no cut
