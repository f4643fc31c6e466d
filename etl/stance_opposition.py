"""Opposition figures are a side of their own: "Venezuelan opposition leader Juan Guaido" is a
Venezuelan, but not Venezuela's government, so "Maduro denounced Guaido" is a stance between two
sides, and Guaido's charges against Maduro are not his own country's. `_StanceFinder.side` keeps
a person this module finds as their own side instead of their country.
"""

from __future__ import annotations

import re

from etl.context import ArticleContext

_ROLE = r"(?:leader|figure|politician|candidate|chief|head|activist|lawmaker|MP|legislator)"
# "Venezuelan opposition leader Juan Guaido", "the opposition's candidate, X".
_BEFORE = re.compile(rf"\bopposition(?:'s|\u2019s)?\s+{_ROLE}\s*,?\s*$", re.I)
# "Juan Guaido, the Venezuelan opposition leader".
_AFTER = re.compile(rf"^,?\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}?opposition\s+{_ROLE}\b", re.I)


def opposition_figures(ctx: ArticleContext) -> frozenset[str]:
    """People the article describes as opposition leaders or figures."""
    found = set()
    text = ctx.article.body
    for mention in ctx.mentions:
        actor = ctx.actors.get(mention.actor_id)
        if actor is None or actor.kind != "person" or mention.how == "pronoun":
            continue
        before = text[max(0, mention.char_start - 60) : mention.char_start]
        after = text[mention.char_end : mention.char_end + 80]
        if _BEFORE.search(before) or _AFTER.match(after):
            found.add(actor.actor_id)
    return frozenset(found)
