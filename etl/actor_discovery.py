"""Actors the gazetteer lacks, found from how the text names them (passes of `etl.actors`).

Four classes of names that carry statements and stances on a new crisis and that the gazetteer
pass used to swallow or miss:
- news outlets named with what they are ("the pro-government newspaper Al-Watan", "state news
  agency PAP", "al-Masirah TV reported", "The Daily Sabah reported") or listed in
  `etl/rules/outlets.txt` ("The Washington Post"; a one-word name such as "Bloomberg" only with a
  media noun, an outlet's verb or a cue, and never inside a person's name), or a one-word name
  the gazetteer lacks right before an outlet noun ("a Sputnik correspondent", after the entity
  passes: `claim_named_outlets`), which become `media` actors instead of a capital
  ("Washington") or nothing;
- councils, groups and coalitions whose name holds a country ("the Syrian National Council",
  "the International Syria Support Group", "the Refugee Council of New Zealand"), which become
  actors of their own instead of the country their name holds;
- a person whose name spaCy glued onto the body a title names ("US Ambassador to the UN Nikki
  Haley", "Russia's Permanent Representative to the United Nations Vassily Nebenzia");
- members named on a parliamentary record's label line ("Jane Doe Portrait Jane Doe (Bristol
  West) (Lab)", "Paul Dewar NDP Ottawa Centre, ON"), which become people by the line's shape.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from etl.clean import read_outlet_names
from etl.docindex import DocIndex
from etl.types import Actor

if TYPE_CHECKING:
    from etl.actors import Gazetteer, _Resolution

# --- news outlets ----------------------------------------------------------------------------

# Nouns that say a name is a news outlet, before it ("the newspaper Al-Watan") or after it
# ("Anadolu news agency", "al-Masirah TV").
# "daily", "weekly" and "channel" are nouns only after an article, a possessive or an adjective of
# their own ("the daily Al-Watan", "Russia's daily Kommersant", "Israeli daily Haaretz",
# "pro-government daily"), not an adverb or an adjective ("received daily Popular Mobilization
# Forces patrols", "a daily Humanitarian Country Team meeting").
_MEDIA_BEFORE = re.compile(
    r"(?:\b(?i:newspaper|broadcaster|news agency|news service|TV channel|television channel|"
    r"TV station|radio station|magazine|outlet|news website|news site|tabloid)"
    r"|(?:\b[Tt]he(?:\s+[\w-]+){0,2}|['\u2019]s|\b[A-Z][\w-]+|\b\w+-\w+)\s+"
    r"(?:daily|weekly|channel))\s+(?:the\s+)?$"
)
_MEDIA_AFTER = re.compile(
    r"(?P<noun>\s+(?:[Nn]ews\s+[Aa]gency|[Nn]ews\s+[Ss]ervice|TV|[Tt]elevision|[Nn]ewspaper|"
    r"[Dd]aily|[Rr]adio|[Bb]roadcaster|[Nn]ews\s+[Nn]etwork|[Nn]ews\s+[Cc]hannel))?"
    r"(?P<verb>\s+(?:news\s+)?(?:reported|reports|writes|wrote|quoted|cited|said|says|"
    r"correspondent|reporter|editorial|columnist))?"
)
# Words after which a known outlet's short name is the outlet speaking or being spoken to;
# "to", "with" and "by" only before the outlet's full "The X" ("sailed to the Atlantic", "backed
# by Independent senators", "a deal with Sputnik V makers" name no outlet).
_MEDIA_CUE_BEFORE = re.compile(
    r"(?:\baccording\s+to|\btold|\bin\s+an\s+interview\s+with|"
    r"\b(?:speak(?:s|ing)?|spoke|talk(?:s|ed|ing)?|said|wrote|writing)\s+(?:to|with))"
    r"\s+(?:the\s+)?$",
    re.I,
)
_MEDIA_CUE_BEFORE_THE = re.compile(r"(?:\bto|\bwith|\bby)\s+$", re.I)
# Reporting verbs that name an outlet on their own; "said" and "says" do not after one word
# ("Michael Bloomberg said").
_OUTLET_VERBS = re.compile(
    r"\s+(?:news\s+)?(?:reported|reports|writes|wrote|quoted|cited|"
    r"correspondent|reporter|editorial|columnist)\b"
)
_MEDIA_NOUN_WORDS = {"tv", "television", "newspaper", "daily", "radio", "broadcaster"}
# A media noun that ends the name spaCy tagged: "Ariana News Agency", "Bakhtar news agency".
_MEDIA_SUFFIX = re.compile(
    r"\s+(?P<noun>[Nn]ews\s+[Aa]gency|[Nn]ews\s+[Ss]ervice|[Nn]ews\s+[Nn]etwork|TV|[Tt]elevision|"
    r"[Nn]ewspaper|[Rr]adio)$"
)
# "The Daily Sabah", "the Daily Mail": "Daily" opening a title names a newspaper.
_DAILY_TITLE = re.compile(r"(?<=[Tt]he )(?P<name>Daily(?:[ \t]+[A-Z][\w-]+){1,2})(?![\w-])")
# A capitalised word right after a name continues a longer one.
_NAME_GOES_ON = re.compile(r"\s+(?:of\s+)?[A-Z][a-z]")


@lru_cache(maxsize=1)
def _outlets() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(canonical name, aliases) of every outlet in the outlets rules file."""
    return tuple((name, aliases) for name, aliases, _domains in read_outlet_names())


