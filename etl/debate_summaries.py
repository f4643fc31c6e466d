"""Summaries of a debate or a briefing laid out as labelled blocks, as parliament trackers print
them: the lead member named under a "Lead MP" line, then blocks opened by a role line
("Government Statement", "Question", "Minister reply", "Answer"):

    Lead MP
    Jane Doe
    ...
    Government Statement
    Over a period of two weeks, there has been significant change ... (several sentences)
    John Roe
    Con
    Witham
    Question
    What steps will be taken ...?
    Minister reply
    The Government continues to work ...

A question is asked by the person named on the lines just above its role line; statements,
replies and answers are the lead's. The blocks summarise what was said (reported speech, not
quotations): a block of one or two sentences is one statement, a longer one gives one statement
per sentence. Read only when the page has at least two role lines with a speaker.
"""

from __future__ import annotations

import re

from etl.context import ArticleContext
from etl.turns import Claim, Line, lines_of, people_of, resolve_name, speaks_on

_LEAD_LINES = {"lead mp", "lead member", "lead speaker", "lead minister", "minister"}
_ASKING = {"question", "questions", "supplementary question"}
_ANSWERING = {
    "answer",
    "reply",
    "response",
    "minister reply",
    "minister's reply",
    "ministerial reply",
    "minister response",
    "government response",
    "government reply",
    "government statement",
}
_NAME = re.compile(r"^(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+$")
_ASKER_REACH = 4  # lines above a "Question" line searched for the asker's name
_SPLIT_FROM = 3  # sentences in a block from which each sentence is its own statement


def debate_summary_claims(ctx: ArticleContext) -> list[Claim]:
    lines = lines_of(ctx.body)
    people = people_of(ctx)
    lead = _lead(ctx, lines, people)
    roles: dict[int, tuple[str | None, str]] = {}
    for i, line in enumerate(lines):
        role = line.text.lower().strip(" :")
        if role in _ANSWERING and lead is not None:
            roles[i] = lead
        elif role in _ASKING:
            asker = _asker(ctx, lines, i, people)
            if asker is not None:
                roles[i] = asker
    if len(roles) < 2:
        return []
    claims: list[Claim] = []
    for i, speaker in roles.items():
        for line in _block(lines, i, roles):
            claims += _block_claims(ctx, speaker, line)
    return claims


def _lead(
    ctx: ArticleContext, lines: list[Line], people: list[str]
) -> tuple[str | None, str] | None:
    for i, line in enumerate(lines[:-1]):
        if line.text.lower().strip(" :") in _LEAD_LINES and _NAME.match(lines[i + 1].text):
            name = lines[i + 1]
            return resolve_name(ctx, name.text, name.start, name.end, people)
    return None


def _asker(
    ctx: ArticleContext, lines: list[Line], i: int, people: list[str]
) -> tuple[str | None, str] | None:
    for j in range(i - 1, max(-1, i - 1 - _ASKER_REACH), -1):
        line = lines[j]
        if line.is_prose:
            return None
        if _NAME.match(line.text) and len(line.text.split()) >= 2:
            return resolve_name(ctx, line.text, line.start, line.end, people)
    return None


def _block(lines: list[Line], i: int, roles: dict[int, tuple]) -> list[Line]:
    """The paragraphs after role line i, up to the next role line or a line that is not prose
    (the next asker's name)."""
    block = []
    for j in range(i + 1, len(lines)):
        if j in roles or not speaks_on(lines[j], lines):
            break
        block.append(lines[j])
    return block


def _block_claims(ctx: ArticleContext, speaker: tuple[str | None, str], line: Line) -> list[Claim]:
    sentences = [
        s for s in ctx.doc.sents if line.start <= s.start_char < line.end and s.text.strip()
    ]
    if len(sentences) < _SPLIT_FROM:
        return [Claim(speaker[0], speaker[1], line.start, line.end, "summary", direct=False)]
    return [
        Claim(
            speaker[0],
            speaker[1],
            s.start_char,
            min(s.start_char + len(s.text.rstrip()), line.end),
            "summary",
            direct=False,
        )
        for s in sentences
    ]
