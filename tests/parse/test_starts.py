"""The learned story-start cut (etl/parse/starts.py), in our own words."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from etl.model import Paragraph
from etl.parse import parse_bytes, starts
from etl.parse.draft import Draft
from etl.parse.logistic import LogisticModel, load_model

REPO = Path(__file__).resolve().parents[2]

# A local site's card list: a picture's label ("...") and its author over each title, the
# title, one line of text, the card's age. No dateline, byline or "read more" parts them.
CARD_LIST = """Region

Ferry fares rise...
Anna Kowal

Island ferry fares to rise ahead of summer season

PORT ANGELES — The state ferry service says fares on its island routes will go up by six \
percent in May to cover the rising cost of fuel.
2 days ago
Library roof repair...
Tom Reyes

City library closes east wing for roof repairs

Workers found water damage above the reading room after last week's heavy rain, and the \
wing will stay shut for a month.
2 days ago
Bridge lane closure...
Mia Lund

Overnight lane closures planned on harbor bridge

Crews will close two lanes each night next week to replace worn expansion joints on the \
bridge deck.
3 days ago
"""


def _parse(text: str):
    return parse_bytes(text.encode("utf-8"), source="page.txt")


def test_a_card_list_without_marks_is_cut_at_each_title() -> None:
    stories = _parse(CARD_LIST).stories
    assert [s.headline for s in stories] == [
        "Island ferry fares to rise ahead of summer season",
        "City library closes east wing for roof repairs",
        "Overnight lane closures planned on harbor bridge",
    ]
    # Three cards of one size: the first is a teaser like the others, no main story
    # (split.py `_first_like_its_teasers`).
    assert [s.is_teaser for s in stories] == [True, True, True]
    assert stories[0].dateline is not None and stories[0].dateline.place == "Port Angeles"
    assert stories[2].paragraphs[0].text.startswith("Crews will close two lanes")


ARTICLE = """Council approves budget for the coming year

LEEDS, England (AP) — The city council approved its budget on Tuesday after a long debate \
over cuts to library hours and youth services.

The vote was 41 to 30, with several members of the ruling group voting against.

{label}

{below}

