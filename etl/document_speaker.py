"""Whole documents spoken by one speaker: speeches, remarks, statements and press statements.

The speaker is named at the top: in a heading ("Speaking notes for the Honourable Jane Doe, ...",
"Address by the Minister of ...", "Statement from the President on ...", "Remarks by ...") or in
a first line that hands the floor over ("Global Affairs Canada today issued the following
statement:", briefing notes' "This is a summary of what was said by spokesperson Jane Doe ...").
Every first-person paragraph after it is a direct statement of that speaker; a speech ("Check
against delivery", "As delivered") and briefing notes are theirs throughout. A person named so
wins over an organisation a heading names above them.

With no person named (docspeaker13): a statement "released by" a list of ministers is each
one's (`listed_issuer_claims`); a document headed by its kind and a government office
("Press Statement / Office of the Spokesperson / Washington, DC", "Statement of the Ministry
of Foreign Affairs", "Comment by the Information and Press Department on ...") is the office's
country's, named on the office's lines or else by the page's own site (`issuing_office_claims`,
offices in rules/issuing_offices.txt); a page of such a site that opens in the first person
plural with no heading is the site's country's in its unquoted "we" paragraphs
(`site_voice_claims`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from etl.context import ArticleContext
from etl.issuing_offices import names_office
from etl.turns import (
    Claim,
    Line,
    bare_name,
    has_first_person,
    lines_of,
    people_of,
    resolve_name,
    speaks_on,
)

_HEADING = re.compile(
    r"^(?:(?:the\s+)?(?:text of\s+)?(?:speaking notes|notes for (?:an address|remarks)|"
    r"(?:opening |closing |keynote |prepared |video )?(?:remarks|address|speech|statement|"
    r"message|declaration)|press statement|joint statement|readout))\b"
    r"[^\n]{0,60}?\b(?:by|for|from|of)\s+(?P<who>[^\n]+)$",
    re.I,
)
# A heading naming only the kind of document, its issuer on the lines below.
_BARE_HEADING = re.compile(
    r"^(?:press statement|statement|joint statement|remarks|readout|media note|press release)"
    r"\s*$",
    re.I,
)
# "Remarks at a UN Security Council Briefing on …": the kind of document and its occasion,
# the speaker on the short line below ("Ambassador Jane Doe" / "Acting Permanent
# Representative").
_OCCASION_HEADING = re.compile(
    r"^(?:(?:opening |closing |keynote |prepared )?remarks|statement|address|speech)"
    r"\s+(?:at|to|before|during)\s+(?:an?|the)\s+[^\n.!?:]{3,120}$",
    re.I,
)
_BYLINE = re.compile(r"^(?:by|from|reporting by|written by)\s", re.I)
# "The following Security Council press statement was issued today by Council President ...:"
_PASSIVE_HANDOVER = re.compile(
    r"\b(?:the\s+)?following\s+(?P<issuer>[^\n]{0,80}?)\s*(?:press\s+)?(?:statement|remarks|"
    r"address|speech|message|declaration|communiqu[eé])\s+(?:was|were|has been)\s+"
    r"(?:issued|released|made|delivered)\b(?P<rest>[^\n]*):\s*$",
    re.I,
)
_JOINT = re.compile(r"^(?:the\s+)?(?:text of\s+(?:the\s+)?)?joint\b", re.I)
_HANDOVER = re.compile(
    r"\b(?:today\s+|has\s+|have\s+)?(?:issued|released|made|delivered|gave)\s+the\s+following\s+"
    r"(?:statement|remarks|address|speech|message|declaration)\b[^\n]*:\s*$",
    re.I,
)
# "This is a summary of what was said by UNHCR spokesperson Jane Doe ... at the press briefing"
_SAID_BY = re.compile(
    r"\bwhat was (?:said|stated) by\s+"
    # "Below is the text of the speech made by Jane Doe, the Development Secretary, in London"
    r"|\b(?:full\s+)?(?:text|transcript)\s+of\s+(?:the|a|an|his|her)\s+(?:full\s+)?"
    r"(?:speech|remarks|address|statement|lecture)\s+(?:(?:made|delivered|given)\s+)?by\s+",
    re.I,
)
_DELIVERY = re.compile(
    r"^(?:check against delivery|as delivered|as prepared for delivery)\W*$", re.I
)
_SPEECH_WORDS = re.compile(r"notes|remarks|address|speech|message", re.I)
# A release's closing sections are not the speaker's words.
_STOP = re.compile(
    r"^(?:-\s*30\s*-|###|for (?:more|further) information|media (?:contacts?|relations)|"
    r"contacts?:|quick facts|associated links|related (?:links|products)|backgrounder|"
    r"follow us|stay connected|about\s)",
    re.I,
)
_SCAN_LINES = 4  # the speaker is named in the heading or the first lines


def document_claims(ctx: ArticleContext) -> list[Claim]:
    """Claims of the paragraphs a document's named speaker speaks (empty for other articles)."""
    lines = lines_of(ctx.body)
    if len(lines) < 2:
        return []
    people = people_of(ctx)
    found = _named_speaker(ctx, lines, people)
    if found is None or not _is_person_speaker(ctx, found[1]) or names_office(found[1][1]):
        # no person named: a list of issuers, else the office of a government
        issued = listed_issuer_claims(ctx, lines) or issuing_office_claims(ctx, lines)
        if found is None and not issued:
            issued = site_voice_claims(ctx, lines)
        if issued or found is None:
            return issued
        if found[1][0] is None and names_office(found[1][1]):
            return []  # "Press Release / Foreign Ministry": an office of no known country
        if _headline_verb(ctx, lines[found[0]].start, lines[found[0]].end):
            return []  # "Statement of the Foreign Ministry angers Moscow": news about one
    index, speaker, whole_speech = found
    speakers = _joint_issuers(ctx, lines[index]) or [speaker]
    whole_speech = whole_speech or len(speakers) > 1
    delivered = any(_DELIVERY.match(line.text) for line in lines[: _SCAN_LINES + 4])
    claims: list[Claim] = []
    for line in lines[index + 1 :]:
        if _STOP.match(line.text):
            break
        if not speaks_on(line, lines) or line.text.endswith(":"):
            continue  # a line ending in a colon introduces what follows
        if line.text == lines[index].text:
            continue  # the heading repeated by the page
        if (whole_speech or delivered) or has_first_person(line.text):
            text_start, text_end = _unquote(ctx.body, line)
            claims += [Claim(s[0], s[1], text_start, text_end, "document") for s in speakers]
    return claims if len(claims) >= 1 else []


