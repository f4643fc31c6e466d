"""The compact city records the place gazetteer is built from, and their cache on disk."""

from __future__ import annotations

import json

import pytest

from etl import places


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(places.CACHE_ENV, str(folder))
    return folder


def test_city_records_are_kept_once_derived_and_read_back_the_same(cache):
    derived = places.city_records(places.CITY_POPULATION)
    (kept,) = cache.iterdir()
    assert json.loads(kept.read_text(encoding="utf-8")) == derived
    assert places.city_records(places.CITY_POPULATION) == derived
    aleppo = [r for r in derived if r[1] == "Aleppo" and r[2] == "SY"]
    assert aleppo and "Halab" in aleppo[0][7]  # Latin spellings kept for the alias lookups
    assert all(alias.isascii() for record in derived for alias in record[7])


def test_a_damaged_cache_file_is_derived_again(cache):
    derived = places.city_records(places.CITY_POPULATION)
    (kept,) = cache.iterdir()
    kept.write_text('[[1, "trunc', encoding="utf-8")
    assert places.city_records(places.CITY_POPULATION) == derived
    assert json.loads(kept.read_text(encoding="utf-8")) == derived


def test_a_cache_path_that_is_a_file_still_gives_the_records(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(places.CACHE_ENV, str(blocker))
    records = places.city_records(places.CITY_POPULATION)
    assert len(records) > 20_000 and blocker.read_text(encoding="utf-8") == ""


def test_a_cache_file_others_may_write_is_not_read(cache):
    derived = places.city_records(places.CITY_POPULATION)
    (kept,) = cache.iterdir()
    kept.write_text('[[1, "Planted", "XX", "", 0.0, 0.0, 1, []]]', encoding="utf-8")
    kept.chmod(0o666)  # a shared folder: anyone could have written it
    assert not places.trusted_cache_file(kept)
    assert places.city_records(places.CITY_POPULATION) == derived  # derived again, not read
    kept.chmod(0o644)
    assert places.trusted_cache_file(kept)


def test_a_langid_model_others_may_write_is_not_used(cache):
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    from etl import language

    model = language._decompressed_model(MODEL_DIR / MODEL_FILE)
    model.chmod(0o666)
    with pytest.raises(ValueError):
        language._decompressed_model(MODEL_DIR / MODEL_FILE)
