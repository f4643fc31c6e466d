"""Working state of one article's actor resolution (`etl.actors.resolve_mentions`).

The mentions found so far, the spans they take, the actors the article introduces and the people
it names in full, shared by every pass.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc

from etl.actor_gazetteer import Gazetteer
from etl.docindex import DocIndex
from etl.types import Actor, Mention


@dataclass
class _Person:
    actor_id: str
    roles: set[str] = field(default_factory=set)
    gender: str | None = None  # "m" or "f" when the text tells


@dataclass
class _Resolution:
    """Working state of one article's resolution."""

    doc: Doc
    article_id: str
    gazetteer: Gazetteer
    mentions: list[Mention] = field(default_factory=list)
    new_actors: dict[str, Actor] = field(default_factory=dict)
    people: dict[str, _Person] = field(default_factory=dict)
    taken: list[tuple[int, int]] = field(default_factory=list)  # sorted
    longest_taken: int = 0
    # (char_start, -order, mention), sorted: the mentions before an offset, latest first,
    # without sorting every mention for every pronoun and title
    by_start: list[tuple[int, int, Mention]] = field(default_factory=list)
    text: str = ""  # doc.text, kept: spaCy rebuilds it on every access
    dateline_country: str | None = None
    # Discovered people whose country no words of their own gave (none, or the page's guess):
    # a later full mention with its own title ("Canada's Immigration Minister X") may still.
    # actor id -> where that first mention started: only another mention may give the country.
    unowned: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.text = DocIndex.of(self.doc).text

    def overlaps(self, start: int, end: int) -> bool:
        # `taken` is kept sorted, and no span is longer than `longest_taken`: only the spans
        # starting in (start - longest, end) can overlap, found by bisection.
        lo = bisect.bisect_right(self.taken, (start - self.longest_taken, end))
        hi = bisect.bisect_left(self.taken, (end,))
        return any(s < end and start < e for s, e in self.taken[lo:hi])

    def add(self, start: int, end: int, actor_id: str, how: str) -> None:
        bisect.insort(self.taken, (start, end))
        self.longest_taken = max(self.longest_taken, end - start)
        mention = Mention(self.article_id, actor_id, start, end, self.text[start:end], how)
        bisect.insort(self.by_start, (start, -len(self.mentions), mention))
        self.mentions.append(mention)

    def mentions_within(self, left: int, right: int) -> list[Mention]:
        """Mentions lying inside text[left:right], in the order they were found."""
        lo = bisect.bisect_left(self.by_start, (left,))
        hi = bisect.bisect_left(self.by_start, (right,))
        inside = [item for item in self.by_start[lo:hi] if item[2].char_end <= right]
        return [mention for _, _, mention in sorted(inside, key=lambda item: -item[1])]

    def mentions_before(self, before: int) -> Iterator[Mention]:
        """Mentions starting before offset `before`, latest first (on a tie, the one found
        first): `sorted(mentions, key=start, reverse=True)` cut at `before`, without the sort."""
        i = bisect.bisect_left(self.by_start, (before,))
        while i > 0:
            i -= 1
            yield self.by_start[i][2]

    def actor(self, actor_id: str) -> Actor | None:
        return self.new_actors.get(actor_id) or self.gazetteer.actors.get(actor_id)
