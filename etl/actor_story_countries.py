"""The country a sentence or a story is about, for titles and offices that name no owner.

The country the article most often has speak, the subject of the previous sentence, the country
of a person a name is coordinated with, the story's dominant country (its mentions and its
dateline) and the country the page has act.
"""

from __future__ import annotations

import re

from etl.actor_gazetteer import _PLACE_PREPOSITIONS
from etl.actor_state import _Resolution
from etl.docindex import DocIndex
from etl.types import Mention


def _sole_leader(counts: dict[str, int]) -> str | None:
    """The key with the highest count, or None when there is none or two share it."""
    if not counts:
        return None
    best = max(counts.values())
    leaders = [c for c, n in counts.items() if n == best]
    return leaders[0] if len(leaders) == 1 else None


def _speaking_country(state: _Resolution, within: tuple[int, int] | None = None) -> str | None:
    """The one country the article (or the text within the given offsets) most often makes the
    subject of a reporting verb ("Canada condemned", "Canadian officials said", "Canada's
    foreign minister says"); None on a tie."""
    from etl.statement_verbs import REPORTING_VERBS  # here: statement_verbs needs the context

    counts: dict[str, int] = {}
    mentions = state.mentions_within(*within) if within else state.mentions
    for mention in mentions:
        actor = state.actor(mention.actor_id)
        if actor is None or actor.kind != "country" or mention.how == "capital":
            continue
        span = state.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
        if span is None:
            continue
        token = span.root
        if token.dep_ in ("poss", "amod", "compound") and token.head.dep_ in (
            "nsubj",
            "nsubjpass",
        ):
            if mention.how == "demonym" and not _OFFICIAL_NOUN.match(state.text, mention.char_end):
                continue  # "Syrian refugees say": a people, not the state
            token = token.head
        if token.dep_ != "nsubj":
            continue  # "Syria was condemned": the passive subject of a reporting verb is its object
        if token.head.lemma_.lower() in REPORTING_VERBS:
            counts[actor.actor_id] = counts.get(actor.actor_id, 0) + 1
    return _sole_leader(counts)


def _conjunct_country(state: _Resolution, span, country_words: dict[str, str]) -> str | None:
    """The country of the person a name is coordinated with, when its own title names none:
    "Foreign Minister François-Philippe Champagne and Karina Gould" -> Champagne's; "President
    Hu Jintao and Chinese Premier Wen Jiabao" -> the other's title's. Only a person's conjunct
    (a name with its title), never a country listed beside it."""
    if span is None:
        return None
    root = span.root
    others = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ == "conj":
        others.append(root.head)
    for other in others:
        left = other.left_edge.idx
        right = other.idx + len(other.text)
        if left <= span.start_char < right:
            left = span.end_char  # the person stands before its head: "X and Y"
        # A gazetteer person's country ("Champagne" is Canada's) ...
        people = [
            state.actor(m.actor_id)
            for m in state.mentions_within(left, right + 1)
            if m.actor_id in state.gazetteer.actors
        ]
        for actor in people:
            if actor is not None and actor.kind == "person" and actor.country_id:
                return actor.country_id
        if other.ent_type_ != "PERSON":
            continue
        # ... or the other's title ("Chinese Premier"), not its name ("John Irish").
        i = other.i
        while i > other.left_edge.i and (
            (span.doc[i - 1].pos_ == "PROPN" and span.doc[i - 1].ent_type_ == "PERSON")
            or span.doc[i - 1].text in ("-", "\u2010")
        ):
            i -= 1
        found = _first_country(state.text[left : span.doc[i].idx], state, left, country_words)
        if found:
            return found
    return None


# A demonym is the state as a sentence's subject only before a word for the state: "Australian
# government", "Russian officials"; "Syrian refugees" are a people, not the state.
_OFFICIAL_NOUN = re.compile(
    r"\s+(?:\w+\s+)?(?:government|authorities|officials?|ministry|minister|president|"
    r"prime minister|embassy|ambassador|delegation|foreign|defen[cs]e|state|leaders?|army|"
    r"military|forces|troops|navy|police)\b",
    re.I,
)


def _previous_subject(
    state: _Resolution, sent_start: int, *, countries_only: bool = False
) -> str | None:
    """The country, bloc or group that is the subject of the sentence before `sent_start`.

    With `countries_only`, only a country (or a government body's country) counts: a president
    or minister introduced after "the Security Council voted" is not the council's.
    """
    previous = DocIndex.of(state.doc).sentences_ending_by(sent_start)
    if not previous:
        return None
    sent = previous[-1]
    for token in sent:
        if token.dep_ not in ("nsubj", "nsubjpass") or token.head.dep_ != "ROOT":
            continue
        left, right = token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)
        for mention in state.mentions_within(left, right):
            actor = state.actor(mention.actor_id)
            if actor is None or actor.kind in ("person", "media"):
                continue
            if _in_preposition(state, mention, token):
                continue  # "The fighting in Syria has killed ...": a place in the subject
            if mention.how == "demonym" and not _OFFICIAL_NOUN.match(state.text, mention.char_end):
                continue  # "Syrian refugees wait": a people, not the state
            if countries_only and actor.kind in (
                "intergovernmental",
                "armed_group",
                "organization",
            ):
                continue
            if actor.kind in ("country", "intergovernmental", "armed_group"):
                return actor.actor_id
            return actor.country_id
    return None


