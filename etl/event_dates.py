"""Dates that anchor no event: page furniture labels ("date 2022-02-23", "Published: …").

Saved pages often open with the page's own date behind a label, run into the first sentence by
the sentence splitter ("date 2022-02-23 Canadian Prime Minister … on Tuesday announced …"). That
date is when the page was stamped, not when the sentence's happening took place, and binding it
would mis-date the sentence's event; the publication date is read from the page elsewhere.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from etl.dates import DateMention

_LABEL = re.compile(
    r"(?:^|[\n|])\s*(?:date|dated|published|publication date|posted|updated|last updated)"
    r"(?:\s+on)?\s*:?\s*$",
    re.IGNORECASE,
)


def is_page_label(sent: Span, mention: DateMention) -> bool:
    """Whether the date stands behind a furniture label at the start of a line of the sentence."""
    before = sent.doc.text[sent.start_char : mention.char_start]
    return _LABEL.search(before) is not None