# Outlet forms and their pattern, per gazetteer: built once, not once per article.
_FORMS_CACHE: dict[int, tuple[Gazetteer, list[tuple[str, list[str], re.Pattern[str]]]]] = {}


def _outlet_forms(gazetteer: Gazetteer) -> list[tuple[str, list[str], re.Pattern[str]]]:
    """(canonical name, every form, pattern) of each listed outlet the gazetteer lacks."""
    cached = _FORMS_CACHE.get(id(gazetteer))
    if cached is not None and cached[0] is gazetteer:
        return cached[1]
    table = []
    for canonical, aliases in _outlets():
        names = [canonical, *aliases]
        if any(gazetteer.actor_for_name(n) or gazetteer._by_lower.get(n.lower()) for n in names):
            continue  # the gazetteer's own media row resolves it
        if gazetteer.actor_for_name(canonical.removeprefix("The ").split()[0]):
            continue  # "UN News": a body's own news service speaks for the body
        bare = [n[4:] for n in names if n.startswith("The ") and len(n.split()) >= 2]
        # "Anadolu" for "Anadolu Agency"; never a name the gazetteer gives another actor.
        short = [
            n.rsplit(" ", 1)[0] for n in names if n.endswith(" Agency") and len(n.split()) >= 2
        ]
        short = [n for n in short if len(n) >= 4 and n not in gazetteer._by_text]
        forms = sorted({*names, *bare, *short}, key=len, reverse=True)
        alternatives = "|".join(re.escape(f) for f in forms)
        table.append((canonical, forms, re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")))
    _FORMS_CACHE[id(gazetteer)] = (gazetteer, table)
    return table


def _media_context(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 40) : start]
    after = _MEDIA_AFTER.match(text, end)
    return bool(
        _MEDIA_BEFORE.search(before) or (after and (after.group("noun") or after.group("verb")))
    )


def _inside_longer_person(state: _Resolution, start: int, end: int) -> bool:
    """Is the span part of a longer name spaCy tags as a person ("Michael Bloomberg")?"""
    return any(
        ent.label_ == "PERSON"
        and ent.start_char <= start
        and end <= ent.end_char
        and (ent.start_char, ent.end_char) != (start, end)
        for ent in DocIndex.of(state.doc).ents  # `doc.ents` walks every token on each access
    )


def _media_named_by_noun(text: str, start: int, end: int) -> bool:
    """A media noun right before or after the name (not just a reporting verb)."""
    before = text[max(0, start - 40) : start]
    after = _MEDIA_AFTER.match(text, end)
    return bool(_MEDIA_BEFORE.search(before) or (after and after.group("noun")))


def _add_media(
    state: _Resolution,
    actor_id: str,
    name: str,
    aliases: tuple[str, ...],
    country: str | None,
    known: dict[str, Actor],
) -> None:
    if actor_id in state.gazetteer.actors or actor_id in state.new_actors:
        return
    previous = known.get(actor_id)
    state.new_actors[actor_id] = Actor(
        actor_id=actor_id,
        name=name,
        kind="media",
        country_id=country or (previous.country_id if previous else None),
        aliases=aliases,
        source="discovered",
    )


def _claim_uses(state: _Resolution, actor_id: str, forms: list[str], start: int) -> None:
    """Every use of an outlet's names from `start` on, longest form first."""
    ordered = sorted({f for f in forms if f}, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in ordered) + r")(?![\w-])")
    for use in pattern.finditer(state.text, start):
        if not state.overlaps(*use.span()):
            state.add(use.start(), use.end(), actor_id, "name")


