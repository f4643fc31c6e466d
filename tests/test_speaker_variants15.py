"""Spelling variants of one person's or body's name resolve to one actor (statements15).

Across real_dev, real_dev5 … real_dev12, a wrong speaker was often a second actor founded on a
variant spelling: a transliteration of a gazetteer name ("Nebenzya" for "Nebenzia"), a British
spelling of a gazetteer body ("Organisation"), or the Arabic article written apart ("Al Bashir"
after "Mohammed Al Bashir", where gold writes "al-Bashir"). Sentences written for these tests."""

import pytest

from etl.actors import particle_aliases, variant_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Vassily Nebenzya", "Vassily Nebenzia"),
        ("International Organisation for Migration", "International Organization for Migration"),
        ("Ashraf al Qudra", "Ashraf al-Qudra"),
        ("Mohammed Al Bashir", "Mohammed al-Bashir"),
        ("Sergey Lavrov", "Sergei Lavrov"),
        ("Youssef Rahman", "Yusef Rahman"),
    ],
)
def test_variant_keys_agree(a, b):
    assert variant_key(a) == variant_key(b) is not None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ahmed Hassan", "Ahmed Hussein"),
        ("John Baird", "John Bird"),
        ("Security Council", "Security Committee"),
    ],
)
def test_other_names_keep_their_keys(a, b):
    assert variant_key(a) != variant_key(b)


def test_single_words_have_no_key():
    assert variant_key("Nebenzya") is None
    assert variant_key("Al Bashir") is None


def test_gazetteer_variant_of_envoy(gazetteer):
    assert gazetteer.actor_for_name("Vassily Nebenzya") == "vassily-nebenzia"
    assert gazetteer.actor_for_name("International Organisation for Migration") == "iom"
    assert gazetteer.actor_for_name("Vassily Smith") is None


def test_variant_and_its_surname_resolve_to_gazetteer_person(resolve):
    text = (
        "Russia's envoy to the United Nations Vassily Nebenzya said on Friday that the talks "
        "had failed. Nebenzya added that Moscow would not back the draft."
    )
    mentions, new = resolve(text)
    assert "vassily-nebenzya" not in new
    ids = {m.text: m.actor_id for m in mentions}
    assert ids.get("Vassily Nebenzya") == "vassily-nebenzia"
    assert ids.get("Nebenzya") == "vassily-nebenzia"


def test_particle_surname_joins_the_full_name(resolve):
    text = (
        "Syria's new Prime Minister Mohammed Al Bashir called on refugees to come home. "
        "Al Bashir said the government would rebuild the country."
    )
    mentions, new = resolve(text)
    assert "al-bashir" not in new
    assert [m.actor_id for m in mentions if m.text == "Al Bashir"] == ["mohammed-al-bashir"]
    assert "Mohammed al-Bashir" in new["mohammed-al-bashir"].aliases


def test_particle_aliases():
    assert particle_aliases("Ashraf al Qudra") == ("Ashraf al-Qudra",)
    assert particle_aliases("Nabil El Araby") == ("Nabil el-Araby",)
    assert particle_aliases("Ashraf al-Qudra") == ()
    assert particle_aliases("Alan Smith") == ()


def test_variant_spelling_becomes_an_alias_of_the_gazetteer_actor(resolve, gazetteer):
    text = "Ukrainian President Volodymyr Zelenskiy said on Monday that the shelling went on."
    mentions, new = resolve(text)
    assert [m.actor_id for m in mentions if m.text == "Volodymyr Zelenskiy"] == [
        "volodymyr-zelensky"
    ]
    noted = new["volodymyr-zelensky"]
    assert "Volodymyr Zelenskiy" in noted.aliases
    assert (noted.kind, noted.country_id, noted.source) == ("person", "ukraine", "gazetteer")
    assert "Volodymyr Zelenskiy" not in gazetteer.actors["volodymyr-zelensky"].aliases


def test_merge_adds_variant_aliases_to_gazetteer_rows(gazetteer):
    from dataclasses import replace

    from etl.load import merge_actors

    base = gazetteer.actors["vassily-nebenzia"]
    seen = replace(base, aliases=(*base.aliases, "Vassily Nebenzya"), kind="organization")
    merged = {a.actor_id: a for a in merge_actors([base], [seen])}["vassily-nebenzia"]
    assert merged.kind == "person"
    assert merged.aliases == (*base.aliases, "Vassily Nebenzya")
