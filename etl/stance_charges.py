"""A speaker's charge against a doer, told in the speaker's own words (issue 9, stances13b; pooled
misses over real_dev … real_dev11 whose source is the statement's speaker, not named in the
sentence): the deed is told, the doer named, and the one who tells it is the critic.

- conduct judged: a judging adjective on a conduct noun whose doer its "of" / "by" phrase or its
  possessor names ("the appalling actions of the Syrian regime", "the abhorrent actions of Assad",
  "Russia's reprehensible conduct") is the teller's `critical` stance toward the doer (real_dev6
  hr04, real_dev7 hs01). Only conduct nouns: "the illegal occupation of Crimea" names the victim
  after "of", not the doer.
- relief obstructed: a subject that blocks, prevents or obstructs aid, convoys, aid workers,
  patients or humanitarian access ("the Assad regime prevented UN aid workers to accompany an aid
  convoy", "Israel is still blocking 16,000 patients from travelling") is the teller's `critical`
  target (real_dev7 hs10, real_dev9 hu23).
- own people struck: a hostility verb whose object is the doer's own people ("the regime continues
  to bomb its own people") is the teller's charge against the doer; the hostility rule reads the
  possessive as the target and so dropped it as the doer's own side.

The teller is the subject of the nearest reporting verb above, else the speaker of the statement
the words are in (`reporter`): narration with no teller gives nothing, and so do a negated,
modal, planned or asked-for deed ("must not block aid", "urged Israel not to block convoys") and
a question ("Is the government still blocking aid convoys?", a host's in an interview).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

from etl.stance_cuebook import _PASSIVE_SUBJECTS

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder

_OWNER_PREPOSITIONS = {"of", "by"}


def conduct_judged(finder: _StanceFinder, noun: Token, edge: Any) -> Iterator[Any]:
    """ "the appalling actions of the Syrian regime": the teller critical of the doer."""
    if noun.pos_ != "NOUN" or not finder.cues.has("conduct noun", noun) or _asked(noun):
        return
    judging = [
        c
        for c in noun.children
        if c.dep_ == "amod" and finder.cues.has("conduct verdict", c) and not finder.negated(c)
    ]
    if not judging:
        return
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += finder.prep_objects(noun, _OWNER_PREPOSITIONS)
    doers = finder.actors_of([t for o in owners for t in finder.phrase(o, deep=False)])
    tellers = finder.reporter(noun) if doers else []
    doers = [d for d in doers if not any(finder.same_side(t, d) for t in tellers)]
    if doers and tellers:
        yield edge(tuple(tellers), tuple(doers), "critical", noun)


def relief_obstructed(finder: _StanceFinder, verb: Token, edge: Any) -> Iterator[Any]:
    """ "the Assad regime prevented UN aid workers ...": the teller critical of the subject."""
    if verb.pos_ != "VERB" or not finder.cues.has("obstructing", verb) or _asked(verb):
        return
    if finder.unrealised(verb) or any(c.dep_ in _PASSIVE_SUBJECTS for c in verb.children):
        return  # "must not block aid", "convoys were blocked" (the passive doer is unnamed)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # "blocking thousands of patients", "the delivery of aid": the count's or the act's "of"
    objects += [o for d in list(objects) for o in finder.prep_objects(d, {"of"})]
    if not any(
        finder.cues.has("relief object", t) for o in objects for t in finder.phrase(o, deep=False)
    ):
        return
    yield from _charge(finder, verb, edge)


def own_people_struck(finder: _StanceFinder, verb: Token, edge: Any) -> Iterator[Any]:
    """ "the regime continues to bomb its own people": the teller critical of the subject."""
    if verb.pos_ != "VERB" or not finder.cues.has("hostility critical", verb) or _asked(verb):
        return
    if finder.unrealised(verb):
        return
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not any(
        finder.cues.has("protected", o)
        and any(
            c.dep_ == "poss"
            and c.tag_ == "PRP$"
            and any(a.dep_ == "amod" and a.lower_ == "own" for a in o.children)
            for c in o.children
        )
        for o in objects
    ):
        return
    yield from _charge(finder, verb, edge)


def _asked(token: Token) -> bool:
    """A question charges no one: "Is the government still blocking aid convoys?" (a host's or
    a reporter's question, or a member's in a debate)."""
    return any(t.text == "?" for t in token.doc[token.i : token.sent.end])


def _charge(finder: _StanceFinder, verb: Token, edge: Any) -> Iterator[Any]:
    """The teller of `verb` critical of its named doers (never of itself)."""
    subject, passive = finder.subject_of(verb)
    if subject is None or passive or subject.lower_ in ("we", "i", "us"):
        return
    doers = finder.agents(verb) or []
    tellers = finder.reporter(verb) if doers else []
    doers = [d for d in doers if not any(finder.same_side(t, d) for t in tellers)]
    if doers and tellers:
        yield edge(tuple(tellers), tuple(doers), "critical", verb)
