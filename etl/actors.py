"""Actors: the gazetteer, and resolving an article's mentions to actors.

Resolution runs in passes over one article, each adding mentions that do not overlap earlier ones:
1. gazetteer names and aliases, demonyms ("Russian"), and capitals when they act ("Moscow said");
2. spaCy PERSON (and multi-word ORG) entities the gazetteer lacks, which become new actors with a
   country inferred from their title or appositive ("Russia's ambassador to Canada, X");
3. later references to the article's people: surnames ("Mr. Dion", "Darchiev"), titles
   ("the diplomat", "Canada's Foreign Minister") and subject pronouns ("she said").
"""

from __future__ import annotations

import bisect
import csv
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.tokens import Doc

from etl import leadscan, places
from etl.docindex import DocIndex
from etl.leadscan import LeadScan
from etl.types import ACTOR_KINDS, Actor, Mention

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


@dataclass
class _Person:
    actor_id: str
    roles: set[str] = field(default_factory=set)
    gender: str | None = None  # "m" or "f" when the text tells


@dataclass
class _Resolution:
    """Working state of one article's resolution."""

    doc: Doc
    article_id: str
    gazetteer: Gazetteer
    mentions: list[Mention] = field(default_factory=list)
    new_actors: dict[str, Actor] = field(default_factory=dict)
    people: dict[str, _Person] = field(default_factory=dict)
    taken: list[tuple[int, int]] = field(default_factory=list)  # sorted
    longest_taken: int = 0
    # (char_start, -order, mention), sorted: the mentions before an offset, latest first,
    # without sorting every mention for every pronoun and title
    by_start: list[tuple[int, int, Mention]] = field(default_factory=list)
    text: str = ""  # doc.text, kept: spaCy rebuilds it on every access
    dateline_country: str | None = None
    # Discovered people whose country no words of their own gave (none, or the page's guess):
    # a later full mention with its own title ("Canada's Immigration Minister X") may still.
    # actor id -> where that first mention started: only another mention may give the country.
    unowned: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.text = self.doc.text

    def overlaps(self, start: int, end: int) -> bool:
        # `taken` is kept sorted, and no span is longer than `longest_taken`: only the spans
        # starting in (start - longest, end) can overlap, found by bisection.
        lo = bisect.bisect_right(self.taken, (start - self.longest_taken, end))
        hi = bisect.bisect_left(self.taken, (end,))
        return any(s < end and start < e for s, e in self.taken[lo:hi])

    def add(self, start: int, end: int, actor_id: str, how: str) -> None:
        bisect.insort(self.taken, (start, end))
        self.longest_taken = max(self.longest_taken, end - start)
        mention = Mention(self.article_id, actor_id, start, end, self.text[start:end], how)
        bisect.insort(self.by_start, (start, -len(self.mentions), mention))
        self.mentions.append(mention)

    def mentions_within(self, left: int, right: int) -> list[Mention]:
        """Mentions lying inside text[left:right], in the order they were found."""
        lo = bisect.bisect_left(self.by_start, (left,))
        hi = bisect.bisect_left(self.by_start, (right,))
        inside = [item for item in self.by_start[lo:hi] if item[2].char_end <= right]
        return [mention for _, _, mention in sorted(inside, key=lambda item: -item[1])]

    def mentions_before(self, before: int) -> Iterator[Mention]:
        """Mentions starting before offset `before`, latest first (on a tie, the one found
        first): `sorted(mentions, key=start, reverse=True)` cut at `before`, without the sort."""
        i = bisect.bisect_left(self.by_start, (before,))
        while i > 0:
            i -= 1
            yield self.by_start[i][2]

    def actor(self, actor_id: str) -> Actor | None:
        return self.new_actors.get(actor_id) or self.gazetteer.actors.get(actor_id)


def resolve_mentions(
    doc: Doc, article_id: str, gazetteer: Gazetteer, known: dict[str, Actor] | None = None
) -> tuple[list[Mention], list[Actor]]:
    """All actor mentions of one parsed article, and the actors it introduces.

    `known` holds actors discovered in earlier articles, so a person keeps one id across the corpus.
    """
    from etl import actor_discovery  # it imports this module's helpers

    state = _Resolution(doc=doc, article_id=article_id, gazetteer=gazetteer)
    _match_acronym_definitions(state, known or {})
    actor_discovery.claim_before_gazetteer(state, known or {})
    _match_gazetteer(state)
    _match_government_forces(state)
    _discover_entities(state, known or {})
    actor_discovery.claim_after_entities(state, known or {})
    _match_loyal_forces(state)
    _discover_titled_people(state, known or {})
    _collect_person_profiles(state)
    _match_surnames(state)
    _match_titles(state)
    _match_org_references(state)
    _match_group_nouns(state)
    _match_pronouns(state)
    mentions = sorted(state.mentions, key=lambda m: (m.char_start, m.char_end))
    return mentions, list(state.new_actors.values())


# A wire dateline opening a paragraph: "WEISSENHAUS, Germany --", "GENEVA (Reuters) —".
_DATELINE = re.compile(
    r"(?m)^(?P<city>[A-Z][A-Z .'\u2019-]{2,40})(?:,\s*[A-Z][\w .]{1,30})?"
    r"(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([^)\n]{1,40}\))?\s*(?:--|\u2014|\u2013)\s"
)


def _match_gazetteer(state: _Resolution) -> None:
    text = state.text.replace("\u2019", "'")
    datelines = []
    generic: list[tuple[int, int, SurfaceForm]] = []
    for match in _DATELINE.finditer(text):
        datelines.append(match.span())
        # "OTTAWA —": the capital, written in capitals, names the story's home country.
        city = state.gazetteer.find(match.group("city").strip().title())
        for _s, _e, form in city:
            actor = state.gazetteer.actors[form.actor_id]
            if form.how == "capital" and not state.dateline_country:
                state.dateline_country = actor.actor_id
    for start, end, form in state.gazetteer.find(text):
        if any(s <= start and end <= e for s, e in datelines):
            # The place a story was filed from is not an actor in it, but its country is the
            # likeliest home of officials the story names without a country.
            actor = state.gazetteer.actors[form.actor_id]
            state.dateline_country = state.dateline_country or (
                actor.actor_id if actor.kind == "country" else actor.country_id
            )
            continue
        if _is_furniture_caps(text, start, end) or state.overlaps(start, end):
            continue
        if form.how == "capital" and _is_place(text, start):
            continue
        if (
            form.how == "demonym"
            and end < len(text)
            and text[end : end + 1] == "-"
            and text[start].islower()
        ):
            continue
        if _generic_force(state.gazetteer, form):
            generic.append((start, end, form))
            continue
        state.add(start, end, form.actor_id, form.how)
    # "government forces" names the gazetteer's army only in a story about its country; in a
    # story about Sudan or Yemen they are that country's forces (its government's side).
    for start, end, form in generic:
        home = _force_home(state, start)
        owner = state.gazetteer.actors[form.actor_id].country_id
        state.add(start, end, home if home and home != owner else form.actor_id, form.how)


