"""Statements13c (pooled "duplicate or split quote" rows over real_dev … real_dev11): a sentence
that only attributes a quote is not a second row of it; a later clause is not given to the
parties coordinated in the first clause's subject; sentences are not cut before a small letter
inside a line, and "$500m." ends its sentence. Names and sentences are invented; the probes at
the end look like the triggers and must keep their rows."""

from tests.statement_fixtures import statements_of  # noqa: F401  (fixture)


def _rows(body, rows):
    return [(s.speaker_text, s.is_direct, body[s.char_start : s.char_end]) for s in rows]


# --- a quote and the sentence that attributes it: one row, the quote ----------------------------


def test_quote_with_apposition_and_time_is_one_row(statements_of):  # noqa: F811
    body = (
        '"Some 2,000 people and 30 wounded were brought out of the district," the head of the '
        "Norwegian Refugee Council in Lebanon, Marit Solberg, said after the first buses left."
    )
    rows = statements_of(body)
    assert len(rows) == 1
    assert rows[0].is_direct and rows[0].quote.startswith("Some 2,000 people")


def test_last_sentence_of_a_long_quote_is_not_a_second_row(statements_of):  # noqa: F811
    body = (
        "“A cruel attack took place today near the border, where our engineers were rebuilding "
        "a bridge. I pray for the families of the victims and wish the injured a fast recovery,” "
        "Omar Haddad, the government spokesman, said on his Twitter account."
    )
    rows = statements_of(body)
    assert [r.is_direct for r in rows] == [True]


def test_quote_after_a_phrase_without_verb_is_one_row(statements_of):  # noqa: F811
    body = (
        "In its relief operations, “The agency’s first duty is to reach the people who are cut "
        "off by the floods,” Lena Vogt said."
    )
    rows = statements_of(body)
    assert [r.is_direct for r in rows] == [True]


def test_colon_clause_and_pronoun_attribution_give_the_quote_only(statements_of):  # noqa: F811
    body = (
        'Ambassador Rita Osei condemned the veto: "You have chosen to protect a government that '
        'bombs its own hospitals every single week of this war," she said.'
    )
    rows = statements_of(body)
    assert len(rows) == 1 and rows[0].is_direct


# --- coordinated speakers and a later clause ---------------------------------------------------


def test_second_clause_of_a_coordinated_subject_is_not_split(statements_of):  # noqa: F811
    body = (
        "Both France and Russia said they wanted the inquiry to continue, but Russia insisted on "
        "changing its rules, which the French government and other council members rejected."
    )
    rows = statements_of(body)
    assert sorted(r.speaker_text for r in rows) == ["France", "Russia"]
    assert {(r.char_start, r.char_end) for r in rows} == {(0, len(body))}


# --- sentence boundaries ------------------------------------------------------------------------


def test_bracketed_date_does_not_end_the_sentence(nlp):
    body = (
        "The agency said Monday (March 4th) it was sending a convoy to the camps near the "
        "border, Reuters reported."
    )
    assert len(list(nlp(body).sents)) == 1


def test_sum_in_millions_ends_its_sentence(nlp):
    body = (
        "Qatar led the donors, promising $300m. British Foreign Secretary Anne Kell announced a "
        "further package of $120m."
    )
    sents = [s.text for s in nlp(body).sents]
    assert sents == [
        "Qatar led the donors, promising $300m.",
        "British Foreign Secretary Anne Kell announced a further package of $120m.",
    ]


def test_name_in_small_letters_after_a_quote_stays_in_its_sentence(nlp):
    body = '"How can we trust them again?" van der Berg said. "They broke every promise."'
    assert [s.text for s in nlp(body).sents][
        0
    ] == '"How can we trust them again?" van der Berg said.'


# --- probes: these look like the triggers and must keep their rows -------------------------------


def test_probe_adding_that_keeps_the_sentence(statements_of):  # noqa: F811
    body = (
        '"The talks have been held at the level of ministers so far," Ortega said, adding that a '
        "summit would follow in the spring."
    )
    assert sorted(r.is_direct for r in statements_of(body)) == [False, True]


def test_probe_a_second_verb_with_a_clause_keeps_the_sentence(statements_of):  # noqa: F811
    body = (
        "“Famine is spreading across the north of the country,” Ana Ruiz said as she urged the "
        "council to fund the appeal."
    )
    assert sorted(r.is_direct for r in statements_of(body)) == [False, True]


def test_probe_quote_as_subject_of_the_clause_keeps_the_sentence(statements_of):  # noqa: F811
    body = (
        "“A faster response from the international community and its donors” is needed, Paolo "
        "Conti added, as he cited the pressure on the camps."
    )
    assert any(not r.is_direct for r in statements_of(body))


def test_probe_refusing_to_say_is_more_than_an_attribution(statements_of):  # noqa: F811
    body = (
        '"We will not sign this text as it stands," Deputy Minister Ivan Petrov said, refusing '
        "to say whether the talks would resume."
    )
    assert sorted(r.is_direct for r in statements_of(body)) == [False, True]


def test_probe_another_speakers_sentence_after_a_quote_is_kept(statements_of):  # noqa: F811
    body = (
        '"The road to the camp is open again," Governor Amal Nasser said. UNICEF said it had '
        "cleared the last mines from the road on Sunday."
    )
    rows = statements_of(body)
    assert len(rows) == 2 and {r.is_direct for r in rows} == {True, False}


def test_probe_headline_quote_and_claim_keep_both_rows(statements_of):  # noqa: F811
    body = "'We need a ceasefire now': UN says the bombing of Rafah must stop\n\nText follows here."
    rows = [r for r in statements_of(body) if r.char_start < 70]
    assert len(rows) == 2


def test_probe_plain_coordinated_statement_still_gives_each_party(statements_of):  # noqa: F811
    body = "Kenya and Ethiopia said on Friday that the border crossing would reopen next week."
    assert sorted(r.speaker_text for r in statements_of(body)) == ["Ethiopia", "Kenya"]


def test_probe_a_line_break_still_ends_a_sentence_before_a_small_letter(nlp):
    body = "Aid convoy reaches the camp\nmore than 40 trucks crossed on Monday."
    assert len(list(nlp(body).sents)) == 2


def test_probe_full_stop_time_and_capital_initials_are_untouched(nlp):
    doc = nlp("The meeting ended at 5 p.m. Monday, said J. M. Olsen.")
    assert "p.m." in [t.text for t in doc] and "M." in [t.text for t in doc]
    assert len(list(doc.sents)) == 1


def test_probe_metres_in_the_middle_of_a_sentence_stay_one_sentence(nlp):
    doc = nlp("A 10m. wall was built around the camp last year.")
    assert len(list(doc.sents)) == 1
