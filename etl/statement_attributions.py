"""A sentence row that only attributes a direct quote of the same speaker gives way to the quote.

"“We need a ceasefire,” the head of the Red Cross in Syria, Jane Doe, said after the first
convoys left." is one statement: the quotation. The sentence-level rules find the reporting verb
too and make a row of the whole sentence when its attribution is longer than the few words
`etl.statement_reported` recognises (an apposition with commas, a relative clause, "on his
Twitter account", "while addressing the talks"), and when the parser splits a quotation of
several sentences so that the last one runs into the attribution. Such a row repeats the quote,
and it is dropped when, outside the same speaker's quotations, its text holds only:

- before the quote: nothing, a phrase with no verb ("In its military operations, “…”"), or a
  clause ending in a colon that hands over to it ("X condemned the veto: “…,” she said");
- between two quotes: punctuation and a conjunction;
- after the quote: an attribution whose reporting verb has its subject there and says nothing
  more (no clause of its own, no second clause, no "adding that …", no further quotation), or
  "according to X".

A sentence that says more than its quote ("…,” Zarif said, adding that the summit would …")
keeps its row, as before.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from etl.context import ArticleContext
from etl.statement_verbs import _is_reporting
from etl.types import Statement

# What a reporting clause after a quote may add that is a statement of its own.
_SAYS_MORE = re.compile(
    r"\b(?:adding|saying|stressing|noting|urging|warning|calling|insisting|arguing|explaining|"
    r"and (?:said|added|urged|called|warned))\b|[\"\u201c\u201d\u2018\u2019]"
)
_CLAUSE_DEPS = {"ccomp", "xcomp", "parataxis"}
_QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"
_CONNECTIVES = {"but", "and", "while", "yet"}
_VERB_TAGS = {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"}


def without_attribution_sentences(
    ctx: ArticleContext, statements: list[Statement]
) -> list[Statement]:
    """The statements, less reported rows that only repeat a direct quote of their speaker."""
    direct = [s for s in statements if s.is_direct]
    if not direct:
        return statements
    return [
        s
        for s in statements
        if s.is_direct or not _repeats_quote(ctx, s, [q for q in direct if _same_speaker(q, s)])
    ]


def _same_speaker(a: Statement, b: Statement) -> bool:
    if a.speaker_id is not None or b.speaker_id is not None:
        return a.speaker_id == b.speaker_id
    return a.speaker_text == b.speaker_text


def _repeats_quote(ctx: ArticleContext, row: Statement, quotes: list[Statement]) -> bool:
    inside = sorted(
        (q for q in quotes if q.char_start < row.char_end and row.char_start < q.char_end),
        key=lambda q: q.char_start,
    )
    if not inside:
        return False
    text = ctx.body
    lead = text[row.char_start : max(row.char_start, inside[0].char_start)]
    if not _lead_only_introduces(ctx, row.char_start, lead):
        return False
    for before, after in zip(inside, inside[1:]):
        between = text[before.char_end : max(before.char_end, after.char_start)]
        if not _only_joins(between):
            return False
    tail_start = max(q.char_end for q in inside)
    while tail_start < row.char_end and text[tail_start] in _QUOTE_MARKS + " ,":
        tail_start += 1  # the closing mark and the comma belong to the quote
    if tail_start >= row.char_end:
        return True  # the row lies within its speaker's quotation
    return _tail_only_attributes(ctx, tail_start, row.char_end)


def _lead_only_introduces(ctx: ArticleContext, start: int, lead: str) -> bool:
    stripped = lead.strip().strip(_QUOTE_MARKS).strip()
    if not stripped or stripped.endswith(":"):
        return True
    span = ctx.doc.char_span(start, start + len(lead), alignment_mode="contract")
    if span is None:
        return False
    return not any(t.tag_ in _VERB_TAGS for t in span) and len(stripped.split()) <= 8


def _only_joins(between: str) -> bool:
    words = re.findall(r"[^\W\d_]+", between.lower())
    return all(w in _CONNECTIVES for w in words) and len(words) <= 1


def _tail_only_attributes(ctx: ArticleContext, start: int, end: int) -> bool:
    tail = ctx.body[start:end]
    if _SAYS_MORE.search(tail):
        return False
    if re.match(r"[\s,\u2014\u2013-]*according to\b", tail, re.I):
        return not any(t.tag_ in _VERB_TAGS for t in _tokens(ctx, start, end))
    tokens = _tokens(ctx, start, end)
    verbs = [t for t in tokens if _is_reporting(t)]
    if not verbs:
        return False
    verb = verbs[0]
    inside = {t.i for t in tokens}
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i not in inside:
        return False
    # Before it, only its subject ("Jane Doe, who heads the delegation, said"): not "“…” is
    # needed, Doe added", where the quotation is a part of the sentence's own clause.
    own = {t.i for t in subject.subtree}
    if any(t.i < verb.i and t.tag_ in _VERB_TAGS and t.i not in own for t in tokens):
        return False
    # After the attributing verb: no clause of its own, no second predicate, no second verb
    # of speech that reports a clause ("as she urged the council to act").
    for token in tokens:
        if token.i <= verb.i:
            continue
        if token.dep_ in _CLAUSE_DEPS or (token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")):
            return False
    return all(not _has_clause(v) for v in verbs[1:])


def _has_clause(verb: Token) -> bool:
    return any(
        c.dep_ in _CLAUSE_DEPS or (c.dep_ == "mark" and c.lower_ in ("that", "whether", "if"))
        for c in verb.children
    )


def _tokens(ctx: ArticleContext, start: int, end: int) -> list[Token]:
    span = ctx.doc.char_span(start, end, alignment_mode="contract")
    return list(span) if span is not None else []
