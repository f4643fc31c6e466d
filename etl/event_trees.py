"""Parse-tree helpers shared by the event modules (`etl.events`): a token's clause verb, its
depth and distance in the tree, the verb that governs it, the noun phrase a head spans and the
subordinate time clause ("since …", "after …", "when …") a root sits in."""

from __future__ import annotations

from spacy.tokens import Token


def _clause_verb(token: Token) -> Token | None:
    """The verb (or auxiliary) heading the clause a token lies in."""
    for candidate in [token, *token.ancestors]:
        if candidate.pos_ in {"VERB", "AUX"}:
            return candidate
    return None


def _time_clause(root: Token) -> Token | None:
    """The "when" clause a date heads ("April 2023, when fighting erupted"), if any."""
    for child in root.children:
        if child.dep_ in {"relcl", "advcl"} and any(
            g.dep_ == "advmod" and g.lower_ == "when" for g in child.children
        ):
            return child
    return None


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def _tree_distance(a: Token, b: Token) -> int:
    up = {a.i: 0}
    for steps, ancestor in enumerate(a.ancestors, start=1):
        up[ancestor.i] = steps
    for steps, token in enumerate([b, *b.ancestors]):
        if token.i in up:
            return steps + up[token.i]
    return 99


def _noun_phrase(head: Token) -> list[Token]:
    """The head with its names and titles, without clauses or prepositional phrases
    ("refugees living near the border with Syria" is not Syria speaking)."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in {
            "compound",
            "poss",
            "amod",
            "appos",
            "conj",
            "cc",
            "nmod",
            "det",
            "case",
            "punct",
        }:
            tokens.extend(_noun_phrase(child))
    return sorted(tokens, key=lambda t: t.i)


def _governing_verb(token: Token) -> Token | None:
    for ancestor in token.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"}:
            return ancestor
    return None
