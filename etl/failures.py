"""Why rows are wrong: false rows and missed gold rows grouped by failure class.

`python -m etl.evaluate --errors` prints these groups so that a round of work starts from data.
The classes are simple, documented heuristics over the evidence text and the gold and predicted
fields, tried in order; the first that applies names the row:

figures
  false:  wrong category (gold X, predicted Y)  a gold figure of the same value (2%) has another
                                                category (the gold row is then not listed again
                                                as missed)
          spurious money                         the value is money ($, €, £, "dollars"…)
          spurious in a short line               the evidence has fewer than 6 words (furniture)
          spurious count                         anything else
  missed: missed table/list row                  the evidence is a short "Name: 1,234" line or has
                                                 no verb-like word between its numbers
          missed number in words                 the evidence has no digit
          missed <category>                      anything else, by gold category
statements
  false:  wrong speaker (gold S)                 a gold statement shares the text, not the speaker
          unresolved speaker                     no actor id for the speaker
          duplicate or split quote               the text belongs to a gold statement another row
                                                 already matched
          spurious (cue C)                       anything else, by cue verb
  missed: headline                               the evidence lies in the title or first line
          transcript label                       its paragraph opens with "Name (…):" or "Q:"/"A:"
          speaker pronoun-carried                its sentence has he/she/they and not the speaker
          whole-document speaker                 first person ("I", "we") and the speaker is not
                                                 named in the paragraph
          noun-carried speech                    "statement", "communiqué", "remarks", "calls"…
          according to                           "according to" in the sentence
          speaker in another sentence            the speaker is not named in the sentence
          missed (speaker named in the sentence)
stances
  false:  wrong polarity (gold X, predicted Y)   the gold has the same source and target
          reversed direction                     the gold has target → source, same polarity
          extra neutral                          a neutral edge the gold does not have
          spurious <polarity>
  missed: source not among the article's actors  no mentioned actor matches the gold source
          target not among the article's actors
          missed policy act                      no speech or stance word and no quotation mark
                                                 in the evidence's sentence
          missed (source kind K, from gazetteer|discovered)
events
  false:  wrong type (gold X, predicted Y)       an unmatched gold event has the date, not the type
          wrong date                             an unmatched gold event of the type shares the
                                                 evidence's words
          planned event recorded                 "will", "due to", "plans to", "expected to"…
          spurious <type>
  missed: no date in the sentence                the evidence has no date (it is carried)
          relative date                          only relative dates ("on Sunday", "last week")
          missed <type>                          anything else, by gold type
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from etl.types import Actor, Event, Extraction, Figure, Stance, Statement

EXAMPLES_PER_CLASS = 3
EXCERPT_CHARS = 110


@dataclass(frozen=True)
class Failure:
    """One false row or missed gold row, with its class and where to look."""

    table: str
    side: str  # "false" (predicted, not in the gold) or "missed" (gold, not predicted)
    failure_class: str
    article: str
    excerpt: str


# --- text helpers ----------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def excerpt(text: str | None, limit: int = EXCERPT_CHARS) -> str:
    """One line of plain text, control and bidi characters dropped, cut at `limit`."""
    flat = " ".join(_CONTROL.sub(" ", text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def locate(body: str, evidence: str) -> tuple[int, int] | None:
    """The span of `evidence` in `body`, comparing runs of white space as one space."""
    target = evidence.split()
    if not target:
        return None
    pattern = r"\s+".join(re.escape(w) for w in target)
    match = re.search(pattern, body)
    return match.span() if match else None


def paragraph_at(body: str, start: int, end: int) -> str:
    first = body.rfind("\n", 0, start) + 1
    last = body.find("\n", end)
    return body[first : len(body) if last < 0 else last]


def sentence_at(body: str, start: int, end: int) -> str:
    """The sentence around a span: from the last sentence end before it to the next after it."""
    para_start = body.rfind("\n", 0, start) + 1
    before = body[para_start:start]
    cut = max((m.end() for m in re.finditer(r"[.!?][\"'”’)]?\s+", before)), default=0)
    after = re.search(r"[.!?](?=[\"'”’)]?(\s|$))|\n", body[end:])
    stop = end + (after.end() if after else len(body) - end)
    return body[para_start + cut : stop]


def _has_name(text: str, name: str | None) -> bool:
    """Does text name the actor: its full name or, for several words, its last word?"""
    if not name:
        return False
    lowered = text.lower()
    parts = name.lower().split()
    return name.lower() in lowered or (
        len(parts) > 1 and re.search(rf"\b{re.escape(parts[-1])}\b", lowered) is not None
    )


def _search(pattern: re.Pattern[str], text: str | None) -> bool:
    return bool(text) and pattern.search(text) is not None


# --- figures ---------------------------------------------------------------------------------

_MONEY = re.compile(r"[$€£¥]|\b(?:dollars?|euros?|pounds|francs|yen|rupees|USD|EUR|CAD)\b", re.I)
_LIST_ROW = re.compile(r"^[^\d:]{2,60}(?::|\s[-–—]|\t|\|)?\s*[\d][\d,.\s]*(?:million|[km])?\.?$")
_VERBISH = re.compile(r"\b(?:\w+ed|\w+s|is|are|was|were|has|have|had|fled|took)\b", re.I)


def classify_figures(
    article: str,
    predicted: Sequence[Figure],
    correct: Sequence[bool],
    gold: Sequence[Mapping[str, Any]],
    found: Sequence[bool],
    tolerance: float = 0.02,
) -> list[Failure]:
    failures = []
    recategorised: set[int] = set()

    def same_value(value: float, g: Mapping[str, Any]) -> bool:
        return abs(value - float(g["value"])) <= tolerance * abs(float(g["value"]))

    for row, ok in zip(predicted, correct, strict=True):
        if ok:
            continue
        other = [j for j, g in enumerate(gold) if same_value(row.value, g)]
        if other:
            recategorised.update(other)
            kind = f"wrong category (gold {gold[other[0]]['category']}, predicted {row.category})"
        elif _search(_MONEY, row.value_text) or _search(_MONEY, row.evidence):
            kind = "spurious money"
        elif len(row.evidence.split()) < 6:
            kind = "spurious in a short line"
        else:
            kind = "spurious count"
        failures.append(Failure("figures", "false", kind, article, excerpt(row.evidence)))
    for j, (g, ok) in enumerate(zip(gold, found, strict=True)):
        if ok or j in recategorised:
            continue
        evidence = g.get("evidence") or ""
        failures.append(
            Failure("figures", "missed", figure_miss_class(g), article, excerpt(evidence))
        )
    return failures


def figure_miss_class(gold: Mapping[str, Any]) -> str:
    evidence = " ".join((gold.get("evidence") or "").split())
    if evidence and (
        _LIST_ROW.match(evidence)
        or (len(evidence.split()) <= 8 and not _VERBISH.search(re.sub(r"[\d,.]+", "", evidence)))
    ):
        return "missed table/list row"
    if evidence and not re.search(r"\d", evidence):
        return "missed number in words"
    return f"missed {gold.get('category')}"


# --- statements ------------------------------------------------------------------------------

_PRONOUN = re.compile(r"\b(?:he|she|they|his|her|their)\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Mm]y|us)\b")  # not "US"
_LABEL = re.compile(
    r"^\s*(?:(?:Q|A|Question|Answer)\s*[:.]|[A-Z][\w.'’ -]{1,50}(?:\s*\([^)\n]{1,80}\))?\s*:\s)"
)
_SPEECH_NOUN = re.compile(
    r"\b(?:statement|communiqu[eé]|remarks|address|speech|calls?|appeal|disapproval|"
    r"video|interview|letter|tweet|post|briefing|press release|broadcaster)\b",
    re.I,
)
_ACCORDING = re.compile(r"\baccording to\b", re.I)


def classify_statements(
    article: str,
    extraction: Extraction | None,
    predicted: Sequence[Statement],
    correct: Sequence[bool],
    gold: Sequence[Mapping[str, Any]],
    found: Sequence[bool],
    speaker_matches: Any,  # (gold row, predicted Statement) -> bool
    texts_overlap: Any,  # (text, text) -> bool
) -> list[Failure]:
    failures = []
    wrong_speaker: set[int] = set()
    for row, ok in zip(predicted, correct, strict=True):
        if ok:
            continue
        same_text = [j for j, g in enumerate(gold) if texts_overlap(row.quote, g["evidence"])]
        other_speaker = [j for j in same_text if not speaker_matches(gold[j], row)]
        if other_speaker and not any(found[j] for j in other_speaker):
            wrong_speaker.update(other_speaker)
            kind = "wrong speaker"
        elif row.speaker_id is None:
            kind = "unresolved speaker"
        elif same_text:
            kind = "duplicate or split quote"
        else:
            kind = f"spurious (cue {(row.cue or 'none').lower()})"
        text = f"{row.speaker_text}: {row.quote}"
        failures.append(Failure("statements", "false", kind, article, excerpt(text)))
    body = extraction.article.body if extraction is not None else ""
    title = (extraction.article.title or "") if extraction is not None else ""
    for j, (g, ok) in enumerate(zip(gold, found, strict=True)):
        if ok or j in wrong_speaker:
            continue
        kind = statement_miss_class(g, body, title)
        text = f"{g['speaker']}: {g['evidence']}"
        failures.append(Failure("statements", "missed", kind, article, excerpt(text)))
    return failures


def statement_miss_class(gold: Mapping[str, Any], body: str, title: str = "") -> str:
    evidence = gold.get("evidence") or ""
    speaker = gold.get("speaker")
    if title and locate(title, evidence):
        return "headline"
    span = locate(body, evidence)
    if span is None:
        return "evidence not in the cleaned text"
    first_line_end = body.find("\n")
    if span[0] == 0 or (first_line_end > 0 and span[1] <= first_line_end):
        return "headline"
    paragraph = paragraph_at(body, *span)
    sentence = sentence_at(body, *span)
    if _LABEL.match(paragraph):
        return "transcript label"
    if _search(_PRONOUN, sentence) and not _has_name(sentence, speaker):
        return "speaker pronoun-carried"
    if _search(_FIRST_PERSON, evidence) and not _has_name(paragraph, speaker):
        return "whole-document speaker"
    if _search(_SPEECH_NOUN, sentence):
        return "noun-carried speech"
    if _search(_ACCORDING, sentence):
        return "according to"
    if not _has_name(sentence, speaker):
        return "speaker in another sentence"
    return "missed (speaker named in the sentence)"


# --- stances ---------------------------------------------------------------------------------

_STANCE_WORD = re.compile(
    r"\b(?:said|says|say|told|urg\w*|call\w*|condemn\w*|critici\w*|denounc\w*|accus\w*|"
    r"blam\w*|prais\w*|welcom\w*|thank\w*|support\w*|back\w*|warn\w*|demand\w*|protest\w*|"
    r"lament\w*|slam\w*|reject\w*|applaud\w*|commend\w*|according)\b",
    re.I,
)


_QUOTE_MARK = re.compile(r"[\"“”]")


def classify_stances(
    article: str,
    extraction: Extraction | None,
    predicted: Sequence[Stance],
    correct: Sequence[bool],
    gold: Sequence[Mapping[str, Any]],
    found: Sequence[bool],
    matches: Any,  # (gold name, actor id) -> bool, with country stand-ins
    actors: Mapping[str, Actor],
) -> list[Failure]:
    failures = []
    explained: set[int] = set()
    for row, ok in zip(predicted, correct, strict=True):
        if ok:
            continue
        pair = [
            j
            for j, g in enumerate(gold)
            if matches(g["source"], row.source_id) and matches(g["target"], row.target_id)
        ]
        reverse = [
            j
            for j, g in enumerate(gold)
            if g["polarity"] == row.polarity
            and matches(g["source"], row.target_id)
            and matches(g["target"], row.source_id)
        ]
        if pair:
            explained.update(j for j in pair if not found[j])
            kind = f"wrong polarity (gold {gold[pair[0]]['polarity']}, predicted {row.polarity})"
        elif reverse:
            kind = "reversed direction"
        elif row.polarity == "neutral":
            kind = "extra neutral"
        else:
            kind = f"spurious {row.polarity}"
        text = f"{row.source_id} → {row.target_id} ({row.polarity}): {row.evidence}"
        failures.append(Failure("stances", "false", kind, article, excerpt(text)))
    mentioned = sorted({m.actor_id for m in extraction.mentions}) if extraction else []
    body = extraction.article.body if extraction is not None else ""
    for j, (g, ok) in enumerate(zip(gold, found, strict=True)):
        if ok or j in explained:
            continue
        kind = stance_miss_class(g, mentioned, matches, actors, body)
        text = f"{g['source']} → {g['target']} ({g['polarity']}): {g.get('evidence') or ''}"
        failures.append(Failure("stances", "missed", kind, article, excerpt(text)))
    return failures


def stance_miss_class(
    gold: Mapping[str, Any],
    mentioned: Iterable[str],
    matches: Any,
    actors: Mapping[str, Actor],
    body: str = "",
) -> str:
    mentioned = list(mentioned)
    sources = [a for a in mentioned if matches(gold["source"], a)]
    if not sources:
        return "source not among the article's actors"
    if not any(matches(gold["target"], a) for a in mentioned):
        return "target not among the article's actors"
    evidence = gold.get("evidence") or ""
    span = locate(body, evidence) if evidence else None
    # The whole sentence decides: a quoted fragment ("disappointed in the extreme") is speech
    # when its sentence reports it.
    sentence = sentence_at(body, *span) if span else evidence
    if evidence and not _search(_STANCE_WORD, sentence) and not _search(_QUOTE_MARK, sentence):
        return "missed policy act"
    actor = next((actors[a] for a in sources if a in actors), None)
    if actor is None:
        return "missed (source kind unknown)"
    return f"missed (source kind {actor.kind}, from {actor.source})"


# --- events ----------------------------------------------------------------------------------

_PLANNED = re.compile(
    r"\b(?:will|shall|is due to|are due to|due to (?:begin|start|resume|take)|plans? to|"
    r"planned|scheduled|expected to|set to|to be held|next (?:week|month|year))\b",
    re.I,
)
_RELATIVE_DATE = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|(?:last|this|next|earlier this|later this) (?:week|month|year)|the same day|"
    r"the (?:previous|following|next) day)\b",
    re.I,
)
_ABSOLUTE_DATE = re.compile(
    r"\b(?:1[89]\d\d|20\d\d)\b|\b(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\b"
)


def classify_events(
    article: str,
    predicted: Sequence[Event],
    correct: Sequence[bool],
    gold: Sequence[Mapping[str, Any]],
    found: Sequence[bool],
    dates_agree: Any,  # (date, gold date text) -> bool
    texts_overlap: Any,
) -> list[Failure]:
    failures = []
    explained: set[int] = set()
    open_gold = [j for j, ok in enumerate(found) if not ok]
    for row, ok in zip(predicted, correct, strict=True):
        if ok:
            continue
        same_date = [
            j
            for j in open_gold
            if j not in explained
            and dates_agree(row.event_date, gold[j].get("date"))
            and gold[j].get("type") != row.event_type
        ]
        same_type = [
            j
            for j in open_gold
            if j not in explained
            and gold[j].get("type") == row.event_type
            and texts_overlap(row.evidence, gold[j].get("evidence") or "")
        ]
        same_words = [
            j for j in same_date if texts_overlap(row.evidence, gold[j].get("evidence") or "")
        ]
        text = f"{row.event_date} {row.event_type}: {row.evidence}"
        if same_words:
            explained.add(same_words[0])
            kind = f"wrong type (gold {gold[same_words[0]]['type']}, predicted {row.event_type})"
        elif same_type:
            explained.add(same_type[0])
            kind = "wrong date"
            text = f"gold {gold[same_type[0]].get('date')}, predicted {text}"
        elif _search(_PLANNED, row.evidence):
            kind = "planned event recorded"
        else:
            kind = f"spurious {row.event_type}"
        failures.append(Failure("events", "false", kind, article, excerpt(text)))
    for j, (g, ok) in enumerate(zip(gold, found, strict=True)):
        if ok or j in explained:
            continue
        text = f"{g.get('date')} {g.get('type')}: {g.get('evidence') or ''}"
        failures.append(Failure("events", "missed", event_miss_class(g), article, excerpt(text)))
    return failures


def event_miss_class(gold: Mapping[str, Any]) -> str:
    evidence = gold.get("evidence") or ""
    if evidence and not _search(_ABSOLUTE_DATE, evidence):
        if _search(_RELATIVE_DATE, evidence):
            return "relative date"
        return "no date in the sentence"
    return f"missed {gold.get('type')}"


# --- output ----------------------------------------------------------------------------------


def group(failures: Iterable[Failure]) -> dict[tuple[str, str, str], list[Failure]]:
    """Failures by (table, side, class), largest groups first within each table."""
    groups: dict[tuple[str, str, str], list[Failure]] = defaultdict(list)
    for failure in failures:
        groups[(failure.table, failure.side, failure.failure_class)].append(failure)
    order = {"figures": 0, "statements": 1, "stances": 2, "events": 3}
    return dict(
        sorted(
            groups.items(),
            key=lambda item: (order.get(item[0][0], 9), item[0][1], -len(item[1]), item[0][2]),
        )
    )


def format_failures(failures: Sequence[Failure], examples: int = EXAMPLES_PER_CLASS) -> str:
    lines = ["errors by failure class (false rows, then missed gold rows)"]
    table = None
    for (tbl, side, kind), members in group(failures).items():
        if tbl != table:
            table = tbl
            lines.append("")
            lines.append(tbl)
        lines.append(f"  {side:<6} {len(members):>4}  {kind}")
        for failure in members[:examples]:
            lines.append(f"               {failure.article}: {failure.excerpt}")
    if not failures:
        lines.append("  none")
    return "\n".join(lines)


def as_dict(failures: Sequence[Failure]) -> list[dict[str, Any]]:
    return [
        {
            "table": tbl,
            "side": side,
            "class": kind,
            "count": len(members),
            "examples": [
                {"article": f.article, "excerpt": f.excerpt} for f in members[:EXAMPLES_PER_CLASS]
            ],
        }
        for (tbl, side, kind), members in group(failures).items()
    ]