# "Saudi-backed", "Iran-allied", "US-led": a country named as another force's backer.
_BACKER_SUFFIX = re.compile(r"-(?:backed|led|allied|supported|sponsored|funded|aligned|armed)\b")


def _force_home(state: _Resolution, before: int) -> str | None:
    """The country whose government's forces an unnamed "government forces" are: the story's
    dominant country, not counting a country the story names as someone's backer ("Saudi-backed",
    "US-led")."""
    backers = {m.actor_id for m in state.mentions if _BACKER_SUFFIX.match(state.text, m.char_end)}
    return _dominant_country(state, before, leave_out=backers)


# Armed forces named by their side, not their country: "Government troops", "pro-government
# militias", "regime forces" (the gazetteer's lower-case aliases cover some of these already).
_GOVERNMENT_FORCES = re.compile(
    r"(?<![\w-])(?:[Pp]ro-)?(?:[Gg]overnment|[Rr]egime|[Jj]unta)(?:-(?:allied|aligned|backed))?"
    r"\s+(?:troops|forces|soldiers|militias?|fighters|army|military|units)(?!\w)"
)


def _home_force(state: _Resolution, country: str) -> str:
    """The gazetteer's army of `country` when it has one (its "government forces"), else the country."""
    for actor in state.gazetteer.actors.values():
        if (
            actor.kind == "government"
            and actor.country_id == country
            and any(a == a.lower() and a.split()[-1] in _FORCE_WORDS for a in actor.aliases)
        ):
            return actor.actor_id
    return country


def _match_government_forces(state: _Resolution) -> None:
    """'Government troops' in a story about Ethiopia are Ethiopia's (its government's side)."""
    for match in _GOVERNMENT_FORCES.finditer(state.text):
        start, end = match.span()
        if state.overlaps(start, end):
            continue
        home = _force_home(state, start)
        if home:
            state.add(start, end, _home_force(state, home), "alias")


# "forces loyal to the TPLF", "fighters loyal to Tripoli": the side they are loyal to.
_LOYAL_FORCES = re.compile(
    r"(?<!\w)(?P<phrase>(?:[Ff]orces|[Tt]roops|[Ff]ighters|[Mm]ilitias?|[Ss]oldiers|[Uu]nits|[Gg]unmen)"
    r"\s+(?:loyal|allied)\s+to)\s+(?:the\s+)?"
)


def _match_loyal_forces(state: _Resolution) -> None:
    for match in _LOYAL_FORCES.finditer(state.text):
        start, end = match.span()
        phrase_end = match.end("phrase")
        if state.overlaps(start, phrase_end):
            continue
        actor_id = None
        after = [m for m in state.mentions_within(end, end + 80) if m.char_start == end]
        if after:
            actor_id = after[0].actor_id
        else:
            # A capital after "to" is not kept as a mention (a place), but here it is the side.
            tail = state.text[end : end + 80].replace("\u2019", "'")
            for s, _e, form in state.gazetteer.find(tail):
                if s == 0:
                    actor_id = form.actor_id
                break
        if actor_id:
            state.add(start, phrase_end, actor_id, "reference")


# "The Libyan National Army (LNA)": a name defined with its acronym in brackets. Connectors
# may sit inside the name ("Tigray People's Liberation Front", "Forces of Freedom and Change").
_ACRONYM_DEFINITION = re.compile(r"(?<=\s)\((?P<acronym>[A-Z][A-Za-z]?[A-Z]{1,6})\)")
_NAME_CONNECTORS = {"of", "for", "and", "the", "de", "du", "des", "la", "al", "el", "&"}


def _defined_name(before: str, acronym: str) -> str | None:
    """The shortest run of capitalised words ending `before` whose initials spell `acronym`."""
    words = before.split()
    if not words:
        return None
    for n in range(1, min(len(words), 10) + 1):
        run = words[-n:]
        if run[0].lower() in _NAME_CONNECTORS:
            continue
        capitalised = [w for w in run if w.lower() not in _NAME_CONNECTORS]
        if any(not w[0].isupper() or not w[0].isalpha() for w in capitalised):
            return None
        initials = "".join(w[0] for w in capitalised)
        if initials.upper() == acronym.upper():
            return " ".join(run)
        if len(initials) > len(acronym):
            return None
    return None


# Names that make a side of a conflict or a politics: forces, movements, parties, blocs (a
# "Prime Minister's Office (PMO)" is left to the government's own references).
_SIDE_WORDS = re.compile(
    r"\b(?:Forces|Army|Militias?|Brigades?|Battalions?|Front|Guards?|Legion|Corps|Rebels|"
    r"Mujahideen|Fighters|Liberation|Resistance|Movement|Party|Congress|Alliance|Coalition|"
    r"Union|League|Community|Group)\b"
)


def _match_acronym_definitions(state: _Resolution, known: dict[str, Actor]) -> None:
    """An organisation the gazetteer lacks, defined with its acronym, is an actor: its name and
    every later use of the acronym ("the LNA claims") are its mentions. Without this pass the
    demonym inside the name ("Libyan") would stand for the country."""
    text = state.text.replace("\u2019", "'")
    gazetteer = state.gazetteer
    country_words: dict[str, str] | None = None
    for match in _ACRONYM_DEFINITION.finditer(text):
        acronym = match.group("acronym")
        line_start = text.rfind("\n", 0, match.start()) + 1
        name = _defined_name(text[max(line_start, match.start() - 120) : match.start()], acronym)
        if not name or len(name.split()) < 2:
            continue
        if (
            gazetteer._by_text.get(name)
            or gazetteer._by_lower.get(name.lower())
            or gazetteer._by_text.get(acronym)
            or {w.lower() for w in name.split()} & _ORG_STOPWORDS
            or not _SIDE_WORDS.search(name)
        ):
            continue  # the gazetteer's own names resolve in the next pass
        start = match.start() - 1 - len(name)
        if text[start : start + len(name)] != name:
            continue
        actor_id = slugify(name)
        if actor_id not in state.new_actors:
            if country_words is None:
                country_words = gazetteer.country_words()
            country = _country_inside_name(name, country_words) or _owner_before(
                state, start, country_words
            )
            previous = known.get(actor_id)
            state.new_actors[actor_id] = Actor(
                actor_id=actor_id,
                name=name,
                kind=_organisation_kind(name, "", country),
                country_id=country or (previous.country_id if previous else None),
                aliases=(acronym,),
                source="discovered",
            )
        uses = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])|(?<![\w-]){acronym}(?![\w-])")
        for use in uses.finditer(text, start):
            if not state.overlaps(*use.span()):
                state.add(
                    use.start(), use.end(), actor_id, "name" if use.group(0) == name else "alias"
                )