Officials said the figures would be published on the council's website next week, along \
with a summary for residents.
"""


@pytest.mark.parametrize(
    ("label", "below"),
    [
        # a heading over a table: the text under it ends in a colon
        ("Spending by department", "The main changes, set against last year's budget:"),
        # a press release's own section
        ("About Leeds City Council", "The council serves some 800,000 residents across the "
         "city and its surrounding towns and villages."),
        # a label in capitals over a digest's section
        ("WEST YORKSHIRE", "The county's other councils set their budgets next month, with "
         "most expected to raise council tax by the maximum allowed."),
    ],
)
def test_sections_of_one_article_are_not_cut(label: str, below: str) -> None:
    stories = _parse(ARTICLE.format(label=label, below=below)).stories
    assert len(stories) == 1
    assert stories[0].dateline is not None and stories[0].dateline.agencies == ("AP",)


def test_a_subhead_over_a_long_section_is_no_new_story() -> None:
    section = "\n\n".join(
        f"Paragraph {n} of the section on the new ward boundaries, which the commission "
        "drew after two rounds of public hearings." for n in range(1, 5)
    )
    page = ARTICLE.format(label="New ward boundaries agreed", below=section)
    assert len(_parse(page).stories) == 1


def test_the_trainers_trace_leaves_the_rules_parse_alone() -> None:
    """Training rows are read off the parse the model corrects: with the trace on, no cut."""
    starts.trace = []
    try:
        traced = _parse(CARD_LIST)
        rows = list(starts.trace)
    finally:
        starts.trace = None
    assert len(traced.stories) == 1
    assert [text for _, text, _, _ in rows if text.startswith(("City", "Overnight"))] == [
        "City library closes east wing for roof repairs",
        "Overnight lane closures planned on harbor bridge",
    ]


def test_the_shipped_model_reads_the_features_the_parser_makes() -> None:
    model = load_model(starts.MODEL_PATH)
    assert model is not None
    assert 0.0 < model.threshold < 1.0
    data = json.loads(starts.MODEL_PATH.read_text(encoding="utf-8"))
    assert set(data["splits"]) <= {"sdev", "mdev"}  # never the test thirds
    paras = [
        Paragraph("text", "The first story's text runs on for a full sentence or two here."),
        Paragraph("text", "A title of another story"),
        Paragraph("text", "Its one line of text, long enough to read as running prose."),
    ]
    drafts = [Draft(headline="A headline", paragraphs=paras)]
    made = set(starts.features(drafts, 0, 1, starts.page_features(drafts)))
    alone = [Draft(headline="A headline", paragraphs=paras[1:2])]
    made |= set(starts.features(alone, 0, 0, starts.page_features(alone)))
    assert set(model.names) <= made


def test_a_logistic_model_is_a_plain_weighted_sum() -> None:
    model = LogisticModel(names=("a", "b"), weights=(2.0, -1.0), bias=-1.0, threshold=0.5)
    assert model.probability({}) == pytest.approx(1 / (1 + math.e))
    assert model.probability({"a": 1.0, "b": 1.0}) == pytest.approx(0.5)
    assert model.says({"a": 1.0, "b": 1.0})
    assert model.probability({"a": 1e9}) == pytest.approx(1.0)  # no overflow
    assert load_model(REPO / "no-such-model.json") is None


def test_the_trainer_refuses_the_test_thirds() -> None:
    run = subprocess.run(
        [sys.executable, str(REPO / "bench" / "train_models.py"), "--splits", "sdev,stest",
         "--dry-run"],
        capture_output=True, text=True, check=False,
    )
    assert run.returncode != 0
    assert "never trained on" in run.stderr


def _draft(*texts: str) -> Draft:
    return Draft(headline="A headline", paragraphs=[Paragraph("text", t) for t in texts])


LEDE = "The first story's text runs on for a full sentence or two, and then it stops here."
ITEM = "Its one line of text, long enough to read as running prose, ends with a full stop."


@pytest.mark.parametrize(
    ("line", "asked"),
    [
        ("Ferry operator adds winter sailings to the islands", True),
        # a hard-wrapped sentence's line ends on a word that needs the next one
        ("Speaking to reporters in the capital before flying out to", False),
        ("The minister said the new berths would be ready by the", False),
        # a menu
        ("HOME PAGE | Punjab | Haryana | Jammu & Kashmir | Regional Briefs", False),
        # a press release's own section, a label in capitals
        ("About Harbourside Logistics", False),
        ("WEST YORKSHIRE", False),
    ],
)
def test_which_lines_the_model_is_asked_about(line: str, asked: bool) -> None:
    assert starts._candidate(_draft(LEDE, line, ITEM), 1) is asked


def test_a_page_title_marks_as_a_subhead_is_never_asked_about() -> None:
    draft = _draft(LEDE, "Ferry operator adds winter sailings to the islands", ITEM)
    draft.paragraphs[1] = Paragraph("subhead", draft.paragraphs[1].text)
    assert not starts._candidate(draft, 1)


def test_hard_wrapped_text_is_never_cut() -> None:
    wrapped = _draft(
        "The transport minister on Tuesday defended the plan to expand the port, saying",
        "the new berths would bring work to thousands of people in the towns along",
        "Estuary Towns Welcome Plan",
        "the estuary and cut lorry traffic on roads that have been clogged since the",
        "old rail link closed, and he promised that a decision on the funding of the",
        "second phase would be taken within weeks, once the survey had reported.",
    )
    assert starts._hard_wrapped(wrapped)
    assert not starts._hard_wrapped(_draft(LEDE, "Ferry operator adds winter sailings", ITEM))
    always = LogisticModel(names=(), weights=(), bias=30.0, threshold=0.5)
    assert len(starts.cut_starts([wrapped], always)) == 1
    assert len(starts.cut_starts([_draft(LEDE, "Ferry operator adds winter sailings", ITEM)],
                                 always)) == 2
