"""Language of an article body: py3langid (offline), with a stop-word rule for short texts.

langid's character n-grams misjudge a line or two (a headline full of names can look Italian),
so a text under `SHORT_TEXT_WORDS` words is called English when enough of its words are English
function words, and otherwise keeps langid's answer at a confidence scaled down by its length.
"""

from __future__ import annotations

import functools
import lzma
import os
import re
import shutil
import tempfile
import zipfile
from importlib import metadata
from pathlib import Path

SHORT_TEXT_WORDS = 25
SAMPLE_CHARS = 20_000  # langid on the opening of long articles: fast, and the opening is the story
ENGLISH_STOPWORD_SHARE = 0.2

# Common English function words; they are rare as words in other Latin-script languages.
ENGLISH_STOPWORDS = frozenset(
    [
        "a",
        "about",
        "after",
        "against",
        "all",
        "also",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "during",
        "each",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "more",
        "most",
        "no",
        "not",
        "of",
        "on",
        "only",
        "or",
        "other",
        "our",
        "out",
        "over",
        "said",
        "says",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "under",
        "until",
        "up",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "will",
        "with",
        "would",
        "you",
    ]
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@functools.lru_cache(maxsize=1)
def _identifier():  # -> py3langid LanguageIdentifier with normalised probabilities
    """py3langid's model, loaded once per process. The package ships it LZMA-compressed and
    decompressing it is most of the load's CPU (about half a second, in every reading process of
    every run): the decompressed file is kept in the ETL's cache folder (`places.cache_dir`),
    keyed by the package's version and the model file's size and time, and read from there;
    the model's arrays are the same either way (tests/test_language.py)."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    try:
        return _identifier_from(_decompressed_model(MODEL_DIR / MODEL_FILE), LanguageIdentifier)
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
        # No writable cache folder, or a damaged file there: the package's own load.
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _decompressed_model(model_file: Path) -> Path:
    """The model's npz, decompressed once into the cache folder (atomically: a file is whole or
    absent); OSError when the folder cannot be written."""
    from etl.places import cache_dir, trusted_cache_file

    stat = model_file.stat()
    version = metadata.version("py3langid")
    cached = cache_dir() / f"langid-{version}-{stat.st_size}-{stat.st_mtime_ns}.npz"
    if cached.exists():
        if not trusted_cache_file(cached):
            raise ValueError(f"{cached} is not this user's own file: not read")
        return cached
    cached.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=cached.parent, prefix=".langid-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out, lzma.open(model_file) as src:
            shutil.copyfileobj(src, out, length=1 << 20)
        os.replace(temporary, cached)
    except BaseException:
        os.unlink(temporary)
        raise
    return cached


def _identifier_from(npz: Path, identifier_class: type):
    """What `LanguageIdentifier.from_model_file(..., norm_probs=True)` builds, from the
    decompressed npz (py3langid.modelio.load_model's reading of it)."""
    import numpy as np
    from py3langid.modelio import _to_array

    with np.load(npz, allow_pickle=False) as data:
        return identifier_class(
            np.asarray(data["ptc"]),
            np.asarray(data["pc"]),
            data["classes"].tolist(),
            _to_array(data["nextmove"]),
            data["out_feat"].tolist(),
            norm_probs=True,
            tk_row=_to_array(data["nextmove_row"]),
        )


def english_stopword_share(words: list[str]) -> float:
    if not words:
        return 0.0
    return sum(1 for w in words if w.lower() in ENGLISH_STOPWORDS) / len(words)


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, confidence in [0, 1]); ("und", 0.0) when the text has no words."""
    words = _WORD.findall(text[:SAMPLE_CHARS])
    if not words:
        return "und", 0.0
    code, probability = _identifier().classify(text[:SAMPLE_CHARS])
    probability = float(min(max(probability, 0.0), 1.0))
    if len(words) >= SHORT_TEXT_WORDS:
        return code, round(probability, 3)
    share = english_stopword_share(words)
    if share >= ENGLISH_STOPWORD_SHARE:
        return "en", round(min(1.0, 0.5 + share), 3)
    if code == "en":
        # Too short to tell and without English function words (a list of names): say so.
        return "en", round(min(probability, len(words) / SHORT_TEXT_WORDS), 3)
    return code, round(probability * len(words) / SHORT_TEXT_WORDS, 3)
