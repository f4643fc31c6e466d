"""Speech carried by nouns and by unusual constructions rather than by a plain "X said".

- "according to the statement / communiqué / letter ...": the document's author speaks, that is
  the speaker of the statement reported just before it in the article;
- "As X reported, ..." / "as X noted": the verb needs no clause of its own after "as";
- "a video shows the envoy saying ...": whoever "saying" describes is the speaker;
- "Canada 'deeply' disappointed after ...", "Norway is alarmed by ...", "The UN continues to
  remain gravely concerned by ...": an actor declaring a feeling about events (a headline or a
  sentence) has said so.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

_ACCORDING_TO_DOCUMENT = re.compile(
    r"\baccording to (?:the|their|its|his|her|that|this) (?:joint |official |written |same )?"
    r"(?:statement|communiqu[eé]|declaration|letter|release|press release|readout|transcript|"
    r"text|report|post|tweet|message|speech|remarks)\b",
    re.I,
)
_WINDOW = 1500  # the document's author is reported this close before


def described_speaker(verb: Token) -> Token | None:
    """For 'the envoy saying ...' (a participle describing a noun), the noun."""
    if verb.lemma_.lower() != "say" or verb.tag_ != "VBG" or verb.dep_ != "acl":
        return None
    head = verb.head
    return head if head.pos_ in ("NOUN", "PROPN") else None


# Feelings an actor declares in public; the adverb may be quoted ("Canada 'deeply' disappointed").
SPEECH_ADJECTIVE = re.compile(
    r"\s*(?:(?:continues|continue|continued)\s+to\s+(?:be|remain)\s+|"
    r"(?:is|was|are|were|remains|remain)\s+)?"
    r"(?:[\u2018\u2019'\"\u201c]?(?:deeply|very|extremely|gravely|greatly|profoundly|"
    r"seriously|particularly|\w+ly)[\u2018\u2019'\"\u201d]?\s+)?"
    r"(disappointed|concerned|alarmed|outraged|dismayed|saddened|appalled|troubled|"
    r"shocked|horrified|angered|worried)\b(?:\s+(?:by|at|over|about|after|that|with)\b)",
    re.I,
)
