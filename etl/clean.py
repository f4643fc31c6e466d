"""From a page dump to an article body: remove page furniture, keep the article's own words.

The code is generic line classification; what counts as furniture lives in the commented rules
file `etl/rules/boilerplate.txt` (and masthead names in `etl/rules/outlets.txt`). Article text is
kept as written (quotes, curly quotes, dashes, ellipses); only white space is normalised: line
endings, non-breaking and zero-width spaces, runs of spaces, and paragraphs — every kept line
becomes a paragraph, separated from the next by one blank line.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

RULES_DIR = Path(__file__).parent / "rules"
BOILERPLATE_RULES = RULES_DIR / "boilerplate.txt"
OUTLET_RULES = RULES_DIR / "outlets.txt"

SECTIONS = ("drop_line", "drop_phrase", "offer_marker", "end_before", "end_after")

# White space that is not a plain space: no-break, narrow no-break, figure, thin, ideographic...
_ODD_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
# Characters with no width that only break matching: zero-width space/joiners, BOM, soft hyphen.
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_TERMINAL = re.compile(r"[.!?…:][\"'”’)\]]*$|[\"”’]$")
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_MENU_SEPARATOR = re.compile(r"\s+[|•·]\s+")
_TABLE_ROW = re.compile(r"\|\s*[$€£]?\d{1,3}(?:,\d{3})+(?:\.\d+)?\s*\|")
# "Colombia: 1.84 million", "Guyana 24,500", "- Jordan - 324,543": a row of a list of numbers by
# label, bulleted or not.
# A bulleted point long enough to be a sentence ("• More than 70,000 people have been airlifted
# from Kabul since ..."): a live page's or a roundup's summary, not a link.
_NEWS_BULLET = re.compile(r"^[•●▪·]\s*(?:\S+\s+){9,}\S")
_LIST_ROW = re.compile(
    r"^(?:[-–•●▪·*]\s+)?[^\W\d_][^|:]{0,50}?(?::\s*[$€£]?\d[\d,.]*|\s[$€£]?\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\s\d+(?:\.\d+)?\s*(?:million|billion))\b[^\d]{0,15}$",
    re.IGNORECASE,
)
# "🇵🇱 Poland (991 375; 25%)", "• Peru (1.22 million)": a place with its count in brackets (a
# share or a unit may follow it), after a flag or a bullet: a row of a list of numbers. The count
# is grouped in thousands or has a scale word, so that "Comments (0)" stays furniture.
_BRACKETED_ROW = re.compile(
    r"^[^\w\s(]*\s*[^\W\d_][^|:()]{0,50}?\s\(\s*[$€£]?(?:\d{1,3}(?:[, .]\d{3})+(?:\.\d+)?"
    r"|\d+(?:\.\d+)?\s*(?:million|billion))\b[^()]{0,40}\)\s*[.,;]?$",
    re.IGNORECASE,
)
_TABLE_NUMBER = re.compile(r"^\s*[$€£]?\d{1,3}(?:,\d{3})+(?:\.\d+)?\s*\|?\s*$")
_CODE_START = re.compile(
    r"^(<\/?(script|style|noscript|iframe)\b|<!--|-->|//|/\*|\*/|@media\b|@import\b|@font-face\b|"
    r"(var|let|const|function)\s+[\w$]+|function\s*\(|if\s*\(\s*typeof\b|window\.|document\.|"
    r"\$\(|jquery\()",
    re.IGNORECASE,
)
_CODE_CHARS = frozenset("{}();=<>[]")
_CSS_RULE = re.compile(r"[\w.#\]-]\s*\{[^{}]*:[^{}]*\}")

# The guard on "the article has ended" markers: an early menu item such as "Comments" must not
# cut the article, so a marker counts only once enough article text stands before it.
MIN_PROSE_BEFORE_END = 200


@dataclass(frozen=True)
class BoilerplateRules:
    """Compiled patterns of the boilerplate rules file, one tuple per section."""

    drop_line: tuple[re.Pattern[str], ...]
    drop_phrase: tuple[re.Pattern[str], ...]
    offer_marker: tuple[re.Pattern[str], ...]
    end_before: tuple[re.Pattern[str], ...]
    end_after: tuple[re.Pattern[str], ...]
    mastheads: frozenset[str]  # lower-cased outlet names and aliases
    # Each section's rules as one alternation, tried in one pass over a line instead of one
    # pass per rule (None: the rules do not combine, and are tried one by one).
    combined: dict[str, re.Pattern[str] | None] = field(
        default_factory=dict, compare=False, repr=False
    )

    @staticmethod
    def _any(patterns: tuple[re.Pattern[str], ...], line: str, whole: bool) -> bool:
        if whole:
            return any(p.fullmatch(line) for p in patterns)
        return any(p.search(line) for p in patterns)

    def matches(self, section: str, line: str, whole: bool) -> bool:
        """Whether some rule of `section` matches `line` (the whole line when `whole`): what
        `_any` over the section's patterns says."""
        pattern = self.combined.get(section)
        if pattern is None:
            return self._any(getattr(self, section), line, whole)
        return bool(pattern.fullmatch(line) if whole else pattern.search(line))


