"""A deed named bare, judged after its doer was told (round of stances16b): "The United States
struck an air base on Friday. Russia criticised the strikes", "Russia vetoed the draft. Canada
condemned the veto".

The object of a critical or supportive act cue that is a definite deed noun ("the strikes", "the
attack", "the veto", "the offensive") with no doer of its own in the sentence stands for the same
deed told just before: the nearest earlier word of the same deed (noun or verb) in the cue's
sentence or the three before it. Its doer is the target - the subject of the verb ("X struck",
"X launched the strikes"), the noun's owner ("X's veto", "Russian airstrikes") or its "by"
phrase. A telling that names no doer ("nine were killed in the strike against the airfield") is
passed over for the one before it; no further back than that window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder

# The deeds a bare noun can point back at, each with the words (nouns and verbs) that tell it.
_FAMILIES = {
    "strike": {"strike", "airstrike", "air-strike"},
    "attack": {"attack"},
    "bombing": {"bombing", "bombardment", "bomb", "bombard"},
    "shelling": {"shelling", "shell"},
    "raid": {"raid"},
    "assault": {"assault"},
    "offensive": {"offensive"},
    "incursion": {"incursion"},
    "veto": {"veto"},
}
_FAMILY_OF = {word: family for family, words in _FAMILIES.items() for word in words}
# Verbs that carry out a deed named as their object ("launched strikes", "carried out a raid").
_CARRYING = {"launch", "carry", "conduct", "cast", "use", "mount", "begin", "start", "stage"}
_REACH = 3  # sentences looked back
_WORDS = 5  # words a sentence has to count


def _family(token: Token) -> str | None:
    return _FAMILY_OF.get(token.lemma_.lower()) or _FAMILY_OF.get(token.lower_)


def _bare(finder: _StanceFinder, noun: Token) -> bool:
    """ "the strikes", "the missile strikes", "this veto": definite, no owner, no "by" phrase."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return False
    for child in noun.children:
        if child.dep_ in ("poss", "acl", "relcl"):
            return False
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from", "against", "on"):
            return False
        if child.dep_ in ("amod", "compound", "nmod") and finder.mention_at(child) is not None:
            return False
    return True


def _doers_of(finder: _StanceFinder, token: Token) -> list[str]:
    """Who did the deed `token` tells: a verb's subject, a noun's owner or "by" phrase, or the
    subject of the verb that carries the noun out."""
    if token.pos_ == "VERB":
        subject, passive = finder.subject_of(token)
        if passive:
            by = finder.prep_objects(token, {"by"})
            subject = by[0] if by else None
        if subject is None or subject.pos_ == "PRON":
            return []
        return finder.actors_of(finder.phrase(subject, deep=False))
    owners = [
        c for c in token.children if c.dep_ in ("poss", "amod", "compound", "nmod")
    ] + finder.prep_objects(token, {"by"})
    doers = finder.actors_of(t for o in owners for t in finder.phrase(o, deep=False))
    if doers:
        return doers
    verb = token.head
    if token.dep_ == "dobj" and verb.pos_ == "VERB" and verb.lemma_.lower() in _CARRYING:
        subject, passive = finder.subject_of(verb)
        if subject is not None and not passive and subject.pos_ != "PRON":
            return finder.actors_of(finder.phrase(subject, deep=False))
    return []


def deed_doers(finder: _StanceFinder, noun: Token) -> list[str]:
    """The doers of the deed a bare deed noun points back at, or [] (see the module docstring)."""
    family = _family(noun) if noun.pos_ == "NOUN" else None
    if family is None or not _bare(finder, noun):
        return []
    doc = noun.doc
    start = noun.sent.start
    counted = 0
    while start > 0 and counted < _REACH:
        start = doc[start - 1].sent.start
        # a bullet or a heading cut off as a sentence of its own does not count
        counted += sum(t.is_alpha for t in doc[start].sent) >= _WORDS
    for token in reversed(doc[start : noun.i]):
        if token.pos_ not in ("NOUN", "VERB") or _family(token) != family:
            continue
        if token.pos_ == "NOUN" and _bare(finder, token):
            continue  # "the strikes" told again: look further back for who struck
        doers = _doers_of(finder, token)
        if doers:
            return doers
    return []