# Last words of a lower-case alias that names a country's armed forces without naming the country.
_FORCE_WORDS = {"forces", "troops", "army", "military"}


def _generic_force(gazetteer: Gazetteer, form: SurfaceForm) -> bool:
    actor = gazetteer.actors[form.actor_id]
    words = form.text.split()
    return (
        form.how == "alias"
        and actor.kind == "government"
        and actor.country_id is not None
        and form.text == form.text.lower()
        and words[-1] in _FORCE_WORDS
    )


def _is_furniture_caps(text: str, start: int, end: int) -> bool:
    """Short all-caps aliases ("US", "WHO") inside an all-caps line are page furniture, not actors."""
    token = text[start:end]
    if not (token.isupper() and len(token.replace(".", "")) <= 3):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) > len(token) and all(c.isupper() for c in letters)


# Policy nouns after which a capital is the government they are aimed at ("sanctions on
# Damascus", "relations with Moscow"), not a place.
_POLICY_NOUNS = {
    "sanction", "sanctions", "embargo", "pressure", "restrictions", "ties", "relations", "talks",
    "dialogue", "negotiations", "demands", "ultimatum", "recognition", "support", "backing",
    "criticism", "aid", "assistance", "rapprochement", "engagement",
}  # fmt: skip


def _is_place(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start].split()
    if not before or before[-1].lower().strip(",") not in _PLACE_PREPOSITIONS:
        return False
    return not (len(before) >= 2 and before[-2].lower() in _POLICY_NOUNS)


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


def _clean_entity_name(text: str) -> str:
    text = re.sub(r"['\u2019]s$", "", text.strip())
    words = text.split()
    while len(words) > 1 and words[0].lower().strip(".,") in _TITLE_WORDS:
        words.pop(0)
    return " ".join(words).strip(" ,.;:-\u2014")


def _discover_entities(state: _Resolution, known: dict[str, Actor]) -> None:
    """PERSON and ORG entities the gazetteer lacks become actors of their own."""
    country_words = state.gazetteer.country_words()
    for ent in state.doc.ents:
        if ent.label_ not in ("PERSON", "ORG"):
            continue
        name = _clean_entity_name(ent.text)
        start = ent.start_char + ent.text.find(name) if name in ent.text else ent.start_char
        end = start + len(name)
        if not name or state.overlaps(start, end) or "\n" in name:
            continue
        words = name.split()
        label = ent.label_
        if label == "ORG" and _after_title(state, start) and all(_is_name_word(w) for w in words):
            label = "PERSON"  # "spokesperson Leila Navabi" tagged ORG is still a person
        if label == "PERSON":
            if len(words) < 2 or not all(_is_name_word(w) for w in words):
                continue  # a lone given name or surname is too ambiguous to found an actor on
            if words[0].lower() in _NAME_PARTICLES:
                # "Al Bashir said" after "Mohammed Al Bashir": a surname, not a new person.
                earlier = _person_with_surname(state, name, start)
                if earlier is not None:
                    state.add(start, end, earlier, "surname")
                    continue
            kind = "person"
        else:
            if (
                len(words) < 2
                or not name[0].isupper()
                or {w.lower() for w in words} & _ORG_STOPWORDS
            ):
                continue
            kind = "organization"
        gazetteer_id = state.gazetteer.actor_for_name(name)
        if gazetteer_id is None and is_known_place(name):
            continue  # "Eastern Ghouta", "Khan Younis", "Aleppo Governorate": a place, not an actor
        actor_id = gazetteer_id or slugify(name)
        _note_spelling(state, actor_id, name)
        if kind == "person" and actor_id in state.unowned:
            _own_country_later(state, start, end, actor_id, country_words)
        if actor_id not in state.gazetteer.actors and actor_id not in state.new_actors:
            previous = known.get(actor_id)
            country = None
            if kind == "person":
                country, own = _infer_country_how(state, start, end, country_words)
                if not own:
                    state.unowned[actor_id] = start
            if kind == "organization":
                country = _country_inside_name(name, country_words) or _owner_before(
                    state, start, country_words
                )
                kind = _organisation_kind(name, state.text[end : end + 80], country)
            state.new_actors[actor_id] = Actor(
                actor_id=actor_id,
                name=name,
                kind=kind,
                country_id=country or (previous.country_id if previous else None),
                aliases=particle_aliases(name) if kind == "person" else (),
                source="discovered",
            )
        state.add(start, end, actor_id, "name")


def _note_spelling(state: _Resolution, actor_id: str, name: str) -> None:
    """A gazetteer actor the text names by a spelling variant ("Vassily Nebenzya",
    "Volodymyr Zelenskiy"): the variant becomes one of its aliases in the warehouse (the
    gazetteer's copy itself is not changed; `load.merge_actors` adds the alias)."""
    actor = state.actor(actor_id)
    if actor is None or actor.source != "gazetteer" or name == actor.name or name in actor.aliases:
        return
    if state.gazetteer.actors.get(actor_id) is None or variant_key(name) is None:
        return
    state.new_actors[actor_id] = replace(actor, aliases=(*actor.aliases, name))


def _person_with_surname(state: _Resolution, surname: str, before: int) -> str | None:
    """The person named last before `before` whose name ends in `surname`, spelling variants
    folded ("Al Bashir" -> "Mohammed al-Bashir")."""
    tail = variant_words(surname)
    if not tail:
        return None
    for mention in state.mentions_before(before):
        actor = state.actor(mention.actor_id)
        if actor is None or actor.kind != "person":
            continue
        words = variant_words(actor.name)
        if len(words) > len(tail) and words[-len(tail) :] == tail:
            return actor.actor_id
    return None


