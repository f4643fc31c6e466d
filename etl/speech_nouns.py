"""Speech carried by nouns and by unusual constructions rather than by a plain "X said".

- "according to the statement / communiqué / letter ...": the document's author speaks, that is
  the speaker of the statement reported just before it in the article;
- "As X reported, ..." / "as X noted": the verb needs no clause of its own after "as";
- "a video shows the envoy saying ...": whoever "saying" describes is the speaker.
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
