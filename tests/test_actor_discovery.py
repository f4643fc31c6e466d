"""Actors found from how the text names them (`etl.actor_discovery`): news outlets, bodies whose
name holds a country, people spaCy glued onto the body of their title, and members named on a
record's label line."""

import pytest

from etl.actors import resolve_mentions


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


def test_daily_as_an_adverb_or_adjective_names_no_outlet(resolve):
    _, new = resolve("Residents received daily Popular Mobilization Forces patrols in the town.")
    assert new["popular-mobilization-forces"].kind != "media"
    _, new = resolve("Aid agencies hold a daily Humanitarian Country Team meeting in Sanaa.")
    assert all(a.kind != "media" for a in new.values())


def test_daily_as_a_noun_after_a_possessive_or_adjective_names_an_outlet(resolve):
    mentions, new = resolve("Russia's daily Kommersant said Moscow would veto the resolution.")
    assert ("Kommersant", "kommersant") in mentions
    assert new["kommersant"].kind == "media"
    _, new = resolve("The Israeli daily Haaretz reported that the cabinet had met overnight.")
    assert new["haaretz"].kind == "media"


def test_a_daily_title_is_a_newspaper(resolve):
    mentions, new = resolve("The Daily Sabah reported that Turkish jets struck PKK targets.")
    assert ("Daily Sabah", "daily-sabah") in mentions
    assert new["daily-sabah"].kind == "media"
    _, new = resolve("The Daily Mail reported that the minister had resigned.")
    assert new["daily-mail"].kind == "media"
    _, new = resolve("A senior officer told the Daily Courier that the base had been hit.")
    assert new["daily-courier"].kind == "media"


def test_a_listed_outlet_name_inside_a_person_name_is_the_person(resolve):
    mentions, new = resolve(
        "Former New York mayor Michael Bloomberg said the sanctions were overdue."
    )
    assert ("Michael Bloomberg", "michael-bloomberg") in mentions
    assert "bloomberg" not in new
    mentions, new = resolve("Bloomberg reported that the fund had sold its stake in the port.")
    assert ("Bloomberg", "bloomberg") in mentions
    assert new["bloomberg"].kind == "media"


@pytest.mark.parametrize(
    "text",
    [
        "Two Russian warships sailed to the Atlantic after the drills.",
        "The bill was backed by Independent senators and two Conservatives.",
        "The coalition led by National won the most seats in the New Zealand election.",
        "Moscow offered the Sputnik vaccine to Iran, and Hungary signed a deal with Sputnik V "
        "makers.",
    ],
)
def test_a_short_outlet_name_after_to_with_or_by_is_no_outlet(resolve, text):
    _, new = resolve(text)
    assert not [a for a in new.values() if a.kind == "media"]


def test_an_outlet_spoken_to_is_the_outlet(resolve):
    mentions, new = resolve("Speaking to the Atlantic, the envoy said the talks had stalled.")
    assert new["the-atlantic"].kind == "media"
    assert ("Atlantic", "the-atlantic") in mentions


def test_the_full_short_outlet_name_with_a_verb_is_the_outlet(resolve):
    mentions, new = resolve("The Independent said the minister would resign within days.")
    assert ("The Independent", "the-independent") in mentions
    assert new["the-independent"].kind == "media"


# --- bodies whose name holds a country ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("The Sudanese Sovereignty Council condemned the Ethiopian incursion.", "sudan"),
        (
            "The Iraqi Council of Representatives voted on Sunday to expel US troops, condemning "
            "the American strike.",
            "iraq",
        ),
        ("The Russian Central Election Commission said turnout was 67 percent.", "russia"),
        ("The Afghan High Peace Council said the talks would resume in Doha.", "afghanistan"),
    ],
)
def test_more_state_organs_stay_their_country(resolve, text, country):
    mentions, new = resolve(text)
    assert not [a for a in new.values() if a.kind != "person"]
    assert country in [actor for _, actor in mentions]


def test_a_committee_of_the_parties_is_no_state_organ(resolve):
    mentions, new = resolve(
        "The envoy said the Yemeni Constitutional Committee would meet again in Geneva next month."
    )
    assert ("Yemeni Constitutional Committee", "yemeni-constitutional-committee") in mentions
    assert new["yemeni-constitutional-committee"].country_id == "yemen"


def test_a_body_name_tail_stops_at_a_weekday(resolve):
    mentions, new = resolve(
        "Diplomats from the Contact Group on Libya Tuesday agreed to release frozen funds."
    )
    assert "contact-group-on-libya-tuesday" not in new
    assert ("Contact Group on Libya", "contact-group-on-libya") in mentions


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


def test_a_title_holder_loses_the_possessive(resolve):
    mentions, new = resolve("Israel's ambassador to the UN Gilad Erdan's speech condemned Iran.")
    assert ("Gilad Erdan", "gilad-erdan") in mentions
    assert "gilad-erdan-s" not in new
    assert new["gilad-erdan"].country_id == "israel"


@pytest.mark.parametrize(
    "text",
    [
        "Tuesday Update (Afghanistan)\n\nFlights resumed from Kabul on Tuesday.",
        "Live Updates (Updated 14:00 GMT)\n\nIsraeli strikes hit Rafah overnight.",
        "Tory Rebels Liberal Democrats\n\nThe vote passed by 20.",
        "Election Night Labour Gains\n\nThe party won 40 seats.",
    ],
)
def test_a_headline_or_live_blog_title_is_no_member(resolve, text):
    _, new = resolve(text)
    assert not {"tuesday-update", "live-updates", "tory-rebels", "election-night"} & set(new)


def test_member_with_constituency_and_party_in_brackets(resolve):
    mentions, _ = resolve(
        "Ruth Calloway (Bristol East) (Lab)\n\nWill the Minister condemn the blockade of Yemen?"
    )
    assert ("Ruth Calloway", "ruth-calloway") in mentions


def test_member_repeated_after_portrait_and_an_honorific(resolve):
    mentions, new = resolve(
        "Tobias Ellwood Portrait Mr Tobias Ellwood (Bournemouth East) (Con)\n\nWill the "
        "Minister condemn the strikes on Yemen?"
    )
    assert "tobias-ellwood-portrait-mr" not in new
    assert mentions.count(("Tobias Ellwood", "tobias-ellwood")) == 2


def test_member_with_an_irish_particle(resolve):
    mentions, new = resolve(
        "Photo of Seán Ó FearghaílSeán Ó Fearghaíl (Kildare South, Fianna Fáil)\n\nThe Ceann "
        "Comhairle called the vote."
    )
    assert not any(actor_id.startswith("photo-of") for actor_id in new)
    assert new["sean-o-fearghail"].kind == "person"
    assert mentions.count(("Seán Ó Fearghaíl", "sean-o-fearghail")) == 2
