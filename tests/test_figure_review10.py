"""etl.figures: wrong rows a review of the real_dev8 round's rules found on ordinary news text.

Each test holds a reviewer's probe sentence (the wrong row must be absent) beside the case the
rule was written for (which must still work): ranks of a numbered "Most read" list, the last
headline of a column above a paragraph, member states of a bloc, returns told as done, a host
country named before "refugees", and the gazetteer the nation words come from.
"""

from __future__ import annotations

import datetime

import pytest

from etl import figure_movement
from etl.actors import Gazetteer, resolve_mentions
from etl.context import ArticleContext
from etl.figure_tables import find_rows
from etl.figures import extract_figures
from etl.numbers import find_quantities
from etl.types import Article
from tests.test_figure_unseen_pages8 import KEY_FIGURES
from tests.test_figures import found

MOST_READ = (
    "Most read\n\n"
    "1\nFloods leave thousands homeless in the delta\n"
    "2\nTalks stall in Geneva over border crossings\n"
    "3\nMinister resigns over aid scandal\n\n"
    "The agency said aid convoys had been held up at the crossing for nine days."
)


def test_ranks_of_a_numbered_most_read_list_are_no_key_figures(nlp):
    rows = find_rows(MOST_READ, find_quantities(MOST_READ))
    assert rows == {}
    assert found(nlp, MOST_READ) == []


def test_key_figures_with_a_scale_or_a_hundred_and_up_are_still_rows():
    quantities = find_quantities(KEY_FIGURES)
    rows = find_rows(KEY_FIGURES, quantities)
    assert {KEY_FIGURES[q.start : q.end] for q in quantities if q.start in rows} == {
        "4.2M",
        "1.9M",
        "85,300",
        "$1.8B",
        "$0.9B",
    }


RELATED_ABOVE_PARAGRAPH = (
    "The agency remains deeply concerned by the escalation of violence in the south, which has "
    "damaged schools and clinics, officials said on Monday.\n\n"
    "Related\n\n"
    "Talks on the border crossing stall for a second week\n"
    "Storm leaves 40,000 people without shelter in the delta\n\n"
    "The agency said aid convoys had been held up at the crossing for nine days, and that the "
    "families waiting there had run out of food, water and medicine for their children.\n"
)


def test_the_last_headline_of_a_column_above_a_paragraph_is_still_furniture(nlp):
    assert found(nlp, RELATED_ABOVE_PARAGRAPH) == []


def test_a_section_title_under_a_short_label_over_its_paragraph_keeps_its_figure(nlp):
    body = (
        "Analysis\n\n"
        "Storm leaves 40,000 people without shelter in the delta\n\n"
        "The agency said aid convoys had been held up at the crossing for nine days, and that "
        "the families waiting there had run out of food, water and medicine for their children.\n"
    )
    assert [value for value, _ in found(nlp, body)] == [40_000]


@pytest.mark.parametrize(
    "body",
    [
        "NATO's 30 members agreed on Tuesday to send more air defence systems to Ukraine.",
        "The bloc's 27 members condemned the attack in a joint statement.",
        "All 57 members of the Organisation of Islamic Cooperation backed the resolution.",
    ],
)
def test_member_states_of_a_bloc_are_no_count_of_people(nlp, body):
    assert found(nlp, body) == []


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Police say 2,100 ISIS members are held in their prisons.", [(2_100, "other")]),
        (
            "About 300 Canadian officials were sent to Jordan to screen applicants.",
            [(300, "other")],
        ),
    ],
)
def test_people_counted_by_their_office_are_still_counted(nlp, body, expected):
    assert found(nlp, body) == expected


@pytest.mark.parametrize(
    "body, expected",
    [
        # the return is told as done: returnees
        ("UNHCR recorded the return of 300,000 refugees to their villages last year.", "other"),
        (
            "The repatriation of 1,200 refugees from Kenya was completed in March, officials said.",
            "other",
        ),
        # only planned: still refugees
        ("Officials handed over a list of 6,500 refugees to start the repatriation.", "refugees"),
        ("Few believe the government will repatriate 2 million Syrian refugees.", "refugees"),
        (
            "The repatriation of 1,200 refugees from Kenya will be completed in March.",
            "refugees",
        ),
    ],
)
def test_a_return_told_as_done_makes_returnees_a_planned_one_does_not(nlp, body, expected):
    assert [c for _, c in found(nlp, body)] == [expected]


def _context(nlp, body: str, gazetteer: Gazetteer | None) -> ArticleContext:
    article = Article(
        "a1", "a1.txt", None, None, None, datetime.date(2021, 5, 10), "day", "en", body, "sha"
    )
    doc = nlp(body)
    resolver = gazetteer or Gazetteer.load()
    mentions, new = resolve_mentions(doc, "a1", resolver)
    actors = {**resolver.actors, **{a.actor_id: a for a in new}}
    return ArticleContext(article, doc, tuple(mentions), actors, gazetteer=gazetteer)


def _figures(ctx: ArticleContext) -> list[tuple[float, str]]:
    return [(f.value, f.category) for f in extract_figures(ctx, ())]


def test_a_host_country_named_before_refugees_does_not_make_its_people_refugees(nlp):
    body = (
        "Jordan accepted refugees from Iraq for decades. About 250,000 Jordanians work in Saudi "
        "Arabia, the ministry said."
    )
    assert _figures(_context(nlp, body, None)) == [(250_000, "other")]


def test_a_demonym_before_migrants_still_makes_its_people_abroad_refugees(nlp):
    body = (
        "Venezuelan migrants have crossed every border of the region since the crisis began. "
        "The number of Venezuelans in Peru is 22,000, officials said."
    )
    assert _figures(_context(nlp, body, None)) == [(22_000, "refugees")]


def test_nation_words_come_from_the_articles_own_gazetteer(nlp, tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text(
        "actor_id,name,kind,country_id,aliases,demonyms,capitals\n"
        "ruritania,Ruritania,country,,,Ruritanian|Ruritanians,\n"
        "peru,Peru,country,,,Peruvian|Peruvians,Lima\n",
        encoding="utf-8",
    )
    body = (
        "Ruritanian migrants have crossed every border of the region since the crisis began. "
        "The number of Ruritanians in Peru is 22,000, officials said."
    )
    ctx = _context(nlp, body, Gazetteer.load(path))
    before = figure_movement._said_to_be_refugees.cache_info()
    assert _figures(ctx) == [(22_000, "refugees")]
    assert _figures(ctx) == [(22_000, "refugees")]
    after = figure_movement._said_to_be_refugees.cache_info()
    assert after.hits > before.hits  # the body is scanned once per nation, not per call