# Discovered organisations by what their name or description says they are: a force or
# movement that fights is an armed group ("the Forces of Freedom and Justice Militia", "X, a
# paramilitary group"), a union or league of states intergovernmental ("East African Community",
# "International Contact Group"). A country's own "Armed Forces" are its government.
_ARMED_WORDS = re.compile(
    r"\b(?:Forces|Army|Militias?|Brigades?|Battalions?|Front|Guards?|Legion|Corps|Rebels|"
    r"Mujahideen|Fighters|Liberation|Resistance|Insurgents?)\b"
)
_ARMED_DESCRIPTION = re.compile(
    r"^,?\s+(?:an?|the)\s+(?:\w+\s+){0,3}?(?:paramilitary|militia|rebel|armed|insurgent|"
    r"jihadist|separatist|guerrilla)\b",
    re.I,
)
_BLOC_WORDS = re.compile(
    r"\b(?:Union|League|Community|Contact Group|Cooperation Council|Co-operation Council|"
    r"Organi[sz]ation of|Group of)\b"
)
_PARTY_WORDS = re.compile(r"\b(?:Party|Congress|Assembly|Parliament|Coalition|Alliance)\b")


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


def _organisation_kind(name: str, after: str, country: str | None) -> str:
    """armed_group, government, intergovernmental or organization for a discovered organisation,
    from its name and the description right after it."""
    if _PARTY_WORDS.search(name):
        return "organization"  # a party or parliament: named forces in it are not fighters
    if re.search(r"\bArmed Forces\b|\bArmy\b", name) and country:
        return "government"  # "Sudanese Armed Forces": the country's own military
    if _ARMED_WORDS.search(name) or _ARMED_DESCRIPTION.match(after):
        return "armed_group"
    if _BLOC_WORDS.search(name):
        return "intergovernmental"
    return "organization"


def _after_title(state: _Resolution, start: int) -> bool:
    before = state.text[max(0, start - 40) : start].rstrip(" ,").lower()
    last = before.split()[-1] if before.split() else ""
    return last in state.gazetteer.roles or last in _TITLE_WORDS - {"the"}


def _is_name_word(word: str) -> bool:
    """'Assad', 'al-Saqqaf', 'bin', 'de': a word that can stand in a person's name."""
    head = re.split(r"[-\u2019']", word, maxsplit=1)[0].lower()
    return (
        word[:1].isupper()
        or word.lower() in _NAME_PARTICLES
        or (head in _NAME_PARTICLES and "-" in word)
    )


def _discover_titled_people(state: _Resolution, known: dict[str, Actor]) -> None:
    """Names right after a title that NER missed: "Deputy Foreign Minister, Mehmet Aydın,"."""
    country_words = state.gazetteer.country_words()
    roles = sorted(state.gazetteer.roles, key=len, reverse=True)
    name_word = (
        r"(?:[A-Z][\w\u2019'.-]*[\w.]|(?:al|el|bin|ibn|de|van|von|der|da|di)(?:-[A-Z][\w'-]*)?)"
    )
    pattern = re.compile(
        r"(?<!\w)(?i:" + "|".join(re.escape(r) for r in roles) + r"),?\s+"
        rf"({name_word}(?:\s+{name_word}){{1,3}})(?=[,.;:\s])"
    )
    for match in pattern.finditer(state.text):
        name = _clean_entity_name(match.group(1))
        words = name.split()
        start = match.start(1) + match.group(1).find(name)
        end = start + len(name)
        if len(words) < 2 or not words[0][:1].isupper() or not words[-1][:1].isupper():
            continue
        if state.overlaps(start, end) or any(w.strip(".,") in country_words for w in words):
            continue
        if any(
            w.lower().strip(".,") in _TITLE_WORDS or w.lower() in state.gazetteer.roles
            for w in words
        ):
            continue
        gazetteer_id = state.gazetteer.actor_for_name(name)
        if gazetteer_id is None and is_known_place(name):
            continue
        actor_id = gazetteer_id or slugify(name)
        add_discovered_person(state, start, end, actor_id, name, known, country_words)


def add_discovered_person(
    state: _Resolution,
    start: int,
    end: int,
    actor_id: str,
    name: str,
    known: dict[str, Actor],
    country_words: dict[str, str],
) -> None:
    """A person the text names at [start, end): a new actor unless the gazetteer or this article
    already has `actor_id`, with the country the words around the name give (else the one an
    earlier article gave them), and a mention."""
    _note_spelling(state, actor_id, name)
    if actor_id in state.unowned:
        _own_country_later(state, start, end, actor_id, country_words)
    if actor_id not in state.gazetteer.actors and actor_id not in state.new_actors:
        previous = known.get(actor_id)
        country, own = _infer_country_how(state, start, end, country_words)
        if not own:
            state.unowned[actor_id] = start
        state.new_actors[actor_id] = Actor(
            actor_id=actor_id,
            name=name,
            kind="person",
            country_id=country or (previous.country_id if previous else None),
            aliases=particle_aliases(name),
            source="discovered",
        )
    state.add(start, end, actor_id, "name")


def _own_country_later(
    state: _Resolution, start: int, end: int, actor_id: str, country_words: dict[str, str]
) -> None:
    """A later full mention of a discovered person whose first gave no country of their own
    (a headline's "Immigration Minister X Hangs Up", a bare "Prime Minister X" the page's
    country was guessed for): the country this mention's own title or appositive names
    ("Canada's Immigration Minister X, facing ..."), which outranks a guess."""
    actor = state.new_actors.get(actor_id)
    if actor is None or actor.kind != "person" or start == state.unowned.get(actor_id):
        return  # the first mention again, seen by another pass: no new words of its own
    # Its own title only: a person listed beside it ("speeches from X and Y") says nothing new.
    country, own = _infer_country_how(state, start, end, country_words, conjuncts=False)
    if own and country:
        state.new_actors[actor_id] = replace(actor, country_id=country)
        state.unowned.pop(actor_id, None)


def _owner_before(state: _Resolution, start: int, country_words: dict[str, str]) -> str | None:
    """ "India's Ministry of External Affairs", "the Indian Ministry of ...": the country just before."""
    before = state.text[max(0, start - 40) : start].replace("\u2019", "'")
    match = re.search(r"(?:^|\s)((?:[A-Z][\w.-]*\s?){1,3}?)(?:'s)?\s*$", before)
    if not match:
        return None
    return country_words.get(match.group(1).strip())


def _country_inside_name(name: str, country_words: dict[str, str]) -> str | None:
    for word, country in country_words.items():
        # The substring test first: compiling a pattern for each of a thousand words is slow.
        if word in name and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", name):
            return country
    return None


