"""Opposition figures are a side of their own (etl.stance_opposition)."""

from __future__ import annotations

import re
from datetime import date

from etl.context import ArticleContext
from etl.stances import extract_stances
from etl.types import Actor, Article, Mention
from tests.test_stances import ACTORS

PEOPLE = {
    "maria-lopez": Actor("maria-lopez", "Maria Lopez", "person", "venezuela"),
    "pedro-ruiz": Actor("pedro-ruiz", "Pedro Ruiz", "person", "venezuela"),
}
FORMS = {
    "Maria Lopez": "maria-lopez",
    "Lopez": "maria-lopez",
    "Pedro Ruiz": "pedro-ruiz",
    "Venezuelan": "venezuela",
    "Canada": "canada",
}


def context(nlp, body: str) -> ArticleContext:
    taken: list[tuple[int, int]] = []
    mentions = []
    for text, actor_id in sorted(FORMS.items(), key=lambda f: -len(f[0])):
        for match in re.finditer(rf"(?<!\w){re.escape(text)}(?!\w)", body):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            how = "demonym" if text == "Venezuelan" else "name"
            mentions.append(Mention("a1", actor_id, start, end, text, how))
    article = Article("a1", "a1.txt", None, None, None, date(2024, 1, 1), "day", "en", body, "s")
    return ArticleContext(
        article=article,
        doc=nlp(body),
        mentions=tuple(sorted(mentions, key=lambda m: m.char_start)),
        actors={**ACTORS, **PEOPLE},
    )


def pairs(nlp, body: str) -> set[tuple[str, str, str]]:
    return {(s.source_id, s.target_id, s.polarity) for s in extract_stances(context(nlp, body), [])}


def test_a_leader_denouncing_the_opposition_leader_is_a_stance(nlp):
    body = (
        "Venezuelan opposition leader Maria Lopez returned on Monday. "
        "Pedro Ruiz has denounced Lopez as a puppet."
    )
    assert ("pedro-ruiz", "maria-lopez", "critical") in pairs(nlp, body)


def test_recognising_an_opposition_leader_is_not_support_for_her_government(nlp):
    body = "Canada recognized Venezuelan opposition leader Maria Lopez as interim president."
    assert pairs(nlp, body) == {("canada", "maria-lopez", "supportive")}


def test_two_officials_of_one_government_are_still_one_side(nlp):
    body = "Pedro Ruiz has denounced Maria Lopez as a puppet."
    assert pairs(nlp, body) == set()
