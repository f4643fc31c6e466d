"""A war told as a state that "since" dates: the state's start is the war's start.

"Ethiopia has been in the throes of a civil war … since November 2020", "Sudan has been mired in
conflict since April 15, 2023", "Yemen has witnessed a conflict since 2014", "Houthi rebels have
fought the Yemeni government periodically since 2004": the verb that the "since" phrase qualifies
says a war has gone on from that date, so the date is the war's start (a `military_operation`,
as "has been at war with the rebels since March 2015" is; docs/gold-conventions.md). The verb
is the cue. "since 2011" on any other verb stays a bound ("has hosted refugees since 2011",
"has fought for refugees' rights since 2011", "has been in crisis since 2011").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

# nouns that name a war going on (lemmas)
WAR_STATES = frozenset({"war", "conflict", "fighting", "hostilities", "insurgency", "warfare"})
# "has been in (the throes of) a war", "mired in conflict", "embroiled in fighting"
_IN_VERBS = frozenset({"be", "mire", "embroil", "engulf", "plunge", "trap", "lock", "remain"})
# "has witnessed a conflict", "has endured a civil war", "has waged war"
_UNDERGO_VERBS = frozenset({"witness", "see", "experience", "endure", "suffer", "wage", "fight"})
# the other side of a war one fights
_FOES = frozenset(
    {"government", "regime", "army", "state", "junta", "forces", "troops", "rebels", "militants",
     "insurgents", "militia", "militias", "fighters", "separatists"}
)  # fmt: skip
# subjects who take part in a war rather than have one
_PEOPLE = frozenset(
    {"soldier", "son", "daughter", "husband", "brother", "man", "woman", "unit", "veteran",
     "journalist", "reporter", "doctor"}
)  # fmt: skip
# words that make a war noun no armed one: "a trade war", "a price war", "a legal conflict"
FIGURATIVE_QUALIFIERS = frozenset(
    {"trade", "price", "tariff", "currency", "bidding", "turf", "legal", "court", "culture",
     "propaganda", "media", "ratings", "talent", "format", "console", "browser", "pay"}
)  # fmt: skip
# "a war of words", "a war of nerves", "a conflict of interest"
_FIGURATIVE_OF = frozenset({"word", "words", "nerve", "nerves", "interest", "interests"})
# "fighting for the title": a contest's prize, not a war's stake ("fighting for control" is one)
_PRIZES = frozenset(
    {"title", "trophy", "championship", "cup", "crown", "medal", "prize", "seat", "vote", "lead"}
)
# "the throes of a civil war", "the midst of a war", "a state of war"
_HOLDERS = frozenset({"throe", "throes", "midst", "state", "grip", "middle"})


# "has since March 2015 launched a military aggression against Yemen"
_WAR_NOUNS = frozenset({"war", "aggression", "campaign", "offensive", "invasion"})
_LAUNCH_VERBS = frozenset({"launch", "wage", "start", "begin", "open"})


def _since_verb(span: Span) -> Token | None:
    """The verb a "since" date qualifies, unless negated ("has not been at war with Belarus
    since 1991": no war began then)."""
    since = span.root.head
    if since.lower_ != "since" or since.dep_ != "prep":
        return None
    verb = since.head
    if verb.pos_ not in {"VERB", "AUX"} or any(c.dep_ == "neg" for c in verb.children):
        return None
    return verb


def war_started_since(span: Span) -> bool:
    """ "has been at war with the rebels since March 2015", "has since March 2015 launched a
    military aggression against Yemen": a war told by the verb that "since" qualifies started
    on that date (GOLD.md's start of a war), however the clause names it."""
    verb = _since_verb(span)
    if verb is None:
        return False
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "at":
            if any(g.dep_ == "pobj" and g.lemma_.lower() == "war" for g in child.children):
                return True
        if (
            child.dep_ == "dobj"
            and child.lemma_.lower() in _WAR_NOUNS
            and verb.lemma_.lower() in _LAUNCH_VERBS
        ):
            return True
    return False


def war_state_verb(span: Span, armed_words: frozenset[str]) -> Token | None:
    """The verb a "since" date qualifies when that verb tells a war going on, else None."""
    verb = _since_verb(span) if span.root.dep_ == "pobj" else None
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    if lemma in _IN_VERBS and _a_land(verb) and any(_in_war(p) for p in _in_preps(verb)):
        return verb
    if lemma in _UNDERGO_VERBS and any(c.dep_ == "dobj" and _armed_war(c) for c in verb.children):
        return verb
    if lemma == "fight" and _armed_subject(verb, armed_words) and _fights_a_foe(verb, armed_words):
        return verb  # "Houthi rebels have fought the government since 2004"
    return None


def _in_preps(verb: Token) -> list[Token]:
    """ "been in …", and "been mired in …" (the participle the verb governs)."""
    found = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"]
    for comp in (c for c in verb.children if c.dep_ in {"acomp", "oprd", "xcomp"}):
        found.extend(c for c in comp.children if c.dep_ == "prep" and c.lower_ == "in")
    return found


def _in_war(prep: Token) -> bool:
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        if _armed_war(obj):
            return True
        if obj.lemma_.lower() in _HOLDERS or obj.lower_ in _HOLDERS:
            for of in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"):
                if any(g.dep_ == "pobj" and _armed_war(g) for g in of.children):
                    return True
    return False


def _armed_war(noun: Token) -> bool:
    """A war noun that names armed fighting: not "a trade war", "a legal conflict", "a war of
    words" (a qualifier or an "of" phrase that makes it a figure of speech)."""
    if noun.lemma_.lower() not in WAR_STATES:
        return False
    if any(
        c.dep_ in {"compound", "amod", "nmod"} and c.lower_ in FIGURATIVE_QUALIFIERS
        for c in noun.children
    ):
        return False
    return not any(
        g.dep_ == "pobj"
        and (
            (prep.lower_ == "of" and g.lower_ in _FIGURATIVE_OF)
            or (prep.lower_ == "for" and g.lemma_.lower() in _PRIZES)
        )
        for prep in noun.children
        if prep.dep_ == "prep"
        for g in prep.children
    )


def _armed_subject(verb: Token, armed_words: frozenset[str]) -> bool:
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        words = [subject, *(c for c in subject.children if c.dep_ in {"compound", "amod"})]
        if any(w.lower_ in armed_words or w.lemma_.lower() in armed_words for w in words):
            return True
    return False


def _fights_a_foe(verb: Token, armed_words: frozenset[str]) -> bool:
    """ "fought the Yemeni government", "fought the rebels": the object is a side of a war, not
    crime, floods or a ban ("Security forces have fought crime since 2018" is no war)."""
    return any(
        c.dep_ == "dobj" and (c.lemma_.lower() in _FOES or c.lower_ in armed_words)
        for c in verb.children
    )


def _a_land(verb: Token) -> bool:
    """The state is a land's ("Ethiopia has been in the throes of a civil war", "the region has
    been mired in conflict"), not a person's ("he has been in the war since 2015")."""
    for subject in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}):
        # the small model tags "Mali" a PERSON: pronouns and people nouns only
        if subject.pos_ == "PRON" and subject.lower_ != "it":
            return False
        if subject.lemma_.lower() in _PEOPLE:
            return False
    return True
