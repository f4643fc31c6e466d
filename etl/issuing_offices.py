"""Government offices that issue documents in their country's name (rules/issuing_offices.txt)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_RULES = Path(__file__).parent / "rules" / "issuing_offices.txt"


@lru_cache(maxsize=1)
def _offices() -> tuple[re.Pattern[str], ...]:
    rows = (line.strip().lower() for line in _RULES.read_text(encoding="utf-8").splitlines())
    return tuple(re.compile(rf"\b{re.escape(r)}\b") for r in rows if r and not r.startswith("#"))


def names_office(text: str) -> bool:
    """Whether the text names an issuing office ("the Ministry of Foreign Affairs")."""
    low = text.lower()
    return any(office.search(low) for office in _offices())
