"""Acts typed `other` by cues of `etl/rules/event_types.txt` that need a look at the parse.

Sanctions put in place ("placed new sanctions on Syria on Friday", "decided to impose targeted
restrictive measures") are an `other` event of their date (events11, issue 9: real_dev5 hq01,
real_dev8 ht11, real_dev9 hu11). The cue's noun must be what is imposed, the head of its own
phrase: "placed the sanctions question on the agenda" imposes no sanctions. And it must be what
the cue's verb puts in place, its object (or, passive, its subject): "applied for a waiver from
U.S. sanctions", "introduced legislation to tighten sanctions", "introduced rationing as
sanctions bit" impose none.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

_ACT_NOUNS = frozenset({"sanction", "sanctions", "measure", "measures"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
# the verbs of the "<verb> ... sanctions" cues (rules/event_types.txt)
_IMPOSING_VERBS = frozenset({"place", "impose", "apply", "introduce", "slap"})
# prepositions a sanctions noun may hang on and still be what is imposed: "a new round of
# sanctions", "placed the bank under sanctions"
_IMPOSED_PREPS = frozenset({"of", "under"})


def modifier_noun_cue(tokens: Sequence[Token]) -> bool:
    """True when the cue's sanctions noun only modifies another noun ("the sanctions question")."""
    return any(
        t.lower_ in _ACT_NOUNS and t.dep_ in _MODIFIER_DEPS and t.head.pos_ in {"NOUN", "PROPN"}
        for t in tokens
    )


def act_noun_not_imposed(tokens: Sequence[Token]) -> bool:
    """True when the cue's verb does not put its sanctions noun in place: the noun is the object
    of another verb ("introduced legislation to tighten sanctions"), of a preposition
    ("applied for a waiver from sanctions") or the subject of another clause ("introduced
    rationing as sanctions bit")."""
    verbs = [t for t in tokens if t.lemma_.lower() in _IMPOSING_VERBS]
    nouns = [t for t in tokens if t.lower_ in _ACT_NOUNS]
    if not verbs or not nouns:
        return False
    return not any(_imposed_by(noun, verb) for noun in nouns for verb in verbs)


def _imposed_by(noun: Token, verb: Token) -> bool:
    """The noun is what `verb` imposes: its object or passive subject, directly or through
    "and", "of" or "under" ("travel bans and sanctions", "a round of sanctions")."""
    token = noun
    for _ in range(6):
        if token.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and token.head.i == verb.i:
            return True
        if token.dep_ == "conj" or token.dep_ == "appos":
            token = token.head
        elif token.dep_ == "pobj" and token.head.lower_ in _IMPOSED_PREPS:
            if token.head.head.i == verb.i:
                return True  # "placed the bank under sanctions"
            token = token.head.head
        else:
            return False
    return False