_ISSUER_KINDS = {"country", "government", "organization", "organisation", "intergovernmental"}


def _joint_issuers(ctx: ArticleContext, heading: Line) -> list[tuple[str | None, str]]:
    """ "Joint Statement by Iran, Russia and Turkey on the meeting in Astana": each issuer named
    before the subject ("on", "at", "regarding") speaks the whole document."""
    match = _HEADING.match(heading.text)
    if match is None or not _JOINT.match(heading.text):
        return []
    who = match.group("who")
    cut = re.search(r"\s(?:on|at|regarding|concerning|about|after|following|in)\s", who)
    start = heading.start + match.start("who")
    end = start + (cut.start() if cut else len(who))
    found: list[tuple[str | None, str]] = []
    for mention in ctx.mentions_in(start, end):
        actor = ctx.actors.get(mention.actor_id)
        if actor is None or actor.kind not in _ISSUER_KINDS | {"person"}:
            continue
        if all(f[0] != mention.actor_id for f in found):
            found.append((mention.actor_id, actor.name))
    return found if len(found) >= 2 else []


def _named_speaker(
    ctx: ArticleContext, lines: list[Line], people: list[str]
) -> tuple[int, tuple[str | None, str], bool] | None:
    """The first person the top lines name as the speaker; else the first organisation
    ("Statement from the Ministry of ..." above "The Hon. Jane Doe, Minister of ..., today
    issued the following statement:" is the minister's)."""
    fallback = None
    for found in _speakers_named(ctx, lines, people):
        if _is_person_speaker(ctx, found[1]):
            return found
        fallback = fallback or found
    return fallback


