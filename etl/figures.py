"""Humanitarian and conflict figures: counts of people, forces and money stated in an article.

`extract_figures(ctx, statements)` reads every quantity `etl.numbers` finds in the body and keeps
those that count people, forces or money. What a number counts is read from its parse: the noun
it modifies ("82 people", "50 soldiers"), or, for an elliptical count ("forced 3.73 million to
flee"), a category cue in its clause. Category cues and counted nouns are data, in
`rules/figure_categories.txt`; reporting verbs for attribution in `rules/figure_sources.txt`.

Choices, so that analysts know what a row means:
- A figure is attributed to the actor named by "according to X" in its sentence, else to the
  subject of a reporting verb governing its clause ("the UN estimates that..."), else to the
  speaker of a statement containing it or its sentence, else to nobody.
- `as_of_date` is an explicit date in the sentence ("by the end of 2016", "in April 2017"), at
  the precision written; "since 2011" opens a period and is not an as-of date. Without one, the
  figure is as of the article's published date, at that date's precision.
  A year-precision date is stored as 1 January of that year ("by the end of 2016" → 2016);
  a month without a year ("in April") is the latest such month not after publication.
- Small spelled-out numbers ("the two leaders") and numbers after a definite determiner below a
  hundred ("its 28 members") are narrative, not figures, unless a casualty or displacement cue
  says what happened to those counted ("the two soldiers killed").
- An elliptical count with no cue of its own that refers back ("About 30,000 have been
  relocated", "3.3 million of them") takes the category of the figure just before it, if that
  is at most two sentences back.
- Money is `aid_money` when aid words say so, `other` otherwise; prices, fares and wages ("costs
  20,000 pounds", "$10 per person") and sums outside the subject (a market value, a national
  budget) are not figures.
- Each row of a table or list of numbers (found by `etl.figure_tables`) is a figure with the
  category its label says, else its heading's, else its column's; its place is the row label.
  Counts listed in a sentence ("Jordan (205,000)", "459,485 – to Romania") take the list's.
- A level is counted by its subject: "the number of refugees rose from 36,000 to 150,000".
- In an article about a country's resettlement programme (`etl.figure_resettlement`), refugees
  counted in that country are `resettled`, people who fled stay `refugees`; people in need of
  aid, food insecure, waiting, returning or enrolled for aid are `other`.
- People taken in from a country not their own, or the object of an admitting verb, are
  `resettled` whatever they were before ("welcome 12,000 displaced Syrians").
- A clause that describes a noun takes that noun's cue ("the flight carrying 163 refugees",
  "the intake, which is capped at 13,700"); a count in an aside ("with 20 million refugees
  worldwide, the world faces …") is not read by the main verb.
- A handful owned by someone ("her four children") is no figure.
- What happened to those counted, told by their own verb (resettle, die, be injured), beats words
  that only describe who they are ("100 refugees in need of protection will resettle in …",
  "four internally displaced people dying from hunger"); displaced people who entered or
  crossed into a named country are refugees.
- A count after "these"/"those" with the value of an earlier figure is that figure again, with
  its category ("these 100 women and children").
- "Lives in danger" (at risk, under threat) are a threatened population, civilians; the strength
  of a force or mission ("its 9,500-strong mission") is troops; "casualty figures" beside a
  separate count of the injured are the dead.
- A list under a line that names nothing ("Here are the numbers:") takes the heading above it.
- One sentence or article stating a figure twice in different forms ("more than six million" and
  "6,029,705 refugees") keeps the most exact form; exact repeats keep one row per mention.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from etl.context import ArticleContext
from etl.docindex import DocIndex
from etl.figure_asylum import hosted_by_neighbours
from etl.figure_resettlement import resettled_in_host
from etl.figure_tables import Row, find_rows
from etl.numbers import MONTHS, Quantity, find_quantities
from etl.types import Figure, Statement, stable_id

RULES_DIR = Path(__file__).parent / "rules"

# Cues that say what happened to those counted; they beat the counted noun's own category.
STRONG_CUES = (
    "killed",
    "injured",
    "besieged",
    "resettled",
    "displaced",
    "refugees",
    "other",
)
# Cues of moving people; they never claim forces or envoys, who deploy, withdraw or are expelled.
DISPLACEMENT_CUES = ("refugees", "displaced", "resettled")
# Cues that only describe a situation; a counted noun with a category of its own beats them.
WEAK_CUES = ("civilians", "troops")
_DETERMINERS = {
    "the",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "your",
    "both",
}
_PLACE_LABELS = ("GPE", "LOC", "FAC")
# A number with thousands separators ("11,740") is no date, whatever the tagger reads.
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")
# A number the model reads as one of these is not a count (a table cell is, whatever it reads).
_NOT_COUNT_LABELS = ("DATE", "TIME", "PERCENT", "ORDINAL")
# The whole of a partitive counted with these nouns is a population: "of Gaza's 2.3 million people".
_POPULATION_NOUNS = {
    "people",
    "person",
    "resident",
    "inhabitant",
    "civilian",
    "population",
}
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Entity labels the tagger gives a people's name it does not know ("1,140 Rohingya").
_UNKNOWN_PEOPLE = ("", "NORP", "PRODUCT")
# A fraction of a count is a share, not a second count: the count keeps the sentence's category.
_FRACTIONS = {"half", "third", "quarter", "fifth", "tenth", "thirds", "quarters", "fifths"}
# Verbs whose subject is where those counted are: "Turkey is hosting 3.6 million refugees".
_HOST_VERBS = {"host", "shelter", "house", "receive", "admit", "welcome", "accept", "resettle",
               "take", "bring"}  # fmt: skip
# Verbs of giving people a place to stay (as opposed to admitting them for good: resettled).
_SHELTER_VERBS = {"host", "shelter", "house", "harbour", "harbor"}
# Verbs that place people somewhere: a nation's people who are in another country fled there.
_STAY_VERBS = {"be", "stay", "remain", "register", "live"}
_PHRASE_BY_CATEGORY = {
    "refugees": "people who fled",
    "displaced": "displaced people",
    "killed": "people killed",
    "injured": "people injured",
    "besieged": "people under siege",
    "resettled": "refugees resettled",
    "civilians": "civilians",
    "troops": "troops",
}


@dataclass(frozen=True)
class CategoryRules:
    """The contents of figure_categories.txt, each phrase as a tuple of lower-case words."""

    noun_classes: dict[str, frozenset[tuple[str, ...]]]  # people, forces, money, cued
    cues: dict[str, frozenset[tuple[str, ...]]]  # category -> clause cues
    nouns: dict[str, frozenset[tuple[str, ...]]]  # category -> counted nouns
    aid_words: frozenset[tuple[str, ...]]  # anywhere in the sentence
    aid_near: frozenset[tuple[str, ...]]  # in the sum's clause
    not_money: frozenset[tuple[str, ...]]  # prices and pay
    aid_breakdown: frozenset[tuple[str, ...]]  # "of the total": a share of a sum named before
    # counted nouns that flight, displacement and resettlement cues never claim (envoys)
    not_displaced: frozenset[tuple[str, ...]] = frozenset()
    # sums outside the subject (market values, budgets) unless aid words make them aid money
    not_subject: frozenset[tuple[str, ...]] = frozenset()


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+|[^\w\s]", phrase.lower()))


def load_category_rules(path: Path | None = None) -> CategoryRules:
    """Read the category rules file (format documented at its top)."""
    path = path or RULES_DIR / "figure_categories.txt"
    sections: dict[tuple[str, str], set[tuple[str, ...]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or ":" not in line:
            continue
        key, phrases = line.split(":", 1)
        kind, _, name = key.strip().lower().partition(" ")
        entry = sections.setdefault((kind, name.strip()), set())
        entry.update(_words(p) for p in phrases.split(",") if p.strip())
    classes = ("people", "forces", "money", "cued", "admitted")
    return CategoryRules(
        noun_classes={c: frozenset(sections.get(("noun", c), ())) for c in classes},
        cues={n: frozenset(v) for (k, n), v in sections.items() if k == "cue"},
        nouns={
            n: frozenset(v) for (k, n), v in sections.items() if k == "noun" and n not in classes
        },
        aid_words=frozenset(sections.get(("aid", "money"), ())),
        aid_near=frozenset(sections.get(("aid", "near"), ())),
        not_money=frozenset(sections.get(("not", "money"), ())),
        aid_breakdown=frozenset(sections.get(("aid", "breakdown"), ())),
        not_displaced=frozenset(sections.get(("not", "displaced"), ())),
        not_subject=frozenset(sections.get(("not", "subject"), ())),
    )


def load_source_verbs(path: Path | None = None) -> frozenset[str]:
    """Lemmas of the verbs that attribute a figure to their subject (figure_sources.txt)."""
    path = path or RULES_DIR / "figure_sources.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w for ln in lines if (w := ln.split("#", 1)[0].strip().lower()))


@lru_cache(maxsize=1)
def _default_rules() -> tuple[CategoryRules, frozenset[str]]:
    return load_category_rules(), load_source_verbs()


# --- reading the parse ------------------------------------------------------------------------


def _forms(token: Token) -> tuple[str, str]:
    return token.lower_, token.lemma_.lower()


def _phrase_ends_at(phrase: tuple[str, ...], tokens: Sequence[Token], last: int) -> bool:
    """True when `phrase` is written in tokens[...:last+1] (each word as written or as lemma)."""
    first = last - len(phrase) + 1
    if first < 0:
        return False
    return all(word in _forms(tokens[first + k]) for k, word in enumerate(phrase))


@lru_cache(maxsize=64)
def _by_last_word(phrases: frozenset[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases of a rules set grouped by their last word, so that only the phrases that can
    end at a token are tried there (a rules set has hundreds; a token ends a handful)."""
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if phrase:
            grouped.setdefault(phrase[-1], []).append(phrase)
    return {word: tuple(found) for word, found in grouped.items()}


