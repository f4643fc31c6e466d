"""Actors found from how the text names them (`etl.actor_discovery`): news outlets, bodies whose
name holds a country, and people spaCy glued onto the body of their title."""

import pytest

from etl.actors import Gazetteer, resolve_mentions


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.load()


@pytest.fixture(scope="module")
def resolve(nlp, gazetteer):
    def run(text):
        mentions, new = resolve_mentions(nlp(text), "a1", gazetteer)
        return [(m.text, m.actor_id) for m in mentions], {a.actor_id: a for a in new}

    return run


# --- news outlets ---------------------------------------------------------------------------


def test_outlet_named_with_a_media_noun_is_a_media_actor(resolve):
    mentions, new = resolve(
        "Officials in Baghdad declined to comment, but the independent newspaper Al-Sabah said the "
        "convoy had crossed the border."
    )
    assert ("Al-Sabah", "al-sabah") in mentions
    assert new["al-sabah"].kind == "media"


def test_outlet_named_before_its_channel_noun(resolve):
    mentions, new = resolve(
        "The rebel-run al-Mayadeen TV reported three strikes on the port city overnight."
    )
    assert [a.kind for a in new.values()] == ["media"]
    media = next(iter(new.values()))
    assert media.name == "al-Mayadeen"
    assert "al-Mayadeen TV" in media.aliases
    assert any(text == "al-Mayadeen TV" for text, _ in mentions)


def test_news_agency_keeps_its_usual_name_as_an_alias(resolve):
    _, new = resolve(
        "The minister spoke to reporters in the capital, according to the state-run Bakhtar news "
        "agency."
    )
    agency = new["bakhtar"]
    assert agency.kind == "media"
    assert "Bakhtar Agency" in agency.aliases


def test_listed_outlet_is_not_the_capital_inside_its_name(resolve):
    # "Washington" inside "The Washington Post" is no act of the United States.
    mentions, new = resolve("The Washington Post reported that the talks had stalled.")
    assert ("The Washington Post", "the-washington-post") in mentions
    assert "united-states" not in [actor for _, actor in mentions]
    assert new["the-washington-post"].kind == "media"


def test_listed_one_word_outlet_needs_a_media_context(resolve):
    mentions, _ = resolve(
        "He told CNN that the evacuation would go on. The Guardian of the border post waved them on."
    )
    assert ("CNN", "cnn") in mentions
    assert all(actor != "the-guardian" for _, actor in mentions)


def test_an_organisation_without_a_media_noun_is_no_outlet(resolve):
    _, new = resolve("The Norwegian Refugee Council said the camps were full.")
    assert all(a.kind != "media" for a in new.values())


# --- bodies whose name holds a country ---------------------------------------------------------


def test_council_named_after_a_country_is_its_own_actor(resolve):
    mentions, new = resolve(
        "The minister said Ottawa supports the Libyan National Council and will work with its "
        "members."
    )
    assert ("Libyan National Council", "libyan-national-council") in mentions
    council = new["libyan-national-council"]
    assert council.country_id == "libya"
    assert council.kind != "country"
    assert "libya" not in [actor for _, actor in mentions]


def test_contact_group_on_a_country_keeps_the_country_in_its_name(resolve):
    mentions, new = resolve(
        "Foreign ministers of the Contact Group on Yemen met in Muscat on Tuesday to discuss a truce."
    )
    names = [a.name for a in new.values()]
    assert any(name.endswith("on Yemen") for name in names)
    assert "yemen" not in [actor for _, actor in mentions]


def test_a_state_organ_stays_its_country(resolve):
    mentions, new = resolve(
        "The Iraqi Ministry of Foreign Affairs condemned the strike, and the Iraqi Security "
        "Council met."
    )
    assert not any(a.country_id == "iraq" and a.kind != "person" for a in new.values())
    assert "iraq" in [actor for _, actor in mentions]


# --- people glued onto the body of their title ---------------------------------------------------


def test_ambassador_to_the_un_named_after_the_body(resolve):
    mentions, new = resolve(
        "French ambassador to the UN Nicolas de Riviere told the council the vote was a failure."
    )
    people = [a for a in new.values() if a.kind == "person"]
    assert [p.name for p in people] == ["Nicolas de Riviere"]
    assert people[0].country_id == "france"
    assert ("UN", "united-nations") in mentions