def claim_media(state: _Resolution, known: dict[str, Actor]) -> None:
    """News outlets the gazetteer lacks, as `media` actors (before the gazetteer pass, so that
    "Washington" in "The Washington Post" is not the United States)."""
    from etl.actors import slugify  # actors imports this module inside a function: no cycle

    text = state.text
    gazetteer = state.gazetteer
    # 1. Outlets of the rules file: a name of two words or more wherever it is written; a
    #    one-word name ("CNN", "Sputnik", "Guardian") only where the text treats it as an outlet.
    for canonical, forms, pattern in _outlet_forms(gazetteer):
        if not any(f in text for f in forms):
            continue  # most outlets are not named at all: no regular expression to run
        first = None
        for match in pattern.finditer(text):
            form = match.group(0)
            if state.overlaps(*match.span()) or _NAME_GOES_ON.match(text, match.end()):
                continue  # "The National Liberation Front" is no outlet "The National"
            if _inside_longer_person(state, *match.span()):
                continue  # "Michael Bloomberg" is a person, not the outlet "Bloomberg"
            # Two words or more ("The Washington Post") name the outlet; "The Independent" and
            # "The National" are one word after an article, and need the context; one word
            # alone ("Bloomberg", "Atlantic") needs a media noun, an outlet's verb or a cue.
            words = len(form.split())
            the_form = form.startswith("The ") and words == 2
            before = text[max(0, match.start() - 30) : match.start()]
            cue = _MEDIA_CUE_BEFORE.search(before) or (
                the_form and _MEDIA_CUE_BEFORE_THE.search(before)
            )
            if words >= 2 and not the_form:
                named = True
            elif the_form:
                named = bool(_media_context(text, *match.span()) or cue)
            else:
                named = bool(
                    _media_named_by_noun(text, *match.span())
                    or _OUTLET_VERBS.match(text, match.end())
                    or (
                        text[max(0, match.start() - 4) : match.start()] == "The "
                        and _media_context(text, *match.span())
                    )
                    or (cue and form[:1].isupper() and len(form) >= 3)
                )
            if named:
                first = match
                break
        if first is None:
            continue
        actor_id = slugify(canonical)
        alias_forms = tuple(f for f in forms if f != canonical)
        _add_media(state, actor_id, canonical, alias_forms, None, known)
        _claim_uses(state, actor_id, [canonical, *alias_forms], first.start())
    # 2. A title "the Daily X" that reports or is cited ("The Daily Sabah reported").
    for match in _DAILY_TITLE.finditer(text):
        start, end = match.span("name")
        cue = _MEDIA_CUE_BEFORE.search(text[max(0, start - 34) : start])
        if state.overlaps(start, end) or not (cue or _media_context(text, start, end)):
            continue
        name = match.group("name")
        if gazetteer.actor_for_name(name) or gazetteer._by_lower.get(name.lower()):
            continue
        actor_id = slugify(name)
        _add_media(state, actor_id, name, (f"The {name}",), None, known)
        _claim_uses(state, actor_id, [name], start)
    # 3. Any other organisation spaCy tags, named with a media noun beside it.
    for ent in DocIndex.of(state.doc).ents:  # `doc.ents` walks every token on each access
        if ent.label_ not in ("ORG", "PERSON", "WORK_OF_ART", "NORP", "GPE", "FAC"):
            continue
        name = ent.text
        start = ent.start_char
        if name.lower().startswith("the "):
            name, start = name[4:], start + 4
        end = start + len(name)
        words = name.split()
        if not words or not (words[0][:1].isupper() or words[0].lower().startswith(("al-", "el-"))):
            continue
        if "\n" in name or state.overlaps(start, end):
            continue
        suffix = _MEDIA_SUFFIX.search(name) if len(words) >= 2 else None
        if not _media_named_by_noun(text, start, end) and not (ent.label_ == "ORG" and suffix):
            continue
        if gazetteer.actor_for_name(name) or gazetteer._by_lower.get(name.lower()):
            continue
        if gazetteer._by_text.get(name) or gazetteer._by_text.get(name.split()[0]):
            continue  # "Syrian state TV": the country's own media, left to the gazetteer
        noun = _MEDIA_AFTER.match(text, end).group("noun") or ""
        core = name
        if suffix:
            core, noun = name[: suffix.start()], suffix.group("noun")
        aliases = {core, name}
        if noun.strip():
            aliases.add(f"{core} {noun.strip()}")
            aliases.add(f"{core} {noun.strip().title()}")
            if noun.strip().lower().endswith("agency"):
                aliases.add(f"{core} Agency")
        if text[max(0, start - 4) : start] == "The ":
            aliases.add(f"The {core}")
        actor_id = slugify(core)
        _add_media(state, actor_id, core, tuple(sorted(aliases - {core})), None, known)
        _claim_uses(state, actor_id, [name, core], start)


