"""Votes on a text aimed at a party: voting for "a resolution which backs a plan calling for
Assad to step down" is critical of the party the text is aimed at, as the vetoing states shield
it (`stance_vetoes.vetoes`); voting against such a text is supportive of that party. Members a
subject lists ("13 members of the council, including the United States and France") vote too.
`_StanceFinder.edges` calls `votes` on every verb.

The texts are the `[vetoed]` section of `etl/rules/stance_cues.txt`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

from etl import stance_blocs, stance_vetoes

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder


def _voted_texts(finder: _StanceFinder, verb: Token) -> tuple[list[Token], str | None]:
    """The texts voted on and the polarity toward their target: "for" / "in favour of" ->
    critical, "against" -> supportive."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        if prep.lower_ == "for":
            polarity, heads = "critical", [c for c in prep.children if c.dep_ == "pobj"]
        elif prep.lower_ == "against":
            polarity, heads = "supportive", [c for c in prep.children if c.dep_ == "pobj"]
        elif prep.lower_ == "in":
            # "in favour of a resolution": the text hangs on "favour".
            polarity = "critical"
            heads = [
                t
                for favour in prep.children
                if favour.dep_ == "pobj" and favour.lower_ in ("favour", "favor")
                for t in finder.prep_objects(favour, {"of"})
            ]
        else:
            continue
        texts = [h for h in heads if finder.cues.has("vetoed", h)]
        if texts:
            return texts, polarity
    return [], None


def _is_body(finder: _StanceFinder, actor_id: str) -> bool:
    actor = finder.ctx.actors.get(actor_id)
    return actor is not None and actor.kind == "intergovernmental"


def votes(finder: _StanceFinder, verb: Token, edge: Any) -> Iterator[Any]:
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "vote" or finder._demanded(verb):
        return
    if finder.has_modal(verb):
        return
    texts, polarity = _voted_texts(finder, verb)
    if not texts or polarity is None:
        return
    sources = list(finder.agents(verb) or ())
    subject, passive = finder.subject_of(verb)
    members = stance_blocs.listed_members(finder, subject) if subject and not passive else []
    if members:
        # "13 members of the council, including the US and France": the members vote, not the
        # council they sit in.
        sources = [s for s in sources if not _is_body(finder, s)]
        sources += [m for m in members if m not in sources]
    if not sources:
        return
    targets = [t for text in texts for t in stance_vetoes.aimed_at(finder, text, sources)]
    if targets:
        yield edge(tuple(sources), tuple(dict.fromkeys(targets)), polarity, verb)
    # "voted against the Russian text": a vote on a text is a vote on whoever drafted it -
    # against it critical of the drafter, for it supportive (the reverse of its target's).
    toward = "critical" if polarity == "supportive" else "supportive"
    drafters = [
        a for text in texts for a in finder.actors_of(stance_vetoes.drafters(text, finder.cues))
    ]
    for drafter in dict.fromkeys(drafters):
        voters = [s for s in sources if s != drafter and not finder.same_side(s, drafter)]
        if voters and not _is_body(finder, drafter):
            yield edge(tuple(voters), (drafter,), toward, verb)
