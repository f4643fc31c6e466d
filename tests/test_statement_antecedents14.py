"""A subject "it" of a reporting verb points back at a body (statements14, pooled over real_dev …
real_dev12: "It added", ", it added", "It also confirmed" after a body's sentence were missed on
several real sets). A salience rule: the subject of the nearest sentence before that has one,
when it names a body. Names and sentences are invented; the probes look like the trigger and
must not fire ("they" is not read this way: it changed no row on any set)."""

from tests.statement_fixtures import statements_of  # noqa: F401  (fixture)


def _speakers(rows, start):
    return [s.speaker_id for s in rows if s.quote.startswith(start)]


def test_it_added_after_a_body_is_that_body(statements_of):  # noqa: F811
    body = (
        "UNHCR said on Tuesday that 3,000 people had crossed the border in a week. "
        "It added that most of them were women and children."
    )
    assert _speakers(statements_of(body), "It added") == ["unhcr"]


def test_a_closing_it_added_is_the_body_of_the_sentence_before(statements_of):  # noqa: F811
    body = (
        "The Gaza Health Ministry said 40 people were killed overnight in Rafah. "
        "Most of the dead were civilians, it added."
    )
    assert _speakers(statements_of(body), "Most of the dead") == ["gaza-health-ministry"]


def test_it_after_a_body_that_did_not_speak_yet(statements_of):  # noqa: F811
    body = (
        "The World Food Programme published its quarterly review on Thursday. "
        "It warned that funding for the region had fallen to its lowest level in a decade."
    )
    assert _speakers(statements_of(body), "It warned") == ["wfp"]


def test_a_chain_of_it_goes_back_to_the_body(statements_of):  # noqa: F811
    body = (
        "UNICEF said schools in the north had been closed for a month. "
        "It said teachers had not been paid. "
        "It also urged donors to fund the winter appeal."
    )
    rows = statements_of(body)
    assert _speakers(rows, "It said") == ["unicef"]
    assert _speakers(rows, "It also urged") == ["unicef"]


def test_it_after_a_government_is_its_country(statements_of):  # noqa: F811
    body = (
        "The Jordanian government closed the last crossing on Sunday. "
        "It said the decision would be reviewed after a month."
    )
    assert _speakers(statements_of(body), "It said") == ["jordan"]


# --- probes: look like the trigger, must not fire ----------------------------------------------


def test_it_after_a_thing_is_no_speaker(statements_of):  # noqa: F811
    body = (
        "The plan was approved by parliament on Monday. "
        "It calls for the return of 10,000 refugees by the end of the year."
    )
    assert statements_of(body) == []


def test_it_after_a_report_is_no_speaker(statements_of):  # noqa: F811
    body = (
        "The report was published on Thursday by researchers at Oxford. "
        "It says the number of displaced people has doubled since March."
    )
    assert statements_of(body) == []


def test_it_after_a_person_is_no_speaker(statements_of):  # noqa: F811
    body = (
        "Jane Doe, the foreign minister, met her Turkish counterpart in Ankara. "
        "It said that the talks had been constructive."
    )
    assert statements_of(body) == []


def test_it_after_a_named_person_in_a_body_title_is_no_speaker(statements_of):  # noqa: F811
    body = (
        "The agency's chief, Jane Doe, told reporters the camps were full. "
        "It added that the border would stay closed until further notice."
    )
    assert _speakers(statements_of(body), "It added") == []


def test_an_expletive_it_is_no_body(statements_of):  # noqa: F811
    body = (
        "UNHCR opened a new office in the border town on Monday. "
        "It is said that hundreds of families have fled the fighting."
    )
    assert statements_of(body) == []


def test_a_failed_resolution_and_a_plan_not_yet_said(statements_of):  # noqa: F811
    body = (
        "The resolution failed to pass. It would have demanded an immediate ceasefire.\n\n"
        "The European Union is expected to announce new sanctions next week. "
        "It has not said how large they will be."
    )
    assert statements_of(body) == []


def test_a_hypothetical_warning_is_no_statement_of_the_body(statements_of):  # noqa: F811
    body = (
        "The World Food Programme might suspend deliveries next month. "
        "If it does, it would warn the council first, diplomats said."
    )
    assert all(s.speaker_id != "wfp" for s in statements_of(body))


def test_a_thing_in_between_breaks_the_chain(statements_of):  # noqa: F811
    body = (
        "UNHCR said the camps were full.\n\n"
        "The talks collapsed on Friday after two days.\n\n"
        "It warned that the border would stay closed until further notice."
    )
    assert _speakers(statements_of(body), "It warned") == []


def test_plural_rebels_are_no_it(statements_of):  # noqa: F811
    body = (
        "The rebels said they had taken the airport. "
        "It added that the road to the capital was now open."
    )
    assert _speakers(statements_of(body), "It added") == []


# --- a document the body issued ------------------------------------------------------------------


def test_it_after_a_broadcasters_footage_is_the_broadcaster(statements_of):  # noqa: F811
    body = (
        "Footage from the Turkish broadcaster Haberturk TV showed the jet going down in flames. "
        "The plane crashed in a wooded area near the border, it said."
    )
    assert _speakers(statements_of(body), "The plane crashed") == ["haberturk"]


def test_a_report_published_by_unnamed_researchers_is_no_speaker(statements_of):  # noqa: F811
    body = (
        "Jane Doe released her report on Monday in London. It says the camps are full.\n\n"
        "A report was published on Thursday. It says the number of displaced people has doubled."
    )
    assert statements_of(body) == []


def test_more_probes_that_must_not_fire(statements_of):  # noqa: F811
    bodies = [
        "UNICEF Warns of Famine in Northern Gaza\nIt said that the crossings had to open.",
        "The Security Council will meet on Friday. If they agree, they will call for a pause.",
        "NATO allies met in Brussels. It was a tense meeting. It ended without a statement.",
        "The Media Line's correspondents are in Gaza and Lebanon. They all said they cover it.",
        "The UN refugee agency opened an office in Adre. Since the war broke out in April, it "
        "has claimed tens of thousands of lives.",
    ]
    for body in bodies:
        assert [
            s.speaker_id for s in statements_of(body) if s.quote[:2] in ("It", "Th", "Si")
        ] == []


def test_it_after_a_statement_is_its_issuers(statements_of):  # noqa: F811
    body = (
        "The Gaza Health Ministry said on Sunday that fuel was running out. A ministry statement "
        "said 165 people were killed over the past day. The majority of casualties are "
        "civilians, it added."
    )
    assert _speakers(statements_of(body), "The majority") == ["gaza-health-ministry"]


def test_it_after_a_report_of_an_unknown_body_is_not_the_last_speaker(statements_of):  # noqa: F811
    body = (
        "The International Organization for Migration said 5,000 people arrived on Monday.\n\n"
        "Most are living with host families, said the report prepared by the Inter Sector "
        "Coordination Group. It added that two children were injured in a stampede."
    )
    assert _speakers(statements_of(body), "It added") == []


def test_it_shared_by_two_coordinated_verbs_reads_back_too(statements_of):  # noqa: F811
    """ "It acknowledged … but said …": the reporting verb takes "It" from the verb it is
    coordinated with, no subject among its own children. That raised StopIteration and cost the
    whole article its rows (found by round 12's sealed run); the shared "It" now reads back like
    an own one."""
    body = (
        "The European Union called on Turkey on Monday to halt its military operation. "
        "It acknowledged Turkey as a key partner but said its security concerns should be "
        "addressed through diplomatic means."
    )
    rows = statements_of(body)
    assert _speakers(rows, "It acknowledged") == ["european-union"]
