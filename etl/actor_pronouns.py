"""Pass 3 of actor resolution, last step: subject pronouns ("she said") to the person meant."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from etl.actor_state import _Resolution
from etl.docindex import DocIndex
from etl.types import Mention


class _Spans:
    """Character spans (quotes), merged and sorted: `offset in spans` by bisection."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(s for s in spans if s[0] < s[1]):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [start for start, _ in merged]
        self._ends = [end for _, end in merged]

    def __contains__(self, offset: int) -> bool:
        k = bisect.bisect_right(self._starts, offset) - 1
        return k >= 0 and offset < self._ends[k]


def _latest_person(
    state: _Resolution,
    before: int,
    *,
    role: str | None = None,
    country: str | None = None,
    gender: str | None = None,
    window: int = 2500,
    subject_only: bool = False,
    outside: _Spans | None = None,
    known_gender: bool = False,
) -> str | None:
    """The most recently mentioned person before `before` that fits the role, country and gender."""
    candidates = (m for m in state.mentions_before(before) if m.actor_id in state.people)
    for mention in candidates:
        if before - mention.char_start > window:
            break
        if subject_only and _is_oblique(state, mention):
            continue
        if outside is not None and mention.char_start in outside:
            continue
        person = state.people[mention.actor_id]
        actor = state.actor(mention.actor_id)
        if role and role not in person.roles:
            continue
        if country and actor and actor.country_id != country:
            continue
        if gender and person.gender and person.gender != gender:
            continue
        if known_gender and person.gender != gender:
            continue
        return mention.actor_id
    return None


def _is_oblique(state: _Resolution, mention: Mention) -> bool:
    span = state.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ in ("compound", "appos", "flat"):
        root = root.head
    while root.dep_ == "conj" and root.head is not root:
        # "turning his sights towards Russia and Assad": a conjunct has its first one's role
        root = root.head
    return root.dep_ in ("poss", "pobj", "dobj", "iobj", "npadvmod", "attr")


_GLUED_QUOTES = "\"'\u201c\u201d\u2018\u2019"


_PRONOUN_REACH = 1500  # characters searched back for a person whose gender the text gave


def _match_pronouns(state: _Resolution) -> None:
    """Subject 'he'/'she' resolved to the most recent compatible person, within two sentences.

    People named inside quotation marks are skipped: in '“Nobody, Mr. Kerry, has the right,”
    he said' the speaker addresses Kerry, he is not Kerry.
    """
    from etl.statements import find_quotes  # statements does not import actors: no cycle

    quoted = _Spans((q.start, q.end) for q in find_quotes(state.text))
    for token in DocIndex.of(state.doc).tokens:  # built once per document
        # A closing quote glued to the pronoun ('accountable.”She thanked') is one token.
        lower = token.lower_.lstrip(_GLUED_QUOTES)
        if lower not in ("he", "she") or token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        start = token.idx + len(token.text) - len(lower)
        gender = "m" if lower == "he" else "f"
        index = DocIndex.of(state.doc)
        sent_start = index.sentence_of(token).start_char  # `token.sent` walks the sentence
        previous = index.sentences_ending_by(sent_start)[-2:]
        window_start = previous[0].start_char if previous else sent_start
        window = token.idx - window_start + 1
        # A pronoun subject usually continues the previous sentence's subject, not a possessor or
        # object ("Dion urged Assad's regime ... he told reporters" is Dion).
        actor_id = _latest_person(
            state, token.idx, gender=gender, window=window, subject_only=True, outside=quoted
        )
        actor_id = actor_id or _latest_person(
            state, token.idx, gender=gender, window=window, outside=quoted
        )
        # Nobody within two sentences: the latest person known to be of that gender, further
        # back (a paragraph of quotation between the name and "she added").
        actor_id = actor_id or _latest_person(
            state,
            token.idx,
            gender=gender,
            window=_PRONOUN_REACH,
            outside=quoted,
            known_gender=True,
        )
        if actor_id:
            person = state.people[actor_id]
            person.gender = person.gender or gender
            state.add(start, token.idx + len(token.text), actor_id, "pronoun")
