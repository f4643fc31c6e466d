"""Statements13 (pooled over real_dev … real_dev11): verbs that tell what was done to their
subject are no statement of it, a phrasal cue needs its particle, and a person named beside a
title in the subject speaks rather than the body the title names. Names and sentences are
invented; the probes at the end look like the triggers and must not fire (or must keep firing)."""

from tests.statement_fixtures import statements_of  # noqa: F401  (fixture)


def _speakers(rows):
    return [s.speaker_text for s in rows]


# --- a participle clause under a negated main clause: the subject was asked, and said nothing ---------------------------------------------------


def test_a_minister_asked_who_gives_no_answer_says_nothing(statements_of):  # noqa: F811
    body = (
        "When asked how many of the families had reached Ottawa, however, Defence Minister "
        "Carla Brennan did not give a clear answer."
    )
    assert statements_of(body) == []


def test_asked_then_said_is_still_the_speakers_statement(statements_of):  # noqa: F811
    body = (
        "Asked about the agenda of the talks, Foreign Minister Petra Lindqvist said that the "
        "exchange of prisoners would come first."
    )
    assert _speakers(statements_of(body)) == ["Petra Lindqvist"]


def test_asked_then_telling_a_story_still_speaks(statements_of):  # noqa: F811
    body = (
        "Asked about the collapse of the truce this week, Commissioner Hana Okafor offered her "
        "own account of the fighting around the camps."
    )
    assert _speakers(statements_of(body)) == ["Hana Okafor"]


# --- a passive that raises a hearsay complement ----------------------------------------------------


def test_people_reported_killed_are_no_statement_of_the_last_speaker(statements_of):  # noqa: F811
    body = (
        "The World Health Organization said on Monday that two clinics had closed. "
        "The meeting opened a day after at least 40 people were reported killed in shelling "
        "near the border."
    )
    rows = statements_of(body)
    assert len(rows) == 1
    assert "clinics" in body[rows[0].char_start : rows[0].char_end]


def test_a_facility_reported_to_be_open_is_no_statement(statements_of):  # noqa: F811
    body = (
        "UNICEF said on Tuesday that nine schools had been damaged. Of the nine, only two are "
        "reported to be open again."
    )
    rows = statements_of(body)
    assert [body[r.char_start : r.char_end] for r in rows] == [
        "UNICEF said on Tuesday that nine schools had been damaged."
    ]


def test_it_was_stressed_that_still_carries_the_speaker(statements_of):  # noqa: F811
    body = (
        "UNICEF said on Tuesday that nine schools had been damaged. It was stressed that "
        "attacks on schools must stop at once."
    )
    assert _speakers(statements_of(body)) == ["UNICEF", "UNICEF"]


# --- welcoming a visitor in person ------------------------------------------------------------------


def test_a_leader_welcoming_a_visiting_minister_is_a_caption_not_speech(statements_of):  # noqa: F811
    body = (
        "Jordan's King Abdullah welcomes Egypt's Foreign Minister Sameh Shoukry before a meeting "
        "in Amman yesterday."
    )
    assert statements_of(body) == []


def test_welcoming_arrivals_to_a_country_is_no_statement(statements_of):  # noqa: F811
    body = (
        "The premier and the mayor welcomed them to Halifax and handed out warm clothes at the "
        "airport."
    )
    assert statements_of(body) == []


def test_welcoming_a_decision_stays_a_statement(statements_of):  # noqa: F811
    body = "Ukraine's foreign ministry welcomed the decision of the Council to extend the mission."
    assert len(statements_of(body)) == 1


# --- a phrasal cue needs its particle ------------------------------------------------------------------


def test_playing_a_role_is_no_statement(statements_of):  # noqa: F811
    body = (
        "Air support from Tehran played a decisive role in the army's push into the valley in 2018."
    )
    assert statements_of(body) == []


def test_playing_down_is_still_a_statement(statements_of):  # noqa: F811
    body = "Germany played down the risk of a new wave of arrivals in a statement on Friday."
    assert _speakers(statements_of(body)) == ["Germany"]