def _phrases_ending_at(
    phrases: frozenset[tuple[str, ...]], tokens: Sequence[Token], last: int
) -> list[tuple[str, ...]]:
    """Every phrase of `phrases` written in tokens[...:last+1]."""
    grouped = _by_last_word(phrases)
    candidates = {p for form in set(_forms(tokens[last])) for p in grouped.get(form, ())}
    return [p for p in candidates if _phrase_ends_at(p, tokens, last)]


def _noun_in(noun: Token, phrases: frozenset[tuple[str, ...]]) -> bool:
    return bool(_phrases_ending_at(phrases, noun.doc, noun.i))


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
                "increase", "grow", "jump", "swell", "soar", "fall", "drop", "decline"}  # fmt: skip


# Nouns of a level a count passes: "passed the two million mark".
_MARK_NOUNS = {"mark", "milestone", "threshold", "barrier"}


# Verbs that put a count at a level: "put the number of missing at about 10,000".
_ESTIMATE_VERBS = {"put", "estimate", "place", "set"}


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
    if num.dep_ == "pobj" and num.head.lower_ in ("to", "from", "at", "by", "between"):
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
    if verb.lemma_.lower() in _ESTIMATE_VERBS and num.head.lower_ == "at":
        # "put the number of missing at 10,000": the count is the verb's object
        subject = next(
            (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _COUNT_NOUNS),
            None,
        )
    elif verb.lemma_.lower() in _LEVEL_VERBS | {"be"}:
        subject = _count_subject(verb)
    else:
        return None
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
    core = {t.i for t in anchor.subtree}
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
        if anchor.dep_ == "attr" and anchor.head.i == verb.i and verb.lemma_.lower() in _COPULAS:
            # "the target for resettlement was a paltry 1,300": the subject says what is counted
            for child in verb.children:
                if child.dep_ in _SUBJECT_DEPS:
                    window.update(t.i for t in child.subtree)
        if num.dep_ == "pobj" and num.head.lower_ in ("to", "at") and num.head.head.i == verb.i:
            # "the number of dead climbed to 6,100": the subject of a level says what is counted
            for child in verb.children:
                if child.dep_ in _SUBJECT_DEPS:
                    window.update(t.i for t in child.subtree)
    window |= core
    inside = range(sent.start, sent.end)
    return {i for i in core if i in inside}, {i for i in window if i in inside}


_COPULAS = {"be", "remain"}
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
                if _negated(doc[last]):
                    continue  # "refugees who cannot return": what did not happen says nothing
                distance = min(abs(first - num.i), abs(last - num.i))
                tier = 0 if any(i in core for i in range(first, last + 1)) else 1
                key = (tier, distance, -len(phrase), category)
                if best is None or key < best:
                    best = key
    return best[3] if best else None


def _negated(token: Token) -> bool:
    """A cue word whose verb is negated ("cannot return", "were not killed")."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in verb.children)


def _any_phrase(phrases: frozenset[tuple[str, ...]], doc, indices) -> bool:
    return any(_phrases_ending_at(phrases, doc, i) for i in indices)


@dataclass(frozen=True)
class _Reading:
    """What a number counts: its category, noun (if written) and clause."""

    category: str
    noun: Token | None
    window: frozenset[int]


def _counted_by_container(num: Token, rules: CategoryRules) -> Token | None:
    """The people or forces noun a bare count is 'of': "a force of 2,000", "an army of 10,000",
    "a crowd of 5,000 people" is read by its own noun first."""
    of = num.head
    if num.dep_ != "pobj" or of.lower_ != "of" or of.head.i == of.i:
        return None
    container = of.head
    if container.pos_ not in ("NOUN", "PROPN"):
        return None
    if _noun_in(container, rules.noun_classes["forces"]) or _noun_in(
        container, rules.noun_classes["people"]
    ):
        return container
    return None


def _hosted_nationals(noun: Token | None, anchor: Token, num: Token) -> bool:
    """A country hosting a count of another nation's people hosts refugees: "Turkey hosts 3.6
    million Syrians", "Uganda is sheltering 1.5 million South Sudanese"."""
    if noun is None or noun.ent_type_ != "NORP":
        return False
    verb = _clause_verb(anchor, num)
    if verb is None:
        return False
    if verb.lemma_.lower() in _SHELTER_VERBS:
        return True
    if verb.lemma_.lower() == "have" and noun.dep_ == "dobj":
        # "the country had more than 550,000 Venezuelans": a country counting another nation's
        # people in it
        return any(
            c.dep_ in _SUBJECT_DEPS
            and (c.lemma_.lower() == "country" or c.ent_type_ == "GPE")
            and c.lower_[:4] != noun.lower_[:4]
            for c in verb.children
        )
    # "1.3 million Venezuelans are in Colombia": a nation's people counted in another country
    return (
        verb.lemma_.lower() in _STAY_VERBS
        and noun.dep_ in _SUBJECT_DEPS
        and any(
            prep.dep_ == "prep"
            and prep.lower_ in ("in", "inside")
            and any(
                place.ent_type_ == "GPE"
                and place.lower_[:4] != noun.lower_[:4]  # not "Syrians in Syria"
                # "in Colombia", "in camps in Bangladesh"
                and (place.head.i == prep.i or place.head.head.head.i == prep.i)
                and place.dep_ == "pobj"
                for place in prep.subtree
            )
            for prep in verb.children
        )
    )


_LEAVE_VERBS = {"leave", "emigrate", "exit"}


def _nationals_left(noun: Token | None, anchor: Token, num: Token) -> bool:
    """A nation's people who "have left" (their country, said or not) are refugees (GOLD.md):
    "More than 2.3 million Venezuelans have left since 2015"."""
    if noun is None or noun.ent_type_ != "NORP" or noun.dep_ not in _SUBJECT_DEPS:
        return False
    verb = _clause_verb(anchor, num)
    return verb is not None and verb.lemma_.lower() in _LEAVE_VERBS


def _is_whole_of_partitive(anchor: Token, num: Token) -> bool:
    """'1.7 million of Gaza's [2.3 million people]': the second number is the whole population,
    and what the sentence says happened belongs to the part."""
    of = anchor.head
    return (
        num.i > of.i
        and of.lower_ == "of"
        and of.dep_ == "prep"
        and of.head.lemma_.lower() not in _FRACTIONS  # "two-thirds of the 6,800 refugees"
        and (of.head.like_num or any(c.dep_ == "nummod" for c in of.head.children))
    )


def _casualty_after(num: Token, rules: CategoryRules) -> Token | None:
    """A casualty word straight after a bare count is what it counts: "and 36 [dead]"."""
    if num.i + 1 >= len(num.doc):
        return None
    nxt = num.doc[num.i + 1]
    for category in ("killed", "injured"):
        if _noun_in(nxt, rules.nouns.get(category, frozenset())):
            return nxt
    return None


def _hosted_before(quantity: Quantity, num: Token) -> bool:
    """A bare count right after a verb of sheltering ("hosts about 3.6 million"), read from the
    words, as the tagger often takes "hosts" for a noun."""
    span = num.doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    first = span.start if span is not None else num.i
    for token in reversed(num.doc[max(0, first - 3) : first]):
        if token.is_punct:
            return False
        if token.lemma_.lower() in _SHELTER_VERBS or token.lower_.rstrip("s") in _SHELTER_VERBS:
            return True
    return False