def _speakers_named(
    ctx: ArticleContext, lines: list[Line], people: list[str]
) -> Iterator[tuple[int, tuple[str | None, str], bool]]:
    for i, line in enumerate(lines[:_SCAN_LINES]):
        match = _HEADING.match(line.text)
        if match and _headline_verb(ctx, line.start, line.start + match.start("who")):
            match = None  # "Remarks at the summit draw criticism from Moscow": a news headline
        if match and not line.text.endswith((".", "?", "!")):
            start = line.start + match.start("who")
            speaker = _speaker_in(ctx, start, line.end, people)
            if speaker is not None:
                yield i, speaker, bool(_SPEECH_WORDS.search(line.text[: match.start("who")]))
                continue
        if _BARE_HEADING.match(line.text) or (
            _OCCASION_HEADING.match(line.text) and not _finite_verb(ctx, line.start, line.end)
        ):
            # "Press Statement / Jane Doe / Deputy Spokesperson / Washington, DC": the name on
            # the next short line
            for j in range(i + 1, min(i + 3, len(lines))):
                below = lines[j]
                if below.words > 5 or below.text.endswith((".", "?", "!", ":")):
                    break
                if _BYLINE.match(below.text):
                    break  # "By Jane Doe": the reporter of a story headed so, not a speaker
                speaker = _speaker_in(ctx, below.start, below.end, people)
                if speaker is not None and _is_person_speaker(ctx, speaker):
                    yield j, speaker, True
                    break
        said_by = _SAID_BY.search(line.text)
        if said_by:
            speaker = _speaker_in(ctx, line.start + said_by.end(), line.end, people)
            if speaker is not None:
                yield i, speaker, True
                continue
        passive = _PASSIVE_HANDOVER.search(line.text)
        if passive:
            # the body named before "statement" issues it; else the one it was issued by
            issuer_start = line.start + passive.start("issuer")
            speaker = _speaker_in(ctx, issuer_start, line.start + passive.end("issuer"), people)
            if speaker is None or ctx.actors.get(speaker[0] or "") is None:
                rest = line.start + passive.start("rest")
                speaker = (
                    _speaker_in(ctx, rest, line.start + passive.end("rest"), people) or speaker
                )
            if speaker is not None:
                yield i, speaker, True
                continue
        handover = _HANDOVER.search(line.text)
        if handover:
            speaker = _speaker_in(ctx, line.start, line.start + handover.start(), people)
            if speaker is not None:
                yield i, speaker, True


def _headline_verb(ctx: ArticleContext, start: int, end: int) -> bool:
    """A verb in the present before the issuer ("Remarks at the summit draw criticism from …",
    "… sparks anger"): the line tells news about a document, as headlines do, it does not head
    one. Past forms are left alone: "Statement attributed to …", "Remarks as delivered by …"
    head documents, and the parser may read them as finite verbs."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(
        t.pos_ in ("VERB", "AUX")
        and t.lemma_ != "be"
        and (
            t.tag_ in ("VBZ", "VBP")
            or (t.tag_ == "VB" and any(c.dep_ == "nsubj" for c in t.children))
        )
        for t in span
    )


def _finite_verb(ctx: ArticleContext, start: int, end: int) -> bool:
    """A finite verb or auxiliary anywhere in the line ("Remarks at the summit in Geneva were
    met with scepticism", "… drew criticism"): the line is a news headline about remarks, not
    the heading of the remarks themselves, which names a kind of document and its occasion
    only."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(
        t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in span
    )


