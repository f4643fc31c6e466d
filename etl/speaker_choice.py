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
# ", the deputy chair of the foreign affairs committee, " between a name and its verb.
_APPOSITION = re.compile(
    r"^\s*,\s*(?:(?:the|a|an|[A-Z][\w-]+(?:'s|’s))\s[^,;:\"“”()]{3,160}"
    r"|(?:Minister|Secretary|Ambassador|Envoy|Director|President|Chair|Head|Spokes\w+)"
    r"\s[^,;:\"“”()]{3,120}),"
    r"\s*(?:(?:also|today|yesterday|tonight|earlier|later|on \w+)\s+)*$"
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
    "head",
}
_LOOK_BACK = 3000  # characters searched back for the holder of a title
_TITLE_WINDOW = 80  # the title is written this close to the name


def person_before_verb(
    ctx: ArticleContext, verb: Token, *, subjectless: bool = False
) -> Mention | None:
    """The person whose name ends right before the reporting verb, if any. For a verb the
    parser left without a subject (`subjectless`), the name counts even where the parse hangs
    it in another clause."""
    start = ctx.sentence_at(verb.idx).start_char
    people = [
        m
        for m in ctx.mentions_in(start, verb.idx)
        if _is_person(ctx, m.actor_id) and m.how in ("name", "surname", "alias")
    ]
    if not people:
        return None
    last = people[-1]
    between = ctx.body[last.char_end : verb.idx]
    if _APPOSITION.match(between):
        # "Jane Doe, the deputy chair of the committee, urged": a name and its title right
        # before the verb speak, however the parser hung them (a run-in heading before them
        # can make them look like part of another clause)
        return last
    if not _BETWEEN.match(between):
        return None
    return None if not subjectless and _in_clause(ctx, last, verb) else last


def _in_clause(ctx: ArticleContext, mention: Mention, verb: Token) -> bool:
    """'The RSF, led by General X, also welcomed': X sits in a clause of the subject."""
    span = ctx.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    while node.head.i != node.i and node.i != verb.i:
        node = node.head
        if node.i != verb.i and node.pos_ in ("VERB", "AUX"):
            return True
    return False


def title_holder(
    ctx: ArticleContext, subject: Token, mentions: list[Mention]
) -> tuple[str, str] | None:
    """For a subject that is only a title ("the minister", "Canada's foreign minister"), the
    person named with that title before it, else after it (a headline names them later); a
    country in the subject must be that person's country."""
    if subject.lower_ not in _TITLES or any(_is_person(ctx, m.actor_id) for m in mentions):
        return None
    # Only the subject of the sentence's own verb: in a clause after "but" the row's span is
    # read from the first clause ("Officials said ..., but the head of the UN refugee agency
    # told Reuters ...", real_dev7), which the holder must not be given
    own_clause = subject.head.dep_ == "ROOT"
    member = (
        member_of_named_body(ctx, mentions)
        if own_clause and _bare_title(subject, mentions)
        else None
    )
    if member is not None:  # "The head of Lebanon's Hezbollah movement urged"
        return member
    countries = {ctx.country_of(m.actor_id) or m.actor_id for m in mentions}
    if not countries and not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        return None
    return holder_of_title(ctx, subject.idx, subject.lower_, countries)


def _bare_title(subject: Token, mentions: list[Mention]) -> bool:
    """The title has no word of its own beside the body's name: "the UN chief", "the head of
    Hezbollah", not "the UN refugee chief" or "the former head of ..." (another office)."""

    def named(token: Token) -> bool:
        return any(m.char_start <= token.idx < m.char_end for m in mentions)

    for child in subject.children:
        if child.dep_ in ("amod", "compound", "nmod") and not named(child):
            return False
        if child.dep_ == "prep":  # "the head of the UN mission in Libya" heads the mission
            if child.lower_ != "of":
                return False
            for obj in (g for g in child.children if g.dep_ == "pobj"):
                if not named(obj) and obj.lemma_.lower() not in _BODY_WORDS:
                    return False
    return True


# Nouns that only say what a named body is: "the head of Lebanon's Hezbollah movement".
_BODY_WORDS = {"movement", "group", "organisation", "organization", "militia", "party"}


_MEMBER_BODY_KINDS = {"organisation", "organization", "armed_group", "party", "intergovernmental"}


def member_of_named_body(ctx: ArticleContext, mentions: list[Mention]) -> tuple[str, str] | None:
    """A title of a named organisation ("the head of Lebanon's Hezbollah movement", "the
    group's leader") is held by the one person the page names who belongs to that organisation
    (the gazetteer gives it as their body); a person merely of the organisation's country is no
    holder. None when no person or more than one on the page belongs to it."""
    bodies = {
        m.actor_id
        for m in mentions
        if (actor := ctx.actors.get(m.actor_id)) is not None and actor.kind in _MEMBER_BODY_KINDS
    }
    if not bodies:
        return None
    members = {
        m.actor_id
        for m in ctx.mentions
        if (actor := ctx.actors.get(m.actor_id)) is not None
        and actor.kind == "person"
        and actor.country_id in bodies
    }
    if len(members) != 1:
        return None
    (actor_id,) = members
    return actor_id, ctx.name_of(actor_id) or actor_id


