"""Statement classes of issue 9 that recur across the real development sets (real_dev …
real_dev7): verbs of public criticism, pronouns after a conjoined object, and the other classes
fixed this round. Names and sentences are invented."""

from etl.actors import Gazetteer, resolve_mentions
from tests.statement_fixtures import statements_of  # noqa: F401  (fixture)


def test_a_verb_of_public_criticism_is_reported_speech(statements_of):  # noqa: F811
    body = (
        "Foreign Minister Jane Doerring blasted the council's failure to stop the bombing of "
        "the city.\n\n"
        "And she brushed aside a short pause in the shelling announced earlier this week."
    )
    rows = [(s.speaker_id, s.quote[:20]) for s in statements_of(body)]
    assert rows == [
        ("jane-doerring", "Foreign Minister Jan"),
        ("jane-doerring", "And she brushed asid"),
    ]


def test_hit_out_does_not_make_every_hit_a_statement(statements_of):  # noqa: F811
    body = "The missile hit the air base of the government near the city on Friday morning."
    assert statements_of(body) == []


def test_a_pronoun_subject_is_not_a_person_joined_to_an_object(nlp):
    # the pronoun resolver (etl.actors) skips objects; a conjunct of an object is one too
    body = (
        "Jane Doerring visited the camp before turning his sights towards Russia and Tom "
        "Marlowe. The two have a duty to protect civilians, he warned."
    )
    mentions, _new = resolve_mentions(nlp(body), "a1", Gazetteer.load())
    pronouns = [m.actor_id for m in mentions if m.how == "pronoun"]
    assert pronouns == ["jane-doerring"]


def test_a_ministry_in_a_place_is_the_places_ministry_not_its_ruler(statements_of):  # noqa: F811
    body = (
        "The health ministry in Hamas-run Gaza said on Saturday that at least 200 people had "
        "been killed in the past day.\n\n"
        "A ministry statement said 165 of them were killed in the south of the territory."
    )
    rows = [(s.speaker_id, s.quote[:12]) for s in statements_of(body)]
    assert rows == [
        ("gaza-health-ministry", "The health m"),
        ("gaza-health-ministry", "A ministry s"),
    ]


def test_the_ministry_after_the_gazetteers_ministry_spoke_is_that_ministry(
    statements_of,  # noqa: F811
):
    body = (
        "The Gaza Health Ministry said that 178 Palestinians had been killed on Friday.\n\n"
        "The toll is likely to be much higher, with the Ministry reporting that thousands more "
        "are under the rubble of destroyed buildings."
    )
    speakers = [s.speaker_id for s in statements_of(body)]
    assert speakers == ["gaza-health-ministry", "gaza-health-ministry"]


def test_a_ministry_in_a_capital_the_gazetteer_lacks_keeps_its_speaker(
    statements_of,  # noqa: F811
):
    body = (
        "Russia's foreign ministry in Moscow said on Monday that the talks would resume next week."
    )
    assert [s.speaker_id for s in statements_of(body)] == ["russia"]


def test_an_act_of_speech_named_by_its_noun_is_reported_speech(statements_of):  # noqa: F811
    body = (
        "Minister Tom Marlowe made the announcement during a press briefing in Beirut on "
        "Monday.\n\n"
        "Italy and Sweden were among a handful of countries to make new pledges to resettle "
        "refugees this year.\n\n"
        "The coalition has made no comment on the alleged attack on the market."
    )
    rows = [(s.speaker_id, s.quote[:12]) for s in statements_of(body)]
    assert rows == [
        ("tom-marlowe", "Minister Tom"),
        ("italy", "Italy and Sw"),
        ("sweden", "Italy and Sw"),
    ]


def test_the_named_agent_of_a_passive_speech_act_is_its_speaker(statements_of):  # noqa: F811
    body = (
        "A call for refugees to return to their country has been made by the new Prime "
        "Minister, Tom Marlowe, in an interview with a newspaper.\n\n"
        "The sanctions were announced by Jane Doerring at a press conference in the capital."
    )
    rows = [(s.speaker_id, s.quote[:12]) for s in statements_of(body)]
    assert rows == [("tom-marlowe", "A call for r")]


def test_a_quote_of_parties_named_together_before_and_the_document_after_are_each_theirs(
    statements_of,  # noqa: F811
):
    body = (
        "Iran, Russia and Turkey have agreed to resume the talks in Astana in late August.\n"
        "\u201cThe next meeting will be held in Astana in the last week of August,\u201d the "
        "three mediators said in a joint statement on Wednesday.\n"
        "The statement further underlined the need to secure the territorial integrity of "
        "Syria, noting that there can be no military solution."
    )
    rows = sorted((s.speaker_id, s.quote[:12]) for s in statements_of(body))
    assert rows == [
        ("iran", "The next mee"),
        ("iran", "The statemen"),
        ("russia", "The next mee"),
        ("russia", "The statemen"),
        ("turkey", "The next mee"),
        ("turkey", "The statemen"),
    ]


