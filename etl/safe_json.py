"""JSON from untrusted input (article files, uploads, URL parameters, review files).

`json.loads` has two failures that no `except ValueError` catches and one that surfaces far from
the parse: nesting deeper than Python's recursion limit raises `RecursionError`, and a string
escape of a lone surrogate ("\\ud800") parses into a `str` that cannot be written as UTF-8, so a
later hash, database write or page render raises `UnicodeEncodeError`. `loads` makes both
ordinary: too deep is a `json.JSONDecodeError` (a `ValueError`), like any other bad JSON, and
lone surrogates become U+FFFD, the replacement character.
"""

from __future__ import annotations

import json
import re
from typing import Any

REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def loads(text: str | bytes) -> Any:
    """The value `text` holds; raises `json.JSONDecodeError` for bad JSON, too deep nesting
    included. Strings in the value are valid Unicode (lone surrogates replaced)."""
    try:
        value = json.loads(text)
    except RecursionError:
        doc = text if isinstance(text, str) else ""
        raise json.JSONDecodeError("nested too deeply", doc, 0) from None
    if isinstance(text, str) and not (_SURROGATE_ESCAPE.search(text) or _SURROGATE.search(text)):
        return value
    return scrub(value)


def clean_text(text: str) -> str:
    """`text` with every lone surrogate replaced by U+FFFD."""
    return _SURROGATE.sub(REPLACEMENT, text)


def scrub(value: Any) -> Any:
    """`value` (a parsed JSON value) with lone surrogates replaced in every string and key.

    Iterative, not recursive: a value may be nested nearly as deep as the parser allows."""
    if isinstance(value, str):
        return clean_text(value)
    stack = [value]
    while stack:
        container = stack.pop()
        if isinstance(container, list):
            for index, item in enumerate(container):
                if isinstance(item, str):
                    container[index] = clean_text(item)
                elif isinstance(item, list | dict):
                    stack.append(item)
        elif isinstance(container, dict):
            for key in list(container):
                item = container[key]
                if isinstance(item, str):
                    item = clean_text(item)
                elif isinstance(item, list | dict):
                    stack.append(item)
                fixed = clean_text(key) if isinstance(key, str) else key
                if fixed != key:
                    del container[key]
                container[fixed] = item
    return value
