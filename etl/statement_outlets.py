"""An outlet that frames someone's words: "According to the TV channel Fox, Russia demanded …".

A news outlet named by an "according to" that opens the sentence is the source of what the
sentence reports, even when its clause names another speaker too: the outlet gets a row of its
own beside that speaker's (real_dev9 hu06). Only the outlet that heads the phrase counts
("according to the BBC", "according to state-run Anadolu news agency"), not one named further
in it ("according to a poll commissioned by the BBC").
"""

from __future__ import annotations

from dataclasses import replace

from etl.context import ArticleContext
from etl.docindex import DocIndex
from etl.statement_reported import _according_to_mentions
from etl.statement_rows import _make, _trim
from etl.turns import actor_kind
from etl.types import Statement, stable_id


def _opens_with_according_to(sent) -> bool:
    """ "According to X, <clause>": the source stands before the clause it frames. One that
    closes the sentence ("…, Sousan said, according to SANA") stays a relay, as an outlet
    closing a sentence with "reported" does (docs/gold-conventions.md: the seeds and
    real_dev8 ht06 give it no row, real_dev8 ht11/ht16 and real_dev9 hu20/hu21 do)."""
    lower = DocIndex.of(sent.doc).words.lower
    according = next((i for i in range(sent.start, sent.end) if lower[i] == "according"), None)
    return according is not None and according < sent.root.i


def with_outlet_relays(ctx: ArticleContext, statements: list[Statement]) -> list[Statement]:
    """The statements, plus a row of the outlet "according to" names in a sentence where
    someone else's statement was found and the outlet has none."""
    added: list[Statement] = []
    for sent in ctx.doc.sents:
        if not _opens_with_according_to(sent):
            continue
        outlets = [
            m for m in _according_to_mentions(ctx, sent) if actor_kind(ctx, m.actor_id) == "media"
        ]
        if not outlets:
            continue
        start, end = _trim(ctx.body, sent.start_char, sent.end_char)
        here = [s for s in statements if s.char_start < end and start < s.char_end]
        if not here or any(s.speaker_id == outlets[0].actor_id for s in here):
            continue  # nobody else speaks here (the outlet's own row is made as usual)
        outlet = outlets[0]
        row = _make(ctx, (outlet.actor_id, outlet.text), start, end, False, "according to")
        added.append(
            replace(
                row,
                statement_id=stable_id(
                    ctx.article.article_id, row.char_start, row.char_end, "relay", outlet.actor_id
                ),
            )
        )
    return sorted([*statements, *added], key=lambda s: s.char_start)
