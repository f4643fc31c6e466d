"""Forces fighting side by side (issue 9; real_dev9): "The Turkish Armed Forces, together with the
Syrian National Army, launched ...", "Government troops, alongside allied militias, are
repelling ..." - two armed parties acting together are each `supportive` of the other.

Both the subject and its companion must be armed: a force noun in their phrase ("forces",
"army", "troops", `_FORCE_WORDS`) or an armed group. Diplomats acting together ("France, together
with Germany, condemned ...") are co-agents of their act (`etl.stance_companions`), no alliance.
A negated, modal or demanded act is none.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

from etl.stance_companions import _companion_heads

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder

_FORCE_WORDS = {
    "force", "forces", "army", "troops", "military", "militia", "militias", "fighters",
    "soldiers", "rebels", "units", "brigade", "brigades", "battalion", "battalions",
}  # fmt: skip


def _armed(finder: _StanceFinder, tokens: list[Token], actors: list[str]) -> bool:
    if any(t.lower_ in _FORCE_WORDS for t in tokens):
        return True
    return any(getattr(finder.ctx.actors.get(a), "kind", None) == "armed_group" for a in actors)


def comrades(finder: _StanceFinder, verb: Token, edge: Any) -> Iterator[Any]:
    if verb.pos_ not in ("VERB", "AUX"):
        return
    subject, passive = finder.subject_of(verb)
    if subject is None or passive or subject.head.i != verb.i:
        return
    heads = _companion_heads(subject)
    if not heads:
        return
    if finder.negated(verb) or finder.has_modal(verb) or finder._demanded(verb):
        return
    own = finder.phrase(subject, deep=False)
    sides = finder.actors_of(own)
    partner_tokens = [
        t for h in heads for c in (h, *finder._conjuncts(h)) for t in finder.phrase(c, deep=False)
    ]
    partners = [a for a in finder.actors_of(partner_tokens) if a not in sides]
    if not sides or not partners:
        return
    if not _armed(finder, own, sides) or not _armed(finder, partner_tokens, partners):
        return
    for side in sides:
        for partner in partners:
            if finder.same_side(side, partner):
                continue
            yield edge((side,), (partner,), "supportive", verb)
            yield edge((partner,), (side,), "supportive", verb)