# --- a person named beside a title ----------------------------------------------------------------------


def test_a_name_in_apposition_to_a_title_speaks_not_the_body(statements_of):  # noqa: F811
    body = (
        "The head of the UN-backed relief taskforce for Yemen, Lars Oddvik, said in Geneva that "
        "most of the convoys would reach Taiz by the weekend."
    )
    assert _speakers(statements_of(body)) == ["Lars Oddvik"]


def test_a_title_in_apposition_to_a_name_speaks_as_the_person(statements_of):  # noqa: F811
    body = (
        "Tomas Verhaegen, the UN's humanitarian coordinator for Somalia, told reporters in "
        "Mogadishu on Thursday that the first trucks were ready to leave."
    )
    assert _speakers(statements_of(body)) == ["Tomas Verhaegen"]


def test_a_surname_closing_a_long_title_is_the_person_named_in_full(statements_of):  # noqa: F811
    body = (
        "Speaking in Doha, Iraq's Deputy Foreign Minister for Regional Affairs Karimi stressed "
        "the need to end the fighting. \u201cThe border must stay open,\u201d Dawood Salim Karimi, "
        "who leads the delegation, said on Monday."
    )
    rows = statements_of(body)
    assert {r.speaker_text for r in rows} == {"Dawood Salim Karimi"}


# --- probes: look like the triggers, must keep their reading ---------------------------------------------


def test_probe_a_body_in_apposition_keeps_the_body(statements_of):  # noqa: F811
    body = "The UN refugee agency, UNHCR, said on Friday that 4,000 people had crossed the border."
    assert [s.speaker_id for s in statements_of(body)] == ["unhcr"]


def test_probe_a_person_mentioned_keeps_the_person(statements_of):  # noqa: F811
    body = (
        "UN Secretary-General Antonio Guterres told reporters that the ceasefire had to hold "
        "through the winter."
    )
    assert [s.speaker_id for s in statements_of(body)] == ["antonio-guterres"]


def test_probe_the_court_ruled_is_no_statement(statements_of):  # noqa: F811
    body = "The court ruled on Tuesday that the detention of the two aid workers was unlawful."
    assert statements_of(body) == []


# --- speech named by a noun its speaker owns -------------------------------------------------------


def test_a_countrys_call_for_a_delay_is_its_statement(statements_of):  # noqa: F811
    body = (
        "France's call for a second vote won the support of only five members of the council "
        "on Thursday."
    )
    rows = statements_of(body)
    assert [s.speaker_id for s in rows] == ["france"]


def test_a_demand_owned_by_a_country_as_the_subject_is_its_statement(statements_of):  # noqa: F811
    body = (
        "Turkey's demand that the vote be postponed until Monday angered several members of the "
        "council."
    )
    rows = statements_of(body)
    assert [s.speaker_id for s in rows] == ["turkey"]
    assert body[rows[0].char_start : rows[0].char_end] == (
        "Turkey's demand that the vote be postponed until Monday"
    )


def test_probe_an_owned_noun_in_a_phrase_of_background_is_no_statement(statements_of):  # noqa: F811
    body = (
        "In response to the UNHCR's appeal for Norway to resettle the most vulnerable cases, "
        "the government will take 500 more people this year."
    )
    assert [s.cue for s in statements_of(body) if s.cue == "appeal"] == []


def test_an_owned_claim_inside_anothers_speech_stays_the_speakers(statements_of):  # noqa: F811
    # holdout_corpus, real_dev and real_dev3 give the owner no row inside another's words
    body = (
        "Speaking to the Council, Ambassador Rhona Castell dismissed China's claim of protecting "
        "civilians in the region as an insult to the victims."
    )
    assert [s.speaker_text for s in statements_of(body)] == ["Rhona Castell"]


def test_probe_an_administrations_promise_is_left_alone(statements_of):  # noqa: F811
    body = (
        "Some 9,000 families were admitted last year as part of the Biden administration's "
        "promise to raise the number of admissions by September."
    )
    assert statements_of(body) == []