# Where the title phrase before a name starts: a clause boundary. A period after a lone capital
# ("U.S.", "U.K.'s") ends an abbreviation, not the clause.
# Conjunctions of time and cause end it too: "comes a day after Peruvian President X" is Peru's,
# not that of a body named earlier in the clause.
_TITLE_CUT = re.compile(
    r"(?<!\b[A-Z])\.|[;:!?\"\u201c\u201d]|,\s(?!the\b)|"
    r"\b(?:and|said|says|told|with|by|that|after|before|when|while|since|because)\b"
)
# Where an appositive title after a name ends: a quotation or a verb of saying ("X, Minister of
# Health said, \u201cour partners, the United Nations Refugee Agency ...\u201d" is no UN title).
_APPOSITIVE_END = re.compile(r"[\"\u201c\u201d]|\b(?:said|says|told|added|stated)\b")
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


# A party word before an office noun names a portfolio, not a party: "Training and Labour
# Minister X", "the Labour Department", "Labour market".
_PORTFOLIO_AFTER = (
    r"(?!\s+(?:[Mm]inist(?:er|ry)|[Ss]ecretary|[Dd]epartment|[Oo]ffice|[Rr]elations|[Mm]arket|"
    r"[Ff]orce|[Cc]ode|[Dd]ay)\b)"
)


