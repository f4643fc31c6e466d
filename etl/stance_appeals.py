"""Appeals answered: a government that acts on another party's appeal or request supports it
(issue 9: policy acts stated as facts; real_dev3 hn02, real_dev4 hp01, real_dev5 hq09).

- "Australia responds to UNHCR request and agrees to resettle 500 Syrian refugees", "heeded the
  UN's call": the responder `supportive` of whoever appealed;
- "In response to the UNHCR's appeal ..., Canada will resettle 200 refugees": the act done in
  response is the support, its doer the source.

Only a response that is itself compliance counts: "The Kremlin responded to his appeal, with its
spokesman insisting ..." is a reply, not support, so a bare "respond" needs an act it shares its
subject with ("responds ... and agrees to ..."). Appeals are `[appeal]` nouns of
`etl/rules/stance_cues.txt`; the appealer is the noun's possessor, modifier or "from"/"by"/"of"
phrase, never the one appealed to ("appeal for Canada to resettle").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder

_RESPONDING = {"respond", "answer", "heed", "accede"}
_COMPLYING = {"heed", "accede"}  # verbs that are compliance on their own


def _appealers(finder: _StanceFinder, appeal: Token) -> list[str]:
    """Who made an appeal: "the UNHCR's appeal", "UNHCR request", "the request from the UN"."""
    heads = [c for c in appeal.children if c.dep_ in ("poss", "compound", "amod")]
    heads += finder.prep_objects(appeal, {"from", "by", "of"})
    return finder.actors_of([t for h in heads for t in finder.phrase(h, deep=False)])


def _appeals(finder: _StanceFinder, token: Token) -> list[Token]:
    """The appeal nouns in a token's "to" phrase ("responds to UNHCR request")."""
    found = []
    for obj in finder.prep_objects(token, {"to"}):
        found += [o for o in (obj, *obj.conjuncts) if finder.cues.has("appeal", o)]
    found += [c for c in token.children if c.dep_ == "dobj" and finder.cues.has("appeal", c)]
    return found


def _complies(verb: Token) -> bool:
    """ "responds to the request and agrees to resettle": an act sharing the responder's subject."""
    if verb.lemma_.lower() in _COMPLYING:
        return True
    return any(
        c.dep_ == "conj"
        and c.pos_ == "VERB"
        and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        for c in verb.children
    )


def answered_appeals(finder: _StanceFinder, token: Token, edge: Any) -> Iterator[Any]:
    """A response verb ("responds to", "heeded") or "in response to" on an act."""
    if token.pos_ == "VERB" and token.lemma_.lower() in _RESPONDING:
        if not _complies(token) or finder.negated(token):
            return
        appeals, sources = _appeals(finder, token), finder.agents(token) or []
    elif token.pos_ == "NOUN" and token.lower_ == "response" and token.dep_ == "pobj":
        # "In response to X's appeal, Canada will resettle ...": the act the phrase hangs on.
        act = token.head.head
        if token.head.lower_ != "in" or act.pos_ != "VERB" or finder.negated(act):
            return
        appeals, sources = _appeals(finder, token), finder.agents(act) or []
    else:
        return
    targets = [a for appeal in appeals for a in _appealers(finder, appeal) if a not in sources]
    if sources and targets:
        yield edge(tuple(sources), tuple(dict.fromkeys(targets)), "supportive", token)
