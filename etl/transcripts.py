"""Transcripts: debates, hearings and interviews where each turn is labelled with its speaker.

Three shapes are read, each only when the article has at least two turns of it (one label is a
headline, "Name: words", and gives that line alone):

- inline labels: "Barton: Joining me now ...", "Hon. Jane Doe (Riding, Party): Mr. Speaker, ...",
  "MR. DOE: ...", "Q: ..." / "A: ...", a chair named once ("The President (Ms Doe of Chad): ...",
  then "The President: ..."), "Mr. Doe (France) spoke in French: ...", and capitalised labels
  glued to the speech by a page that dropped their markup ("MS. JANE DOEThank you.");
- label lines, as parliamentary records print them: a short line naming the member
  ("Jane Doe Party Riding, QC", "Jane Doe Portrait Jane Doe (Riding) (Lab)"), then the speech;
- unlabelled interviews: an introduction ("X joined Y on ... to talk about") followed by
  questions (paragraphs ending in "?") and answers: questions are the interviewer's, answers the
  interviewee's.

Every paragraph of a turn is a direct statement of its speaker, until the next turn starts.
"""

from __future__ import annotations

import re

from etl.context import ArticleContext
from etl.metadata import outlet_named
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

_INLINE = re.compile(r"^(?P<label>[^:\n]{1,80}?)\s*:\s+(?P<speech>\S.*)$")
# A capitalised label run into its speech: "MS. JANE DOEThanks for joining us.", "DOEGood to ..."
_GLUED = re.compile(
    r"^(?P<label>(?:(?:MR|MS|MRS|DR|SEN|REP|GEN)\.\s+)?[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){0,3})"
    r"(?P<speech>[A-Z][a-z].*)$"
)
# "Mr. Doe (France) spoke in French": the language a delegate spoke in ends the label.
_SPOKE_IN = re.compile(r"\s+spoke in \w+$", re.I)
# The chair's name in the label's parentheses: "The President (Ms Doe of Chad)".
_NAME_IN_PARENS = re.compile(
    r"\((?:Mr\.?|Ms\.?|Mrs\.?|Madam|Madame|Dr\.?|Sir)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
    r"(?:\s+of\s+[^)]*)?\)"
)
# Record lines of a verbatim record that nobody speaks.
_RECORD_LINE = re.compile(
    r"^(?:A (?:recorded )?vote was taken\b|The meeting (?:rose|was (?:called to order|suspended|"
    r"resumed|adjourned))\b|The (?:sitting|meeting) (?:is|was) (?:suspended|adjourned)\b)",
    re.I,
)
_QUESTION_LABELS = {"q", "question", "interviewer"}
_ANSWER_LABELS = {"a", "answer"}
# Words that head a line followed by a colon without naming a speaker.
_NOT_SPEAKERS = {
    "transcript",
    "update",
    "updated",
    "note",
    "editor's note",
    "source",
    "sources",
    "photo",
    "related",
    "watch",
    "read",
    "listen",
    "topics",
    "tags",
    "posted",
    "by",
    "warning",
    "breaking",
    "analysis",
    "opinion",
    "video",
    "background",
    "context",
    "timeline",
    "explainer",
    "live",
    "exclusive",
    "factbox",
    "q&a",
    "summary",
    "key points",
    "quick facts",
    "associated links",
    "from",
    "to",
    "subject",
    "date",
    "dateline",
    "contact",
    "contacts",
    "media contact",
    "you are here",
    "news release",
    "news releases",
    "press release",
    "press releases",
    "press statement",
    "press statements",
    "statement",
    "statements",
    "media note",
    "readout",
    "news",
    "latest news",
    "location",
    "caption",
}
# Words that end the name on a parliamentary label line ("Jane Doe NDP Riding, QC").
_LABEL_STOP = {
    "portrait",
    "liberal",
    "conservative",
    "ndp",
    "bloc",
    "green",
    "labour",
    "lab",
    "con",
    "ld",
    "snp",
    "independent",
    "republican",
    "democrat",
    "democratic",
    "reform",
    "hansard",
    "mp",
    "minister",
    "secretary",
}
_PARLIAMENT = re.compile(
    r"\b(?:Mr\.?|Madam|Madame|Mister)\s+(?:Speaker|Chair|Chairman|President|Deputy Speaker)\b"
    r"|\bHansard\b|\b(?:the|my) hon\. (?:Gentleman|Lady|Member|Friend)\b|\btranscript\b",
    re.I,
)
_INTERVIEW_CUE = re.compile(
    r"\b(?:joined|spoke (?:with|to)|talked (?:with|to)|sat down with|interview(?:ed)?|"
    r"asked|in conversation with|host)\b",
    re.I,
)
# An opening mark after a space or at the start, or a closing double mark: not an apostrophe.
_QUOTE_MARKS = re.compile(r"(?:^|\s)[\"“‘']\w|\w[.,!?]?[\"”](?:\s|$)")


