"""Blocs acting as subjects: "The grouping of about a dozen countries, including Canada, Brazil and
Chile, recognizes ..." is the act of the bloc the article named before ("the Lima Group") and of
the members the phrase lists. `_StanceFinder.agents` calls `bloc_agents` when a subject names no
actor itself.

Cue words are the `[bloc noun]` section of `etl/rules/stance_cues.txt`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder

# Prepositions that list a bloc's members inside its phrase ("including Canada", "such as Peru").
_MEMBER_PREPOSITIONS = {"including", "like"}


def _previous_body(finder: _StanceFinder, noun: Token) -> str | None:
    """The last intergovernmental body named before `noun` in the article."""
    for mention in reversed(finder.ctx.mentions_in(0, noun.idx)):
        actor = finder.ctx.actors.get(mention.actor_id)
        if actor is not None and actor.kind == "intergovernmental" and mention.how != "pronoun":
            return actor.actor_id
    return None


def listed_members(finder: _StanceFinder, noun: Token) -> list[str]:
    """Actors listed as members anywhere in the bloc's phrase: "including Canada, Brazil and
    Chile", "such as Peru"."""
    heads = []
    for token in noun.subtree:
        if token.dep_ != "prep":
            continue
        listing = token.lower_ in _MEMBER_PREPOSITIONS or (
            token.lower_ == "as" and any(c.lower_ == "such" for c in token.children)
        )
        if listing:
            heads.extend(c for c in token.children if c.dep_ == "pobj")
    tokens = [t for h in heads for t in (h, *finder._conjuncts(h)) for t in finder.phrase(t)]
    return finder.actors_of(tokens)


def bloc_agents(finder: _StanceFinder, subject: Token) -> list[str]:
    """The bloc a definite bloc noun stands for, and the members its phrase lists."""
    if subject.pos_ != "NOUN" or not finder.cues.has("bloc noun", subject):
        return []
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subject.children):
        return []
    found = []
    body = _previous_body(finder, subject)
    if body is not None:
        found.append(body)
    found += [m for m in listed_members(finder, subject) if m not in found]
    return found


def listed_agents(finder: _StanceFinder, subject: Token) -> list[str]:
    """ "Countries including the UK, Japan and Turkey expressed support for ...", "Several
    governments, such as Canada and Peru, condemned ...": a plural common noun of other parties
    (`[other parties]`) that names no actor itself acts through the members it lists, each of
    them. Only its own listing counts (a child of the noun, or set off by commas between the noun
    and its verb), not a name deeper in a clause of the phrase."""
    if subject.pos_ != "NOUN" or subject.tag_ != "NNS":
        return []
    if not finder.cues.has("other parties", subject):
        return []
    verb = subject.head
    preps = [c for c in subject.children if c.dep_ == "prep"]
    preps += [c for c in verb.children if c.dep_ == "prep" and subject.i < c.i < verb.i]
    heads = []
    for prep in preps:
        if prep.lower_ in _MEMBER_PREPOSITIONS or (
            prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)
        ):
            heads.extend(c for c in prep.children if c.dep_ == "pobj")
    tokens = [t for h in heads for c in (h, *finder._conjuncts(h)) for t in finder.phrase(c)]
    return finder.actors_of(tokens)