def _listed_after_place(num: Token) -> bool:
    """A number in brackets straight after a place name: "Jordan (205,000)"."""
    doc = num.doc
    if num.i < 2 or num.i + 1 >= len(doc):
        return False
    before, after = doc[num.i - 1], doc[num.i + 1]
    if doc[num.i - 2].pos_ != "PROPN":
        return False
    if before.text == "(" and after.text == ")":
        return True
    # "are: Lebanon, 154,387; Jordan, 142,664; ... and North Africa, 11,740."
    return before.text == "," and after.text in (";", ".") and _semicolon_list(num)


def _semicolon_list(num: Token) -> bool:
    """The sentence lists places and numbers separated by semicolons ("Place, N; Place, N")."""
    sent = num.sent
    pairs = sum(
        1
        for t in sent
        if t.like_num
        and t.i >= sent.start + 2
        and t.doc[t.i - 1].text == ","
        and t.doc[t.i - 2].pos_ == "PROPN"
    )
    return pairs >= 2 and any(t.text == ";" for t in sent)


def _in_enumeration(num: Token) -> bool:
    """An elliptical count listed after another in its sentence: "1,830,711 people fled to
    Poland, 459,485 – to Romania", "293 crossed from Lebanon and 42 from Jordan"."""
    doc = num.doc
    before = doc[num.i - 1] if num.i > 0 else None
    return (
        num.dep_ in ("conj", "appos")
        or (before is not None and before.text in (",", "and", ";") and num.dep_ != "nsubj")
        # "1.3 million Venezuelans are in Colombia, while 768,000 are in Peru"
        or (before is not None and before.lower_ in ("while", "whereas"))
        or _after_listed_place(num)
    )


def _after_listed_place(num: Token) -> bool:
    """A count straight after a place name that follows a comma or "and": the elliptical rows
    of a list in prose ("Hungary has received 180,000 refugees, Slovakia 128,000, Romania
    79,000 and Moldova 82,000")."""
    doc = num.doc
    i = num.i - 1
    if i < 1 or doc[i].pos_ != "PROPN":  # the tagger may take a country for an organisation
        return False
    while i > 0 and doc[i].pos_ == "PROPN":
        i -= 1
    while i > 0 and (doc[i].pos_ == "ADJ" or doc[i].tag_ == "HYPH"):  # "strife-torn Iraq 227,000"
        i -= 1
    return doc[i].text in (",", "and", ";")


def _refers_back(num: Token) -> bool:
    """An elliptical count that takes its meaning from an earlier figure: a subject ("About
    30,000 have been relocated"), a partitive ("3.3 million of them"), or an inclusion
    ("including more than 110,000 into Egypt")."""
    nxt = num.doc[num.i + 1] if num.i + 1 < len(num.doc) else None
    verb = num.head.head if num.dep_ == "pobj" else num.head
    return (
        num.dep_ in ("nsubj", "nsubjpass")
        or (verb.lemma_.lower() in _LEVEL_VERBS and _count_subject(verb) is not None)
        # a series of levels by date: "..., and by October 2014, 1,151,057"
        or (num.dep_ == "appos" and num.head.ent_type_ == "DATE")
        or (nxt is not None and nxt.lower_ == "of")
        or num.head.lemma_.lower() == "include"
        # "the remainder, who number over 200": a count of a group named before
        or (verb.lemma_.lower() == "number" and verb.pos_ == "VERB")
        # "195,042 enrolled out of 360,000 targeted": the whole a part is counted out of
        or (num.dep_ == "pobj" and num.head.lower_ == "of" and num.head.head.lower_ == "out")
    )


def read_quantity(
    quantity: Quantity,
    num: Token,
    sent: Span,
    rules: CategoryRules,
    previous_category: str | None = None,
    previous_sentence: Span | None = None,
    same_sentence_category: str | None = None,
) -> _Reading | None:
    """Decide whether a quantity is a figure and of which category; None when it is not one.

    `previous_category` is the category of the figure just before, when it is in this sentence
    or the two before it (an elliptical count may refer back to it); `previous_sentence` is the
    sentence before in the same paragraph (it may say what a sum of money is for)."""
    noun = (
        _counted_noun(num, sent) or _counted_by_container(num, rules) or _casualty_after(num, rules)
    )
    if noun is not None and _verb_taken_for_noun(noun, quantity, rules):
        noun = None  # "some 5,000 [flee] the country": the count is the verb's subject
    anchor = noun if noun is not None else num
    core, window = _clause_window(anchor, num, sent)
    doc = sent.doc
    if quantity.is_money or (noun is not None and _noun_in(noun, rules.noun_classes["money"])):
        if _any_phrase(rules.not_money, doc, window):
            return None  # a price or a wage, not a figure
        aid = _any_phrase(rules.aid_words, doc, range(sent.start, sent.end)) or _any_phrase(
            rules.aid_near, doc, window
        )
        if (
            not aid
            and previous_sentence is not None
            and _any_phrase(rules.aid_breakdown, doc, window)
        ):
            aid = _any_phrase(
                rules.aid_words,
                doc,
                range(previous_sentence.start, previous_sentence.end),
            )
        if not aid and _any_phrase(rules.not_subject, doc, window):
            return None  # a market value or a national budget: not the article's subject
        return _Reading("aid_money" if aid else "other", noun, frozenset(window))
    if _strength_of_force(noun, num, rules):
        return _Reading("troops", noun, frozenset(window))  # "its 9,500-strong mission"
    if _population_of_place(anchor, num, rules):
        return _Reading("civilians", noun, frozenset(window))  # "a city of 100,000 people"
    whole = _is_whole_of_partitive(anchor, num)
    strong_categories = STRONG_CUES
    if noun is not None and (
        _noun_in(noun, rules.noun_classes["forces"]) or _noun_in(noun, rules.not_displaced)
    ):
        strong_categories = tuple(c for c in STRONG_CUES if c not in DISPLACEMENT_CUES)
    strong = None if whole else _nearest_cue(rules.cues, strong_categories, core, window, num)
    if (
        strong in (None, "refugees")
        and "resettled" in strong_categories
        and _brought_in(anchor, num)
    ):
        strong = "resettled"  # "the goal of bringing 10,000 Syrian refugees to Canada"
    if (
        strong in (None, "refugees", "displaced")
        and "resettled" in strong_categories
        and (_admitted(anchor, num) or _taken_from_abroad(anchor, num))
    ):
        strong = "resettled"  # "Australia would welcome 12,000 displaced Syrians"
    if strong in _DESCRIBING_CUES:
        happened = _verb_cue(rules, strong_categories, anchor, num)
        if happened in _HAPPENING_CUES and happened != strong:
            strong = happened  # "100 refugees in need of protection will resettle in ..."
    if strong == "displaced" and _entered_country(anchor, num):
        strong = "refugees"  # '70,500 "forcibly displaced persons" had entered Armenia'
    if strong is None and "refugees" in strong_categories and _registered(anchor, num):
        strong = "refugees"  # "509,559 Syrians are either already registered"
    if _owned_few(quantity, num):
        return None  # "her four children": a family, not a count, whatever happened to it
    if _is_narrative(quantity, num) and (
        strong is None
        or (
            strong == "other"
            and not (noun is not None and _noun_in(noun, rules.noun_classes["people"]))
        )
    ):
        return None  # "the two leaders"; "all five members needed": a small set, not a count
    is_people = noun is not None and (
        _noun_in(noun, rules.noun_classes["people"])
        or _noun_in(noun, rules.noun_classes["forces"])
        or (noun.ent_type_ == "NORP" and noun.tag_ in ("NNPS", "NNS", "NNP"))
        or (strong is not None and _noun_in(noun, rules.noun_classes["cued"]))
        # "a quota of 750 urgent protection cases": cases a country admits are people
        or (strong == "resettled" and _noun_in(noun, rules.noun_classes["admitted"]))
        # "over 100 people, including 11 local leaders": a part of the count before it
        or (
            same_sentence_category is not None
            and _included_in_count(noun)
            and _noun_in(noun, rules.noun_classes["cued"])
        )
        # a people named by a proper noun the tagger does not know ("740,000 Rohingya fled")
        or (strong is not None and noun.pos_ == "PROPN" and noun.ent_type_ in _UNKNOWN_PEOPLE)
        # "some 3,000 Rohingya arrived": a people the tagger takes for an organisation, counted
        # and said to have fled, arrived or died
        or (
            strong in ("refugees", "displaced", "killed", "injured")
            and noun.pos_ == "PROPN"
            and noun.ent_type_ == "ORG"
            and noun.tag_ in ("NNP", "NNPS")
            and noun.dep_ in _SUBJECT_DEPS
        )
    )
    if noun is not None and not is_people:
        return None  # "1.6 million chargers", "2,000 airstrikes": not people, forces or money
    if (
        noun is not None
        and noun.lemma_.lower() == "life"
        and strong not in ("killed", "injured")
        and _nearest_cue(rules.cues, ("civilians",), core, window, num) is not None
    ):
        return _Reading("civilians", noun, frozenset(window))  # "750,000 lives are in danger"
    if strong is not None and noun is not None and strong != "other":
        # a casualty noun says what happened itself: "a siege could cost 90,000 lives",
        # "1,134 people were injured and 36 dead"
        for category in ("killed", "injured"):
            if _noun_in(noun, rules.nouns.get(category, frozenset())):
                return _Reading(category, noun, frozenset(window))
    if strong is not None:
        return _Reading(strong, noun, frozenset(window))
    if _hosted_nationals(noun, anchor, num) or _nationals_left(noun, anchor, num):
        return _Reading("refugees", noun, frozenset(window))
    weak = _nearest_cue(rules.cues, WEAK_CUES, core, window, num)
    if noun is None:
        if weak is not None:
            return _Reading(weak, None, frozenset(window))
        if same_sentence_category is not None and _in_enumeration(num):
            return _Reading(same_sentence_category, None, frozenset(window))
        if _hosted_before(quantity, num):
            return _Reading("refugees", None, frozenset(window))  # "Turkey hosts 3.6 million"
        if previous_category is not None and _refers_back(num):
            return _Reading(previous_category, None, frozenset(window))
        if _listed_after_place(num):
            # "Turkey (177,000), Lebanon (179,000) ... host most of the refugees": the list's
            # sentence says what its numbers count
            said = phrase_category(sent, rules)
            if said is not None and said[0] > 0:
                return _Reading(said[1], None, frozenset(window))
        return None  # an elliptical number with no cue says nothing about what it counts
    for category, nouns in rules.nouns.items():
        if _noun_in(noun, nouns):
            return _Reading(category, noun, frozenset(window))
    if whole and weak is None and noun.lemma_.lower() in _POPULATION_NOUNS:
        return _Reading("civilians", noun, frozenset(window))  # a population
    if weak is None and same_sentence_category is not None and _included_in_count(noun):
        # "four million refugees, including 350 thousand Kurds": a part of the count before
        return _Reading(same_sentence_category, noun, frozenset(window))
    return _Reading(weak or "other", noun, frozenset(window))


