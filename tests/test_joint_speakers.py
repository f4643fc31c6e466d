"""Joint statements: a document issued by several parties is a statement of each issuer."""

from tests.statement_fixtures import statements_of  # noqa: F401  (fixture)


def test_a_joint_statement_of_three_countries_is_a_statement_of_each(statements_of):  # noqa: F811
    body = (
        "The next round of talks on the border will take place in Nairobi in May, says the joint "
        "statement of Kenya, Ethiopia and Somalia, adopted after the meeting."
    )
    rows = statements_of(body)
    assert sorted(s.speaker_id for s in rows) == ["ethiopia", "kenya", "somalia"]
    assert len({s.statement_id for s in rows}) == 3  # each row keeps its own id
    assert len({s.quote for s in rows}) == 1


def test_two_speakers_coordinated_as_subject_stay_one_statement(statements_of):  # noqa: F811
    body = "Kenya and Ethiopia said on Monday that the border crossings would reopen next week."
    rows = statements_of(body)
    assert len(rows) == 1


def test_a_statement_noun_of_one_issuer_is_not_copied(statements_of):  # noqa: F811
    body = "The crossings will reopen next week, says the statement of the Kenyan foreign ministry."
    rows = statements_of(body)
    assert len(rows) <= 1


def test_they_after_two_leaders_named_together_is_a_statement_of_each(
    statements_of,  # noqa: F811
):
    body = (
        "Turkish President Recep Tayyip Erdogan and Russian President Vladimir Putin have "
        "reached an agreement aimed at ending fighting in the province.\n\n"
        "After talks in Moscow Thursday, they announced a ceasefire that will come into force "
        "in the region at midnight."
    )
    rows = [s for s in statements_of(body) if s.quote.startswith("After talks")]
    assert sorted(s.speaker_text for s in rows) == ["Recep Tayyip Erdogan", "Vladimir Putin"]


def test_they_does_not_point_back_at_countries_named_beside_the_subject(
    statements_of,  # noqa: F811
):
    body = (
        "Adopting the resolution with 13 votes in favour and 2 abstentions (Russia and China), "
        "ambassadors in New York also authorized the mission to secure the airport.\n\n"
        "They also called on countries participating in the mission to ensure the highest "
        "standards of conduct for their personnel."
    )
    rows = [s for s in statements_of(body) if s.quote.startswith("They also")]
    assert not any(s.speaker_text in {"Russia", "China"} for s in rows)


def test_the_ministers_point_back_at_people_not_at_their_countries(
    statements_of,  # noqa: F811
):
    body = (
        "Iran, Russia and Turkey have agreed to coordinate their efforts on the talks.\n\n"
        "The three foreign ministers said they will meet again in the autumn."
    )
    rows = [s for s in statements_of(body) if s.quote.startswith("The three")]
    assert not any(s.speaker_text in {"Iran", "Russia", "Turkey"} for s in rows)
