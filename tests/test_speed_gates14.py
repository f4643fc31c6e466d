"""Speed work that must change no row: the date patterns' word gates and the kept alias keys of
the place gazetteer give exactly what the slower paths give."""

from __future__ import annotations

import json
from datetime import date

import pytest

from etl import dates, places
from etl.types import PartialDate

PUBLISHED = PartialDate(date(2021, 3, 17), "day")

# Written for this test in the style of wire copy: every kind of date the patterns know, and
# sentences that look like dates to a reader but hold none of the gated words.
SENTENCES = [
    "The envoy met rebel leaders in Geneva on Monday, Nov. 9, 2020, and again on 2020-11-11.",
    "Talks resumed on 7 September 2018 after a pause since 2015 in the capital.",
    "Aid convoys reached the town in March this year, two weeks after the ceasefire.",
    "A week ago Sunday, the council met; two days ago it voted on a 2017 bilateral agreement.",
    "Officials said this weekend's session would run until late May.",
    "Later this month the agency will publish figures, as it did last week and yesterday.",
    "The WEEKEND talks (written with a Kelvin sign: WEE\u212aEND) ended without a deal.",
    "He returned three days AGO and will leave next Tuesday.",
    "Refugees crossed the border in their thousands, the spokesman said.",
    "The mayor, Mr Day, spoke of the dayshift at the hospital.",
    "Jansen and Marchetti said the Octagon was full; Decker agreed.",
    "About 25,000 people fled the fighting in 2016, by the end of 2016 some 4,000 had returned.",
    "Since August 2011 the war has killed hundreds of thousands.",
    "",
]


def _ungated(text: str, published: PartialDate | None) -> list[dates.DateMention]:
    """What `_find_dates` gives when every pattern runs, gated or not."""
    real = dates._could_match
    dates._could_match = lambda _text: dates.GATES
    try:
        return dates._find_dates(text, published)
    finally:
        dates._could_match = real


@pytest.mark.parametrize("sentence", SENTENCES)
def test_gated_date_patterns_find_what_every_pattern_finds(sentence):
    for published in (PUBLISHED, None):
        assert dates._find_dates(sentence, published) == _ungated(sentence, published)


def test_the_gates_skip_sentences_without_their_words():
    assert dates._could_match("Refugees crossed the border, the spokesman said.") == frozenset()
    gates = dates._could_match("On Monday, Nov. 9, 2020, a week ago, this weekend, this year")
    assert gates == dates.GATES
    # A case-insensitive pattern's word is found in any case, the Kelvin sign included.
    assert "weekend" in dates._could_match("WEE\u212aEND")
    assert "ago" in dates._could_match("Three days AGO")


def test_the_gated_sentences_still_find_their_dates():
    found = dates.find_dates(SENTENCES[0], PUBLISHED)
    assert [m.text for m in found] == ["Monday, Nov. 9, 2020", "2020-11-11"]
    assert [m.text for m in dates.find_dates(SENTENCES[7], PUBLISHED)] == [
        "three days AGO",
        "next Tuesday",
    ]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(places.CACHE_ENV, str(folder))
    return folder


def _aliases(g: places.Gazetteer) -> dict[str, list[int]]:
    return {key: [c.geonameid for c in cities] for key, cities in g.city_aliases.items()}


def _fresh(path):
    g = places.build(path)
    g._aliases = None
    return g


def test_kept_alias_keys_give_the_same_lookups_as_folding_them(cache):
    from etl.actors import DEFAULT_GAZETTEER

    built = places.build(DEFAULT_GAZETTEER)  # folds the keys and keeps them
    (kept,) = cache.glob("alias-keys-*.json")
    folded = _aliases(built)
    assert _aliases(_fresh(DEFAULT_GAZETTEER)) == folded  # read back from the file
    assert "halab" in folded and "idleb" in folded
    # Without a cache file the keys are folded here, the same.
    kept.unlink()
    assert _aliases(places.Gazetteer(raw_aliases=built.raw_aliases)) == folded


def test_damaged_or_foreign_alias_keys_are_folded_again(cache):
    from etl.actors import DEFAULT_GAZETTEER

    folded = _aliases(places.build(DEFAULT_GAZETTEER))
    (kept,) = cache.glob("alias-keys-*.json")
    kept.write_text('[["trunc', encoding="utf-8")
    assert _aliases(_fresh(DEFAULT_GAZETTEER)) == folded
    rewritten = json.loads(kept.read_text(encoding="utf-8"))  # folded again and kept whole
    assert isinstance(rewritten, list) and any("halab" in keys for keys in rewritten)
    # A file anyone could have written is never read: planted keys change no lookup.
    planted = [["planted"] for _ in json.loads(kept.read_text(encoding="utf-8"))]
    kept.write_text(json.dumps(planted), encoding="utf-8")
    kept.chmod(0o666)
    again = _aliases(_fresh(DEFAULT_GAZETTEER))
    assert again == folded and "planted" not in again


def test_the_alias_keys_file_is_named_after_the_folding_rules(cache, monkeypatch):
    first = places._alias_cache_path()
    monkeypatch.setattr(places.unicodedata, "unidata_version", "0.0.0")
    assert places._alias_cache_path() != first


# Probes: sentences whose words open a gate (a month's stem, "day", "ago", "weekend", "year")
# but that hold no date; the gated and the ungated scans must both find nothing.
PROBES = [
    "Marchers gathered outside the embassy in a peaceful protest.",
    "Mayors of three towns signed the appeal to the governor.",
    "Decker and Novak, two aid workers, were released unharmed.",
    "Augusta and Octavia, two cousins, fled Aleppo with their children.",
    "Holidaymakers avoided the region after the bombing.",
    "Aid groups in Chicago raised funds for the refugees, the organisers said.",
    "Weekender magazines ran the pictures on their covers.",
    "The agency's yearly report lists the camps by size.",
    "The Janjaweed militia was blamed for the raids, the Sudanese minister said.",
    "Aprils Fool jokes are banned, a junta spokesman said.",
]


@pytest.mark.parametrize("sentence", PROBES)
def test_gate_words_without_a_date_find_no_date(sentence):
    assert dates._could_match(sentence)  # some gate is open
    for published in (PUBLISHED, None):
        assert dates._find_dates(sentence, published) == []
        assert _ungated(sentence, published) == []