def _in_preposition(state: _Resolution, mention: Mention, subject) -> bool:
    """Does the mention hang on a preposition of place inside the subject phrase ("the fighting
    in Syria"), rather than being the subject or its owner ("Russia's ministry", "a spokesperson
    for the French government")?"""
    span = state.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    while token.i != subject.i and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ in _PLACE_PREPOSITIONS - {"of", "to", "on"}:
            return True  # "a spokesperson for the French government" is the government's
        token = token.head
    return False


def _dominant_country(
    state: _Resolution, before: int, leave_out: frozenset[str] | set[str] = frozenset()
) -> str | None:
    """The country the story is most about: its mentions (not as a capital; twice those before
    offset `before`) plus three for the dateline's; None on a tie. Countries in `leave_out` do
    not count."""
    counted: list[Mention] = []
    for mention in state.mentions:
        actor = state.actor(mention.actor_id)
        if actor is None or actor.kind != "country" or mention.how == "capital":
            continue
        if actor.actor_id in leave_out:
            continue
        counted.append(mention)
    return _leading_country(state, counted, before)


def _leading_country(state: _Resolution, counted: list[Mention], before: int) -> str | None:
    """The one country ahead among the `counted` country mentions: each counts once, twice
    before offset `before`, and the dateline's country three more; None on a tie."""
    counts: dict[str, int] = {}
    for mention in counted:
        counts[mention.actor_id] = counts.get(mention.actor_id, 0) + (
            2 if mention.char_start < before else 1
        )
    if state.dateline_country:
        counts[state.dateline_country] = counts.get(state.dateline_country, 0) + 3
    return _sole_leader(counts)


def _acting_country(state: _Resolution, before: int) -> str | None:
    """The country a page has act, for an official it names with a bare government title
    ("Prime Minister X", "press secretary X"): its mentions as the subject of a verb ("Australia
    will take", "Canberra will join") or as the owner of a state's office or officials ("Canada's
    government", "Canadian officials"), twice those before offset `before`, plus three for the
    dateline's; None on a tie. A country named only as a place or a people ("fighting in Syria",
    "Syrian refugees", "Syria's civil war") is what the page is about, not whose minister
    speaks: counting those gave the crisis country to foreign ministers on six real sets.
    Officials count only as a subject ("Canadian officials said", not "met Russia's foreign
    minister"); a passive subject is done to, not acting."""
    counted: list[Mention] = []
    for mention in state.mentions:
        actor = state.actor(mention.actor_id)
        if actor is None or actor.kind != "country":
            continue
        span = state.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
        if span is None:
            continue
        if _inside_quotation(state.text, mention.char_start):
            continue  # '"Russia must stop the bombing," Foreign Minister X said': the words quoted
        token = span.root
        # A passive subject is done to ("Syria was condemned"), not acting.
        acting = token.dep_ == "nsubj" and token.head.pos_ in ("VERB", "AUX")
        if not acting and mention.how != "capital":
            after = state.text[mention.char_end : mention.char_end + 60].replace("\u2019", "'")
            # ... and its officials only as a subject: "met Russia's foreign minister" names a
            # counterpart, not the home of the one who met them.
            head = token.head
            while head.dep_ == "compound" and head.head.i != head.i:
                head = head.head
            acting = (
                token.dep_ in ("poss", "amod", "compound")
                and head.dep_ == "nsubj"
                and bool(_OFFICIAL_NOUN.match(re.sub(r"^'s?(?=\s)", "", after)))
            )
        if acting:
            counted.append(mention)
    return _leading_country(state, counted, before)


def _inside_quotation(text: str, at: int) -> bool:
    """Is offset `at` inside a quotation opened earlier in its paragraph?"""
    paragraph = text[text.rfind("\n", 0, at) + 1 : at]
    return paragraph.count("\u201c") > paragraph.count("\u201d") or paragraph.count('"') % 2 == 1


def _first_country(
    phrase: str, state: _Resolution, at: int, country_words: dict[str, str]
) -> str | None:
    best: tuple[int, str] | None = None
    normalised = phrase.replace("\u2019", "'")
    for s, _e, form in state.gazetteer.find(normalised):
        actor = state.gazetteer.actors[form.actor_id]
        # A group's spokesman speaks for the group (gold names groups by their own name); so
        # does an official of an aid organisation that belongs to no country ("X, the head of
        # the International Rescue Committee": GOLD.md names an NGO by its name).
        country = (
            actor.actor_id
            if actor.kind in ("country", "intergovernmental", "armed_group")
            or (actor.kind == "organization" and not actor.country_id)
            else actor.country_id
        )
        if country and (best is None or s < best[0]):
            best = (s, country)
    return best[1] if best else None
