"""Documents spoken by one voice or several (etl.document_speaker) and numbered interview
labels (etl.transcripts): joint statements, press statements issued "by" someone, speeches under
a "Name said:" line, "Question 1:" turns."""

from tests.statement_fixtures import statements_of  # noqa: F401  (fixture)


def test_a_joint_statement_heading_gives_each_paragraph_to_every_issuer(
    statements_of,  # noqa: F811
):
    body = (
        "Joint Statement by Iran, Russia and Turkey on the International Meeting on Syria in "
        "Astana\n\n"
        "News: The Islamic Republic of Iran, the Russian Federation and the Republic of Turkey "
        "as guarantors of the Astana format:\n\n"
        "1. Reaffirmed their strong commitment to the sovereignty and territorial integrity of "
        "the Syrian Arab Republic.\n\n"
        "2. They rejected all attempts to create new realities on the ground under the pretext "
        "of combating terrorism."
    )
    rows = statements_of(body)
    by_paragraph = {}
    for row in rows:
        by_paragraph.setdefault(row.quote[:10], set()).add(row.speaker_id)
    assert by_paragraph == {
        "1. Reaffir": {"iran", "russia", "turkey"},
        "2. They re": {"iran", "russia", "turkey"},
    }
    assert len({s.statement_id for s in rows}) == len(rows)


def test_a_press_statement_issued_by_its_president_is_the_bodys_throughout(
    statements_of,  # noqa: F811
):
    body = (
        "The following Security Council press statement was issued today by Council President "
        "Jane Doe (France):\n\n"
        "The members of the Security Council expressed deep concern over escalating violence "
        "in and around the city.\n\n"
        "Council members strongly condemned the repeated attacks on the camps for internally "
        "displaced persons in recent days."
    )
    rows = statements_of(body)
    assert [s.speaker_id for s in rows] == ["un-security-council"] * 2
    assert all(s.is_direct for s in rows)


def test_unquoted_first_person_paragraphs_under_a_said_colon_line_are_the_speakers(
    statements_of,  # noqa: F811
):
    body = (
        "The minister thanked local councils for their help on Monday.\n"
        "Richard Harrington, Minister for Syrian Refugees said:\n"
        "I am delighted we have reached the target to resettle 1,000 Syrian refugees by "
        "Christmas.\n"
        "There is still a great deal of work to do as we offer protection to 20,000 people.\n"
        "The event was chaired by the leader of the district council and attended by 100 people."
    )
    rows = [s for s in statements_of(body) if s.is_direct]
    assert [s.quote[:12] for s in rows] == ["I am delight", "There is sti"]
    assert {s.speaker_text for s in rows} == {"Richard Harrington"}


def test_numbered_question_labels_are_the_interviewing_outlets_turns(nlp):
    import datetime

    from etl.actors import Actor, Gazetteer, resolve_mentions
    from etl.context import ArticleContext
    from etl.statements import extract_statements
    from etl.types import Article, Mention

    body = (
        "President Jane Doe to the Example News Agency: the war is not over\n\n"
        "The President added in an interview given to the Example News Agency that the "
        "occupation must end.\n\n"
        "Following is the full text of the interview;\n\n"
        "Question 1: Madam President, thank you for this interview. Can you say that the war "
        "is over?\n\n"
        "President Doe: No, definitely not. As long as terrorists occupy some areas of our "
        "country, it is not over.\n\n"
        "Question 2: And what moments of heroism do you recall and keep in your heart?\n\n"
        "President Doe: There are so many, and I remember some of them, of course. After five "
        "years of this cooperation"
    )
    gazetteer = Gazetteer.load()
    outlet = Actor("example-news-agency", "Example News Agency", "media", None, (), "test")
    article = Article(
        "a1", "x.txt", None, None, None, datetime.date(2020, 10, 8), "day", "en", body, "sha"
    )
    doc = nlp(body)
    found, new = resolve_mentions(doc, "a1", gazetteer)
    actors = {**gazetteer.actors, **{a.actor_id: a for a in new}, outlet.actor_id: outlet}
    mentions = [m for m in found if "News Agency" not in m.text]
    for start in (body.index("Example News Agency:"), body.index("Example News Agency that")):
        name = "Example News Agency"
        mentions.append(Mention("a1", outlet.actor_id, start, start + len(name), name))
    mentions.sort(key=lambda m: m.char_start)
    ctx = ArticleContext(article, doc, tuple(mentions), actors)
    turns = [s for s in extract_statements(ctx) if s.cue in ("interview", "transcript")]
    assert [s.quote[:8] for s in turns] == ["Madam Pr", "No, defi", "And what", "There ar"]
    assert [s.speaker_id for s in turns[::2]] == ["example-news-agency"] * 2
    assert all("Doe" in s.speaker_text for s in turns[1::2])