# Cues that may only describe who is counted ("in need of protection", "internally displaced
# people") and cues of what happened to them that beat such a description when the count's own
# verb carries them ("... will resettle in New Zealand", "... dying from hunger"): GOLD.md
# decides the category by what is counted, deaths "of anyone".
_DESCRIBING_CUES = ("other", "displaced", "refugees")
_HAPPENING_CUES = ("resettled", "killed", "injured")


_ENTER_VERBS = {"enter", "cross"}


def _entered_country(anchor: Token, num: Token) -> bool:
    """People who entered or crossed into a named country ("had entered Armenia", "crossed
    into Chad") have fled theirs: refugees (GOLD.md), whatever word describes them."""
    verb = _clause_verb(anchor, num)
    if verb is None or verb.lemma_.lower() not in _ENTER_VERBS:
        return False
    places = [c for c in verb.children if c.dep_ == "dobj"]
    places += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(p.ent_type_ == "GPE" for p in places)


def _verb_cue(
    rules: CategoryRules, categories: Sequence[str], anchor: Token, num: Token
) -> str | None:
    """The category of a cue carried by the count's own verb: the verb of its clause (with its
    particle or infinitive) or a verb describing the counted noun ("people dying from hunger");
    None when the verb carries none."""
    verbs = [c for c in anchor.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
    verb = _clause_verb(anchor, num)
    if verb is not None:
        verbs.append(verb)
        verbs.extend(c for c in verb.children if c.dep_ in ("prt", "xcomp") and c.pos_ == "VERB")
    for token in verbs:
        if _negated(token):
            continue
        for category in categories:
            if category in _HAPPENING_CUES and _phrases_ending_at(
                rules.cues.get(category, frozenset()), token.doc, token.i
            ):
                return category
    return None


# Bodies whose strength ("a 9,500-strong mission") counts the troops in them.
_FORCE_BODIES = {"mission", "contingent", "garrison", "unit", "deployment", "coalition"}


def _strength_of_force(noun: Token | None, num: Token, rules: CategoryRules) -> bool:
    """ "NATO withdrew its 9,500-strong mission": the strength of a force or a military mission
    counts troops (GOLD.md: forces deployed or committed)."""
    if noun is None or num.head.lower_ != "strong" or num.head.head.i != noun.i:
        return False
    return noun.lemma_.lower() in _FORCE_BODIES or _noun_in(noun, rules.noun_classes["forces"])


def _included_in_count(noun: Token) -> bool:
    """A counted noun introduced by "including" or "among them": a subgroup of a count."""
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ in ("including", "includes", "among")


def _registered(anchor: Token, num: Token) -> bool:
    """People who "are registered" (a passive of register: by a refugee agency or a host
    country) are refugees (GOLD.md: registered refugees); "8,000 registered Russians" living
    in a country are not said to have fled."""
    verb = _clause_verb(anchor, num)
    if verb is None or verb.lemma_.lower() != "register":
        return False
    # passive ("are registered"), or the object of an agency registering them ("we are
    # registering about 1,200 people per day")
    return any(c.dep_ == "auxpass" for c in verb.children) or (
        anchor.dep_ == "dobj" and anchor.head.i == verb.i
    )


# Verbs of admitting people: their object is people a country takes in, whatever words say of
# what they were before ("welcome 12,000 displaced Syrians", "admit 5,000 refugees").
_ADMIT_VERBS = {"welcome", "resettle", "admit", "accept", "sponsor"}
# Verbs of taking people in: taken "from" a country that is not theirs, they are resettled.
_RECEIVE_VERBS = {"receive", "take", "accept", "admit", "welcome", "bring", "relocate"}


def _admitted(anchor: Token, num: Token) -> bool:
    """The counted people are the object of a verb of admission (_ADMIT_VERBS)."""
    verb = _clause_verb(anchor, num)
    return (
        verb is not None
        and verb.lemma_.lower() in _ADMIT_VERBS
        and anchor.dep_ == "dobj"
        and anchor.head.i == verb.i
    )


def _taken_from_abroad(anchor: Token, num: Token) -> bool:
    """People a country receives from a country that is not their own are resettled from a
    country of first asylum ("would receive 2,000 Syrian refugees from Lebanon"); "received
    1 million refugees from Syria" says where they fled from."""
    verb = _clause_verb(anchor, num)
    if verb is None or verb.lemma_.lower() not in _RECEIVE_VERBS or anchor.i == num.i:
        return False
    nations = [t.lower_[:4] for t in anchor.lefts if t.ent_type_ == "NORP"]
    if not nations:
        return False
    for prep in (c for head in (verb, anchor) for c in head.children):
        if prep.dep_ == "prep" and prep.lower_ == "from":
            places = [c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ == "GPE"]
            if places and all(p.lower_[:4] not in nations for p in places):
                return True
    return False


# Verbs of bringing people into a country: with "in" or "to <country>" they admit them.
_BRING_VERBS = {"bring", "fly"}


def _brought_in(anchor: Token, num: Token) -> bool:
    """People a country brings in or brings to itself are resettled (GOLD.md: plans, pledges or
    targets to bring in): "bring yet in another 10,000 refugees", "bring 5,000 to Canada"."""
    verb = _clause_verb(anchor, num)
    if verb is None or verb.lemma_.lower() not in _BRING_VERBS:
        return False
    for child in verb.children:
        if child.dep_ == "prt" and child.lower_ in ("in", "over"):
            return True
        if child.dep_ not in ("prep", "dative"):
            continue
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if child.lower_ == "in" and any(o.i == anchor.i for o in objects):
            return True  # the parser hangs "in" on the verb and the count under it
    # "bring 25,000 people hit by war over here to our country of Canada": the destination may
    # hang on a clause of the counted noun
    for token in verb.subtree:
        if token.dep_ == "advmod" and token.lower_ == "here":
            return True
        if token.dep_ == "prep" and token.lower_ in ("to", "into"):
            for place in (c for c in token.children if c.dep_ == "pobj"):
                named = [
                    place,
                    *(g for c in place.children if c.lower_ == "of" for g in c.children),
                ]
                if any(p.ent_type_ == "GPE" for p in named):
                    return True
    return False


def _verb_taken_for_noun(noun: Token, quantity: Quantity, rules: CategoryRules) -> bool:
    """A singular 'noun' right after a count greater than one that is a verb of flight, death
    or displacement: the tagger read the verb as the counted noun ("5,000 flee the country")."""
    if noun.tag_ != "NN" or quantity.value < 2 or noun.i != quantity_end_token(noun, quantity):
        return False
    word = (noun.lemma_.lower(),)
    return any(
        word in rules.cues.get(category, frozenset())
        for category in ("refugees", "displaced", "killed")
    )


def quantity_end_token(noun: Token, quantity: Quantity) -> int:
    """The index of the token straight after a quantity's last character."""
    span = noun.doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    return span.end if span is not None else -1


# Places whose size in people is their population: "a city of 3 million".
_PLACE_NOUNS = {"city", "town", "village", "province", "region", "country", "enclave",
                "district", "governorate", "island", "nation", "capital", "municipality",
                "state", "territory", "strip"}  # fmt: skip


def _population_of_place(anchor: Token, num: Token, rules: CategoryRules) -> bool:
    """A count that is the size of a place ("the city of just under 3 million", "a town of
    about 100,000 people"): its population, civilians (GOLD.md)."""
    if anchor.i != num.i and anchor.lemma_.lower() not in _POPULATION_NOUNS:
        return False
    of = anchor.head
    return (
        anchor.dep_ == "pobj"
        and of.lower_ == "of"
        and of.head.i != of.i
        and of.head.lemma_.lower() in _PLACE_NOUNS
        and of.head.i < num.i
    )


def _evacuated_abroad(ctx: ArticleContext, reading: _Reading, num: Token) -> bool:
    """People evacuated out of a country ("Canada evacuated 3,700 people from Afghanistan") are
    taken in by the country that flies them out: resettled (GOLD.md). Evacuated out of a town
    or a district, they are displaced."""
    verb = _clause_verb(reading.noun if reading.noun is not None else num, num)
    if verb is None or verb.lemma_.lower() not in ("evacuate", "airlift", "fly"):
        return False
    # "evacuated 70,000 people from Kabul": the parser may hang "from" on the counted noun
    heads = (verb,) if reading.noun is None else (verb, reading.noun)
    for prep in (c for head in heads for c in head.children):
        if prep.dep_ != "prep" or prep.lower_ != "from":
            continue
        for place in prep.children:
            if place.dep_ != "pobj":
                continue
            actor = ctx.actors.get(ctx.actor_at(place.idx, place.idx + len(place)) or "")
            if actor is not None and actor.kind == "country":
                return True
            # "the US has evacuated 70,000 people from Kabul": a country's capital, left by
            # people another country flies out
            capital_of = _capitals().get(place.text.lower())
            if capital_of is not None and capital_of not in _subject_countries(ctx, verb):
                return True
    return False


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Capital (lower case) -> country id, from the gazetteer's `capitals` column."""
    from etl.actors import DEFAULT_GAZETTEER
    from etl.derived import seats_of_government

    return seats_of_government(DEFAULT_GAZETTEER)


def _subject_countries(ctx: ArticleContext, verb: Token) -> set[str]:
    """The countries of the actors named in a verb's subject."""
    found = set()
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS:
            start = child.left_edge.idx
            end = child.right_edge.idx + len(child.right_edge)
            for mention in ctx.mentions_in(start, end):
                country = ctx.country_of(mention.actor_id)
                if country is not None:
                    found.add(country)
    return found


_FLIGHT_VERBS = {"flee", "escape", "leave"}
_DESTINATION_PREPS = ("to", "into", "across", "towards", "for")


def _fled_within(ctx: ArticleContext, reading: _Reading, num: Token) -> bool:
    """People who fled a town, district or region, not a country, and went nowhere named
    abroad, are displaced inside their country (GOLD.md): "133,000 people have fled Eastern
    Ghouta". Fleeing a country, or to or into one, they are refugees."""
    verb = _clause_verb(reading.noun if reading.noun is not None else num, num)
    if verb is None or verb.lemma_.lower() not in _FLIGHT_VERBS:
        return False
    places = []
    for child in verb.children:
        if child.dep_ == "dobj":
            places.append(child)
        elif child.dep_ == "prep" and child.lower_ == "from":
            places.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ in _DESTINATION_PREPS:
            return False  # a destination: where they went decides, not where they left
        elif child.dep_ == "advmod" and child.lower_ in ("abroad", "overseas"):
            return False
    if not places:
        return False
    if any(
        c.dep_ == "prep" and c.lower_ in _DESTINATION_PREPS
        for place in places
        for c in place.children
    ):
        return False  # "fled Nagorno-Karabakh for Armenia": the parser hangs "for" on the place
    for place in places:
        if place.ent_type_ not in _PLACE_LABELS and place.pos_ != "PROPN":
            return False  # "fled their homes", "fled the country": the cue words decide
        start = place.doc[place.left_edge.i].idx
        actor = ctx.actors.get(ctx.actor_at(start, place.idx + len(place)) or "")
        if actor is not None and actor.kind in ("country", "government"):
            return False
    return True


_POSSESSIVES = {"his", "her", "their", "its", "our", "my", "your"}


def _owned_few(quantity: Quantity, num: Token) -> bool:
    """A handful owned by someone ("her four children", "his two sons"): a family or a team,
    not a figure."""
    if quantity.value >= 10:
        return False
    first = num.doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    start = first.start if first is not None else num.i
    # "her four children", "with her husband and four children"
    for token in reversed(num.doc[max(0, start - 4) : start]):
        if token.lower_ in _POSSESSIVES:
            return True
        if token.pos_ not in ("NOUN", "CCONJ"):
            return False
    return False


def _is_narrative(quantity: Quantity, num: Token) -> bool:
    """'the two leaders', 'its 28 members': a reference to a small set, not a figure."""
    if quantity.spelled and quantity.value < 10:
        return True
    first = num.doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    start = first.start if first is not None else num.i
    before = num.doc[start - 1] if start > 0 else None
    return before is not None and before.lower_ in _DETERMINERS and quantity.value < 100


# --- attribution, place, date ---------------------------------------------------------------


def _according_to(ctx: ArticleContext, sent: Span) -> str | None:
    """The actor named by "according to X": the mention on X's head noun or its modifiers
    ("according to UN figures"), not one inside a further phrase ("the ministry in Hamas-run
    Gaza")."""
    for token in sent:
        if token.lower_ != "according" or token.i + 1 >= sent.end:
            continue
        to = sent.doc[token.i + 1]
        if to.lower_ != "to":
            continue
        for pobj in (c for c in to.children if c.dep_ == "pobj"):
            heads = [pobj, *(c for c in pobj.conjuncts)]
            for head in heads:
                tokens = [t for t in head.lefts for t in t.subtree] + [head]
                tokens += [t for c in head.rights if c.dep_ == "appos" for t in c.subtree]
                for t in sorted(tokens, key=lambda t: t.i):
                    actor = ctx.actor_at(t.idx, t.idx + len(t))
                    if actor is not None:
                        return actor
    return None


def _reporting_subject(ctx: ArticleContext, num: Token, source_verbs: frozenset[str]) -> str | None:
    """The actor who is the subject of a reporting verb governing the number's clause, unless
    those counted are that subject ("2.3 million Syrians have registered")."""
    token = num
    while token.head.i != token.i:
        token = token.head
        if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in source_verbs:
            continue
        for child in token.children:
            if child.dep_ not in _SUBJECT_DEPS:
                continue
            span = list(child.subtree)
            if span[0].i <= num.i <= span[-1].i:
                continue
            source = _subject_actor(ctx, child)
            if source is not None:
                return source
    return None


def _subject_actor(ctx: ArticleContext, subject: Token) -> str | None:
    """The actor a subject phrase names: the mention on its head word or an apposition
    ("Canada's minister, Harpreet Gill, said" → Gill), else a person in it, else its first
    mention ("Canada's minister said" → Canada)."""
    span = list(subject.subtree)
    mentions = ctx.mentions_in(span[0].idx, span[-1].idx + len(span[-1]))
    if not mentions:
        return None
    heads = [subject, *(c for c in subject.children if c.dep_ == "appos")]
    for head in heads:
        actor = ctx.actor_at(head.idx, head.idx + len(head))
        if actor is not None:
            return actor
    people = [m for m in mentions if getattr(ctx.actors.get(m.actor_id), "kind", None) == "person"]
    return (people or mentions)[0].actor_id


class _SpeakerIndex:
    """An article's statements that have a speaker, found by the text they cover in a few steps
    instead of a pass over every statement for every figure."""

    def __init__(self, statements: Sequence[Statement]) -> None:
        spoken = sorted(
            ((s.char_start, order, s) for order, s in enumerate(statements) if s.speaker_id),
            key=lambda item: item[:2],
        )
        self._spoken = spoken
        self._starts = [start for start, _, _ in spoken]
        self._longest = max((s.char_end - s.char_start for _, _, s in spoken), default=0)

    def overlapping(self, start: int, end: int) -> list[Statement]:
        """Statements overlapping body[start:end], in the order they were given."""
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        found = [item for item in self._spoken[lo:hi] if item[2].char_end > start]
        return [s for _, _, s in sorted(found, key=lambda item: item[1])]


def _statement_speaker(speakers: _SpeakerIndex, start: int, end: int, sent: Span) -> str | None:
    inside = [
        s for s in speakers.overlapping(start, end) if s.char_start <= start and end <= s.char_end
    ]
    if inside:
        return min(inside, key=lambda s: s.char_end - s.char_start).speaker_id
    overlapping = speakers.overlapping(sent.start_char, sent.end_char)
    return overlapping[0].speaker_id if overlapping else None


def attribute(
    ctx: ArticleContext,
    speakers: _SpeakerIndex,
    sent: Span,
    num: Token,
    quantity: Quantity,
) -> str | None:
    """The actor a figure is attributed to (see module doc), or None."""
    _, source_verbs = _default_rules()
    return (
        _according_to(ctx, sent)
        or _reporting_subject(ctx, num, source_verbs)
        or _statement_speaker(speakers, quantity.start, quantity.end, sent)
    )


def _place_name(ent: Span) -> str:
    return re.sub(r"^(?:the)\s+", "", ent.text, flags=re.IGNORECASE)


def _main_country(ctx: ArticleContext) -> str | None:
    """The country the article is mostly about, when one clearly leads its mentions."""
    ranked = ctx.country_counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] * 3 > ranked[0][1] * 2):
        return None
    return ctx.name_of(ranked[0][0])


