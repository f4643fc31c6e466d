"""Actor resolution: gazetteer aliases, discovered people with inferred countries, coreference."""

import pytest

from etl.actors import slugify


def ids(mentions):
    return [m.actor_id for m in mentions]


def test_gazetteer_covers_aliases_of_governments_and_groups(resolve):
    mentions, _ = resolve(
        "The Kremlin rejected the claim. Daesh and ISIL fighters attacked, and al-Nusra retreated. "
        "The Assad regime and Ottawa disagreed."
    )
    assert ids(mentions) == ["russia", "isis", "isis", "hts", "syria", "canada"]


def test_capital_is_a_place_after_a_preposition(resolve):
    mentions, _ = resolve("Talks were held in Moscow. Moscow said the talks were useful.")
    assert [(m.text, m.actor_id) for m in mentions] == [("Moscow", "russia")]
    assert mentions[0].char_start > 20


def test_all_caps_page_furniture_is_not_an_actor(resolve):
    mentions, _ = resolve("SUPPORT US\n\nThe US said it would help.")
    assert [m.text for m in mentions] == ["US"]
    assert mentions[0].char_start > 10


def test_unknown_person_becomes_actor_with_country_from_title(resolve):
    text = "Ukraine's ambassador to Canada, Oksana Melnychuk, says Ottawa should send more aid."
    mentions, new = resolve(text)
    assert "oksana-melnychuk" in new
    assert new["oksana-melnychuk"].kind == "person"
    assert new["oksana-melnychuk"].country_id == "ukraine"


def test_country_from_appositive_after_the_name(resolve):
    text = "Miguel Ortiz, the Spanish ambassador to Germany, said talks would resume."
    _, new = resolve(text)
    assert new["miguel-ortiz"].country_id == "spain"


def test_country_from_organisation_in_title(resolve):
    text = "EU foreign policy chief Anna Lindqvist said the plan was premature."
    _, new = resolve(text)
    assert new["anna-lindqvist"].country_id == "european-union"


def test_surname_honorific_title_and_pronoun_resolve_to_the_same_person(resolve):
    text = (
        "Sudan's envoy to the UN, Omar Hassan Idris, spoke on Monday. "
        "Mr. Idris said the ceasefire was holding. The diplomat denied that aid was blocked. "
        "He said more trucks would arrive."
    )
    mentions, new = resolve(text)
    person = [m for m in mentions if m.actor_id == "omar-hassan-idris"]
    assert [m.how for m in person] == ["name", "surname", "title", "pronoun"]
    assert new["omar-hassan-idris"].country_id == "sudan"


def test_pronoun_skips_a_possessor_for_the_subject(resolve):
    text = (
        "Foreign Minister Lena Vogt criticised President Bashar al-Assad's regime on Tuesday. "
        '"Civilians are paying the price," she told reporters.'
    )
    mentions, _ = resolve(text)
    pronoun = next(m for m in mentions if m.how == "pronoun")
    assert pronoun.actor_id == "lena-vogt"


def test_slugify_folds_accents():
    assert slugify("Stéphane Dion") == "stephane-dion"
    assert slugify("  Hay’at Tahrir al-Sham ") == "hayat-tahrir-al-sham"


def test_name_after_a_title_is_a_person_even_when_ner_misses_it(resolve):
    _, new = resolve(
        "Türkiye’s Deputy Foreign Minister, Mehmet Aydın, thanked the EU for its support."
    )
    assert new["mehmet-aydin"].country_id == "turkey"


def test_arabic_name_particles_are_part_of_a_name(resolve):
    _, new = resolve(
        "Yemen's foreign minister, Abdullah al-Saqqaf, described the deal as a victory."
    )
    assert new["abdullah-al-saqqaf"].country_id == "yemen"


def test_a_groups_spokesman_belongs_to_the_group(resolve):
    _, new = resolve(
        "The head of the Houthi delegation, Hamid al-Mutawakkil, said the rebels would comply."
    )
    assert new["hamid-al-mutawakkil"].country_id == "houthis"


def test_its_spokesman_belongs_to_the_previous_sentences_subject(resolve):
    text = "The RSF also welcomed the deal. Its adviser Youssef Ibrahim accused the army of shelling homes."
    _, new = resolve(text)
    assert new["youssef-ibrahim"].country_id == "rsf"


def test_dateline_place_is_not_an_actor(resolve):
    mentions, _ = resolve(
        "WEISSENHAUS, Germany -- Foreign ministers of the G7 pledged more aid to Ukraine."
    )
    assert ids(mentions) == ["g7", "ukraine"]


def test_official_without_a_named_country_belongs_to_the_dateline_country(resolve):
    text = (
        "OTTAWA, March 3, 2021 — The Minister of Foreign Affairs, the Honourable Anne Morel, "
        "announced new aid for Afghanistan and Pakistan today."
    )
    _, new = resolve(text)
    assert new["anne-morel"].country_id == "canada"


def test_the_army_refers_to_the_armed_forces_named_before(resolve):
    mentions, _ = resolve(
        "The Sudanese Armed Forces accused the RSF of looting. In a statement, the army welcomed the talks."
    )
    assert [(m.text, m.actor_id) for m in mentions if m.how == "reference"] == [
        ("the army", "sudanese-armed-forces")
    ]


def test_the_army_unnamed_before_is_the_army_of_the_storys_country(resolve):
    mentions, _ = resolve(
        "Fighting in Sudan entered a third week. "
        "The RSF accused the army of carrying out air strikes on Khartoum."
    )
    assert [(m.text, m.actor_id) for m in mentions if m.how == "reference"] == [
        ("the army", "sudanese-armed-forces")
    ]


