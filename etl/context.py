"""What every extractor receives about one article: its row, its parsed text and its actors."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from etl.docindex import DocIndex
from etl.types import Actor, Article, Mention

if TYPE_CHECKING:
    from etl.actors import Gazetteer


@dataclass(frozen=True)
class ArticleContext:
    """One article as the extractors see it.

    `doc` is the spaCy parse of `article.body`, so token and span character offsets index the
    body directly. `mentions` are the resolved actor mentions, sorted by start; `actors` maps
    every known actor id (gazetteer and discovered) to its row. `gazetteer` is the one the
    mentions were resolved with (None: the default gazetteer, for contexts built in tests).
    """

    article: Article
    doc: Doc
    mentions: tuple[Mention, ...]
    actors: Mapping[str, Actor]
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    gazetteer: Gazetteer | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(m.char_start for m in self.mentions))

    @property
    def body(self) -> str:
        return self.article.body

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions lying wholly inside body[start:end], in text order."""
        i = bisect.bisect_left(self._starts, start)
        found = []
        while i < len(self.mentions) and self.mentions[i].char_start < end:
            if self.mentions[i].char_end <= end:
                found.append(self.mentions[i])
            i += 1
        return found

    def actor_at(self, start: int, end: int) -> str | None:
        """The actor of the first mention overlapping body[start:end], if any."""
        i = max(bisect.bisect_left(self._starts, start) - 1, 0)
        while i < len(self.mentions) and self.mentions[i].char_start < end:
            m = self.mentions[i]
            if m.char_end > start:
                return m.actor_id
            i += 1
        return None

    def sentence_at(self, char: int) -> Span:
        """The sentence containing body offset `char` (the last one if past the end)."""
        token_index = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if token_index is not None and len(token_index):
            return token_index[0].sent
        index = DocIndex.of(self.doc)
        number = bisect.bisect_right(index.sent_start_chars, char) - 1
        if 0 <= number and char < index.sent_end_chars[number]:
            return index.sents[number]  # sentences do not overlap: no other can hold `char`
        return index.sents[-1]

    @cached_property
    def country_counts(self) -> Counter[str]:
        """How many mentions stand for each country (see `country_of`), counted once."""
        return Counter(
            country for m in self.mentions if (country := self.country_of(m.actor_id)) is not None
        )

    def country_of(self, actor_id: str | None) -> str | None:
        """The country an actor stands for: itself for a country, else its country_id."""
        if actor_id is None:
            return None
        actor = self.actors.get(actor_id)
        if actor is None:
            return None
        if actor.kind == "country":
            return actor.actor_id
        return actor.country_id

    def name_of(self, actor_id: str | None) -> str | None:
        actor = self.actors.get(actor_id) if actor_id else None
        return actor.name if actor else None
