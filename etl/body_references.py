"""A body named once and carried on by its head noun: "The Council urged all parties ...",
"Council members also emphasized ...", "members of the council voiced ..." after "the United
Nations Security Council" was named; "the commission said" after "the European Commission".

The subject is a definite common noun (or "members" of one) that ends the name of an
organisation or intergovernmental body the article named before, within a few paragraphs; the
speaker is that body, the latest one so named.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from etl.context import ArticleContext

_BODY_NOUNS = {
    "council",
    "commission",
    "committee",
    "agency",
    "organisation",
    "organization",
    "assembly",
    "parliament",
    "court",
    "tribunal",
    "bank",
    "fund",
    "programme",
    "program",
    "union",
    "league",
    "alliance",
    "coalition",
    "mission",
    "office",
    "ministry",
    "department",
}
_BODY_KINDS = {"organisation", "organization", "intergovernmental", "government", "armed_group"}
_REACH_CHARS = 2500  # how far back the body may have been named
_AHEAD_CHARS = 800  # how far ahead, when nothing before names it


def body_back_reference(ctx: ArticleContext, subject: Token) -> tuple[str | None, str] | None:
    """The body a subject like "The Council" or "Council members" points back at, if any."""
    noun = _body_noun(subject)
    if noun is None:
        return None
    before = reversed(ctx.mentions_in(max(0, subject.idx - _REACH_CHARS), subject.idx))
    # An opening "council members voiced ..." names the body in the next sentences.
    after = ctx.mentions_in(subject.idx + len(subject), subject.idx + _AHEAD_CHARS)
    for mention in [*before, *after]:
        actor = ctx.actors.get(mention.actor_id)
        if actor is None or actor.kind not in _BODY_KINDS:
            continue
        names = [actor.name, *actor.aliases, mention.text]
        if any(name.lower().split()[-1:] == [noun] for name in names if name):
            return actor.actor_id, actor.name
    return None


def _body_noun(subject: Token) -> str | None:
    """ "The Council" -> council; "Council members", "members of the council" -> council; a
    subject with a name or a possessor of its own ("the Syrian Council") points at nothing."""
    lemma = subject.lemma_.lower()
    children = list(subject.children)
    if lemma == "member":
        compound = [c for c in children if c.dep_ == "compound" and c.lower_ in _BODY_NOUNS]
        if compound:
            return compound[0].lower_
        for prep in (c for c in children if c.dep_ == "prep" and c.lower_ == "of"):
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.lower_ in _BODY_NOUNS and _definite(obj):
                return obj.lower_
        return None
    if lemma not in _BODY_NOUNS or not _definite(subject):
        return None
    return lemma


def _definite(noun: Token) -> bool:
    children = list(noun.children)
    if any(c.dep_ in ("compound", "amod", "poss", "nmod") for c in children):
        return False
    return any(c.lower_ == "the" for c in children) or noun.text[:1].isupper()


_GROUP_NOUNS = {"group", "organisation", "organization", "movement", "militia", "alliance"}
_GROUP_KINDS = {"organisation", "organization", "armed_group"}
# "the agency added" right after an agency spoke: a UN or aid agency, or a news agency.
_AGENCY_KINDS = {"organisation", "organization", "intergovernmental", "media"}


def group_carried_on(
    ctx: ArticleContext, subject: Token, resolved: str, last: tuple[str | None, str] | None
) -> tuple[str | None, str] | None:
    """ "the group questioned ..." right after a group spoke: that group, not another one the
    article named earlier ("Islamic State bombers ... the HNC said ... However, the group
    questioned"). Only a definite "the group" whose resolution differs from the last speaker, a
    group itself."""
    noun = subject.lemma_.lower()
    if last is None or noun not in (*_GROUP_NOUNS, "agency") or not _definite(subject):
        return None
    last_id = last[0]
    actor = ctx.actors.get(last_id) if last_id else None
    kinds = _AGENCY_KINDS if noun == "agency" else _GROUP_KINDS
    if actor is None or actor.kind not in kinds or last_id == resolved:
        return None
    return last


def acronym_speaker(ctx: ArticleContext, subject: Token) -> tuple[str | None, str] | None:
    """An acronym the tagger left without an actor ("the HNC said"): the named actor it was
    written after in parentheses ("the Higher Negotiation Committee (HNC)"), or whose name's
    initials it spells."""
    word = subject.text
    if not (2 <= len(word) <= 6 and word.isalpha() and word.isupper()):
        return None
    defined = re.search(rf"\(\s*{re.escape(word)}\s*\)", ctx.body)
    candidates = []
    if defined is not None:
        candidates = ctx.mentions_in(max(0, defined.start() - 120), defined.start())
        candidates = [m for m in candidates if ctx.body[m.char_end : defined.start()].strip() == ""]
    if not candidates:
        candidates = [
            m
            for m in ctx.mentions_in(0, subject.idx)
            if "".join(w[:1] for w in re.findall(r"[A-Z][\w'-]*", ctx.name_of(m.actor_id) or ""))
            == word
        ]
    if not candidates:
        return None
    actor_id = candidates[-1].actor_id
    return actor_id, ctx.name_of(actor_id) or word


def agency_of_parent(
    ctx: ArticleContext, subject: Token, resolved: str | None
) -> tuple[str | None, str] | None:
    """ "The agency added", "the UN agency noted" when the words were read as the parent body
    (the United Nations): an agency is one of the parent's own agencies, the latest named before
    (or, when none was, the first named just after: "the UN agency co-ordinating relief said ...
    The UN Office for ... (OCHA) said")."""
    noun = next(  # the parser may hang "the UN agency co-ordinating relief efforts" on "efforts"
        (
            t
            for t in (subject, *subject.children)
            if t.lemma_.lower() == "agency" and (t is subject or t.dep_ in ("nmod", "compound"))
        ),
        None,
    )
    if noun is None or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    if resolved is None or not any(a.country_id == resolved for a in ctx.actors.values()):
        return None  # resolved to an agency already, or to nothing with agencies
    before = reversed(ctx.mentions_in(max(0, subject.idx - _REACH_CHARS), subject.idx))
    after = ctx.mentions_in(subject.idx + len(subject), subject.idx + _AHEAD_CHARS)
    for mention in [*before, *after]:
        actor = ctx.actors.get(mention.actor_id)
        if actor is not None and actor.country_id == resolved and actor.kind == "intergovernmental":
            return actor.actor_id, actor.name
    return None
