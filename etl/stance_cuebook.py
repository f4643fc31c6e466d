"""The stance cue book (`etl/rules/stance_cues.txt`), the edge record and the word lists the
stance rules share."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Token

from etl.types import POLARITIES

RULES_DIR = Path(__file__).resolve().parent / "rules"
DEFAULT_CUES = RULES_DIR / "stance_cues.txt"

_FIRST_PERSON = {"i", "we", "us", "our", "my", "me", "ours"}


def first_person(token: Token) -> bool:
    """The token is a first-person pronoun; "US" in capitals is the country, not "us"."""
    return token.lower_ in _FIRST_PERSON and token.text != "US"


_MODALS = {"should", "must", "ought", "shall"}
_FUTURE = {"will", "would", "'ll", "wo", "shall"}
_SUBJECTS = {"nsubj", "csubj"}
_PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
# Dependents that stay inside the noun phrase naming an actor ("Syria's Assad regime and Russia").
_NOUN_MODIFIERS = {"poss", "compound", "amod", "nmod", "appos", "npadvmod", "conj", "nummod"}
# Prepositions a target phrase may continue through ("groups like the al-Nusra Front",
# "officials from Canada and Russia").
_DEEP_PREPOSITIONS = {"of", "from", "between", "with", "like", "including", "among"}
_TARGET_PREPOSITIONS = {
    "with",
    "between",
    "for",
    "against",
    "to",
    "on",
    "toward",
    "towards",
    "in",
    "over",
}
# A meeting or talks address those met "with" (or "between" whom they are held), not the subject
# they are "on" or the place they are "in" ("talks on Syria in Nur-Sultan" meet neither).
_MET_PREPOSITIONS = {"with", "between", "to", "among"}
# Relation nouns that are always addressed to someone: "Egypt and Qatar sent condolences" is no
# relation between Egypt and Qatar.
_ADDRESSED_ONLY = {"condolence", "condolences", "sympathy"}
_CONCERN_PREPOSITIONS = {"about", "over", "by", "at", "regarding", "with", "on", "concerning"}
# Participles that tie a group to its patron ("elements linked to al-Qaeda").
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
# Nouns for the warring parties of a conflict ("all parties to the conflict").
_PARTY_NOUNS = {"party", "side", "belligerent"}
_FORCE_KINDS = ("government", "armed_group")
_LINK_PARTICIPLES = {"link", "affiliate", "tie", "ally", "associate", "loyal", "connect"}


@dataclass(frozen=True)
class Cue:
    """One cue: a lemma and, for phrases, a dependent lemma that must be present ("call+on")."""

    lemma: str
    dependent: str | None = None


@dataclass(frozen=True)
class CueBook:
    """The stance cues of the rules file, by section ("act critical", "blame carrier", ...)."""

    sections: dict[str, tuple[Cue, ...]]
    # Built once: (section, word) -> positions of the cues that word can realise, and the
    # sections of each kind. A token is checked against its few candidates, not every cue.
    _by_word: dict[tuple[str, str], tuple[int, ...]] = field(init=False, repr=False, compare=False)
    _kinds: dict[str, tuple[tuple[str, str], ...]] = field(init=False, repr=False, compare=False)
    # word -> the sections that have a cue with that word (see `candidate_sections`)
    _sections_by_word: dict[str, frozenset[str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_word: dict[tuple[str, str], list[int]] = {}
        for name, cues in self.sections.items():
            for position, cue in enumerate(cues):
                for word in {cue.lemma, cue.dependent} - {None}:
                    by_word.setdefault((name, word), []).append(position)
        kinds: dict[str, list[tuple[str, str]]] = {}
        for name in self.sections:
            head, _, polarity = name.partition(" ")
            if polarity in POLARITIES or polarity == "none":
                kinds.setdefault(head, []).append((name, polarity))
        object.__setattr__(self, "_by_word", {k: tuple(v) for k, v in by_word.items()})
        sections_by_word: dict[str, set[str]] = {}
        for name, word in by_word:
            sections_by_word.setdefault(word, set()).add(name)
        object.__setattr__(
            self, "_sections_by_word", {k: frozenset(v) for k, v in sections_by_word.items()}
        )
        object.__setattr__(self, "_kinds", {k: tuple(v) for k, v in kinds.items()})

    @classmethod
    def load(cls, path: Path | None = None) -> CueBook:
        sections: dict[str, list[Cue]] = {}
        current: list[Cue] | None = None
        for raw in Path(path or DEFAULT_CUES).read_text(encoding="utf-8").splitlines():
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            if line.startswith("[") and line.endswith("]"):
                current = sections.setdefault(line[1:-1].strip(), [])
                continue
            if current is None:
                raise ValueError(f"{path}: cue {line!r} before any [section]")
            for item in line.split(","):
                item = item.strip().lower()
                if item:
                    lemma, _, dependent = item.partition("+")
                    current.append(Cue(lemma.strip(), dependent.strip() or None))
        return cls({name: tuple(cues) for name, cues in sections.items()})

    def cues(self, section: str) -> tuple[Cue, ...]:
        return self.sections.get(section, ())

    def match(self, section: str, token: Token) -> Cue | None:
        """The cue of `section` that `token` realises, phrases (with a dependent) first."""
        # The word as written counts too: a tagger may lemmatise "failed" (an adjective) to "fail".
        lemma, lower = _lower_lemma(token), token.lower_
        if section == "protected" and token.pos_ == "PROPN" and lemma == lower:
            # A title in capitals is not lemmatised: "Welcoming Syrian Refugees" (only for the
            # people a demonym may describe: "Chemical Weapons Convention" is a name).
            lemma = lower.removesuffix("s")
        found = self._by_word.get((section, lemma), ())
        if lower != lemma:
            found = (*found, *self._by_word.get((section, lower), ()))
        if not found:  # the common case: most words are no cue of this section
            return None
        words = {lemma, lower}
        positions = sorted(set(found))
        cues = self.cues(section)
        plain = None
        for cue in (cues[p] for p in positions):
            if cue.dependent is None:
                if cue.lemma in words:
                    plain = plain or cue
            elif cue.lemma in words and _dependent(token, cue.dependent) is not None:
                return cue
            elif cue.dependent in words and _dependent(token, cue.lemma) is not None:
                # A phrase may be written modifier first: "positive+development", "war+crime".
                return cue
        return plain

    def has(self, section: str, token: Token) -> bool:
        return self.match(section, token) is not None

    def candidate_sections(self, token: Token) -> frozenset[str]:
        """The sections `match` may find a cue of for `token` (it finds none in any other):
        asking about every section, check these first instead of matching each."""
        lemma, lower = _lower_lemma(token), token.lower_
        found = self._sections_by_word.get(lemma, frozenset())
        if lower != lemma:
            found = found | self._sections_by_word.get(lower, frozenset())
        return found | _ALWAYS_ASKED

    def polarity_sections(self, kind: str) -> Iterator[tuple[str, str]]:
        """(section, polarity) for every section of a kind: "act" -> ("act critical", "critical")..."""
        yield from self._kinds.get(kind, ())


# spaCy's hash of a lemma -> the lemma lower-cased: `match` is asked about each token for a dozen
# sections, and building the lemma's string anew each time was a tenth of the stance rules' CPU.
# A hash names one string in every document and process; cleared when large.
_LOWER_LEMMAS: dict[int, str] = {}


def _lower_lemma(token: Token) -> str:
    key = token.lemma
    found = _LOWER_LEMMAS.get(key)
    if found is None:
        if len(_LOWER_LEMMAS) >= 200_000:
            _LOWER_LEMMAS.clear()
        found = _LOWER_LEMMAS[key] = token.lemma_.lower()
    return found


# `match` reads this section's words differently (a capitalised title's plural): always asked.
_ALWAYS_ASKED = frozenset({"protected"})


@functools.lru_cache(maxsize=4)
def load_cues(path: Path | None = None) -> CueBook:
    return CueBook.load(path)


def _dateline(token: Token) -> bool:
    """A place in capitals opening a wire story ("NAIROBI, Oct 3 -")."""
    return (
        token.is_upper
        and len(token.text) > 2
        and token.i == token.sent.start + (1 if token.sent[0].is_space else 0)
    )


def _dependent(token: Token, lemma: str) -> Token | None:
    """A dependent of token (or of its particle/preposition) with the given lemma."""
    for child in token.children:
        if child.lemma_.lower() == lemma or child.lower_ == lemma:
            return child
    if lemma == "with" and token.pos_ == "VERB":
        # "discussed the crisis with Pompeo": the parser hangs the partner on the object.
        for child in token.children:
            if child.dep_ == "dobj":
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ == "with":
                        return prep
    return None


@dataclass(frozen=True)
class _Edge:
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    polarity: str
    cue: Token
    negated: bool = False
    # A known relation stated as context ("Russia and Iran, as supporters of the Assad regime"),
    # not a claim of the one whose words it is in.
    context: bool = False
