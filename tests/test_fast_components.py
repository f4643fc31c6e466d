"""The ETL's attribute ruler and lemmatizer (etl.fast_components) annotate exactly as spaCy's."""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import AttributeRuler

from etl.fast_components import FastAttributeRuler, FastLemmatizer, speed_up

# Sentences in the style of wire copy. The first ones carry what the model's exception
# patterns look for (contractions, "gon na", "y'all", "there is", "but" as an adverb,
# pronouns by their role); the probes after them look like those triggers but must not
# fire: another sense, another role, a near spelling, a headline, page furniture.
SENTENCES = [
    "We're gonna keep the crossings open, y'all, the commander told reporters in Idlib.",
    "Let's be clear: there is no ceasefire, and there were 42 civilians killed on Monday.",
    "I told them it was over, but it wasn't; you know that, the envoy said.",
    "Aid was doin' nothin' for 'em, said one ol' farmer who'll stay somethin' like a week.",
    "She gets the figures from UNHCR and got them to Geneva; they got ta go, c'mon.",
    "Did the ministers sign it? They did, and they have done so twice.",
    # Probes: must not fire.
    "The convoy was going to Aleppo when the shelling began.",  # "going to", not "gon na"
    "The council lets aid trucks through the Bab al-Hawa crossing.",  # "lets", not "let 's"
    "All of you must leave, the officer told the residents of Daraa.",  # "all", no "y'"
    "But the talks in Astana collapsed on Thursday.",  # "but" opening a clause, not an adverb
    "Did Russia veto the resolution?",  # "did" an auxiliary, not the main verb
    "That convoy reached Douma after the talks.",  # "that" a determiner, not a pronoun
    "The problem is there, the minister said of the camps.",  # "there" no expletive
    "UN says Syria talks to resume in Geneva",  # a headline
    "Read more: Turkey opens border gate | Share this | Sign up for our newsletter",
    "Nothing was agreed, and the old envoy will not give them anything.",  # the full spellings
    "It gets worse: the agency got no reply.",  # other forms than the exceptions' own
    "  \n\n  Reporting by Tom Perry; editing by Ed Osmond  \n",  # spaces and furniture
]


def _annotations(doc) -> list[tuple]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
        for t in doc
    ]


@pytest.fixture(scope="module")
def pipelines():
    from etl.nlp import load_bare_nlp, load_nlp

    return load_bare_nlp(), load_nlp()


def test_the_etl_runs_the_fast_components_and_the_bare_pipeline_spacys(pipelines):
    bare, fast = pipelines
    assert type(fast.get_pipe("attribute_ruler")) is FastAttributeRuler
    assert type(fast.get_pipe("lemmatizer")) is FastLemmatizer
    assert type(bare.get_pipe("attribute_ruler")) is AttributeRuler
    assert type(bare.get_pipe("lemmatizer")) is not FastLemmatizer
    assert fast.pipe_names == bare.pipe_names


@pytest.mark.parametrize("text", SENTENCES)
def test_every_token_is_annotated_as_spacy_annotates_it(pipelines, text):
    bare, fast = pipelines
    assert _annotations(fast(text)) == _annotations(bare(text))


def test_the_same_in_batches_and_over_repeated_texts(pipelines):
    bare, fast = pipelines
    texts = SENTENCES * 3  # the second and third time every token comes from the caches
    expected = [_annotations(doc) for doc in bare.pipe(texts, batch_size=7)]
    assert [_annotations(doc) for doc in fast.pipe(texts, batch_size=7)] == expected


def test_exceptions_fire_where_spacy_fires_them_and_not_on_the_probes(pipelines):
    _, fast = pipelines
    doc = fast("Let's be clear: there is no ceasefire, y'all.")
    assert [t.lemma_ for t in doc][:2] == ["let", "us"]
    (there,) = [t for t in doc if t.lower_ == "there"]
    assert there.dep_ == "expl" and doc[there.i + 1].pos_ == "VERB"  # "is" after it
    probe = fast("The council lets aid trucks through the crossing.")
    assert "us" not in [t.lemma_ for t in probe]
    probe = fast("But the talks in Astana collapsed on Thursday.")
    assert probe[0].pos_ == "CCONJ"
    probe = fast("Did Russia veto the resolution?")
    assert probe[0].pos_ == "AUX"
    probe = fast("That convoy reached Douma after the talks.")
    assert probe[0].pos_ == "DET"


def test_the_fast_ruler_never_runs_the_matcher(pipelines):
    _, fast = pipelines
    ruler = fast.get_pipe("attribute_ruler")
    doc = fast.make_doc("Canada condemned the airstrikes.")
    for _name, component in fast.pipeline[:4]:  # tagger and parser, before the ruler
        doc = component(doc)

    class Refuse:
        def __call__(self, *args, **kwargs):
            raise AssertionError("the Matcher ran")

    matcher = ruler.matcher
    ruler.matcher = Refuse()
    try:
        ruler(doc)
    finally:
        ruler.matcher = matcher
    assert [t.pos_ for t in doc] == ["PROPN", "VERB", "DET", "NOUN", "PUNCT"]


def _ruler_pipeline(patterns: list[dict]):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp


def test_patterns_it_cannot_read_keep_spacys_matcher():
    nlp = _ruler_pipeline([{"patterns": [[{"LOWER": "aid", "OP": "+"}]], "attrs": {"NORM": "x"}}])
    speed_up(nlp)
    assert type(nlp.get_pipe("attribute_ruler")) is AttributeRuler


def test_patterns_added_later_are_read_too():
    patterns = [
        {"patterns": [[{"LOWER": "un"}]], "attrs": {"NORM": "united nations"}},
        {"patterns": [[{"LOWER": {"IN": ["said", "says"]}}]], "attrs": {"NORM": "say"}},
    ]
    bare, fast = _ruler_pipeline(patterns), speed_up(_ruler_pipeline(patterns))
    text = "The UN says aid is blocked, the UN envoy said."
    assert [t.norm_ for t in fast(text)] == [t.norm_ for t in bare(text)]
    later = {"patterns": [[{"LOWER": "aid"}, {"LOWER": "is"}]], "attrs": {"NORM": "help"}}
    for nlp in (bare, fast):
        nlp.get_pipe("attribute_ruler").add_patterns([later])
    assert [t.norm_ for t in fast(text)] == [t.norm_ for t in bare(text)]
    assert fast(text)[3].norm_ == "help"
