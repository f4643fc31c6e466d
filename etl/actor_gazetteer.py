"""The actor gazetteer (data/actors.csv) and the word lists the resolution passes share.

Slugs and spelling variants of names, the surface forms of each actor, the role words of
rules/roles.txt, and whether a name is a place below a country (`etl.places`). The passes that
resolve an article's mentions are in `etl.actors` and the `etl.actor_*` modules it calls.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from etl import places
from etl.leadscan import LeadScan
from etl.types import ACTOR_KINDS, Actor

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


DEFAULT_GAZETTEER = DATA_DIR / "actors.csv"


RULES_DIR = Path(__file__).resolve().parent / "rules"


# Prepositions after which a capital city is a place, not its government acting.
_PLACE_PREPOSITIONS = {
    "in", "at", "near", "outside", "around", "across", "into", "from", "inside", "of", "to",
    "toward", "towards", "via", "between", "through", "on", "over", "within", "throughout",
}  # fmt: skip


_HONORIFICS = r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Gen|Sen|Rep|Gov|Sir|Dame)\.?"


_FEMALE_HONORIFICS = {"Mrs", "Ms", "Miss", "Dame"}


_NAME_PARTICLES = {
    "al",
    "de",
    "van",
    "von",
    "der",
    "den",
    "du",
    "la",
    "le",
    "bin",
    "ibn",
    "el",
    "da",
    "di",
    "abu",
}


_ORG_STOPWORDS = {"war", "summit", "conference", "talks", "crisis", "day", "week", "ceasefire"}


# Letters NFKD does not split into a base letter and an accent.
_UNDECOMPOSABLE = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
    }
)


def slugify(name: str) -> str:
    """ASCII slug of a name: 'Stéphane Dion' -> 'stephane-dion'."""
    text = (
        unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSABLE))
        .encode("ascii", "ignore")
        .decode()
    )
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text or "actor"


# Spelling variants a transliteration or house style makes of one name: y/i ("Nebenzya"),
# s/z ("Organisation"), ph/f, ou/u ("Youssef"), doubled letters ("Vassily"), and the article
# "al"/"el" written apart, joined or hyphenated ("al Qudra", "Al-Qudra").
_VARIANT_FOLDS = (("ph", "f"), ("ou", "u"), ("y", "i"), ("z", "s"))


def variant_key(name: str) -> str | None:
    """A key equal for spelling variants of one name of two words or more, else None."""
    joined = variant_words(name)
    key = " ".join(joined)
    return key if len(joined) >= 2 and len(key) >= 8 else None


def variant_words(name: str) -> list[str]:
    """The words of a name folded for spelling variants (`variant_key`)."""
    text = slugify(re.sub(r"^[Tt]he\s+", "", name.strip()))
    words = [w for w in text.split("-") if w]
    folded = []
    for word in words:
        for old, new in _VARIANT_FOLDS:
            word = word.replace(old, new)
        folded.append(re.sub(r"(.)\1+", r"\1", word))
    # "al Qudra" and "alqudra": an article joins the word after it.
    joined: list[str] = []
    for word in folded:
        if joined and joined[-1] in ("al", "el"):
            joined[-1] = "al" + word
        else:
            joined.append(word)
    return joined


def particle_aliases(name: str) -> tuple[str, ...]:
    """The usual English spelling of a person's name written with the article apart:
    "Mohammed Al Bashir" -> "Mohammed al-Bashir"."""
    joined = re.sub(r"(?<=\s)([Aa]l|[Ee]l)\s+(?=[A-Z])", lambda m: m.group(1).lower() + "-", name)
    return (joined,) if joined != name else ()


# "UN refugee agency" is also written "the UN's refugee agency": an acronym owner, possessive.
_ACRONYM_OWNER = re.compile(r"^((?:[A-Z]\.){2,4}|[A-Z]{2,4}) (?=\w)")


def _apostrophe_variants(text: str) -> set[str]:
    forms = {text}
    if len(text.split()) >= 3 and _ACRONYM_OWNER.match(text):
        forms.add(_ACRONYM_OWNER.sub(r"\1's ", text))
    return {v for f in forms for v in (f, f.replace("'", "\u2019"), f.replace("\u2019", "'"))}


@dataclass(frozen=True)
class SurfaceForm:
    text: str
    actor_id: str
    how: str  # name, alias, demonym, capital


@dataclass
class Gazetteer:
    """Canonical actors and the surface forms that name them."""

    actors: dict[str, Actor]
    forms: list[SurfaceForm]
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _pattern: re.Pattern | None = field(default=None, repr=False)
    _scan: LeadScan | None = field(default=None, repr=False, compare=False)
    _by_text: dict[str, SurfaceForm] = field(default_factory=dict, repr=False)
    _by_lower: dict[str, SurfaceForm] = field(default_factory=dict, repr=False)
    # Built on first use, once per gazetteer rather than once per article.
    _country_words: dict[str, str] | None = field(default=None, repr=False, compare=False)
    _nation_words: dict[str, tuple[str, str]] | None = field(
        default=None, repr=False, compare=False
    )
    _titles: re.Pattern | None = field(default=None, repr=False, compare=False)
    _by_variant: dict[str, str] | None = field(default=None, repr=False, compare=False)
    _title_starts: re.Pattern | None = field(default=None, repr=False, compare=False)

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        path = Path(path) if path else DEFAULT_GAZETTEER
        actors: dict[str, Actor] = {}
        forms: list[SurfaceForm] = []
        with path.open(encoding="utf-8") as handle:
            lines = (line for line in handle if line.strip() and not line.lstrip().startswith("#"))
            for row in csv.DictReader(lines):
                actor_id = row["actor_id"].strip()
                kind = row["kind"].strip()
                if kind not in ACTOR_KINDS:
                    raise ValueError(f"{path}: actor {actor_id!r} has unknown kind {kind!r}")
                aliases = tuple(
                    a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()
                )
                actors[actor_id] = Actor(
                    actor_id=actor_id,
                    name=row["name"].strip(),
                    kind=kind,
                    country_id=(row.get("country_id") or "").strip() or None,
                    aliases=aliases,
                )
                forms.append(SurfaceForm(row["name"].strip(), actor_id, "name"))
                forms.extend(SurfaceForm(a, actor_id, "alias") for a in aliases)
                for field_name, how in (("demonyms", "demonym"), ("capitals", "capital")):
                    values = (row.get(field_name) or "").split("|")
                    forms.extend(SurfaceForm(v.strip(), actor_id, how) for v in values if v.strip())
        return cls(actors=actors, forms=forms, roles=load_roles())

    def __post_init__(self) -> None:
        by_text: dict[str, SurfaceForm] = {}
        for form in self.forms:
            text = form.text[4:] if form.text.lower().startswith("the ") else form.text
            for variant in _apostrophe_variants(text):
                # The first form listed wins: names and aliases before demonyms and capitals.
                by_text.setdefault(variant, SurfaceForm(variant, form.actor_id, form.how))
        self._by_text = by_text
        # Names of two words or more also match in any case ("the UN security council");
        # single words only as written, so "US" is not "us" and "Chad" the country stays capital.
        self._by_lower = {}
        for text, form in by_text.items():
            if len(text.split()) >= 2:
                self._by_lower.setdefault(text.lower(), form)
        alternatives = sorted(by_text, key=len, reverse=True)
        pieces = [
            f"(?i:{re.escape(a)})" if len(a.split()) >= 2 else re.escape(a) for a in alternatives
        ]
        self._pattern = re.compile(rf"(?<![\w])(?:{'|'.join(pieces)})(?![\w])")
        # The same matches, tried only where a word opens with a form's first letter.
        leads = [
            f"(?i:{re.escape(a[0])})" if len(a.split()) >= 2 else re.escape(a[0])
            for a in alternatives
        ]
        self._scan = LeadScan(pieces, leads, suffix=r"(?![\w])")

    def find(self, text: str) -> Iterable[tuple[int, int, SurfaceForm]]:
        """Every non-overlapping gazetteer surface form in text, longest first at each place."""
        for match in self._scan.finditer(text):
            found = match.group(0)
            form = self._by_text.get(found) or self._by_lower[found.lower()]
            yield match.start(), match.end(), form

    def actor_for_name(self, name: str) -> str | None:
        form = self._by_text.get(name)
        if form and form.how in ("name", "alias"):
            return form.actor_id
        return self.actor_for_variant(name)

    def actor_for_variant(self, name: str) -> str | None:
        """The one gazetteer actor whose name or alias of two words or more is a spelling
        variant of `name` (`variant_key`): "Vassily Nebenzya" for "Vassily Nebenzia",
        "International Organisation for Migration", "Ashraf al Qudra" for "Ashraf al-Qudra"."""
        if self._by_variant is None:
            by_variant: dict[str, set[str]] = defaultdict(set)
            for form in self.forms:
                if form.how in ("name", "alias"):
                    key = variant_key(form.text)
                    if key:
                        by_variant[key].add(form.actor_id)
            self._by_variant = {k: next(iter(v)) for k, v in by_variant.items() if len(v) == 1}
        key = variant_key(name)
        return self._by_variant.get(key) if key else None

    def country_words(self) -> dict[str, str]:
        """Country names, aliases and demonyms -> country actor id (for inferring countries)."""
        if self._country_words is None:
            self._country_words = self._build_country_words()
        return dict(self._country_words)  # a copy: a caller may change its own

    def nation_words(self) -> dict[str, tuple[str, str]]:
        """Country names, aliases and demonyms in lower case -> (country actor id, how the word
        names it: name, alias or demonym). Built once per gazetteer; callers must not change it."""
        if self._nation_words is None:
            words: dict[str, tuple[str, str]] = {}
            for text, country in self.country_words().items():
                words.setdefault(text.lower(), (country, self._by_text[text].how))
            self._nation_words = words
        return self._nation_words

    def _build_country_words(self) -> dict[str, str]:
        words = {}
        for text, form in self._by_text.items():
            actor = self.actors[form.actor_id]
            if form.how != "capital":
                words[text] = (
                    actor.actor_id
                    if actor.kind == "country"
                    else (actor.country_id or actor.actor_id)
                )
        return words


def load_roles(path: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Role phrases -> words a later mention may use for the same person (rules/roles.txt)."""
    path = path or RULES_DIR / "roles.txt"
    roles: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        role, words = line.split(":", 1)
        roles[role.strip().lower()] = tuple(
            w.strip().lower() for w in words.split(",") if w.strip()
        )
    return roles


