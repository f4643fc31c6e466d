"""Analysis of cleaned articles: spaCy in batches, then actors, statements, stances, figures, events."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from etl import statement_model
from etl.actors import Gazetteer, resolve_mentions
from etl.actors import warm_up as warm_up_actors
from etl.confidence import with_confidence
from etl.context import ArticleContext
from etl.docindex import DocIndex
from etl.events import extract_events
from etl.figures import extract_figures
from etl.nlp import load_nlp
from etl.stances import extract_stances
from etl.statements import extract_statements
from etl.types import Actor, Article, Extraction

log = logging.getLogger(__name__)

# The longest text spaCy parses in one go; a longer article is parsed in pieces of this size.
PIECE_CHARS = 100_000
# Articles per spaCy batch, and at most this many characters in one (spaCy's memory grows with
# the text it holds at once, about 3 MB per 1,000 characters). Bigger batches than the 8 of
# before parse about a fifth faster; the rows do not depend on how articles are batched.
BATCH_SIZE = 32
BATCH_CHARS = 100_000


# What `Analyser.warm_up` analyses: a few sentences of wire copy that reach every extractor.
WARM_UP_ARTICLE = Article(
    article_id="warm-up",
    source_path="warm-up",
    title="Talks on Syria resume in Geneva",
    outlet=None,
    url=None,
    published_date=date(2016, 3, 14),
    published_precision="day",
    language="en",
    body=(
        "GENEVA, March 14, 2016 (Reuters) -- Talks on Syria resumed in Geneva on Monday, "
        "the United Nations envoy Staffan de Mistura said.\n\n"
        '"We support a ceasefire across the country," Foreign Minister Sergei Lavrov told '
        "reporters in Moscow. He said Russia would attend the conference on Wednesday.\n\n"
        "Canada condemned the airstrikes on Aleppo, which killed 42 civilians, and urged "
        "Damascus to allow aid into Eastern Ghouta.\n\n"
        "The UN refugee agency said more than 4.8 million Syrians had fled to Turkey, "
        "Lebanon and Jordan, and 6.5 million were displaced inside Syria."
    ),
    content_sha256="",
)


def split_text(text: str, limit: int) -> list[str]:
    """`text` cut into pieces of at most `limit` characters that join back into it: each cut
    after the last line break in the piece's second half, else after its last space, else at
    the limit."""
    pieces = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = text.rfind("\n", start + limit // 2, end)
        if cut == -1:
            cut = max(
                text.rfind(" ", start + limit // 2, end), text.rfind("\t", start + limit // 2, end)
            )
        cut = end if cut == -1 else cut + 1
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


class Analyser:
    """Turns cleaned `Article`s into `Extraction`s; holds the model and the gazetteer.

    An article's extraction depends on its text and the gazetteer only, never on the articles
    analysed before it: the rows are the same in any order, in any number of worker processes,
    and when an article is added to an existing warehouse. People found in several articles
    are merged into one actor when the warehouse is written (`load.merge_actors`).
    """

    def __init__(
        self,
        gazetteer_path: Path | None = None,
        nlp: Language | None = None,
        piece_chars: int = PIECE_CHARS,
    ) -> None:
        self.gazetteer = Gazetteer.load(gazetteer_path)
        self._nlp = nlp
        self._piece_chars = piece_chars

    def __getstate__(self) -> dict:
        # Sent to a cluster's workers without the model: each worker loads its own once.
        return {**self.__dict__, "_nlp": None}

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_nlp()
        return self._nlp

    @property
    def gazetteer_actors(self) -> tuple[Actor, ...]:
        return tuple(self.gazetteer.actors.values())

    def warm_up(self) -> None:
        """Load the model and build the place gazetteer now, before worker processes are forked
        from this one: they share both instead of each building its own (the place gazetteer
        is about 1.4 CPU seconds a process, and the writer in this process needs it too). Then
        analyse a short made-up article, so that what every extractor builds on its first use
        (rule files read, patterns compiled, about 0.3 CPU seconds) is built here once, not
        again in every worker. An extraction depends on its own article only (see the class),
        so this changes no row."""
        self.nlp("Warm-up.")
        warm_up_actors()
        try:
            for _ in self.analyse([WARM_UP_ARTICLE]):
                pass
        except Exception:  # a model without the parser (tests' blank pipelines) cannot extract;
            # the extractors then build on first use, as before, and no row changes
            log.debug("analysing the warm-up article failed", exc_info=True)

    def analyse(
        self, articles: Sequence[Article], batch_size: int = BATCH_SIZE
    ) -> Iterator[Extraction]:
        """One Extraction per article, in order; spaCy runs in batches over the bodies.

        A body longer than `piece_chars` is parsed in pieces cut at line ends, joined into one
        `Doc` (see `parse_in_pieces`)."""
        for doc, article in self._parsed(articles, batch_size):
            extraction = self.extract(article, doc)
            own = {actor.actor_id: actor for actor in extraction.new_actors}
            yield with_confidence(extraction, {**self.gazetteer.actors, **own})

    def _parsed(
        self, articles: Sequence[Article], batch_size: int
    ) -> Iterator[tuple[Doc, Article]]:
        limit = self.piece_chars
        batch: list[Article] = []
        chars = 0
        for article in articles:
            size = len(article.body)
            if batch and (size > limit or len(batch) >= batch_size or chars + size > BATCH_CHARS):
                yield from self._parse_batch(batch)
                batch, chars = [], 0
            if size > limit:
                yield self.parse(article.body), article
                continue
            batch.append(article)
            chars += size
        yield from self._parse_batch(batch)

    def _parse_batch(self, batch: list[Article]) -> Iterator[tuple[Doc, Article]]:
        texts = [article.body for article in batch]
        yield from zip(self.nlp.pipe(texts, batch_size=max(1, len(batch))), batch, strict=True)

    @property
    def piece_chars(self) -> int:
        return min(self._piece_chars, self.nlp.max_length)

    def parse(self, text: str) -> Doc:
        """The parse of one text: whole, or in pieces when longer than `piece_chars`."""
        return self.nlp(text) if len(text) <= self.piece_chars else self.parse_in_pieces(text)

    def parse_in_pieces(self, text: str) -> Doc:
        """The parse of a long text, made piece by piece: spaCy's memory grows with the length
        of what it parses at once (about 3 MB per 1,000 characters), and it refuses a text over
        `nlp.max_length`. A line break ends a sentence anyway (`line_boundaries`), so cutting
        there loses no sentence; the joined `Doc`'s text is `text` exactly."""
        pieces = split_text(text, self.piece_chars)
        # One piece at a time: nlp.pipe's batches would parse them all at once again.
        return Doc.from_docs([self.nlp(piece) for piece in pieces], ensure_whitespace=False)

    def extract(self, article: Article, doc: Doc) -> Extraction:
        try:
            return self._extract(article, doc)
        finally:
            DocIndex.release(doc)

    def _extract(self, article: Article, doc: Doc) -> Extraction:
        mentions, new_actors = resolve_mentions(doc, article.article_id, self.gazetteer)
        actors = {**self.gazetteer.actors, **{a.actor_id: a for a in new_actors}}
        ctx = ArticleContext(
            article=article,
            doc=doc,
            mentions=tuple(mentions),
            actors=actors,
            gazetteer=self.gazetteer,
        )
        statements = extract_statements(ctx)
        # The learned statement model's rows (switched on in etl/rules/statement_model.json)
        # go to the statements table only: stances, figures and events read the rules' rows.
        return Extraction(
            article=article,
            mentions=tuple(mentions),
            statements=tuple(statement_model.apply(ctx, statements)),
            stances=tuple(extract_stances(ctx, statements)),
            figures=tuple(extract_figures(ctx, statements)),
            events=tuple(extract_events(ctx, statements)),
            new_actors=tuple(new_actors),
        )
