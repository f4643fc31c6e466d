"""Round 16: a document that "reads" its quote, and joint quotes of several sentences.

Sentences written for these tests in the style of wire copy about joint statements.
"""

from tests.statement_fixtures import statements_of  # noqa: F401


def _speakers(rows):
    return sorted({s.speaker_id for s in rows})


def test_joint_statement_reads_after_a_one_sentence_quote(statements_of):
    rows = statements_of(
        "The meeting ended on Friday. “We call on the parties to respect the ceasefire in "
        "the north of the country,” the joint statement of Russia, Turkey and Iran reads."
    )
    assert _speakers(rows) == ["iran", "russia", "turkey"]
    assert all(s.is_direct and s.quote.startswith("We call on") for s in rows)


def test_joint_statement_reads_after_a_quote_of_several_sentences(statements_of):
    rows = statements_of(
        "The meeting ended on Friday.\n\n“We call on the parties to respect the ceasefire in "
        "the north of the country. We will meet again in Geneva next month to review the "
        "progress of the talks”, – the joint statement of Russia, Turkey and Iran reads."
    )
    assert _speakers(rows) == ["iran", "russia", "turkey"]


def test_an_unattributed_quote_paragraph_goes_on_with_every_joint_speaker(statements_of):
    rows = statements_of(
        "The meeting ended on Friday.\n\n“We call on the parties to respect the ceasefire in "
        "the north of the country. We will meet again next month”, – the joint statement of "
        "Russia, Turkey and Iran reads.\n\nThe talks lasted two days.\n\n“We are grateful to "
        "the hosts of the meeting and reaffirm our commitment to a political settlement of "
        "the conflict.”"
    )
    grateful = [s for s in rows if s.quote.startswith("We are grateful")]
    assert _speakers(grateful) == ["iran", "russia", "turkey"]


def test_a_person_who_reads_reports_nothing(statements_of):
    rows = statements_of(
        "President Putin read the report on Tuesday before meeting his advisers in Moscow."
    )
    assert rows == []


def test_one_speaker_quote_paragraph_still_carries_one_speaker(statements_of):
    rows = statements_of(
        "“We call on the parties to respect the ceasefire in the north of the country,” "
        "Lavrov said.\n\n“We will meet again in Geneva next month to review the talks.”"
    )
    assert _speakers(rows) == ["sergei-lavrov"]
    assert len(rows) == 2
