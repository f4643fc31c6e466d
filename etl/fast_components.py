"""The same annotations as two of spaCy's components, at about 0.4 of their CPU.

In `en_core_web_sm` the attribute ruler (POS and morphology from the tagger's tags, plus a few
exceptions) and the rule lemmatizer cost about a sixth of the whole parse: the ruler because
spaCy's `Matcher` walks every token through Python predicate objects (`DEP NOT_IN ['']`,
`LOWER IN [...]`), the lemmatizer because it builds a `Token` and a `MorphAnalysis` per token
before its own cache answers. Both are pure functions of a few attributes of each token:

- `FastAttributeRuler.match` finds exactly the matches the component's `Matcher` finds (same
  patterns, same tuples, same order), reading each token's TAG, LOWER, DEP and IS_SPACE from
  one array per document and judging each distinct combination once; `set_annotations`,
  spaCy's own, then writes them. Patterns it cannot read (operators, other attributes or
  predicates) leave the component as spaCy made it.
- `FastLemmatizer.__call__` lemmatizes each distinct (ORTH, POS, MORPH) once with spaCy's own
  `rule_lemmatize` and writes the lemmas as one array; tokens that already have a lemma (the
  attribute ruler's exceptions) keep it, as in spaCy.

`etl.nlp.load_nlp` swaps them in (`speed_up`); `etl.nlp.load_bare_nlp` keeps spaCy's own, which
is what the benchmarks measure the ETL against. `tests/test_fast_components.py` holds the two
equal on every token.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc

# The token attributes a pattern may test, as columns of `Doc.to_array`.
_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]
# Distinct token descriptions judged and remembered; beyond this the memory starts afresh.
_CACHE_LIMIT = 200_000

Test = Callable[[tuple[int, ...]], bool]


class _Unsupported(ValueError):
    """A pattern this module does not read; the component keeps spaCy's Matcher."""


def _test(column: int, value: Any, strings: Any) -> Test:
    """One attribute condition of a token pattern, as spaCy's Matcher judges it: equality on
    string ids (a bool as 0 or 1), IN and NOT_IN on string ids, REGEX searched in the string."""
    if isinstance(value, bool):
        wanted = int(value)
        return lambda row: row[column] == wanted
    if isinstance(value, str):
        wanted = get_string_id(value)
        return lambda row: row[column] == wanted
    if isinstance(value, dict) and len(value) == 1:
        ((predicate, argument),) = value.items()
        if predicate in ("IN", "NOT_IN") and isinstance(argument, list | tuple):
            if not all(isinstance(v, str) for v in argument):
                raise _Unsupported(value)
            members = frozenset(get_string_id(v) for v in argument)
            if predicate == "IN":
                return lambda row: row[column] in members
            return lambda row: row[column] not in members
        if predicate == "REGEX" and isinstance(argument, str):
            pattern = re.compile(argument)
            return lambda row: bool(pattern.search(strings[row[column]]))
    raise _Unsupported(value)


def _token_test(spec: Any, strings: Any) -> tuple[Test, int | None, int | None]:
    """The pattern's test of one token, and the LOWER and TAG string ids it requires, if any
    (a token with another LOWER or TAG need not be tested)."""
    if not isinstance(spec, dict) or not spec:
        raise _Unsupported(spec)
    tests = []
    for key, value in spec.items():
        if key not in _COLUMNS:
            raise _Unsupported(key)
        tests.append(_test(_COLUMNS[key], value, strings))
    lower, tag = spec.get("LOWER"), spec.get("TAG")
    return (
        lambda row: all(test(row) for test in tests),
        get_string_id(lower) if isinstance(lower, str) else None,
        get_string_id(tag) if isinstance(tag, str) else None,
    )


