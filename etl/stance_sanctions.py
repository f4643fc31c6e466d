"""Sanctions imposed, stated as facts (issue 9: policy acts with no speech verb; missed on
real_dev9 hu11/hu21 and real_dev10 hv13): "The European Union has extended the sanctions it has
imposed on the Syrian regime", "the Council decided to impose targeted restrictive measures on
recently appointed ministers in Syria", "New sanctions on four Venezuelan governors were announced
by the United States" - the imposer `critical` of the sanctioned party, or of the country whose
officials are named.

The measure is a `[sanction noun]` ("sanctions", "embargo") or a "measure" qualified by a
`[sanction measure]` adjective ("restrictive measures"); the act is the verb that takes it, which
must be one of `[sanction imposing]` ("impose", "extend", "renew", "announce" ...: lifting,
facing, evading or debating sanctions is no imposing), and whose agents impose it. The sanctioned
party is named in an "on" / "against" phrase of the noun, of that verb, or of a relative clause
on the noun ("the sanctions it has imposed on X"); officials sanctioned "in" a country ("ministers
in Syria") stand for it. A negated, modal, planned or asked-for act is none ("could impose",
"urged the EU to impose"). The cue book's `[nominal critical]` "sanction+on" already reads the
plain "imposed sanctions on Syria"; this rule reads the forms that one misses, and the two
yield the same edge where both fire.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder

_AIMED = {"on", "against"}
_SUBJECTS = {"nsubj", "nsubjpass"}


def _is_measure(finder: _StanceFinder, noun: Token) -> bool:
    if finder.cues.has("sanction noun", noun):
        return True
    return noun.lemma_.lower() == "measure" and any(
        c.dep_ in ("amod", "compound") and finder.cues.has("sanction measure", c)
        for c in noun.children
    )


def _imposing_verb(finder: _StanceFinder, noun: Token) -> Token | None:
    """The verb that takes the measure: its object ("extended the sanctions"), its passive
    subject ("were announced by"), or, for a measure named in a clause's object of a
    control verb ("decided to impose"), that verb."""
    head = noun.head
    if head.dep_ in ("acl", "relcl"):
        return None  # "a resolution imposing sanctions on Iran": a document's words, not an act
    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB":
        return head if finder.cues.has("sanction imposing", head) else None
    return None


def _sanctioned(finder: _StanceFinder, noun: Token, verb: Token) -> list[Token]:
    heads = finder.prep_objects(noun, _AIMED)
    if noun.dep_ == "dobj":
        heads += finder.prep_objects(verb, _AIMED)
    for clause in noun.children:
        # "the sanctions it has imposed on the Syrian regime", "sanctions imposed on Syria"
        if clause.dep_ in ("relcl", "acl") and finder.cues.has("sanction imposing", clause):
            heads += finder.prep_objects(clause, _AIMED)
    # "restrictive measures on recently appointed ministers in Syria": the officials' country.
    heads += [
        o
        for h in list(heads)
        if h.pos_ == "NOUN" and finder.cues.has("sanctioned official", h)
        for o in finder.prep_objects(h, {"in"})
    ]
    return heads


def imposed_measures(finder: _StanceFinder, noun: Token, edge: Any) -> Iterator[Any]:
    if noun.pos_ != "NOUN" or not _is_measure(finder, noun):
        return
    verb = _imposing_verb(finder, noun)
    if verb is None:
        return
    if finder.unrealised(verb):
        return  # "could impose sanctions", "urged the EU to impose sanctions": not done
    targets = finder.actors_of(
        [t for h in _sanctioned(finder, noun, verb) for t in finder.phrase(h)], as_target=True
    )
    if not targets:
        return
    subject, passive = finder.subject_of(verb)
    if passive:
        agents = finder.prep_objects(verb, {"by"})
        sources = finder.actors_of([t for a in agents for t in finder.phrase(a, deep=False)])
    elif subject is None or subject.pos_ == "PRON":
        return  # an imposer not named in the clause is not guessed
    else:
        sources = finder.agents(verb) or []
    sources = [s for s in sources if s not in targets]
    targets = [t for t in targets if not any(finder.same_side(s, t) for s in sources)]
    if sources and targets:
        yield edge(tuple(sources), tuple(dict.fromkeys(targets)), "critical", noun)
