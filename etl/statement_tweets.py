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
_LINK = re.compile(r"(?:https?://|pic\.twitter\.com/)\S+$")
# "Archive: Ambassador Jane Doe": a label the page puts before the signer's name.
_LABEL_BEFORE_NAME = re.compile(r"^[^:]{1,20}:\s*")
# "Photo: Jane Doe", "Video credit: …": a label that credits a picture or a clip to its maker.
_CREDIT_LABEL = re.compile(
    r"^(?:photo|photograph|picture|image|video|footage|graphic|map|credit|source|via)s?"
    r"(?:\s+(?:credit|by|courtesy))?\s*:",
    re.I,
)
_SPEAKER_KINDS = {"person", "government", "organization", "intergovernmental", "country"}


def _without_trailing_links(text: str) -> int:
    """Where the text ends once the links it closes on are cut, read word by word from the end
    (one pattern over a run of links backtracks in time quadratic in its length)."""
    end = len(text.rstrip())
    while end > 0:
        word_start = max(text.rfind(c, 0, end) for c in " \t\n") + 1
        link = _LINK.search(text, word_start, end)  # "… today.https://t.co/x" too
        if link is None or link.end() != end:
            break
        end = len(text[: link.start()].rstrip())
    return end


def _post_above(body: str, line_start: int) -> tuple[int, int] | None:
    """The span of the paragraph just above the signature line, its trailing links cut."""
    end = len(body[:line_start].rstrip())
    if end == 0:
        return None
    start = body.rfind("\n", 0, end) + 1
    end = start + _without_trailing_links(body[start:end])
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
        if _CREDIT_LABEL.match(match.group("name").strip()):
            continue  # "— Photo: Jane Doe (@janedoe) Date": a credit for a picture, not a post
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