# --- bodies whose name holds a country -------------------------------------------------------

# The head nouns of councils, groups and movements that are not a state's own organs.
_BODY_HEADS = re.compile(
    r"\b(?:Council|Committee|Commission|Group|Coalition|Platform|Network|Observatory|Front|"
    r"Movement|Alliance|League|Society|Association|Foundation|Institute|Centre|Center|"
    r"Crescent|Campaign|Initiative|Forum|Union|Organi[sz]ation|Congress|Party|Brotherhood)\b"
)
# Words of a state's own organs: "the Russian Security Council", "Sudan's Sovereign Council", "the
# Syrian People's Assembly" speak for their country, as gold names them.
_STATE_ORGAN_WORDS = re.compile(
    r"\b(?:Ministry|Minister|Ministers|Government|Cabinet|Army|Armed|Military|Navy|Police|"
    r"Embassy|Mission|Parliament|Assembly|Presidency|Presidential|Office|Department|Security|"
    r"State|Sovereign\w*|Transitional|Supreme|Federal|Royal|Senate|House|Revolutionary|Command|"
    r"Agency|Authority|Authorities|Court|Bank|Republic|Kingdom|Emirates|Nations|States|"
    r"Representatives|Deputies|Election|Elections|Electoral|Legislative|Shura|Peace)\b"
)
_CONNECTORS = {"of", "for", "on", "and", "the", "in", "from", "&"}
# "the Action Group on Syria", "the Refugee Council of New Zealand": spaCy often ends the name
# before its country; a connector and a capitalised run after it belong to the name.
_NAME_TAIL = re.compile(r"\s+(?:on|of|for)\s+(?:the\s+)?((?:[A-Z][\w'\u2019-]*\s?){1,3})")
# Capitalised words that end a name's tail: a date ("the Contact Group on Libya Tuesday agreed")
# or a title ("the Refugee Council of Australia Chief Executive Paul Power").
_TAIL_STOP = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    r"May|June|July|August|September|October|November|December|Chief|Executive|Director|"
    r"President|Chairman|Chair|Head|Spokesman|Spokeswoman|Spokesperson|Secretary|Minister|"
    r"Ambassador|Envoy|General|Mr|Mrs|Ms|Dr)\b"
)


def claim_country_bodies(state: _Resolution, known: dict[str, Actor]) -> None:
    """Organisations spaCy tags whose name holds a country word and ends in a body's head noun
    become actors of their own, before the gazetteer pass takes the country word inside them."""
    from etl.actors import _country_inside_name, _organisation_kind, slugify

    text = state.text
    gazetteer = state.gazetteer
    country_words = None
    for ent in DocIndex.of(state.doc).ents:  # `doc.ents` walks every token on each access
        if ent.label_ != "ORG":
            continue
        name, start = ent.text, ent.start_char
        if name.lower().startswith("the "):
            name, start = name[4:], start + 4
        tail = _NAME_TAIL.match(text, start + len(name))
        if tail and not _BODY_HEADS.search(tail.group(1)):
            tail_end = tail.end(1)
            stop = _TAIL_STOP.search(tail.group(1))
            if stop:
                tail_end = tail.start(1) + stop.start()
            if tail_end > tail.start(1):
                name = text[start:tail_end].rstrip()
        name = re.sub(r"['\u2019]s$", "", name).strip()
        end = start + len(name)
        words = name.split()
        if len(words) < 2 or "\n" in name or state.overlaps(start, end):
            continue
        if any(not w[:1].isupper() for w in words if w.lower() not in _CONNECTORS):
            continue
        # The head noun ends the name ("the Syrian National Council") or comes right before the
        # place it is of or on ("the Action Group on Syria"); "Russian Federation Mr" has none.
        head = re.split(r"\s+(?:of|on|for)\s+", name, maxsplit=1)[0].split()[-1]
        if words[-1].lower() in _CONNECTORS or not _BODY_HEADS.fullmatch(head):
            continue
        if _STATE_ORGAN_WORDS.search(name):
            continue
        if gazetteer.actor_for_name(name) or gazetteer._by_lower.get(name.lower()):
            continue  # a gazetteer row: the next pass resolves it
        if country_words is None:
            country_words = gazetteer.country_words()
        country = _country_inside_name(name, country_words)
        if country is None or gazetteer.actors.get(country) is None:
            continue
        if gazetteer.actors[country].kind != "country":
            continue  # "UN Refugee Council" holds a body's name, not a country's
        actor_id = slugify(name)
        if actor_id not in state.new_actors:
            previous = known.get(actor_id)
            state.new_actors[actor_id] = Actor(
                actor_id=actor_id,
                name=name,
                kind=_organisation_kind(name, text[end : end + 80], country),
                country_id=country or (previous.country_id if previous else None),
                aliases=(),
                source="discovered",
            )
        pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
        for use in pattern.finditer(text, start):
            if not state.overlaps(*use.span()):
                state.add(use.start(), use.end(), actor_id, "name")


