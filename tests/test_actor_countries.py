"""Countries of the people the ETL discovers, and places that NER tags as people or organisations."""

import pytest

from etl.actors import is_known_place, resolve_mentions


@pytest.fixture(scope="module")
def discovered(nlp, gazetteer):
    def run(text):
        _, new = resolve_mentions(nlp(text), "a1", gazetteer)
        return {a.name: a for a in new}

    return run


def test_an_abbreviated_country_before_a_title_is_the_persons(discovered):
    found = discovered(
        'Russia vetoed the resolution again. "Children are enduring hell," U.K.\'s ambassador to '
        "the UN, Matthew Rycroft, wrote on Twitter. U.S. deputy ambassador to the UN, Michele "
        "Sison, blamed Moscow for the failure."
    )
    assert found["Matthew Rycroft"].country_id == "united-kingdom"
    assert found["Michele Sison"].country_id == "united-states"


def test_an_appositive_with_an_abbreviated_country_gives_the_persons(discovered):
    found = discovered(
        "Russia blocked the resolution. David Pressman, the deputy U.S. ambassador to the UN, "
        "said Russia had become an obstacle."
    )
    assert found["David Pressman"].country_id == "united-states"


def test_a_minister_without_a_country_belongs_to_the_country_the_story_has_speak(discovered):
    # Syria is named most, but Canada is the one that condemns and says: the minister's home.
    found = discovered(
        "Canada condemned the veto on Syria. The war in Syria has gone on for years, and the "
        "people of Syria are starving. Canada said it would keep up aid to Syria. "
        '"This is a failure," Foreign Minister Alan Porteous said on Saturday.'
    )
    assert found["Alan Porteous"].country_id == "canada"


def test_a_person_coordinated_with_a_titled_one_takes_the_others_country(discovered):
    found = discovered(
        "The prime minister will hold meetings with President Hu Jintao and Chinese Premier "
        "Wen Jiabao in Beijing."
    )
    assert found["Hu Jintao"].country_id == "china"


def test_a_bylines_demonym_surname_gives_no_country_to_the_coauthor(discovered):
    found = discovered("By Tom Miles and John Irish\n\nThe talks resumed in Geneva on Monday.")
    assert found.get("Tom Miles") is None or found["Tom Miles"].country_id != "ireland"


@pytest.mark.parametrize(
    "name", ["Eastern Ghouta", "Khan Younis", "El Fasher", "Aleppo Governorate", "Akkar District"]
)
def test_a_known_place_is_a_place(name):
    assert is_known_place(name)


@pytest.mark.parametrize(
    "name", ["John Baird", "Jaish al-Islam", "Rapid Support Forces", "Human Rights Watch"]
)
def test_people_and_groups_are_not_places(name):
    assert not is_known_place(name)


def test_places_tagged_as_people_or_organisations_are_not_actors(discovered):
    found = discovered(
        "Shelling hit Khan Younis on Monday, and aid could not reach Eastern Ghouta. Fighting "
        "spread around El Fasher, said Ahmed Salih Osman, a spokesman for the displaced."
    )
    assert not {"Khan Younis", "Eastern Ghouta", "El Fasher"} & set(found)
    assert "Ahmed Salih Osman" in found


def test_a_country_the_actor_gazetteer_lacks_stays_an_actor():
    assert not is_known_place("Saint Lucia")
    assert not is_known_place("Trinidad and Tobago")


@pytest.mark.parametrize(
    "sentence",
    [
        "Canada's Foreign Minister Alan Porteous condemned the veto on Syria.",
        "Canadian Foreign Minister Alan Porteous condemned the veto on Syria.",
        "The Minister of Foreign Affairs of Canada, Alan Porteous, condemned the veto on Syria.",
        "Alan Porteous, the minister of foreign affairs of Canada, condemned the veto on Syria.",
    ],
)
def test_the_country_in_a_ministers_title_is_the_ministers(discovered, sentence):
    assert discovered(sentence)["Alan Porteous"].country_id == "canada"
