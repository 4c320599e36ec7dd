"""Fold gatherers' label files (parts/*.json) into manifest.json, freezing each page's split.

Usage: .venv/bin/python bench/real_pages/build_manifest.py [--keep-parts]

A page keeps the split it already has in the manifest; a new page goes to "test" when
sha256(url) mod 3 == 0, else to "dev". So the test third is fixed before anyone tunes on
the corpus and stays fixed as pages are added. Agency labels are mapped to registry codes
(etl/agencies.py) so that "Associated Press" and "AP" compare equal.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))

from etl.parse.agencies import agency_code  # noqa: E402

MANIFEST = HERE / "manifest.json"
PARTS = HERE / "parts"
TEXTS = REPO / "var" / "real_pages" / "texts"
STORY_KEYS = (
    "headline_line", "dateline", "place", "region", "country", "agencies", "date", "authors",
    "is_teaser",
)


def split_of(url: str) -> str:
    return "test" if int(hashlib.sha256(url.encode("utf-8")).hexdigest(), 16) % 3 == 0 else "dev"


def _codes(names: list[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        code = agency_code(name) or name
        if code not in out:
            out.append(code)
    return out


def _clean(page: dict[str, Any]) -> dict[str, Any]:
    stories = []
    for story in page["stories"]:
        item = {key: story.get(key) for key in STORY_KEYS}
        item["agencies"] = _codes(item["agencies"] or [])
        item["authors"] = item["authors"] or []
        item["is_teaser"] = bool(item["is_teaser"])
        stories.append(item)
    return {
        "id": page["id"],
        "url": page["url"],
        "query": page["query"],
        "split": page.get("split") or split_of(page["url"]),
        "shapes": sorted(set(page.get("shapes") or [])),
        "page_date": page.get("page_date"),
        "stories": stories,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep-parts", action="store_true")
    args = ap.parse_args(argv)
    pages: dict[str, dict[str, Any]] = {}
    if MANIFEST.exists():
        for page in json.loads(MANIFEST.read_text(encoding="utf-8"))["pages"]:
            pages[page["id"]] = page
    seen_urls = {p["url"] for p in pages.values()}
    added = dropped = 0
    for part in sorted(PARTS.glob("*.json")):
        for page in json.loads(part.read_text(encoding="utf-8")):
            if page["id"] in pages or page["url"] in seen_urls:
                dropped += 1  # the same page twice: the first label stands
                continue
            pages[page["id"]] = _clean(page)
            seen_urls.add(page["url"])
            added += 1
    ordered = sorted(pages.values(), key=lambda p: p["id"])
    body = {
        "about": "Real wire pages: url, the query that finds it in the stored-pages search, "
        "and hand-made labels. Texts are not committed; see README.md.",
        "pages": ordered,
    }
    MANIFEST.write_text(json.dumps(body, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if not args.keep_parts:
        for part in PARTS.glob("*.json"):
            part.unlink()
    test = sum(p["split"] == "test" for p in ordered)
    print(f"{len(ordered)} pages ({added} added, {dropped} duplicates dropped); "
          f"test {test}, dev {len(ordered) - test}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
