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


def test_parties_coordinated_as_subject_each_get_a_row(statements_of):  # noqa: F811
    body = "Kenya and Ethiopia said on Monday that the border crossings would reopen next week."
    rows = statements_of(body)
    assert sorted(s.speaker_id for s in rows) == ["ethiopia", "kenya"]
    assert len({s.statement_id for s in rows}) == 2


def test_people_coordinated_as_subject_each_get_a_row_whatever_the_parse(
    statements_of,  # noqa: F811
):
    body = (
        "Russian Foreign Minister Sergei Lavrov and his Iranian counterpart Mohammad Javad "
        "Zarif and Turkish counterpart Mevlut Cavusoglu issued a joint statement after a "
        "trilateral meeting on Syria in Moscow."
    )
    rows = statements_of(body)
    assert sorted(s.speaker_text for s in rows) == [
        "Mevlut Cavusoglu",
        "Mohammad Javad Zarif",
        "Sergei Lavrov",
    ]


def test_later_back_references_point_at_the_parties_of_their_kind(statements_of):  # noqa: F811
    body = (
        "Russia, Iran and Turkey said Saturday that the talks had made the most efficient "
        "contribution to a settlement.\n\n"
        "Russian Foreign Minister Sergei Lavrov and his Iranian counterpart Mohammad Javad "
        "Zarif and Turkish counterpart Mevlut Cavusoglu issued a joint statement after a "
        "trilateral meeting on Syria in Moscow.\n\n"
        "The three ministers agreed to hold the next round in Astana.\n\n"
        "Eight rounds of talks have been held since January 2017.\n\n"
        "In Saturday's joint statement, the three countries reiterated their firm commitment "
        "to the territorial integrity of Syria.\n\n"
        "The top diplomats strongly condemned the reported use of chemical weapons in Syria."
    )
    rows = statements_of(body)
    countries = [s.speaker_id for s in rows if "three countries" in s.quote]
    diplomats = [s.speaker_text for s in rows if s.quote.startswith("The top diplomats")]
    assert sorted(countries) == ["iran", "russia", "turkey"]
    assert sorted(diplomats) == ["Mevlut Cavusoglu", "Mohammad Javad Zarif", "Sergei Lavrov"]


def test_a_back_reference_nobody_was_named_for_gives_no_row_and_breaks_no_quote(
    statements_of,  # noqa: F811
):
    body = (
        "Foreign ministers from the Group of Seven pledged on Saturday to keep supplying "
        "weapons to Ukraine.\n\n"
        "Wrapping up three days of talks, the ministers said in a joint statement that they "
        "would widen sanctions on Moscow's elite.\n\n"
        '"We call on Russia to cease blocking Ukrainian ports," the statement said.'
    )
    rows = statements_of(body)
    assert all(s.speaker_id is not None for s in rows)
    assert any(s.is_direct and s.speaker_id == "g7" for s in rows)


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