def holder_of_title(
    ctx: ArticleContext, near: int, title: str, countries: set[str | None]
) -> tuple[str, str] | None:
    """The person named with `title` (and of one of `countries`, if any) nearest before
    `near`, else after it; else the one person of those countries named near it."""
    here = bisect.bisect_left(ctx.mentions, near, key=lambda m: m.char_start)
    backward = range(here - 1, -1, -1)
    forward = range(here, len(ctx.mentions))
    for order in (backward, forward):
        for i in order:
            mention = ctx.mentions[i]
            if abs(mention.char_start - near) > _LOOK_BACK:
                break
            if _holds(ctx, mention, title, countries):
                return mention.actor_id, ctx.name_of(mention.actor_id) or mention.text
    return _only_person_of(ctx, near, countries)


def _only_person_of(
    ctx: ArticleContext, near: int, countries: set[str | None]
) -> tuple[str, str] | None:
    """ "Head of Sudan's Armed Forces says" with the title written nowhere else: the one person
    of that country named near it, if there is exactly one."""
    if not countries or None in countries:
        return None
    lo = bisect.bisect_left(ctx.mentions, near - _LOOK_BACK, key=lambda m: m.char_start)
    hi = bisect.bisect_right(ctx.mentions, near + _LOOK_BACK, key=lambda m: m.char_start)
    people = {
        m.actor_id
        for m in ctx.mentions[lo:hi]
        if _is_person(ctx, m.actor_id) and ctx.country_of(m.actor_id) in countries
    }
    if len(people) != 1:
        return None
    (actor_id,) = people
    return actor_id, ctx.name_of(actor_id) or actor_id


def _holds(ctx: ArticleContext, mention: Mention, title: str, countries: set[str | None]) -> bool:
    if not _is_person(ctx, mention.actor_id) or mention.how == "pronoun":
        return False
    if countries and ctx.country_of(mention.actor_id) not in countries:
        return False
    window = ctx.body[
        max(0, mention.char_start - _TITLE_WINDOW) : mention.char_end + _TITLE_WINDOW
    ].lower()
    return bool(re.search(rf"\b{re.escape(title)}\b", window))


def _quoting_verb(verb: Token) -> Token | None:
    """For the "saying" of "quoted (X) as saying", the verb "quoted"; None for any other verb."""
    if verb.lemma_.lower() != "say":
        return None
    head = verb.head
    if head.lower_ == "as" and head.head.i != head.i:
        head = head.head
    if head.i == verb.i or head.lemma_.lower() != "quote":
        return None
    return head


def quoted_speaker(verb: Token) -> Token | None:
    """For the "saying" of "quoted (X) as saying", the quoted one: the passive subject or object."""
    head = _quoting_verb(verb)
    if head is None:
        return None
    return next((c for c in head.children if c.dep_ in ("nsubjpass", "dobj")), None)


def quoting_subject(verb: Token) -> Token | None:
    """For the "saying" of "X quoted (someone) as saying", the one who quotes: X, the subject
    of "quoted" in the active voice."""
    head = _quoting_verb(verb)
    if head is None:
        return None
    return next((c for c in head.children if c.dep_ == "nsubj"), None)


def _is_person(ctx: ArticleContext, actor_id: str) -> bool:
    actor = ctx.actors.get(actor_id)
    return actor is not None and actor.kind == "person"


def described_holder(ctx: ArticleContext, subject: Token) -> tuple[str, str] | None:
    """For a subject that only describes someone ("stranded teacher says", "the surgeon
    said"), the person the article introduces with that noun: "X, an English teacher in
    Aleppo," or "teacher X", before the subject or after it (a headline names them later)."""
    if subject.pos_ != "NOUN" or subject.tag_ != "NN" or subject.lower_ in _TITLES:
        return None
    if any(c.dep_ == "det" and c.lower_ not in ("the", "this") for c in subject.children):
        return None  # "a teacher said": someone not named
    noun = re.escape(subject.lower_)
    after = re.compile(rf",\s+(?:a|an|the)\b[^.;,]{{0,60}}?\b{noun}\b", re.I)
    before = re.compile(rf"\b{noun}\s+$", re.I)
    here = bisect.bisect_left(ctx.mentions, subject.idx, key=lambda m: m.char_start)
    for order in (range(here - 1, -1, -1), range(here, len(ctx.mentions))):
        for i in order:
            mention = ctx.mentions[i]
            if abs(mention.char_start - subject.idx) > _LOOK_BACK:
                break
            if not _is_person(ctx, mention.actor_id) or mention.how == "pronoun":
                continue
            text = ctx.body
            if after.match(text, mention.char_end, mention.char_end + 90) or before.search(
                text[max(0, mention.char_start - 40) : mention.char_start]
            ):
                return mention.actor_id, ctx.name_of(mention.actor_id) or mention.text
    return None


def title_in(text: str) -> str | None:
    """The first title word of a phrase ("Head of Sudan's Armed Forces" -> "head")."""
    for word in re.findall(r"[A-Za-z]+", text):
        if word.lower() in _TITLES:
            return word.lower()
    return None
