"""A ministry named by the place it serves: "the health ministry in Hamas-run Gaza said",
"according to the Ministry of Health (MoH) in Gaza", "The Health Ministry in Hamas-ruled Gaza
on Tuesday said". The speaker is the body the gazetteer knows as "<place> <field> Ministry"
(the Gaza Health Ministry), not the place's ruler the phrase names on the way ("Hamas-run") nor a
body discovered as a bare "Health Ministry"; later sentences that speak of "the ministry" (a
ministry statement, "with the Ministry reporting") go on with it. Nothing changes when the
gazetteer has no such body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from etl.context import ArticleContext
from etl.statement_rows import _respeak
from etl.types import Statement

_BODY_IN_PLACE = re.compile(
    r"\b(?:(?P<field>[A-Za-z]+)\s+[Mm]inistry|[Mm]inistry\s+of\s+(?P<field2>[A-Za-z]+))"
    r"(?:\s+\([A-Za-z]+\))?\s+in\s+(?:[\w'\u2019-]+-(?:run|ruled|controlled|held)\s+)?"
    r"(?P<place>[A-Z][\w'\u2019-]+)"
)
_MINISTRY = re.compile(r"\b[Mm]inistry\b")
_NOT_FIELDS = {"the", "a", "its", "their", "his", "her", "this", "that"}


def _normal(name: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", name.lower().replace("'s ", " ")))


def _named_body(ctx: ArticleContext, place: str, field: str) -> str | None:
    wanted = {
        _normal(f"{place} {field} Ministry"),
        _normal(f"{place} Ministry of {field}"),
    }
    for actor_id, actor in ctx.actors.items():
        if any(_normal(n) in wanted for n in (actor.name, *actor.aliases) if n):
            return actor_id
    return None


def _weak_speaker(
    ctx: ArticleContext, statement: Statement, start: int, end: int, stand_ins: set[str]
) -> bool:
    """The speaker the sentence rules gave is none, a name inside the body's phrase (the ruler
    of the place, the place) or standing in for it, or a bare ministry."""
    if statement.speaker_id is None or statement.speaker_id in stand_ins:
        return True
    if any(
        m.actor_id == statement.speaker_id and _MINISTRY.search(m.text)
        for m in ctx.mentions_in(start, end)
    ):
        return True  # "the Ministry" taken for the country
    actor = ctx.actors.get(statement.speaker_id)
    return actor is not None and actor.source == "discovered" and bool(_MINISTRY.search(actor.name))


def with_place_bodies(ctx: ArticleContext, statements: Sequence[Statement]) -> list[Statement]:
    out: list[Statement] = []
    body: str | None = None  # the place's ministry once named
    stand_ins: set[str] = set()  # the names inside its phrase ("Hamas-run Gaza")
    for statement in statements:
        sent = ctx.sentence_at(statement.char_start)
        start, end = sent.start_char, max(sent.end_char, statement.char_end)
        text = ctx.body[start:end]
        found = None
        for match in _BODY_IN_PLACE.finditer(text):
            field = match.group("field") or match.group("field2")
            if field.lower() in _NOT_FIELDS:
                continue
            found = _named_body(ctx, match.group("place"), field)
            if found is None:
                continue
            inside = {
                m.actor_id for m in ctx.mentions_in(start + match.start(), start + match.end())
            }
            if _weak_speaker(ctx, statement, start, end, inside):
                statement = _respeak(ctx, statement, found)
            body, stand_ins = found, inside
            break
        if found is None and _own_ministry(ctx, statement.speaker_id):
            body, stand_ins = statement.speaker_id, set()  # "The Gaza Health Ministry said"
        elif (
            found is None
            and body is not None
            and not statement.is_direct
            and _MINISTRY.search(text)
            and statement.speaker_id != body
            and _weak_speaker(ctx, statement, start, end, stand_ins)
        ):
            statement = _respeak(ctx, statement, body)  # "a ministry statement said"
        out.append(statement)
    return out


def _own_ministry(ctx: ArticleContext, actor_id: str | None) -> bool:
    """A ministry the gazetteer knows that speaks for itself, not for a country."""
    actor = ctx.actors.get(actor_id) if actor_id else None
    return (
        actor is not None
        and actor.source != "discovered"
        and actor.kind in ("organization", "organisation")
        and not actor.country_id
        and bool(_MINISTRY.search(actor.name))
    )
