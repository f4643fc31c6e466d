"""Persons without a country (round of issue 9, actors13): a later full mention with its own
title, a bare government title read against the country the page has act (not the crisis it is
about), and a signature block whose lines a blank line parts. Sentences written for these tests;
the probes look like the triggers but must not give a country (or must not give a wrong one)."""

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


# --- a later full mention names the country the first did not ------------------------------


def test_later_mention_with_its_own_title_gives_the_country(resolve):
    _, new = resolve(
        "Health Minister Carla Brennan Walks Out Of Interview\n\n"
        "New Zealand's Health Minister Carla Brennan, pressed on Tuesday about waiting lists for "
        "refugee families, ended the radio interview after four minutes."
    )
    assert _country(new, "carla-brennan") == "new-zealand"


def test_later_title_outranks_a_guess_from_the_page(resolve):
    _, new = resolve(
        "Syria's civil war has driven millions from their homes, and fighting in Syria goes on. "
        "Syrian refugees wait at the border, said Minister Tomas Varga.\n\n"
        "Norway's Minister of International Development Tomas Varga, visiting the camp, promised "
        "more tents."
    )
    assert _country(new, "tomas-varga") == "norway"


def test_probe_a_later_mention_beside_another_countrys_title_gives_nothing(resolve):
    # The later mention stands next to another person's title, not its own.
    _, new = resolve(
        "Minister Tomas Varga Visits Camp\n\n"
        "Tomas Varga met Russia's foreign minister on Tuesday and said the talks were useful."
    )
    assert _country(new, "tomas-varga") != "russia"


# --- a bare government title: the country the page has act ---------------------------------


def test_bare_title_takes_the_acting_country_not_the_crisis(resolve):
    _, new = resolve(
        "Australia will take an extra 9,000 refugees from the war in Syria, Prime Minister "
        "Dana Whitlock said on Wednesday. Syrian refugees in Jordan and Lebanon will be first. "
        "The fighting in Syria has killed hundreds of thousands, and Syria's cities lie in ruins."
    )
    assert _country(new, "dana-whitlock") == "australia"


def test_probe_bare_title_on_a_page_only_about_the_crisis_gives_no_country(resolve):
    # Syria named only as a place, a people and a war: no government acts, so no guess.
    _, new = resolve(
        "The fighting in Syria has killed hundreds of thousands. Syrian refugees crowd the camps "
        "along the border, and Syria's cities lie in ruins, Foreign Minister Dana Whitlock said."
    )
    assert _country(new, "dana-whitlock") != "syria"


def test_probe_a_country_done_to_does_not_act(resolve):
    # Passive subjects are acted on: "Syria was condemned" makes Syria no speaker's home.
    _, new = resolve(
        "Syria was condemned at the council, and Syria was warned again on Friday. Syrian "
        "refugees in Lebanon were moved. Press secretary Dana Whitlock said the talks would "
        "resume."
    )
    assert _country(new, "dana-whitlock") != "syria"


def test_probe_a_headline_of_another_countrys_acts_is_outweighed_by_the_dateline(resolve):
    _, new = resolve(
        "OTTAWA — Russia vetoed the draft on Thursday. Canadian officials said they regretted it, "
        "and Canada will raise the matter again, Foreign Minister Lena Okafor said."
    )
    assert _country(new, "lena-okafor") == "canada"


# --- a signature block whose lines a blank line parts -----------------------------------------


def test_signature_block_with_blank_lines_names_the_mission(resolve):
    _, new = resolve(
        "Remarks at a Security Council Briefing on Idlib\n\n"
        "Ambassador Harold Pruitt\n\n"
        "Deputy Permanent Representative\n\n"
        "U.S. Mission to the United Nations\n\n"
        "New York City\n\n"
        "Thank you, Madam President. Syria and Russia must stop bombing hospitals in Syria."
    )
    assert _country(new, "harold-pruitt") == "united-states"


def test_probe_signature_block_of_a_university_department_gives_no_country(resolve):
    _, new = resolve(
        "Why the Idlib talks failed\n\n"
        "Miriam Castell\n\n"
        "Secretary of the Board\n\n"
        "Russian Studies Department, Eastfield University\n\n"
        "The talks in Astana failed because nobody trusted the guarantors."
    )
    assert _country(new, "miriam-castell") != "russia"


def test_probe_a_byline_with_a_desk_line_is_no_signature(resolve):
    _, new = resolve(
        "Aid convoys stall at the border\n\n"
        "Peter Lindqvist\n\n"
        "Foreign Desk, Syria Office\n\n"
        "Trucks carrying flour waited for a third day at the crossing into Syria."
    )
    assert _country(new, "peter-lindqvist") in (None, "missing")


def test_probe_owner_after_for_in_the_previous_subject_still_counts(resolve):
    # "for the French government" owns the spokesperson: no place preposition.
    _, new = resolve(
        "A spokesperson for the French government has said that flights from Kabul will go on. "
        "\u201cWe will continue as long as we can,\u201d spokesperson Luc Verdier said."
    )
    assert _country(new, "luc-verdier") == "france"


def test_probe_a_country_acting_inside_a_quotation_is_no_home(resolve):
    _, new = resolve(
        "\u201cRussia must stop the bombing of hospitals now,\u201d Foreign Minister Ana Lund said "
        "on Friday, adding that Syrian refugees in Turkey needed more help."
    )
    assert _country(new, "ana-lund") != "russia"


def test_probe_a_headline_about_another_country_yields_to_its_speaking_officials(resolve):
    _, new = resolve(
        "Russia Vetoes Draft On Syria Aid\n\n"
        "Norwegian officials said they regretted the veto, and Foreign Minister Ana Lund said the "
        "crossings had to stay open."
    )
    assert _country(new, "ana-lund") == "norway"


def test_probe_a_host_countrys_possessive_after_the_name_is_no_title(resolve):
    _, new = resolve(
        "Minister Ana Lund Arrives In Amman\n\n"
        "Refugees who fled Syria's war greeted Ana Lund, Jordan's guest, on Sunday."
    )
    assert _country(new, "ana-lund") not in ("syria", "jordan")
