"""Statement classes that recur across the real development sets (real_dev … real_dev8), fixed
in the round of real_dev8: speakers named in the sentence but missed (outlets closing a
sentence, a dateline parsed as a second subject, a verb hung on the name that opens the sentence,
speech acts missing from the verb list, declared concern, a plural possessive). Names and
sentences are invented."""

from etl.actors import Gazetteer, resolve_mentions
from tests.statement_fixtures import statements_of  # noqa: F401  (fixture)


def test_an_outlet_reporting_alone_is_the_speaker(statements_of):  # noqa: F811
    body = (
        "The new arrivals will come on top of the existing humanitarian intake of 9,000 "
        "places, the Vesperline news agency reported."
    )
    rows = [(s.speaker_id, s.speaker_text) for s in statements_of(body)]
    assert rows == [("vesperline", "Vesperline")]


def test_an_outlet_written_after_its_verb_is_the_speaker(statements_of):  # noqa: F811
    body = (
        "The telephone call between the two presidents took place on Tuesday evening, "
        "reported Vesperline news agency."
    )
    rows = [(s.speaker_id, s.cue) for s in statements_of(body)]
    assert rows == [("vesperline", "report")]


def test_a_one_word_outlet_before_its_noun_is_a_media_actor(nlp):
    body = "A Vesperline correspondent reported that the talks had begun in the capital."
    _mentions, new = resolve_mentions(nlp(body), "a1", Gazetteer.load())
    assert [(a.actor_id, a.kind) for a in new] == [("vesperline", "media")]
    assert "Vesperline Agency" in new[0].aliases


def test_a_country_s_state_tv_is_no_outlet_of_its_own(nlp):
    body = "Syrian state TV reported that the delegation had arrived in Geneva on Friday."
    _mentions, new = resolve_mentions(nlp(body), "a1", Gazetteer.load())
    # The outlet is the whole hyphenated name (found by actor discovery), never its fragment.
    assert [a.name for a in new if a.kind == "media"] in ([], ["al-Vesperline"])
    assert all(a.name != "Vesperline" for a in new)


def test_a_name_and_title_opening_the_sentence_speak_through_the_verb_after_them(
    statements_of,  # noqa: F811
):
    body = (
        "Tom Marlowe, the UN regional humanitarian coordinator, called on major powers to "
        "broker a settlement to end the war and avoid a bloodbath in the province."
    )
    rows = [(s.speaker_id, s.cue) for s in statements_of(body)]
    assert rows == [("tom-marlowe", "call on")]


def test_congratulating_and_articulating_a_condemnation_are_speech(statements_of):  # noqa: F811
    body = (
        "Minister Jane Doerring congratulates the volunteers working on the ground to welcome "
        "the refugees in the country.\n\n"
        "Foreign Minister Tom Marlowe also articulated his condemnation of the veto and called "
        "it a shameful decision."
    )
    rows = [(s.speaker_id, s.cue) for s in statements_of(body)]
    assert rows == [("jane-doerring", "congratulate"), ("tom-marlowe", "articulate")]


def test_a_body_that_continues_to_remain_concerned_has_said_so(statements_of):  # noqa: F811
    body = (
        "The United Nations continues to remain gravely concerned by the escalation of "
        "violence in the north of the country."
    )
    rows = [(s.speaker_id, s.cue) for s in statements_of(body)]
    assert rows == [("united-nations", "concerned")]


def test_according_to_a_plural_owners_agency_names_the_agency_beside_it(
    statements_of,  # noqa: F811
):
    body = (
        "According to the United Nations' refugee agency, the UNHCR, Turkey is hosting more "
        "than 1.8 million Syrian refugees."
    )
    rows = [(s.speaker_id, s.cue) for s in statements_of(body)]
    assert rows == [("unhcr", "according to")]


def test_the_government_speaks_for_the_country_the_page_names(statements_of):  # noqa: F811
    body = (
        "Australia will take in more people fleeing the war in Syria, and Australia will also "
        "send aid to the camps in Jordan.\n\n"
        "The Federal Government has announced it will resettle 800 Syrian refugees as part of "
        "its humanitarian program.\n\n"
        "Australia has resettled Syrian refugees before, and the government pledged in March "
        "to welcome 2,000 Syrian refugees over two years."
    )
    speakers = [s.speaker_id for s in statements_of(body)]
    assert speakers == ["australia", "australia"]


def test_the_government_is_not_the_country_of_the_people_a_story_is_about(
    statements_of,  # noqa: F811
):
    # "Syrian refugees" names the people the story is about, not the government that speaks
    body = (
        "Syrian refugees, Syrian families and Syrian children wait in the camps near the "
        "border.\n\n"
        "The government said on Monday that it would open two more reception centres."
    )
    assert [s.speaker_id for s in statements_of(body)] == []


def test_a_dateline_hung_on_the_verb_is_not_its_speaker(statements_of):  # noqa: F811
    body = (
        "OTTAWA, Dec. 4 (ANI): Canadian Prime Minister Jane Doerring has welcomed the first "
        "plane carrying refugees to Toronto and pledged to resettle 5,000 more by March."
    )
    speakers = [s.speaker_id for s in statements_of(body)]
    assert speakers == ["jane-doerring"]


def test_a_name_joined_to_the_word_before_is_no_outlet(nlp):
    body = "Meanwhile, the rebel-run al-Vesperline TV reported two airstrikes on the town."
    _mentions, new = resolve_mentions(nlp(body), "a1", Gazetteer.load())
    # The outlet is the whole hyphenated name (found by actor discovery), never its fragment.
    assert [a.name for a in new if a.kind == "media"] in ([], ["al-Vesperline"])
    assert all(a.name != "Vesperline" for a in new)


def test_the_subject_nearest_the_verb_speaks_unless_it_is_a_piece_of_a_name():
    from etl.nlp import load_nlp
    from etl.statement_clauses import _own_subject

    doc = load_nlp()(
        "Representatives of the group, which opposes President Jane al-Doerring, warned."
    )
    doc[0].dep_ = "nsubj"  # the split parse seen on real pages: "al" and "-" hung as subjects
    warned = next(t for t in doc if t.text == "warned")
    for piece in (t for t in doc if t.text in ("al", "-")):
        piece.head, piece.dep_ = warned, "nsubj"
    doc[0].head = warned
    assert _own_subject(warned).text == "Representatives"
