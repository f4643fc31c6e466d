"""Acts typed `other` by cues of `etl/rules/event_types.txt` that need a look at the parse.

Sanctions put in place ("placed new sanctions on Syria on Friday", "decided to impose targeted
restrictive measures") are an `other` event of their date (events11, issue 9: real_dev5 hq01,
real_dev8 ht11, real_dev9 hu11). The cue's noun must be what is imposed, the head of its own
phrase: "placed the sanctions question on the agenda" imposes no sanctions.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

_ACT_NOUNS = frozenset({"sanction", "sanctions", "measure", "measures"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


def modifier_noun_cue(tokens: Sequence[Token]) -> bool:
    """True when the cue's sanctions noun only modifies another noun ("the sanctions question")."""
    return any(
        t.lower_ in _ACT_NOUNS and t.dep_ in _MODIFIER_DEPS and t.head.pos_ in {"NOUN", "PROPN"}
        for t in tokens
    )
