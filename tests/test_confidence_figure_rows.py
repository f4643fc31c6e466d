"""Figure confidence features that describe what they mean: an item of a list written as one
long line of semicolons or bullets is a row (`family=row`) and makes a list page
(`format=list`); words inside an actor's name are not rival cues. Sentences written for the
test in the style of situation reports and wire copy; the probes below must not fire."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl import calibrate, confidence
from etl.types import Article, Extraction, Figure, Mention

ROOT = Path(__file__).resolve().parent.parent


def article(body: str) -> Article:
    return Article("a1", "a.txt", None, None, None, None, None, "en", body, "sha")


def figure(value_text: str, category: str, sentence: str, body: str) -> Figure:
    start = body.index(sentence)
    value_start = body.index(value_text, start)
    return Figure(
        "f", "a1", 1.0, value_text, category, None, None, None, None, sentence,
        start, start + len(sentence), value_start, value_start + len(value_text),
    )  # fmt: skip


def features(row: Figure, body: str, mentions: tuple[Mention, ...] = ()) -> set[str]:
    extraction = Extraction(article(body), mentions=mentions)
    return set(confidence.row_features("figures", row, extraction, {}))


def mention(body: str, text: str, actor_id: str) -> Mention:
    start = body.index(text)
    return Mention("a1", actor_id, start, start + len(text), text)


RESULTS = (
    "Over the year the agency and its partners reported these results: • Lebanon: over 54,000 "
    "people gained access to clean water; more than 31,000 children enrolled in schools run by "
    "partners; 12,500 families received winter kits before the storms • Egypt: about 9,000 "
    "children took part in catch-up classes; 4,300 households received cash for rent.\n\n"
    "The report closes on 31 December.\n"
)


def test_an_item_of_a_list_written_on_one_long_line_is_a_row():
    item = "more than 31,000 children enrolled in schools run by partners"
    assert "family=row" in features(figure("31,000", "other", item, RESULTS), RESULTS)
    last = "4,300 households received cash for rent."
    assert "family=row" in features(figure("4,300", "other", last, RESULTS), RESULTS)


def test_a_page_of_long_list_items_is_a_list_page():
    assert confidence.article_format(RESULTS) == "list"


def test_words_inside_an_actors_name_are_not_rival_cues():
    body = "The Norwegian Refugee Council said 300 people were killed in the raid on Sunday.\n"
    row = figure("300", "killed", body.strip(), body)
    named = (mention(body, "Norwegian Refugee Council", "nrc"),)
    assert "rival_cues=0" in features(row, body, named)
    assert "rival_cues=1" in features(row, body)  # unnamed, "refugee" still counts as a rival


# --- probes: ordinary news text that looks like the triggers and must not fire -----------------

PROSE_SEMICOLON = (
    "Officials said 40 people were killed in the strike on the market; rescuers were still "
    "searching the rubble late on Tuesday and feared the toll would rise."
)
YEARS = (
    "The truce held through 2016; it broke down in 2017; fighting resumed in 2018, and about "
    "3,000 people fled the villages around the town."
)
ONE_NUMBER = (
    "Aid convoys reached the town at dawn; trucks were unloaded in the square; families queued "
    "for hours, and 2,000 people received food parcels from the volunteers."
)
QUOTED = (
    '"We registered 1,200 families this week; we need more tents; we need more doctors," said '
    "the camp manager, who asked not to be named."
)
HEADLINE = "UN says 5 million Syrians have fled the war as donors gather in London for talks"
TWO_ITEMS = (
    "The ministry counted 120 dead and 300 wounded; the opposition put the toll at 200 dead and "
    "said hospitals in the province were overwhelmed by the wounded."
)


def test_probes_of_prose_are_not_list_rows():
    for sentence, value in (
        (PROSE_SEMICOLON, "40"),
        (YEARS, "3,000"),
        (ONE_NUMBER, "2,000"),
        (QUOTED, "1,200"),
        (HEADLINE, "5 million"),
        (TWO_ITEMS, "120"),
    ):
        body = sentence + "\n"
        assert "family=row" not in features(figure(value, "other", sentence, body), body), sentence


def test_a_prose_page_with_semicolons_is_not_a_list_page():
    body = "\n\n".join((PROSE_SEMICOLON, YEARS, ONE_NUMBER, QUOTED, HEADLINE, TWO_ITEMS))
    assert confidence.article_format(body) == "prose"
    # one short list on one line among paragraphs of prose does not make a list page either
    short_list = "Arrivals: 1,200 on Monday; 900 on Tuesday; 1,500 on Wednesday."
    assert confidence.article_format(body + "\n\n" + short_list) == "prose"


def test_a_demonym_still_counts_the_people_it_names():
    # "Venezuelans" is a one-word mention of Venezuela: it counts people, it is not a name
    body = "About 22,000 Venezuelans who fled the crisis now live in Uruguay, officials said.\n"
    row = figure("22,000", "refugees", body.strip(), body)
    got = features(row, body, (mention(body, "Venezuelans", "venezuela"),))
    assert "own_cue=true" in got


def test_a_cue_outside_the_name_is_still_a_rival():
    body = "The Rapid Support Forces killed 75 worshippers, and 200 soldiers were deployed.\n"
    row = figure("75", "killed", body.strip(), body)
    named = (mention(body, "Rapid Support Forces", "rsf"),)
    assert "rival_cues=1" in features(row, body, named)  # "soldiers" is outside the name


# --- frozen blind rows re-read with a changed definition -------------------------------------


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    from etl.run import run_etl

    db = tmp_path_factory.mktemp("seed") / "warehouse.duckdb"
    run_etl(ROOT / "data" / "raw", db, full=True)
    return db


def test_redescribing_with_regroup_reads_a_changed_group_again_and_keeps_the_rest(seed_db):
    gold = ROOT / "tests" / "gold"
    rows = calibrate.freeze(seed_db, gold)
    figures = [r for r in rows if r["table"] == "figures"]
    assert figures
    # Frozen by code whose `family` meant something else; one label flipped by a later gold fix.
    old = [
        dict(
            r, features=[("family=stale" if f.startswith("family=") else f) for f in r["features"]]
        )
        for r in rows
    ]
    old[rows.index(figures[0])]["right"] = not figures[0]["right"]
    kept = calibrate.redescribe(seed_db, gold, old)
    assert any("family=stale" in r["features"] for r in kept)  # without --regroup: kept as frozen
    new = calibrate.redescribe(seed_db, gold, old, regroup=("family",))
    assert [r["right"] for r in new] == [r["right"] for r in old]
    assert not any("family=stale" in r["features"] for r in new)
    for fresh, after in zip(rows, new, strict=True):
        assert after["features"] == fresh["features"]  # every other group as frozen
