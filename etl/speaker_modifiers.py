"""Names that only describe a speaker's phrase and do not speak.

A nationality adjective speaks for its country when the phrase is the state's voice ("Russian
officials said", "Syrian state TV reported"), not when it only describes a person, a thing or a
named outlet ("Afghan pop star describes", "Palestinian estimates say", "32 Russian aircraft",
"Polish state news agency PAP reported"). A place in "X-based" says where a body sits
("according to the Britain-based watchdog"), never who speaks. The words that make a phrase the
state's voice are in rules/state_voices.txt.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from etl.context import ArticleContext
from etl.types import Mention

_RULES = Path(__file__).parent / "rules" / "state_voices.txt"


@lru_cache(maxsize=1)
def state_voices() -> frozenset[str]:
    """Lemmas that make a phrase described by a nationality speak for the state."""
    lines = _RULES.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def _is_demonym(ctx: ArticleContext, mention: Mention) -> Token | None:
    """The mention's one token when it is a nationality adjective ("Russian", "Polish")."""
    span = ctx.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return None
    token = span[0]
    if mention.how == "demonym" or (token.pos_ == "ADJ" and token.ent_type_ == "NORP"):
        return token
    return None


def _based_in(ctx: ArticleContext, mention: Mention) -> bool:
    """ "the Britain-based watchdog", "a London based group": the place where a body sits."""
    after = ctx.body[mention.char_end : mention.char_end + 7].lower()
    return after.startswith("-based") or after.startswith(" based")


def _speaks_for_state(head: Token) -> bool:
    """The phrase headed by `head` is the state's voice: its head or a modifier is listed."""
    words = [head, *(c for c in head.children if c.dep_ in ("compound", "amod", "nmod"))]
    voices = state_voices()
    return any(w.lemma_.lower() in voices or w.lower_ in voices for w in words)


def describing_only(ctx: ArticleContext, head: Token, mentions: list[Mention]) -> list[Mention]:
    """The mentions of a speaker's phrase headed by `head` less those that only describe it: a
    place before "-based", and a nationality adjective when the thing or the name (not a
    person's) heading the phrase is no voice of the state ("state news agency PAP")."""
    kept = []
    for mention in mentions:
        if _based_in(ctx, mention):
            continue
        token = _is_demonym(ctx, mention)
        if token is not None and token.i != head.i:
            described = head.pos_ == "NOUN" or (head.pos_ == "PROPN" and head.ent_type_ != "PERSON")
            if described and not _speaks_for_state(head):
                continue
        kept.append(mention)
    return kept
