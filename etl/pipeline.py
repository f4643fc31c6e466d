"""Analysis of cleaned articles: spaCy in batches, then actors, statements, stances, figures, events."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from etl.actors import Gazetteer, resolve_mentions
from etl.context import ArticleContext
from etl.events import extract_events
from etl.figures import extract_figures
from etl.nlp import load_nlp
from etl.stances import extract_stances
from etl.statements import extract_statements
from etl.types import Actor, Article, Extraction


class ArticleTooLong(ValueError):
    """An article longer than the language model accepts."""

    reason = "too_large"  # the rejection reason a run records


class Analyser:
    """Turns cleaned `Article`s into `Extraction`s; holds the model and the gazetteer."""

    def __init__(self, gazetteer_path: Path | None = None, nlp: Language | None = None) -> None:
        self.gazetteer = Gazetteer.load(gazetteer_path)
        self._nlp = nlp
        self.discovered: dict[str, Actor] = {}

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_nlp()
        return self._nlp

    @property
    def gazetteer_actors(self) -> tuple[Actor, ...]:
        return tuple(self.gazetteer.actors.values())

    def warm_up(self) -> None:
        """Load the model now (before a worker process is forked from this one)."""
        self.nlp("Warm-up.")

    def analyse(self, articles: Sequence[Article], batch_size: int = 8) -> Iterator[Extraction]:
        """One Extraction per article, in order; spaCy runs in batches over the bodies.

        Raises ArticleTooLong for a body longer than the model accepts (`nlp.max_length`)."""
        for article in articles:
            if len(article.body) > self.nlp.max_length:
                raise ArticleTooLong(
                    f"{len(article.body):,} characters, over the {self.nlp.max_length:,} "
                    "the language model accepts in one piece; split the article"
                )
        docs = self.nlp.pipe(((a.body, a) for a in articles), as_tuples=True, batch_size=batch_size)
        for doc, article in docs:
            yield self.extract(article, doc)

    def extract(self, article: Article, doc: Doc) -> Extraction:
        mentions, new_actors = resolve_mentions(
            doc, article.article_id, self.gazetteer, self.discovered
        )
        for actor in new_actors:
            self.discovered.setdefault(actor.actor_id, actor)
        actors = {**self.gazetteer.actors, **{a.actor_id: a for a in new_actors}}
        ctx = ArticleContext(article=article, doc=doc, mentions=tuple(mentions), actors=actors)
        statements = extract_statements(ctx)
        return Extraction(
            article=article,
            mentions=tuple(mentions),
            statements=tuple(statements),
            stances=tuple(extract_stances(ctx, statements)),
            figures=tuple(extract_figures(ctx, statements)),
            events=tuple(extract_events(ctx, statements)),
            new_actors=tuple(new_actors),
        )
