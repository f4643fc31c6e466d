"""Documents spoken by one speaker: the heading or first line names them."""

from tests.statement_fixtures import statements_of  # noqa: F401  (fixture)


def test_speaking_notes_make_every_paragraph_the_speakers(statements_of):  # noqa: F811
    body = (
        "Speaking notes for the Honourable Rosalind Achterberg, Minister of Immigration, at the "
        "launch of the resettlement plan\n\n"
        "Halifax, Nova Scotia\n\n"
        "Check against delivery\n\n"
        "Good morning, everyone. Today we are announcing how the families will be welcomed.\n\n"
        "In the long run, newcomers build businesses and strengthen our communities.\n\n"
        "For more information\n\n"
        "Media relations office, telephone and e-mail listed on the website."
    )
    rows = statements_of(body)
    assert [(s.speaker_text.split()[-1], s.cue) for s in rows] == [
        ("Achterberg", "document"),
        ("Achterberg", "document"),
    ]
    assert rows[1].quote.startswith("In the long run")  # no first person, but a speech


def test_issued_the_following_statement_hands_quoted_paragraphs_to_the_issuer(
    statements_of,  # noqa: F811
):
    body = (
        "The Norwegian Refugee Council today issued the following statement:\n\n"
        '"We are alarmed by the renewed shelling of the camps, which has forced families to flee '
        "once more.\n\n"
        '"We call on all parties to let aid through without delay."'
    )
    rows = statements_of(body)
    assert [s.cue for s in rows] == ["document", "document"]
    assert rows[0].quote.startswith("We are alarmed")
    assert not rows[0].quote.startswith('"')


def test_statement_heading_keeps_only_first_person_paragraphs(statements_of):  # noqa: F811
    body = (
        "Statement by Foreign Minister Jonas Eberhardt on the ceasefire\n\n"
        "We welcome the agreement reached last night and urge both sides to respect it.\n\n"
        "The agreement was signed in the presence of observers from six countries.\n\n"
        "I will travel to the region next week to meet the negotiators."
    )
    rows = [s for s in statements_of(body) if s.cue == "document"]
    assert [s.quote[:10] for s in rows] == ["We welcome", "I will tra"]


def test_ordinary_news_story_has_no_document_speaker(statements_of):  # noqa: F811
    body = (
        "Aid convoy reaches the besieged town\n\n"
        "A convoy of 40 trucks reached the town on Tuesday, the first in months.\n\n"
        "We saw children lining the road, one driver told reporters."
    )
    assert not [s for s in statements_of(body) if s.cue == "document"]


def test_a_third_party_quoted_inside_a_speech_is_also_a_statement_of_that_party(
    statements_of,  # noqa: F811
):
    body = (
        "Speaking notes for the Honourable Rosalind Achterberg, Minister of Immigration, at the "
        "resettlement forum\n\n"
        "As delivered\n\n"
        "Thank you all for coming this morning. I am proud of what our officers have done.\n\n"
        "Last week UNHCR said that our country is doing more than any other to resettle "
        "refugees quickly.\n\n"
        "We have to prove that we are capable of getting this done right."
    )
    rows = statements_of(body)
    by = [(s.speaker_text, s.cue) for s in rows]
    assert ("UNHCR", "said") in [(t, c) for t, c in by] or any(
        t == "UNHCR" and c != "document" for t, c in by
    )
    # The speech's other paragraphs are the speaker's; the paragraph that is UNHCR's statement
    # word for word has one row (UNHCR's), not a second with the same statement id, which the
    # warehouse dropped anyway.
    assert [s.cue for s in rows].count("document") == 2
    assert len({s.statement_id for s in rows}) == len(rows)


def test_a_bare_press_statement_heading_takes_its_issuer_from_the_lines_below(
    statements_of,  # noqa: F811
):
    body = (
        "Press Releases: Fighting Around the Port City\n\n"
        "Press Statement\n\n"
        "Margaret Oyelaran\n\n"
        "Department Spokesperson\n\n"
        "Washington, DC\n\n"
        "The United States is deeply concerned by the renewed fighting around the port city.\n\n"
        "We call on all parties to respect the truce and to let aid reach the civilians there."
    )
    rows = statements_of(body)
    assert [(s.speaker_text, s.cue) for s in rows] == [
        ("Margaret Oyelaran", "document"),
        ("Margaret Oyelaran", "document"),
    ]  # the whole statement is hers, and "Press Releases:" is no speaker


def test_the_minister_issuing_the_statement_wins_over_the_department_in_the_heading(
    statements_of,  # noqa: F811
):
    body = (
        "Statement Article from Immigration, Refugees and Citizenship Canada\n\n"
        "Minister congratulates those working on the ground\n\n"
        "Ottawa, January 29, 2016 – The Hon. Rosalind Achterberg, Minister of Immigration, today "
        "issued the following statement:\n\n"
        "“I am proud to report to Canadians that our national project is going well.\n\n"
        "“We have looked into this suggestion, and we have concluded that it is not in the best "
        "interests of the refugees."
    )
    rows = [s for s in statements_of(body) if s.cue == "document"]
    assert [s.speaker_text for s in rows] == ["Rosalind Achterberg"] * 2


def test_briefing_notes_said_by_a_spokesperson_are_all_the_spokespersons(
    statements_of,  # noqa: F811
):
    body = (
        "Agency scales up its refugee operations\n\n"
        "Briefing Notes, 22 January 2013\n\n"
        "This is a summary of what was said by UNHCR spokesperson Rosalind Achterberg to whom "
        "quoted text may be attributed at the press briefing in Geneva.\n\n"
        "UNHCR is expanding registration and assistance for refugees in the region.\n\n"
        "In addition, we are working with the authorities to identify two transit sites."
    )
    rows = [s for s in statements_of(body) if s.cue == "document"]
    assert [s.speaker_text for s in rows] == ["Rosalind Achterberg"] * 2
    assert rows[0].quote.startswith("UNHCR is expanding")


def test_an_unattributed_quoted_paragraph_in_a_statement_is_one_statement(
    statements_of,  # noqa: F811
):
    # The sentence rules carry the quote on to the last speaker (a third party the issuer did
    # not speak for), and the document claims the same paragraph: one row, not the same
    # statement id twice (which the writer would drop with a warning).
    body = (
        "The Sudanese Armed Forces today issued the following statement:\n\n"
        "We condemn the attack on the market and hold its authors responsible.\n\n"
        "Syrian President Bashar al-Assad denied the reports, calling them a campaign of lies.\n\n"
        "\u201cThe authorities continue work to pardon those who have dodged military service, "
        "including refugees and members of armed groups. As of August 8, as many as 14,286 "
        "people have been pardoned,\u201d\n\n"
        "We will continue to work with our partners to protect civilians."
    )
    rows = statements_of(body)
    ids = [s.statement_id for s in rows]
    assert len(ids) == len(set(ids))
    pardon = [s for s in rows if s.quote.startswith("The authorities continue")]
    assert len(pardon) == 1
