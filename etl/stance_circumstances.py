"""Acts named as circumstances are nobody's here: "pledged sanctions in response to an attack on
Ukraine", "condemned Russia after the invasion of Ukraine" - the attack or invasion is not the
act of the clause's subject (Canada did not attack Ukraine), so a nominal cue in such a phrase
takes no source from the clause. `_StanceFinder._nominal` asks `is_circumstance` before it
falls back on the clause's subject.
"""

from __future__ import annotations

from spacy.tokens import Token

# Prepositions that set an event off as the occasion of the clause, not its content.
_OCCASION = {"after", "amid", "following", "despite", "since", "before"}
# Nouns whose "to" phrase names an occasion: "in response to", "in reaction to".
_RESPONSE = {"response", "reaction", "reply", "retaliation"}


def is_circumstance(noun: Token) -> bool:
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    if prep.lower_ in _OCCASION:
        return True
    return prep.lower_ in ("to", "for") and prep.head.lemma_.lower() in _RESPONSE
