"""Train the parser's story-start model (etl/parse/starts.py) on the own-words shape corpus.

Usage: .venv/bin/python bench/train_models.py [--splits sdev,mdev] [--shares-below N]
       [--threshold 0.5] [--l2 1.0] [--cv] [--oof] [--dry-run]

Every title-like paragraph the parser's rules leave inside a story (past its first) is
a row, positive when the page's labels name that line as a story's headline. Only the dev
splits are read: the test thirds stay unseen. `--shares-below 32` trains on the earlier
gatherings only, so a model can be scored on later rounds it never saw. A logistic
regression with an L2 penalty, fitted by Newton's method (numpy, which pandas brings).

`--cv` scores the rows (is each cut right?); `--oof` scores what a change to the model's
candidates or features is worth on the pages themselves: each dev page of the training set
is parsed with a model fitted on the other five sixths of the shares (by a hash of the share,
so no page is scored by a model that saw it) and scored as bench/real_pages.py scores it,
beside the same pages parsed by the rules alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import real_pages as rp  # noqa: E402

from etl.model import ParsedDump  # noqa: E402
from etl.parse import starts  # noqa: E402

L2 = 1.0


def share_number(page_id: str) -> int:
    share = page_id.split("-")[0]
    return int(share[1:]) if share[0] == "s" else 0


def collect_starts(pages: list[dict]) -> tuple[list[dict[str, float]], list[int], list[str]]:
    rows: list[dict[str, float]] = []
    ys: list[int] = []
    groups: list[str] = []
    for page in pages:
        text = page["text_path"].read_text(encoding="utf-8")
        lines = text.split("\n")
        heads = {
            rp.tokens(h)
            for label in page["stories"]
            if (h := rp._headline_of(lines, label)) and len(h) <= rp.LONG_LINE
        }
        starts.trace = []
        try:
            rp.parse_page(rp.source_name(page["id"], page["url"]), text)
            seen: set[tuple[str, ...]] = set()
            for feats, para, _di, _k in starts.trace:
                key = rp.tokens(para)
                rows.append(feats)
                ys.append(int(key in heads and key not in seen))
                groups.append(page["id"].split("-")[0])
                seen.add(key)
        finally:
            starts.trace = None
    return rows, ys, groups


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> np.ndarray:
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2)
    reg[0] = 0.0  # the intercept is not penalised
    for _ in range(50):
        p = _sigmoid(x @ w)
        grad = x.T @ (p - y) + reg * w
        hess = (x.T * (p * (1 - p))) @ x + np.diag(reg) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return w


def cross_validate(
    x: np.ndarray, y: np.ndarray, groups: list[str], threshold: float, l2: float
) -> None:
    shares = sorted(set(groups))
    fold_of = {share: i % 6 for i, share in enumerate(shares)}
    folds = np.array([fold_of[g] for g in groups])
    pred = np.zeros(len(y), dtype=bool)
    for fold in range(6):
        test = folds == fold
        w = fit(x[~test], y[~test], l2)
        pred[test] = _sigmoid(x[test] @ w) >= threshold
    right = int((pred == (y == 1)).sum())
    line = f"cross-validated: {right}/{len(y)} right ({100 * right / len(y):.1f}%)"
    line += f"; no cut at all: {int((y == 0).sum())} ({100 * (y == 0).mean():.1f}%)"
    tp = int((pred & (y == 1)).sum())
    line += f"; cuts {int(pred.sum())}, right {tp}"
    print(line)


OOF_FOLDS = 6


def oof_fold(page_id: str) -> int:
    share = page_id.split("-")[0]
    return int(hashlib.sha256(share.encode()).hexdigest(), 16) % OOF_FOLDS


def _model_json(names: list[str], w: np.ndarray, threshold: float) -> dict:
    return {
        "names": names,
        "weights": [round(float(v), 6) for v in w[1:]],
        "bias": round(float(w[0]), 6),
        "threshold": threshold,
    }


def _page_score(pages: list[dict]) -> tuple[int, int]:
    """Fields right and fields compared over `pages`, parsed by the model at
    starts.MODEL_PATH as the parser reads it."""
    right = total = 0
    for page in pages:
        text = page["text_path"].read_text(encoding="utf-8")
        lines = text.split("\n")
        result = rp.parse_page(rp.source_name(page["id"], page["url"]), text)
        parsed = result.stories if isinstance(result, ParsedDump) else ()
        for label, got in zip(page["stories"], rp.align(page["stories"], lines, parsed),
                              strict=True):
            scored = rp.score_story(label, rp._headline_of(lines, label), got)
            right += sum(ok for ok, _, _ in scored.values())
            total += len(scored)
        right += len(parsed) == len(page["stories"])
        total += 1
    return right, total


def out_of_fold(
    pages: list[dict], x: np.ndarray, y: np.ndarray, groups: list[str], names: list[str],
    threshold: float, l2: float,
) -> None:
    folds = np.array([oof_fold(g) for g in groups])
    scored = [p for p in pages if p["split"] == "sdev"]
    saved = starts.MODEL_PATH
    try:
        with tempfile.TemporaryDirectory() as tmp:
            starts.MODEL_PATH = Path(tmp) / "none.json"  # no model: the rules alone
            right, total = _page_score(scored)
            print(f"rules alone: {100 * right / total:.2f}% of {total} fields "
                  f"({len(scored)} sdev pages)")
            right = total = 0
            for fold in range(OOF_FOLDS):
                w = fit(x[folds != fold], y[folds != fold], l2)
                path = Path(tmp) / f"fold{fold}.json"
                path.write_text(json.dumps(_model_json(names, w, threshold)), encoding="utf-8")
                starts.MODEL_PATH = path
                got = _page_score([p for p in scored if oof_fold(p["id"]) == fold])
                right, total = right + got[0], total + got[1]
            print(f"out of fold: {100 * right / total:.2f}% of {total} fields")
    finally:
        starts.MODEL_PATH = saved


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--splits", default="sdev,mdev")
    ap.add_argument("--shares-below", type=int, default=0,
                    help="train only on shares sN with N below this (and the mN copies)")
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--l2", type=float, default=L2)
    ap.add_argument("--cv", action="store_true",
                    help="also report 6-fold cross-validation by share (rows of one share are "
                    "never both trained and tested on)")
    ap.add_argument("--oof", action="store_true",
                    help="also score the sdev pages parsed out of fold (see above), beside the "
                    "rules alone")
    ap.add_argument("--dry-run", action="store_true", help="fit and report, write nothing")
    args = ap.parse_args(argv)
    splits = set(args.splits.split(","))
    if splits & {"stest", "mtest"}:
        ap.error("the test thirds are never trained on")
    pages = [p for p in rp.load_shapes() if p["split"] in splits]
    if args.shares_below:
        pages = [p for p in pages if share_number(p["id"]) < args.shares_below]
    rows, ys, groups = collect_starts(pages)
    names = sorted({n for r in rows for n in r})
    x = np.array([[1.0] + [r.get(n, 0.0) for n in names] for r in rows])
    y = np.array(ys, dtype=float)
    w = fit(x, y, args.l2)
    if args.cv:
        cross_validate(x, y, groups, args.threshold, args.l2)
    if args.oof:
        out_of_fold(pages, x, y, groups, names, args.threshold, args.l2)
    p = _sigmoid(x @ w)
    print(f"pages {len(pages)}, rows {len(rows)}, positives {int(y.sum())}")
    for t in (0.5, 0.6, 0.7, 0.8, 0.9):
        cut = p >= t
        tp = int((cut & (y == 1)).sum())
        cuts = int(cut.sum())
        print(f"threshold {t:.1f}: cuts {cuts}, right {tp}, "
              f"precision {tp / max(1, cuts):.2f}, recall {tp / max(1, int(y.sum())):.2f}")
    for name, weight in sorted(zip(["(intercept)", *names], w, strict=True),
                               key=lambda nw: -abs(nw[1]))[:15]:
        print(f"  {name:<18} {weight:+.2f}")
    if not args.dry_run:
        model = {
            "about": "the story-start model of etl/parse/starts.py, by bench/train_models.py",
            "trained": dt.date.today().isoformat(),
            "pages": len(pages),
            "splits": sorted(splits),
            "shares_below": args.shares_below or None,
            "rows": len(rows),
            "positives": int(y.sum()),
            **_model_json(names, w, args.threshold),
        }
        starts.MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {starts.MODEL_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