class FastAttributeRuler(AttributeRuler):
    """spaCy's AttributeRuler whose `match` reads token arrays instead of running the Matcher."""

    _fast: tuple | None
    _fast_size: int

    def _compile(self) -> tuple | None:
        """The patterns as token tests, indexed by the LOWER or TAG they require, or None when
        one of them is outside what `_test` reads."""
        strings = self.vocab.strings
        tests: list[Test] = []
        by_lower: dict[int, list[int]] = {}
        by_tag: dict[int, list[int]] = {}
        anywhere: list[int] = []
        singles: dict[int, list[tuple[int, int]]] = {}
        longer: list[tuple[int, int, tuple[int, ...]]] = []
        try:
            for attr_id, entry in enumerate(self.patterns):
                match_id = strings[str(attr_id)]
                for pattern in entry["patterns"]:
                    if not isinstance(pattern, list) or not pattern:
                        return None
                    index = self.indices[attr_id]
                    if not -len(pattern) <= index < len(pattern):
                        return None  # spaCy raises on such a match: let it
                    ids = []
                    for spec in pattern:
                        test, lower, tag = _token_test(spec, strings)
                        ids.append(len(tests))
                        if lower is not None:
                            by_lower.setdefault(lower, []).append(len(tests))
                        elif tag is not None:
                            by_tag.setdefault(tag, []).append(len(tests))
                        else:
                            anywhere.append(len(tests))
                        tests.append(test)
                    if len(ids) == 1:
                        singles.setdefault(ids[0], []).append((attr_id, match_id))
                    else:
                        longer.append((attr_id, match_id, tuple(ids)))
        except _Unsupported:
            return None

        def judge(row: tuple[int, ...]) -> tuple[tuple[tuple[int, int], ...], frozenset[int]]:
            """The single-token rules a token matches, and the tests it passes."""
            candidates = [*by_lower.get(row[1], ()), *by_tag.get(row[0], ()), *anywhere]
            passed = frozenset(n for n in candidates if tests[n](row))
            rules = tuple(rule for n in sorted(passed) for rule in singles.get(n, ()))
            return rules, passed

        return judge, longer, {}

    def _index(self) -> tuple | None:
        if getattr(self, "_fast_size", None) != len(self.attrs):
            self._fast = self._compile()
            self._fast_size = len(self.attrs)
        return self._fast

    def match(self, doc: Doc) -> list:
        index = self._index() if isinstance(doc, Doc) else None
        if index is None:
            return super().match(doc)
        judge, longer, seen = index
        if len(seen) > _CACHE_LIMIT:
            seen.clear()
        rows = doc.to_array(_ARRAY_ATTRS).tolist() if len(doc) else []
        passed: list[frozenset[int]] = []
        matches = []
        for i, row in enumerate(rows):
            row = tuple(row)
            judged = seen.get(row)
            if judged is None:
                judged = seen[row] = judge(row)
            rules, tested = judged
            passed.append(tested)
            for attr_id, match_id in rules:
                matches.append((attr_id, match_id, i, i + 1))
        for attr_id, match_id, ids in longer:
            width = len(ids)
            first = ids[0]
            for start in range(len(rows) - width + 1):
                if first in passed[start] and all(
                    ids[k] in passed[start + k] for k in range(1, width)
                ):
                    matches.append((attr_id, match_id, start, start + width))
        # The Matcher reports a span once per rule even when two of its patterns match it.
        return sorted(set(matches))


class FastLemmatizer(EnglishLemmatizer):
    """spaCy's English rule lemmatizer, each distinct (ORTH, POS, MORPH) lemmatized once."""

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule" or self.overwrite or not len(doc):
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            lemmas: dict[tuple[int, int, int], int] = self.__dict__.setdefault("_fast_lemmas", {})
            if len(lemmas) > _CACHE_LIMIT:
                lemmas.clear()
            strings = self.vocab.strings
            rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
            column = []
            for i, (orth, pos, morph, lemma) in enumerate(rows):
                if lemma == 0:
                    key = (orth, pos, morph)
                    lemma = lemmas.get(key)
                    if lemma is None:
                        lemma = lemmas[key] = strings.add(self.lemmatize(doc[i])[0])
                column.append(lemma)
            doc.from_array([LEMMA], numpy.asarray(column, dtype=numpy.uint64))
            return doc
        except Exception as e:  # noqa: BLE001 - spaCy's own handling, as its component does
            error_handler(self.name, self, [doc], e)
            return doc


def speed_up(nlp: Language) -> Language:
    """`nlp` with its attribute ruler and English rule lemmatizer swapped for the classes above
    (same annotations); other components, or other classes of them, are left alone."""
    for _name, component in nlp.pipeline:
        if type(component) is AttributeRuler:
            component.__class__ = FastAttributeRuler
            if component._index() is None:  # patterns it cannot read: spaCy's Matcher
                component.__class__ = AttributeRuler
        elif type(component) is EnglishLemmatizer and component.mode == "rule":
            component.__class__ = FastLemmatizer
    return nlp
