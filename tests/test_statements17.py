"""Speakers carried from one statement to the next (statements17): a "he"/"she" or a bare
"the agency" that continues the one who spoke just before, when the article's mention
resolution pointed it at someone else. Names and sentences are invented in the style of the
failures; the probes must not fire."""

from tests.statement_fixtures import statements_of  # noqa: F401  (fixture)


def _speakers(rows, start):
    return [s.speaker_id for s in rows if s.quote.startswith(start)]


def test_he_added_after_a_quote_whose_attribution_names_another_person(statements_of):  # noqa: F811
    # The attribution after the quote names a second person; "He added" still goes on with the
    # speaker of the quote.
    body = (
        '"A deal has been reached for the evacuation of the besieged districts," said Yasser '
        "al-Youssef, who met Recep Tayyip Erdogan on Monday.\n\n"
        'He added the deal was "sponsored by Turkey and Russia" and would be carried out soon.'
    )
    rows = statements_of(body)
    assert _speakers(rows, "He added") == _speakers(rows, "A deal has been")


def test_a_second_quote_of_the_same_he_said_keeps_its_speaker(statements_of):  # noqa: F811
    body = (
        "Vassily Nebenzia said Russia would not back the draft, and criticized the vote called "
        "by Nikki Haley.\n\n"
        "\u201cWhat matters for you is something else,\u201d he said, directing his remarks to "
        "Haley. \u201cYou want to show that Russia is guilty of blocking the mechanism.\u201d"
    )
    rows = statements_of(body)
    assert _speakers(rows, "What matters") == ["vassily-nebenzia"]
    assert _speakers(rows, "You want to show") == ["vassily-nebenzia"]


def test_he_does_not_carry_on_a_woman(statements_of):  # noqa: F811
    # The probe: the pronoun's gender differs from the one the article gives the last speaker.
    body = (
        "Melissa Fleming said she was worried about the numbers. She added that more help was "
        "needed.\n\n"
        "Filippo Grandi travelled to the border on Monday with the minister.\n\n"
        "\u201cWe are seeing a huge movement of people,\u201d Fleming said. He added that the "
        "agency had sent new teams."
    )
    rows = statements_of(body)
    assert "melissa-fleming" not in _speakers(rows, "He added")


def test_the_agency_added_after_an_agency_spoke(statements_of):  # noqa: F811
    body = (
        "The International Organization for Migration said on Tuesday that 60,000 people had "
        "crossed back into the country in two weeks.\n\n"
        "The agency added that more than two million migrants had returned since last year. "
        "It added that most of them were sent back by force."
    )
    rows = statements_of(body)
    assert _speakers(rows, "The agency added") == ["iom"]
    assert _speakers(rows, "It added") == ["iom"]


def test_the_agency_after_a_country_spoke_is_not_that_country(statements_of):  # noqa: F811
    # The probe: a country is no agency.
    body = (
        "Jordan said on Monday it would reopen the crossing.\n\n"
        "The agency added that 500 trucks were waiting at the border."
    )
    rows = statements_of(body)
    assert "jordan" not in _speakers(rows, "The agency added")


def test_the_text_of_a_speech_made_by_a_named_person_is_theirs(statements_of):  # noqa: F811
    # A speech page: a line hands the page over to the speaker; its paragraphs are theirs.
    body = (
        "Jane Doe \u2013 2019 Speech at the Refugee Summit\n\n"
        "Below is the text of the speech made by Jane Doe, the Development Secretary, in "
        "Geneva on 4 March 2019.\n\n"
        "Thank you, Chair. It is a privilege to close this summit.\n\n"
        "The people of the region have endured so many horrors over the last five years.\n\n"
        "And in the end it all comes down to choices."
    )
    rows = statements_of(body)
    assert {
        s.speaker_text for s in rows if s.quote.startswith(("Thank you", "The people", "And in"))
    } == {"Jane Doe"}
    assert len([s for s in rows if s.quote.startswith(("Thank you", "The people", "And in"))]) == 3


def test_the_text_of_a_resolution_is_not_a_speech(statements_of):  # noqa: F811
    # The probe: "the text of the resolution adopted by the Council" hands over no speech.
    body = (
        "Security Council adopts resolution on aid access\n\n"
        "Below is the text of the resolution adopted by the Security Council on Monday.\n\n"
        "The Council demands that all parties allow rapid and unhindered humanitarian access.\n\n"
        "The people of the region have endured so many horrors over the last five years."
    )
    rows = statements_of(body)
    assert not [s for s in rows if s.quote.startswith("The people of the region")]


def test_the_bodys_spokesperson_is_the_person_introduced_in_that_office(statements_of):  # noqa: F811
    body = (
        "Jane Okafor, a spokesperson for UNHCR, told journalists in Geneva that 40,000 people "
        "had crossed the border.\n\n"
        "\u201cWithout access we are unable to verify these reports,\u201d said the UNHCR "
        "spokesperson."
    )
    rows = statements_of(body)
    assert {s.speaker_text for s in rows if s.quote.startswith("Without access")} == {"Jane Okafor"}


def test_the_head_of_a_body_is_the_person_named_as_its_head(statements_of):  # noqa: F811
    body = (
        "The UN High Commissioner for Refugees, Filippo Grandi, visited the border on Monday.\n\n"
        "Officials said many refugees had places to go, but the head of the UN refugee agency "
        "told Reuters a growing tide of refugees would put pressure on governments."
    )
    rows = statements_of(body)
    assert _speakers(rows, "Officials said") == ["filippo-grandi"]


def test_an_unnamed_spokesperson_stays_the_bodys(statements_of):  # noqa: F811
    # The probe: nobody was introduced in the office, or someone in another body's office.
    body = (
        "Jane Okafor, a spokesperson for UNICEF, said schools had closed.\n\n"
        "\u201cWe are very worried,\u201d said the UNHCR spokesperson."
    )
    rows = statements_of(body)
    assert _speakers(rows, "We are very worried") == ["unhcr"]


def test_an_outlet_quoting_an_unnamed_source_speaks(statements_of):  # noqa: F811
    body = (
        "Earlier in the day, Reuters quoted an unnamed officer as saying that the army command "
        "had told officers the government had fallen."
    )
    assert _speakers(statements_of(body), "Earlier in the day") == ["reuters"]


def test_a_named_source_quoted_by_an_outlet_stays_the_speaker(statements_of):  # noqa: F811
    # The probe: a named person quoted is the speaker, as before.
    body = (
        "Reuters quoted Sergei Lavrov as saying that Russia would keep working with Turkey "
        "on the ceasefire."
    )
    assert _speakers(statements_of(body), "Reuters quoted") == ["sergei-lavrov"]
