"""A `statements_of(body)` runner for statement tests: the real spaCy model and gazetteer."""

import datetime

import pytest

from etl.actors import Gazetteer, resolve_mentions
from etl.context import ArticleContext
from etl.statements import extract_statements
from etl.types import Article


@pytest.fixture(scope="module")
def statements_of(nlp):
    gazetteer = Gazetteer.load()

    def run(body, published=datetime.date(2021, 3, 3)):
        article = Article("a1", "x.txt", None, None, None, published, "day", "en", body, "sha")
        doc = nlp(body)
        mentions, new = resolve_mentions(doc, "a1", gazetteer)
        actors = {**gazetteer.actors, **{a.actor_id: a for a in new}}
        return extract_statements(ArticleContext(article, doc, tuple(mentions), actors))

    return run
