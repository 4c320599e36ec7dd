"""Parser accuracy on real wire pages: a measurement, never pass/fail.

Usage: .venv/bin/python bench/real_pages.py [--split dev|test|all|shapes|sdev|stest|mdev|mtest]
       [--quiet]

The page texts are other people's writing and are never committed: the manifest
(bench/real_pages/manifest.json) holds each page's url, the query that finds it in the
stored-pages search, and hand-made labels; the texts live in var/real_pages/texts/<id>.txt
(see bench/real_pages/README.md to re-gather them). Pages whose text is missing are
counted and skipped.

Each labelled story is aligned with a parsed story (by headline line, else by dateline, in
page order); a labelled story the parser did not produce counts every field wrong. Fields:

  dateline  found where the page has one and none where it has none, same text
  place, region, country   over stories that have a dateline
  agencies  the story's credits (dateline, byline slot, sign-off), as a set
  date      over stories that have a dateline: its date (as written, with an inferred
            year, or the page's stamp where it gives none); null == null
  authors   byline names, in order
  teaser    the is_teaser flag
  headline  the headline line's text (null where the story shows none)
  stories   per page: the number of stories

A page is parsed as the file "<id>-YYYY-MM-DD.txt" when its url carries a date (a crawl's
file name gives the dump date the same way), else as "<id>.txt".

The last line is one overall figure per split (fields right / fields compared).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from etl.model import DumpError, ParsedDump, Story  # noqa: E402
from etl.parse import parse_bytes  # noqa: E402

MANIFEST = REPO / "bench" / "real_pages" / "manifest.json"
TEXTS = REPO / "var" / "real_pages" / "texts"
SHAPES = REPO / "tests" / "fixtures" / "real_shapes"
STORY_FIELDS = (
    "dateline", "place", "region", "country", "agencies", "date", "authors", "teaser", "headline"
)
PLACE_FIELDS = ("place", "region", "country")
_TOKEN = re.compile(r"[^\W_]+")
LONG_LINE = 300  # a "headline line" longer than this is a page flattened onto one line


def tokens(text: str | None) -> tuple[str, ...]:
    return tuple(t.casefold() for t in _TOKEN.findall(text or ""))


@dataclass
class Tally:
    right: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, name: str, ok: bool) -> None:
        self.total[name] += 1
        self.right[name] += int(ok)

    def rate(self, name: str) -> float | None:
        n = self.total.get(name, 0)
        return self.right[name] / n if n else None

    def overall(self) -> tuple[int, int]:
        return sum(self.right.values()), sum(self.total.values())


_HEADER = re.compile(r"^\s*date:?\s+\d{4}-\d{2}(?:-\d{2})?\s*", re.IGNORECASE)


def _headline_of(lines: list[str], label: dict[str, Any]) -> str | None:
    """The labelled headline line, less what is not headline on that line: a crawler's
    " date YYYY-MM-DD" header before it, the story's own dateline after it."""
    at = label.get("headline_line")
    if not at:
        return None
    line = _HEADER.sub("", lines[at - 1]).strip()
    dateline = label.get("dateline")
    if len(line) > LONG_LINE:
        return line  # a page flattened onto one line: the headline is searched inside it
    if dateline and dateline in line and not line.startswith(dateline):
        line = line[: line.index(dateline)].strip()
    return line or None


def _same_headline(want: str | None, got: str | None) -> bool:
    want_t, got_t = tokens(want), tokens(got)
    if want_t == got_t:
        return True
    if len(want or "") > LONG_LINE and got_t:
        # A page flattened onto one line: the headline is a run of words inside it.
        n = len(got_t)
        return any(want_t[i : i + n] == got_t for i in range(len(want_t) - n + 1))
    return False


def _same_dateline(want: str | None, story: Story) -> bool:
    want_t = tokens(want)
    got_t = tokens(story.dateline.raw) if story.dateline else ()
    return bool(want_t) and bool(got_t) and (want_t == got_t or set(want_t) <= set(got_t))


def align(labels: list[dict[str, Any]], lines: list[str], parsed: tuple[Story, ...]) -> list[
    Story | None
]:
    """Label story -> parsed story, monotonic in page order; None where none fits.

    First the sure pairs (same headline, else same dateline), in order; then the labelled
    and parsed stories left between two sure pairs are paired in order, so a story whose
    headline the parser got wrong is still compared field by field.
    """
    pairs: dict[int, int] = {}
    cursor = 0
    for i, label in enumerate(labels):
        want_head = _headline_of(lines, label)
        for j in range(cursor, len(parsed)):
            story = parsed[j]
            if (want_head and _same_headline(want_head, story.headline)) or (
                label.get("dateline") and _same_dateline(label["dateline"], story)
            ):
                pairs[i] = j
                cursor = j + 1
                break
    out: list[Story | None] = [None] * len(labels)
    for i, j in pairs.items():
        out[i] = parsed[j]
    # Fill the gaps between sure pairs in order.
    bounds = [(-1, -1), *sorted(pairs.items()), (len(labels), len(parsed))]
    for (li, pj), (lk, pk) in zip(bounds, bounds[1:], strict=False):
        free_labels = list(range(li + 1, lk))
        free_parsed = list(range(pj + 1, pk))
        for i, j in zip(free_labels, free_parsed, strict=False):
            out[i] = parsed[j]
    return out


