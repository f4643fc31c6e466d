"""Relief sent with no recipient named: the country the story is about receives it.

"Egypt, Turkey, the UAE and Qatar have flown in search and rescue teams", "Germany and Italy have
offered tents", "Kenya has pledged 1,000 police officers": a dispatch verb (`[dispatch
supportive]` or `[pledge]` in `etl/rules/stance_cues.txt`) whose object names relief (`[relief]`:
aid, rescuers, medics, police - not troops or weapons, which a story about a war may send against
its country) and that names no recipient ("to ...", "into ...", "for ...") is support for the
country the story names most so far as a place or recipient (not as the one acting). A dispatch someone is only asked or expected to make, a
negated one, or one by the story's own country yields nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder

_RECIPIENT_PREPOSITIONS = {"to", "into", "for", "toward", "towards", "in", "across", "from"}
_SENDERS = {"country", "intergovernmental", "government", "organization"}


def _dispatching(finder: _StanceFinder, verb: Token) -> bool:
    return any(
        finder.cues.has(section, verb) for section, _ in finder.cues.polarity_sections("dispatch")
    ) or finder.cues.has("pledge", verb)


def unaddressed_relief(finder: _StanceFinder, verb: Token, edge: Any) -> Iterator[Any]:
    if verb.pos_ != "VERB" or not _dispatching(finder, verb):
        return
    if finder._demanded(verb) or finder.has_modal(verb) or finder.negated(verb):
        return
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    particle = None
    if not objects:
        # "have flown in rescue teams": the particle read as a preposition.
        particle = next(
            (
                c
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ == "in" and c.i == verb.i + 1
            ),
            None,
        )
        objects = [c for c in particle.children if c.dep_ == "pobj"] if particle else []
    if not objects or not any(finder.cues.has("relief", t) for o in objects for t in o.subtree):
        return
    carriers = [verb, *objects]
    if any(
        c.dep_ in ("prep", "dative")
        and c.lower_ in _RECIPIENT_PREPOSITIONS
        and (particle is None or c.i != particle.i)
        for carrier in carriers
        for c in carrier.children
    ):
        return  # a recipient or place is named: the dispatch rule decides
    sources = [
        s
        for s in finder.agents(verb) or []
        if (actor := finder.ctx.actors.get(s)) is not None and actor.kind in _SENDERS
    ]
    home = _stricken_country(finder, verb, {finder.side(s) for s in sources})
    if home is None:
        return
    sources = [s for s in sources if finder.side(s) != home]
    if sources:
        yield edge(tuple(sources), (home,), "supportive", verb)


def _stricken_country(finder: _StanceFinder, verb: Token, senders: set[str]) -> str | None:
    """The country the story so far names most as a place or recipient ("floods in eastern
    Libya", "police for Haiti"), not as the one acting: mentions heading a clause's subject
    ("Kenya said ...", "Egypt's army sent ...") are the helpers, not the helped."""
    doc = finder.ctx.doc
    counts: dict[str, list[int]] = {}
    for mention in finder.ctx.mentions_in(0, verb.idx):
        actor = finder.ctx.actors.get(mention.actor_id)
        if actor is None or actor.kind != "country" or actor.actor_id in senders:
            continue
        span = doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        while head.dep_ in ("compound", "amod", "poss", "nmod") and head.head.i != head.i:
            head = head.head
        if head.dep_ in ("nsubj", "nsubjpass"):
            continue
        seen = counts.setdefault(actor.actor_id, [0, 0])
        seen[0] += 1
        seen[1] = mention.char_start
    if not counts:
        return None
    return max(counts, key=lambda a: (counts[a][0], counts[a][1]))