def transcript_claims(ctx: ArticleContext) -> list[Claim]:
    """Claims of every labelled or interview turn in the article (empty when it has none)."""
    lines = lines_of(ctx.body)
    if len(lines) < 2:
        return []
    people = people_of(ctx)
    return (
        _inline_turns(ctx, lines, people)
        or _label_line_turns(ctx, lines, people)
        or _colon_label_turns(ctx, lines, people)
        or _interview_turns(ctx, lines, people)
    )


# --- inline labels -----------------------------------------------------------------------


def _inline_turns(ctx: ArticleContext, lines: list[Line], people: list[str]) -> list[Claim]:
    labelled: dict[int, tuple[tuple[str | None, str] | str, int]] = {}
    short: set[int] = set()  # "Thank you.": a turn only among other turns of the same speakers
    glued = _glued_labels(lines)
    known: dict[str, tuple[str | None, str]] = {}  # a label, or a surname, already resolved
    initials = [0, 0]  # labels of initials alone: not resolved, resolved to a person
    for i, line in enumerate(lines):
        match = glued.get(i) or _INLINE.match(line.text)
        if not match:
            continue
        raw_label, speech = match.group("label"), match.group("speech")
        if len(re.findall(r"\w+", speech)) < 3:
            if i not in glued and not speech.rstrip().endswith((".", "!", "?")):
                continue
            if i not in glued:
                short.add(i)
        numbered = re.match(r"\s*\d+[.)]\s*", raw_label)  # a live blog's "4. Name: ..."
        skip = numbered.end() if numbered else 0
        label = _SPOKE_IN.sub("", raw_label[skip:].strip())
        speech_start = line.start + match.start("speech")
        role = re.sub(r"\s*(?:no\.?\s*)?\d+$", "", label.lower().strip(" ."))  # "Question 1"
        if role in _QUESTION_LABELS or role in _ANSWER_LABELS:
            labelled[i] = ("Q" if role in _QUESTION_LABELS else "A", speech_start)
            continue
        label_start = line.start + skip
        speaker = _known_label(label, known) or _label_speaker(
            ctx, label, label_start, label_start + len(label), people
        )
        if speaker is None and _INITIALS_LABEL.match(label.strip()):
            speaker = _initials_speaker(ctx, label, people)
            initials[speaker is not None] += 1
        if speaker is not None:
            labelled[i] = (speaker, speech_start)
            _remember(label, speaker, known)
    if not labelled:
        return []
    turn_speakers = {v[0] for i, v in labelled.items() if i not in short}
    labelled = {i: v for i, v in labelled.items() if i not in short or v[0] in turn_speakers}
    named = {i: v for i, v in labelled.items() if not isinstance(v[0], str)}
    if len(labelled) >= 2 and not named:
        return _qa_claims(ctx, lines, labelled, people)
    by_initials = _labelled_by_initials(lines, named)
    turns = [
        i
        for i, (_s, at) in named.items()
        if _is_turn(ctx.body[at : lines[i].end], quoted=by_initials)
        or (i == len(lines) - 1 and i - 1 in labelled)
    ]
    if len(turns) == 1 and _opens_a_speech(ctx, lines, turns[0], named[turns[0]]):
        pass  # one labelled speech, cut off or alone on the page: a transcript of one turn
    elif len(turns) == 1 and any(v[0] == "Q" for v in labelled.values()):
        pass  # "Question: …" then "Name: …": an interview's answer, whatever follows it
    elif len(turns) < 2:  # headlines ("Name: words"), not a transcript
        return [c for i in named for c in _headline_claims(ctx, lines, i, named[i])]
    asker = _asker(ctx, lines, labelled, people)
    # "L.W.: …" asking and "S.L.: …" answering: an interview, not a speech the page issues
    turn_cue = "interview" if all(initials) else "transcript"
    claims: list[Claim] = []
    current: tuple[str | None, str] | None = None
    for i, line in enumerate(lines):
        if i in labelled:
            speaker, speech_start = labelled[i]
            if isinstance(speaker, str):
                # "Question:" among named answers: the interviewer the introduction names
                current = asker if speaker == "Q" else None
                if current is not None:
                    claims.append(
                        Claim(current[0], current[1], speech_start, line.end, "interview")
                    )
                continue
            current = speaker
            claims.append(Claim(speaker[0], speaker[1], speech_start, line.end, turn_cue))
        elif (
            current is not None
            and speaks_on(line, lines)
            and not _INLINE.match(line.text)
            and not _RECORD_LINE.match(line.text)
        ):
            claims.append(Claim(current[0], current[1], line.start, line.end, turn_cue))
    return claims


