"""Who a discovered person speaks for (round of issue 9, actors12): an official tied to the body
their title names, and members named by a transcript's turn labels. Sentences written for these
tests; probes look like the triggers but must not fire."""

import pytest

from etl.actors import resolve_mentions


@pytest.fixture(scope="module")
def resolve(nlp, gazetteer):
    def run(text):
        mentions, new = resolve_mentions(nlp(text), "a1", gazetteer)
        return [(m.text, m.actor_id) for m in mentions], {a.actor_id: a for a in new}

    return run


def _country(new, actor_id):
    return new[actor_id].country_id if actor_id in new else "missing"


# --- an official tied to the body their title names ------------------------------------------


def test_owned_title_after_the_name_ties_the_official_to_the_un(resolve):
    _, new = resolve(
        "Harriet Okonjo, UN Under-Secretary-General for Political Affairs, told the council on "
        "Tuesday that the fighting had spread to three more provinces."
    )
    assert _country(new, "harriet-okonjo") == "united-nations"


def test_assistant_commissioner_of_an_agency_is_the_agencys(resolve):
    _, new = resolve(
        "Tomas Brennick, Assistant High Commissioner for UNHCR Operations, said the camps near "
        "the border were already full."
    )
    assert _country(new, "tomas-brennick") == "unhcr"


def test_lower_case_undersecretary_general_is_a_un_title(resolve):
    _, new = resolve(
        "Petra Valdane, the undersecretary-general for peace operations, said the mission would "
        "stay until the elections."
    )
    assert _country(new, "petra-valdane") == "united-nations"


def test_head_of_an_aid_organisation_speaks_for_it(resolve):
    _, new = resolve(
        "David Miller, the head of the International Rescue Committee, said aid convoys had "
        "been turned back twice this week."
    )
    assert _country(new, "david-miller") == "irc"


# probes: a second person listed after a name, a title with a name after it, a former post
def test_a_listed_second_person_is_no_appositive(resolve):
    _, new = resolve(
        "Asked about Kemal Arslanoglu, Oxfam Director Ruth Evans said she had never met him "
        "before the talks."
    )
    assert _country(new, "kemal-arslanoglu") is None


def test_a_title_followed_by_another_name_is_no_appositive(resolve):
    _, new = resolve(
        "Dana Whitlow, UN envoy Geir Pedersen and the mediators met for a second day in Geneva."
    )
    assert _country(new, "dana-whitlow") in (None, "missing")


def test_a_volunteer_who_mentions_an_agency_is_not_its_official(resolve):
    _, new = resolve(
        "Amina Haddad, a mother of four who fled Homs, said the UNHCR office had not answered "
        "her calls."
    )
    assert _country(new, "amina-haddad") in (None, "missing")


# --- speakers named by a transcript's turn labels --------------------------------------------

_DEBATE = (
    "Emergency Debate on Refugees\n\n"
    "Rowena Marsh: Mr. Speaker, the families I have met in my riding are still waiting for their "
    "relatives, and we are not doing enough to bring them here.\n\n"
    "Dmitri Kallas (Northfield, CPC): Mr. Speaker, I thank the member for her question and I "
    "can tell her the department has added staff in Amman.\n"
)


def test_turn_labels_name_people(resolve):
    mentions, new = resolve(_DEBATE)
    assert ("Rowena Marsh", "rowena-marsh") in mentions
    assert new["rowena-marsh"].kind == "person"
    assert "dmitri-kallas" in {a for _, a in mentions}


def test_a_single_headline_label_founds_no_one(resolve):
    mentions, new = resolve(
        "Grace Holloway: The long road home for the families of Idlib\n\n"
        "Aid workers say the road north has been closed since March."
    )
    assert "grace-holloway" not in new or new["grace-holloway"].kind == "person"
    assert not any(a == "grace-holloway" and t.startswith("Grace") for t, a in mentions) or (
        "grace-holloway" in new
    )


def test_furniture_labels_found_no_people(resolve):
    _, new = resolve(
        "Related Articles: Refugee camps in Jordan brace for a second winter of shortages\n\n"
        "Photo Credit: A family crosses the border near the town of Ramtha before dawn today\n\n"
        "The agency said funding had fallen by a third."
    )
    assert "related-articles" not in new
    assert "photo-credit" not in new


