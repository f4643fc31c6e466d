"""Backers named as background (issue 9: known alliances stated as context are supportive
backer -> backed edges; missed on real_dev2 ho02, real_dev8 ht16, real_dev9 hu20):

- backed_relatives: "The National Liberation Front, which is backed by Turkey, ...", "the
  Houthis, who are armed by Iran" - the agent of a passive backing verb in a relative clause
  supportive of the clause's antecedent;
- role_names: "Government ally Russia and rebel backer Turkey jointly brokered the deal" - a role
  noun written before a name, with whom it serves as a modifier: the name supportive of the
  modifier's actor ("Government" is the story's government, "rebel" its armed opposition).

Both are relations stated as context, so they stand also inside someone's words (`context`).
Negated ("which is no longer backed by Turkey" aside, "is not backed by") and lapsed roles
("former backer Turkey") yield nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder

BACKING_VERBS = {"back", "sponsor", "fund", "support", "arm", "finance", "bankroll", "equip"}
ROLE_NOUNS = {"ally", "backer", "patron", "sponsor", "supporter", "protector", "benefactor"}
_NO_LONGER = {"longer", "formerly", "once", "previously"}
# Prepositions after which a name is what a thing acts on: "the offensive against the YPG,
# which is backed by Russia", "the sanctions on Russia, which are supported by Japan", "the deal
# with Iran, which is backed by the EU", "the operation in northern Syria, which is backed by
# rebels" - the parser hangs the clause on the nearest name, but what is backed may as well be
# the offensive, the sanctions or the deal. "who" speaks of the name ("talks with the Houthis,
# who are armed by Iran").
_ACTED_ON = {"against", "on", "upon", "with", "over", "toward", "towards", "into", "at", "in"}


def backed_relatives(finder: _StanceFinder, verb: Token, edge: Any) -> Iterator[Any]:
    """ "X, which is backed by Turkey": Turkey supportive of X."""
    if verb.lemma_.lower() not in BACKING_VERBS or verb.dep_ != "relcl" or verb.tag_ != "VBN":
        return
    if not any(c.dep_ == "nsubjpass" and c.tag_ in ("WDT", "WP") for c in verb.children):
        return
    if finder.negated(verb) or finder.has_modal(verb):
        return
    antecedent = verb.head
    if (
        antecedent.dep_ == "pobj"
        and antecedent.head.lower_ in _ACTED_ON
        and antecedent.head.head.pos_ == "NOUN"
        and finder.mention_at(antecedent.head.head) is None
        and not any(c.dep_ == "nsubjpass" and c.lower_ == "who" for c in verb.children)
    ):
        return  # "the offensive against X, which is backed by Y": Y may back the offensive
    if any(c.lower_ in _NO_LONGER for c in verb.children if c.dep_ == "advmod"):
        return
    # "funded and armed by Iran": the agent hangs on the last conjunct.
    agents = [a for v in (verb, *verb.conjuncts) for a in finder.prep_objects(v, {"by"})]
    heads = [t for a in agents for t in (a, *finder._conjuncts(a))]
    backers = finder.actors_of([t for h in heads for t in finder._conjunct(h)])
    clause = set(verb.subtree)
    backed = finder.actors_of(
        [t for t in finder.phrase(verb.head, deep=False) if t not in clause], as_target=True
    )
    backed = [b for b in backed if not any(finder.same_side(b, p) for p in backers)]
    if backers and backed:
        yield edge(tuple(backers), tuple(backed), "supportive", verb, context=True)


def _owner_of(finder: _StanceFinder, modifier: Token) -> list[str]:
    """The actor a modifier of a role noun names: "rebel" (a mention), "Government" (the
    story's government)."""
    found = finder.actors_of([modifier], as_target=True)
    if not found and modifier.lower_ in ("government", "regime"):
        government = finder._the_government(modifier)
        found = [government] if government else []
    return found


def role_names(finder: _StanceFinder, noun: Token, edge: Any) -> Iterator[Any]:
    """ "Government ally Russia", "rebel backer Turkey": the name after the role noun
    supportive of the actor its modifier names."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ROLE_NOUNS or noun.tag_ != "NN":
        return
    if finder.lapsed(noun) or finder.prep_objects(noun, {"of", "to", "for"}):
        return
    modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i == noun.i - 1]
    if not modifiers or modifiers[0].pos_ not in ("NOUN", "PROPN"):
        return
    doc = noun.doc
    if noun.i + 1 >= len(doc) or doc[noun.i + 1].pos_ != "PROPN":
        return  # the name must follow at once: "rebel backer Turkey"
    name = doc[noun.i + 1]
    mention = finder.mention_at(name)
    if mention is None or mention.char_start != name.idx:
        return
    owners = _owner_of(finder, modifiers[0])
    holder = mention.actor_id
    owners = [o for o in owners if not finder.same_side(o, holder)]
    if owners:
        yield edge((holder,), tuple(owners), "supportive", noun, context=True)
