"""What a number counts in the parse: its counted noun and the clause around it.

`_counted_noun` finds the noun a number counts ("82 [people]", "6,000 of the [refugees]", the
noun of a level: "the number of [refugees] rose to 150,000"), None for an elliptical count;
`_clause_verb` and `_clause_window` find the words that may say what happened to those counted,
and `_nearest_cue` the category cue among them that is nearest the number (a negated cue says
nothing).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Span, Token

from etl.figure_categories import (
    _counts_people,
    _default_rules,
    _phrase_ends_at,
    _phrases_ending_at,
)
from etl.figure_lists import _listed_after_place

_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def _counted_noun(num: Token, sent: Span) -> Token | None:
    """The noun a number counts: "82 [people]", "25,000 government-sponsored [refugees]",
    "6,000 of the [refugees]", "the number of [refugees] – 3.6 million". None for an elliptical
    count ("forced 3.73 million to flee", "3.3 million of them")."""
    level = _level_of(num)
    if level is not None:
        return level
    if num.dep_ in ("quantmod", "compound") and num.head.like_num and num.head.i > num.i:
        num = num.head  # "about [1,200] to 1,300 people": a range's bound counts its noun
    moved = _movements_of(num, sent)
    if moved is not None:
        return moved
    if num.dep_ == "nsubj" and num.head.lemma_.lower() == "become":
        # "more than 400,000 have become refugees": the count is of what they became
        became = [c for c in num.head.children if c.dep_ in ("attr", "oprd", "acomp")]
        if became and became[0].pos_ in ("NOUN", "PROPN"):
            return became[0]
    head = num.head
    modifies_head = num.dep_ in ("nummod", "compound", "quantmod", "nmod", "amod")
    if modifies_head and num.i < head.i < sent.end and head.pos_ in ("NOUN", "PROPN", "ADJ"):
        if any(t.is_punct and t.doc[t.i - 1].whitespace_ for t in num.doc[num.i + 1 : head.i]):
            return None  # "displaced over 12 million - half of the population": an aside
        rules = _default_rules()[0]
        while (
            head.dep_ == "compound"
            and head.i < head.head.i < sent.end
            and not _counts_people(head, rules)  # "20,000 Syrians resettlement opportunities"
        ):
            head = head.head  # "750 high needs [cases]": the count is of the compound's head
        if not _counts_people(head, rules):
            # "1,255,600 first time asylum [seekers]": a noun phrase's head is its last noun,
            # when the parser hangs the count on a modifier inside it
            last = _last_people_noun(head, sent, rules)
            if last is not None:
                return last
        return head
    nxt = num.i + 1
    if nxt < sent.end and num.doc[nxt].lower_ == "of":
        pobj = [c for c in num.doc[nxt].children if c.dep_ == "pobj"]
        if pobj:
            return None if pobj[0].pos_ == "PRON" else pobj[0]
    if _listed_after_place(num):
        return None  # "Jordan (205,000)": the place is not what is counted
    if num.dep_ == "appos" and head.pos_ in ("NOUN", "PROPN") and not head.ent_type_:
        of_objects = [
            g for c in head.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
        ]
        return of_objects[0] if of_objects else head
    # The parser sometimes hangs the noun elsewhere: take the noun closing the run of
    # modifiers right after the number ("16 [wounded] civilians", "50 special forces").
    noun = None
    for token in num.doc[nxt : min(nxt + 4, sent.end)]:
        if token.pos_ in ("NOUN", "PROPN"):
            noun = token
        elif token.pos_ != "ADJ" and token.tag_ != "HYPH" and token.dep_ != "amod":
            break  # a comma or a verb ends the phrase ("climbed to 140, health officials")
    return noun


def _last_people_noun(head: Token, sent: Span, rules) -> Token | None:
    """The people noun closing the run of nouns and adjectives right after `head` ("first
    [time] asylum seekers"), None when the run names no people."""
    found = None
    for token in head.doc[head.i + 1 : min(head.i + 4, sent.end)]:
        if token.pos_ not in ("NOUN", "PROPN", "ADJ") and token.tag_ != "HYPH":
            break
        if token.pos_ in ("NOUN", "PROPN"):
            found = token if _counts_people(token, rules) else None
    return found


# Nouns that count the moves of people: "3.8 million cross-border movements of refugees".
_MOVEMENT_NOUNS = {"movement", "crossing", "arrival", "departure", "entry", "exit"}


def _movements_of(num: Token, sent: Span) -> Token | None:
    """The people a count of movements is of: "3.8 million border crossings of refugees"."""
    head = num.head
    if num.dep_ != "nummod" or head.lemma_.lower() not in _MOVEMENT_NOUNS or head.i < num.i:
        return None
    for of in head.rights:
        if of.lower_ == "of":
            people = [c for c in of.children if c.dep_ == "pobj" and c.i < sent.end]
            return people[0] if people else None
    return None


# Nouns that name a count ("the number of refugees rose to 150,000", "the toll reached 500").
_COUNT_NOUNS = {"number", "total", "count", "tally", "toll", "figure"}
# Verbs that give a count its level: "rose from 36,000 to 150,000", "has reached 3 million".
_LEVEL_VERBS = {"reach", "hit", "exceed", "top", "surpass", "pass", "stand", "rise", "climb",
                "increase", "grow", "jump", "swell", "soar", "fall", "drop", "decline",
                "amount", "total", "number"}  # fmt: skip


# Nouns of a level a count passes: "passed the two million mark".
_MARK_NOUNS = {"mark", "milestone", "threshold", "barrier"}


# Prepositions that hang a count on its level's verb: "rose from 36,000 [to] 150,000"; and the
# approximators the parser reads as prepositions ("is [around] 90,000", "stands at [about] …").
_LEVEL_PREPS = {"to", "from", "at", "by", "between", "around", "about", "over", "under",
                "near", "nearly", "almost", "roughly", "approximately"}  # fmt: skip
# How many joined verbs ("surpassed … and was expected to grow to") a level climbs for its subject.
_MAX_LEVEL_CLIMB = 3
# Verbs that put a count at a level: "put the number of missing at about 10,000".
_ESTIMATE_VERBS = {"put", "estimate", "place", "set"}
# Verbs that take a count to a level: "bring the total number of troops to 6,000".
_RAISING_VERBS = {"bring", "raise", "increase", "take", "push", "lift", "boost"}


def _count_subject(verb: Token) -> Token | None:
    """The subject of a level verb when it names a count: "the number (of refugees)"."""
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS and child.lemma_.lower() in _COUNT_NOUNS:
            return child
    return None


def _level_of(num: Token) -> Token | None:
    """The noun counted by a level: "the number of [refugees] increased from 36,000 to 150,000",
    "the number of [people] who fled has reached 3,000,381". None when the number is no level
    or its count names nothing ("the number had increased to 463,000" refers back)."""
    verb = None
    if num.dep_ == "quantmod" and num.head.like_num and num.head.i > num.i:
        num = num.head  # "from [36,000] to 150,000": the first bound of a range
    if num.dep_ == "conj" and num.head.like_num and num.head.dep_ == "pobj":
        num = num.head  # "is between 800,000 and [1,000,000]": a range's second bound
    if num.dep_ == "pobj" and num.head.lower_ in _LEVEL_PREPS:
        verb = num.head.head
        while verb.dep_ == "prep" and verb.head.i != verb.i:
            verb = verb.head  # "rose from 120,000 [to 410,000]": "to" hangs on "from"
    elif num.dep_ in ("dobj", "attr", "npadvmod"):
        verb = num.head
    elif (
        num.dep_ in ("nummod", "compound")
        and num.head.lemma_.lower() in _MARK_NOUNS
        and num.head.dep_ in ("dobj", "attr")
    ):
        verb = num.head.head  # "the number of arrivals passed the two million mark"
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    subject = None
    if (lemma in _ESTIMATE_VERBS and num.head.lower_ == "at") or (
        lemma in _RAISING_VERBS and num.head.lower_ == "to"
    ):
        # "put the number of missing at 10,000", "will bring the total number of authorized
        # military to 6,000": the count is the verb's object
        subject = next(
            (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _COUNT_NOUNS),
            None,
        )
    elif lemma not in _LEVEL_VERBS | {"be"}:
        return None
    if subject is None and lemma in _LEVEL_VERBS | {"be"}:
        # "the number of Venezuelans … has increased to 3 million": "increase" with no object
        # is a level verb, its subject the count
        subject = _count_subject(verb)
        climbed = verb
        for _ in range(_MAX_LEVEL_CLIMB):
            if subject is not None or climbed.dep_ not in ("conj", "xcomp"):
                break
            # "the number of refugees … is 'increasing very quickly' and is around 90,000",
            # "the number of Syrian refugees surpassed four million … and was expected to grow
            # to 4.27 million": the subject of the verb the level's verb is joined to
            climbed = climbed.head
            subject = _count_subject(climbed)
    if subject is None:
        return None
    if verb.dep_ == "relcl" and any(c.lower_ == "whose" for c in subject.children):
        return verb.head  # "Tigrayan fighters, whose number analysts estimate at about 250,000"
    for of in subject.rights:
        if of.lower_ == "of":
            objects = [c for c in of.children if c.dep_ == "pobj"]
            if objects and objects[0].pos_ in ("NOUN", "PROPN"):
                return objects[0]
            # "the number of missing": the tagger reads the people word as a verb
            words = [c for c in of.children if c.dep_ == "pcomp" and c.lower_ in _PEOPLE_WORDS]
            if words:
                return words[0]
    return None


# Words for people that the tagger may read as verbs after "the number of".
_PEOPLE_WORDS = {"missing", "dead", "wounded", "injured", "displaced", "detained", "killed"}


def _governing_verb(token: Token) -> Token | None:
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return token if token.pos_ in ("VERB", "AUX") else None


def _clause_verb(anchor: Token, num: Token) -> Token | None:
    """The verb of a count's clause. An elliptical count straight before a verb is that verb's
    subject even when the parser hangs it elsewhere ("1,200 were killed and 240 were taken
    hostage")."""
    doc = num.doc
    if anchor.i == num.i and num.i + 1 < len(doc):
        nxt = doc[num.i + 1]
        if nxt.dep_ in ("aux", "auxpass") and nxt.head.i > num.i and nxt.head.pos_ == "VERB":
            return nxt.head
        if nxt.pos_ == "VERB" and nxt.tag_ in ("VBD", "VBZ", "VBP"):
            return nxt
    if anchor.dep_ == "ROOT" and anchor.pos_ in ("NOUN", "PROPN"):
        # a quotation inside the subject can leave the counted noun as the root ("100 refugees
        # in need of "urgent protection" ... will resettle in ..."): the subject of the first
        # finite verb after it
        for token in doc[anchor.i + 1 : anchor.sent.end]:
            if token.pos_ == "VERB" and (
                token.tag_ in ("VBD", "VBZ", "VBP")
                or any(c.dep_ in ("aux", "auxpass") for c in token.children)
            ):
                return token
    return _governing_verb(anchor)


_VERB_PARTS = (
    "prt",
    "acomp",
    "oprd",
    "xcomp",
    "advmod",
    "nsubj",
    "nsubjpass",
    "agent",
    "prep",
    "dobj",
    "dative",
)


def _clause_window(anchor: Token, num: Token, sent: Span) -> tuple[set[int], set[int]]:
    """Token indices that may say what happened to those counted: the core (the counted noun's
    phrase, its verb and the verb's complements) and the wider window (also the verb's other
    parts and the words right after the number)."""
    # "four million people, including two million who are internally displaced, are in need":
    # what the part introduced by "including" is said to be is the part's, not the whole's
    parts = {
        t.i
        for child in anchor.children
        if child.lower_ in _PART_WORDS and child.i > anchor.i
        for t in child.subtree
    }
    core = {t.i for t in anchor.subtree} - parts
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of":
        count = anchor.head.head
        if count.lemma_.lower() in _COUNT_NOUNS and count.i < anchor.i:
            # "the number of Venezuelans [who have left their country]": the parser hangs the
            # relative clause on the count noun; it still says what happened to those counted
            core.update(t.i for t in count.subtree)
    window = set(core)
    if anchor.dep_ == "pobj" and anchor.head.lower_ in ("of", "to"):
        # "its target of 5,000 people", "a pledge of 2,000 places", "is home to 770,000 Sikhs":
        # the noun the count is of
        window.update((anchor.head.i, anchor.head.head.i))
    verb = _clause_verb(anchor, num)
    aside = verb is not None and _aside_of(anchor, verb)
    if aside:
        verb = None  # "with almost 20 million refugees worldwide, the world is facing …"
    for i in range(num.i + 1, min(num.i + 8, sent.end)):
        if aside or sent.doc[i].text in (";", ":", "(") or (sent.doc[i].like_num and i > anchor.i):
            break
        window.add(i)
    if verb is not None:
        core.add(verb.i)
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
            # "the flight carrying 163 refugees", "the intake, which is capped at 13,700": the
            # noun the clause describes says what the count is
            window.add(verb.head.i)
        for child in verb.children:
            if child.dep_ in ("prt", "acomp", "oprd", "xcomp"):
                core.add(child.i)
            if child.dep_ in _VERB_PARTS:
                window.add(child.i)
                window.update(c.i for c in child.children if c.dep_ in ("compound", "pobj", "amod"))
            if child.dep_ == "xcomp" and verb.lemma_.lower() in _HEARSAY_VERBS:
                # "400,000 people are estimated to have [fled their homes]": the verb after a
                # raising verb is the count's own, with its object and particles
                for part in child.children:
                    if part.dep_ in ("dobj", "prt", "prep"):
                        core.add(part.i)
                        window.add(part.i)
                        window.update(
                            c.i for c in part.children if c.dep_ in ("compound", "pobj", "amod")
                        )
        attr = _copula_attribute(anchor, num)
        # "... remains — a modest 2,500": the parser may hang the complement as an adverb
        if (
            attr.dep_ in ("attr", "npadvmod")
            and attr.head.i == verb.i
            and verb.lemma_.lower() in _COPULAS
        ):
            # "the target for resettlement was a paltry 1,300": the subject says what is counted
            for child in (c for head in _copula_heads(verb) for c in head.children):
                if child.dep_ in _SUBJECT_DEPS:
                    window.update(t.i for t in child.subtree)
        if num.dep_ == "pobj" and num.head.lower_ in ("to", "at") and num.head.head.i == verb.i:
            # "the number of dead climbed to 6,100": the subject of a level says what is counted
            for child in verb.children:
                if child.dep_ in _SUBJECT_DEPS:
                    window.update(t.i for t in child.subtree)
        if num.dep_ == "dobj" and num.head.i == verb.i and verb.lemma_.lower() in _LEVEL_VERBS:
            # "the death toll … reached 61, with scores injured": a count noun the level verb's
            # subject names is what is counted, before any cue in a trailing aside
            for child in verb.children:
                if child.dep_ in _SUBJECT_DEPS and child.lemma_.lower() in _COUNT_NOUNS:
                    core.update(t.i for t in child.subtree)
                    window.update(t.i for t in child.subtree)
    window |= core
    window -= parts
    inside = range(sent.start, sent.end)
    return {i for i in core if i in inside}, {i for i in window if i in inside}


# Words that open a part of a counted noun's count ("including", "among them").
_PART_WORDS = {"including", "incl", "among"}


_COPULAS = {"be", "remain"}
# Verbs whose subject is the subject of the verb after them ("are estimated to have fled", "are
# believed to have been killed", "are reported to have crossed"): they say how a fact is known,
# not what happened to those counted.
_HEARSAY_VERBS = {"estimate", "believe", "report", "say", "think", "fear", "expect", "know",
                  "presume", "assume", "suppose", "seem", "appear", "understand"}  # fmt: skip


def _copula_attribute(anchor: Token, num: Token) -> Token:
    """The attribute a count stands in: itself or its noun, or the word the tagger took for its
    noun when it stands before the number ("a [paltry] 1,300")."""
    if anchor.i == num.i and num.dep_ == "nummod" and num.head.i < num.i:
        return num.head
    return anchor


def _copula_heads(verb: Token) -> list[Token]:
    """The copula and, for a second copula joined to a first ("was — and remains — a paltry
    1,300"), the first, which holds the subject."""
    return [verb, verb.head] if verb.dep_ == "conj" else [verb]


# Prepositions that hang a count on a clause it is not part of: "with 20 million refugees
# worldwide, the world faces …" says nothing of the refugees by "faces".
_ASIDE_PREPS = ("with", "amid", "despite")


def _aside_of(anchor: Token, verb: Token) -> bool:
    """The counted phrase is an aside of the verb's clause (see _ASIDE_PREPS)."""
    return (
        anchor.dep_ == "pobj"
        and anchor.head.lower_ in _ASIDE_PREPS
        and anchor.head.head.i == verb.i
    )


def _nearest_cue(
    cues: dict[str, frozenset[tuple[str, ...]]],
    categories: Sequence[str],
    core: set[int],
    window: set[int],
    num: Token,
) -> str | None:
    """The category of the cue nearest the number: cues in the core of its clause first, then
    the nearest, then the longest phrase."""
    doc = num.doc
    best: tuple[int, int, int, str] | None = None
    for category in categories:
        phrases = cues.get(category, frozenset())
        for last in window:
            for phrase in _phrases_ending_at(phrases, doc, last):
                first = last - len(phrase) + 1
                if first <= num.i <= last and len(phrase) > 1:
                    continue
                if _negated(doc[last]) and not _object_of_counts_verb(doc[last], num):
                    continue  # "refugees who cannot return": what did not happen says nothing
                distance = min(abs(first - num.i), abs(last - num.i))
                tier = 0 if any(i in core for i in range(first, last + 1)) else 1
                key = (tier, distance, -len(phrase), category)
                if best is None or key < best:
                    best = key
        for verb, tail_end, phrase in _split_verb_phrases(phrases, doc, window):
            if _negated(verb):
                continue
            distance = min(abs(verb.i - num.i), abs(tail_end - num.i))
            tier = 0 if verb.i in core else 1
            key = (tier, distance, -len(phrase), category)
            if best is None or key < best:
                best = key
    return best[3] if best else None


# Dependents of a verb that carry the rest of a verb's cue phrase when other words stand between
# them ("crossed [from Lebanon] into Syria", "fled [last week] from their homes").
_TAIL_DEPS = ("prep", "prt", "dobj")


def _split_verb_phrases(
    phrases: frozenset[tuple[str, ...]], doc, window: set[int]
) -> list[tuple[Token, int, tuple[str, ...]]]:
    """Cue phrases of a verb and its own dependent written apart: the verb in the window, the
    rest of the phrase written from the left edge of one of its prepositions, particles or
    objects, with other words between ("300,000 people crossed from Lebanon into Syria" is
    "cross into"). The parse joins them, not the order of the words. Each found as (verb, index
    of the phrase's last word, phrase); phrases written whole are found by `_phrases_ending_at`."""
    found = []
    by_first = _grouped_by_first(phrases)
    for i in window:
        verb = doc[i]
        if verb.pos_ != "VERB":
            continue
        candidates = {
            p for form in (verb.lower_, verb.lemma_.lower()) for p in by_first.get(form, ())
        }
        if not candidates:
            continue
        for child in verb.children:
            start = child.left_edge.i if child.dep_ == "dobj" else child.i
            if child.dep_ not in _TAIL_DEPS or start <= verb.i + 1:
                continue  # written together: `_phrases_ending_at` finds it
            for phrase in candidates:
                tail = phrase[1:]
                end = start + len(tail) - 1
                if end < len(doc) and _phrase_ends_at(tail, doc, end):
                    found.append((verb, end, phrase))
    return found


def _object_of_counts_verb(token: Token, num: Token) -> bool:
    """A noun cue that is the object of the verb the count also hangs on: "will not increase
    the [intake] beyond 18,000" still speaks of an intake, whatever the negation says of the
    increase."""
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ != "dobj":
        return False
    verb = token.head
    return (
        num.head.i == verb.i
        or (num.dep_ == "pobj" and num.head.head.i == verb.i)
        or (num.dep_ == "nummod" and num.head.dep_ == "pobj" and num.head.head.head.i == verb.i)
    )


def _negated(token: Token) -> bool:
    """A cue word whose verb is negated ("cannot return", "were not killed")."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in verb.children)


@lru_cache(maxsize=64)
def _grouped_by_first(
    phrases: frozenset[tuple[str, ...]],
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases of two words or more, grouped by their first word."""
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if len(phrase) > 1:
            grouped.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(found) for word, found in grouped.items()}
