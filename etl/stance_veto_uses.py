"""Vetoes named as nouns whose effect or purpose a verb tells (issue 9; real_dev3, real_dev7,
real_dev8, real_dev9): the veto's holders shield the party of the text it stopped, like the verb
"vetoed" (`etl.stance_vetoes`).

- "After vetoes by Russia and China prevented the Security Council from passing a resolution on
  Syria": the veto, subject of a verb of stopping, is held by its "by" agents or its possessor;
- "Russia used its veto to block a resolution on Syria", "Moscow wielded its veto to shut down an
  inquiry into the Syrian government's chemical attacks": the veto's user acts, and the purpose
  clause names what was stopped.

A negated or modal verb ("could use its veto", "did not use its veto") and a demand ("urged Russia
not to use its veto") are no act.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

from etl.stance_vetoes import aimed_at

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder

# Verbs that put a veto to use ("used its veto to block ...").
_USING = {"use", "cast", "wield", "exercise", "employ", "invoke"}
# Verbs whose subject, a veto, stopped something ("vetoes by Russia prevented the council from ...").
_STOPPING = {"prevent", "stop", "block", "bar", "thwart", "kill", "sink", "derail", "halt", "doom"}
# Besides the texts of `[vetoed]`: inquiries a veto can shut down.
_INQUIRIES = {"investigation", "inquiry", "probe"}


def _stopped(finder: _StanceFinder, heads: list[Token]) -> list[Token]:
    return [
        t
        for h in heads
        for t in h.subtree
        if t.pos_ == "NOUN"
        and t.dep_ in ("dobj", "pobj")
        and (finder.cues.has("vetoed", t) or t.lemma_.lower() in _INQUIRIES)
    ]


def veto_uses(finder: _StanceFinder, noun: Token, edge: Any) -> Iterator[Any]:
    if noun.pos_ != "NOUN" or noun.lemma_.lower() != "veto":
        return
    verb = noun.head
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB":
        return
    if noun.dep_ == "nsubj" and lemma in _STOPPING:
        holders = [
            o
            for prep in noun.children
            if prep.dep_ == "prep" and prep.lower_ == "by"
            for o in prep.children
            if o.dep_ == "pobj"
        ]
        holders += [c for c in noun.children if c.dep_ == "poss"]
        tokens = [t for h in holders for c in (h, *finder._conjuncts(h)) for t in finder.phrase(c)]
        sources = finder.actors_of(tokens)
        scope = [c for c in verb.children if c.i != noun.i and c.dep_ not in ("nsubj", "punct")]
    elif noun.dep_ == "dobj" and lemma in _USING:
        sources = finder.agents(verb) or []
        # the purpose: "to block the resolution", "to shut down the investigation"
        scope = [
            c
            for c in verb.children
            if c.dep_ in ("advcl", "xcomp")
            and c.pos_ == "VERB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ]
    else:
        return
    if not sources or finder.negated(verb) or finder.has_modal(verb) or finder._demanded(verb):
        return
    texts = _stopped(finder, scope)
    targets = [t for text in texts for t in aimed_at(finder, text, sources)]
    if targets:
        yield edge(tuple(sources), tuple(dict.fromkeys(targets)), "supportive", noun)
