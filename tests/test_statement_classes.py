"""Statement failure classes of issue 9 fixed with general rules: quotes in single marks,
sentences that only attribute a quote, names the tagger missed after a title, a relative
named after a possessor, and community leaders who do not speak for a state."""

from etl.statements import find_single_quotes
from tests.statement_fixtures import statements_of  # noqa: F401  (fixture)


def test_single_marks_pair_without_taking_apostrophes_or_plural_possessives():
    text = (
        "'The camps are full,' he said of the refugees' tents.\n\n"
        "'We didn't have time to get to the hospital, they said."
    )
    spans = [text[q.start : q.end] for q in find_single_quotes(text)]
    assert spans == [
        "The camps are full,",
        "We didn't have time to get to the hospital, they said.",
    ]


def test_single_marks_are_ignored_in_a_paragraph_with_double_marks():
    text = "\"We are safe,\" she said of the 'humanitarian corridor' they built."
    assert find_single_quotes(text) == []


def test_a_quote_in_single_marks_after_a_colon_and_its_carried_on_paragraph(
    statements_of,  # noqa: F811
):
    body = (
        "Abdul Hamid al-Youssef lost his twins in the attack.\n\n"
        "Mr Youssef's cousin, Alaa, told the Daily Telegraph: 'The family was all waiting "
        "down there and were safe, but then they started choking.\n\n"
        "'The twins suddenly began shaking and struggling to breathe. Then the chemicals took "
        "hold of his wife.\n\n"
        "'Everyone died down there in the basement, they didn't have time to get to the "
        "hospital,' he said."
    )
    rows = statements_of(body)
    assert [(s.speaker_text, s.is_direct) for s in rows] == [("Alaa", True)] * 3
    assert rows[0].quote.startswith("The family")


def test_a_title_in_single_marks_is_not_a_quote(statements_of):  # noqa: F811
    body = (
        "Click to play video: 'Russia, backed by China, cast a veto on Syria to block aid'\n\n"
        "Canada said on Friday that it was deeply disappointed by the veto."
    )
    rows = statements_of(body)
    assert all(not s.quote.startswith("Russia, backed") for s in rows)


def test_a_sentence_that_only_attributes_its_quote_is_not_a_second_statement(
    statements_of,  # noqa: F811
):
    body = (
        "“Almost two months into the fighting, the children of Gaza are all terrified,” said "
        "Martin Griffiths, under secretary general for humanitarian affairs and emergency "
        "relief co-ordinator."
    )
    rows = statements_of(body)
    assert [(s.speaker_id, s.is_direct) for s in rows] == [("martin-griffiths", True)]


def test_an_attribution_with_a_second_speaker_keeps_the_reported_statement(
    statements_of,  # noqa: F811
):
    body = (
        "“I understand the heartbreak of those who were not able to get out,” Prime Minister "
        "Justin Trudeau said, hours after Acting Chief of the Defence Staff Wayne Eyre "
        "announced that the last flight "
        "had departed Kabul early Thursday morning."
    )
    rows = statements_of(body)
    assert any(not s.is_direct and "Wayne Eyre" in s.speaker_text for s in rows)


def test_a_name_the_tagger_missed_after_a_title_is_the_speaker(statements_of):  # noqa: F811
    body = (
        "In turn, China's Permanent Representative to the UN Ma Zhaoxu said that terrorist "
        "organizations continue to attack civilians in Syria."
    )
    rows = statements_of(body)
    assert [s.speaker_text for s in rows] == ["Ma Zhaoxu"]


def test_an_organisation_name_after_its_country_is_not_taken_for_a_person(
    statements_of,  # noqa: F811
):
    body = "The Syrian Observatory for Human Rights said that 40 people were killed on Sunday."
    rows = statements_of(body)
    assert all(s.speaker_text != "Human Rights" for s in rows)


def test_tribal_officials_and_leaders_in_a_country_do_not_speak_for_it(
    statements_of,  # noqa: F811
):
    body = (
        "Yemeni tribal officials say a coalition airstrike has killed at least 15 people in "
        "the city.\n\n"
        "Rohingya leaders in Bangladesh told AFP that at least 3,500 had arrived since then."
    )
    rows = statements_of(body)
    assert all(s.speaker_id not in ("yemen", "bangladesh") for s in rows)


def test_a_surname_the_tagger_left_bare_is_the_person_named_before(
    statements_of,  # noqa: F811
):
    body = (
        "UN Secretary-General Ban Ki-moon called on countries on Wednesday to resettle "
        "refugees.\n\n"
        "Ban, at the start of a conference hosted by the UN refugee agency UNHCR in Geneva, "
        'said: "This demands an exponential increase in global solidarity."'
    )
    rows = [s for s in statements_of(body) if s.is_direct]
    assert [s.speaker_id for s in rows] == ["ban-ki-moon"]


def test_a_first_name_alone_after_a_quote_is_its_speaker(statements_of):  # noqa: F811
    body = (
        "Thirty-year-old Dana arrived in January with her four children.\n\n"
        '"I worry about money. I worry about my kids surviving," Dana said while waiting to '
        'register. "I still have hope that they will give me assistance."'
    )
    rows = [s for s in statements_of(body) if s.is_direct]
    assert [s.speaker_text for s in rows] == ["Dana", "Dana"]


def test_a_capital_that_only_opens_a_sentence_is_no_speaker(statements_of):  # noqa: F811
    body = (
        "Armed gangs control most of the capital.\n\n"
        "Gangs have grown more powerful since July and are estimated to control 80% of the city."
    )
    assert all(s.speaker_text != "Gangs" for s in statements_of(body))
