"""Quotations as the events see them: a speaker's own words are no reporting frame of the article.

A quotation may open sentences before the one that closes it ("“Sweden has continued … Last year
over 163,000 people applied for asylum in our country,” said the minister"): the words inside the
marks, wherever the sentence splitter cut them, are the speaker's. A date among them dates what
the speaker tells, never the article's reporting verb outside the marks; and a reporting verb
among them ("“A study in 2022 said these dams were at risk,” he said") is the speaker's account,
not a statement event of the article.
"""

from __future__ import annotations

import bisect
import functools

from spacy.tokens import Token

from etl.docindex import DocIndex
from etl.statements import find_quotes


@functools.lru_cache(maxsize=8)
def quoted_spans(body: str) -> tuple[tuple[int, int], ...]:
    """The character spans of the body's quotations (inside the marks), in text order: curly
    pairs and straight pairs within a paragraph, a quotation left open running to its
    paragraph's end."""
    return tuple(sorted((q.start, q.end) for q in find_quotes(body)))


def quote_at(body: str, offset: int) -> int | None:
    """The start of the quotation holding the character at `offset`, or None."""
    spans = quoted_spans(body)
    i = bisect.bisect_right(spans, (offset, len(body) + 1)) - 1
    if i >= 0 and spans[i][0] <= offset < spans[i][1]:
        return spans[i][0]
    return None


def in_quotation(token: Token) -> bool:
    """Whether the token lies inside a quotation of its document."""
    return quote_at(DocIndex.of(token.doc).text, token.idx) is not None