def _glued_labels(lines: list[Line]) -> dict[int, re.Match[str]]:
    """Lines opening on a capitalised label run into the speech, when at least two do so."""
    found = {i: m for i, line in enumerate(lines) if (m := _GLUED.match(line.text))}
    names = {" ".join(m.group("label").split()[-1:]) for m in found.values()}
    return found if len(found) >= 2 and len(names) >= 2 else {}


def _role_of(label: str) -> str:
    """The part of a label outside its parentheses, lower-cased: "the president"."""
    return " ".join(re.sub(r"\([^)]*\)", " ", label).split()).lower().strip(" .")


def _remember(
    label: str, speaker: tuple[str | None, str], known: dict[str, tuple[str | None, str]]
) -> None:
    known.setdefault(_role_of(label), speaker)
    surname = speaker[1].split()[-1].lower() if speaker[1].split() else ""
    if surname:
        known.setdefault(surname, speaker)
    initials = _INITIALS_IN_PARENS.search(label)
    if initials and initials.group(1) == _initials_of(label[: initials.start()]):
        # "Carol Off (CO): ..." then "CO: ...": the later turns are labelled by initials
        known.setdefault(initials.group(1).lower(), speaker)


# "Jane Doe (JD)": a speaker's initials given once for the turns that follow.
_INITIALS_IN_PARENS = re.compile(r"\(([A-Z]{2,4})\)\s*$")