def _places(ctx: ArticleContext, sent: Span) -> list[Span]:
    """Place names in a sentence, leaving out what is an actor rather than a place: a person or
    organisation the tagger took for a place, and possessives ("Russia's envoy")."""
    places = []
    for ent in DocIndex.of(sent.doc).ents_within(sent.start, sent.end):
        if ent.label_ not in _PLACE_LABELS or ent.root.dep_ == "poss":
            continue
        actor = ctx.actors.get(ctx.actor_at(ent.start_char, ent.end_char) or "")
        if actor is not None and actor.kind not in ("country", "government"):
            continue
        places.append(ent)
    return places


def locate(ctx: ArticleContext, sent: Span, reading: _Reading, num: Token) -> str | None:
    """The place a figure is about: the host of resettled or hosted people, a place in its noun
    phrase, a place in its clause, a place in its sentence, or "the country" resolved to the
    article's main country."""
    places = _places(ctx, sent)
    if reading.category == "resettled":
        # "receive 2,000 Syrian refugees from Lebanon": where they are taken from is not where
        # they are resettled
        places = [ent for ent in places if ent.root.head.lower_ != "from"]
    if _listed_after_place(num):
        for ent in places:
            if ent.end == num.i - 1:
                return _place_name(ent)  # "Jordan (205,000)"
        return num.doc[num.i - 2].text
    if reading.noun is None and _after_listed_place(num):
        first = num.i - 1
        while first > sent.start and num.doc[first - 1].pos_ == "PROPN":
            first -= 1
        return num.doc[first : num.i].text  # "…, Slovakia 128,000"
    anchor = reading.noun if reading.noun is not None else num
    verb = _governing_verb(anchor)
    if verb is not None and (reading.category == "resettled" or verb.lemma_.lower() in _HOST_VERBS):
        for child in verb.children:
            if child.dep_ in _SUBJECT_DEPS:
                subject = {t.i for t in child.subtree}
                for ent in places:
                    if ent.start in subject:
                        return _place_name(ent)
    subtree = {t.i for t in anchor.subtree}
    for ent in places:
        if ent.start in subtree and ent.start != num.i:
            return _place_name(ent)
    for ent in places:
        if ent.start in reading.window:
            return _place_name(ent)
    if places:
        return _place_name(places[0])
    country = re.search(r"\bthe (?:war-torn |war-ravaged )?country\b", sent.text, re.IGNORECASE)
    if country:
        # "the Syrian civil war has forced 3.73 million to flee the country": the country named
        # earlier in the sentence, else the one the article is mostly about
        before = ctx.mentions_in(sent.start_char, sent.start_char + country.start())
        countries = [ctx.country_of(m.actor_id) for m in before if ctx.country_of(m.actor_id)]
        return ctx.name_of(countries[-1]) if countries else _main_country(ctx)
    return None