def load_parties(path: Path | None = None) -> list[tuple[re.Pattern[str], tuple[str, ...]]]:
    """Party forms -> the countries that have such a party (rules/parties.txt), longest first."""
    path = path or RULES_DIR / "parties.txt"
    parties: list[tuple[str, tuple[str, ...]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        forms, countries = line.rsplit(":", 1)
        ids = tuple(c.strip() for c in countries.split(",") if c.strip())
        parties.extend((f.strip(), ids) for f in forms.split("|") if f.strip())
    parties.sort(key=lambda item: -len(item[0]))
    # A whole word; a form glued to the next capitalised word still counts ("ConservativeParliamentary
    # Secretary" on a parliament's label line), but not an acronym inside a longer one ("LD" in "LDP").
    return [
        (
            re.compile(
                rf"(?<![A-Za-z0-9]){re.escape(form)}(?![a-z0-9])(?!(?<=[A-Z])[A-Z])"
                + _PORTFOLIO_AFTER
            ),
            ids,
        )
        for form, ids in parties
    ]


_PARTIES: list[tuple[re.Pattern[str], tuple[str, ...]]] = load_parties()
# A byline or credit names a writer or photographer, not a member: "By X", "Photo: X".
_BYLINE_PREFIX = re.compile(
    r"\b(?:[Bb]y|BY|[Ww]ritten|[Rr]eport(?:ed|ing)|[Ee]dited|[Cc]redit|[Pp]hoto(?:graph)?:|[Ii]mage:)"
)
# What follows a member's name on a label line: his riding or party in parentheses, a colon and
# his speech, or a capitalised riding or party ("X NDP Ottawa Centre, ON"); never an appositive
# comma of prose, nor nothing at all (a name alone on a line may be a caption or a byline).
_LABEL_START = re.compile(r"\s*(?:\(|:|[A-Z])")
# "Sen. X (R-Texas)", "Rep. X, D-Calif.,": the US habit of a party letter before the state.
_US_PARTY_STATE = re.compile(r"(?:^|[(,]\s*)[RDI]-[A-Z][a-z]*\.?")
# A parliament's record puts the member's party after the name on its label line: "X
# (Islington North) (Lab):", "Photo of X X Labour/Co-operative, Manchester Central".
_LABEL_PREFIX_MAX = 40
_LABEL_MAX = 100
_PARENTHESES_AFTER = re.compile(r"(?:\s*\([^()\n]{1,60}\))+")


def _party_country(
    state: _Resolution, before: str, appositive: str, start: int, end: int
) -> str | None:
    """The country of the party a person's own words name: in the title before the name, the
    appositive after it, parentheses right after it, or the rest of a short label line the name
    opens. When the party's name is used in several countries, the one the page names most."""
    text = state.text
    phrases = [before, appositive]
    parentheses = _PARENTHESES_AFTER.match(text, end)
    if parentheses:
        phrases.append(parentheses.group(0))
    line_start = text.rfind("\n", 0, end) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    prefix = text[line_start:start]
    rest = text[end:line_end]
    if (
        len(prefix) <= _LABEL_PREFIX_MAX
        and line_end - end <= _LABEL_MAX
        and all(w[:1].isupper() or w.lower() in ("of", "the", "hon.") for w in prefix.split())
        and not _BYLINE_PREFIX.search(prefix)
        and _LABEL_START.match(rest)
    ):
        label = re.split(r":|[\"\u201c\u201d]", rest, maxsplit=1)[0]
        label = _APPOSITIVE_END.split(label, maxsplit=1)[0]
        # A label names; a headline acts ("X slams Labour's silence" is no member of Labour).
        span = state.doc.char_span(end, end + len(label), alignment_mode="expand")
        if span is not None and not any(t.pos_ in ("VERB", "AUX") for t in span):
            phrases.append(label)
    candidates: tuple[str, ...] = ()
    for phrase in phrases:
        if not phrase:
            continue
        if _US_PARTY_STATE.search(phrase):
            candidates = ("united-states",)
            break
        for pattern, ids in _PARTIES:
            if pattern.search(phrase):
                candidates = ids
                break
        if candidates:
            break
    candidates = tuple(c for c in candidates if c in state.gazetteer.actors)
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    # The whole page's country names (a label line may come before any of them is resolved).
    counts = dict.fromkeys(candidates, 0)
    for _s, _e, form in state.gazetteer.find(text):
        if form.actor_id in counts:
            counts[form.actor_id] += 1
    best = max(counts.values())
    return next(c for c in candidates if counts[c] == best)


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
    if not name.doc.text[: name.start_char].rstrip().endswith(","):
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
        + name.doc.text[head.idx + len(head.text) : name.start_char]
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


# Titles of the United Nations secretariat, which no country holds.
# "undersecretary-general" and "Under Secretary General" as wire copy spells them (real_dev8).
_UN_TITLE = re.compile(
    r"\b(?:Under[- ]?Secretary[- ]General|(?:Assistant|Deputy)\s+Secretary[- ]General|"
    r"Emergency Relief Coordinator|(?:Resident|Humanitarian) Coordinator|"
    r"Special Representative of the Secretary-General)\b",
    re.I,
)
# A demonym is the state as a sentence's subject only before a word for the state: "Australian
# government", "Russian officials"; "Syrian refugees" are a people, not the state.
_OFFICIAL_NOUN = re.compile(
    r"\s+(?:\w+\s+)?(?:government|authorities|officials?|ministry|minister|president|"
    r"prime minister|embassy|ambassador|delegation|foreign|defen[cs]e|state|leaders?|army|"
    r"military|forces|troops|navy|police)\b",
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


_GOVERNMENT_TITLE = re.compile(
    r"\b(?:[Mm]inist(?:er|ry)|[Ss]pokes(?:man|woman|person)|[Aa]rmy|[Mm]ilitary|[Pp]resident|"
    r"[Pp]rime [Mm]inister|[Aa]mbassador|[Gg]overnment|[Ss]ecretary)\b"
)


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


def _collect_person_profiles(state: _Resolution) -> None:
    """Roles and gender of each person named in full, for later titles and pronouns."""
    text = state.text
    role_words = sorted(state.gazetteer.roles, key=len, reverse=True)
    role_pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(r) for r in role_words) + r")(?!\w)", re.I
    )
    for mention in state.mentions:
        actor = state.actor(mention.actor_id)
        if actor is None or actor.kind != "person" or mention.how not in ("name", "alias"):
            continue
        person = state.people.setdefault(actor.actor_id, _Person(actor.actor_id))
        before = text[max(0, mention.char_start - 70) : mention.char_start]
        before = re.split(r"[.;!?\"\u201c\u201d]|\b(?:and|said|says|told)\b", before)[-1]
        after = re.match(
            r",\s+(?:the|a|an|who is)\s+([^,.;]{3,80})",
            text[mention.char_end : mention.char_end + 90],
        )
        for phrase in (before, after.group(1) if after else ""):
            for match in role_pattern.finditer(phrase):
                person.roles.update(state.gazetteer.roles[match.group(1).lower()])
                person.roles.add(match.group(1).lower())
        honorific = re.search(
            rf"({_HONORIFICS})\s*$", text[max(0, mention.char_start - 6) : mention.char_start]
        )
        if honorific:
            person.gender = "f" if honorific.group(1).rstrip(".") in _FEMALE_HONORIFICS else "m"
    # Gender from a possessive right after the name with no other person between.
    for mention in state.mentions:
        person = state.people.get(mention.actor_id)
        if person is None or person.gender:
            continue
        window = text[mention.char_end : mention.char_end + 80]
        window = re.split(r"[.;!?]", window)[0]
        match = re.search(r"\b(his|her|he|she)\b", window, re.I)
        if match and not re.search(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b", window[: match.start()]):
            person.gender = "m" if match.group(1).lower() in ("his", "he") else "f"


def _surname(name: str) -> str | None:
    words = name.split()
    if len(words) < 2:
        return None
    # Keep particles with the surname: "Ferry de Kerckhove" -> "de Kerckhove".
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in _NAME_PARTICLES:
        i -= 1
    surname = " ".join(words[i:])
    return surname if len(surname) > 2 else None


def _add_surname(surnames: dict[str, str], name: str, actor_id: str) -> None:
    """The surname of `name` and its short forms, as keys for `actor_id` (the first kept)."""
    surname = _surname(name)
    if not surname:
        return
    for variant in _apostrophe_variants(surname):
        surnames.setdefault(variant, actor_id)
        if variant.lower().startswith(("al-", "al ", "el-", "el ", "de ", "van ", "von ")):
            short = (
                variant.split("-", 1)[-1]
                if variant.lower().startswith(("al-", "el-"))
                else variant.split(" ", 1)[-1]
            )
            surnames.setdefault(short, actor_id)
            surnames.setdefault(short[0].upper() + short[1:], actor_id)


def _match_surnames(state: _Resolution) -> None:
    """Later surname mentions ("Mr. Dion", "Darchiev said") of people named in full."""
    surnames: dict[str, str] = {}
    # The names the article itself wrote for each person, a spelling variant of the gazetteer's
    # among them ("Vassily Nebenzya ... Nebenzya added").
    written: dict[str, list[str]] = {}
    for mention in state.mentions:
        if mention.how == "name" and mention.actor_id in state.people:
            written.setdefault(mention.actor_id, []).append(mention.text)
    for actor_id in list(state.people):
        actor = state.actor(actor_id)
        if actor is None:
            continue
        for name in dict.fromkeys([actor.name, *written.get(actor_id, ())]):
            _add_surname(surnames, name, actor_id)
    if not surnames:
        return
    pattern = re.compile(
        rf"(?<!\w)(?:{_HONORIFICS}\s+)?("
        + "|".join(re.escape(s) for s in sorted(surnames, key=len, reverse=True))
        + r")(?!\w)"
    )
    first_named = {m.actor_id: m.char_start for m in state.mentions if m.actor_id in state.people}
    for match in pattern.finditer(state.text):
        start, end = match.span()
        actor_id = surnames[match.group(1)]
        if state.overlaps(start, end) or start < first_named.get(actor_id, 0):
            continue
        state.add(start, end, actor_id, "surname")


def _titles_pattern(gazetteer: Gazetteer) -> re.Pattern:
    """Roles, after "the" (and a demonym) or a country's possessive: built once per gazetteer."""
    if gazetteer._titles is None:
        words = sorted(
            {w for ws in gazetteer.roles.values() for w in ws} | set(gazetteer.roles),
            key=len,
            reverse=True,
        )
        country_words = gazetteer.country_words()
        owner = "|".join(re.escape(w) for w in sorted(country_words, key=len, reverse=True))
        gazetteer._titles = re.compile(
            rf"(?<!\w)(?:(?P<the>[Tt]he)\s+(?:(?P<demonym>{owner})\s+)?|(?P<owner>{owner})['\u2019]s\s+)"
            rf"(?P<role>(?i:" + "|".join(re.escape(w) for w in words) + r"))(?!\w)(?!\s+[A-Z][a-z])"
        )
        # Where a match can start: "the"/"The" and a space, or a country word's first letter
        # with a possessive "'s" close enough behind it to end that word.
        leads = "".join(sorted({w[0] for w in country_words if w}))
        longest = max((len(w) for w in country_words), default=0)
        # (Without country words, only "the" can start one: an empty character class would not
        # compile.)
        owned = rf"|[{re.escape(leads)}](?=[\s\S]{{0,{longest}}}['\u2019]s\s)" if leads else ""
        gazetteer._title_starts = re.compile(rf"(?<!\w)(?:[Tt]he\s{owned})")
    return gazetteer._titles


def _match_titles(state: _Resolution) -> None:
    """'the diplomat', 'the Russian leader', "Canada's Foreign Minister" -> a person named earlier."""
    if not state.people:
        return
    country_words = state.gazetteer.country_words()
    pattern = _titles_pattern(state.gazetteer)
    text = state.text
    for match in leadscan.scan(pattern, state.gazetteer._title_starts, text):
        start, end = match.span()
        if state.overlaps(match.start("role"), match.end("role")):
            continue
        if (
            match.group("the")
            and state.overlaps(start, match.start("role"))
            and not match.group("demonym")
        ):
            continue
        country_text = match.group("demonym") or match.group("owner")
        country = country_words.get(country_text) if country_text else None
        if country_text and country is None:
            country = country_words.get(country_text[0].upper() + country_text[1:])
        person = _latest_person(state, start, role=match.group("role").lower(), country=country)
        if person:
            # The span is the role itself, so "Canada" in "Canada's Foreign Minister" stays a mention.
            state.add(match.start("role"), end, person, "title")


def load_org_references(path: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Nouns that refer back to an organisation -> the actor kinds they may mean (rules file)."""
    path = path or RULES_DIR / "org_references.txt"
    refs: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if ":" in line:
            noun, kinds = line.split(":", 1)
            refs[noun.strip().lower()] = tuple(k.strip() for k in kinds.split(",") if k.strip())
    return refs


def _names_contain(actor: Actor, noun: str) -> bool:
    return any(noun in name.lower() for name in (actor.name, *actor.aliases))


ORG_REFERENCES = load_org_references()


def _match_org_references(state: _Resolution, window: int = 1500) -> None:
    """'The ministry said...' -> the government body named most recently; 'the regime' -> its country."""
    nouns = {n.rstrip("!"): n for n in ORG_REFERENCES}
    alternatives = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    # "The Council urged ...", "The Ministry said ...": house styles capitalise the noun too.
    pattern = re.compile(
        r"(?<!\w)[Tt]he\s+((?i:" + alternatives + r"))(?!\w)(?!\s+of\s+(?!\w+ing\b))"
    )
    for match in pattern.finditer(state.text):
        start, end = match.span()
        if state.overlaps(start, end):
            continue
        noun = nouns[match.group(1).lower()]
        kinds = ORG_REFERENCES[noun]
        named = noun.endswith("!")
        noun = noun.rstrip("!")
        for mention in state.mentions_before(start):
            if start - mention.char_start > window:
                break
            actor = state.actor(mention.actor_id)
            if actor is None:
                continue
            if actor.kind not in kinds and not _ministry_named(actor, noun):
                continue
            if (noun == "regime" or named) and not _names_contain(actor, noun):
                continue
            state.add(start, end, actor.actor_id, "reference")
            break
        else:
            if "government" in kinds:
                # "Russian Foreign Minister Lavrov ... The ministry said": the official's government.
                country = _latest_official_country(state, start, window) or _dominant_country(
                    state, start
                )
                if country:
                    # "the army" in a story about Sudan: Sudan's army when the gazetteer has one.
                    body = _national_body(state, country, noun) if named else None
                    state.add(start, end, body or country, "reference")
            elif named:
                # "the opposition" in a story about Syria: Syria's one gazetteer actor so named.
                country = _dominant_country(state, start)
                group = _named_group(state, country, noun, kinds) if country else None
                if group:
                    state.add(start, end, group, "reference")


def _ministry_named(actor: Actor, noun: str) -> bool:
    """ "Britain's Ministry of Defense ... the ministry said", "the Gaza Health Ministry ... the
    ministry": a ministry the gazetteer or discovery keeps as an organisation is still one."""
    return (
        noun in ("ministry", "department")
        and actor.kind in ("organization", "organisation")
        and _names_contain(actor, noun)
    )


# Armed groups named by a common noun, with or without "the": "Rebels in Syria's south said",
# "fighting against militants", "opposition-held areas", "armed opposition groups". Plain
# "opposition groups" may be parties or civic groups, and is left alone.
_GROUP_NOUNS = re.compile(
    r"(?<![\w-])(?:[Tt]he\s+)?(?:(?P<qualifier>anti-[\w-]+|non-state)\s+)?"
    r"(?P<noun>opposition\s+(?:forces|fighters)"
    r"|armed\s+opposition(?:\s+(?:groups|formations|factions|forces|fighters))?"
    r"|(?:armed|militant|rebel)\s+groups"
    r"|[Rr]ebels|[Ii]nsurgents|[Mm]ilitants|[Rr]ebel(?=-held|\s+strongholds?\b)"
    r"|[Oo]pposition(?=-held))(?![\w])"
)
# The opposition named beside the government it opposes, without "the" or a noun of its own:
# "peace talks between the Syrian government and opposition", "the opposition and government
# delegations" (conventions: the story country's armed opposition).
_PAIRED_OPPOSITION = re.compile(
    r"(?:\b(?:government|regime)\s+and\s+(?:the\s+)?(?P<after>opposition)"
    r"|(?<![\w-])(?P<before>opposition)\s+and\s+(?:the\s+)?government)"
    r"(?![\w-])(?!\s+(?:leaders?|part(?:y|ies)|figures?|politicians?|lawmakers?|MPs?|umbrella"
    r"|groups?|coalition|council|committee|bloc|alliance)\b)"
)
# The word a common noun must share with the story country's gazetteer group when no group was
# named just before ("rebels" -> "Syrian rebels", "Houthi rebels").
_GROUP_WORDS = {"rebel": "rebel", "insurgent": "insurgent", "militant": "militant"}
# Militants and insurgents with no group of that name are the story's armed opposition
# ("the United States and Jordan, which support the militants" in a story about Syria).
_FALLBACK_WORDS = {"militant": ("rebel", "opposition"), "insurgent": ("rebel", "opposition")}


def _match_group_nouns(state: _Resolution, window: int = 1500) -> None:
    """A common noun for an armed group: the armed group named last (within a few paragraphs),
    else the one gazetteer armed group of the story's country whose names share the noun
    ("rebels" in a story about Syria are the Syrian opposition). A noun after a capitalised word
    ("Kurdish rebels", "Tuareg militants") names another group and is left alone."""
    for match in _GROUP_NOUNS.finditer(state.text):
        start, end = match.span()
        noun = match.group("noun").lower()
        if match.group("qualifier"):
            # "anti-Damascus militant groups", "non-state armed groups": the groups, not the
            # place their qualifier names.
            start = match.start("noun")
        elif noun in ("armed groups", "rebel groups"):
            continue  # plain "armed groups" may be anyone's
        if state.overlaps(start, end):
            continue
        before = state.text[max(0, start - 40) : start].rstrip()
        last = before.rsplit(None, 1)[-1] if before.split() else ""
        if last[:1].isupper() and not last.endswith((".", ":", "\u201c", '"')) and last != "The":
            continue
        word = next((w for k, w in _GROUP_WORDS.items() if noun.startswith(k)), "opposition")
        found = None
        for mention in state.mentions_before(start):
            if start - mention.char_start > window:
                break
            actor = state.actor(mention.actor_id)
            if actor is not None and actor.kind == "armed_group":
                # "opposition groups" are not whichever armed group came last (Hezbollah).
                if word != "opposition" or _names_contain(actor, word):
                    found = actor.actor_id
                    break
        for fallback in (word, *_FALLBACK_WORDS.get(word, ())):
            if found is None:
                found = _story_group(state, fallback)
        if found:
            state.add(start, end, found, "reference")
    for match in _PAIRED_OPPOSITION.finditer(state.text):
        name = "after" if match.group("after") else "before"
        start, end = match.span(name)
        if not state.overlaps(start, end):
            group = _story_group(state, "opposition")
            if group:
                state.add(start, end, group, "reference")


def _story_group(state: _Resolution, word: str) -> str | None:
    """The gazetteer armed group named with `word` of the most mentioned country that has one
    ("Rebels in Syria's south" in a story that names Russia more often than Syria)."""
    counts: dict[str, int] = {}
    for mention in state.mentions:
        actor = state.actor(mention.actor_id)
        if actor is not None and actor.kind == "country" and mention.how != "capital":
            counts[actor.actor_id] = counts.get(actor.actor_id, 0) + 1
    for country in sorted(counts, key=lambda c: (-counts[c], c)):
        group = _named_group(state, country, word, ("armed_group",))
        if group:
            return group
    return None


def _named_group(state: _Resolution, country: str, noun: str, kinds: Sequence[str]) -> str | None:
    """The one gazetteer actor of `country` of the first of `kinds` that has one, named `noun`."""
    for kind in kinds:
        found = [
            a.actor_id
            for a in state.gazetteer.actors.values()
            if a.kind == kind and a.country_id == country and _names_contain(a, noun)
        ]
        if found:
            return found[0] if len(found) == 1 else None
    return None


def _national_body(state: _Resolution, country: str, noun: str) -> str | None:
    """The one government body of `country` in the gazetteer whose names contain `noun`."""
    bodies = [
        a.actor_id
        for a in state.gazetteer.actors.values()
        if a.kind == "government" and a.country_id == country and _names_contain(a, noun)
    ]
    return bodies[0] if len(bodies) == 1 else None


def _latest_official_country(state: _Resolution, before: int, window: int) -> str | None:
    for mention in state.mentions_before(before):
        if before - mention.char_start > window:
            break
        person = state.people.get(mention.actor_id)
        actor = state.actor(mention.actor_id)
        if (
            person
            and actor
            and actor.country_id
            and {"minister", "official", "spokesperson"} & person.roles
        ):
            country = state.actor(actor.country_id)
            if country is not None and country.kind == "country":
                return country.actor_id
    return None


class _Spans:
    """Character spans (quotes), merged and sorted: `offset in spans` by bisection."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(s for s in spans if s[0] < s[1]):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [start for start, _ in merged]
        self._ends = [end for _, end in merged]

    def __contains__(self, offset: int) -> bool:
        k = bisect.bisect_right(self._starts, offset) - 1
        return k >= 0 and offset < self._ends[k]


def _latest_person(
    state: _Resolution,
    before: int,
    *,
    role: str | None = None,
    country: str | None = None,
    gender: str | None = None,
    window: int = 2500,
    subject_only: bool = False,
    outside: _Spans | None = None,
    known_gender: bool = False,
) -> str | None:
    """The most recently mentioned person before `before` that fits the role, country and gender."""
    candidates = (m for m in state.mentions_before(before) if m.actor_id in state.people)
    for mention in candidates:
        if before - mention.char_start > window:
            break
        if subject_only and _is_oblique(state, mention):
            continue
        if outside is not None and mention.char_start in outside:
            continue
        person = state.people[mention.actor_id]
        actor = state.actor(mention.actor_id)
        if role and role not in person.roles:
            continue
        if country and actor and actor.country_id != country:
            continue
        if gender and person.gender and person.gender != gender:
            continue
        if known_gender and person.gender != gender:
            continue
        return mention.actor_id
    return None


def _is_oblique(state: _Resolution, mention: Mention) -> bool:
    span = state.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ in ("compound", "appos", "flat"):
        root = root.head
    while root.dep_ == "conj" and root.head is not root:
        # "turning his sights towards Russia and Assad": a conjunct has its first one's role
        root = root.head
    return root.dep_ in ("poss", "pobj", "dobj", "iobj", "npadvmod", "attr")


_GLUED_QUOTES = "\"'\u201c\u201d\u2018\u2019"
_PRONOUN_REACH = 1500  # characters searched back for a person whose gender the text gave


def _match_pronouns(state: _Resolution) -> None:
    """Subject 'he'/'she' resolved to the most recent compatible person, within two sentences.

    People named inside quotation marks are skipped: in '“Nobody, Mr. Kerry, has the right,”
    he said' the speaker addresses Kerry, he is not Kerry.
    """
    from etl.statements import find_quotes  # statements does not import actors: no cycle

    quoted = _Spans((q.start, q.end) for q in find_quotes(state.text))
    for token in state.doc:
        # A closing quote glued to the pronoun ('accountable.”She thanked') is one token.
        lower = token.lower_.lstrip(_GLUED_QUOTES)
        if lower not in ("he", "she") or token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        start = token.idx + len(token.text) - len(lower)
        gender = "m" if lower == "he" else "f"
        index = DocIndex.of(state.doc)
        sent_start = index.sentence_of(token).start_char  # `token.sent` walks the sentence
        previous = index.sentences_ending_by(sent_start)[-2:]
        window_start = previous[0].start_char if previous else sent_start
        window = token.idx - window_start + 1
        # A pronoun subject usually continues the previous sentence's subject, not a possessor or
        # object ("Dion urged Assad's regime ... he told reporters" is Dion).
        actor_id = _latest_person(
            state, token.idx, gender=gender, window=window, subject_only=True, outside=quoted
        )
        actor_id = actor_id or _latest_person(
            state, token.idx, gender=gender, window=window, outside=quoted
        )
        # Nobody within two sentences: the latest person known to be of that gender, further
        # back (a paragraph of quotation between the name and "she added").
        actor_id = actor_id or _latest_person(
            state,
            token.idx,
            gender=gender,
            window=_PRONOUN_REACH,
            outside=quoted,
            known_gender=True,
        )
        if actor_id:
            person = state.people[actor_id]
            person.gender = person.gender or gender
            state.add(start, token.idx + len(token.text), actor_id, "pronoun")
