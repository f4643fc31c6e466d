"""A discovered person's country, from the words around the name.

The title before the name ("Russia's ambassador to Canada, X"), the appositive after it (", the
Canadian foreign minister,"), a title on the line below it, a party label (`etl.actor_parties`)
or, for an office with no owner, the country the story is about (`etl.actor_story_countries`).
"""

from __future__ import annotations

import re

from etl.actor_gazetteer import _TITLE_WORDS
from etl.actor_parties import _APPOSITIVE_END, _party_country
from etl.actor_state import _Resolution
from etl.actor_story_countries import (
    _acting_country,
    _conjunct_country,
    _first_country,
    _previous_subject,
    _speaking_country,
)
from etl.docindex import DocIndex

# Where the title phrase before a name starts: a clause boundary. A period after a lone capital
# ("U.S.", "U.K.'s") ends an abbreviation, not the clause.
# Conjunctions of time and cause end it too: "comes a day after Peruvian President X" is Peru's,
# not that of a body named earlier in the clause.
_TITLE_CUT = re.compile(
    r"(?<!\b[A-Z])\.|[;:!?\"\u201c\u201d]|,\s(?!the\b)|"
    r"\b(?:and|said|says|told|with|by|that|after|before|when|while|since|because)\b"
)


# "According to Pentagon spokesperson X": "to" here is no host ("ambassador to the UN").
_ACCORDING_TO = re.compile(r"\b[Aa]ccording\s+to\s+")


def _infer_country(
    state: _Resolution, start: int, end: int, country_words: dict[str, str]
) -> str | None:
    """A person's country from the title before the name or the appositive after it (see
    `_infer_country_how`)."""
    return _infer_country_how(state, start, end, country_words)[0]


def _infer_country_how(
    state: _Resolution,
    start: int,
    end: int,
    country_words: dict[str, str],
    *,
    conjuncts: bool = True,
) -> tuple[str | None, bool]:
    """A person's country from the title before the name or the appositive after it, and whether
    the person's own words gave it (title, appositive, conjunct, UN title: True) or the page
    around them did (the previous sentence's subject, the page's country: False).

    "Russia's ambassador to Canada, Alexander Darchiev" -> russia (the country after "to" is the
    host); "Alexander Darchiev, the Russian ambassador to Canada," -> russia; "EU foreign policy
    chief Josep Borrell" -> european-union; "John Babcock, a spokesperson for Global Affairs
    Canada" -> canada.
    """
    text = state.text
    sent = state.doc.char_span(start, end, alignment_mode="expand")
    sent_start = sent.sent.start_char if sent is not None else max(0, start - 120)
    sent_end = sent.sent.end_char if sent is not None else min(len(text), end + 120)
    lead_text = text[max(sent_start, start - 90) : start].rstrip(" ,")
    # Only the title phrase directly before the name: cut at the last clause boundary.
    before = _TITLE_CUT.split(lead_text)[-1]
    after_match = _APPOSITIVE.match(text[end:sent_end])
    appositive = (
        (after_match.group(1) or after_match.group(2) or after_match.group(3))
        if after_match
        else ""
    )
    if not appositive:
        # A signature block: the name on a line of its own, the title on the next ("Robert
        # Doe\nDeputy Spokesperson\nWashington, DC").
        block = _TITLE_LINE.match(text, end)
        appositive = " ".join(g for g in block.groups() if g) if block else ""
    appositive = _APPOSITIVE_END.split(appositive, maxsplit=1)[0]
    if _apposed_to_no_title(sent, state.gazetteer.roles):
        # "The owner of the French bakery, Jana Doe,": the phrase the name is apposed to is no
        # title, so its country words say nothing of her.
        before = ""
    candidates = [(before, False)]
    fronted = _fronted_title(sent)
    if fronted and all(w.lower().strip(".") in _TITLE_WORDS for w in before.split()):
        # "The head of the US Central Command, General X,": the title phrase stands before a
        # comma, the name its apposition, and only a rank between them.
        candidates.append((fronted, False))
    if appositive:
        candidates.append((appositive, True))
    for phrase, _ in candidates:
        phrase = _ACCORDING_TO.sub("", phrase)
        # "ambassador to the UN": the host comes after "to", with or without "the".
        # "the UN special envoy for Yemen": an envoy's "for" names the host too.
        host_cut = re.split(r"(?:\b(?:to|in|at)|(?<=[Ee]nvoy )for)\s+(?:the\s+)?(?=[A-Z])", phrase)[
            0
        ]
        found = _first_country(host_cut, state, start, country_words)
        if found:
            return found, True
    found = _party_country(state, before, appositive, start, end)
    if found:
        return found, True
    found = _conjunct_country(state, sent, country_words) if conjuncts else None
    if found:
        return found, True
    title = before + " " + appositive
    lead = text[max(sent_start, start - 90) : start]
    possessive = bool(re.search(r"\b(?:[Ii]ts|[Tt]heir)\b", lead))
    if _UN_TITLE.search(title) and "united-nations" in state.gazetteer.actors:
        # "Under-Secretary-General Tom Fletcher": a United Nations official, not the host's.
        return "united-nations", True
    if not possessive and _GOVERNMENT_TITLE.search(title):
        # "Canadian officials said they regretted it, Foreign Minister X said": a country that
        # speaks in the official's own sentence outranks the subject of the one before.
        found = _speaking_country(state, within=(sent_start, sent_end))
        if found:
            return found, False
    if possessive or _GOVERNMENT_TITLE.search(title):
        # "Its spokesman, X" / "Spokeswoman X" after "the Russian Foreign Ministry rejected...":
        # the organisation or country the previous sentence was about.
        found = _previous_subject(state, sent_start, countries_only=not possessive)
        if found:
            return found, False
    if _GOVERNMENT_TITLE.search(title):
        # "Foreign Minister X" with no country named: the country the article is mostly about
        # (a Dhaka paper's "Foreign Minister" is Bangladesh's; a press release's minister its own).
        # A country the story has speak ("Canada is disappointed", "Canada condemns") is the
        # home of its untitled ministers before one it is only about ("the people of Syria").
        return _speaking_country(state) or _acting_country(state, before=start), False
    return None, False


