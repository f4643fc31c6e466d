"""One article's analysis context from a text, as the ETL builds it (`etl.pipeline`): for the
tests of the learned models, which score sentences the tests write themselves."""

from __future__ import annotations

from datetime import date

from etl.actors import Gazetteer, resolve_mentions
from etl.context import ArticleContext
from etl.types import Article


def article_context(nlp, gazetteer: Gazetteer, body: str) -> ArticleContext:
    """`body` parsed and its actors resolved, published 2024-03-01 (to the day)."""
    article = Article(
        article_id="a1",
        source_path="a1.txt",
        title=None,
        outlet=None,
        url=None,
        published_date=date(2024, 3, 1),
        published_precision="day",
        language="en",
        body=body,
        content_sha256="0" * 64,
    )
    doc = nlp(body)
    mentions, new_actors = resolve_mentions(doc, article.article_id, gazetteer)
    actors = {**gazetteer.actors, **{a.actor_id: a for a in new_actors}}
    return ArticleContext(
        article=article, doc=doc, mentions=tuple(mentions), actors=actors, gazetteer=gazetteer
    )