_MONTH_NUMBERS = {m: i for i, m in enumerate(MONTHS.split("|")[:12], start=1)}
_MONTH_NUMBERS.update({m: _MONTH_NUMBERS[f] for m, f in (
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("jun", "june"),
    ("jul", "july"), ("aug", "august"), ("sep", "september"), ("sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december"))})  # fmt: skip
_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_DATE_RE = re.compile(
    r"(?P<lead>\b(?:since|from|between|after|before)\s+(?:the\s+)?(?:(?:end|start|beginning)\s+of\s+)?)?"
    rf"\b(?:(?P<day1>\d{{1,2}})\s+(?P<month1>{MONTHS})\.?,?\s+(?P<year1>(?:19|20)\d\d)"
    rf"|(?P<month2>{MONTHS})\.?\s+(?:(?P<day2>\d{{1,2}}),?\s+)?(?P<year2>(?:19|20)\d\d)"
    rf"|(?P<month3>(?-i:{_MONTH_NAMES}))(?:\s+(?P<day3>\d{{1,2}}))?(?![\s,]+\d)"
    r"|(?P<year3>(?:19|20)\d\d))\b",
    re.IGNORECASE,
)


def as_of(
    sentence: str, published: date | None, published_precision: str | None
) -> tuple[date | None, str | None]:
    """The date a figure holds at: the first explicit date in its sentence that does not open a
    period ("since 2011"), else the published date (see module doc)."""
    for match in _DATE_RE.finditer(sentence):
        if match.group("lead"):
            continue
        year = match.group("year1") or match.group("year2") or match.group("year3")
        month_name = (
            match.group("month1") or match.group("month2") or match.group("month3") or ""
        ).lower()
        day = match.group("day1") or match.group("day2") or match.group("day3")
        month = _MONTH_NUMBERS.get(month_name.rstrip("."))
        if month_name and month is None:
            continue
        if year is None:
            if published is None or month is None or month_name in ("may", "march"):
                continue  # "may" and "march" are too often verbs to be read alone
            # "in April" in a June article is this April; in a February one, last year's
            year_value = published.year if month <= published.month else published.year - 1
            if day:
                try:
                    return date(year_value, month, int(day)), "day"
                except ValueError:
                    continue
            return date(year_value, month, 1), "month"
        try:
            if day and month:
                return date(int(year), month, int(day)), "day"
            if month:
                return date(int(year), month, 1), "month"
            return date(int(year), 1, 1), "year"
        except ValueError:
            continue
    return published, published_precision if published else None


# --- tables and lists ----------------------------------------------------------------------


def _tokens_of(doc, span: tuple[int, int] | None) -> Span | None:
    if span is None or span[1] <= span[0]:
        return None
    return doc.char_span(span[0], span[1], alignment_mode="expand")


def phrase_category(words: Span, rules: CategoryRules) -> tuple[int, str] | None:
    """What a heading or row label says is counted, and how surely: (2, category) for a cue of
    what happened ("Internally displaced people", "Number of refugees resettled"), (1, category)
    for a counted noun naming one ("Registered refugees"), (0, category) for a weak cue or a
    bare count of people ("Returnees" aside, "Detainees"); None when it names no count."""
    doc, indices = words.doc, range(words.start, words.end)
    found: list[tuple[int, int, int, str]] = []  # (-strength, first word, -length, category)
    for i in indices:
        for category in (*STRONG_CUES, *WEAK_CUES):
            for phrase in _phrases_ending_at(rules.cues.get(category, frozenset()), doc, i):
                strength = -2 if category in STRONG_CUES else 0
                found.append((strength, i - len(phrase) + 1, -len(phrase), category))
        for category, nouns in rules.nouns.items():
            if _phrases_ending_at(nouns, doc, i):
                found.append((-1, i, -1, category))
        if _phrases_ending_at(rules.noun_classes["people"], doc, i):
            found.append((0, 10**9 + i, -1, "other"))
    if not found:
        return None
    strength, _, _, category = min(found)  # the first cue, the longest phrase where two start
    return -strength, category