def _norm_codes(codes: list[str] | tuple[str, ...]) -> set[str]:
    return {c.casefold() for c in codes}


def score_story(label: dict[str, Any], want_head: str | None, got: Story | None) -> dict[str, tuple[
    bool, Any, Any
]]:
    """field -> (right, wanted, got) for one labelled story."""
    out: dict[str, tuple[bool, Any, Any]] = {}
    dl = got.dateline if got else None
    want_dl = label.get("dateline")
    got_raw = dl.raw if dl else None
    if want_dl:
        ok = bool(dl) and tokens(want_dl) == tokens(got_raw)
    else:
        ok = got is not None and dl is None
    out["dateline"] = (ok, want_dl, got_raw)
    if want_dl:
        for name in PLACE_FIELDS:
            want = label.get(name)
            value = getattr(dl, name) if dl else None
            same = (want or None) == (value or None) if name != "place" else tokens(want) == tokens(
                value
            )
            out[name] = (got is not None and same, want, value)
    want_ag = label.get("agencies") or []
    got_ag = list(got.agencies) if got else None
    out["agencies"] = (got is not None and _norm_codes(want_ag) == _norm_codes(got_ag or []),
                       want_ag, got_ag)
    if want_dl:
        want_date = label.get("date")
        got_date = dl.date.isoformat() if dl and dl.date else None
        out["date"] = (got is not None and want_date == got_date, want_date, got_date)
    want_auth = label.get("authors") or []
    got_auth = list(got.byline.authors) if got and got.byline else []
    out["authors"] = (
        got is not None and [tokens(a) for a in want_auth] == [tokens(a) for a in got_auth],
        want_auth,
        got_auth,
    )
    want_teaser = bool(label.get("is_teaser"))
    out["teaser"] = (got is not None and got.is_teaser == want_teaser, want_teaser,
                     got.is_teaser if got else None)
    got_head = got.headline if got else None
    if want_head:
        ok = got is not None and _same_headline(want_head, got_head)
    else:
        ok = got is not None and got_head is None
    out["headline"] = (ok, want_head, got_head)
    return out


def load_manifest(path: Path = MANIFEST) -> list[dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))["pages"]


SHAPE_SPLITS = ("sdev", "stest", "mdev", "mtest")


def shape_split(url: str, share: str) -> str:
    """The shape corpus's frozen split, by the page's url as the manifest's is: a third
    ("...test") is measured, never tuned on; the rest ("...dev") is developed against.
    Shares "sN" are new pages' shapes; shares "mN" are own-words copies of the manifest's
    own pages (their split is the manifest's, by the same rule)."""
    test = int(hashlib.sha256(url.encode("utf-8")).hexdigest(), 16) % 3 == 0
    return f"{'m' if share.startswith('m') else 's'}{'test' if test else 'dev'}"


def load_shapes(root: Path = SHAPES) -> list[dict[str, Any]]:
    """The own-words corpus: real pages' shapes rewritten in our words, committed with their
    labels (one folder per gathering share), scored in splits of its own."""
    pages = []
    for labels in sorted(root.glob("*/labels.json")):
        share = labels.parent.name
        for page in json.loads(labels.read_text(encoding="utf-8")):
            text_path = labels.parent / f"{page['id']}.txt"
            split = shape_split(page["url"], share)
            pages.append({**page, "split": split, "text_path": text_path})
    return pages


_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]\d)[/-]([0-3]\d)(?:/|$|[-_])")


def source_name(page_id: str, url: str) -> str:
    """The file name a crawler would give the page: its id, and the date in its url when
    the url has one (so the parser gets the dump date a crawl would, and nothing more)."""
    m = _URL_DATE.search(url)
    return f"{page_id}-{'-'.join(m.groups())}.txt" if m else f"{page_id}.txt"


def parse_page(source: str, text: str) -> ParsedDump | DumpError:
    try:
        return parse_bytes(text.encode("utf-8"), source=source)
    except DumpError as exc:
        return exc


def _pct(value: float | None) -> str:
    return "   -  " if value is None else f"{100 * value:5.1f}%"


def _row(label: str, tally: Tally, names: tuple[str, ...]) -> str:
    right, total = tally.overall()
    return (
        f"{label} " + " ".join(f"{_pct(tally.rate(n)):>8}" for n in names)
        + f"  {_pct(right / total)}"
    )


