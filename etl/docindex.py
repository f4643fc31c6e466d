"""Sentences and entities of one parsed article, indexed once so that lookups stay cheap.

spaCy rebuilds `doc.ents` and `span.ents` by walking every token of the document, and
`doc.sents` by walking every sentence start, on each access. An extractor that asks once per
figure, mention or cue word therefore does work proportional to the article's length each
time, and a long article takes time that grows with the square of its length. `DocIndex.of(doc)`
builds the lists once per document and answers by bisection.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.attrs import DEP, IS_ALPHA, LEMMA, LOWER, POS, TAG
from spacy.tokens import Doc, Span, Token

_KEY = "etl.docindex"


class DocIndex:
    """The sentences and entities of one `Doc`, in order, with their start offsets."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # `doc.text` joins every token's text on each access: kept once, and one string object,
        # so caches keyed on the text hash it once.
        self.text: str = doc.text
        self.sents: tuple[Span, ...] = tuple(doc.sents) if len(doc) else ()
        self.sent_starts = [s.start for s in self.sents]
        self.sent_start_chars = [s.start_char for s in self.sents]
        self.sent_end_chars = [s.end_char for s in self.sents]
        self.ents: tuple[Span, ...] = tuple(doc.ents)
        self.ent_starts = [e.start for e in self.ents]
        self._words: DocWords | None = None
        self._tokens: tuple[Token, ...] | None = None

    @property
    def tokens(self) -> tuple[Token, ...]:
        """Every token of the document, built once: a rule that walks the whole document reads
        these instead of `for token in doc`, which builds a new `Token` object per word on
        every walk."""
        if self._tokens is None:
            self._tokens = tuple(self.doc)
        return self._tokens

    @property
    def words(self) -> DocWords:
        """Each token's forms, tag and part of speech as plain lists (built on first use): a
        rule scanning a sentence for a few kinds of word asks these, and builds a spaCy `Token`
        (a new Python object on every `doc[i]`) only for the words that pass."""
        if self._words is None:
            self._words = DocWords(self.doc)
        return self._words

    @classmethod
    def of(cls, doc: Doc) -> DocIndex:
        """The index of `doc`, built on first use and kept with the document."""
        index = doc.user_data.get(_KEY)
        if index is None or index.doc is not doc:
            index = cls(doc)
            doc.user_data[_KEY] = index
        return index

    @staticmethod
    def release(doc: Doc) -> None:
        """Drop the index kept with `doc`. Its spans point back at the doc, so the pair is a
        reference cycle: released, the doc's memory is freed when the extractors are done with
        it instead of at the next full garbage collection."""
        doc.user_data.pop(_KEY, None)

    def sentence_number(self, token: Token | int) -> int:
        """The position in `sents` of the sentence holding a token (or token index)."""
        i = token if isinstance(token, int) else token.i
        return bisect.bisect_right(self.sent_starts, i) - 1

    def sentence_of(self, token: Token | int) -> Span:
        """The sentence holding a token: `token.sent` without walking the sentence."""
        return self.sents[self.sentence_number(token)]

    def sentences_ending_by(self, char: int) -> Sequence[Span]:
        """The sentences whose end lies at or before body offset `char`, in order."""
        return self.sents[: bisect.bisect_right(self.sent_end_chars, char)]

    def ents_within(self, start: int, end: int) -> list[Span]:
        """Entities lying wholly inside tokens [start, end): what `doc[start:end].ents` gives."""
        i = bisect.bisect_left(self.ent_starts, start)
        found = []
        while i < len(self.ents) and self.ents[i].end <= end:
            found.append(self.ents[i])
            i += 1
        return found

    def ent_at(self, token: Token | int) -> Span | None:
        """The entity covering a token, if any (entities never overlap)."""
        i = token if isinstance(token, int) else token.i
        k = bisect.bisect_right(self.ent_starts, i) - 1
        if k >= 0 and self.ents[k].end > i:
            return self.ents[k]
        return None


class DocWords:
    """Per-token strings of one `Doc`, read once with `Doc.to_array`."""

    def __init__(self, doc: Doc) -> None:
        strings = doc.vocab.strings
        rows = doc.to_array([LOWER, LEMMA, TAG, POS, IS_ALPHA, DEP]).tolist() if len(doc) else []
        text: dict[int, str] = {}  # hash -> string, each looked up once
        lowered: dict[int, str] = {}  # lemma hash -> the lemma lower-cased

        def string(key: int) -> str:
            found = text.get(key)
            if found is None:
                found = text[key] = strings[key]
            return found

        def lower_lemma(key: int) -> str:
            found = lowered.get(key)
            if found is None:
                found = lowered[key] = strings[key].lower()
            return found

        self.lower: list[str] = [string(row[0]) for row in rows]  # token.lower_
        self.lemma: list[str] = [lower_lemma(row[1]) for row in rows]  # token.lemma_.lower()
        self.tag: list[str] = [string(row[2]) for row in rows]  # token.tag_
        self.pos: list[str] = [strings[row[3]] if row[3] else "" for row in rows]  # token.pos_
        self.dep: list[str] = [string(row[5]) if row[5] else "" for row in rows]  # token.dep_
        alpha = [0]
        for row in rows:
            alpha.append(alpha[-1] + (1 if row[4] else 0))
        self._alpha = alpha

    def alpha_count(self, start: int, end: int) -> int:
        """How many tokens in [start, end) are alphabetic (`token.is_alpha`)."""
        return self._alpha[end] - self._alpha[start]


def span_text(span: Span) -> str:
    """`span.text`, sliced from the document's text kept once: `Span.text` builds a `Token` for
    every word of the span on each access."""
    return DocIndex.of(span.doc).text[span.start_char : span.end_char]