# --- people glued onto the body of their title -----------------------------------------------

# "ambassador to the UN Nikki Haley": the body a title is held at, then the holder's name.
_HELD_AT = re.compile(r"\b(?:to|at)\s*$", re.I)


def claim_title_holders(state: _Resolution, known: dict[str, Actor]) -> None:
    """A person spaCy tagged together with the body of the title before them ("the UN Matthew
    Rycroft" after "British ambassador to") is a person of their own, with the title's country."""
    from etl.actors import (
        _TITLE_WORDS,
        _is_name_word,
        add_discovered_person,
        is_known_place,
        slugify,
    )

    text = state.text
    gazetteer = state.gazetteer
    country_words = None
    for ent in DocIndex.of(state.doc).ents:  # `doc.ents` walks every token on each access
        if ent.label_ not in ("ORG", "FAC", "GPE"):
            continue
        if not _HELD_AT.search(text[max(0, ent.start_char - 12) : ent.start_char]):
            continue
        body = next(
            (
                m
                for m in state.mentions_within(ent.start_char, ent.end_char)
                if m.char_start <= ent.start_char + 4
            ),
            None,
        )
        if body is None:
            continue
        actor = state.actor(body.actor_id)
        if actor is None or actor.kind not in ("intergovernmental", "country"):
            continue
        rest = text[body.char_end : ent.end_char]
        name = re.sub(r"['\u2019]s$", "", rest.strip())  # "Gilad Erdan's speech"
        start = body.char_end + rest.find(name) if name else body.char_end
        end = start + len(name)
        words = name.split()
        if not 2 <= len(words) <= 4 or not all(_is_name_word(w) for w in words):
            continue
        if any(w.lower().strip(".,") in _TITLE_WORDS for w in words):
            continue
        if state.overlaps(start, end) or is_known_place(name):
            continue
        if country_words is None:
            country_words = gazetteer.country_words()
        if any(w in country_words for w in words):
            continue
        actor_id = gazetteer.actor_for_name(name) or slugify(name)
        add_discovered_person(state, start, end, actor_id, name, known, country_words)


# --- members named on a record's label line --------------------------------------------------

# Parliamentary records print each member's name on a line of its own, with what follows it:
# the name again ("Photo of Eamon RyanEamon Ryan (Dublin Bay South, Green Party)", "Jane Doe
# Portrait Jane Doe (Bristol West) (Lab)"), brackets, a party ("Paul Dewar NDP Ottawa Centre,
# ON") or a riding and its province ("Stella Ambler Mississauga South, ON"). spaCy reads the riding
# as part of the name or the whole line as an organisation; the line's shape settles it.
# A name's word: capitalised, lower case after ("McGovern", "Laverdière", "Abdel-Hakim"), so a name
# glued to its repeat ("RyanEamon") splits.
# Irish particles stand as words of their own ("Seán Ó Fearghaíl", "Máiréad Ní Bhriain").
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_NAME_WORD = (
    rf"(?:(?:Ó|Ní|Nic|Mac|de)(?=[ \t])|(?:Mc|Mac|O['\u2019])?[{_UPPER}][^\W\d_{_UPPER}]+"
    rf"(?:-[{_UPPER}][^\W\d_{_UPPER}]+)?)"
)
_PARTY_AFTER = r"(?:NDP|Conservative|Liberal|Labour|Green|Bloc|Independent|Reform|Lab\b|Con\b)"
# What follows a member's name on the label line: the name again, after "Portrait" and an
# honorific ("Tobias Ellwood Portrait Mr Tobias Ellwood"); a constituency in brackets with a
# party in brackets after it or inside it ("(Bristol West) (Lab)", "(Dublin Bay South, Green
# Party)"), not any bracket ("Tuesday Update (Afghanistan)"); a party glued to the next word or
# ending the line ("Chris Alexander ConservativeParliamentary Secretary"); a riding and province.
_LABEL_LINE = re.compile(
    r"^(?:(?:Photo|Portrait|Picture|Image) of\s+)?"
    rf"(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,3}}?)"
    r"(?:(?P<again>[ \t]*(?:Portrait[ \t]+(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?[ \t]+)?)?(?P=name))"
    r"|(?=[ \t]*\([^()\n]*(?:,[^()\n]*\)|\)[ \t]*\())"
    rf"|(?=[ \t]*{_PARTY_AFTER}(?:[A-Z]|[ \t]*$))"
    r"|(?=[ \t]+[A-Z][^,\n]{2,60},[ \t]+[A-Z]{2}[ \t]*$))",
    re.M,
)
# Words of an organisation's or a place's name, never of a member's.
_NOT_A_MEMBER = re.compile(
    r"\b(?:Nations|States|Union|Agency|Ministry|Office|Department|News|Press|Times|Post|"
    r"Council|Committee|Commission|Group|Party|Forces|Army|Government|Republic|Kingdom|House|"
    r"Parliament|Assembly|Senate|Debates?|Hansard|Orders|Business|Statements?|Questions?|"
    # news furniture: a live blog's or a report's headings, days and months
    r"Updates?|Updated|Live|Night|Breaking|Findings|Key|Summary|Highlights|Timeline|Rebels|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    r"June|July|August|September|October|November|December)\b"
)


