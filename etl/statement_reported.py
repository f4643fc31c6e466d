"""One sentence of reported speech: a reporting clause, "according to X", "as X reported", a
declared feeling, or a headline naming its speaker.

Sentences that only attribute a direct quote ("“…,” said X.") are not reported speech again.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from etl.context import ArticleContext
from etl.speaker_choice import (
    holder_of_title,
    title_in,
)
from etl.speaker_modifiers import describing_only, state_voices
from etl.speech_nouns import SPEECH_ADJECTIVE
from etl.statement_clauses import _as_reported, _reporting_clause
from etl.statement_marks import _Covered, _inside, _words
from etl.statement_quotes import _INTRODUCER
from etl.statement_rows import _make, _trim
from etl.statement_speakers import _pick_speaker, _possessor
from etl.statement_verbs import _DOCUMENT_NOUNS, _is_reporting
from etl.turns import actor_kind, voice_of
from etl.types import Mention, Statement


def _reported(
    ctx: ArticleContext,
    sent: Span,
    covered: _Covered,
    last: tuple[str | None, str] | None,
) -> Statement | None:
    """A sentence of reported speech: an actor is the subject of a reporting verb, or 'according to X'."""
    start, end = _trim(ctx.body, sent.start_char, sent.end_char)
    if end - start < 15 or _inside(covered, start, end):
        return None
    if ctx.body[end - 1] == ":" and covered.any_start_from(end):
        return None  # "X said in a video address:" only introduces the quote that follows
    outside = _outside_words(ctx.body, start, end, covered)
    if outside < 6 or _only_introduces(ctx.body, start, end, covered):
        return None  # just the attribution of a direct quote
    if _attributes_only(ctx, start, end, covered):
        return None  # "“...,” said Jane Doe, the envoy to Libya, referring to the camp."
    found = _reporting_clause(ctx, sent, start, end, covered, last)
    if found is not None:
        return found
    according = re.search(r"\baccording to\b", ctx.body[start:end], re.I)
    # "according to X" is X's reported statement, a number it sources included (GOLD.md).
    if according and not _according_to_unnamed(sent):
        mentions = _according_to_mentions(ctx, sent)
        document = re.match(
            r"\s*(?:the|its|their|his|her)\s+(\w+)\s*[,;]",
            ctx.body[start + according.end() : end],
        )
        pronoun = re.match(r"\s*(?:him|her)\b", ctx.body[start + according.end() : end])
        if not mentions and pronoun and last is not None:
            return _make(ctx, last, start, end, False, "according to")  # the one just reported
        if not mentions and document and document.group(1).lower() in _DOCUMENT_NOUNS:
            # "According to the communique, ...": the author of the statement just reported,
            # not a country named later in the sentence ("... the Syria crisis").
            if last is None:
                return None
            return _make(ctx, last, start, end, False, "according to")
        # a name further on in the phrase ("according to a statement from the Foreign
        # Ministry"), not one of the clause it sources ("According to the paper, 32 Russian
        # aircraft were sent"); an unnamed official is the country the sentence names
        phrase = _according_to_phrase(sent) or (start + according.end(), end)
        mentions = mentions or describing_only(
            ctx, sent.root, ctx.mentions_in(phrase[0], phrase[1])
        )
        if mentions:
            speaker_id, speaker_text = _pick_speaker(ctx, mentions[:2])
            return _make(ctx, (speaker_id, speaker_text), start, end, False, "according to")
        document = re.match(
            r"\s*(?:the|its|their|his|her)\s+(\w+)", ctx.body[start + according.end() : end]
        )
        if document and document.group(1).lower() in _DOCUMENT_NOUNS and last is not None:
            # "According to the communique issued by ...": as above.
            return _make(ctx, last, start, end, False, "according to")
    reported_as = _as_reported(ctx, sent)
    if reported_as is not None:
        return _make(ctx, reported_as, start, end, False, "as reported")
    feeling = _declared_feeling(ctx, start, end)
    if feeling is not None:
        return _make(ctx, feeling[0], start, end, False, feeling[1])
    headline = _headline_speaker(ctx, start, end)
    if headline is not None:
        return _make(ctx, headline[0], start, end, False, headline[1])
    return None


# A headline naming its source after a colon: "Venezuela exodus surpasses 4 million: UN".
_COLON_SOURCE = re.compile(
    r"^(?:[^\n]*:\s*)?(?P<text>[^\n:]{12,}?)\s*:\s*(?P<who>[A-Z][^\n:.!?]{0,40})$"
)


# "...: Pentagon official": an unnamed official of a body or country speaks for it.
_OFFICIAL_AFTER = re.compile(r"\s+(?:officials?|spokes(?:man|woman|person)|sources?)$", re.I)


_SOURCE_KINDS = {"person", "organization", "organisation", "intergovernmental"}


def _sources_after_colon(ctx: ArticleContext) -> list[Statement]:
    """Lines that end in their source: the first line, a headline with its source after a
    colon, and any later line of a live page or a list of updates ending in its source after a
    colon or a spaced dash ("Evacuations have resumed – Pentagon.", "All flights halted at the
    airport: Pentagon."). The source is a name of at most four words, all of it a known person,
    body or government department, and the line a claim with a finite verb; a country after a
    colon heads a list."""
    found = []
    lines = (m for m in re.finditer(r"[^\n]+", ctx.body) if m.group(0).strip())
    for number, line in enumerate(lines):
        text = line.group(0).rstrip()
        made = None
        if number == 0:
            lead = len(text) - len(text.lstrip())
            made = _line_source(ctx, line.start() + lead, text.lstrip(), _COLON_SOURCE, set())
        elif text.endswith(".") or _DASH_SOURCE.search(text):
            # a colon label without a full stop ("Refugees registered in the region: UNHCR")
            # heads a table, not a claim
            lead = re.match(r"[\s\u2022*-]*(?:(?:UPDATE|BREAKING|LATEST)\b[\s:]*)?", text).end()
            made = _line_source(ctx, line.start() + lead, text[lead:], _LINE_SOURCE, {"government"})
        if made is not None:
            found.append(made)
    return found


_DASH_SOURCE = re.compile(r"\s[\u2013\u2014-]\s*[A-Z][^\n:\u2013\u2014-]{0,40}$")
# A later line ending in its source: "All flights halted at the airport: Pentagon.",
# "Evacuations have resumed after a halt – Pentagon."
_LINE_SOURCE = re.compile(
    r"^(?P<text>[^\n:]{12,}?)\s*(?::|\s[\u2013\u2014-])\s*(?P<who>[A-Z][^\n:.!?]{0,40}?)\.?$"
)


def _line_source(
    ctx: ArticleContext, at: int, text: str, pattern: re.Pattern[str], kinds_extra: set[str]
) -> Statement | None:
    match = pattern.match(text)
    if match is None or len(match.group("text").split()) < 3 or len(match.group("who").split()) > 4:
        return None
    who_start = at + match.start("who")
    who_end = at + match.end("who")
    mentions = ctx.mentions_in(who_start, who_end)
    if len(mentions) != 1:
        return None
    who = ctx.body[who_start:who_end].strip()
    official = _OFFICIAL_AFTER.search(who)
    if official is not None:
        who = who[: official.start()]
    kinds = _SOURCE_KINDS | kinds_extra | ({"country", "government"} if official else set())
    if actor_kind(ctx, mentions[0].actor_id) not in kinds or who != mentions[0].text:
        return None
    start = at + match.start("text")
    end = at + match.end("text")
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not any(t.tag_ in {"VBZ", "VBD", "VBP", "MD"} for t in span):
        return None  # a label ("Refugees registered in the region: UNHCR"), not a claim
    speaker = (voice_of(ctx, mentions[0].actor_id), mentions[0].text)
    return _make(ctx, speaker, start, end, False, "headline")


# A title-case headline the parser cannot read: "No Benefit in Talks, Head of X's Army Says".
_HEADLINE_SAYS = re.compile(
    r"[^\n]{10,}?,\s+([^,\n]{3,80}?)\s+(Says|Said|Warns|Urges|Tells|Insists|Claims)\s*$"
)


_HEADLINE_VERBS = ("Says", "Said", "Warns", "Urges", "Tells", "Insists", "Claims")


def _headline_speaker(
    ctx: ArticleContext, start: int, end: int
) -> tuple[tuple[str | None, str], str] | None:
    """The speaker phrase ending a title-case headline: a person named there, else the holder
    of its title (of the country it names), else the country or body it names."""
    line = ctx.body[start:end]
    if not line.endswith(_HEADLINE_VERBS):
        return None  # the regular expression only runs on lines it can match
    match = _HEADLINE_SAYS.fullmatch(line)
    if match is None or "\n" in line:
        return None
    phrase_start, phrase_end = start + match.start(1), start + match.end(1)
    mentions = [m for m in ctx.mentions_in(phrase_start, phrase_end)]
    cue = match.group(2).lower()
    cue = {"says": "say", "said": "say"}.get(cue, cue.rstrip("s"))
    people = [m for m in mentions if actor_kind(ctx, m.actor_id) == "person"]
    if people:
        return (voice_of(ctx, people[0].actor_id), people[0].text), cue
    title = title_in(match.group(1))
    if title is not None:
        countries = {ctx.country_of(m.actor_id) for m in mentions} - {None}
        holder = holder_of_title(ctx, phrase_start, title, countries)
        return (holder, cue) if holder is not None else None
    if mentions:
        return _pick_speaker(ctx, mentions), cue
    return None


def _declared_feeling(
    ctx: ArticleContext, start: int, end: int
) -> tuple[tuple[str | None, str], str] | None:
    """ "Canada 'deeply' disappointed after the veto", "Norway is alarmed by the report": the
    sentence opens with an actor declaring a feeling about events; the actor said so."""
    mentions = ctx.mentions_in(start, min(end, start + 120))
    if (
        not mentions
        or ctx.body[start : mentions[0].char_start] not in ("", "The ")
        or _possessor(ctx, mentions[0])
    ):
        return None
    if ctx.body[start : mentions[0].char_start] and actor_kind(ctx, mentions[0].actor_id) not in (
        "intergovernmental",
        "organization",
    ):
        return None  # "The United Nations continues to remain concerned by": a body's article;
        # "The United States is concerned" opening a press statement is its author's
    first = mentions[0]
    if actor_kind(ctx, first.actor_id) not in _FEELING_KINDS:
        return None
    match = SPEECH_ADJECTIVE.match(ctx.body, first.char_end, end)
    if match is None:
        return None
    return (voice_of(ctx, first.actor_id), first.text), match.group(1).lower()


_FEELING_KINDS = ("person", "country", "government", "intergovernmental", "organization")


# Sources "according to" names without naming anyone (GOLD.md: no statement). Officials and
# sources are left to the speaker rules: "according to Canadian officials" is Canada's.
_UNNAMED_SOURCES = {"report", "rumour", "rumor", "media", "medium"}


def _according_to_unnamed(sent: Span) -> bool:
    """ "According to media reports, ...", "according to officials": an unnamed source, not
    whoever the rest of the sentence names."""
    for token in sent:
        if token.lower_ != "according" or token.i + 1 >= sent.end:
            continue
        to = sent.doc[token.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return False
        if any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "some") for c in pobj.children):
            return False  # "according to the report": the document of the one just reported
        if _one_unnamed_person(pobj):
            return True  # "according to a former official interviewed by Amnesty"
        return pobj.lemma_.lower() in _UNNAMED_SOURCES and not any(
            t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")
            for t in pobj.subtree
        )  # "according to Yemeni officials" is Yemen's
    return False


# People who, unnamed and described by no body or country, are anonymous sources (GOLD.md).
_UNNAMED_PEOPLE = {
    "official",
    "source",
    "resident",
    "witness",
    "activist",
    "detainee",
    "doctor",
    "person",
    "man",
    "woman",
    "survivor",
    "officer",
    "member",
    "employee",
}


def _one_unnamed_person(pobj) -> bool:
    """ "a former official interviewed by Amnesty", "a resident": one person, named by nothing
    in their own words (the clause after them says who heard them, not for whom they speak)."""
    if pobj.lemma_.lower() not in _UNNAMED_PEOPLE or not any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "one", "another") for c in pobj.children
    ):
        return False
    own = [t for left in pobj.lefts for t in left.subtree]
    return not any(
        t.pos_ == "PROPN"
        or t.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")
        or t.lower_ in _GOVERNMENT_WORDS  # "a senior government official": the government's
        for t in own
    )


_GOVERNMENT_WORDS = {"government", "military", "defense", "defence", "ministry", "state"}


def _according_to_mentions(ctx: ArticleContext, sent: Span) -> list[Mention]:
    """Mentions on the head noun of "according to X", its modifiers or apposition ("according
    to the UN refugee agency, UNHCR"), not inside a further phrase ("the ministry in Gaza")."""
    for token in sent:
        if token.lower_ != "according" or token.i + 1 >= sent.end:
            continue
        to = sent.doc[token.i + 1]
        if to.lower_ != "to":
            continue
        for pobj in (c for c in to.children if c.dep_ == "pobj"):
            tokens = [t for left in pobj.lefts for t in left.subtree] + [pobj]
            tokens += [t for c in pobj.rights if c.dep_ == "appos" for t in c.subtree]
            starts = {t.idx for t in tokens}
            left, right = pobj.left_edge, pobj.right_edge
            found = [
                m
                for m in ctx.mentions_in(left.idx, right.idx + len(right))
                if m.char_start in starts
            ]
            if found and all(_possessor(ctx, m) for m in found):
                # "according to the United Nations' refugee agency, the UNHCR, ...": the name
                # set beside the owned noun is the one it means
                after = pobj.idx + len(pobj)
                named = [
                    m
                    for m in ctx.mentions_in(after, after + 60)
                    if re.fullmatch(r",\s*(?:the\s+)?", ctx.body[after : m.char_start], re.I)
                ]
                found += named[:1]
            found = describing_only(ctx, pobj, found)  # not "Britain" of "Britain-based"
            if found:
                return found
    return []


def _according_to_phrase(sent: Span) -> tuple[int, int] | None:
    """The characters of the source "according to" names, its whole phrase; none for an
    unnamed official or office ("according to a senior government official")."""
    for token in sent:
        if token.lower_ != "according" or token.i + 1 >= sent.end:
            continue
        to = sent.doc[token.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if to.lower_ == "to" and pobj is not None and pobj.lemma_.lower() not in state_voices():
            return pobj.left_edge.idx, pobj.right_edge.idx + len(pobj.right_edge)
    return None


def _only_introduces(text: str, start: int, end: int, covered: _Covered) -> bool:
    """ "Sputnik quoted her as saying in a press conference that “...”": one clause, with no
    comma, that hands over to the quote closing the sentence says nothing of its own."""
    spans = covered.overlapping(start, end)
    if not spans:
        return False
    first_start, last_end = spans[0][0], spans[-1][1]
    lead = text[start:first_start]
    if len(spans) != 1 or re.search(r"\w", text[last_end:end]):
        return False
    if re.search(r":\s*\W?$", lead):
        return True  # "X told the Daily Telegraph: 'The family ...'"
    return not re.search(r"[,;\u2014]", lead) and bool(_INTRODUCER.search(lead))


# The attribution after a quote that opens the sentence: ", said X", ", X told the delegations".
_ATTRIBUTION_TAIL = re.compile(
    r"^[\s,—-]*(?:(?:the\s+)?[\w.'’-]+\s+){0,9}?(?:said|says|told|tells|added|adds|"
    r"stated|explained|wrote|noted|continued|insisted)\b"
)


# A second thing said after the attribution: ", adding that ...", "and urged ...".
_SAYS_MORE = re.compile(
    r"\b(?:adding|saying|stressing|noting|urging|warning|calling|insisting|arguing|explaining|"
    r"and (?:said|added|urged|called|warned))\b|[\"“]"
)


def _only_attributes(text: str, start: int, end: int, covered: _Covered) -> bool:
    """The sentence opens inside or at a direct quote and the rest only says who spoke (and who
    they are, or to whom): the quote is the statement, not the sentence."""
    spans = covered.overlapping(start, end)
    if not spans or spans[0][0] > start + 1:
        return False
    last_end = max(e for _s, e in spans)
    tail = text[last_end:end]
    return bool(_ATTRIBUTION_TAIL.match(tail)) and not _SAYS_MORE.search(tail)


def _attributes_only(ctx: ArticleContext, start: int, end: int, covered: _Covered) -> bool:
    """`_only_attributes`, and no second reporting verb after the first ("..., Trudeau said,
    hours after the general announced that ...")."""
    if not _only_attributes(ctx.body, start, end, covered):
        return False
    last_end = max(e for _s, e in covered.overlapping(start, end))
    span = ctx.doc.char_span(last_end, end, alignment_mode="expand")
    # "referring to the camp", "pointing to a series of conferences" say what the quote is
    # about, "a statement issued in X" where it was said: nothing more is said
    more = [
        t
        for t in span or ()
        if _is_reporting(t) and t.lemma_ not in ("refer", "point") and t.dep_ != "acl"
    ]
    return len(more) <= 1


def _outside_words(text: str, start: int, end: int, covered: _Covered) -> int:
    pieces, cursor = [], start
    for s, e in covered.overlapping(start, end):
        pieces.append(text[cursor : max(cursor, s)])
        cursor = max(cursor, e)
    pieces.append(text[cursor:end])
    return _words(" ".join(pieces))
