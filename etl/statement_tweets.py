"""Embedded posts: a page that embeds a tweet prints its text, then a signature line
"— Jane Doe (@janedoe) August 30, 2021". The text above the signature is the signer's own
words: a direct statement of the person (or body) the signature names.

Only a signature with a handle in parentheses and a written date counts, so a dash line that
merely credits a photo or an author ("— Reporting by Jane Doe") is no tweet.
"""

from __future__ import annotations

import re

from etl.context import ArticleContext
from etl.statement_rows import _make
from etl.turns import actor_kind, people_of, resolve_name, voice_of
from etl.types import Statement

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# "— Donald J. Trump (@realDonaldTrump) November 16, 2017" on a line of its own.
SIGNATURE = re.compile(
    r"^[ \t]*[\u2014\u2013-]{1,2}[ \t]*(?P<name>[^\n()@]{2,80}?)[ \t]*\(@\w{1,30}\)[ \t]*"
    r"(?:" + _MONTHS + r"[ \t]+\d{1,2},?[ \t]+\d{4}|\d{1,2}[ \t]+" + _MONTHS + r"[ \t]+\d{4})"
    r"[ \t]*$",
    re.M,
)
# Links a tweet ends with: they are no words of the speaker.
_TRAILING_LINKS = re.compile(r"(?:\s*(?:https?://\S+|pic\.twitter\.com/\S+))+\s*$")
# "Archive: Ambassador Jane Doe": a label the page puts before the signer's name.
_LABEL_BEFORE_NAME = re.compile(r"^[^:]{1,20}:\s*")
_SPEAKER_KINDS = {"person", "government", "organization", "intergovernmental", "country"}


def _post_above(body: str, line_start: int) -> tuple[int, int] | None:
    """The span of the paragraph just above the signature line, its trailing links cut."""
    end = len(body[:line_start].rstrip())
    if end == 0:
        return None
    start = body.rfind("\n", 0, end) + 1
    text = body[start:end]
    cut = _TRAILING_LINKS.search(text)
    if cut is not None:
        end = start + cut.start()
    if len(body[start:end].split()) < 3:
        return None
    return start, end


def tweet_statements(ctx: ArticleContext) -> list[Statement]:
    """One direct statement per embedded post whose signature names a known speaker."""
    rows = []
    body = ctx.body
    for match in SIGNATURE.finditer(body):
        span = _post_above(body, match.start())
        if span is None:
            continue
        name_start, name_end = match.span("name")
        signers = [
            m
            for m in ctx.mentions_in(name_start, name_end)
            if actor_kind(ctx, m.actor_id) in _SPEAKER_KINDS
        ]
        if signers:
            speaker = (voice_of(ctx, signers[0].actor_id), signers[0].text)
        else:  # a journalist the tagger missed: the written name, as a transcript label gives it
            name = _LABEL_BEFORE_NAME.sub("", match.group("name")).strip()
            speaker = resolve_name(ctx, name, name_start, name_end, people_of(ctx))
        if speaker is None:
            continue
        rows.append(_make(ctx, speaker, span[0], span[1], True, "tweet"))
    return rows


def with_tweets(ctx: ArticleContext, statements: list[Statement]) -> list[Statement]:
    """The statements, each embedded post's text given to its signer: a row the sentence rules
    found inside a post is replaced by the post's own row."""
    tweets = tweet_statements(ctx)
    if not tweets:
        return statements
    kept = [
        s
        for s in statements
        if not any(t.char_start <= s.char_start and s.char_end <= t.char_end for t in tweets)
    ]
    return sorted([*kept, *tweets], key=lambda s: s.char_start)