def claim_label_people(state: _Resolution, known: dict[str, Actor]) -> None:
    """A member named on a label line of a parliamentary record is a person, by the name alone."""
    from etl.actors import (
        _TITLE_WORDS,
        _is_name_word,
        add_discovered_person,
        is_known_place,
        slugify,
    )

    text = state.text
    gazetteer = state.gazetteer
    country_words = None
    for match in _LABEL_LINE.finditer(text):
        line_end = text.find("\n", match.end())
        line = text[match.start() : line_end if line_end != -1 else len(text)]
        if len(line) > 200 or line.rstrip().endswith((".", "?", "!")):
            continue
        name = match.group("name")
        start, end = match.span("name")
        words = name.split()
        if not all(_is_name_word(w) for w in words) or _NOT_A_MEMBER.search(name):
            continue
        if any(re.search(rf"(?<![\w-]){re.escape(w.lower())}(?![\w-])", text) for w in words):
            continue  # "Population Movements": words the text also writes as common nouns
        if any(w.lower().strip(".") in _TITLE_WORDS or w.lower() in gazetteer.roles for w in words):
            continue
        if country_words is None:
            country_words = gazetteer.country_words()
        if any(w in country_words or gazetteer._by_text.get(w) for w in words):
            continue
        if gazetteer._by_text.get(name) or is_known_place(name) or state.overlaps(start, end):
            continue
        actor_id = slugify(name)
        add_discovered_person(state, start, end, actor_id, name, known, country_words)
        if match.group("again"):
            again = match.start("again") + match.group("again").rfind(name)
            if not state.overlaps(again, again + len(name)):
                state.add(again, again + len(name), actor_id, "name")


# --- speakers named by a transcript's turn labels ---------------------------------------------

# A turn label at the start of a line: "Elizabeth May: Mr. Speaker, ...", "Costas Menegakis :
# ...", "Hon. Jane Doe (Riding, Party): ...", "Mr. John Doe: ...". The name is a person's whatever
# spaCy made of it (it reads "May" as a month); a page needs two such labels, so that a headline
# "Name: words" or a caption founds no one.
_TURN_LABEL = re.compile(
    r"^[ \t]*(?:(?:The[ \t]+)?(?:Right[ \t]+)?(?:Hon\.?|Honourable|Honorable|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)[ \t]+)?"
    rf"(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,3}})"
    r"[ \t]*(?:\([^()\n]{1,80}\))?[ \t]*:[ \t]+(?P<speech>\S[^\n]*)",
    re.M,
)
# Line heads with a colon that name no speaker ("Related Articles: ...", "Photo Credit: ...").
_NOT_A_SPEAKER = re.compile(
    r"\b(?:Related|Articles?|Photo|Credit|Source|Note|Read|Watch|Listen|Topics|Tags|Posted|"
    r"Update|Contact|Media|Press|Release|Statement|Subject|Date|Location|Caption|Editor)\b"
)


def _names_a_body(gazetteer: Gazetteer, text: str) -> bool:
    """A gazetteer form of anything but a person ("Hamas", "Ottawa")."""
    form = gazetteer._by_text.get(text)
    return form is not None and gazetteer.actors[form.actor_id].kind != "person"


