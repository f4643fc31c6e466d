"""A person's country from the party their own words name (`_party_country`).

In the title before the name, the appositive after it, parentheses right after it ("Sen. X
(R-Texas)") or a short label line the name opens. Party forms and the countries that have them
are listed in rules/parties.txt. `_APPOSITIVE_END` (where an appositive ends) is shared with
`etl.actor_countries`.
"""

from __future__ import annotations

import re
from pathlib import Path

from etl.actor_gazetteer import RULES_DIR
from etl.actor_state import _Resolution

# Where an appositive title after a name ends: a quotation or a verb of saying ("X, Minister of
# Health said, \u201cour partners, the United Nations Refugee Agency ...\u201d" is no UN title).
_APPOSITIVE_END = re.compile(r"[\"\u201c\u201d]|\b(?:said|says|told|added|stated)\b")


# A party word before an office noun names a portfolio, not a party: "Training and Labour
# Minister X", "the Labour Department", "Labour market".
_PORTFOLIO_AFTER = (
    r"(?!\s+(?:[Mm]inist(?:er|ry)|[Ss]ecretary|[Dd]epartment|[Oo]ffice|[Rr]elations|[Mm]arket|"
    r"[Ff]orce|[Cc]ode|[Dd]ay)\b)"
)


def load_parties(path: Path | None = None) -> list[tuple[re.Pattern[str], tuple[str, ...]]]:
    """Party forms -> the countries that have such a party (rules/parties.txt), longest first."""
    path = path or RULES_DIR / "parties.txt"
    parties: list[tuple[str, tuple[str, ...]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        forms, countries = line.rsplit(":", 1)
        ids = tuple(c.strip() for c in countries.split(",") if c.strip())
        parties.extend((f.strip(), ids) for f in forms.split("|") if f.strip())
    parties.sort(key=lambda item: -len(item[0]))
    # A whole word; a form glued to the next capitalised word still counts ("ConservativeParliamentary
    # Secretary" on a parliament's label line), but not an acronym inside a longer one ("LD" in "LDP").
    return [
        (
            re.compile(
                rf"(?<![A-Za-z0-9]){re.escape(form)}(?![a-z0-9])(?!(?<=[A-Z])[A-Z])"
                + _PORTFOLIO_AFTER
            ),
            ids,
        )
        for form, ids in parties
    ]


_PARTIES: list[tuple[re.Pattern[str], tuple[str, ...]]] = load_parties()


# A byline or credit names a writer or photographer, not a member: "By X", "Photo: X".
_BYLINE_PREFIX = re.compile(
    r"\b(?:[Bb]y|BY|[Ww]ritten|[Rr]eport(?:ed|ing)|[Ee]dited|[Cc]redit|[Pp]hoto(?:graph)?:|[Ii]mage:)"
)


# What follows a member's name on a label line: his riding or party in parentheses, a colon and
# his speech, or a capitalised riding or party ("X NDP Ottawa Centre, ON"); never an appositive
# comma of prose, nor nothing at all (a name alone on a line may be a caption or a byline).
_LABEL_START = re.compile(r"\s*(?:\(|:|[A-Z])")


# "Sen. X (R-Texas)", "Rep. X, D-Calif.,": the US habit of a party letter before the state.
_US_PARTY_STATE = re.compile(r"(?:^|[(,]\s*)[RDI]-[A-Z][a-z]*\.?")


# A parliament's record puts the member's party after the name on its label line: "X
# (Islington North) (Lab):", "Photo of X X Labour/Co-operative, Manchester Central".
_LABEL_PREFIX_MAX = 40


_LABEL_MAX = 100


_PARENTHESES_AFTER = re.compile(r"(?:\s*\([^()\n]{1,60}\))+")


def _party_country(
    state: _Resolution, before: str, appositive: str, start: int, end: int
) -> str | None:
    """The country of the party a person's own words name: in the title before the name, the
    appositive after it, parentheses right after it, or the rest of a short label line the name
    opens. When the party's name is used in several countries, the one the page names most."""
    text = state.text
    phrases = [before, appositive]
    parentheses = _PARENTHESES_AFTER.match(text, end)
    if parentheses:
        phrases.append(parentheses.group(0))
    line_start = text.rfind("\n", 0, end) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    prefix = text[line_start:start]
    rest = text[end:line_end]
    if (
        len(prefix) <= _LABEL_PREFIX_MAX
        and line_end - end <= _LABEL_MAX
        and all(w[:1].isupper() or w.lower() in ("of", "the", "hon.") for w in prefix.split())
        and not _BYLINE_PREFIX.search(prefix)
        and _LABEL_START.match(rest)
    ):
        label = re.split(r":|[\"\u201c\u201d]", rest, maxsplit=1)[0]
        label = _APPOSITIVE_END.split(label, maxsplit=1)[0]
        # A label names; a headline acts ("X slams Labour's silence" is no member of Labour).
        span = state.doc.char_span(end, end + len(label), alignment_mode="expand")
        if span is not None and not any(t.pos_ in ("VERB", "AUX") for t in span):
            phrases.append(label)
    candidates: tuple[str, ...] = ()
    for phrase in phrases:
        if not phrase:
            continue
        if _US_PARTY_STATE.search(phrase):
            candidates = ("united-states",)
            break
        for pattern, ids in _PARTIES:
            if pattern.search(phrase):
                candidates = ids
                break
        if candidates:
            break
    candidates = tuple(c for c in candidates if c in state.gazetteer.actors)
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    # The whole page's country names (a label line may come before any of them is resolved).
    counts = dict.fromkeys(candidates, 0)
    for _s, _e, form in state.gazetteer.find(text):
        if form.actor_id in counts:
            counts[form.actor_id] += 1
    best = max(counts.values())
    return next(c for c in candidates if counts[c] == best)