def test_probe_an_owned_noun_without_content_is_no_statement(statements_of):  # noqa: F811
    body = "Germany's call came as the ministers gathered in Luxembourg for the second day."
    assert statements_of(body) == []


def test_probe_a_call_to_prayer_is_no_statement(statements_of):  # noqa: F811
    body = "The imam's call to prayer rang out over the camp as the trucks rolled in."
    assert statements_of(body) == []


def test_probe_a_threat_of_attacks_is_no_statement(statements_of):  # noqa: F811
    body = "The militia's threat of new attacks kept the aid convoys in Kassala for a week."
    assert statements_of(body) == []


def test_probe_a_pronoun_owner_is_left_to_the_carrying_passes(statements_of):  # noqa: F811
    body = "Aid agencies said his promise to reopen the crossing had not been kept by Friday."
    assert [s.cue for s in statements_of(body) if s.cue == "promise"] == []


# --- probes of ordinary news text that look like the new rules' triggers: no statement at all ------
# (before this round the first, second, fourth, fifth, seventh and ninth gave a statement)

PROBES = [
    "Hezbollah's backing played a part in the army's advance on the town of Qusayr in 2013.",
    "Kenya's High Court ruled on Friday that the deployment of police officers to Haiti was "
    "unconstitutional.",
    "Two aid workers were reported missing after the convoy came under fire near Idlib.",
    "When asked about the deadline, the spokesman for Turkey's foreign ministry did not respond.",
    "Greece's Prime Minister welcomes the Pope at Athens airport on Saturday.",
    "Norway's pledge was not mentioned in the final communique of the Brussels conference.",
    "Russia points its missiles at the Black Sea ports, satellite images published on Tuesday "
    "show.",
    "Of the 40 clinics in the district, only six are believed to be working.",
    "Qatar's Emir welcomed him at the palace in Doha before the two leaders held talks on Gaza.",
    "Iran's call came hours before the deadline for the talks in Vienna expired.",
]


def test_probes_that_look_like_the_triggers_give_no_statement(statements_of):  # noqa: F811
    fired = {body: _speakers(statements_of(body)) for body in PROBES}
    assert {body: speakers for body, speakers in fired.items() if speakers} == {}


def test_probe_a_hearsay_passive_after_a_speaker_is_not_carried(statements_of):  # noqa: F811
    body = (
        "The UN refugee agency said 3,000 people crossed on Sunday. Of the 40 clinics in the "
        "district, only six are believed to be working, and two aid workers were reported "
        "missing."
    )
    assert len(statements_of(body)) == 1


def test_probe_an_owned_noun_repeating_earlier_words_is_no_new_statement(statements_of):  # noqa: F811
    body = (
        "Chancellor Ilse Brandauer asked for closer co-operation with Ankara in fighting the "
        "smugglers. Critics said Brandauer's call for closer co-operation in the fight "
        "against smuggling was meant to calm her own party."
    )
    owned = [s for s in statements_of(body) if s.cue == "call"]
    assert owned == []


def test_probe_a_funding_appeal_is_no_statement(statements_of):  # noqa: F811
    body = (
        "Aid officials warned that the UN's flash appeal for Sudan, which seeks $400 million, "
        "remained only a third funded."
    )
    assert "United Nations" not in [s.speaker_text for s in statements_of(body)]
    assert [s.cue for s in statements_of(body) if s.cue == "appeal"] == []


def test_probe_an_owned_noun_inside_quotation_marks_is_the_quoted_speakers(statements_of):  # noqa: F811
    body = (
        '"Iran\'s demand that the talks move to Oman makes little sense to us," the minister '
        "told parliament on Tuesday."
    )
    assert [s.cue for s in statements_of(body) if s.cue == "demand"] == []


def test_an_owned_call_the_parser_reads_as_a_phrase_is_still_a_statement(statements_of):  # noqa: F811
    body = (
        "Egypt\u2019s call for a pause needed nine \u201cyes\u201d votes in the 15-member council but "
        "got only three \u2014 Egypt, Algeria and Kenya."
    )
    assert [s.speaker_id for s in statements_of(body)] == ["egypt"]
