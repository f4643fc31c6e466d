"""Actor resolution of forces and groups named by their side: "Government troops", "forces loyal
to X", "the opposition", and organisations defined with an acronym ("the Libyan National Army
(LNA)")."""

# ruff: noqa: F811  (the fixtures imported from tests/test_actors.py are re-bound as arguments)


def actor_of(mentions, text):
    found = [m.actor_id for m in mentions if m.text == text]
    assert found, f"no mention {text!r} in {[(m.text, m.actor_id) for m in mentions]}"
    return found[0]


def test_government_troops_are_the_story_country(resolve):
    mentions, _ = resolve(
        "Ethiopia has faced months of war in its north. Ethiopia's economy has suffered. "
        "Heavy fighting began between Government troops and forces loyal to the TPLF."
    )
    assert actor_of(mentions, "Government troops") == "ethiopia"
    assert actor_of(mentions, "forces loyal to") == "tplf"


def test_government_forces_skip_the_country_that_backs_them(resolve):
    mentions, _ = resolve(
        "A Saudi airstrike hit the market. Saudi officials denied it. In Yemen, the area has seen "
        "heavy fighting between Saudi-backed government forces and Iran-allied Houthi rebels."
    )
    assert actor_of(mentions, "government forces") == "yemen"


def test_government_forces_in_syria_stay_the_syrian_army(resolve):
    mentions, _ = resolve(
        "Syria said the attack failed. Government troops retook the town from Syrian rebels."
    )
    assert actor_of(mentions, "Government troops") == "syrian-army"


def test_forces_loyal_to_a_capital_are_its_government(resolve):
    mentions, _ = resolve(
        "Libya has two rival governments. Forces loyal to Tripoli drove back the attackers."
    )
    assert actor_of(mentions, "Forces loyal to") == "libya"


def test_the_opposition_in_a_story_about_syria_is_the_syrian_opposition(resolve):
    mentions, _ = resolve(
        "Syria talks opened in Geneva. Syria's envoy arrived late. The session brought the "
        "opposition and government delegations face-to-face."
    )
    assert actor_of(mentions, "the opposition") == "syrian-opposition"


def test_the_opposition_without_a_named_group_stays_unresolved(resolve):
    mentions, _ = resolve(
        "Canada debated the bill. Canada's government defended it against the opposition."
    )
    assert not [m for m in mentions if m.text == "the opposition"]


def test_an_armed_group_defined_with_its_acronym_is_one_actor(resolve):
    # The Libyan National Army is a gazetteer row since stances17; the Sudan Liberation Army
    # keeps the discovery of a group defined with its acronym under test.
    mentions, new = resolve(
        "The Libyan National Army (LNA) force attacked Tripoli. Forces loyal to Tripoli drove "
        "back the LNA in recent days."
    )
    assert actor_of(mentions, "Libyan National Army") == "libyan-national-army"
    assert [m.actor_id for m in mentions if m.text == "LNA"] == ["libyan-national-army"] * 2
    # the demonym inside the name is not a separate mention of the country
    assert not [m for m in mentions if m.text == "Libyan"]
    mentions, new = resolve(
        "The Sudan Liberation Army (SLA) force attacked El Fasher. Fighters drove back the SLA "
        "in recent days."
    )
    assert [m.actor_id for m in mentions if m.text == "SLA"] == ["sudan-liberation-army"] * 2
    assert new["sudan-liberation-army"].country_id == "sudan"


def test_an_office_defined_with_its_acronym_is_left_to_other_rules(resolve):
    mentions, _ = resolve(
        "A statement from the Prime Minister's Office (PMO) said troops may deploy. The PMO added "
        "more."
    )
    assert not [m for m in mentions if m.text == "PMO"]


def test_un_secretariat_titles_make_a_united_nations_official(resolve):
    _, new = resolve(
        "Sudan's envoy attended the meeting in New York. We thank Under-Secretary-General Tom "
        "Fletcher for his briefing."
    )
    assert new["tom-fletcher"].country_id == "united-nations"


def test_refugees_as_the_previous_subject_do_not_give_a_minister_their_country(resolve):
    _, new = resolve(
        "Australia agrees to resettle 500 refugees. Australia will take them this "
        "year. Syrian refugees wait in camps. Immigration Minister Scott Morrison says the places "
        "are open."
    )
    assert new["scott-morrison"].country_id == "australia"


def test_possessive_acronym_owner_names_the_same_body(resolve):
    mentions, _ = resolve("The UN's refugee agency has welcomed Ireland's decision.")
    assert actor_of(mentions, "UN's refugee agency") == "unhcr"