def _is_person_speaker(ctx: ArticleContext, speaker: tuple[str | None, str]) -> bool:
    actor = ctx.actors.get(speaker[0]) if speaker[0] else None
    if actor is not None:
        return actor.kind == "person"
    words = speaker[1].split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def _speaker_in(
    ctx: ArticleContext, start: int, end: int, people: list[str]
) -> tuple[str | None, str] | None:
    """A person named in the span first; else the first organisation or government."""
    mentions = ctx.mentions_in(start, end)
    if not mentions:
        # A name the model did not tag: "the Honourable Jane Doe, Minister of ..."
        name = bare_name(re.split(r"[,(]| at | on ", ctx.body[start:end])[0])
        return resolve_name(ctx, name, start, start, people) if len(name.split()) <= 4 else None
    person = next(
        (m for m in mentions if (a := ctx.actors.get(m.actor_id)) and a.kind == "person"), None
    )
    if person is None:
        # "Ottawa, ... – The Hon. Jane Doe, Minister of ...": a person the gazetteer lacks
        titled = _TITLED_NAME.search(ctx.body, start, end)
        if titled is not None:
            group = "name" if titled.group("name") else "name2"
            name = titled.group(group)
            found = resolve_name(ctx, name, titled.start(group), titled.end(group), people)
            if found is not None:
                return found
    chosen = person or mentions[0]
    return resolve_name(ctx, chosen.text, chosen.char_start, chosen.char_end, people)


_TITLED_NAME = re.compile(
    r"\b(?:Hon\.|Honourable|Honorable)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})"
    r"|(?P<name2>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}),\s+(?:the\s+)?(?:Minister|Secretary)\b"
)


# "Richard Harrington, Minister for Syrian Refugees said:" closing its line, the speech below it
# printed without quotation marks (press releases).
_SAID_COLON = re.compile(
    r"^(?P<who>[^\n]{3,160}?)\s+(?:said|says|added|adds|stated|states|explained|commented|"
    r"noted|declared|wrote|writes|continued)\b[^\n:.!?\"“”]{0,60}(?::|\s[-\u2013\u2014])\s*$"
)
# A bullet of a list: "- Half of the refugees were children", "• ...".
_BULLET = re.compile(r"^[-\u2013\u2014\u2022*]\s+(?=\S)")


def said_colon_claims(ctx: ArticleContext) -> list[Claim]:
    """The unquoted paragraphs under a "Name said:" line, while they speak in the first person
    (the first that does not is the narrator's again)."""
    lines = lines_of(ctx.body)
    claims: list[Claim] = []
    people: list[str] | None = None
    for i, line in enumerate(lines[:-1]):
        match = _SAID_COLON.match(line.text)
        if match is None or len(match.group("who").split()) > 20:
            continue
        if people is None:
            people = people_of(ctx)
        speaker = _speaker_in(ctx, line.start, line.start + match.end("who"), people)
        if speaker is None:
            continue
        bullets = list(itertools.takewhile(lambda b: _BULLET.match(b.text), lines[i + 1 :]))
        for below in bullets:  # "X said -" then a list: each bullet is one thing X said
            text_start = below.start + _BULLET.match(below.text).end()
            if len(re.findall(r"\w+", ctx.body[text_start : below.end])) >= 4:
                claims.append(Claim(speaker[0], speaker[1], text_start, below.end, "say", False))
        for below in lines[i + 1 :] if not bullets else ():
            if (
                not speaks_on(below, lines)
                or below.text[:1] in "\"“‘'"
                or below.text.endswith(":")
                or not has_first_person(below.text)
            ):
                break
            claims.append(Claim(speaker[0], speaker[1], below.start, below.end, "document"))
    return claims


def _unquote(text: str, line: Line) -> tuple[int, int]:
    """A statement printed as a quotation is stored without its marks."""
    start, end = line.start, line.end
    if text[start] in '"“':
        start += 1
    if end > start and text[end - 1] in '"”':
        end -= 1
    return start, end


# --- documents whose issuers are listed, or whose issuer is a government office ---------------