def run(
    split: str,
    show_misses: bool,
    show_shapes: bool,
    texts: Path,
    *,
    root: Path = SHAPES,
    shares: frozenset[str] = frozenset(),
) -> dict[str, Tally]:
    shaped = split == "shapes" or split in SHAPE_SPLITS
    pages = load_shapes(root) if shaped else load_manifest()
    if shares:
        pages = [p for p in pages if p["id"].split("-")[0] in shares]
    split_names = SHAPE_SPLITS if shaped else ("dev", "test")
    tallies: dict[str, Tally] = {name: Tally() for name in split_names}
    shapes: dict[str, dict[str, Tally]] = {name: defaultdict(Tally) for name in tallies}
    missing = 0
    bad_labels: list[str] = []
    misses: list[str] = []
    for page in pages:
        if split not in ("all", "shapes") and page["split"] != split:
            continue
        path = page.get("text_path") or texts / f"{page['id']}.txt"
        if not path.exists():
            missing += 1
            continue
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        if any(not 0 < (st.get("headline_line") or 1) <= len(lines) for st in page["stories"]):
            bad_labels.append(page["id"])  # a text that does not fit its labels: re-gather
            continue
        result = parse_page(source_name(page["id"], page["url"]), text)
        parsed = result.stories if isinstance(result, ParsedDump) else ()
        tally = tallies[page["split"]]
        page_tallies = [tally] + [shapes[page["split"]][s] for s in page.get("shapes", [])]
        labels = page["stories"]
        matched = align(labels, lines, parsed)
        for index, (label, got) in enumerate(zip(labels, matched, strict=True)):
            want_head = _headline_of(lines, label)
            for name, (ok, want, value) in score_story(label, want_head, got).items():
                for t in page_tallies:
                    t.add(name, ok)
                if not ok:
                    where = "unmatched" if got is None else ""
                    line = f"{page['id']} s{index} {name}: want {want!r} got {value!r} {where}"
                    misses.append(line.rstrip())
        ok = len(parsed) == len(labels)
        for t in page_tallies:
            t.add("stories", ok)
        if not ok:
            misses.append(f"{page['id']} stories: want {len(labels)} got {len(parsed)}")
    if show_misses:
        for line in misses:
            print(line)
        print()
    names = (*STORY_FIELDS, "stories")
    print(f"{'split':<6} {'pages':>5} " + " ".join(f"{n[:8]:>8}" for n in names) + "  overall")
    for name, tally in tallies.items():
        if not tally.total:
            continue
        print(_row(f"{name:<6} {tally.total['stories']:>5}", tally, names))
    if show_shapes:
        print("\nper shape (dev+test):")
        merged: dict[str, Tally] = defaultdict(Tally)
        for by_shape in shapes.values():
            for shape, t in by_shape.items():
                for n, v in t.total.items():
                    merged[shape].total[n] += v
                    merged[shape].right[n] += t.right[n]
        for shape in sorted(merged):
            t = merged[shape]
            print(_row(f"{shape[:14]:<14} {t.total['stories']:>4}", t, names))
    if missing:
        print(f"\n{missing} page texts missing under {texts}: re-gather them "
              "(bench/real_pages/README.md)")
    if bad_labels:
        print(f"\npages whose text does not fit the labels (skipped): {', '.join(bad_labels)}")
    parts = []
    for name, tally in tallies.items():
        right, total = tally.overall()
        if total:
            worst = min((n for n in names if tally.total.get(n)), key=lambda n: tally.rate(n) or 0)
            parts.append(
                f"{name} {100 * right / total:.1f}% ({tally.total['stories']} pages, "
                f"weakest {worst} {100 * (tally.rate(worst) or 0):.1f}%)"
            )
    print("overall: " + ("; ".join(parts) if parts else "no page texts to score"))
    return tallies


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--split", choices=("dev", "test", "all", "shapes", *SHAPE_SPLITS), default="all",
        help="'shapes' (its splits 'sdev', 'stest', 'mdev', 'mtest'): the committed "
        "own-words corpus (tests/fixtures/real_shapes)",
    )
    ap.add_argument("--quiet", action="store_true", help="only the tables, not every miss")
    ap.add_argument("--texts", type=Path, default=TEXTS, help="folder of <id>.txt page texts")
    ap.add_argument(
        "--shapes-root", type=Path, default=SHAPES,
        help="a folder of shares laid out as tests/fixtures/real_shapes (e.g. the real texts "
        "of a new gathering, var/fresh/real, labels beside them)",
    )
    ap.add_argument(
        "--shares", default="", help="only these shares, comma-separated (e.g. s8,s9)"
    )
    args = ap.parse_args(argv)
    shares = frozenset(s for s in args.shares.split(",") if s)
    run(args.split, not args.quiet, True, args.texts, root=args.shapes_root, shares=shares)
    if args.split == "all":
        # The own-words copies and shapes are always there, whatever texts could be gathered.
        print("\nthe own-words shape corpus (tests/fixtures/real_shapes):")
        run("shapes", not args.quiet, True, args.texts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