# Words that open a title rather than a name: "Spokeswoman Irina Volkova", "the Honourable X",
# "Brigadier General Y", "Lord Z". Stripped from the front of a PERSON entity.
_TITLE_WORDS = {
    "honourable", "honorable", "hon", "lord", "lady", "sir", "dame", "sheikh", "emir", "king", "queen",
    "prince", "princess", "crown", "pope", "general", "gen", "major", "brigadier", "colonel", "col",
    "lieutenant", "lt", "captain", "capt", "admiral", "marshal", "commander", "sergeant", "president",
    "prime", "minister", "foreign", "defence", "defense", "secretary", "spokeswoman", "spokesman",
    "spokesperson", "ambassador", "envoy", "senator", "sen", "rep", "representative", "governor",
    "mayor", "chancellor", "premier", "deputy", "assistant", "chief", "mr", "mrs", "ms", "miss", "dr",
    "prof", "professor", "judge", "justice", "ayatollah", "imam", "rabbi", "bishop", "father", "former",
    "acting", "interim", "vice", "the",
}  # fmt: skip


def warm_up() -> None:
    """Build now the place gazetteer `is_known_place` asks (see `etl.pipeline.Analyser.warm_up`)."""
    places.default_gazetteer(DEFAULT_GAZETTEER)


def is_known_place(name: str) -> bool:
    """Does the place gazetteer (`etl.places`: regions, named areas, cities of 15,000 people or
    more) know `name` as a place below a country? spaCy often tags "Eastern Ghouta" or "Khan
    Younis" as an organisation or a person; a name the actor gazetteer lacks and the place
    gazetteer has is a place. A country ("Saint Lucia", "Guyana") stays an actor: governments
    stand by their country. Towns under 15,000 people do not count: their names are too often
    people's too."""
    found = places.default_gazetteer(DEFAULT_GAZETTEER).resolve(name)
    return found is not None and found.place.kind != "country"