# Title nouns that head a phrase set before a name: "The head of the US Central Command, General X".
_FRONTED_HEADS = {
    "head", "chief", "commander", "director", "spokesman", "spokeswoman", "spokesperson",
    "leader", "minister", "secretary", "ambassador", "envoy", "representative",
}  # fmt: skip


# Nouns for someone who holds an office or acts for a state, beside the titles: "his Turkish
# counterpart, X" is Turkey's.
_OFFICE_NOUNS = {
    "counterpart", "official", "diplomat", "officer", "negotiator", "delegate", "member",
    "adviser", "advisor", "aide", "lawmaker", "politician", "legislator", "mp", "deputy",
    "commissioner", "coordinator", "rapporteur", "premier", "monarch", "ruler", "head",
}  # fmt: skip


def _apposed_to_no_title(name, roles) -> bool:
    """A name in apposition to a noun before it that is neither a title nor a role ("the owner
    of the French bakery, Jana Doe")."""
    if name is None:
        return False
    root = name.root
    head = root.head
    if root.dep_ != "appos" or head.i >= root.i or head.pos_ != "NOUN":
        return False
    if not DocIndex.of(name.doc).text[: name.start_char].rstrip().endswith(","):
        return False  # "his rival, the renegade military general X": a title right before it
    lemma = head.lemma_.lower()
    titles = _FRONTED_HEADS | _TITLE_WORDS | _OFFICE_NOUNS
    return lemma not in titles and lemma not in roles and head.lower_ not in roles


def _fronted_title(name) -> str:
    """The title phrase a name stands in apposition to, when it comes first ("The head of the US
    Central Command, General X"): the head noun with its "of"/"for" phrase; "" when none."""
    if name is None:
        return ""
    root = name.root
    head = root.head
    if root.dep_ != "appos" or head.i >= root.i:
        return ""
    if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.i < head.i:
        head = head.head.head  # spaCy hangs the name on the title's object ("of the US Command")
    if head.lemma_.lower() not in _FRONTED_HEADS:
        return ""
    if not any(c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "to") for c in head.children):
        return ""
    return (
        name.doc[head.left_edge.i : head.i + 1].text
        + DocIndex.of(name.doc).text[head.idx + len(head.text) : name.start_char]
    )


