"""Speaker turns: stretches of an article whose every paragraph is one speaker's own words.

A turn is claimed by a rule family (speaker-labelled transcripts, documents spoken by one
person); each of its paragraphs becomes a direct statement of that speaker, and statements the
sentence rules found inside a claimed paragraph give way to it (in a transcript "the parliamentary
secretary said that ..." is the member's statement, not the secretary's).

Shared here: the article's lines with their offsets, and resolving a written name to an actor.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from etl.context import ArticleContext
from etl.issuing_offices import names_office
from etl.types import Statement, stable_id

_HONORIFICS = re.compile(
    r"^(?:(?:the\s+)?(?:right\s+)?hon(?:ourable|orable)?\.?|mr\.?|mrs\.?|ms\.?|miss|dr\.?|sir|"
    r"dame|lord|lady|prof\.?|senator|sen\.?|gen\.?|president|minister|ambassador)\s+",
    re.I,
)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|we|We|our|Our|us|my|My|me)\b")


@dataclass(frozen=True)
class Line:
    """One non-empty line of the body (a paragraph in cleaned text), with its offsets."""

    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(re.findall(r"\w+", self.text))

    @property
    def is_prose(self) -> bool:
        """A sentence or more: long enough and ending as sentences end."""
        return self.words >= 6 and bool(re.search(r"[.?!:;\"”’)\u2026]$", self.text))


def speaks_on(line: Line, lines: list[Line]) -> bool:
    """A paragraph of a turn: prose, or the page's last paragraph cut off mid-sentence (saved
    excerpts end so: "... and they must leave this territory. All countries have worked, b")."""
    if line.is_prose:
        return True
    return line is lines[-1] and line.words >= 8 and bool(re.search(r"[a-z,]$", line.text))


@dataclass(frozen=True)
class Claim:
    """A span of the body that is one speaker's own words."""

    speaker_id: str | None
    speaker_text: str
    start: int
    end: int
    cue: str
    direct: bool = True  # the speaker's own words; False for a summary of what they said


def lines_of(text: str) -> list[Line]:
    """Non-empty lines, stripped, with offsets into text."""
    lines = []
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group(0)
        stripped = raw.strip()
        if not stripped:
            continue
        start = match.start() + (len(raw) - len(raw.lstrip()))
        lines.append(Line(start, start + len(stripped), stripped))
    return lines


def has_first_person(text: str) -> bool:
    return bool(_FIRST_PERSON.search(text))


def bare_name(label: str) -> str:
    """'The Hon. Jane Doe (Riding, Party)' -> 'Jane Doe'; 'MR. DOE' -> 'Doe'."""
    name = re.sub(r"\([^)]*\)", " ", label)
    name = re.split(r"[,\u2013\u2014]", name)[0]
    name = " ".join(name.split())
    while True:
        stripped = _HONORIFICS.sub("", name)
        if stripped == name:
            break
        name = stripped
    if name.isupper():
        name = name.title()
    return name.strip(" .")


def people_of(ctx: ArticleContext) -> list[str]:
    """Person actors the article mentions, most mentioned first (computed once per article)."""
    counts: dict[str, int] = {}
    for mention in ctx.mentions:
        if actor_kind(ctx, mention.actor_id) == "person":
            counts[mention.actor_id] = counts.get(mention.actor_id, 0) + 1
    return sorted(counts, key=lambda a: -counts[a])


def resolve_name(
    ctx: ArticleContext, name: str, start: int, end: int, people: list[str]
) -> tuple[str | None, str] | None:
    """The speaker a written name stands for: a mention on it, else a person of the article
    with that surname, else (for a name of two or more capitalised words) the name unresolved."""
    mentions = ctx.mentions_in(start, end)
    on_name = [m for m in mentions if actor_kind(ctx, m.actor_id) == "person"]
    if on_name:
        return on_name[0].actor_id, on_name[0].text
    words = name.split()
    if not words:
        return None
    surname = words[-1].lower()
    for actor_id in people:
        actor = ctx.actors.get(actor_id)
        if actor is not None and actor.name.split()[-1].lower() == surname:
            return actor_id, actor.name
    if mentions:
        return voice_of(ctx, mentions[0].actor_id), mentions[0].text
    if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
        return None, name
    if len(words) == 1 and words[0][:1].isupper():
        # A surname alone ("Zakharova: ...") stands for the full name the article gives it.
        full = re.search(rf"\b(?:[A-Z][\w'’-]+[ \t]+){{1,2}}{re.escape(words[0])}\b", ctx.body)
        if full:
            return None, full.group(0)
    return None