# "The text of the following statement was released by UK Foreign Secretary Jane Doe, French
# Foreign Minister John Roe, and ...": the list that ends the line issues the document (the line
# may end in a full stop; a colon-ended handover is _PASSIVE_HANDOVER's).
_RELEASED_BY = re.compile(
    r"^(?:the\s+)?(?:text\s+of\s+the\s+)?following\s+(?:joint\s+)?(?:press\s+)?"
    r"(?:statement|communiqu[eé]|declaration)\s+(?:was|were|has\s+been|have\s+been)\s+"
    r"(?:jointly\s+)?(?:issued|released)\s+(?:today\s+)?by\s+(?P<who>[^\n]{3,400}?)\s*[.:]?\s*$",
    re.I,
)
_END_TEXT = re.compile(r"^(?:end\s+(?:of\s+)?text|\[?end\]?)\W*$", re.I)
_ISSUER_SCAN = 8  # a release's heading block: title, kind, office, place, date, handover
_OFFICE_LINE_WORDS = 12
_KIND_LINE_WORDS = 40  # a heading that names its occasion runs long


def listed_issuer_claims(ctx: ArticleContext, lines: list[Line]) -> list[Claim]:
    """Every paragraph after "The following statement was released by A, B and C." is each
    listed person's (or, with no person listed, each government's or body's)."""
    for i, line in enumerate(lines[:_ISSUER_SCAN]):
        match = _RELEASED_BY.match(line.text)
        if match is None:
            continue
        start = line.start + match.start("who")
        issuers = _issuers_in(ctx, start, line.start + match.end("who"))
        if issuers:
            return _paragraph_claims(ctx, lines, i, issuers, whole=True)
    return []


def _issuers_in(ctx: ArticleContext, start: int, end: int) -> list[tuple[str | None, str]]:
    """The people a span names; with none, its governments and bodies."""
    people: list[tuple[str | None, str]] = []
    bodies: list[tuple[str | None, str]] = []
    for mention in ctx.mentions_in(start, end):
        actor = ctx.actors.get(mention.actor_id)
        if actor is None:
            continue
        found = people if actor.kind == "person" else bodies
        if actor.kind != "person" and actor.kind not in _ISSUER_KINDS:
            continue
        if all(f[0] != mention.actor_id for f in found):
            found.append((mention.actor_id, actor.name))
    return people or bodies


# The kind of document a heading line names: a statement speaks throughout, a release or a
# note only in its first-person paragraphs.
_KIND_LINE = re.compile(
    r"^(?:[\w ]{0,30}:\s*)?(?P<kind>press statement|joint statement|statement|communiqu[eé]|"
    r"declaration|media note|press release|news release|readout|comment)\b(?P<rest>[^\n]{0,200})$",
    re.I,
)
_STATEMENT_KINDS = {
    "press statement",
    "joint statement",
    "statement",
    "communique",
    "communiqué",
    "declaration",
}


def issuing_office_claims(ctx: ArticleContext, lines: list[Line]) -> list[Claim]:
    """A document headed by its kind ("Press Statement", "Statement of the Ministry of Foreign
    Affairs") and a government office, with no person named: the office's country speaks it.
    The country is named on the office's lines ("U.S. Department of State", "Washington, DC"),
    else by the page's own site ("Ministry of Foreign Affairs of Georgia" as the outlet); a
    news story about a statement has no such heading block, and a menu no kind line."""
    kind = None
    for i, line in enumerate(lines[:_ISSUER_SCAN]):
        match = _KIND_LINE.match(line.text)
        too_long = line.words > (_KIND_LINE_WORDS if match else _OFFICE_LINE_WORDS)
        if line.text.endswith((".", "?", "!")) or too_long:
            if kind is not None:
                break  # the body began before any office was named
            continue
        if kind is None and match is not None and _headline_verb(ctx, line.start, line.end):
            return []  # "Statement from the ministry angers Moscow": a headline about one
        if kind is None and match is not None:
            kind = match.group("kind").lower()
            if not names_office(match.group("rest")):
                continue
        if kind is None or not names_office(line.text):
            continue
        own = _office_phrase(line, match) if match is not None else (line.start, line.end)
        country = _office_country(ctx, lines, i, own)
        if country is None:
            return []
        return _paragraph_claims(ctx, lines, i, [country], whole=kind in _STATEMENT_KINDS)
    return []


