"""Referrals to a court or council: "Canada referred the abuses in Venezuela to the International
Criminal Court", "France referred Syria to the Security Council" - the referring side critical of
the actor whose conduct is referred (named anywhere in the object, the place of the abuses too).
`_StanceFinder.edges` calls `referrals` on every verb.

Cue words are sections of `etl/rules/stance_cues.txt`: `[referral]` (the verbs) and `[referral
body]` (the last word of a court or council's name, for bodies outside the gazetteer).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder


def _is_body(finder: _StanceFinder, head: Token) -> bool:
    for token in finder.phrase(head, deep=False):
        mention = finder.mention_at(token)
        actor = finder.ctx.actors.get(mention.actor_id) if mention is not None else None
        if actor is not None and actor.kind == "intergovernmental":
            return True
    return finder.cues.has("referral body", head)


def referrals(finder: _StanceFinder, verb: Token, edge: Any) -> Iterator[Any]:
    if verb.pos_ != "VERB" or not finder.cues.has("referral", verb) or finder._demanded(verb):
        return
    bodies = [b for b in finder.prep_objects(verb, {"to"}) if _is_body(finder, b)]
    if not bodies:
        return
    referred = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    body_actors = set(finder.actors_of(t for b in bodies for t in finder.phrase(b, deep=False)))
    targets = [
        a
        for a in finder.actors_of([t for r in referred for t in r.subtree], as_target=True)
        if a not in body_actors
    ]
    if not targets:
        return
    sources = finder.reporter(verb) if finder.has_modal(verb) else finder.agents(verb)
    sources = [s for s in sources or () if s not in targets]
    if sources:
        yield edge(tuple(sources), tuple(targets), "critical", verb)