def test_capital_after_a_policy_noun_is_the_government(resolve):
    mentions, _ = resolve(
        "The EU has kept sanctions on Damascus since 2011. Bombs fell on Damascus."
    )
    assert [(m.text, m.actor_id) for m in mentions if m.how == "capital"] == [("Damascus", "syria")]
    assert mentions[-1].char_start < 40


def test_names_of_two_words_or_more_match_in_any_case(resolve):
    mentions, _ = resolve(
        "The UN security council met. The US Senate voted. us officials were silent."
    )
    assert ids(mentions) == ["un-security-council", "us-senate"]


def test_the_kingdom_is_the_kingdom_named_before(resolve):
    mentions, _ = resolve(
        "Saudi Arabia hosted the talks. In a statement, the kingdom said it backed the envoy."
    )
    assert [(m.text, m.actor_id) for m in mentions if m.how == "reference"] == [
        ("the kingdom", "saudi-arabia")
    ]


def test_a_person_addressed_inside_a_quote_is_not_the_pronoun_after_it(resolve):
    text = (
        "Syrian Foreign Minister Faisal Haddad spoke for an hour. "
        '"Nobody in the world, Mr. Kerry, has the right to judge us," he said.'
    )
    mentions, _ = resolve(text)
    assert [m.actor_id for m in mentions if m.how == "pronoun"] == ["faisal-haddad"]


def test_a_president_after_a_council_vote_is_not_the_councils(resolve):
    text = (
        "The UN Security Council voted on Monday to authorise the mission. "
        "President Samuel Otieno hailed the vote as historic, the Kenyan news agency said."
    )
    _, new = resolve(text)
    assert new["samuel-otieno"].country_id != "un-security-council"


def test_a_ministry_named_with_its_country_belongs_to_it(resolve):
    _, new = resolve("India's Ministry of External Affairs rejected the allegations on Tuesday.")
    ministry = next(a for a in new.values() if "External Affairs" in a.name)
    assert ministry.country_id == "india"


def test_an_envoy_to_the_un_belongs_to_the_sending_country(resolve):
    text = (
        "The council met on Monday. U.S. deputy ambassador to the UN, Karen Lowell, blamed "
        "Moscow for the violence."
    )
    _, new = resolve(text)
    assert new["karen-lowell"].country_id == "united-states"


@pytest.mark.parametrize(
    ("text", "actor_id", "kind"),
    [
        (
            "The Kordofan Liberation Movement, a rebel group, seized the town.",
            "kordofan-liberation-movement",
            "armed_group",
        ),
        ("The Tigray Defence Forces advanced on the city.", "tigray-defence-forces", "armed_group"),
        (
            "The East Sahel Community of States met in Dakar.",
            "east-sahel-community-of-states",
            "intergovernmental",
        ),
        (
            "The Movement for Democratic Change won seats.",
            "movement-for-democratic-change",
            "organization",
        ),
    ],
)
def test_a_discovered_organisation_gets_the_kind_its_name_or_description_gives(
    resolve, text, actor_id, kind
):
    _, new = resolve(text)
    assert new[actor_id].kind == kind


def test_government_forces_are_the_army_of_the_storys_country(resolve):
    mentions, _ = resolve(
        "Fighting in Yemen went on. Yemen's president spoke on Friday. Clashes between "
        "pro-government forces and the Houthi rebels continued in Marib."
    )
    forces = [m for m in mentions if m.text == "government forces"]
    assert [m.actor_id for m in forces] == ["yemen"]


def test_government_forces_in_a_story_about_syria_stay_the_syrian_army(resolve):
    mentions, _ = resolve(
        "Syria's war entered its tenth year. Government forces shelled Idlib, Syria's last "
        "rebel-held province."
    )
    assert "syrian-army" in ids(mentions)


def test_the_syrian_opposition_is_an_actor_apart_from_its_coalition(resolve):
    mentions, _ = resolve(
        "Russia was negotiating with the Syrian opposition. The Syrian opposition coalition "
        "rejected the plan."
    )
    assert ids(mentions)[1:] == ["syrian-opposition", "syrian-national-coalition"]


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("Syria's war went on. Turkey backs anti-Damascus militant groups.", "militant groups"),
        ("Syria's war went on. The US supports the militants in the area.", "the militants"),
        ("Syria's war went on. Russia met the armed opposition in Idlib.", "armed opposition"),
        ("Syria's war went on. Fighting with non-state armed groups went on.", "armed groups"),
        ("Syria's war went on. Talks between the Syrian government and opposition began.",
         "opposition"),
        ("Syria's war went on. The opposition and government delegations met.", "opposition"),
    ],
)  # fmt: skip
def test_common_nouns_for_the_armed_opposition_name_the_storys_opposition(resolve, text, noun):
    mentions, _ = resolve(text)
    assert [m.actor_id for m in mentions if m.text.endswith(noun)] == ["syrian-opposition"]


@pytest.mark.parametrize(
    "text",
    [
        "Syria's war went on. Armed groups attacked a convoy.",
        "Syria's war went on. The government and opposition umbrella group met.",
        "Syria's war went on. The government and opposition leaders met.",
    ],
)
def test_plain_armed_groups_and_named_opposition_bodies_are_left_alone(resolve, text):
    mentions, _ = resolve(text)
    assert "syrian-opposition" not in ids(mentions)
