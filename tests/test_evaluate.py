"""The scorer follows GOLD.md's matching rules; tiny hand-made predicted and gold rows."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date, datetime

import pytest

from etl import evaluate, load
from etl.evaluate import ActorIndex, Count, Gold
from etl.types import (
    Actor,
    Article,
    Event,
    Extraction,
    Figure,
    Mention,
    Stance,
    Statement,
)

WHEN = datetime(2024, 1, 1)
ACTORS = ActorIndex(
    {
        a.actor_id: a
        for a in (
            Actor("canada", "Canada", "country", None, ("Ottawa", "Trudeau government")),
            Actor("syria", "Syria", "country", None, ("Assad regime", "Damascus")),
            Actor("russia", "Russia", "country", None, ("the Kremlin",)),
            Actor("stephane-dion", "Stéphane Dion", "person", "canada"),
            Actor("john-kirby", "John Kirby", "person", "united-states"),
            Actor("global-affairs-canada", "Global Affairs Canada", "government", "canada"),
            Actor("unhcr", "UNHCR", "intergovernmental", None, ("UN refugee agency",)),
            Actor("isis", "ISIS", "armed_group", None, ("Daesh", "Islamic State")),
        )
    }
)


def figure(value: float, category: str = "refugees") -> Figure:
    return Figure("f", "a", value, str(value), category, None, None, None, None, "", 0, 1)


def statement(speaker_id: str | None, quote: str, speaker_text: str = "") -> Statement:
    return Statement("s", "a", speaker_id, speaker_text, quote, True, None, 0, 1)


def stance(source: str, target: str, polarity: str = "critical") -> Stance:
    return Stance("x", "a", None, source, target, polarity, "", 0, 1)


def event(day: date, event_type: str = "meeting") -> Event:
    return Event("e", "a", day, "day", event_type, "", None, (), "", 0, 1)


# --- names -----------------------------------------------------------------------------------


def test_names_match_after_dropping_case_punctuation_and_accents():
    assert evaluate.normalise_name("Stéphane  Dion") == "stephane dion"
    assert evaluate.normalise_name("Hay'at Tahrir al-Sham") == "hayat tahrir alsham"
    assert ACTORS.matches("stephane dion", "stephane-dion")
    assert ACTORS.matches("U.N.H.C.R.", "unhcr")


def test_an_alias_in_the_actors_table_matches_the_canonical_name():
    assert ACTORS.matches("Daesh", "isis")
    assert ACTORS.matches("the Kremlin", "russia")


def test_an_unresolved_speaker_matches_through_an_actor_listing_both_names():
    assert ACTORS.matches("ISIS", None, "Islamic State")
    assert not ACTORS.matches("ISIS", None, "Hezbollah")


def test_people_match_by_surname():
    assert ACTORS.matches("Dion", "stephane-dion")
    assert ACTORS.matches("Mr. Kirby", "john-kirby")
    assert ACTORS.matches("Stéphane Dion", None, "Mr. Dion")


def test_surnames_do_not_match_non_people():
    # "Global Affairs Canada" ends in "canada" but is not a person.
    assert not ACTORS.matches("Canada", "global-affairs-canada")


def test_people_and_governments_stand_for_their_country_only_when_asked():
    assert ACTORS.matches("Canada", "stephane-dion", stand_in=True)
    assert ACTORS.matches("Canada", "global-affairs-canada", stand_in=True)
    assert not ACTORS.matches("Canada", "stephane-dion")
    assert not ACTORS.matches("Canada", "unhcr", stand_in=True)  # not a person or government


# --- figures ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("predicted", "matches"),
    [
        (5_600_000, True),
        (5_700_000, True),
        (5_712_000, True),
        (5_713_000, False),
        (5_480_000, False),
    ],
)
def test_figures_match_within_two_percent(predicted, matches):
    count = evaluate.score_figures(
        [figure(predicted)], [{"value": 5_600_000, "category": "refugees"}]
    )
    assert count == Count(int(matches), 1, 1)


def test_figures_need_the_same_category():
    count = evaluate.score_figures(
        [figure(25_000, "refugees")], [{"value": 25_000, "category": "resettled"}]
    )
    assert count == Count(0, 1, 1)


def test_repeated_mentions_of_a_figure_count_once():
    count = evaluate.score_figures(
        [figure(3_730_000), figure(3_730_000)],
        [{"value": 3_730_000, "category": "refugees"}],
    )
    assert count == Count(1, 1, 1)


def test_figure_matching_is_one_to_one_and_maximal():
    # 100 could match either gold value; it must take 101 so that 98 can take 99.
    gold = [{"value": 99, "category": "killed"}, {"value": 101, "category": "killed"}]
    count = evaluate.score_figures([figure(100, "killed"), figure(98, "killed")], gold)
    assert count == Count(2, 2, 2)
    count = evaluate.score_figures([figure(100, "killed")], gold)
    assert count == Count(1, 1, 2)


# --- statements ------------------------------------------------------------------------------


def test_statements_match_on_speaker_and_half_the_shorter_texts_words():
    gold = [
        {
            "speaker": "Stéphane Dion",
            "evidence": "We are asking the regime to allow humanitarian support",
        }
    ]
    short = statement("stephane-dion", "allow humanitarian support")
    assert evaluate.score_statements([short], gold, ACTORS) == Count(1, 1, 1)
    other_words = statement("stephane-dion", "The talks in Geneva will resume next week")
    assert evaluate.score_statements([other_words], gold, ACTORS) == Count(0, 1, 1)
    other_speaker = statement("john-kirby", "allow humanitarian support")
    assert evaluate.score_statements([other_speaker], gold, ACTORS) == Count(0, 1, 1)


def test_a_quote_interrupted_by_he_said_is_two_statements_one_to_one():
    gold = [
        {
            "speaker": "John Kirby",
            "evidence": "The strikes hit areas where there are no ISIS fighters",
        },
        {
            "speaker": "John Kirby",
            "evidence": "Russia must explain what it is targeting",
        },
    ]
    one = statement("john-kirby", "The strikes hit areas where there are no ISIS fighters")
    assert evaluate.score_statements([one, one], gold, ACTORS) == Count(1, 2, 2)


# --- stances ---------------------------------------------------------------------------------


def test_stances_compare_distinct_triples_with_country_stand_ins():
    gold = [
        {"source": "Canada", "target": "Syria", "polarity": "critical"},
        {"source": "Canada", "target": "ISIS", "polarity": "critical"},
    ]
    predicted = [
        stance("stephane-dion", "syria"),
        stance("stephane-dion", "syria"),  # same triple twice
        stance("global-affairs-canada", "syria"),  # another stand-in for Canada → Syria
        stance("canada", "russia"),  # not in gold
    ]
    assert evaluate.score_stances(predicted, gold, ACTORS) == Count(1, 2, 2)


def test_stances_need_the_same_polarity():
    gold = [{"source": "Canada", "target": "Russia", "polarity": "critical"}]
    assert evaluate.score_stances([stance("canada", "russia", "neutral")], gold, ACTORS) == Count(
        0, 1, 1
    )


# --- events ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold_date", "matches"),
    [
        ("2017-06-16", True),
        ("2017-06", True),
        ("2017", True),
        ("2017-06-15", False),
        ("2017-07", False),
    ],
)
def test_event_dates_agree_to_the_golds_precision(gold_date, matches):
    gold = [{"date": gold_date, "type": "meeting"}]
    assert evaluate.score_events([event(date(2017, 6, 16))], gold) == Count(int(matches), 1, 1)


def test_events_need_the_same_type_and_match_one_to_one():
    gold = [{"date": "2020-11-11", "type": "conference"}]
    assert evaluate.score_events([event(date(2020, 11, 11), "summit")], gold) == Count(0, 1, 1)
    same = event(date(2020, 11, 11), "conference")
    assert evaluate.score_events([same, same], gold) == Count(1, 2, 1)


# --- actors, language, totals ----------------------------------------------------------------


def test_actor_recall_counts_gold_actors_found_among_mentions():
    count = evaluate.score_actors(
        ["canada", "stephane-dion", "canada"], ["Canada", "Dion", "Russia"], ACTORS
    )
    assert (count.tp, count.gold, count.recall) == (2, 3, 2 / 3)


def article(language: str = "en") -> Article:
    return Article("a", "NAME.txt", None, None, None, None, None, language, "body", "sha")


def test_a_non_english_gold_is_right_when_the_article_was_rejected_as_non_english():
    gold = Gold("NAME", "fr")
    assert evaluate.score_article(gold, None, ACTORS, "non_english").language_right
    assert not evaluate.score_article(gold, None, ACTORS, "empty").language_right


def test_a_non_english_gold_is_right_for_an_article_in_that_language_without_rows():
    gold = Gold("NAME", "fr")
    empty = Extraction(article("fr"))
    assert evaluate.score_article(gold, empty, ACTORS).language_right
    with_rows = Extraction(article("fr"), mentions=(Mention("a", "canada", 0, 4, "body"),))
    assert not evaluate.score_article(gold, with_rows, ACTORS).language_right
    wrong_rows = Extraction(article("en"), figures=(figure(10),))
    scored = evaluate.score_article(gold, wrong_rows, ACTORS)
    assert scored.counts["figures"] == Count(0, 1, 0)  # rows of a non-English article are wrong


def test_a_missing_article_scores_zero_recall():
    gold = Gold("NAME", "en", figures=({"value": 10, "category": "killed"},))
    scored = evaluate.score_article(gold, None, ACTORS)
    assert scored.counts["figures"] == Count(0, 0, 1) and not scored.language_right


def test_counts_give_precision_recall_and_f1():
    count = Count(tp=2, pred=4, gold=8)
    assert (count.precision, count.recall) == (0.5, 0.25)
    assert count.f1 == pytest.approx(1 / 3)
    assert Count().f1 is None


def test_score_folder_reads_the_warehouse_and_matches_gold_by_file_name(tmp_path):
    body = "Ottawa condemned the Assad regime. 5.6 million people have fled Syria."
    art = Article("a1", "sub/story.html", None, None, None, None, None, "en", body, "sha1")
    extraction = Extraction(
        art,
        mentions=(
            Mention("a1", "canada", 0, 6, "Ottawa"),
            Mention("a1", "syria", 21, 33, "Assad regime"),
        ),
        stances=(Stance("s1", "a1", None, "canada", "syria", "critical", body[:34], 0, 34),),
        figures=(
            Figure(
                "f1",
                "a1",
                5.6e6,
                "5.6 million",
                "refugees",
                None,
                "Syria",
                None,
                None,
                body[35:],
                35,
                len(body),
            ),
        ),
    )
    db = tmp_path / "w.duckdb"
    load.write_warehouse(
        db,
        articles=[art],
        extractions=[extraction],
        actors=list(ACTORS.actors.values()),
        rejected=[],
        run_info=load.RunInfo("r", WHEN, WHEN, "v", 1, 1, 0, 0),
    )
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "story.json").write_text(
        json.dumps(
            {
                "file": "story.txt",
                "language": "en",
                "actors": ["Canada", "Syria"],
                "figures": [{"value": 5600000, "category": "refugees"}],
                "statements": [],
                "stances": [{"source": "Canada", "target": "Syria", "polarity": "critical"}],
                "events": [],
            }
        )
    )
    scores = evaluate.score_folder(db, gold_dir)
    totals = scores.totals
    assert totals["figures"] == Count(1, 1, 1)
    assert totals["stances"] == Count(1, 1, 1)
    assert totals["actors"].recall == 1.0
    assert scores.overall == 1.0  # nothing predicted and nothing expected counts as right
    assert json.loads(json.dumps(scores.as_dict()))["tables"]["figures"]["f1"] == 1.0


# --- gold files are checked on load ------------------------------------------------------------


def gold_record(**changes) -> dict:
    record = {
        "file": "story.txt",
        "language": "en",
        "published_date": "2024-03-25",
        "actors": ["Canada"],
        "figures": [{"value": 10, "category": "killed", "evidence": "10 people were killed"}],
        "statements": [{"speaker": "Jane Roe", "direct_quote": True, "evidence": "We act."}],
        "stances": [{"source": "Canada", "target": "Syria", "polarity": "critical"}],
        "events": [{"date": "2024-03", "type": "vote", "evidence": "The council voted."}],
    }
    record.update(changes)
    return record


def test_a_well_formed_gold_record_passes_and_a_note_is_allowed():
    evaluate.validate_gold(gold_record(note="checked twice"))
    evaluate.validate_gold({"file": "x.txt", "language": "fr"})
    evaluate.validate_gold({"file": "copy.txt", "language": "en", "duplicate_of": "x.txt"})


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"stance": []}, "unknown key 'stance'"),
        ({"figures": [{"value": 10, "categroy": "killed"}]}, "figures[0]: unknown key 'categroy'"),
        ({"statements": [{"evidence": "We act."}]}, "statements[0]: missing 'speaker'"),
        (
            {"stances": [{"source": "A", "target": "B", "polarity": "hostile"}]},
            "polarity 'hostile' is not one of",
        ),
        ({"events": [{"date": "March 2024", "type": "vote"}]}, "is not a date"),
        ({"figures": [{"value": "ten", "category": "killed"}]}, "is not a number"),
        ({"language": "English"}, "not an ISO 639-1 code"),
        ({"actors": "Canada"}, "actors must be a list"),
        ({"statements": [{"speaker": "X", "evidence": "Y", "direct_quote": "yes"}]}, "true or"),
    ],
)
def test_a_misspelt_or_wrong_gold_field_is_an_error_naming_it(changes, message):
    with pytest.raises(evaluate.GoldError, match=re.escape(message)):
        evaluate.validate_gold(gold_record(**changes), "story.json")


def test_load_gold_names_the_file_with_the_error(tmp_path):
    (tmp_path / "good.json").write_text(json.dumps(gold_record()))
    (tmp_path / "typo.json").write_text(json.dumps(gold_record(statments=[])))
    with pytest.raises(evaluate.GoldError, match=r"typo\.json: unknown key 'statments'"):
        evaluate.load_gold(tmp_path)


def test_evaluate_stops_with_a_clear_message_on_a_bad_gold_file(tmp_path, capsys):
    (tmp_path / "typo.json").write_text(json.dumps(gold_record(evnets=[])))
    code = evaluate.main(["--gold", str(tmp_path), "--db", str(tmp_path / "absent.duckdb")])
    assert code == 1
    assert "unknown key 'evnets'" in capsys.readouterr().err


# --- each predicted row is right or wrong ------------------------------------------------------


def test_figure_rows_share_the_label_of_their_distinct_value_and_category():
    match = evaluate.match_figures(
        [figure(3_730_000), figure(3_730_000), figure(99, "other")],
        [{"value": 3_730_000, "category": "refugees"}, {"value": 5, "category": "killed"}],
    )
    assert match.correct == (True, True, False)
    assert match.found == (True, False)
    assert match.count == Count(1, 2, 2)


def test_a_repeated_statement_is_right_once_and_wrong_the_second_time():
    gold = [{"speaker": "John Kirby", "evidence": "Russia must explain what it is targeting"}]
    one = statement("john-kirby", "Russia must explain what it is targeting")
    match = evaluate.match_statements([one, one], gold, ACTORS)
    assert match.correct == (True, False) and match.found == (True,)


def test_every_stance_row_whose_triple_is_in_the_gold_is_right():
    gold = [{"source": "Canada", "target": "Syria", "polarity": "critical"}]
    rows = [stance("stephane-dion", "syria"), stance("canada", "syria"), stance("canada", "russia")]
    match = evaluate.match_stances(rows, gold, ACTORS)
    assert match.correct == (True, True, False)
    assert match.count == Count(1, 2, 1)  # stand-ins for one gold triple count once


# --- reliability ------------------------------------------------------------------------------


def test_reliability_counts_rows_and_right_rows_per_confidence_bin():
    rel = evaluate.Reliability.of(
        [
            (0.1, False),
            (0.5, True),
            (0.5, False),
            (0.8, True),
            (0.95, True),
            (1.0, False),
            (None, True),
        ]
    )
    assert rel.rows == (1, 0, 2, 0, 3)
    assert rel.right == (0, 0, 1, 0, 2)
    assert rel.unscored == 1 and rel.total == 7
    assert rel.high == Count(2, 3, 0)
    assert rel.high_share == pytest.approx(3 / 7)
    table = evaluate.format_reliability({"figures": rel})
    assert "0.8–1.0" in table and "figures" in table and "1 rows without confidence" in table
    assert rel.as_dict()["high_confidence"]["precision"] == pytest.approx(2 / 3)


def test_scores_report_reliability_from_the_rows_confidence():
    gold = Gold("NAME", "en", figures=({"value": 10, "category": "killed"},))
    right = dataclasses.replace(figure(10, "killed"), confidence=0.9)
    wrong = dataclasses.replace(figure(50, "killed"), confidence=0.3)
    scored = evaluate.score_article(gold, Extraction(article(), figures=(right, wrong)), ACTORS)
    scores = evaluate.Scores((scored,), ACTORS)
    rel = scores.reliability()["figures"]
    assert rel.rows == (0, 1, 0, 0, 1) and rel.right == (0, 0, 0, 0, 1)
    assert scores.as_dict()["reliability"]["figures"]["high_confidence"]["rows"] == 1
    assert "reliability of confidence" in evaluate.format_scores(scores)
