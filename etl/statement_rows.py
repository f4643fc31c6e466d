"""A statement row from a speaker and a span: its trimmed text, id and date.

The date is the day the words were spoken: a date in the sentence that can be that day, else
the publication date.
"""

from __future__ import annotations

from dataclasses import replace

from etl.context import ArticleContext
from etl.types import Statement, stable_id


def _respeak(
    ctx: ArticleContext, statement: Statement, speaker_id: str, speaker_text: str | None = None
) -> Statement:
    return replace(
        statement,
        speaker_id=speaker_id,
        speaker_text=speaker_text or ctx.name_of(speaker_id) or speaker_id,
    )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    # A closing quote glued to the next sentence ('accountable.”She thanked') is not its text.
    while start < end and (text[start].isspace() or text[start] == "\u201d"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _make(
    ctx: ArticleContext,
    speaker: tuple[str | None, str],
    start: int,
    end: int,
    is_direct: bool,
    cue: str | None,
) -> Statement:
    start, end = _trim(ctx.body, start, end)
    quote = ctx.body[start:end]
    when, precision = _statement_date(ctx, start, end)
    return Statement(
        statement_id=stable_id(ctx.article.article_id, start, end),
        article_id=ctx.article.article_id,
        speaker_id=speaker[0],
        speaker_text=speaker[1],
        quote=quote,
        is_direct=is_direct,
        statement_date=when,
        char_start=start,
        char_end=end,
        date_precision=precision,
        cue=cue,
    )


# A date led by one of these words tells a period the words speak about ("have fled since 2011",
# "until 2020", "during 2015"), not the day the words were spoken.
_PERIOD_LEADS = frozenset(
    "since until till through throughout during over from between by before after for".split()
)


def _after(day, published) -> bool:
    """Whether `day` falls after the period `published` stands for (its day, month or year)."""
    if published.precision == "year":
        return day.year > published.value.year
    if published.precision == "month":
        return (day.year, day.month) > (published.value.year, published.value.month)
    return day > published.value


def _statement_date(ctx: ArticleContext, start: int, end: int):
    """The day the words were spoken: a date in the statement's sentence that can be that day,
    else the publication date.

    A date in the sentence dates the statement only when it could be the day of speaking: not
    led by a word that makes it a period ("since 2011", "until 2020"), not after publication,
    and, when the publication date is known, more precise than a bare year ("in 2015" in a 2016
    article is what the words are about)."""
    from etl.types import PartialDate

    sent = ctx.sentence_at(start)
    published = (
        PartialDate(ctx.article.published_date, ctx.article.published_precision or "day")
        if ctx.article.published_date
        else None
    )
    from etl.dates import find_dates

    text = ctx.body[sent.start_char : sent.end_char]
    for mention in find_dates(text, published, offset=sent.start_char):
        before = ctx.body[sent.start_char : mention.char_start].split()
        if before and before[-1].lower().strip("(,") in _PERIOD_LEADS:
            continue
        if published is not None and (
            mention.value.precision == "year" or _after(mention.value.value, published)
        ):
            continue
        return mention.value.value, mention.value.precision
    if published is not None:
        return published.value, published.precision
    return None, None
