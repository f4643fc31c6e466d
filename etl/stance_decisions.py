"""A decision named as a noun with its maker (round of stances15, pooled over real_dev …
real_dev12: the largest class of missed edges with both ends in one sentence that one rule reaches):
"We welcome the decision today by Austria, Denmark, … to recognize Juan Guaido", "a push by Saudi
Arabia to suspend …", "Germany's decision to send aid to Ukraine".

- The maker of the decision takes the stance of the decided act toward its object: "the decision
  by Austria … to recognize Juan Guaido" is Austria `supportive` of Guaido. The decided act must
  be an act cue ("recognize", "support", "condemn"...), done, not negated.
  Welcomed or condemned, the decision is taken as done, even inside the words of a third party.
- Whoever welcomes, praises, condemns or deplores a decision "by" its maker takes that stance
  toward the maker ("We welcome the decision by Austria" - supportive of Austria); a possessor or
  an "of" phrase is the act cue's own target already (`etl.stance_acts`).

The parser often hangs the maker's "by" phrase and the decided "to" clause on the verb that takes
the noun ("welcome [the decision] [today] [by Austria …] [to recognize …]"): an active verb whose
object is a decision noun has no "by" of its own, so that phrase and that clause are the noun's.
A decision still to come ("would welcome a decision by X to …") or negated gives nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder

DECISION_NOUNS = {"decision", "move", "step", "push", "bid", "choice", "initiative"}
_ACT_SECTIONS = ("act supportive", "act critical")


def _to_clauses(head: Token, deps: tuple[str, ...]) -> list[Token]:
    return [
        c
        for c in head.children
        if c.dep_ in deps
        and c.pos_ == "VERB"
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]


def _act_polarity(finder: _StanceFinder, verb: Token) -> str | None:
    for section in _ACT_SECTIONS:
        if finder.cues.has(section, verb):
            return section.partition(" ")[2]
    return None


def decided_acts(finder: _StanceFinder, noun: Token, edge: Any) -> Iterator[Any]:
    """ "welcome the decision by X to recognize Y": X toward Y as the act says, and the one who
    welcomes (or condemns) it toward X."""
    if noun.lemma_.lower() not in DECISION_NOUNS or finder.negated(noun):
        return
    verb = noun.head if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" else None
    if verb is not None and finder.unrealised(verb):
        return  # "would welcome a decision by X": none made yet
    by_phrase = finder.prep_objects(noun, {"by"})
    decided = _to_clauses(noun, ("acl", "relcl"))
    if verb is not None and not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        # "welcome the decision today by Austria … to recognize …": hung on the verb
        if not by_phrase:
            by_phrase = [
                o
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ == "by" and c.i > noun.i
                for o in c.children
                if o.dep_ == "pobj"
            ]
        if not decided:
            decided = [c for c in _to_clauses(verb, ("advcl", "xcomp")) if c.i > noun.i]
    makers = finder.actors_of(t for o in by_phrase for t in finder.phrase(o, deep=False))
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += [o for o in finder.prep_objects(noun, {"of"}) if o.pos_ == "PROPN"]
    makers += finder.actors_of(t for o in owners for t in finder.phrase(o, deep=False))
    makers = list(dict.fromkeys(makers))
    if not makers:
        return
    # Welcoming or condemning a decision takes it as done, in whoever's words that is said: the
    # maker's act is no claim of the speaker's ("We welcome the decision by Austria to ...").
    judged = verb is not None and _act_polarity(finder, verb) is not None
    for act in decided:
        polarity = _act_polarity(finder, act)
        if polarity is None or finder.negated(act):
            continue
        objects = [c for c in act.children if c.dep_ == "dobj"]
        targets = finder.actors_of(
            (t for o in objects for t in finder.phrase(o, deep=False)), as_target=True
        )
        targets = [t for t in targets if not any(finder.same_side(m, t) for m in makers)]
        if targets:
            yield edge(tuple(makers), tuple(dict.fromkeys(targets)), polarity, act, context=judged)
    if verb is None or not by_phrase:
        return
    polarity = _act_polarity(finder, verb)
    by_makers = finder.actors_of(t for o in by_phrase for t in finder.phrase(o, deep=False))
    sources = finder.agents(verb) or []
    by_makers = [m for m in by_makers if not any(finder.same_side(s, m) for s in sources)]
    if polarity is not None and sources and by_makers:
        yield edge(tuple(sources), tuple(dict.fromkeys(by_makers)), polarity, verb)
