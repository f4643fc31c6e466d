"""Speech carried by nouns and by unusual constructions rather than by a plain "X said".

- "according to the statement / communiqué / letter ...": the document's author speaks, that is
  the speaker of the statement reported just before it in the article;
- "As X reported, ..." / "as X noted": the verb needs no clause of its own after "as";
- "a video shows the envoy saying ...": whoever "saying" describes is the speaker.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from spacy.tokens import Token

from etl.context import ArticleContext
from etl.types import Statement

_ACCORDING_TO_DOCUMENT = re.compile(
    r"\baccording to (?:the|their|its|his|her|that|this) (?:joint |official |written |same )?"
    r"(?:statement|communiqu[eé]|declaration|letter|release|press release|readout|transcript|"
    r"text|report|post|tweet|message|speech|remarks)\b",
    re.I,
)
_WINDOW = 1500  # the document's author is reported this close before


def as_clause(token: Token) -> bool:
    """'As the broadcaster reported, ...': a reporting verb introduced by "as" needs no clause."""
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)


def described_speaker(verb: Token) -> Token | None:
    """For 'the envoy saying ...' (a participle describing a noun), the noun."""
    if verb.lemma_.lower() != "say" or verb.tag_ != "VBG" or verb.dep_ != "acl":
        return None
    head = verb.head
    return head if head.pos_ in ("NOUN", "PROPN") else None


def according_to_documents(
    ctx: ArticleContext,
    statements: list[Statement],
    make: Callable[..., Statement],
) -> list[Statement]:
    """Sentences sourced 'according to the statement' become statements of its author."""
    found = list(_ACCORDING_TO_DOCUMENT.finditer(ctx.body))
    if not found or not statements:
        return statements
    starts = [s.char_start for s in statements]
    added: list[Statement] = []
    for match in found:
        sent = ctx.sentence_at(match.start())
        i = bisect.bisect_left(starts, sent.start_char)
        if i < len(statements) and statements[i].char_start < sent.end_char:
            continue  # the sentence is already a statement
        if i == 0 or sent.start_char - statements[i - 1].char_end > _WINDOW:
            continue
        author = statements[i - 1]
        added.append(
            make(
                ctx,
                (author.speaker_id, author.speaker_text),
                sent.start_char,
                sent.end_char,
                False,
                "according to",
            )
        )
    if not added:
        return statements
    return sorted(statements + added, key=lambda s: (s.char_start, s.char_end))