NOT_A_FIGURE = _Reading("", None, frozenset())  # a row that counts things, not people or money


def _counted_by_number_of(label: Span) -> Token | None:
    """The noun of a row label "Number of Syrians ...", "Total number of flights ..."."""
    for token in label:
        if token.lemma_.lower() in ("number", "total", "count", "tally"):
            for of in token.rights:
                if of.lower_ == "of":
                    objects = [c for c in of.children if c.dep_ == "pobj"]
                    return objects[0] if objects else None
    return None


def _counts_people(noun: Token, rules: CategoryRules) -> bool:
    return (
        _noun_in(noun, rules.noun_classes["people"])
        or _noun_in(noun, rules.noun_classes["forces"])
        or noun.ent_type_ == "NORP"
        or _noun_in(noun, rules.noun_classes["money"])
    )


def read_row(doc, row: Row, quantity: Quantity, rules: CategoryRules) -> _Reading | None:
    """A table or list row's figure: the category its label says (when it describes what is
    counted), else its heading's, else its column's; None when none of them names a count."""
    parts = [
        _tokens_of(doc, row.label),
        _tokens_of(doc, row.unit),
        _tokens_of(doc, row.heading),
        _tokens_of(doc, row.column),
    ]
    if row.label_first and parts[0] is not None:
        counted = _counted_by_number_of(parts[0])
        if counted is not None and not _counts_people(counted, rules):
            return NOT_A_FIGURE  # "21: Number of flights scheduled": not people, forces or money
    described = [p for p in parts[:3] if p is not None]  # label, the cell's words, heading
    parts = [p for p in parts if p is not None]
    if quantity.is_money or any("$" in p.text or "funding" in p.text.lower() for p in described):
        aid = any(_any_phrase(rules.aid_words, doc, range(p.start, p.end)) for p in parts)
        return _Reading("aid_money" if aid else "other", None, frozenset())
    readings = [r for p in parts if (r := phrase_category(p, rules)) is not None]
    outer = _tokens_of(doc, row.outer)
    if not readings and outer is not None and (said := phrase_category(outer, rules)):
        readings = [said]  # "Which countries host the most refugees?" / "Here are the numbers:"
    if not readings:
        heading = _tokens_of(doc, row.heading)
        label = _tokens_of(doc, row.label)
        if heading is not None and label is not None and _nationals_abroad(heading, label):
            return _Reading("refugees", None, frozenset())
        return None
    # the first part that names a category decides; a bare count of people only as a last resort
    strong = [r for r in readings if r[0] > 0]
    category = (strong or readings)[0][1]
    return _Reading(category, None, frozenset())


def _nationals_abroad(heading: Span, label: Span) -> bool:
    """A heading that counts a nation's people ("Venezuelans are distributed as follows") over
    rows labelled with other places ("Colombia: 1.84 million"): people counted outside their
    own country, refugees (GOLD.md: people who have fled their country)."""
    nations = [
        t for t in heading if t.ent_type_ == "NORP" and t.tag_ in ("NNPS", "NNS") and len(t) > 3
    ]
    place = label.text.strip(" :–—-|").lower()
    if not nations or not place or not label.text.strip()[:1].isupper():
        return False
    return all(place[:4] != t.lower_[:4] for t in nations)


def _row_place(ctx: ArticleContext, doc, row: Row) -> str | None:
    """A row's place: a place named in its label ("Turkey 1,200,000", "Bekaa | 344,013"), else
    one named in its heading."""
    for span in (row.label, row.heading):
        words = _tokens_of(doc, span)
        if words is None:
            continue
        places = _places(ctx, words)
        if places:
            return _place_name(places[0])
        if span is row.label and not row.label_first:
            text = words.text.strip(" :–—-|")
            if 0 < len(text.split()) <= 3 and text[:1].isupper() and text.lower() != "total":
                return text
    return None


# --- the entry point ------------------------------------------------------------------------


def _evidence_span(body: str, sent: Span, start: int, end: int) -> tuple[int, int]:
    """The sentence around a figure, clipped to its line and stripped of surrounding space."""
    lo = max(sent.start_char, body.rfind("\n", 0, start) + 1)
    newline = body.find("\n", end)
    hi = min(sent.end_char, newline if newline != -1 else len(body))
    while lo < hi and body[lo].isspace():
        lo += 1
    while hi > lo and body[hi - 1].isspace():
        hi -= 1
    return lo, hi


def _subject_phrase(reading: _Reading, quantity: Quantity) -> str:
    """A short noun phrase for what is counted ("government-sponsored refugees")."""
    noun = reading.noun
    if noun is None:
        return "money" if quantity.is_money else _PHRASE_BY_CATEGORY.get(reading.category, "people")
    generic = noun.lemma_.lower() in ("people", "person", "individual")
    if generic and reading.category in _PHRASE_BY_CATEGORY:
        return _PHRASE_BY_CATEGORY[reading.category]  # "people" alone says less than the verb
    keep = [noun]
    for child in noun.lefts:
        if child.dep_ in ("compound", "amod", "nmod") and child.idx >= quantity.end:
            keep.extend(child.subtree)
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in (
            "from",
            "in",
            "of",
            "inside",
            "within",
        ):
            keep.extend(list(child.subtree)[:6])
            break
    tokens = sorted({t.i: t for t in keep if not t.like_num}.values(), key=lambda t: t.i)
    words: list[str] = []
    for prev, token in zip([None, *tokens], tokens, strict=False):
        glue = prev is not None and prev.i + 1 == token.i and not prev.whitespace_
        words.append(token.text if glue or not words else " " + token.text)
    return "".join(words).strip(" ,.;")[:80]


def _significant_digits(value_text: str) -> int:
    return len(re.sub(r"\D", "", value_text).rstrip("0"))


def _drop_restatements(figures: list[Figure]) -> list[Figure]:
    """An article that states one figure in two ways ("more than six million" and "6,029,705
    refugees") keeps its most exact statement: same category, different values within 2%.
    Repeats of the very same value stay, one row per mention."""
    # Kept figures per category, sorted by value, so that the candidates within 2% of a value
    # are found by bisection rather than by a pass over every figure kept so far.
    kept: dict[str, list[tuple[float, int, Figure]]] = {}
    for order, figure in enumerate(figures):
        same = kept.setdefault(figure.category, [])
        lo = bisect.bisect_left(same, (figure.value * 0.979,))
        hi = bisect.bisect_right(same, (figure.value / 0.979,))
        twins = [
            item
            for item in same[lo:hi]
            if item[0] != figure.value
            and abs(item[0] - figure.value) <= 0.02 * max(item[0], figure.value)
            # rows of a list by place are distinct figures: "Turkey (177,000), Lebanon (179,000)"
            and (item[2].location == figure.location or None in (item[2].location, figure.location))
        ]
        if not twins:
            bisect.insort(same, (figure.value, order, figure))
        elif all(
            _significant_digits(figure.value_text) > _significant_digits(t.value_text)
            for _, _, t in twins
        ):
            for twin in twins:
                same.remove(twin)
            bisect.insort(same, (figure.value, order, figure))
    survivors = [figure for same in kept.values() for _, _, figure in same]
    return sorted(survivors, key=lambda f: f.value_start or 0)


_SENTENCE_END = re.compile(r"[.!?:;\"'”’)\]]\s*$")


def _is_headline(line: str, min_words: int = 1) -> bool:
    """A short line that does not end like a sentence: a headline, a section label, a link."""
    words = len(line.split())
    return min_words <= words <= 20 and not _SENTENCE_END.search(line)


def _in_list_of_headlines(body: str, char: int) -> bool:
    """True when body[char] lies on a headline written among other headlines or labels: page
    furniture ("MOST READ", related stories), whose numbers belong to other stories. A fact box
    line ("5.6 million refugees") is too short to be read as a headline."""
    start = body.rfind("\n", 0, char) + 1
    end = body.find("\n", char)
    end = len(body) if end == -1 else end
    if not _is_headline(body[start:end].strip(), min_words=5):
        return False
    if _in_bulleted_list(body, start):
        return False
    if (
        start < _first_prose_line(body)
        and "|" not in body[start:end]
        and not _FURNITURE_LABEL.search(body, 0, start)
    ):
        return False  # highlights above the story's first paragraph: its own summary points  # highlights above the story's first paragraph: its own summary points
    neighbours = [_nearest_line(body, start, -1), _nearest_line(body, end, 1)]
    return any(_is_headline(line) for line in neighbours if line is not None)


