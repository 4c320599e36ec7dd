"""A generator of realistic wire dumps (our own invented text), shared by tests and bench.

Each dump: a header line, byline, dateline, paragraphs with an AFP-style subhead,
then teasers of related stories ("... read more") and boilerplate. Teasers are drawn
from a pool, so the same teaser recurs across pages, and a teaser's text is the
opening of the main story it announces, as on real wire pages.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

PLACES = [
    ("Nairobi", "AFP"),
    ("Lima", "AFP"),
    ("Oslo", "AFP"),
    ("Hanoi", "AFP"),
    ("Ottawa", "AFP"),
    ("Cairo", "AFP"),
    ("Manila", "AFP"),
    ("Madrid", "AFP"),
    ("Jakarta", "AFP"),
    ("Santiago", "AFP"),
]
SUBJECTS = [
    "The regional council",
    "Port authorities",
    "A coalition of farmers",
    "The national weather service",
    "Fishing cooperatives along the coast",
    "The transport ministry",
    "Hospital administrators",
    "A group of independent auditors",
    "Local election officials",
    "The central bank",
]
VERBS = [
    "announced new measures to curb",
    "warned of a sharp rise in",
    "published a long-awaited report on",
    "called for an inquiry into",
    "agreed a provisional deal over",
    "postponed a decision about",
]
OBJECTS = [
    "river flooding in the northern valleys",
    "the price of imported grain",
    "delays at the main container terminal",
    "water shortages in the capital",
    "the cost of rebuilding two bridges",
    "a backlog of asylum requests",
    "the spread of a crop disease",
    "power cuts affecting rural districts",
]
TAILS = [
    "officials said on Tuesday.",
    "according to a statement released late on Monday.",
    "a spokeswoman told reporters.",
    "in a move critics described as overdue.",
    "after weeks of talks behind closed doors.",
]
FIRST = ["Ana", "Tomas", "Leila", "Kwame", "Sofia", "Dmitri", "Mei", "Rafael"]
LAST = ["OKAFOR", "LINDQVIST", "HADDAD", "MORENO", "PETROVA", "NGUYEN", "SILVA", "MBEKI"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}, {rng.choice(TAILS)}"


def dateline(place: str, agency: str, day: dt.date) -> str:
    return f"{place} ({agency}) {MONTHS[day.month - 1]} {day.day}, {day.year}"


@dataclass(frozen=True)
class Article:
    place: str
    agency: str
    day: dt.date
    headline: str
    byline: str
    paragraphs: tuple[str, ...]

    def teaser(self, words: int = 30) -> str:
        tokens = " ".join(self.paragraphs).split()
        return " ".join(tokens[:words]) + " ... read more"


def make_article(rng: random.Random, day: dt.date, n_paragraphs: int = 6) -> Article:
    place, agency = rng.choice(PLACES)
    paras = tuple(
        " ".join(sentence(rng) for _ in range(rng.randint(2, 3)))
        + f" Item {rng.randint(1, 10**9)}."
        for _ in range(n_paragraphs)
    )
    headline = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS).split(' ', 1)[0]} {rng.choice(OBJECTS)}"
    byline = f"By {rng.choice(FIRST)} {rng.choice(LAST)}"
    return Article(place, agency, day, headline, byline, paras)


def render(main: Article, teasers: list[Article], *, subhead: str = "Talks resume") -> str:
    """One dump's text in the wire-page layout."""
    lines = [f" date {main.day.isoformat()} {main.headline}", "", "", f"{main.byline}", "", ""]
    lines += [dateline(main.place, main.agency, main.day), "", ""]
    half = max(1, len(main.paragraphs) // 2)
    for para in main.paragraphs[:half]:
        lines += [para, ""]
    lines += [f"- {subhead} -", ""]
    for para in main.paragraphs[half:]:
        lines += [para, ""]
    for teaser in teasers:
        lines += [dateline(teaser.place, teaser.agency, teaser.day), "", "", teaser.teaser(), ""]
    lines += ["Related Links", ""]
    return "\n".join(lines)


def corpus(
    n: int, *, seed: int = 7, pool: int = 50, teasers_per_dump: int = 3
) -> Iterator[tuple[str, str]]:
    """(file name, text) for n dumps; teasers recur from a pool of recent main stories."""
    rng = random.Random(seed)
    start = dt.date(2017, 11, 1)
    recent: deque[Article] = deque(maxlen=pool)
    for i in range(n):
        day = start + dt.timedelta(days=i % 60)
        article = make_article(rng, day)
        teasers = rng.sample(list(recent), min(teasers_per_dump, len(recent)))
        recent.append(article)
        yield f"dump-{i:06d}.txt", render(article, teasers)
