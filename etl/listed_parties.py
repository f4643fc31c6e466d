"""Speakers the parse hides: parties listed together, and a person named inside a title.

`etl.joint_speakers` gives each party coordinated as a subject its own row ("Russia, Iran and
Turkey said"). The parser often loses such a list: it reads "The United States, Britain, and
France voted ..., stating" as an apposition with a conjunct, hangs "Tehran, Moscow and Ankara
reaffirmed ..." on the phrase before them and leaves the verb with no subject, and hides the
parties of "The governments of Germany and Hungary have said" in an "of" phrase. The helpers
here read those lists back. A title phrase with its holder's name inside it ("said U.S.
Ambassador to the U.N. Linda Thomas-Greenfield", "said US Ambassador to Jordan, Alice G.
Wells") is that person speaking, not the title.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from etl.context import ArticleContext
from etl.types import Mention

# Kinds of actor that speak for themselves (joint statements use the same list).
PARTY_KINDS = frozenset(
    {"country", "government", "organisation", "organization", "armed_group", "person"}
)
# Plural nouns whose "of" phrase names the parties that speak: "the governments of Germany and
# Hungary", "the foreign ministers of Russia, Iran and Turkey".
_PARTY_NOUNS = {
    "government",
    "leader",
    "minister",
    "delegation",
    "president",
    "representative",
    "envoy",
    "ambassador",
}
# Only a comma, "and" or both between two names of a list; nothing but space before the verb.
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)$")
_LIST_GAP_FULL = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")


def _kind(ctx: ArticleContext, actor_id: str) -> str | None:
    actor = ctx.actors.get(actor_id)
    return actor.kind if actor else None


def _one_kind(ctx: ArticleContext, found: list[str]) -> list[str]:
    """The parties, when there are two or more and all of one kind a party can be."""
    kinds = {_kind(ctx, a) for a in found}
    if len(found) < 2 or len(kinds) != 1 or not kinds <= PARTY_KINDS:
        return []
    return found


def _actor_of(ctx: ArticleContext, token: Token) -> str | None:
    """The actor a list item names: a mention ending on the token (its head word)."""
    for mention in ctx.mentions_in(token.left_edge.idx, token.idx + len(token)):
        if mention.char_end >= token.idx and mention.how != "pronoun":
            return mention.actor_id
    return None


def _chain(token: Token) -> list[Token]:
    out: list[Token] = []
    stack = [c for c in token.children if c.dep_ == "conj"]
    while stack:
        conj = stack.pop(0)
        out.append(conj)
        stack.extend(c for c in conj.children if c.dep_ == "conj")
    return out


_DOCUMENT_NOUNS = {"statement", "communique", "communiqué", "declaration", "readout", "letter"}


def _only_names_a_document(verb: Token) -> bool:
    """ "issued a statement for the media": the verb says that words were given, not what they
    were (no clause, and its object a document noun that nothing describes); no row to copy."""
    if any(c.dep_ in ("ccomp", "xcomp", "advcl") for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and all(
        o.lemma_.lower() in _DOCUMENT_NOUNS
        and not any(d.dep_ in ("acl", "relcl", "ccomp") for d in o.children)
        for o in objects
    )


def listed_subject(ctx: ArticleContext, subject: Token | None) -> list[str]:
    """The parties a subject lists where the parse hid the list: "The United States, Britain,
    and France" read as an apposition that has conjuncts, or a plural party noun with an "of"
    list ("The governments of Germany and Hungary"). Empty when it names fewer than two."""
    if subject is None or _only_names_a_document(subject.head):
        return []
    for appos in (c for c in subject.children if c.dep_ == "appos"):
        conjuncts = _chain(appos)
        if not conjuncts:
            continue  # "Russia's envoy, Vassily Nebenzia": a name and its title, no list
        found = [_actor_of(ctx, t) for t in [subject, appos, *conjuncts]]
        if None not in found:
            return _one_kind(ctx, list(dict.fromkeys(found)))
    if subject.tag_ == "NNS" and subject.lemma_.lower() in _PARTY_NOUNS:
        for prep in (c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                items = [pobj, *_chain(pobj)]
                found = [_actor_of(ctx, t) for t in items]
                if len(items) >= 2 and None not in found:
                    return _one_kind(ctx, list(dict.fromkeys(found)))
    return []


def listed_before_verb(ctx: ArticleContext, verb: Token) -> list[str]:
    """A verb the parser left without a subject, right after a list of names ("..., Tehran,
    Moscow and Ankara reaffirmed"): the listed parties, joined only by commas and "and" and
    written right before the verb."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or _only_names_a_document(verb):
        return []
    start = ctx.sentence_at(verb.idx).start_char
    mentions = [m for m in ctx.mentions_in(start, verb.idx) if m.how != "pronoun"]
    if not mentions or ctx.body[mentions[-1].char_end : verb.idx].strip():
        return []
    run = [mentions[-1]]
    for mention in reversed(mentions[:-1]):
        gap = ctx.body[mention.char_end : run[0].char_start]
        if not _LIST_GAP_FULL.fullmatch(gap):
            break
        run.insert(0, mention)
    if len(run) < 2 or not any(
        "and" in ctx.body[a.char_end : b.char_start] for a, b in zip(run, run[1:], strict=False)
    ):
        return []  # a list ends on "and"; "Russia, Iran reaffirmed" is no list
    before = ctx.body[start : run[0].char_start].rstrip()
    if before and not before.endswith(","):
        return []  # "talks between Russia and Iran reaffirmed": the names are in a phrase
    return _one_kind(ctx, list(dict.fromkeys(m.actor_id for m in run)))


_NOT_HOLDER = {"of", "for", "from", "by", "with", "against", "on", "about"}

# People around a person, who do not speak for them: "Critics of Prime Minister Boris Johnson
# said" is the critics, not Johnson (a title is different: "a spokesman for X" speaks for X).
_AROUND = {
    "critic", "opponent", "supporter", "ally", "rival", "detractor", "foe", "enemy", "loyalist",
    "follower", "sympathiser", "sympathizer", "partisan", "fan", "admirer", "adversary",
    "relative", "neighbour", "neighbor", "victim", "accuser", "challenger",
}  # fmt: skip


def around_someone(subject: Token) -> bool:
    """ "Critics of Prime Minister Jane Doe", "Allies of the president": people around the one
    their "of" phrase names (a bare "the allies said" may still refer back to named parties)."""
    if subject.lemma_.lower() not in _AROUND and subject.lower_.rstrip("s") not in _AROUND:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children)


