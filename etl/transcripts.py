"""Statements of transcripts and one-speaker documents: whole paragraphs spoken by one person.

Three layouts, each told by the page itself, never by the outlet:

- speaker labels: "Barton: Joining me now, ..." / "ALEXANDER: Well I think ..." - a paragraph
  opening with a person's name and a colon is that person's turn (an interview, a debate);
- speaker headings (parliamentary records): a short line that is only a person's name, with party,
  riding or "Portrait" around it ("Jane Doe NDP Laurier—Sainte-Marie, QC"), then the paragraphs of
  the speech, up to the next heading;
- one-speaker documents: a first line "Speaking notes for X", "Statement by X", "Remarks by X",
  "Address by X", "Statement from X on ..." - every paragraph after it in the first person is X's;
- interviews without labels: an introduction "X joined Y on ..." / "Y spoke with X", then
  paragraphs that are questions (the host's, Y) and the answers after them (the guest's, X).

A layout counts only when the page uses it at least twice (labels, headings) or in its first
line (documents), so a stray "Note:" or a name on a line of its own in a news story is no
transcript. Each returned turn is (start, end, person mention) over the paragraph's text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from etl.context import ArticleContext
from etl.types import Mention

_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|we|We|we're|We're|our|Our|my|My|us)\b")
_SPEAKER_ADDRESS = re.compile(r"^(?:Mr|Madam|Madame|Mister)\.?\s+(?:Speaker|Chair|President)\b")
_DOCUMENT_HEAD = re.compile(
    r"^(?:Speaking notes|Speech|Remarks|Address|Statement|Keynote|Opening remarks|Notes)"
    r"(?:\s+(?:as delivered|for delivery))?\s+(?:for|by|from|of)\s+(?:the\s+)?",
    re.I,
)
_MIN_TURNS = 2
_HEADING_MAX = 140


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _person(ctx: ArticleContext, mentions: Sequence[Mention]) -> Mention | None:
    for mention in mentions:
        actor = ctx.actors.get(mention.actor_id)
        if actor is not None and actor.kind == "person":
            return mention
    return None


def _is_speech(text: str) -> bool:
    """A paragraph that reads as spoken: sentences, not a heading or a time stamp."""
    return len(text) >= 40 and text.rstrip()[-1:] in ".?!\"\u201d)'\u2019:;"


def _labelled(ctx: ArticleContext, paras: list[tuple[int, int]]) -> list[tuple[int, int, Mention]]:
    turns = []
    for start, end in paras:
        match = re.match(
            r"([A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){0,3})\s*:\s+\S", ctx.body[start:end]
        )
        if not match:
            continue
        person = _person(ctx, ctx.mentions_in(start, start + match.end(1)))
        if person is not None and _is_speech(ctx.body[start:end]):
            turns.append((start + match.end(1) + 1, end, person))
    return turns if len(turns) >= _MIN_TURNS else []


# A name heading the recognizer missed still counts when parliamentary furniture follows it:
# "Jane Doe NDP Laurier—Sainte-Marie, QC", "John Roe Portrait Sir John Roe", "Ann Poe (Leeds) (Lab)".
_NAME_HEADING = re.compile(
    r"(?P<name>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){1,2})\s+"
    r"(?=Portrait\b|\(|NDP\b|Liberal\b|Conservative\b|Bloc\b|Green\b|Independent\b|"
    r"Lab\b|Con\b|SNP\b|LD\b|Lib Dem\b|Republican\b|Democrat\b|\([A-Z])"
)


def _heading_speaker(ctx: ArticleContext, start: int, end: int) -> Mention | None:
    line = ctx.body[start:end]
    if len(line) > _HEADING_MAX or line.rstrip()[-1:] in '.?!"\u201d:;':
        return None
    mentions = ctx.mentions_in(start, end)
    person = _person(ctx, mentions)
    if person is not None and person.char_start == start and " " in person.text:
        return person
    named = _NAME_HEADING.match(line)
    if named is None:
        return None
    name = named.group("name")
    return Mention(ctx.article.article_id, "", start, start + len(name), name, "heading")


def _headed(ctx: ArticleContext, paras: list[tuple[int, int]]) -> list[tuple[int, int, Mention]]:
    turns: list[tuple[int, int, Mention]] = []
    speaker: Mention | None = None
    headings = 0
    for start, end in paras:
        heading = _heading_speaker(ctx, start, end)
        if heading is not None:
            speaker, headings = heading, headings + 1
            continue
        text = ctx.body[start:end]
        if not _is_speech(text):
            if len(text) < 40:
                continue  # a time stamp or party name between heading and speech
            speaker = None
            continue
        if speaker is not None:
            turns.append((start, end, speaker))
    spoken = [t for t in turns if _SPEAKER_ADDRESS.match(ctx.body[t[0] : t[1]])]
    if headings < _MIN_TURNS or not (spoken or _first_person_share(ctx, turns) >= 0.5):
        return []
    return turns


def _first_person_share(ctx: ArticleContext, turns: list[tuple[int, int, Mention]]) -> float:
    if not turns:
        return 0.0
    return sum(bool(_FIRST_PERSON.search(ctx.body[s:e])) for s, e, _m in turns) / len(turns)


def _document(ctx: ArticleContext, paras: list[tuple[int, int]]) -> list[tuple[int, int, Mention]]:
    if not paras:
        return []
    start, end = paras[0]
    head = _DOCUMENT_HEAD.match(ctx.body[start:end])
    if head is None:
        return []
    person = _person(ctx, ctx.mentions_in(start + head.end(), min(end, start + head.end() + 120)))
    if person is None:
        return []
    return [
        (s, e, person)
        for s, e in paras[1:]
        if _is_speech(ctx.body[s:e]) and _FIRST_PERSON.search(ctx.body[s:e])
    ]


# "Sajjan joined Rick Cluff on ...": guest then host; "Cluff spoke with / interviewed Sajjan":
# host then guest.
_GUEST_FIRST = re.compile(r"\b(?:joined|joins|told|tells)\b")
_HOST_FIRST = re.compile(
    r"\b(?:spoke (?:to|with)|speaks (?:to|with)|talked (?:to|with)|interviewed|asked)\b"
)


def _is_question(text: str) -> bool:
    return text.rstrip().endswith("?") and text.lstrip()[:1] not in "\"\u201c'\u2018"


def _interview(ctx: ArticleContext, paras: list[tuple[int, int]]) -> list[tuple[int, int, Mention]]:
    """Q&A without labels: questions are the host's, the paragraphs after them the guest's."""
    first = next((i for i, (s, e) in enumerate(paras) if _is_question(ctx.body[s:e])), None)
    if first is None or sum(_is_question(ctx.body[s:e]) for s, e in paras) < _MIN_TURNS:
        return []
    host = guest = None
    for s, e in reversed(paras[:first]):
        people = [m for m in ctx.mentions_in(s, e) if _person(ctx, [m]) is not None]
        ids = list(dict.fromkeys(m.actor_id for m in people))
        if len(ids) < 2:
            continue
        by_id = {m.actor_id: m for m in people}
        a, b = by_id[ids[0]], by_id[ids[1]]
        between = ctx.body[a.char_end : b.char_start]
        if _GUEST_FIRST.search(between):
            guest, host = a, b
        elif _HOST_FIRST.search(between):
            host, guest = a, b
        if host is not None:
            break
    if host is None or guest is None:
        return []
    turns = []
    for s, e in paras[first:]:
        text = ctx.body[s:e]
        if _is_question(text):
            turns.append((s, e, host))
        elif _is_speech(text):
            turns.append((s, e, guest))
    return turns


def transcript_turns(ctx: ArticleContext) -> list[tuple[int, int, Mention]]:
    """Paragraph-long turns of one speaker, in text order (empty for ordinary articles)."""
    paras = _paragraphs(ctx.body)
    for layout in (_labelled, _headed, _document, _interview):
        turns = layout(ctx, paras)
        if turns:
            return turns
    return []


_TITLE_WORDS = re.compile(
    r"\b(?:Report|Update|Bulletin|Snapshot|Overview|Issue|Factsheet|Fact Sheet|Dashboard|No\.)"
)
_HEADLINE_LABEL = re.compile(r"(?P<label>[A-Z][^:\n]{1,40}?)\s*:\s+(?P<said>\S[^\n]{10,})")


def headline_turns(ctx: ArticleContext, lines: int = 3) -> list[tuple[int, int, Mention]]:
    """Headlines and decks that give words to a speaker before a colon: "Zakharova: Terrorists
    prepare ...", "France: Action needed to avoid ...". Only the first lines of the page, or any
    short line of a live page set off as its own paragraph, and only when the label is a name."""
    turns = []
    for start, end in _paragraphs(ctx.body)[:lines]:
        line = ctx.body[start:end]
        match = _HEADLINE_LABEL.fullmatch(line)
        if match is None or len(line) > 200 or _TITLE_WORDS.search(match.group("said")):
            continue  # "Syria: Situation Report No. 4" titles a document, nobody says it
        label_end = start + match.end("label")
        mentions = ctx.mentions_in(start, label_end)
        if len(mentions) != 1 or (mentions[0].char_start, mentions[0].char_end) != (
            start,
            label_end,
        ):
            continue  # the label is one name, not "Update on Syria:" or "Russia invades Ukraine:"
        turns.append((start + match.start("said"), end, mentions[0]))
    return turns