def _office_phrase(line: Line, match: re.Match[str]) -> tuple[int, int]:
    """The office a kind line names, before its subject ("Comment by the Press Department | on
    the attack in Douma, Syria"): a country in the subject does not issue the document."""
    rest = match.group("rest")
    cut = re.search(r"\s(?:on|at|regarding|concerning|about|after|following|in|to)\s", rest)
    start = line.start + match.start("rest")
    return start, start + (cut.start() if cut else len(rest))


def _office_country(
    ctx: ArticleContext, lines: list[Line], i: int, own: tuple[int, int]
) -> tuple[str, str] | None:
    """The country named on the office's own phrase or the short lines under it, else the one
    the page's site names when the site is itself an office."""
    spans = [own] + [(line.start, line.end) for line in lines[i + 1 : i + 3]]
    for k, (start, end) in enumerate(spans):
        line = lines[i + k] if i + k < len(lines) else None
        if (
            k
            and line is not None
            and (line.words > _OFFICE_LINE_WORDS or line.text.endswith((".", "?", "!")))
        ):
            break
        for mention in ctx.mentions_in(start, end):
            country = ctx.country_of(mention.actor_id) or mention.actor_id
            actor = ctx.actors.get(country)
            if actor is not None and actor.kind == "country":
                return country, actor.name
    return site_country(ctx)


def site_country(ctx: ArticleContext) -> tuple[str, str] | None:
    """The country whose office the page's own site is ("Ministry of Foreign Affairs of
    Georgia", "Embassy of Russia in India": the first country the name gives)."""
    outlet = ctx.article.outlet or ""
    if not names_office(outlet):
        return None
    found: list[tuple[int, str, str]] = []
    for actor in ctx.actors.values():
        if actor.kind != "country":
            continue
        for name in (actor.name, *actor.aliases):
            flags = 0 if len(name) <= 3 else re.I  # "US" only in capitals
            hit = re.search(rf"(?<![\w.]){re.escape(name)}(?![\w])", outlet, flags)
            if hit:
                found.append((hit.start(), actor.actor_id, actor.name))
    return min(found)[1:] if found else None


def _paragraph_claims(
    ctx: ArticleContext,
    lines: list[Line],
    index: int,
    speakers: list[tuple[str | None, str]],
    whole: bool,
) -> list[Claim]:
    """Each paragraph after line `index` (every one, or the first-person ones) is each
    speaker's, up to the release's closing sections."""
    claims: list[Claim] = []
    for line in lines[index + 1 :]:
        if _STOP.match(line.text) or _END_TEXT.match(line.text):
            break
        if not speaks_on(line, lines) or line.text.endswith(":"):
            continue
        if whole or has_first_person(line.text):
            text_start, text_end = _unquote(ctx.body, line)
            claims += [Claim(s[0], s[1], text_start, text_end, "document") for s in speakers]
    return claims


_WE = re.compile(r"\b(?:we|our|us|ours)\b", re.I)
_QUOTE_MARKS = re.compile(r"[\"“”]")


def site_voice_claims(ctx: ArticleContext, lines: list[Line]) -> list[Claim]:
    """A page on a government office's own site that opens in the first person plural, with
    no heading naming anyone ("We welcome the decision today by ..." on a State Department
    page): each unquoted "we" paragraph is the office's country's. A story on the site (the
    first paragraph tells news in the third person) or a signed piece ("By Jane Doe") is not."""
    country = site_country(ctx)
    if country is None or any(_BYLINE.match(line.text) for line in lines[:_SCAN_LINES]):
        return []
    prose = [k for k, line in enumerate(lines) if speaks_on(line, lines)]
    if not prose or not _voiced(lines[prose[0]].text):
        return []
    claims: list[Claim] = []
    for k in prose:
        line = lines[k]
        if _STOP.match(line.text):
            break
        if _voiced(line.text) and not line.text.endswith(":"):
            claims.append(Claim(country[0], country[1], line.start, line.end, "document"))
    return claims


def _voiced(text: str) -> bool:
    """First person plural outside any quotation."""
    return bool(_WE.search(text)) and not _QUOTE_MARKS.search(text)
