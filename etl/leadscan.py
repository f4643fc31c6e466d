"""Long word alternations matched only where a word can start them: the same matches, far less CPU.

A pattern such as the gazetteer's `(?<![\\w])(?:Syria|United Nations|...)(?![\\w])`, with a
thousand alternatives, makes Python's regex engine try every alternative at every character of
an article. Only the positions where a word starts with a character that opens some alternative
can match, and there only the alternatives that open with that character. `LeadScan` finds
those positions with a one-character pattern and tries, at each, a pattern of the alternatives
opening with its character, in their original order: the engine tries the same alternatives in
the same order wherever one could match, so the matches are those of `finditer` over the whole
pattern (`tests/test_leadscan.py` checks it against the plain pattern on every development set).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

_WORD_START = r"(?<![\w])"


def scan(pattern: re.Pattern, candidates: re.Pattern, text: str) -> Iterator[re.Match]:
    """`pattern.finditer(text)` when every match of `pattern` starts where `candidates` matches
    (a superset of its start positions) and `pattern` never matches the empty string:
    `pattern` is tried only at those positions, left to right, without overlaps."""
    pos = 0
    search = candidates.search
    match = pattern.match
    while True:
        found = search(text, pos)
        if found is None:
            return
        start = found.start()
        hit = match(text, start)
        if hit is None:
            pos = start + 1
            continue
        yield hit
        pos = hit.end() if hit.end() > start else start + 1


class LeadScan:
    """`finditer` of `(?<![\\w])(?:A1|A2|...)SUFFIX` for regex alternatives `Ai`, each given with
    the regex of its first character (`leads[i]` must match exactly the characters `Ai` can open
    with, as `re.escape(word[0])` or `(?i:...)` of it does for a word)."""

    def __init__(self, alternatives: Sequence[str], leads: Sequence[str], suffix: str = "") -> None:
        if len(alternatives) != len(leads):
            raise ValueError("one lead per alternative")
        self._alternatives = tuple(alternatives)
        self._leads = tuple(re.compile(lead) for lead in leads)
        self._suffix = suffix
        distinct = list(dict.fromkeys(leads))
        self.candidates = re.compile(_WORD_START + "(?:" + "|".join(distinct) + ")")
        self._by_char: dict[str, re.Pattern | None] = {}  # built per character on first need

    def _pattern_for(self, char: str) -> re.Pattern | None:
        """The alternatives that may open with `char`, in their order, as one pattern."""
        if char not in self._by_char:
            kept = [
                alternative
                for alternative, lead in zip(self._alternatives, self._leads, strict=True)
                if lead.fullmatch(char)
            ]
            self._by_char[char] = (
                re.compile("(?:" + "|".join(kept) + ")" + self._suffix) if kept else None
            )
        return self._by_char[char]

    def finditer(self, text: str) -> Iterator[re.Match]:
        pos = 0
        search = self.candidates.search
        while True:
            found = search(text, pos)
            if found is None:
                return
            start = found.start()
            pattern = self._pattern_for(text[start])
            hit = pattern.match(text, start) if pattern is not None else None
            if hit is None or hit.end() == start:
                pos = start + 1
                continue
            yield hit
            pos = hit.end()