def claim_label_speakers(state: _Resolution, known: dict[str, Actor]) -> None:
    """A person named by a transcript's turn label is an actor, by the label alone, when the page
    labels at least two turns so."""
    from etl.actors import (
        _TITLE_WORDS,
        _is_name_word,
        add_discovered_person,
        is_known_place,
        slugify,
    )

    text = state.text
    gazetteer = state.gazetteer
    country_words = gazetteer.country_words()
    labels = []
    for match in _TURN_LABEL.finditer(text):
        name = match.group("name")
        words = name.split()
        if len(re.findall(r"\w+", match.group("speech"))) < 6:
            continue  # a turn is a speech, not a heading's few words
        if not all(_is_name_word(w) for w in words) or _NOT_A_MEMBER.search(name):
            continue
        if _NOT_A_SPEAKER.search(name):
            continue
        if any(w.lower().strip(".") in _TITLE_WORDS or w.lower() in gazetteer.roles for w in words):
            continue
        if any(_names_a_body(gazetteer, w) for w in words):
            continue  # a surname shared with a known person ("Kallas") is still a name
        if _names_a_body(gazetteer, name) or is_known_place(name):
            continue
        labels.append(match)
    if len({m.group("name") for m in labels}) < 2:
        return
    for match in labels:
        name = match.group("name")
        start, end = match.span("name")
        if not state.overlaps(start, end):
            add_discovered_person(state, start, end, slugify(name), name, known, country_words)


# A one-word name the gazetteer lacks, right before a noun that says it is a news outlet: "the
# Guardian news agency reported", "reported Anadolu news agency", "a Sputnik correspondent
# reported" (real_dev6, real_dev8). One-word organisations are otherwise too ambiguous to found
# an actor on; the outlet noun settles it. A word joined to the one before ("al-Masirah TV") is
# part of a longer name and left alone.
_OUTLET_NAME = re.compile(
    r"(?<![\w'\u2019-])(?P<the>The\s+)?(?P<name>[A-Z][A-Za-z]{2,20})\s+(?:news\s+agency|news\s+service|"
    r"correspondent|newspaper|daily|broadcaster|TV)\b"
)


def claim_named_outlets(state: _Resolution) -> None:
    """One-word outlet names ("Anadolu news agency") become media actors."""
    from etl.actors import is_known_place, slugify

    country_words = state.gazetteer.country_words()
    for match in _OUTLET_NAME.finditer(state.text):
        start, end = match.span("name")
        name = match.group("name")
        if state.overlaps(start, end) or name.lower() in _NOT_OUTLETS:
            continue
        if name in country_words or is_known_place(name):
            continue  # "Syrian state TV", "the Qatari broadcaster": a country's outlet
        actor_id = state.gazetteer.actor_for_name(name) or slugify(name)
        if actor_id not in state.gazetteer.actors and actor_id not in state.new_actors:
            state.new_actors[actor_id] = Actor(
                actor_id=actor_id,
                name=name,
                kind="media",
                country_id=None,
                aliases=(f"The {name}", f"{name} Agency", f"{name} News Agency"),
                source="discovered",
            )
        state.add(start, end, actor_id, "name")


_NOT_OUTLETS = {"the", "state", "news", "official", "local", "national", "private", "said"}


# --- people whose name opens with a place's ---------------------------------------------------

# "Paris Aristotle", "Israel Katz", "Jordan Bardella": a first name that is also a capital or a
# country. spaCy tags the whole name a person; the gazetteer pass would take the first word as
# the government. A title, a demonym or a role right after the place word ("Moscow Mayor",
# "Paris Police") is no surname.
_GAZETTEER_PLACE_FORMS = ("capital", "name")


# What makes a place-opened name a person's: an appositive or a relative clause after it
# ("Paris Aristotle, the co-chair of …", ", who chairs …"), a verb of saying right after it, or
# the surname standing alone elsewhere in the text ("Aristotle said").
_PERSON_AFTER = re.compile(r",\s+(?:a|an|the|who|whose|one|co-|chair|head|director)\b", re.I)
_SAYING = {"say", "tell", "add", "warn", "urge", "argue", "insist", "write", "explain", "note"}


def _reads_as_person(state: _Resolution, ent, surname: str) -> bool:
    doc = state.doc
    last = doc[ent.end - 1]
    if last.tag_ == "NNPS":
        return False  # a plural: "Myanmar Nationals"
    if _PERSON_AFTER.match(state.text, ent.end_char):
        return True
    if ent.end < len(doc) and doc[ent.end].lemma_.lower() in _SAYING:
        return True
    alone = re.compile(
        rf"(?<![\w-])(?<!{re.escape(ent.text.split()[0])} ){re.escape(surname)}(?![\w-])"
    )
    return any(not (ent.start_char <= m.start() < ent.end_char) for m in alone.finditer(state.text))


