"""Speakers given as examples of a group: "Countries including the UK, Japan and Turkey
expressed support", "Many countries, including Bahrain and Cuba, spoke in support of",
"Western governments such as France and Germany said".

The subject is a plural word for a kind of party ("countries", "governments", "donors") and
the parties that spoke are the ones it lists after "including", "such as" or "like"; the
parser hangs them on a participle ("including" is a verb to it), so the subject rules, which
skip names inside a clause of the subject, find nobody. Each listed party gets a row
(`etl.joint_speakers`), as GOLD.md names a statement by its speaker.
"""

from __future__ import annotations

from spacy.tokens import Token

from etl.context import ArticleContext
from etl.types import Mention

# Plural words for the kind of party that speaks (not "people", "refugees", "cities").
_GROUP_WORDS = {
    "country",
    "nation",
    "state",
    "government",
    "member",
    "ally",
    "donor",
    "power",
    "partner",
    "organisation",
    "organization",
    "agency",
    "group",
    "party",
}
_EXAMPLE_WORDS = {"including", "like", "notably"}


def listed_examples(subject: Token) -> list[Token]:
    """The parties a plural group subject lists as its examples, in order (none if it lists
    none): the object of "including", "such as", "like" and that object's conjuncts."""
    if subject.tag_ not in ("NNS", "NNPS") or subject.lemma_.lower() not in _GROUP_WORDS:
        return []
    for child in subject.children:
        if child.dep_ not in ("prep", "acl", "amod"):
            continue
        word = child.lower_
        such_as = word == "as" and (
            any(t.lower_ == "such" for t in child.lefts)
            or (child.i > 0 and child.doc[child.i - 1].lower_ == "such")
        )
        if word not in _EXAMPLE_WORDS and not such_as:
            continue
        first = next((c for c in child.children if c.dep_ in ("pobj", "dobj")), None)
        if first is None:
            continue
        found = [first]
        stack = [c for c in first.children if c.dep_ == "conj"]
        while stack:
            conj = stack.pop(0)
            found.append(conj)
            stack.extend(c for c in conj.children if c.dep_ == "conj")
        return sorted(found, key=lambda t: t.i)
    return []


def example_mentions(ctx: ArticleContext, subject: Token) -> list[Mention]:
    """The mentions of the parties a group subject lists ("Countries including the UK and
    Japan"), the first listed first; none when it lists no named party."""
    found: list[Mention] = []
    for token in listed_examples(subject):
        start = token.left_edge.idx
        nested = [c for c in token.children if c.dep_ in ("conj", "cc", "punct")]
        end = token.idx + len(token)
        if not nested:
            end = token.right_edge.idx + len(token.right_edge)
        for mention in ctx.mentions_in(start, end):
            if mention.char_end >= token.idx and mention not in found:
                found.append(mention)
    return found