def test_permanent_representative_to_the_united_nations(resolve):
    _, new = resolve(
        "Chinese Permanent Representative to the UN Fu Cong said the draft was unbalanced."
    )
    person = new.get("fu-cong")
    assert person is not None
    assert person.kind == "person"
    assert person.country_id == "china"


# --- what the new actors do downstream -----------------------------------------------------------


@pytest.fixture(scope="module")
def analyser(nlp):
    from etl.pipeline import Analyser

    return Analyser(nlp=nlp)


def _extract(analyser, body: str):
    from datetime import date

    from etl.types import Article

    article = Article("d1", "d1.txt", None, None, None, date(2019, 3, 4), "day", "en", body, "x")
    return analyser.extract(article, analyser.nlp(body))


def test_an_outlet_found_in_the_text_holds_no_stance():
    # "..., the Sky news agency reports": the outlet tells others' acts; they are not its stance.
    from types import SimpleNamespace

    from etl.stance_actors import _ActorLookup
    from etl.types import Actor

    lookup = _ActorLookup()
    lookup.ctx = SimpleNamespace(
        actors={
            "kiwi": Actor("kiwi", "Kiwi", "media", None, source="discovered"),
            "cbc": Actor("cbc", "CBC News", "media", "canada"),
            "acme-relief": Actor(
                "acme-relief", "Acme Relief", "organization", None, source="discovered"
            ),
        }
    )
    assert not lookup.may_hold_stance("kiwi")
    assert lookup.may_hold_stance("cbc")  # a gazetteer outlet's editorial stays its stance
    assert lookup.may_hold_stance("acme-relief")


def test_an_outlet_is_the_speaker_of_what_it_reported(analyser):
    extraction = _extract(
        analyser,
        "The convoy reached the besieged town on Tuesday, the pro-government newspaper Al-Sabah "
        "reported.",
    )
    speakers = {s.speaker_id for s in extraction.statements}
    assert "al-sabah" in speakers


def test_gaza_health_ministry_named_with_its_rulers(resolve):
    mentions, _ = resolve(
        "The Health Ministry in Hamas-run Gaza said on Sunday that 40 people had been killed."
    )
    assert ("Health Ministry in Hamas-run Gaza", "gaza-health-ministry") in mentions


# --- members named on a record's label line ----------------------------------------------------


def test_member_on_a_label_line_with_riding_and_province(resolve):
    mentions, new = resolve(
        "Foreign Affairs\n\nLiberal\n\nMarta Kowalczyk Saskatoon West, SK\n\nMr. Speaker, the "
        "government must do more for the people of Idlib."
    )
    assert ("Marta Kowalczyk", "marta-kowalczyk") in mentions
    assert new["marta-kowalczyk"].kind == "person"
    assert not any("saskatoon" in actor_id for actor_id in new)


def test_member_whose_photo_caption_is_glued_to_the_name(resolve):
    mentions, new = resolve(
        "Dáil debates\n\nPhoto of Niamh BreathnachNiamh Breathnach (Cork North-Central, Labour) "
        "| Oireachtas source\n\nI ask the Minister how many refugees have arrived."
    )
    assert "niamh-breathnach" in new
    assert not any("breathnachniamh" in actor_id for actor_id in new)
    assert mentions.count(("Niamh Breathnach", "niamh-breathnach")) == 2


def test_member_followed_by_party(resolve):
    mentions, _ = resolve(
        "Oral Questions\n\nTomasz Wilkins NDP Hamilton Mountain, ON\n\nMr. Speaker, my question is "
        "for the minister."
    )
    assert ("Tomasz Wilkins", "tomasz-wilkins") in mentions


def test_a_heading_of_common_nouns_is_no_member(resolve):
    _, new = resolve(
        "Population Movements (as of 3 March)\n\nThe movements of population continued in the "
        "north, and aid reached 4,000 families."
    )
    assert not [a for a in new.values() if a.kind == "person"]


def test_an_organisation_with_its_acronym_is_no_member(resolve):
    _, new = resolve(
        "Relief Partners (RPI)\n\nThe group said 2,000 tents were delivered to the camps."
    )
    assert not [a for a in new.values() if a.kind == "person"]
