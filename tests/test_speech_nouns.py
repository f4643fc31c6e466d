"""Speech carried by nouns and unusual constructions."""

from tests.statement_fixtures import statements_of  # noqa: F401  (fixture)


def test_according_to_the_statement_is_the_statement_authors(statements_of):  # noqa: F811
    body = (
        "Prime Minister Justin Trudeau said on Sunday that the veto would cost lives.\n\n"
        "According to the statement, the country has committed more than $2 billion in "
        "assistance since the war began."
    )
    rows = statements_of(body)
    assert [(s.speaker_id, s.cue) for s in rows] == [
        ("justin-trudeau", "say"),
        ("justin-trudeau", "according to"),
    ]


def test_according_to_the_statement_without_a_speaker_before_gives_nothing(
    statements_of,  # noqa: F811
):
    body = "According to the statement, the border will reopen on Monday for aid convoys."
    assert statements_of(body) == []


def test_as_the_organisation_reported_needs_no_clause_of_its_own(statements_of):  # noqa: F811
    body = (
        "As UNICEF reported on Friday, hundreds of children remain trapped in the eastern "
        "districts without access to clean water."
    )
    rows = statements_of(body)
    assert [s.speaker_id for s in rows] == ["unicef"]


def test_participle_saying_gives_the_statement_to_the_noun_it_describes(
    statements_of,  # noqa: F811
):
    body = (
        "A video released on Tuesday shows Justin Trudeau saying that the evacuation flights "
        "will continue for as long as it is safe."
    )
    rows = statements_of(body)
    assert [s.speaker_id for s in rows] == ["justin-trudeau"]


def test_actor_declaring_a_feeling_in_a_headline_has_said_so(statements_of):  # noqa: F811
    body = (
        "Norway \u2018deeply\u2019 disappointed after cross-border aid vetoed at UN\n\nMore soon."
    )
    rows = statements_of(body)
    assert [(s.speaker_id, s.cue) for s in rows] == [("norway", "disappointed")]


def test_actor_declaring_a_feeling_in_a_sentence_has_said_so(statements_of):  # noqa: F811
    body = "Chile is gravely concerned by the violence in the north, which killed dozens."
    assert [s.speaker_id for s in statements_of(body)] == ["chile"]


def test_a_thing_owned_by_an_actor_being_troubled_is_no_statement(statements_of):  # noqa: F811
    body = "Chile's economy remains troubled by high inflation and weak exports this year."
    assert statements_of(body) == []
