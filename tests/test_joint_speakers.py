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