def holder_in_title(ctx: ArticleContext, subject: Token, mentions: list[Mention]) -> Mention | None:
    """A person named inside a title phrase that is the subject ("U.S. Ambassador to the U.N.
    Linda Thomas-Greenfield", "US Ambassador to Jordan, Alice G. Wells"): the holder of the
    title. Not a person the title is of or for ("the envoy of Jane Doe"), nor a possessor."""
    if subject.pos_ not in ("PROPN", "NOUN") or any(
        m.char_start <= subject.idx < m.char_end for m in mentions
    ):
        return None
    if around_someone(subject):
        return None  # "Opponents of President Jane Doe said": not the person they oppose
    start = subject.left_edge.idx
    clause = {t.i for c in subject.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    tokens = [t for t in subject.subtree if t.i not in clause]
    end = tokens[-1].idx + len(tokens[-1])
    for mention in mentions:
        if not (start <= mention.char_start and mention.char_end <= end):
            continue
        if _kind(ctx, mention.actor_id) != "person" or mention.char_start < subject.idx:
            continue
        if ctx.body[mention.char_end : mention.char_end + 2] in ("'s", "\u2019s"):
            continue
        word_before = ctx.body[: mention.char_start].split()[-1:] or [""]
        if word_before[0].lower() in _NOT_HOLDER:
            continue
        return mention
    return None
