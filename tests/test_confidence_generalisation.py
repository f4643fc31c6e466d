"""Confidence that carries to unseen corpora: features that generalise (how a figure was read,
rival cues, quotation, the article's format, where a speaker is named) and a calibration that
holds whole gold sets out. Rows and sets are made up for the test."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from etl import calibrate, confidence
from etl.calibrate import Sample
from etl.types import Article, Extraction, Figure, Mention, Statement

BODY = (
    "Shelling killed 40 people and forced 12,000 to flee, the agency said.\n\n"
    "Registered refugees by country:\n\n"
    "Jordan: 650,000\n\n"
    '"We have counted 3,000 families," said Jane Roe of the agency.\n'
)


def article(body: str = BODY) -> Article:
    return Article("a1", "a.txt", None, None, None, None, None, "en", body, "sha")


def figure(value_text: str, category: str, sentence: str, body: str = BODY) -> Figure:
    start = body.index(sentence)
    value_start = body.index(value_text, start)
    return Figure(
        "f", "a1", 1.0, value_text, category, None, None, None, None, sentence,
        start, start + len(sentence), value_start, value_start + len(value_text),
    )  # fmt: skip


QUOTE = Statement(
    "s1", "a1", "jane-roe", "Jane Roe", "We have counted 3,000 families", True, None,
    BODY.index("We have"), BODY.index('," said'),
)  # fmt: skip
EXTRACTION = Extraction(
    article(),
    mentions=(Mention("a1", "jane-roe", BODY.index("Jane Roe"), BODY.index(" of the"), "Jane"),),
    statements=(QUOTE,),
)


def features(row) -> set[str]:
    return set(confidence.row_features("figures", row, EXTRACTION, {}))


def test_a_figure_says_how_it_was_read():
    first = "Shelling killed 40 people and forced 12,000 to flee, the agency said."
    assert "family=noun" in features(figure("40", "killed", first))
    assert "family=elliptic" in features(figure("12,000", "refugees", first))
    assert "family=row" in features(figure("650,000", "refugees", "Jordan: 650,000"))


def test_a_figure_sees_its_own_cue_and_rival_categories_cues():
    first = "Shelling killed 40 people and forced 12,000 to flee, the agency said."
    killed = features(figure("40", "killed", first))
    assert {"own_cue=true", "rival_cues=1"} <= killed  # "flee" speaks of refugees too
    assert "own_cue=false" in features(figure("40", "troops", first))


def test_a_figure_inside_a_quotation_is_marked_quoted():
    sentence = '"We have counted 3,000 families," said Jane Roe of the agency.'
    assert "in_quote=true" in features(figure("3,000", "other", sentence))
    first = "Shelling killed 40 people and forced 12,000 to flee, the agency said."
    assert "in_quote=false" in features(figure("40", "killed", first))


def test_the_article_format_is_read_from_its_lines():
    assert confidence.article_format("One sentence of prose.\n\nAnother one here.") == "prose"
    transcript = "\n".join(
        ["Q: What happened?", "A: The talks stalled.", "Q: Why?", "A: Nobody came."]
    )
    assert confidence.article_format(transcript) == "transcript"
    live = "\n".join(["10:05 Talks open", "10:40 A pause", "11:15 They resume", "Text."])
    assert confidence.article_format(live) == "live"
    listing = "Refugees by country:\n" + "\n".join(f"Country{i}: {i},000" for i in range(1, 8))
    assert confidence.article_format(listing) == "list"


def test_a_statement_says_where_its_speaker_is_named():
    named = set(confidence.row_features("statements", QUOTE, EXTRACTION, {}))
    assert "speaker_named=near" in named
    inside = dataclasses.replace(QUOTE, char_end=len(BODY))
    assert "speaker_named=inside" in set(
        confidence.row_features("statements", inside, EXTRACTION, {})
    )
    far = Extraction(article("x" * 2000 + BODY), mentions=(Mention("a1", "jane-roe", 0, 4, "J"),))
    assert "speaker_named=far" in set(
        confidence.row_features(
            "statements", dataclasses.replace(QUOTE, char_start=1500, char_end=1600), far, {}
        )
    )
    anonymous = dataclasses.replace(QUOTE, speaker_id=None)
    assert "speaker_named=none" in set(
        confidence.row_features("statements", anonymous, EXTRACTION, {})
    )


def _sets(shares: list[float], rows: int = 60) -> list[Sample]:
    """One set per share: rows with one shared feature, right at that share."""
    samples = []
    for index, share in enumerate(shares):
        right = round(rows * share)
        samples += [
            Sample(f"s{index}a{i // 6}", ("x=1",), i < right, 1.0, index) for i in range(rows)
        ]
    return samples


def test_with_three_sets_or_more_whole_sets_are_held_out():
    three = _sets([0.9, 0.9, 0.9])
    assert calibrate.groups(three) == [s.set_index for s in three]
    two = _sets([0.9, 0.9])
    assert calibrate.groups(two) == calibrate.folds(two)


def test_a_set_unlike_the_others_lowers_the_confidence_of_every_row():
    # Two sets where 95% of rows are right, one where 60% are: a new corpus may be either, so
    # rows are not promised 95%.
    uneven = calibrate.fit_table(_sets([0.95, 0.95, 0.6]))
    even = calibrate.fit_table(_sets([0.95, 0.95, 0.95]))
    assert uneven.model.probability(["x=1"]) < even.model.probability(["x=1"]) - 0.1
    assert uneven.per_set is not None and set(uneven.per_set) == {0, 1, 2}
    assert uneven.across_sets is not None and uneven.across_sets.total == 180


def test_the_set_by_set_report_names_each_set_and_table():
    fits = calibrate.fit({"figures": _sets([0.95, 0.9, 0.8])})
    sets = [calibrate.GoldSet(Path(f"set{i}"), Path("g")) for i in range(3)]
    report = calibrate.format_by_set(fits, sets)
    assert report.count("figures 60/60") + report.count("figures 0/60") >= 1
    assert all(f"set{i}:" in report for i in range(3))
    data = calibrate.model_file(fits, sets)
    assert set(data["tables"]["figures"]["leave_one_set_out_by_set"]) == {"set0", "set1", "set2"}


def test_blind_rows_weigh_as_much_as_every_tuned_row_in_the_platt_step():
    tuned = _sets([0.95, 0.95, 0.95])  # 180 rows of weight 1
    blind = [dataclasses.replace(s, set_index=3, blind=True, family=0) for s in _sets([0.5], 30)]
    weights = calibrate.platt_weights(tuned + blind, ratio=1.0)
    assert sum(weights[:180]) == 180
    assert abs(sum(weights[180:]) - 180) < 1e-9
    assert calibrate.platt_weights(tuned, ratio=1.0) == [1.0] * 180  # no blind rows: unchanged


def test_tuned_sets_right_95_percent_do_not_promise_it_when_blind_rows_are_right_half_the_time():
    tuned = _sets([0.95, 0.95, 0.95])
    blind = [
        dataclasses.replace(s, set_index=3 + s.set_index, blind=True, family=s.set_index)
        for s in _sets([0.5, 0.5, 0.5], 30)
    ]
    p = calibrate.fit_table(tuned + blind).model.probability(["x=1"])
    assert 0.6 < p < 0.85  # between the blind share and the tuned share, far below 0.95


def test_a_blind_file_is_held_out_with_the_live_set_of_the_same_articles(tmp_path):
    live = calibrate.GoldSet(tmp_path / "real_dev9" / "articles", tmp_path / "real_dev9" / "gold")
    other = calibrate.GoldSet(tmp_path / "real_dev8" / "articles", tmp_path / "real_dev8" / "gold")
    assert calibrate.family_of(tmp_path / "real_dev9" / "blind_rows.jsonl", [other, live]) == 1
    assert calibrate.family_of(tmp_path / "elsewhere" / "rows.jsonl", [other, live]) == -1
    blind = dataclasses.replace(_sets([0.5], 6)[0], set_index=2, blind=True, family=1)
    assert calibrate.groups([*_sets([0.9, 0.9]), blind])[-1] == 1
