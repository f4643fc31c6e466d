"""Who speaks in a reporting clause when its subject is more than one name, or only a title.

- A person named right before the verb is the speaker, whatever the phrase before their name
  ("Burhan's special envoy, Jane Doe, said", "French representative to the UN, Jean Roe said"):
  a possessive or a nationality before the name only describes them.
- "X was quoted as saying", "The agency quoted X as saying": X speaks, not the one quoting.
- A title standing alone ("The Minister said", "the senator is again appealing") carries on the
  person of that title named last before it ("the Honourable Jane Doe, Minister of ...").
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Token

from etl.context import ArticleContext
from etl.types import Mention

# Words allowed between a name and its verb: ", Jane Doe, has also said".
_BETWEEN = re.compile(
    r"^[\s,]*(?:(?:has|have|had|also|earlier|later|then|again|previously|once|would|will|"
    r"had|on \w+)[\s,]+)*$",
    re.I,
)
_TITLES = {
    "minister",
    "secretary",
    "senator",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "president",
    "premier",
    "chancellor",
    "commissioner",
    "director",
    "governor",
    "mayor",
    "diplomat",
    "representative",
    "coordinator",
    "general",
    "chief",
    "leader",
    "mediator",
    "negotiator",
    "king",
    "queen",
    "emir",
    "prince",
    "pope",
}
_LOOK_BACK = 3000  # characters searched back for the holder of a title
_TITLE_WINDOW = 80  # the title is written this close to the name


def person_before_verb(ctx: ArticleContext, verb: Token) -> Mention | None:
    """The person whose name ends right before the reporting verb, if any."""
    start = ctx.sentence_at(verb.idx).start_char
    people = [
        m
        for m in ctx.mentions_in(start, verb.idx)
        if _is_person(ctx, m.actor_id) and m.how in ("name", "surname", "alias")
    ]
    if not people:
        return None
    last = people[-1]
    return last if _BETWEEN.match(ctx.body[last.char_end : verb.idx]) else None


def title_holder(ctx: ArticleContext, subject: Token) -> tuple[str, str] | None:
    """For a subject that is only a title ("the minister"), the person last named with it."""
    if subject.lower_ not in _TITLES or not any(
        c.dep_ == "det" and c.lower_ == "the" for c in subject.children
    ):
        return None
    i = bisect.bisect_left(ctx.mentions, subject.idx, key=lambda m: m.char_start) - 1
    floor = subject.idx - _LOOK_BACK
    while i >= 0 and ctx.mentions[i].char_start >= floor:
        mention = ctx.mentions[i]
        i -= 1
        if not _is_person(ctx, mention.actor_id):
            continue
        window = ctx.body[
            max(0, mention.char_start - _TITLE_WINDOW) : mention.char_end + _TITLE_WINDOW
        ].lower()
        if re.search(rf"\b{re.escape(subject.lower_)}\b", window):
            return mention.actor_id, ctx.name_of(mention.actor_id) or mention.text
    return None


def quoted_speaker(verb: Token) -> Token | None:
    """For the "saying" of "quoted (X) as saying", the quoted one: the passive subject or object."""
    if verb.lemma_.lower() != "say":
        return None
    head = verb.head
    if head.lower_ == "as" and head.head.i != head.i:
        head = head.head
    if head.i == verb.i or head.lemma_.lower() != "quote":
        return None
    return next((c for c in head.children if c.dep_ in ("nsubjpass", "dobj")), None)


def _is_person(ctx: ArticleContext, actor_id: str) -> bool:
    actor = ctx.actors.get(actor_id)
    return actor is not None and actor.kind == "person"