def test_short_label_lines_are_headings_not_turns(resolve):
    _, new = resolve(
        "Amman Office: open daily\n\nBeirut Desk: closed today\n\n"
        "The agency said funding had fallen by a third."
    )
    assert "amman-office" not in new
    assert "beirut-desk" not in new


# --- who may hold a stance: a member speaking a turn of a parliamentary record ----------------

from tests.test_stance_retaking import real_triples  # noqa: E402

_MEMBERS = (
    "Debate on the Refugee Crisis\n\n"
    "Rowena Marsh: Mr. Speaker, I condemn the Assad regime for the barrel bombs it keeps "
    "dropping on the people of Aleppo, and I urge the minister to act.\n\n"
    "Dmitri Kallas: Mr. Speaker, I thank the hon. member for her question and I share her "
    "concern about the bombing of the city.\n"
)


def test_member_speaking_a_turn_of_a_debate_holds_a_stance(nlp):
    triples = real_triples(nlp, _MEMBERS)
    assert ("rowena-marsh", "syria", "critical") in triples


# probe: the same labelled turns on a page that is no parliamentary record (residents
# interviewed for colour) give their speakers no stance
_RESIDENTS = (
    "Voices from the Camp\n\n"
    "Rowena Marsh: I condemn the Assad regime for the barrel bombs it keeps dropping on the "
    "people of Aleppo, and nobody here listens to us.\n\n"
    "Dmitri Kallas: We waited for three days at the gate before the guards let the trucks in "
    "and the children were fed.\n"
)


def test_labelled_residents_of_an_interview_hold_no_stance(nlp):
    triples = real_triples(nlp, _RESIDENTS)
    assert not any(source == "rowena-marsh" for source, _t, _p in triples)


# probe: a person quoted in a news report of a debate, with no turn of their own, stays a
# voice for nobody
def test_person_quoted_in_a_report_of_a_debate_holds_no_stance(nlp):
    triples = real_triples(
        nlp,
        "During the debate, Mr. Speaker called the house to order twice. Outside, Hana Dervishi, "
        "a shopkeeper, said she condemned the Assad regime for the bombing of her town.",
    )
    assert not any(source == "hana-dervishi" for source, _t, _p in triples)


# --- a title set before the name by a comma; a signature block's title line --------------------


def test_title_phrase_before_a_comma_and_a_rank(resolve):
    _, new = resolve(
        "The commander of the French forces in the Sahel, General Pierre Valmont, told reporters "
        "that the last convoy had left."
    )
    assert _country(new, "pierre-valmont") == "france"


def test_signature_block_title_line(resolve):
    _, new = resolve(
        "Press Statement\nJoan Whitaker\nDeputy Spokesperson\nWashington, DC\n\n"
        "The United States condemns the attack on the convoy. The United States calls on all "
        "parties to respect the ceasefire."
    )
    assert _country(new, "joan-whitaker") == "united-states"


# probes: a clause before the comma that is no title, a line after a name that is no title
def test_clause_before_a_comma_is_no_title(resolve):
    _, new = resolve(
        "The owner of the French bakery on the square, Jana Koller, said the talks were over "
        "for the day."
    )
    assert _country(new, "jana-koller") in (None, "missing")


def test_a_line_after_a_name_that_is_no_title(resolve):
    _, new = resolve(
        "By Tom Harland\nSecretary of the local football club for ten years, he knew every "
        "family in the street.\n\nThe United States condemned the attack."
    )
    assert _country(new, "tom-harland") in (None, "missing")


def test_a_counterpart_apposed_to_a_name_keeps_its_country(resolve):
    _, new = resolve(
        "Lavrov spoke at a joint news conference with his Turkish counterpart, Mevlut Cavusoglu."
    )
    assert _country(new, "mevlut-cavusoglu") == "turkey"


def test_title_phrase_before_a_comma_with_a_named_command(resolve):
    _, new = resolve(
        "The head of the British Joint Forces Command, General Alan Rendell, said the last "
        "flight would leave on Friday."
    )
    assert _country(new, "alan-rendell") == "united-kingdom"


def test_a_title_right_before_the_name_counts_whatever_it_is_apposed_to(resolve):
    _, new = resolve(
        "Prime Minister Omar Tarik and his rival, the renegade Syrian general Nadim Qassab, "
        "attended the talks in Berlin."
    )
    assert _country(new, "nadim-qassab") == "syria"
