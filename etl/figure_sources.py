"""Who a figure is attributed to.

The actor named by "according to X" in its sentence, else the subject of a reporting verb
(`rules/figure_sources.txt`) governing its clause, unless those counted are that subject, else
the speaker of a statement containing the figure or its sentence, else nobody.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.tokens import Span, Token

from etl.context import ArticleContext
from etl.figure_categories import _default_rules
from etl.figure_clauses import _SUBJECT_DEPS
from etl.numbers import Quantity
from etl.types import Statement


def _according_to(ctx: ArticleContext, sent: Span) -> str | None:
    """The actor named by "according to X": the mention on X's head noun or its modifiers
    ("according to UN figures"), not one inside a further phrase ("the ministry in Hamas-run
    Gaza")."""
    for token in sent:
        if token.lower_ != "according" or token.i + 1 >= sent.end:
            continue
        to = sent.doc[token.i + 1]
        if to.lower_ != "to":
            continue
        for pobj in (c for c in to.children if c.dep_ == "pobj"):
            heads = [pobj, *(c for c in pobj.conjuncts)]
            for head in heads:
                tokens = [t for t in head.lefts for t in t.subtree] + [head]
                tokens += [t for c in head.rights if c.dep_ == "appos" for t in c.subtree]
                for t in sorted(tokens, key=lambda t: t.i):
                    actor = ctx.actor_at(t.idx, t.idx + len(t))
                    if actor is not None:
                        return actor
    return None


def _reporting_subject(ctx: ArticleContext, num: Token, source_verbs: frozenset[str]) -> str | None:
    """The actor who is the subject of a reporting verb governing the number's clause, unless
    those counted are that subject ("2.3 million Syrians have registered")."""
    token = num
    while token.head.i != token.i:
        token = token.head
        if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in source_verbs:
            continue
        for child in token.children:
            if child.dep_ not in _SUBJECT_DEPS:
                continue
            span = list(child.subtree)
            if span[0].i <= num.i <= span[-1].i:
                continue
            source = _subject_actor(ctx, child)
            if source is not None:
                return source
    return None


def _subject_actor(ctx: ArticleContext, subject: Token) -> str | None:
    """The actor a subject phrase names: the mention on its head word or an apposition
    ("Canada's minister, Harpreet Gill, said" → Gill), else a person in it, else its first
    mention ("Canada's minister said" → Canada)."""
    span = list(subject.subtree)
    mentions = ctx.mentions_in(span[0].idx, span[-1].idx + len(span[-1]))
    if not mentions:
        return None
    heads = [subject, *(c for c in subject.children if c.dep_ == "appos")]
    for head in heads:
        actor = ctx.actor_at(head.idx, head.idx + len(head))
        if actor is not None:
            return actor
    people = [m for m in mentions if getattr(ctx.actors.get(m.actor_id), "kind", None) == "person"]
    return (people or mentions)[0].actor_id


class _SpeakerIndex:
    """An article's statements that have a speaker, found by the text they cover in a few steps
    instead of a pass over every statement for every figure."""

    def __init__(self, statements: Sequence[Statement]) -> None:
        spoken = sorted(
            ((s.char_start, order, s) for order, s in enumerate(statements) if s.speaker_id),
            key=lambda item: item[:2],
        )
        self._spoken = spoken
        self._starts = [start for start, _, _ in spoken]
        self._longest = max((s.char_end - s.char_start for _, _, s in spoken), default=0)

    def overlapping(self, start: int, end: int) -> list[Statement]:
        """Statements overlapping body[start:end], in the order they were given."""
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        found = [item for item in self._spoken[lo:hi] if item[2].char_end > start]
        return [s for _, _, s in sorted(found, key=lambda item: item[1])]


def _statement_speaker(speakers: _SpeakerIndex, start: int, end: int, sent: Span) -> str | None:
    inside = [
        s for s in speakers.overlapping(start, end) if s.char_start <= start and end <= s.char_end
    ]
    if inside:
        return min(inside, key=lambda s: s.char_end - s.char_start).speaker_id
    overlapping = speakers.overlapping(sent.start_char, sent.end_char)
    return overlapping[0].speaker_id if overlapping else None


def attribute(
    ctx: ArticleContext,
    speakers: _SpeakerIndex,
    sent: Span,
    num: Token,
    quantity: Quantity,
) -> str | None:
    """The actor a figure is attributed to (see module doc), or None."""
    _, source_verbs = _default_rules()
    return (
        _according_to(ctx, sent)
        or _reporting_subject(ctx, num, source_verbs)
        or _statement_speaker(speakers, quantity.start, quantity.end, sent)
    )