def claim_place_named_people(state: _Resolution, known: dict[str, Actor]) -> None:
    """A PERSON entity of two or three name words whose first word is a capital or a country
    name is that person, not the government the first word names."""
    from etl.actors import _TITLE_WORDS, _is_name_word, add_discovered_person, slugify

    gazetteer = state.gazetteer
    country_words = None
    for ent in DocIndex.of(state.doc).ents:  # `doc.ents` walks every token on each access
        if ent.label_ != "PERSON" or "\n" in ent.text:
            continue
        name = re.sub(r"['\u2019]s$", "", ent.text.strip())
        words = name.split()
        if not 2 <= len(words) <= 3 or not all(_is_name_word(w) for w in words):
            continue
        first = gazetteer._by_text.get(words[0])
        if first is None or first.how not in _GAZETTEER_PLACE_FORMS:
            continue
        if gazetteer.actors[first.actor_id].kind != "country":
            continue
        rest = words[1:]
        if any(
            w.isupper()
            or w.lower().strip(".,") in _TITLE_WORDS
            or w.lower() in gazetteer.roles
            or gazetteer._by_text.get(w)
            for w in rest
        ):
            continue  # "Moscow Mayor", "Damascus Syrian", "Jordan UN": no surname
        start = ent.start_char
        end = start + len(name)
        if state.overlaps(start, end) or gazetteer.actor_for_name(name):
            continue
        if not _reads_as_person(state, ent, rest[-1]):
            continue  # "Next Astana Format meeting", "these Myanmar Nationals"
        if country_words is None:
            country_words = gazetteer.country_words()
        actor_id = slugify(name)
        add_discovered_person(state, start, end, actor_id, name, known, country_words)
        # The surname alone later ("Aristotle said") is found by the surname pass.


# --- a state's own security council ---------------------------------------------------------

# "the Russian Security Council", "Iran's Supreme National Security Council", "Turkey's National
# Security Council": a state's own body, which speaks for its country (docs/gold-conventions.md:
# a state's organs stay their country), not the UN's council the alias "Security Council" names.
# Nouns after it that belong to the UN's council keep the alias ("Russia's Security Council
# veto", "the British Security Council resolution", "Russia's Security Council seat").
_OWN_COUNCIL = re.compile(
    r"(?P<owner>(?:[A-Z][\w.-]*\s){0,2}[A-Z][\w.-]*?)(?P<possessive>['\u2019]s)?\s+"
    r"(?P<council>(?:(?:Supreme\s+)?National\s+)?Security\s+Council)\b"
    r"(?!\s+(?:veto|vetoes|seat|resolutions?|draft|presidency|members?|membership|vote|votes|"
    r"voting|ally|allies|partners?|colleagues|counterparts?|counterpart|chair|meeting|session|"
    r"debate|mandate|reform)\b)"
)
_UN_OWNERS = {"UN", "U.N.", "United Nations", "UNSC"}


def claim_state_councils(state: _Resolution) -> None:
    """A security council a country owns (by its demonym or its name's possessive) is that
    country: one mention from the owner word to the council's end."""
    text = state.text
    gazetteer = state.gazetteer
    nation_words = None
    for match in _OWN_COUNCIL.finditer(text):
        owner = match.group("owner")
        if nation_words is None:
            nation_words = gazetteer.country_words()
        # the owner is the last one to three capitalised words before the council
        words = owner.split()
        country = None
        for cut in range(len(words)):
            candidate = " ".join(words[cut:])
            if candidate in _UN_OWNERS:
                break
            form = gazetteer._by_text.get(candidate)
            if candidate in nation_words and form is not None:
                if form.how == "name" and not match.group("possessive"):
                    break  # "Russia Security Council" is no phrase a paper writes
                if gazetteer.actors[nation_words[candidate]].kind == "country":
                    country = nation_words[candidate]
                    owner_start = match.start("owner") + owner.rfind(candidate)
                break
        if country is None:
            continue
        start, end = owner_start, match.end("council")
        if state.overlaps(start, end):
            continue
        state.add(start, end, country, "alias")


# --- entry points, called by `etl.actors.resolve_mentions` -----------------------------------


def claim_before_gazetteer(state: _Resolution, known: dict[str, Actor]) -> None:
    """Names the gazetteer pass would take a country or capital out of."""
    claim_media(state, known)
    claim_country_bodies(state, known)
    claim_label_people(state, known)
    claim_label_speakers(state, known)
    claim_place_named_people(state, known)
    claim_state_councils(state)


def claim_after_entities(state: _Resolution, known: dict[str, Actor]) -> None:
    """People spaCy glued onto the body their title is held at; one-word outlets named by the
    noun after them."""
    claim_title_holders(state, known)
    claim_named_outlets(state)
