"""Review of this round's statement rules (fix13c): probes in the style of other crises that
misfired, now regression tests. Names and sentences are invented."""

import time

from etl.statement_tweets import _without_trailing_links
from tests.statement_fixtures import statements_of  # noqa: F401  (fixture)


def _speakers(rows):
    return [s.speaker_text for s in rows]


# --- a name the parser hung on the title's last noun: "the head of the UN agency in Sudan, X," ----


def test_a_name_after_a_title_with_a_place_speaks(statements_of):  # noqa: F811
    body = (
        "The head of the UN refugee agency in Sudan, Mamadou Diallo, said the camps near "
        "the border were full."
    )
    assert _speakers(statements_of(body)) == ["Mamadou Diallo"]


def test_a_name_after_a_short_title_speaks(statements_of):  # noqa: F811
    body = "The head of the UN refugee agency, Mamadou Diallo, said the camps were full."
    assert _speakers(statements_of(body)) == ["Mamadou Diallo"]


def test_probe_a_body_after_a_title_stays_the_body(statements_of):  # noqa: F811
    body = "The head of the agency in Geneva, UNHCR, said the camps were full."
    assert _speakers(statements_of(body)) == ["UNHCR"]


def test_probe_a_place_after_a_place_is_no_person(statements_of):  # noqa: F811
    body = "Officials at the UN office in Geneva, Switzerland, said the meeting was postponed."
    assert "Switzerland" not in _speakers(statements_of(body))


# --- a credit line with a handle is no embedded post --------------------------------------------


def test_probe_a_photo_credit_with_a_handle_is_no_post(statements_of):  # noqa: F811
    body = (
        "Displaced families queue for water at a camp outside Kabul.\n"
        "— Photo: Jane Smith (@janesmith) August 30, 2021\n"
    )
    assert statements_of(body) == []


def test_a_signed_post_between_two_others_stays_its_signers(statements_of):  # noqa: F811
    body = (
        "The war in Sudan must end now, and the world must act.\n"
        "— Antonio Guterres (@antonioguterres) April 15, 2023\n"
        "Aid lorries wait at the crossing into Darfur.\n"
        "— Video: Jane Smith (@janesmith) April 15, 2023\n"
        "We stand with the people of Ukraine today and always. https://t.co/ab12\n"
        "— Ursula von der Leyen (@vonderleyen) February 24, 2023\n"
    )
    rows = statements_of(body)
    assert [(r.speaker_text, body[r.char_start : r.char_end]) for r in rows] == [
        ("Antonio Guterres", "The war in Sudan must end now, and the world must act."),
        ("Ursula von der Leyen", "We stand with the people of Ukraine today and always."),
    ]


# --- trailing links are cut in time linear in their number --------------------------------------


def test_trailing_links_are_cut():
    text = "We stand with Ukraine.https://t.co/x pic.twitter.com/y  "
    assert text[: _without_trailing_links(text)] == "We stand with Ukraine."


def test_a_long_run_of_links_does_not_backtrack():
    text = "http://a " * 6000 + "end"
    started = time.perf_counter()
    assert _without_trailing_links(text) == len(text)
    assert time.perf_counter() - started < 1.0


# --- owned speech nouns: a quantity, a lawsuit ------------------------------------------------


def test_probe_demand_for_a_commodity_that_rises_is_no_statement(statements_of):  # noqa: F811
    body = "China's demand for crude oil from Venezuela rose by a third last year."
    assert statements_of(body) == []


def test_probe_an_appeal_of_a_ruling_is_no_statement(statements_of):  # noqa: F811
    body = "Myanmar's appeal of the court ruling was dismissed in The Hague on Friday."
    assert statements_of(body) == []


def test_an_appeal_for_calm_is_still_the_owners_statement(statements_of):  # noqa: F811
    body = "The UN's appeal for calm in Khartoum went unheeded on Monday."
    assert _speakers(statements_of(body)) == ["UN"]


# --- an occasion heading with a finite verb is a news headline -----------------------------------


def test_probe_a_past_tense_headline_about_remarks_is_no_document(statements_of):  # noqa: F811
    body = (
        "Remarks at the summit in Geneva were met with scepticism\n"
        "Jane Doe\n"
        "The talks ended without a deal on Monday, and the delegations flew home.\n"
    )
    assert statements_of(body) == []


def test_a_statement_headed_by_its_occasion_is_still_its_speakers(statements_of):  # noqa: F811
    body = (
        "Statement to the Security Council on the situation in Ukraine\n"
        "Ambassador Linda Thomas-Greenfield\n"
        "Thank you, Madam President. Russia must withdraw its forces from Ukraine now.\n"
    )
    assert _speakers(statements_of(body)) == ["Linda Thomas-Greenfield"]