@lru_cache(maxsize=8)
def _first_prose_line(body: str) -> int:
    """Where the first prose starts: a line of eight words or more that ends like a sentence
    (the end of the body when there is none)."""
    at = 0
    for line in body.splitlines(keepends=True):
        text = line.strip()
        if len(text.split()) >= 8 and text[-1:] in '.!?"”’)':
            return at
        at += len(line)
    return len(body)


# A short label line without digits ("MOST READ", "Related", "Trending now"): a column of
# other stories' headlines follows it, not the story's own highlights. In Latin letters: a
# line in another script above an English story is the site's furniture, not a section label.
_FURNITURE_LABEL = re.compile(
    r"^[ \t]*[A-Za-z]+(?:[ \t]+[A-Za-z]+){0,2}[ \t]*:?[ \t]*$", re.MULTILINE
)


# Headings of a story's own summary points ("Summary", "Key points", "HIGHLIGHTS").
_SUMMARY_HEADING = re.compile(
    r"^(?:summary|key (?:points|facts|developments|figures)|highlights|at a glance|in brief|"
    r"what we know(?: so far)?|facts and figures|main points|the latest)"
    r"(?:\s+(?:for|of|on|from)\b[^.!?]{0,40})?\W*$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-–•*·▪●]|\d{1,2}[.)])\s+\S")


def _in_bulleted_list(body: str, start: int) -> bool:
    """True when the line at `start` is an item of a bulleted list introduced by a line ending
    in a colon ("… are in just five countries:" then "- Lebanon hosts 1.1 million refugees"):
    a list of facts, not a column of other stories' headlines."""
    line_end = body.find("\n", start)
    if not _BULLET.match(body[start : len(body) if line_end == -1 else line_end]):
        return False
    at = start
    for _ in range(30):  # the items above it, then the line that introduces them
        line = _nearest_line(body, at, -1)
        if line is None:
            return False
        if not _BULLET.match(line):
            return line.endswith(":") or bool(_SUMMARY_HEADING.match(line))
        at = body.rfind(line, 0, at)
        if at < 0:
            return False
    return False


def _nearest_line(body: str, at: int, direction: int) -> str | None:
    """The nearest non-blank line (stripped) before offset `at` (direction -1) or after it (+1),
    as `splitlines` cuts lines; None when there is none. Reads outward in growing steps, so the
    cost is the distance to that line, not the article's length."""
    step = 512
    while True:
        lo, hi = (max(0, at - step), at) if direction < 0 else (at, min(len(body), at + step))
        lines = body[lo:hi].splitlines()
        reached_end = lo == 0 if direction < 0 else hi == len(body)
        if not reached_end and lines:
            # the line at the window's far edge may be cut short: read it next time, whole
            lines = lines[1:] if direction < 0 else lines[:-1]
        for line in reversed(lines) if direction < 0 else lines:
            if line.strip():
                return line.strip()
        if reached_end:
            return None
        step *= 4


def _previous_sentence(sent: Span, body: str) -> Span | None:
    """The sentence before, when it is in the same paragraph."""
    if sent.start == 0:
        return None
    before = DocIndex.of(sent.doc).sentence_of(sent.start - 1)
    if "\n" in body[before.end_char : sent.start_char] or "\n" in before.text.strip():
        return None
    return before


def extract_figures(ctx: ArticleContext, statements: Sequence[Statement]) -> list[Figure]:
    """Every figure stated in the article: counts of people, forces and money, one per number."""
    rules, _ = _default_rules()
    doc, body, article = ctx.doc, ctx.body, ctx.article
    index = DocIndex.of(doc)
    speakers = _SpeakerIndex(statements)
    figures: list[Figure] = []
    # sentence number, category and flight (see _fled) of the last figure
    previous: tuple[int, str, bool] | None = None
    fled: set[str] = set()  # ids of figures of people who fled (never resettled)
    nationals: set[str] = set()  # ids of figures counting a nation's people
    casualties: list[tuple[int, int]] = []  # (figure index, sentence) of counts of casualties
    injured: list[int] = []  # sentences of counts of injured
    quantities = find_quantities(body)
    rows = find_rows(body, quantities)
    row_lines = {body.rfind("\n", 0, start) + 1 for start in rows}
    for quantity in quantities:
        row = rows.get(quantity.start)
        if (
            row is None
            and body.rfind("\n", 0, quantity.start) + 1 not in row_lines  # a row's other numbers
            and _in_list_of_headlines(body, quantity.start)
        ):
            continue
        span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        numbers = [
            t for t in span if t.like_num or t.lower_ in ("million", "billion", "thousand", "dozen")
        ]
        num = numbers[-1] if numbers else span[-1]
        sentence_number = index.sentence_number(num)
        sent = index.sents[sentence_number]
        entity = index.ent_at(num)
        if (
            row is None
            and entity is not None
            and entity.label_ in _NOT_COUNT_LABELS
            and not (entity.label_ == "DATE" and _GROUPED.fullmatch(quantity.value_text))
        ):
            continue  # the model reads it as a date, time, share or rank: not a count
        recent = previous[1] if previous and sentence_number - previous[0] <= 2 else None
        place = None
        reading = read_row(doc, row, quantity, rules) if row is not None else None
        if reading is not None:
            place = _row_place(ctx, doc, row)
        else:
            in_sentence = previous[1] if previous and previous[0] == sentence_number else None
            reading = read_quantity(
                quantity, num, sent, rules, recent, _previous_sentence(sent, body), in_sentence
            )
        if reading is None or reading is NOT_A_FIGURE:
            continue
        named = _named_before(figures, quantity, num)
        if named is not None and named != reading.category:
            reading = dataclasses.replace(reading, category=named)  # "these 100 women"
        if reading.category == "displaced" and _evacuated_abroad(ctx, reading, num):
            reading = dataclasses.replace(reading, category="resettled")
        elif reading.category == "refugees" and row is None and _fled_within(ctx, reading, num):
            reading = dataclasses.replace(reading, category="displaced")
        flight = _fled(reading, doc) or (
            reading.noun is None
            and recent == reading.category
            and previous is not None
            and previous[2]
        )
        previous = (sentence_number, reading.category, flight)
        start, end = _evidence_span(body, sent, quantity.start, quantity.end)
        as_of_date, precision = as_of(
            body[start:end], article.published_date, article.published_precision
        )
        figures.append(
            Figure(
                figure_id=stable_id(article.article_id, quantity.start, quantity.value_text),
                article_id=article.article_id,
                value=quantity.value,
                value_text=quantity.value_text,
                category=reading.category,
                subject=_subject_phrase(reading, quantity),
                location=place or locate(ctx, sent, reading, num),
                attributed_to_id=attribute(ctx, speakers, sent, num, quantity),
                as_of_date=as_of_date,
                evidence=body[start:end],
                char_start=start,
                char_end=end,
                value_start=quantity.start,
                value_end=quantity.end,
                as_of_precision=precision,
                qualifier=quantity.qualifier,
            )
        )
        if reading.category == "other" and any(
            doc[i].lemma_.lower() == "casualty" for i in reading.window
        ):
            casualties.append((len(figures) - 1, sentence_number))
        elif reading.category == "injured":
            injured.append(sentence_number)
        if flight:
            fled.add(figures[-1].figure_id)
        if reading.noun is not None and reading.noun.ent_type_ == "NORP":
            nationals.add(figures[-1].figure_id)
    for at, sentence_number in casualties:
        # "casualty figures exceeding 16,200 people" beside "40,000 have been injured": the
        # casualties counted apart from the injured are the dead
        if any(0 <= s - sentence_number <= 2 for s in injured):
            figures[at] = dataclasses.replace(figures[at], category="killed")
    figures = resettled_in_host(ctx, figures, _main_country, fled, nationals)
    return _drop_restatements(hosted_by_neighbours(body, figures))


_DEMONSTRATIVES = {"these", "those"}


def _named_before(figures: Sequence[Figure], quantity: Quantity, num: Token) -> str | None:
    """The category of the figure a demonstrative count points back to: "these 100 desperate
    women and children" after "resettle up to 100 Syrians" is the same 100."""
    span = num.doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    first = span.start if span is not None else num.i
    if first == 0 or num.doc[first - 1].lower_ not in _DEMONSTRATIVES:
        return None
    same = [f.category for f in figures if f.value == quantity.value]
    return same[-1] if same else None


def _fled(reading: _Reading, doc) -> bool:
    """A refugee figure said to have fled ("have fled Syria", "escaped the country")."""
    return reading.category == "refugees" and any(
        doc[i].lemma_.lower() in _FLIGHT_VERBS for i in reading.window
    )
