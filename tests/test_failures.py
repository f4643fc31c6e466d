"""Failure classes of `python -m etl.evaluate --errors`, on small hand-made rows."""

from __future__ import annotations

import json
from datetime import date

from etl import evaluate, failures
from etl.evaluate import ActorIndex, Gold
from etl.types import Actor, Article, Event, Extraction, Figure, Mention, Stance, Statement

ACTORS = ActorIndex(
    {
        a.actor_id: a
        for a in (
            Actor("canada", "Canada", "country", None),
            Actor("syria", "Syria", "country", None, ("Assad regime",)),
            Actor("russia", "Russia", "country", None),
            Actor("jane-roe", "Jane Roe", "person", "canada", source="discovered"),
            Actor("john-doe", "John Doe", "person", "canada"),
        )
    }
)


def article(body: str, title: str | None = None) -> Article:
    return Article("a", "NAME.txt", title, None, None, date(2024, 5, 8), "day", "en", body, "s")


def figure(value: float, category: str, evidence: str, value_text: str = "") -> Figure:
    return Figure(
        "f", "a", value, value_text or str(value), category, None, None, None, None, evidence, 0, 1
    )


def classes(found: list[failures.Failure]) -> list[tuple[str, str]]:
    return sorted((f.side, f.failure_class) for f in found)


def classify(gold: Gold, extraction: Extraction) -> list[tuple[str, str]]:
    scored = evaluate.score_article(gold, extraction, ACTORS)
    return classes(evaluate.article_failures(scored, ACTORS))


# --- figures -----------------------------------------------------------------------------------


def test_a_figure_with_the_gold_value_but_another_category_is_one_wrong_category():
    gold = Gold("NAME", "en", figures=({"value": 25000, "category": "resettled"},))
    predicted = figure(25000, "refugees", "Canada will resettle 25,000 refugees.")
    got = classify(gold, Extraction(article("x"), figures=(predicted,)))
    assert got == [("false", "wrong category (gold resettled, predicted refugees)")]


def test_spurious_figures_are_told_apart_by_money_and_short_lines():
    gold = Gold("NAME", "en")
    rows = (
        figure(5e9, "aid_money", "The budget reached $5 billion this year overall.", "$5 billion"),
        figure(4, "other", "Trending: 4 dead"),
        figure(300, "other", "About 300 delegates attended the long meeting in Geneva."),
    )
    got = classify(gold, Extraction(article("x"), figures=rows))
    assert got == [
        ("false", "spurious count"),
        ("false", "spurious in a short line"),
        ("false", "spurious money"),
    ]


def test_missed_figures_from_a_table_row_and_in_words():
    assert failures.figure_miss_class({"evidence": "Lebanon 1,011,366"}) == "missed table/list row"
    assert failures.figure_miss_class({"evidence": "Iraq: 45,300"}) == "missed table/list row"
    assert (
        failures.figure_miss_class({"evidence": "Twelve Rohingya refugees arrived by boat."})
        == "missed number in words"
    )
    assert (
        failures.figure_miss_class(
            {"evidence": "The war has killed 500 people since March.", "category": "killed"}
        )
        == "missed killed"
    )


# --- statements --------------------------------------------------------------------------------


def test_a_statement_with_the_gold_text_and_another_speaker_is_a_wrong_speaker():
    gold = Gold(
        "NAME", "en", statements=({"speaker": "John Doe", "evidence": "Aid must reach Aleppo now"},)
    )
    predicted = Statement(
        "s", "a", "jane-roe", "Jane Roe", "Aid must reach Aleppo now", True, None, 0, 1
    )
    got = classify(gold, Extraction(article("x"), statements=(predicted,)))
    assert got == [("false", "wrong speaker")]


def test_missed_statements_are_classed_by_how_the_speaker_is_carried():
    body = (
        "Minister says Ottawa will answer\n"
        "Jane Roe (Ottawa Centre, Liberal): Mr. Speaker, we will not stand by.\n"
        "John Doe spoke first. He added that the convoy must pass.\n"
        "We have welcomed 40,000 people and we will do more.\n"
        "In a communiqué, the ministry rejected the claim.\n"
        "Prices rose by half, according to the central bank.\n"
    )

    def miss(evidence: str, speaker: str = "John Doe") -> str:
        return failures.statement_miss_class({"speaker": speaker, "evidence": evidence}, body)

    assert miss("Ottawa will answer", "Jane Roe") == "headline"
    assert miss("we will not stand by", "Jane Roe") == "transcript label"
    assert miss("the convoy must pass") == "speaker pronoun-carried"
    assert miss("We have welcomed 40,000 people") == "whole-document speaker"
    assert miss("the ministry rejected the claim", "Canada") == "noun-carried speech"
    assert miss("Prices rose by half", "Bank of Canada") == "according to"
    assert miss("not in this text at all") == "evidence not in the cleaned text"