def test_speaking_about_a_subject_is_reported_speech_but_speaking_with_someone_is_not(
    statements_of,  # noqa: F811
):
    body = (
        "President Tom Marlowe also spoke about Tuesday's discussions with the G7 leaders.\n\n"
        "Jane Doerring spoke with her Turkish counterpart about the crisis in the region."
    )
    rows = [(s.speaker_id, s.quote[:12]) for s in statements_of(body)]
    assert rows == [("tom-marlowe", "President To")]


def test_officials_named_by_their_office_speak_for_the_country_the_page_is_about(
    statements_of,  # noqa: F811
):
    body = (
        "Canada has resettled thousands of Afghans since August. Canada's minister said more "
        "would come. Canada has also sent aircraft to the region.\n\n"
        "Government officials say some Canadians and their families are still trapped in "
        "Kabul as the Taliban tighten their grip."
    )
    rows = [(s.speaker_id, s.quote[:12]) for s in statements_of(body)]
    assert ("canada", "Government o") in rows


def test_an_interview_of_one_answer_under_a_question_label_is_the_answerers(
    statements_of,  # noqa: F811
):
    body = (
        "Question: Is the fall of the city the turning point of the war? Will you support "
        "the government in retaking the rest of the country?\n\n"
        "Tom Marlowe: The fall of the city is certainly a major step towards peace in the "
        "country and in the region.\n\n"
        "We worked jointly with our partners to prepare the evacuation of civilians, which "
        "has saved many innocent lives.\n\n"
        "We will continue to strengthen our cooperation with the countries of the region."
    )
    rows = [(s.speaker_text, s.quote[:12]) for s in statements_of(body)]
    assert rows == [
        ("Tom Marlowe", "The fall of "),
        ("Tom Marlowe", "We worked jo"),
        ("Tom Marlowe", "We will cont"),
    ]


def test_the_official_goes_on_with_the_person_just_reported_not_the_last_one_named(
    statements_of,  # noqa: F811
):
    body = (
        "Swiss State Secretary Tom Marlowe said on Monday that his country would receive "
        "2,000 refugees from Lebanon. Marlowe made the announcement at a press briefing held "
        "jointly with the Lebanese minister Jane Doerring.\n\n"
        "The official described the move as symbolic, noting the aim was to show solidarity "
        "with Lebanon."
    )
    last = statements_of(body)[-1]
    assert (last.speaker_text, last.quote[:12]) == ("Marlowe", "The official")


def test_the_adjective_official_names_no_speaker_the_body_it_qualifies_speaks(
    statements_of,  # noqa: F811
):
    body = (
        "UN envoy Staffan de Mistura said the talks would open on Friday in Geneva. In "
        "parallel, the official HNC Twitter feed confirmed that its members would be present "
        "for discussions with the envoy."
    )
    last = statements_of(body)[-1]
    assert (last.speaker_id, last.quote[:11]) == ("high-negotiations-committee", "In parallel")


def test_a_pronoun_after_a_quote_introduced_by_a_named_subject_is_that_person(
    statements_of,  # noqa: F811
):
    body = (
        "President Tom Marlowe ordered strikes on the air base in response.\n\n"
        'US Ambassador to the UN Jane Doerring condemned the veto: "You are isolating '
        "yourselves every time Marlowe's planes drop another barrel bomb on civilians,\" she "
        "said."
    )
    quotes = [(s.speaker_text, s.quote[:12]) for s in statements_of(body) if s.is_direct]
    assert quotes == [("Jane Doerring", "You are isol")]


def test_a_dateline_in_capitals_before_a_colon_is_no_speaker(statements_of):  # noqa: F811
    body = (
        "Syria resolution at the UN: how the council voted\n\n"
        "NEW YORK: Russia has vetoed a draft resolution at the UN Security Council that would "
        "have condemned the chemical attack.\n\n"
        "The resolution was presented by the US, UK and France."
    )
    assert [s.speaker_text for s in statements_of(body)] == []


def test_a_photo_caption_glued_to_the_members_name_gives_the_turn_to_that_member(
    statements_of,  # noqa: F811
):
    body = (
        "Senate debates\n\n"
        "Questions without Notice\n\n"
        "Photo of Jane Di MarloweJane Di Marlowe (Victoria, Australian Greens) Share this | | "
        "Hansard source\n\n"
        "My question is for the Minister Representing the Prime Minister about the intake.\n\n"
        "Photo of Tom DoerringTom Doerring (Queensland, Liberal Party) Share this | | Hansard "
        "source\n\n"
        "Thank you for that question. It is a very important question indeed."
    )
    turns = [(s.speaker_text, s.quote[:12]) for s in statements_of(body) if s.cue == "transcript"]
    assert turns == [
        ("Jane Di Marlowe", "My question "),
        ("Tom Doerring", "Thank you fo"),
    ]


def test_according_to_one_unnamed_person_is_no_statement_but_a_government_official_is(
    statements_of,  # noqa: F811
):
    body = (
        "Saydnaya has become the main political prison in the country since 2011, according "
        "to a former official interviewed by Amnesty.\n\n"
        "Turkey has been talking to both sides. According to a senior government official, "
        "who spoke on condition of anonymity, Turkey will act as a guarantor of the deal."
    )
    rows = [(s.speaker_id, s.quote[:12]) for s in statements_of(body)]
    assert rows == [("turkey", "According to")]