# A title on the line after a name that stands on a line of its own.
# A blank line may part the lines (a cleaned page), and the line after the title may name the
# office ("Ambassador X / Acting Permanent Representative / U.S. Mission to the United Nations").
_TITLE_LINE = re.compile(
    r"[ \t]*\n(?:[ \t]*\n)?[ \t]*((?:(?:Deputy|Assistant|Acting|Principal|Chief|Senior|Vice)[ \t]+)?"
    r"(?:Spokes(?:man|woman|person)|Minister\b[^\n]{0,60}|Secretary\b[^\n]{0,60}|"
    r"Ambassador\b[^\n]{0,60}|Press Secretary|Permanent Representative\b[^\n]{0,60}))[ \t]*"
    r"(?:\n(?:[ \t]*\n)?[ \t]*(?![^\n]*\b(?:University|College|Institute|School|Studies|Centre|"
    r"Center)\b)((?:[A-Z][\w.'\u2019]*[ \t]+){0,3}(?:Mission|Embassy|Department|Ministry|Office)\b"
    r"[^\n]{0,50}))?[ \t]*(?=\n)"
)


# Titles of the United Nations secretariat, which no country holds.
# "undersecretary-general" and "Under Secretary General" as wire copy spells them (real_dev8).
_UN_TITLE = re.compile(
    r"\b(?:Under[- ]?Secretary[- ]General|(?:Assistant|Deputy)\s+Secretary[- ]General|"
    r"Emergency Relief Coordinator|(?:Resident|Humanitarian) Coordinator|"
    r"Special Representative of the Secretary-General)\b",
    re.I,
)


_TITLE_HEADS = "Minister|Secretary|Ambassador|Spokes(?:man|woman|person)|President|Chief|Director|Head|Envoy|Commissioner"


# ", the Russian ambassador to Canada," / ", Minister of Immigration" / ", minister of
# international development" after a name. A period inside an abbreviation ("the deputy U.S.
# ambassador") does not end it.
_PHRASE_CHAR = r"(?:[^,.;]|(?<=\b[A-Z])\.)"


# ", UN Under-Secretary-General for Humanitarian Affairs," / ", Assistant High Commissioner for
# UNHCR Operations," / ", UNHCR spokesperson,": capitalised words (an owner, a rank) and then a
# title head, with nothing after the head but its "for"/"of" phrase before a comma or a verb, so
# that a second person in a list (", Russian President Vladimir Putin") is no appositive.
_OWNED_TITLE_HEADS = _TITLE_HEADS + "|Coordinator|Representative|Secretary-General|Rapporteur"


_OWNED_TITLE = (
    r"((?:[A-Z][\w.'\u2019&-]*\s+){1,4}(?:[\w]+-)?(?i:" + _OWNED_TITLE_HEADS + r")"
    r"(?:-General)?(?:\s+(?:for|of|on|at)\s[^.;,]{0,80})?)"
    r"(?=\s*[,;]|\s*\.(?:\s|$)|\s+(?:said|says|told|added|has|had|is|was|who|warned)\b)"
)


_APPOSITIVE = re.compile(
    rf",\s+(?:(?:the|a|an)\s+({_PHRASE_CHAR}{{3,90}})|((?i:{_TITLE_HEADS})\b(?:[^.;]|(?<=\b[A-Z])\.){{0,90}})|{_OWNED_TITLE})"
)


_GOVERNMENT_TITLE = re.compile(
    r"\b(?:[Mm]inist(?:er|ry)|[Ss]pokes(?:man|woman|person)|[Aa]rmy|[Mm]ilitary|[Pp]resident|"
    r"[Pp]rime [Mm]inister|[Aa]mbassador|[Gg]overnment|[Ss]ecretary)\b"
)