# --- stances -----------------------------------------------------------------------------------


def stance(source: str, target: str, polarity: str, evidence: str = "") -> Stance:
    return Stance("x", "a", None, source, target, polarity, evidence, 0, 1)


def test_false_stances_wrong_polarity_reversed_and_extra_neutral():
    gold = Gold(
        "NAME",
        "en",
        stances=(
            {"source": "Canada", "target": "Syria", "polarity": "critical"},
            {"source": "Russia", "target": "Canada", "polarity": "critical"},
        ),
    )
    rows = (
        stance("canada", "syria", "supportive"),
        stance("canada", "russia", "critical"),
        stance("jane-roe", "russia", "neutral"),
    )
    got = classify(gold, Extraction(article("x"), stances=rows))
    assert got == [
        ("false", "extra neutral"),
        ("false", "reversed direction"),
        ("false", "wrong polarity (gold critical, predicted supportive)"),
        ("missed", "source not among the article's actors"),  # no mentions in this extraction
    ]


def test_missed_stances_by_missing_actor_and_policy_act():
    mentions = (Mention("a", "canada", 0, 6, "Canada"), Mention("a", "syria", 10, 15, "Syria"))
    gold = Gold(
        "NAME",
        "en",
        stances=(
            {"source": "Sudan Liberation Movement", "target": "Syria", "polarity": "critical"},
            {
                "source": "Canada",
                "target": "Syria",
                "polarity": "critical",
                "evidence": "Canada imposed sanctions on Syria",
            },
            {
                "source": "Canada",
                "target": "Syria",
                "polarity": "neutral",
                "evidence": "Canada urged Syria to talk",
            },
        ),
    )
    got = classify(gold, Extraction(article("x"), mentions=mentions))
    assert got == [
        ("missed", "missed (source kind country, from gazetteer)"),
        ("missed", "missed policy act"),
        ("missed", "source not among the article's actors"),
    ]


# --- events ------------------------------------------------------------------------------------


def event(day: date, event_type: str, evidence: str) -> Event:
    return Event("e", "a", day, "day", event_type, "", None, (), evidence, 0, 1)


def test_false_events_wrong_type_wrong_date_and_planned():
    gold = Gold(
        "NAME",
        "en",
        events=(
            {
                "date": "2024-05-06",
                "type": "conference",
                "evidence": "Donors met in Brussels on Monday",
            },
            {"date": "2024-05-01", "type": "vote", "evidence": "The council voted on the text"},
        ),
    )
    rows = (
        event(date(2024, 5, 6), "meeting", "Donors met in Brussels on Monday"),
        event(date(2024, 5, 2), "vote", "The council voted on the text"),
        event(date(2024, 6, 1), "summit", "Leaders will meet in June."),
    )
    got = classify(gold, Extraction(article("x"), events=rows))
    assert got == [
        ("false", "planned event recorded"),
        ("false", "wrong date"),
        ("false", "wrong type (gold conference, predicted meeting)"),
    ]


def test_missed_events_without_a_date_or_with_a_relative_one():
    assert failures.event_miss_class({"evidence": "The talks ended."}) == "no date in the sentence"
    assert failures.event_miss_class({"evidence": "Talks ended on Sunday."}) == "relative date"
    assert (
        failures.event_miss_class({"type": "vote", "evidence": "On 4 May 2024 they voted."})
        == "missed vote"
    )


# --- output ------------------------------------------------------------------------------------


def test_the_report_counts_each_class_and_shows_a_few_examples_as_plain_text():
    found = [
        failures.Failure("figures", "false", "spurious money", f"art{i}", f"${i} million\x1b[31m")
        for i in range(5)
    ]
    text = failures.format_failures(found)
    assert "false     5  spurious money" in text
    assert text.count("art") == failures.EXAMPLES_PER_CLASS
    grouped = json.loads(json.dumps(failures.as_dict(found)))
    assert grouped[0]["count"] == 5 and len(grouped[0]["examples"]) == 3
    assert failures.excerpt("a\x1b[31m  b\u202e c") == "a [31m b c"


def test_a_quoted_fragment_in_a_reported_sentence_is_not_a_policy_act():
    body = 'Canada said it was "disappointed in the extreme" after Russia blocked the resolution.'
    gold = {
        "source": "Canada",
        "target": "Russia",
        "polarity": "critical",
        "evidence": "disappointed in the extreme",
    }

    def matches(name: str, actor_id: str) -> bool:
        return ACTORS.matches(name, actor_id)

    kind = failures.stance_miss_class(gold, ["canada", "russia"], matches, ACTORS.actors, body)
    assert kind == "missed (source kind country, from gazetteer)"
    act = {**gold, "evidence": "Russia blocked the resolution"}
    assert (
        failures.stance_miss_class(
            act, ["canada", "russia"], matches, ACTORS.actors, "Russia blocked the resolution."
        )
        == "missed policy act"
    )
