"""The server settings the dashboard's page-view cost depends on hold, and what they switch off
is nothing the pages use."""

import ast
import tomllib
from pathlib import Path

from streamlit.runtime.scriptrunner import magic

from briefing.site import PAGES

ROOT = Path(__file__).resolve().parent.parent


def _settings() -> dict:
    return tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())


def test_no_page_writes_a_bare_expression_so_magic_can_stay_off():
    assert _settings()["runner"]["magicEnabled"] is False
    scripts = [ROOT / "app.py"] + [ROOT / path for path, *_ in PAGES]
    for script in scripts:
        tree = magic.add_magic(script.read_text(), str(script))
        # What magic would write: calls of its helper (its import alone writes nothing).
        writes = [
            node
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "__streamlitmagic__"
        ]
        assert not writes, (script.name, [ast.unparse(w)[:80] for w in writes])


def test_magic_finds_a_bare_expression_when_there_is_one():
    # The check above can fail: a script with a bare expression has a magic write.
    tree = magic.add_magic('"""Doc."""\nimport streamlit as st\nx = 1\nx\n', "page.py")
    assert "__streamlitmagic__.transparent_write" in ast.unparse(tree)
