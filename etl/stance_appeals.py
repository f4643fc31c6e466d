"""Appeals answered: a government that acts on another party's appeal or request supports it
(issue 9: policy acts stated as facts; real_dev3 hn02, real_dev4 hp01, real_dev5 hq09).

- "Australia responds to UNHCR request and agrees to resettle 500 Syrian refugees", "heeded the
  UN's call": the responder `supportive` of whoever appealed;
- "In response to the UNHCR's appeal ..., Canada will resettle 200 refugees": the act done in
  response is the support, its doer the source.

Only a response that is itself compliance counts: "The Kremlin responded to his appeal, with its
spokesman insisting ..." is a reply, not support, so a bare "respond" needs an act it shares its
subject with ("responds ... and agrees to ..."), and that act, like the one "in response to"
hangs on, must be a `[complying act]` of `etl/rules/stance_cues.txt` (giving, taking in,
agreeing: "agrees to resettle", "will resettle", "said it would send more funds"). A
`[refusing act]` or "no"/"not"/"never" on the way ("Israel rejected the proposal", "said it
would send no further funds", "denied inspectors access", "warned him") is no support. Appeals
are `[appeal]` nouns; "call" is one only as a call for or to something ("the UN's call for more
places") or when heeded ("heeded the call of the UN"): "responded to Putin's call" may be a
telephone call. The appealer is the noun's possessor, modifier or "from"/"by"/"of" phrase, never
the one appealed to ("appeal for Canada to resettle").
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


def _appeals(finder: _StanceFinder, token: Token, *, heeded: bool = False) -> list[Token]:
    """The appeal nouns in a token's "to" phrase ("responds to UNHCR request"); a bare "call" only
    when heeded or when it calls for or to something."""
    found = []
    for obj in finder.prep_objects(token, {"to"}):
        found += [o for o in (obj, *obj.conjuncts) if finder.cues.has("appeal", o)]
    found += [c for c in token.children if c.dep_ == "dobj" and finder.cues.has("appeal", c)]
    return [a for a in found if heeded or a.lemma_.lower() != "call" or _calls_for(a)]


def _calls_for(call: Token) -> bool:
    """ "the UN's call for more places", "a call to resettle", "the call to action": a call that
    asks for something, not a telephone call."""
    for child in call.children:
        if child.dep_ == "prep" and child.lower_ in {"for", "to"}:
            return True
        if child.dep_ in {"acl", "relcl"} and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in child.children
        ):
            return True
    return False


_LIGHT_VERBS = {"make", "take", "announce", "reach"}
_NEGATORS = {"no", "not", "never", "n't", "nothing", "none"}
_REPORTING = {"say", "announce", "state", "tell", "confirm", "declare", "insist", "reply", "add"}


def _denied(verb: Token) -> bool:
    """ "no", "not", "never" on the verb or on its object ("would send no further funds")."""
    for child in verb.children:
        if child.lower_ in _NEGATORS and child.dep_ in {"neg", "det", "advmod"}:
            return True
        if child.dep_ in {"dobj", "attr", "nsubjpass"} and any(
            g.lower_ in _NEGATORS and g.dep_ in {"det", "neg", "advmod"} for g in child.children
        ):
            return True
    return False


def _complying_act(finder: _StanceFinder, act: Token) -> bool:
    """ "agrees to resettle", "will resettle", "sent doctors", "said it would send more funds": a
    `[complying act]` on the act or its chain of "to" verbs (or, for a reporting verb, its reported
    clause), with no `[refusing act]` and no "no"/"not"/"never" on that way."""
    chain = [act]
    if act.lemma_.lower() in _LIGHT_VERBS:
        # "the commitment to resettle the refugees was made in response to ...": the noun's
        # "to" clause is the act
        for noun in (c for c in act.children if c.dep_ in ("nsubjpass", "dobj")):
            chain += [
                c
                for c in noun.children
                if c.dep_ == "acl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            ]
    verb = act
    for _ in range(4):
        nxt = None
        if verb.lemma_.lower() in _REPORTING:
            nxt = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if nxt is None:
            nxt = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if nxt is None:
            break
        chain.append(nxt)
        verb = nxt
    if any(finder.cues.has("refusing act", v) or _denied(v) for v in chain):
        return False
    return any(finder.cues.has("complying act", v) for v in chain)


def _complies(finder: _StanceFinder, verb: Token) -> bool:
    """ "responds to the request and agrees to resettle": a complying act sharing the responder's
    subject (or a verb that is compliance on its own, "heeded the call"); a refusing one beside it
    ("responded to the request of the IAEA and denied inspectors access") undoes it."""
    acts = [
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.pos_ == "VERB"
        and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
    ]
    if any(finder.cues.has("refusing act", a) or _denied(a) for a in acts):
        return False
    if verb.lemma_.lower() in _COMPLYING:
        return True
    return any(_complying_act(finder, a) for a in acts)


def answered_appeals(finder: _StanceFinder, token: Token, edge: Any) -> Iterator[Any]:
    """A response verb ("responds to", "heeded") or "in response to" on an act."""
    if token.pos_ == "VERB" and token.lemma_.lower() in _RESPONDING:
        if not _complies(finder, token) or finder.negated(token):
            return
        heeded = token.lemma_.lower() in _COMPLYING
        appeals, sources = _appeals(finder, token, heeded=heeded), finder.agents(token) or []
    elif token.pos_ == "NOUN" and token.lower_ == "response" and token.dep_ == "pobj":
        # "In response to X's appeal, Canada will resettle ...": the act the phrase hangs on.
        act = token.head.head
        if token.head.lower_ != "in" or act.pos_ != "VERB" or finder.negated(act):
            return
        if not _complying_act(finder, act):
            return  # "In response to Hamas's request ..., Israel rejected the proposal"
        appeals, sources = _appeals(finder, token), finder.agents(act) or []
    else:
        return
    targets = [a for appeal in appeals for a in _appealers(finder, appeal) if a not in sources]
    if sources and targets:
        yield edge(tuple(sources), tuple(dict.fromkeys(targets)), "supportive", token)