_BACK_REFERENCE = re.compile(r"\\[1-9]|\\g<|\(\?P=|\(\?\(")


def combine_rules(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """One pattern that matches (or fully matches) a line where some of `patterns` does: their
    alternation, each in its own group. None when that is not sure to mean the same: no
    patterns, mixed flags, a rule that refers back to its own group (numbers shift in the
    alternation), or an alternation that does not compile (a rule's global inline flag, a
    group name used twice)."""
    if not patterns or len({p.flags for p in patterns}) != 1:
        return None
    if any(_BACK_REFERENCE.search(p.pattern) for p in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)
    except re.error:
        return None


def read_rule_sections(path: Path) -> dict[str, list[str]]:
    """`[section]` headers and one rule per line; `#` starts a comment line, blank lines are skipped."""
    sections: dict[str, list[str]] = {}
    current: str | None = None
    for raw_line in path.read_text(encoding="utf-8").splitlines():
        line = raw_line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            sections.setdefault(current, [])
        elif current is not None:
            sections[current].append(line)
    return sections


def read_outlet_names(
    path: Path = OUTLET_RULES,
) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """(canonical name, aliases, domains) for every outlet line of the outlets rules file."""
    outlets = []
    for raw_line in path.read_text(encoding="utf-8").splitlines():
        line = raw_line.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|") if p.strip()]
        name, rest = parts[0], parts[1:]
        domains = tuple(p.lower() for p in rest if "." in p and " " not in p)
        aliases = tuple(p for p in rest if p.lower() not in domains)
        outlets.append((name, aliases, domains))
    return outlets


@functools.lru_cache(maxsize=4)
def load_rules(
    path: Path = BOILERPLATE_RULES, outlets_path: Path = OUTLET_RULES
) -> BoilerplateRules:
    """Compile the rules files once per process (per path)."""
    sections = read_rule_sections(path)
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        raise ValueError(f"{path}: unknown section(s) {sorted(unknown)}; expected {SECTIONS}")
    compiled = {
        name: tuple(re.compile(rule, re.IGNORECASE) for rule in sections.get(name, []))
        for name in SECTIONS
    }
    mastheads = frozenset(
        n.lower() for name, aliases, _ in read_outlet_names(outlets_path) for n in (name, *aliases)
    )
    combined = {name: combine_rules(patterns) for name, patterns in compiled.items()}
    return BoilerplateRules(**compiled, mastheads=mastheads, combined=combined)


def normalise_whitespace(text: str) -> list[str]:
    """Lines with unified endings, odd spaces made plain, runs of spaces collapsed, ends stripped."""
    text = (
        text.replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\u2028", "\n")
        .replace("\u2029", "\n")
    )
    text = _INVISIBLE.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    return [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]


def word_count(line: str) -> int:
    return len(_WORD.findall(line))


def ends_sentence(line: str) -> bool:
    return bool(_TERMINAL.search(line))


def is_label(line: str) -> bool:
    """A short line that is not a sentence: menu item, heading, offer fragment, credit."""
    words = word_count(line)
    return words <= 8 and not (words >= 5 and ends_sentence(line))


def is_prose(line: str) -> bool:
    """A line that reads like article sentences."""
    return word_count(line) >= 8 and ends_sentence(line) or word_count(line) >= 20


def is_code(line: str) -> bool:
    """Inline JavaScript or CSS that a text dump kept."""
    if _CODE_START.match(line) or _CSS_RULE.search(line):
        return True
    code_chars = sum(1 for c in line if c in _CODE_CHARS)
    has_syntax = "{" in line or ";" in line or "=" in line
    return has_syntax and code_chars >= 4 and code_chars / max(len(line), 1) > 0.04


def is_menu(line: str) -> bool:
    """A navigation bar: three or more short items separated by | or bullets."""
    items = _MENU_SEPARATOR.split(line)
    if any(_TABLE_NUMBER.match(item) for item in items):
        return False  # a table row ("Bekaa | 344,013 | 37.8% |"): its numbers are figures
    return len(items) >= 3 and all(word_count(item) <= 4 for item in items)


_BULLET_SEPARATOR = re.compile(r"\s+[•·]\s+|^\s*[•·]\s*")


def is_headline_run(line: str) -> bool:
    """Other stories' headlines run together on one line ("Off the wire", "Related": "NATO chief
    stresses diplomatic solution for Syria  • Russia denies ..."): four or more items separated
    by bullets, each short and none a finished sentence. Page furniture, like a menu."""
    items = [item for item in _BULLET_SEPARATOR.split(line) if item.strip()]
    return len(items) >= 4 and all(
        word_count(item) <= 14 and not ends_sentence(item.strip()) for item in items
    )


def unwrap_hard_wrapped(lines: list[str]) -> list[str]:
    """Join paragraphs that were hard-wrapped at a fixed width (e-mail, plain-text saves)."""
    out: list[str] = []
    block: list[str] = []

    def flush() -> None:
        if len(block) >= 3:
            widths = [len(line) for line in block[:-1]]
            widest = max(widths)
            near_full = sum(1 for w in widths if w >= widest - 20)
            if (
                40 <= widest <= 100
                and near_full / len(widths) >= 0.6
                and not any(is_menu(line) for line in block)
            ):
                out.append(" ".join(block))
                block.clear()
                return
        out.extend(_join_cut_lines(block))
        block.clear()

    for line in lines:
        if line:
            block.append(line)
        else:
            flush()
            out.append("")
    flush()
    return out


# A line that stops mid-sentence and a line that goes on with it ("... the number registered
# with the agency was" / "33,664."): hard wrapping in a block whose paragraphs were not parted
# by blank lines.
_GOES_ON = re.compile(r"^[a-z0-9(]")


def _join_cut_lines(block: list[str]) -> list[str]:
    """The block's lines, each line cut mid-sentence joined to the line that goes on with it,
    when the block is wrapped (a line of 60 characters or more)."""
    if len(block) < 2 or max(len(line) for line in block) < 60:
        return list(block)
    out = [block[0]]
    for line in block[1:]:
        last = out[-1]
        if (
            _GOES_ON.match(line)
            and not ends_sentence(last)
            and len(last) >= 20
            and word_count(last) >= 3
            and not is_menu(last)
            and not is_menu(line)
        ):
            out[-1] = f"{last} {line}"
        else:
            out.append(line)
    return out


@dataclass(frozen=True)
class _Line:
    text: str
    paragraph: int  # index of the blank-line separated paragraph it came from
    furniture: bool  # removed by a line rule


def clean_text(text: str, rules: BoilerplateRules | None = None) -> str:
    """The article body of a page dump: furniture removed, paragraphs separated by a blank line."""
    rules = rules or load_rules()
    lines = _classify(unwrap_hard_wrapped(normalise_whitespace(text)), rules)
    lines = _cut_at_article_end(lines, rules)
    lines = _drop_offer_paragraphs(lines, rules)
    kept = [line.text for line in lines if not line.furniture]
    kept = _trim_trailing_furniture(kept)
    kept = _drop_repeats(kept)
    return "\n\n".join(kept)


def _classify(raw_lines: list[str], rules: BoilerplateRules) -> list[_Line]:
    lines: list[_Line] = []
    paragraph = 0
    in_script = False
    for text in raw_lines:
        if not text:
            paragraph += 1
            continue
        lowered = text.lower()
        # Everything between <script>/<style> and its closing tag is code, whatever it looks like.
        if re.match(r"<(script|style)\b", lowered):
            in_script = "</script" not in lowered and "</style" not in lowered
            lines.append(_Line(text, paragraph, True))
            continue
        if in_script:
            in_script = "</script" not in lowered and "</style" not in lowered
            lines.append(_Line(text, paragraph, True))
            continue
        furniture = (
            is_code(text)
            or is_menu(text)
            or is_headline_run(text)
            or lowered.strip(" .:") in rules.mastheads
            or rules.matches("drop_line", text.rstrip(" .:"), whole=True)
            or rules.matches("drop_phrase", text, whole=False)
        )
        lines.append(_Line(text, paragraph, furniture))
    return lines


def _prose_chars(lines: list[_Line]) -> int:
    return sum(len(line.text) for line in lines if not line.furniture and is_prose(line.text))


def _cut_at_article_end(lines: list[_Line], rules: BoilerplateRules) -> list[_Line]:
    """Drop everything after the first "the article has ended" marker that has the article before it."""
    for i, line in enumerate(lines):
        probe = line.text.rstrip(" .:")
        if rules.matches("end_before", probe, whole=True):
            cut = i
        elif rules.matches("end_after", line.text, whole=True) and word_count(line.text) <= 16:
            cut = i + 1
        else:
            continue
        before, after = _prose_chars(lines[:cut]), _prose_chars(lines[cut:])
        if before >= MIN_PROSE_BEFORE_END and before >= after:
            return lines[:cut]
    return lines


def _drop_offer_paragraphs(lines: list[_Line], rules: BoilerplateRules) -> list[_Line]:
    """A paragraph of short lines that carries an offer or sign-in marker is a widget: drop it whole."""
    by_paragraph: dict[int, list[_Line]] = {}
    for line in lines:
        by_paragraph.setdefault(line.paragraph, []).append(line)
    widgets = set()
    for paragraph, members in by_paragraph.items():
        remaining = [m for m in members if not m.furniture]
        if (
            remaining
            and all(is_label(m.text) for m in remaining)
            and any(rules.matches("offer_marker", m.text, whole=False) for m in members)
        ):
            widgets.add(paragraph)
    return [
        _Line(line.text, line.paragraph, True) if line.paragraph in widgets else line
        for line in lines
    ]


def _trim_trailing_furniture(kept: list[str]) -> list[str]:
    """Drop a trailing run (three lines or more) of headings, links and addresses after the article."""
    end = len(kept)
    while end > 0 and _looks_like_trailing_furniture(kept[end - 1]):
        end -= 1
    if len(kept) - end >= 3 and end > 0:
        return kept[:end]
    return kept


def _looks_like_trailing_furniture(line: str) -> bool:
    if _TABLE_ROW.search(line):
        return False  # a table row ("Beirut | 222,944 | 24.5% |") closing an article is content
    if _LIST_ROW.match(line) or _BRACKETED_ROW.match(line):
        return False  # so is a row of a list of numbers ("Peru: 1.29 million", "Chile (448 100)")
    if _NEWS_BULLET.match(line):
        return False  # a live page's summary point is a sentence without its full stop
    if word_count(line) >= 25:
        return False  # a paragraph cut off mid-sentence (a page saved as an excerpt)
    has_quote = any(q in line for q in '"“”')
    return not ends_sentence(line) or (word_count(line) <= 6 and not has_quote)


def _drop_repeats(kept: list[str]) -> list[str]:
    """A long line repeated verbatim (a widget rendered twice) is kept once."""
    seen: set[str] = set()
    out = []
    for line in kept:
        if word_count(line) >= 8 and line in seen:
            continue
        seen.add(line)
        out.append(line)
    return out
