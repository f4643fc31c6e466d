"""Acting at someone's request (issue 9: policy acts stated as facts; missed on real_dev, real_dev8,
real_dev9 and the written hold-out): "Russia is acting at the request of the Syrian President
Bashar Assad", "Russia, at the request of the Syrian government, investigated that case", "We are
going at the request of the Haitian people" - the one who acts `supportive` of the one who asked.

The act is the verb the phrase hangs on, its doer that verb's agents (the speaker for "we"). A
negated or asked-for act ("did not act at the request of", "urged Russia to act at ...") and
a request the doer made itself are none; "at the invitation of" is left alone (a visit made on an
invitation is contact, not support).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder

REQUEST_NOUNS = {"request", "behest"}
_PREPOSITIONS = {"at", "upon", "on"}


def acted_on_request(finder: _StanceFinder, noun: Token, edge: Any) -> Iterator[Any]:
    """ "acting at the request of X", "at X's request": the actor supportive of X."""
    if noun.lemma_.lower() not in REQUEST_NOUNS or noun.dep_ != "pobj":
        return
    prep = noun.head
    verb = prep.head
    if verb.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("PROPN", "NOUN"):
        verb = verb.head  # "Russia, at the request of ..., investigated": hung on the subject
    if prep.lower_ not in _PREPOSITIONS or verb.pos_ not in ("VERB", "AUX"):
        return
    if finder.unrealised(verb):
        return  # "would act at the request of Syria if asked": not done
    askers = [c for c in noun.children if c.dep_ == "poss"]
    askers += finder.prep_objects(noun, {"of", "from", "by"})
    targets = finder.actors_of([t for a in askers for t in finder.phrase(a, deep=False)])
    sources = finder.agents(verb) or []
    targets = [t for t in targets if not any(finder.same_side(s, t) for s in sources)]
    if sources and targets:
        yield edge(tuple(sources), tuple(dict.fromkeys(targets)), "supportive", noun)
