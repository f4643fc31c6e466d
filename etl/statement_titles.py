"""A body's officer speaking under a title: "said the UNHCR spokesperson", "the head of the UN
refugee agency told Reuters", "according to the agency's spokesman".

The attribution names a body and one of its offices ("the <body> spokesperson", "the <body>'s
envoy", "the head of <body>"); the mention resolution gives the row to the body. When the article
introduced a person in that office of that body before ("Jane Doe, a spokesperson for UNHCR",
"UNHCR spokesperson Jane Doe", "Jane Doe, the UN High Commissioner for Refugees" for its head),
the officer is that person: the nearest one so introduced before the statement. An office
nobody was introduced in ("a State Department spokesperson") stays the body's.
"""

from __future__ import annotations

import re
from dataclasses import replace

from etl.context import ArticleContext
from etl.turns import actor_kind
from etl.types import Statement

_OFFICES = (
    r"spokes(?:person|man|woman)|envoy|representative|coordinator|commissioner|director|"
    r"ambassador|secretary[- ]general|head|chief|leader"
)
_HEADS = {"head", "chief", "leader"}
# What follows the body's name in the attribution: "UNHCR spokesperson", "UNHCR's envoy".
_AFTER = re.compile(rf"^(?:['\u2019]s)?\s+(?P<office>{_OFFICES})\b", re.I)
# What precedes it: "the head of the UN refugee agency", "the spokesman for the agency".
_BEFORE = re.compile(
    rf"\bthe\s+(?P<office>{_OFFICES})\s+(?:of|for|at)\s+(?:the\s+)?$",
    re.I,
)
_LOOK_BACK = 3000  # characters searched back for the officer's introduction
_REACH = 160  # the attribution lies this close after a quote's end


def with_titled_officers(ctx: ArticleContext, statements: list[Statement]) -> list[Statement]:
    """The statements, each given by a body's office to the person the article introduced in
    that office."""
    return [_officer_row(ctx, s) for s in statements]


def _officer_row(ctx: ArticleContext, statement: Statement) -> Statement:
    body_id = statement.speaker_id
    if body_id is None or actor_kind(ctx, body_id) in ("person", None):
        return statement
    for mention, office in _office_mentions(ctx, statement, body_id):
        person = _introduced_officer(ctx, body_id, office.lower(), mention.char_start)
        if person is not None:
            return replace(statement, speaker_id=person, speaker_text=ctx.name_of(person) or person)
    return statement


def _office_mentions(ctx: ArticleContext, statement: Statement, body_id: str):
    """The mentions of the body that attribute the statement with an office of theirs."""
    sent = ctx.sentence_at(statement.char_start)
    start = min(sent.start_char, statement.char_start)
    end = max(sent.end_char, statement.char_end)
    if statement.is_direct:  # "“…,” said the UNHCR spokesperson."
        tail = ctx.body[statement.char_end : statement.char_end + _REACH]
        end = statement.char_end + len(tail.split("\n", 1)[0])
    for mention in ctx.mentions_in(start, end):
        if mention.actor_id != body_id or mention.text != statement.speaker_text:
            continue
        after = _AFTER.match(ctx.body[mention.char_end : mention.char_end + 40])
        before = _BEFORE.search(ctx.body[max(0, mention.char_start - 40) : mention.char_start])
        if after is not None and (
            after.group(0)[:1] in "'\u2019"
            or re.search(
                r"\bthe\s+$", ctx.body[max(0, mention.char_start - 6) : mention.char_start], re.I
            )
        ):
            yield mention, after.group("office")
        elif before is not None:
            yield mention, before.group("office")


def _introduced_officer(ctx: ArticleContext, body_id: str, office: str, near: int) -> str | None:
    """The person nearest before `near` whose introduction gives them `office` at the body."""
    names = _body_names(ctx, body_id)
    if not names:
        return None
    body = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    office_re = re.escape(office).replace(r"\ ", r"[\s-]").replace(r"\-", r"[\s-]")
    for mention in reversed(ctx.mentions_in(max(0, near - _LOOK_BACK), near)):
        if mention.how == "pronoun" or actor_kind(ctx, mention.actor_id) != "person":
            continue
        after = ctx.body[mention.char_end : mention.char_end + 120]
        before = ctx.body[max(0, mention.char_start - 80) : mention.char_start]
        # "Jane Doe, a spokesperson for UNHCR," / "Jane Doe, UNHCR's spokesperson"
        appositive = re.match(
            rf",\s+(?:(?:a|an|the)\s+)?[^,.;()]{{0,40}}?\b{office_re}\b[^,.;()]{{0,30}}?"
            rf"\b(?:for|of|at|with|to)\s+(?:the\s+)?(?:{body})\b"
            rf"|,\s+(?:the\s+)?(?:{body})(?:['\u2019]s)?\s+(?:[\w-]+\s+){{0,2}}?{office_re}\b",
            after,
            re.I,
        )
        # "UNHCR spokesperson Jane Doe"
        titled = re.search(
            rf"\b(?:{body})(?:['\u2019]s)?\s+(?:[\w-]+\s+){{0,2}}?{office_re},?\s+$", before, re.I
        )
        # "Jane Doe, the UN High Commissioner for Refugees": the head of the office so named
        # (or "The UN High Commissioner for Refugees, Jane Doe,")
        heads = office in _HEADS and (
            re.match(rf",\s+(?:the\s+)?(?:{body})\b", after, re.I)
            or re.search(rf"\b(?:{body}),\s+$", before, re.I)
        )
        if appositive or titled or heads:
            return mention.actor_id
    return None


def _body_names(ctx: ArticleContext, body_id: str) -> set[str]:
    actor = ctx.actors.get(body_id)
    names = {m.text for m in ctx.mentions if m.actor_id == body_id and m.how != "pronoun"}
    if actor is not None:
        names |= {actor.name, *actor.aliases}
    return {n for n in names if n and len(n) >= 2}