def actor_kind(ctx: ArticleContext, actor_id: str) -> str | None:
    actor = ctx.actors.get(actor_id)
    return actor.kind if actor else None


def voice_of(ctx: ArticleContext, actor_id: str) -> str:
    """Government bodies speak for their country ("governments are named by their country")."""
    actor = ctx.actors.get(actor_id)
    if actor is not None and actor.kind == "government" and actor.country_id:
        return actor.country_id
    return actor_id


MakeStatement = Callable[..., Statement]


def apply_claims(
    ctx: ArticleContext, statements: list[Statement], claims: list[Claim], make: MakeStatement
) -> list[Statement]:
    """Statements of the claimed spans replace whatever the sentence rules found inside them,
    except what the speaker quotes or reports of a named third party ("A recent editorial said
    and I quote, '...'", "The head of UNHCR said that ..."): that is also the third party's."""
    if not claims:
        return statements
    spans = sorted((c.start, c.end) for c in claims)
    kept = [
        s
        for s in statements
        if not _overlaps(spans, s.char_start, s.char_end) or _third_party(ctx, s, claims)
    ]
    made = [
        make(ctx, (c.speaker_id, c.speaker_text), c.start, c.end, c.direct, c.cue) for c in claims
    ]
    seen: set[str] = set()
    for k, statement in enumerate(made):  # a span several speakers issued jointly
        if statement.statement_id in seen:
            made[k] = replace(
                statement,
                statement_id=stable_id(
                    ctx.article.article_id,
                    statement.char_start,
                    statement.char_end,
                    statement.speaker_text,
                ),
            )
        seen.add(made[k].statement_id)
    # A third party's quote the turn's span repeats exactly ("the document" that is one quoted
    # paragraph with no attribution): the same statement id twice, of which the warehouse keeps
    # the first (the third party's), so the claim's copy is not made at all.
    third_party = {s.statement_id for s in kept}
    made = [s for s in made if s.statement_id not in third_party]
    return sorted(kept + made, key=lambda s: (s.char_start, s.char_end))


def _third_party(ctx: ArticleContext, statement: Statement, claims: list[Claim]) -> bool:
    """A statement inside a claimed turn whose speaker is another named actor, not the turn's
    speaker, nor the speaker's own country or organisation."""
    if statement.speaker_id is None:
        return False
    owner = next(
        (c for c in claims if c.start < statement.char_end and statement.char_start < c.end), None
    )
    if owner is None:
        return False
    if statement.cue is None and _fills_turn(statement, owner):
        return False  # the turn's own quoted words, carried to the last speaker by the quote rules
    if owner.cue == "document" and _office_of(ctx, statement, owner):
        return False  # "The Ministry of Foreign Affairs expresses …" in its own statement
    if owner.speaker_id is None:  # a speaker the gazetteer does not know: compare the names
        return statement.speaker_text.split()[-1:] != owner.speaker_text.split()[-1:]
    if ctx.country_of(owner.speaker_id) is None and actor_kind(ctx, statement.speaker_id) in {
        "country",
        "government",
    }:
        return False  # "The United States reiterates ..." in a spokesman's statement: his own side
    same_side = {owner.speaker_id, ctx.country_of(owner.speaker_id)}
    return statement.speaker_id not in same_side and (
        ctx.country_of(statement.speaker_id) not in same_side - {None}
    )


def _office_of(ctx: ArticleContext, statement: Statement, owner: Claim) -> bool:
    """The issuing office of the document's own country, named with no country of its own."""
    if actor_kind(ctx, owner.speaker_id or "") != "country":
        return False
    return names_office(statement.speaker_text) and ctx.country_of(statement.speaker_id) in {
        None,
        owner.speaker_id,
    }


def _fills_turn(statement: Statement, owner: Claim) -> bool:
    """A quote with no attribution of its own that is the whole turn but for its marks
    ("CO: “How many are here?”")."""
    return statement.char_start - owner.start <= 3 and owner.end - statement.char_end <= 3


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)