def _initials_of(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


# A label of initials alone: "S.L.:", "JE:", "DM:".
_INITIALS_LABEL = re.compile(r"^(?:[A-Z]\.?\s?){2,4}$")


def _initials_speaker(
    ctx: ArticleContext, label: str, people: list[str]
) -> tuple[str | None, str] | None:
    """ "S.L.: No. On the occasion of …": a label of initials stands for the one person the
    page names whose name has those initials (Sergei Lavrov), never declared as "(SL)"."""
    label = label.strip()
    if not _INITIALS_LABEL.match(label):
        return None
    letters = re.sub(r"[^A-Z]", "", label)
    found = [
        actor_id
        for actor_id in people
        if (actor := ctx.actors.get(actor_id)) is not None
        and _initials_of(actor.name.replace("-", " ")) == letters
    ]
    if len(found) != 1:
        return None
    return found[0], ctx.name_of(found[0]) or found[0]


def _known_label(
    label: str, known: dict[str, tuple[str | None, str]]
) -> tuple[str | None, str] | None:
    """A label met before: the same role ("The President" after "The President (Ms Doe ...)"),
    or the surname of a speaker labelled in full before ("CONAN" after "NEAL CONAN, host")."""
    role = _role_of(label)
    if role in known:
        return known[role]
    name = bare_name(label).split()
    return known.get(name[-1].lower()) if len(name) == 1 else None


def _asker(
    ctx: ArticleContext, lines: list[Line], labelled: dict[int, tuple], people: list[str]
) -> tuple[str | None, str] | None:
    """Who asks the "Question:" turns of an interview whose answers are labelled by name: the
    other side named in the introduction ("Interview of the Minister ... by Jane Doe for ...")."""
    if not any(v[0] == "Q" for v in labelled.values()):
        return None
    first = min(labelled)
    intro = next((lines[j] for j in range(first - 1, -1, -1) if lines[j].words >= 6), None)
    if intro is None or not _INTERVIEW_CUE.search(intro.text):
        return None
    answering = {v[0][0] for v in labelled.values() if not isinstance(v[0], str)}
    answering_names = {v[0][1].split()[-1] for v in labelled.values() if not isinstance(v[0], str)}
    interviewer, interviewee = _sides(ctx, intro, people)
    for side in (interviewer, interviewee):
        if side is None:
            continue
        if side[0] not in answering and side[1].split()[-1] not in answering_names:
            return side
    host = _HOST.search(intro.text[intro.text.find(" by ") :]) if " by " in intro.text else None
    if host and host.group("name").split()[-1] not in answering_names:
        return None, host.group("name")
    return _interviewing_outlet(ctx, lines[first].start, answering)


# "an interview given to Rossiya Segodnya", "told the BBC in an interview", a headline's
# "President Doe to Rossiya Segodnya: ...".
_GIVEN_TO = re.compile(
    r"\binterview(?:ed)?\s+(?:given\s+|granted\s+)?(?:to|with|by)\s+|^[^\n:]{3,60}?\bto\s+(?=[^\n:]+:)",
    re.I | re.M,
)
_OUTLET_KINDS = {"organization", "organisation", "media"}


def _interviewing_outlet(
    ctx: ArticleContext, before: int, answering: set
) -> tuple[str | None, str] | None:
    """The outlet an interview was given to, named above its first question, when no
    interviewer is named."""
    for match in _GIVEN_TO.finditer(ctx.body, 0, before):
        for mention in ctx.mentions_in(match.end(), min(before, match.end() + 80)):
            actor = ctx.actors.get(mention.actor_id)
            if mention.char_start > match.end() + 5:
                break
            if (
                actor is not None
                and actor.kind in _OUTLET_KINDS
                and actor.actor_id not in answering
            ):
                return actor.actor_id, actor.name
    return None


def _opens_a_speech(ctx: ArticleContext, lines: list[Line], i: int, labelled: tuple) -> bool:
    """A lone label is a speaker's turn, not a headline, when a person speaks at length in the
    first person and the next paragraph goes on in the first person ("President Jane Doe: I
    would like to thank ... / We held talks ...")."""
    speaker, speech_start = labelled
    speech = ctx.body[speech_start : lines[i].end]
    person = _is_person(ctx, speaker[0]) or (speaker[0] is None and len(speaker[1].split()) >= 2)
    if not person or len(re.findall(r"\w+", speech)) < 15:
        return False
    if not has_first_person(speech):
        return False
    following = next((line for line in lines[i + 1 :] if line.is_prose), None)
    return (
        following is not None
        and not _INLINE.match(following.text)
        and has_first_person(following.text)
    )


def _is_turn(speech: str, *, quoted: bool = False) -> bool:
    """A turn of a transcript is spoken prose, not a headline with a quotation in it; in a
    transcript whose labels are initials (`quoted`), a turn the page wraps in quotation marks."""
    if quoted and _WHOLE_QUOTE.match(speech.strip()):
        return len(re.findall(r"\w+", speech)) >= 3
    return (
        len(re.findall(r"\w+", speech)) >= 6
        and speech.rstrip().endswith((".", "?", "!", "\u2026"))
        and not _QUOTE_MARKS.search(speech)
    )


# A turn wholly inside quotation marks (the closing mark may be lost): “…” or "…".
_WHOLE_QUOTE = re.compile(r"^[\"\u201c][^\"\u201c\u201d]+[\"\u201d]?$")


def _labelled_by_initials(lines: list[Line], named: dict[int, tuple]) -> bool:
    """ "Carol Off (CO): …" then "CO: …": a speaker's initials declared once and used as the
    label of a later turn, which only an interview transcript does."""
    labels = {i: _INLINE.match(lines[i].text) for i in named}
    declared = {
        m.group(1)
        for match in labels.values()
        if match
        and (m := _INITIALS_IN_PARENS.search(match.group("label")))
        and m.group(1) == _initials_of(match.group("label")[: m.start()])
    }
    return any(match and match.group("label").strip() in declared for match in labels.values())


def _label_speaker(
    ctx: ArticleContext, label: str, start: int, end: int, people: list[str]
) -> tuple[str | None, str] | None:
    words = label.split()
    if not words or len(words) > 10 or re.search(r"\d", label) or not label[:1].isupper():
        return None
    if label.lower() in _NOT_SPEAKERS or words[0].lower() in _NOT_SPEAKERS:
        return None
    if _wire_dateline(label) and not any(
        _is_person(ctx, m.actor_id) for m in ctx.mentions_in(start, end)
    ):
        return None  # "Beirut (Agencies): ...", "GENEVA (AP): ...": a dateline, not a speaker
    in_parens = _NAME_IN_PARENS.search(label)
    office = label[: in_parens.start()].strip() if in_parens else ""
    if in_parens and (office.lower().startswith("the ") or _TITLED.match(office)):
        # "The President (Ms Doe of Chad)": the chair's name, not the office
        name_start = start + in_parens.start("name")
        found = resolve_name(
            ctx,
            in_parens.group("name"),
            name_start,
            name_start + len(in_parens.group("name")),
            people,
        )
        return found or (None, in_parens.group("name"))
    name = bare_name(label)
    if len(name.split()) == 1 and name[:1].isupper() and _HONORIFIC_LABEL.match(label):
        # "Mr. Doe (France)": a delegate named by surname alone
        name_end = start + len(re.split(r"[(,]", label)[0].rstrip())
        return resolve_name(ctx, name, start, name_end, people) or (None, name)
    if not name or not all(w[:1].isupper() or w.lower() in _PARTICLES for w in name.split()):
        # A title before the name: "President of Iran Jane Doe (retranslated)"
        if not _TITLED.match(label) or _RUNNING_WORDS.search(label):
            return None  # "President Doe to the News Agency: ..." heads an interview
        mentions = ctx.mentions_in(start, end)
        persons = [m for m in mentions if _is_person(ctx, m.actor_id)]
        if persons:
            return persons[-1].actor_id, ctx.name_of(persons[-1].actor_id) or persons[-1].text
        # the name after the office's country: "President of Kenya Jane Doe (retranslated)"
        after = max((m.char_end for m in mentions), default=start) - start
        tail = bare_name(label[after:])
        words = tail.split()
        if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
            return resolve_name(ctx, tail, start + after, end, people)
        return None
    return resolve_name(ctx, name, start, end, people)


# "Beirut (Agencies)", "GENEVA (Reuters)": a place and the wire credit of a dateline.
_DATELINE = re.compile(r"^[A-Z][\w'’ .-]{1,40}?\s*\((?P<credit>[^()]{2,40})\)$")
_WIRE_CREDITS = {"agencies", "news agencies", "wires", "wire services", "ani", "ians", "pti", "uni"}


def _wire_dateline(label: str) -> bool:
    """A label that is a dateline: a place, then a news agency's credit in parentheses (the
    caller keeps a person labelled with their outlet, "Jane Doe (Reuters)", a speaker)."""
    match = _DATELINE.match(label.strip())
    if match is None:
        return False
    credit = match.group("credit").strip()
    return credit.lower() in _WIRE_CREDITS or outlet_named(credit) is not None


# A label opening on an office: "President of Iran ...", "Foreign Minister of ...".
_TITLED = re.compile(
    r"^(?:(?:vice|deputy|prime|foreign|defence|defense|interior|chief|acting|first)\s+)*"
    r"(?:president|minister|secretary|spokes(?:wo)?man|spokesperson|ambassador|chairman|"
    r"chairwoman|chair|envoy|king|queen|emir|chancellor|premier|governor|senator|general|"
    r"commissioner|director|head)\b",
    re.I,
)


# Lower-case words a label of a title and a name has no use for.
_RUNNING_WORDS = re.compile(r"\s(?!(?:of|the|for|and|al|el|de|bin|ibn|von|van|da|du)\b)[a-z]+\b")

_HONORIFIC_LABEL = re.compile(r"^(?:Mr|Ms|Mrs|Dr|Madam|Madame|Sir|Dame)\.?\s+[A-Z]")

_PARTICLES = {"al", "al-", "el", "de", "da", "van", "von", "bin", "ibn", "du", "la", "le", "der"}


def _headline_claims(
    ctx: ArticleContext, lines: list[Line], i: int, labelled: tuple
) -> list[Claim]:
    """A "Name: words" line is a headline attributing those words to Name."""
    speaker, speech_start = labelled
    line = lines[i]
    if line.text.endswith((".", "?", "!")) and i > 2:
        return []  # inside the story, a colon introduces a list or an explanation
    if line.text.endswith(":"):
        return []  # "Outlet: The parties ... as guarantors:" introduces the lines below
    speech = ctx.body[speech_start : line.end]
    label = ctx.body[line.start : speech_start].strip(" :")
    if speaker[0] is None and label.isupper():
        return []  # a dateline in capitals ("NEW YORK: Russia has vetoed …"), not a speaker
    if speaker[0] is not None and not _is_person(ctx, speaker[0]):
        if not _QUOTE_MARKS.search(speech):
            return []  # "Lebanon: 1.5 million refugees" is a figure, not a statement
    return [Claim(speaker[0], speaker[1], speech_start, line.end, "headline")]


def _is_person(ctx: ArticleContext, actor_id: str | None) -> bool:
    actor = ctx.actors.get(actor_id) if actor_id else None
    return actor is not None and actor.kind == "person"


# --- label lines (parliamentary records) ---------------------------------------------------


def _label_line_turns(ctx: ArticleContext, lines: list[Line], people: list[str]) -> list[Claim]:
    if not _PARLIAMENT.search(ctx.body):
        return []
    starts: dict[int, tuple[str | None, str]] = {}
    for i, line in enumerate(lines[:-1]):
        photo = _PHOTO_OF.match(line.text)  # a caption line may run on with roles and times
        if line.words > (40 if photo else 14) or line.text.endswith((".", "?", "!", ":")):
            continue
        caption = line.text[photo.end() :] if photo else line.text
        glued = _GLUED_REPEAT.match(caption) if photo else None
        if glued is not None:  # "Photo of Jane DoeJane Doe (Riding)": the caption, then the name
            caption = glued.group("name") + " " + caption[glued.end() :]
        name = _leading_name(caption)
        if name is None:
            continue
        following = next(
            (j for j in range(i + 1, min(i + 4, len(lines))) if speaks_on(lines[j], lines)),
            None,
        )
        if following is None:
            continue
        speaker = resolve_name(ctx, name, line.start, line.start + len(name), people)
        if speaker is None:
            continue
        # A bare two-word line ("Commons Chamber") is a heading unless it names a known person.
        if _is_person(ctx, speaker[0]) or len(line.text) > len(name) + 3:
            starts[i] = speaker
    if len(starts) < 2:
        return []
    claims: list[Claim] = []
    current: tuple[str | None, str] | None = None
    for i, line in enumerate(lines):
        if i in starts:
            current = starts[i]
        elif current is not None and (
            speaks_on(line, lines) or (i - 1 in starts and line.words >= 3)
        ):  # the line right after a label is speech, however short ("I beg to move,")
            who = _read_out(ctx, lines, i, people) or current
            claims.append(Claim(who[0], who[1], line.start, line.end, "transcript"))
    return claims


# "… a Syrian, Jane Doe from the society. Jane said:" closing the line before a quotation.
_SAID_BEFORE = re.compile(
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+(?:said|says|wrote|writes|told me):$"
)


def _read_out(
    ctx: ArticleContext, lines: list[Line], i: int, people: list[str]
) -> tuple[str | None, str] | None:
    """A quotation a speaker reads out in a turn: the paragraph after "Jane said:" that ends in a
    closing mark (its opening one lost or never printed) is the quoted person's."""
    line = lines[i]
    said = _SAID_BEFORE.search(lines[i - 1].text) if i > 0 else None
    if said is None or not line.text.endswith(("\u201d", '"')) or "\u201c" in line.text:
        return None
    name = said.group("name")
    if len(name.split()) == 1:  # a first name alone: the full name written before it
        full = re.search(
            rf"\b{re.escape(name)}(?:\s+[A-Z][\w'’-]+){{1,2}}\b", ctx.body[: line.start]
        )
        name = full.group(0) if full else name
    start = lines[i - 1].start + said.start("name")
    return resolve_name(ctx, name, start, start, people) or (None, name)


# A record that shows each member's photo opens the label line with its caption: "Photo of Jane
# Doe Jane Doe Labour, Riding".
_PHOTO_OF = re.compile(r"(?:Photo|Portrait|Picture|Image) of\s+(?=[A-Z])")
_GLUED_REPEAT = re.compile(r"(?P<name>[A-Z][^()\n]{2,60}?[a-z])(?P=name)\b")


# A label line closed by a colon: "Jane Doe (Riding) (Lab):", "Jane Doe, Minister of X:".
_COLON_LABEL = re.compile(r"^(?P<label>[A-Z][^:\n]{2,100}?)\s*:$")


def _colon_label_turns(ctx: ArticleContext, lines: list[Line], people: list[str]) -> list[Claim]:
    """Speeches printed under label lines that end in a colon ("Jane Doe (Riding) (Lab):"),
    as magazines reprint a debate: at least two such lines naming people. The paragraph right
    after a label is speech even when the page cuts it off short ("My right hon. Friend is")."""
    starts: dict[int, tuple[str | None, str]] = {}
    for i, line in enumerate(lines[:-1]):
        match = _COLON_LABEL.match(line.text)
        if match is None or line.words > 12:
            continue
        label = match.group("label")
        name = bare_name(label)
        words = name.split()
        if not 2 <= len(words) <= 4 or label.split()[0].lower() in _NOT_SPEAKERS:
            continue
        if not all(w[:1].isupper() or w.lower() in _PARTICLES for w in words):
            continue
        speaker = resolve_name(ctx, name, line.start, line.start + len(label), people)
        if speaker is None:
            continue
        if not (_is_person(ctx, speaker[0]) or (speaker[0] is None and "(" in label)):
            continue
        starts[i] = speaker
    if len(starts) < 2:
        return []
    claims: list[Claim] = []
    current: tuple[str | None, str] | None = None
    for i, line in enumerate(lines):
        if i in starts:
            current = starts[i]
        elif current is not None and (
            speaks_on(line, lines) or (i - 1 in starts and line.words >= 3)
        ):
            claims.append(Claim(current[0], current[1], line.start, line.end, "transcript"))
    return claims


# A party glued to the next word by a page that dropped the markup between them.
_GLUED_PARTY = re.compile(
    r"^(?:Liberal|Conservative|NDP|Bloc|Green|Labour|Independent|Republican|Democrat)"
    r"[A-Z][a-z]"
)


def _leading_name(text: str) -> str | None:
    """The two to four capitalised words a label line starts with, up to a party or riding."""
    words: list[str] = []
    if text.split()[0].lower() in _NOT_SPEAKERS:
        return None
    for word in re.split(r"\s+", text):
        bare = word.strip(",.")
        if (
            not bare
            or bare.lower() in _LABEL_STOP
            or _GLUED_PARTY.match(bare)  # "Chris Alexander ConservativeParliamentary Secretary"
            or (bare.isupper() and len(bare) > 1)
            or bare.startswith("(")
            or not (bare[:1].isupper() or bare.lower() in _PARTICLES)
        ):
            break
        words.append(bare)
        if word.endswith(",") or len(words) == 4:
            break
    half = len(words) // 2
    if half and words[:half] == words[half:]:  # "Jane Doe Jane Doe": a caption, then the label
        words = words[:half]
    name = bare_name(" ".join(words))
    return name if len(name.split()) >= 2 else None


# --- interviews ----------------------------------------------------------------------------


def _interview_turns(ctx: ArticleContext, lines: list[Line], people: list[str]) -> list[Claim]:
    """Questions and answers without labels, after an introduction naming who talks to whom."""
    questions = [
        i
        for i, line in enumerate(lines)
        if i > 0
        and line.is_prose
        and line.text.endswith("?")
        and not _QUOTE_MARKS.search(line.text)
        and i + 1 < len(lines)
        and lines[i + 1].words >= 6
        and not lines[i + 1].text.endswith("?")
    ]
    if len(questions) < 2:
        return []
    first = questions[0]
    intro = lines[first - 1]
    if not _INTERVIEW_CUE.search(intro.text):
        return []
    interviewer, interviewee = _sides(ctx, intro, people)
    if interviewee is None:
        return []
    return _alternate(ctx, lines, first, set(questions), interviewer, interviewee)


def _qa_claims(
    ctx: ArticleContext, lines: list[Line], labelled: dict[int, tuple], people: list[str]
) -> list[Claim]:
    """ "Q:" / "A:" labels: the introduction before the first question names the two sides."""
    first = min(labelled)
    intro = next((lines[j] for j in range(first - 1, -1, -1) if lines[j].is_prose), None)
    if intro is None:
        return []
    interviewer, interviewee = _sides(ctx, intro, people)
    if interviewee is None and people:
        interviewee = (people[0], ctx.name_of(people[0]) or people[0])
    if interviewee is None:
        return []
    claims: list[Claim] = []
    current = None
    for i, line in enumerate(lines[first:], start=first):
        if i in labelled:
            role, speech_start = labelled[i]
            current = interviewer if role == "Q" else interviewee
            if current is not None:
                claims.append(Claim(current[0], current[1], speech_start, line.end, "interview"))
        elif current is not None and line.is_prose:
            claims.append(Claim(current[0], current[1], line.start, line.end, "interview"))
    return claims


def _sides(
    ctx: ArticleContext, intro: Line, people: list[str]
) -> tuple[tuple[str | None, str] | None, tuple[str | None, str] | None]:
    """(interviewer, interviewee) among the people of the introduction: the interviewee is
    the one the article mentions most."""
    named = []
    for mention in ctx.mentions_in(intro.start, intro.end):
        if _is_person(ctx, mention.actor_id) and mention.actor_id not in [n[0] for n in named]:
            named.append((mention.actor_id, ctx.name_of(mention.actor_id) or mention.text))
    if not named:
        return None, None
    rank = {actor_id: i for i, actor_id in enumerate(people)}
    named.sort(key=lambda n: rank.get(n[0], len(rank)))
    interviewee = named[0]
    interviewer = named[1] if len(named) > 1 else _host_named(intro.text, interviewee[1])
    return interviewer, interviewee


_HOST = re.compile(
    r"\b(?:joined|with|to|host|by|reporter|interviewer)\s+(?:host\s+|reporter\s+)?"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})"
)


def _host_named(text: str, interviewee: str) -> tuple[str | None, str] | None:
    """The interviewer's name when the model tagged only the guest: "joined host Jane Doe"."""
    last = interviewee.split()[-1]
    for match in _HOST.finditer(text):
        if last not in match.group("name"):
            return None, match.group("name")
    return None


def _alternate(
    ctx: ArticleContext,
    lines: list[Line],
    first: int,
    questions: set[int],
    interviewer: tuple[str | None, str] | None,
    interviewee: tuple[str | None, str],
) -> list[Claim]:
    claims: list[Claim] = []
    for i, line in enumerate(lines[first:], start=first):
        if line.words < 6 or _QUOTE_MARKS.match(line.text):
            continue
        speaker = interviewer if i in questions else interviewee
        if speaker is not None:
            claims.append(Claim(speaker[0], speaker[1], line.start, line.end, "interview"))
    return claims
