"""Rebels named only by the word: "The rebels said that they withdrew overnight", "a rebel
official said". Wire copy names the insurgency once (or not at all: "rebels and Syrian troops")
and then calls it "the rebels"; the speaker is the armed group the gazetteer knows as that
country's rebels (an actor with a "… rebels" alias: "Syrian rebels" → Syrian opposition,
"Houthi rebels" → Houthis):

- the one such group the page has named before the sentence (also when the mention resolver
  took "the rebels" for the armed group named last, one that is not called rebels), else
- the one such group of the country the page names most so far.

Only a bare subject counts: "the rebels", "two rebel commanders"; a subject that names whose
rebels they are ("Kurdish rebels", "rebels in Darfur") or that only sources ("rebel sources")
is left to the other rules.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from etl.context import ArticleContext
from etl.statement_speakers import _leading_country

_REBEL_ALIAS = re.compile(r"\brebels?\b", re.I)
# Nouns that "rebel" can modify and still name the group's voice ("a rebel official said").
_VOICE_NOUNS = {
    "official",
    "officials",
    "leader",
    "leaders",
    "commander",
    "commanders",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "force",
    "forces",
    "fighters",
    "group",
    "groups",
}
# Modifiers that leave a bare subject bare.
_PLAIN_WORDS = {"the", "a", "an", "some", "two", "three", "several", "senior", "top", "armed"}


def _bare_rebels(subject: Token) -> bool:
    """ "the rebels", "rebel leaders", "a senior rebel official": nothing says whose rebels."""
    if subject.lower_ in ("rebels",):
        modifiers = list(subject.children)
    elif subject.lower_ in _VOICE_NOUNS:
        modifiers = list(subject.children)
        rebel = [c for c in modifiers if c.lower_ == "rebel" and c.dep_ in ("compound", "amod")]
        if not rebel:
            return False
        modifiers = [c for c in modifiers if c not in rebel]
    else:
        return False
    return all(
        c.dep_ in ("det", "nummod", "amod", "compound") and c.lower_ in _PLAIN_WORDS
        for c in modifiers
    )


def _rebel_groups(ctx: ArticleContext) -> dict[str, str | None]:
    """Armed groups the gazetteer knows by a "… rebels" name, with their country."""
    return {
        actor.actor_id: actor.country_id
        for actor in ctx.actors.values()
        if actor.kind == "armed_group"
        and any(_REBEL_ALIAS.search(name) for name in (actor.name, *actor.aliases))
    }


def rebels_speaker(
    ctx: ArticleContext, subject: Token, resolved: str | None = None
) -> tuple[str | None, str] | None:
    """The armed group a bare "the rebels" subject stands for, if one is clear. `resolved` is
    the actor the mention resolver gave the subject, if any: an armed group named last that is
    no rebel group (Hezbollah fighting beside an army) gives way; a rebel group stays."""
    if not _bare_rebels(subject):
        return None
    groups = _rebel_groups(ctx)
    if not groups or resolved in groups:
        return None
    named = {m.actor_id for m in ctx.mentions_in(0, subject.idx) if m.actor_id in groups}
    if len(named) > 1:
        return None
    if not named:
        country = _leading_country(ctx, subject.idx, whole_page=False)
        if country is None:
            return None
        named = {g for g, home in groups.items() if home == country[0]}
        if len(named) != 1:
            return None
    group = next(iter(named))
    return group, " ".join(t.text for t in subject.subtree if t.i <= subject.i)
