"""A large, realistic, deterministic corpus for scale benchmarks and tests.

    .venv/bin/python -m benchmarks.make_corpus --articles N --seed S --out DIR

Recombines the sentences of the shipped and development corpora (data/raw, tests/dev_corpus,
tests/real_dev, tests/real_dev2): each article takes runs of consecutive sentences from random
source pages (so a quote keeps its "she said"), with its actors swapped for gazetteer actors of
the same kind (one swap per name per article, so a person stays one person), its numbers,
years and months redrawn. Lengths follow the source pages' word counts (median about 300 words,
a few of several thousand). Around the text: page furniture (menus, bylines, share buttons,
copyright lines) as the cleaner meets it on real pages.

The mix: mostly .txt, some .html pages, .md files and .json records; about 1 in 100 files an
exact copy of an earlier one; a few empty files, binary files and non-English articles, which
the ETL must reject with a reason. A `sources.csv` sidecar gives the metadata of some files.
Files sit in folders of 1,000 (`part-0000/…`). The same seed always writes the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import html
import io
import json
import random
import re
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE_FOLDERS = (
    REPO / "data" / "raw",
    REPO / "tests" / "dev_corpus" / "articles",
    REPO / "tests" / "real_dev" / "articles",
    REPO / "tests" / "real_dev2" / "articles",
)
GAZETTEER = REPO / "data" / "actors.csv"
FILES_PER_FOLDER = 1_000
MAX_WORDS = 20_000  # the longest article written; the source pages' longest is ~13,500

# Shares of the files written (the rest are plain .txt articles).
SHARE_HTML = 0.12
SHARE_JSON = 0.06
SHARE_MD = 0.03
SHARE_DUPLICATE = 0.01
SHARE_EMPTY = 0.003
SHARE_BINARY = 0.003
SHARE_FOREIGN = 0.005
SHARE_SIDECAR = 0.3  # of the good articles, those with a sources.csv row

OUTLETS = (
    ("Reuters", "https://www.reuters.com/world/"),
    ("The Globe and Mail", "https://www.theglobeandmail.com/world/"),
    ("CBC News", "https://www.cbc.ca/news/world/"),
    ("Al Jazeera", "https://www.aljazeera.com/news/"),
    ("The Guardian", "https://www.theguardian.com/world/"),
    ("Associated Press", "https://apnews.com/article/"),
    ("BBC News", "https://www.bbc.com/news/world-"),
    ("TASS", "https://tass.com/politics/"),
)
MONTHS = (
    "January February March April May June July August September October November December"
).split()
BYLINE_NAMES = ("Staff", "Maria Ortiz", "David Chen", "Amina Yusuf", "Tom Becker", "Lena Novak")
# Non-English text for the files the ETL must turn away as non_english, used when the source
# corpora hold too little of it.
FOREIGN_FALLBACK = (
    "Le ministre des Affaires étrangères a déclaré aujourd'hui que le gouvernement condamne "
    "fermement les attaques contre les civils et demande un cessez-le-feu immédiat dans la région.",
    "La situation humanitaire reste très préoccupante selon les organisations présentes sur place, "
    "qui réclament un accès sans entrave pour acheminer l'aide aux populations déplacées.",
)

_SENTENCE_END = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[\u201c\"A-Z0-9])")
_NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?!\d)|(?<![\w.])\d+(?:\.\d+)?(?![\w])")
_YEAR = re.compile(r"^(?:19[5-9]\d|20[0-3]\d)$")
_ENGLISH_WORDS = frozenset("the of and to in a is that for on with said was".split())


@dataclass(frozen=True)
class Slot:
    """A part of a sentence the generator redraws: an actor of `kind`, a number, a month."""

    what: str  # actor, number, year, month
    text: str
    kind: str = ""


@dataclass
class SourcePage:
    sentences: list[tuple[str | Slot, ...]] = field(default_factory=list)
    words: int = 0


@dataclass
class Material:
    """What articles are recombined from."""

    pages: list[SourcePage]
    headlines: list[tuple[str | Slot, ...]]
    lengths: list[int]  # word counts of the source pages, sorted
    actors_by_kind: dict[str, list[str]]
    foreign: list[str]


def _gazetteer_names(path: Path) -> dict[str, str]:
    """Display name → kind, for every gazetteer actor."""
    names: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        for row in rows:
            name = (row.get("name") or "").strip()
            if len(name) > 2:
                names[name] = row["kind"]
    return names


def _is_english(text: str) -> bool:
    words = re.findall(r"[a-z]+", text.lower())
    letters = sum(ch.isalpha() for ch in text)
    ascii_letters = sum(ch.isascii() and ch.isalpha() for ch in text)
    if letters and ascii_letters / letters < 0.9:
        return False
    return len(words) < 6 or sum(w in _ENGLISH_WORDS for w in words) / len(words) >= 0.08


def _template(sentence: str, actor_pattern: re.Pattern[str], kinds: dict[str, str]):
    """The sentence as text parts and `Slot`s (actors, numbers, years, months)."""
    spans: list[tuple[int, int, Slot]] = []
    for match in actor_pattern.finditer(sentence):
        name = match.group(0)
        what = "month" if name in MONTHS else "actor"
        spans.append((match.start(), match.end(), Slot(what, name, kinds.get(name, ""))))
    taken = [(s, e) for s, e, _ in spans]
    for match in _NUMBER.finditer(sentence):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        value = match.group(0)
        what = "year" if _YEAR.match(value) else "number"
        spans.append((match.start(), match.end(), Slot(what, value)))
    spans.sort(key=lambda span: span[0])
    parts: list[str | Slot] = []
    at = 0
    for start, end, slot in spans:
        if start < at:
            continue
        if start > at:
            parts.append(sentence[at:start])
        parts.append(slot)
        at = end
    if at < len(sentence):
        parts.append(sentence[at:])
    return tuple(parts)


def _page_text(path: Path) -> str | None:
    if path.suffix.lower() not in (".txt", ".md"):
        return None
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def load_material(folders: Sequence[Path] = SOURCE_FOLDERS, gazetteer: Path = GAZETTEER):
    """Sentences, headlines, lengths and actors of the source corpora, as `Material`."""
    kinds = _gazetteer_names(gazetteer)
    alternatives = sorted([*kinds, *MONTHS], key=len, reverse=True)
    actor_pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, alternatives)) + r")(?!\w)")
    pages: list[SourcePage] = []
    headlines = []
    lengths = []
    foreign: list[str] = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            text = _page_text(path)
            if not text:
                continue
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            if not lines:
                continue
            if not _is_english(text[:3000]):
                foreign.extend(line for line in lines if len(line.split()) >= 8)
                continue
            page = SourcePage()
            if len(lines[0]) < 200:
                headlines.append(_template(lines[0], actor_pattern, kinds))
            for line in lines[1:]:
                if len(line.split()) < 6:
                    continue  # menus and captions: the generator adds its own furniture
                for sentence in _SENTENCE_END.split(line):
                    if len(sentence.split()) >= 4:
                        page.sentences.append(_template(sentence, actor_pattern, kinds))
            page.words = sum(len(line.split()) for line in lines)
            if page.sentences:
                pages.append(page)
                lengths.append(page.words)
    if not pages:
        raise SystemExit("no source articles found under " + ", ".join(map(str, folders)))
    actors_by_kind: dict[str, list[str]] = {}
    for name, kind in kinds.items():
        actors_by_kind.setdefault(kind, []).append(name)
    return Material(
        pages, headlines, sorted(lengths), actors_by_kind, foreign or [*FOREIGN_FALLBACK]
    )


class ArticleWriter:
    """Draws articles from `Material` with one random stream: the same seed, the same corpus."""

    def __init__(self, material: Material, seed: int) -> None:
        self.material = material
        self.rng = random.Random(seed)

    def length(self) -> int:
        lengths = self.material.lengths
        base = lengths[self.rng.randrange(len(lengths))]
        return max(60, min(MAX_WORDS, int(base * self.rng.uniform(0.7, 1.4))))

    def fill(self, parts: tuple[str | Slot, ...], swaps: dict[str, str], year: int) -> str:
        rng = self.rng
        out = []
        for part in parts:
            if isinstance(part, str):
                out.append(part)
            elif part.what == "actor":
                if part.text not in swaps:
                    pool = self.material.actors_by_kind.get(part.kind) or [part.text]
                    swaps[part.text] = part.text if rng.random() < 0.4 else rng.choice(pool)
                out.append(swaps[part.text])
            elif part.what == "month":
                out.append(swaps.setdefault(part.text, rng.choice(MONTHS)))
            elif part.what == "year":
                out.append(str(year - rng.randrange(0, 3)))
            else:
                out.append(_redraw_number(part.text, rng))
        return "".join(out)

    def body(self) -> tuple[str, list[str], int]:
        """Headline, paragraphs and the year the story is set in."""
        rng = self.rng
        year = rng.randrange(2012, 2026)
        swaps: dict[str, str] = {}
        headline = self.fill(rng.choice(self.material.headlines), swaps, year)
        target = self.length()
        paragraphs: list[str] = []
        sentences: list[str] = []
        words = 0
        while words < target:
            page = rng.choice(self.material.pages)
            start = rng.randrange(len(page.sentences))
            for parts in page.sentences[start : start + rng.randint(2, 6)]:
                sentence = self.fill(parts, swaps, year)
                sentences.append(sentence)
                words += len(sentence.split())
                if len(sentences) >= rng.randint(1, 4):
                    paragraphs.append(" ".join(sentences))
                    sentences = []
        if sentences:
            paragraphs.append(" ".join(sentences))
        return headline, paragraphs, year


def _redraw_number(text: str, rng: random.Random) -> str:
    """A number of the same shape: same digit count, same separators, no leading zero."""
    out = []
    first = True
    for ch in text:
        if ch.isdigit():
            out.append(str(rng.randint(1, 9) if first else rng.randint(0, 9)))
            first = False
        else:
            out.append(ch)
    return "".join(out)


def _date_text(rng: random.Random, year: int) -> tuple[str, str]:
    month = rng.randrange(1, 13)
    day = rng.randrange(1, 29)
    return f"{MONTHS[month - 1]} {day}, {year}", f"{year}-{month:02d}-{day:02d}"


def _plain_page(headline: str, paragraphs: list[str], byline: str, dated: str, rng) -> str:
    top = rng.choice((["Skip to content", "Menu", "Search"], ["Home", "World"], []))
    middle = len(paragraphs) // 2
    body = (
        paragraphs[:middle]
        + (["Advertisement"] if rng.random() < 0.5 else [])
        + paragraphs[middle:]
    )
    end = rng.choice(
        (
            ["Share this article", "Facebook | Twitter | Email"],
            ["Related: More coverage of the crisis", "© Newsroom. All rights reserved."],
            [],
        )
    )
    return "\n\n".join([*top, headline, f"By {byline}", dated, *body, *end]) + "\n"


def _html_page(headline: str, paragraphs: list[str], byline: str, iso: str, outlet: str) -> str:
    escape = html.escape
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(headline)} | {escape(outlet)}</title>"
        f'<meta property="article:published_time" content="{iso}T08:00:00Z">'
        f'<meta property="og:site_name" content="{escape(outlet)}"></head>\n<body>\n'
        '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/login">Sign in</a></nav>\n'
        f'<article><h1>{escape(headline)}</h1><p class="byline">By {escape(byline)}</p>\n'
        f"{body}\n</article>\n"
        '<aside><h2>Most read</h2><ul><li><a href="/a">Markets open lower</a></li></ul></aside>\n'
        f'<footer>© {escape(outlet)}. All rights reserved. <a href="/privacy">Privacy</a></footer>\n'
        "</body></html>\n"
    )


@dataclass(frozen=True)
class CorpusFile:
    relative: str
    content: bytes
    kind: str  # txt, html, md, json, duplicate, empty, binary, non_english
    sidecar: tuple[str, str, str] | None = None  # url, outlet, published_date


# Within every 1,000 files, these positions always hold these kinds, so that even a corpus of
# 30 files has every format and every kind of bad file.
FIXED_KINDS = {
    5: "duplicate",
    9: "empty",
    13: "binary",
    17: "non_english",
    21: "html",
    25: "json",
    28: "md",
}
GOOD_SHARES = (("html", SHARE_HTML), ("json", SHARE_JSON), ("md", SHARE_MD))
BAD_SHARES = (
    ("duplicate", SHARE_DUPLICATE),
    ("empty", SHARE_EMPTY),
    ("binary", SHARE_BINARY),
    ("non_english", SHARE_FOREIGN),
)


def _draw_kind(rng: random.Random, number: int) -> str:
    draw = rng.random()
    fixed = FIXED_KINDS.get(number % FILES_PER_FOLDER)
    if fixed is not None:
        return fixed
    for kind, share in (*BAD_SHARES, *GOOD_SHARES):
        if draw < share:
            return kind
        draw -= share
    return "txt"


def generate(articles: int, seed: int, material: Material | None = None) -> Iterator[CorpusFile]:
    """The corpus's files in order, one at a time (nothing is held but the duplicates' pool)."""
    material = material or load_material()
    writer = ArticleWriter(material, seed)
    rng = writer.rng
    recent: list[bytes] = []  # candidates for exact duplicates
    for number in range(articles):
        name = f"part-{number // FILES_PER_FOLDER:04d}/article-{number:06d}"
        kind = _draw_kind(rng, number)
        if kind == "duplicate" and recent:
            yield CorpusFile(f"{name}.txt", rng.choice(recent), "duplicate")
            continue
        if kind == "empty":
            yield CorpusFile(f"{name}.txt", b"", "empty")
            continue
        if kind == "binary":
            noise = bytes(rng.randrange(256) for _ in range(rng.randint(200, 4000)))
            yield CorpusFile(f"{name}.txt", b"\x89PNG\r\n\x1a\n\x00\x00" + noise, "binary")
            continue
        if kind == "non_english":
            lines = [rng.choice(material.foreign) for _ in range(rng.randint(3, 8))]
            yield CorpusFile(f"{name}.txt", "\n\n".join(lines).encode("utf-8"), "non_english")
            continue
        headline, paragraphs, year = writer.body()
        outlet, base_url = OUTLETS[rng.randrange(len(OUTLETS))]
        byline = f"{rng.choice(BYLINE_NAMES)}, {outlet}"
        dated, iso = _date_text(rng, year)
        url = f"{base_url}{number:06d}-{re.sub(r'[^a-z0-9]+', '-', headline.lower())[:60]}"
        if kind == "html":
            content = _html_page(headline, paragraphs, byline, iso, outlet)
        elif kind == "json":
            record = {
                "headline": headline,
                "url": url,
                "source": outlet,
                "published": iso,
                "body": "\n\n".join(paragraphs),
            }
            content = json.dumps(record, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
        elif kind == "md":
            content = f"# {headline}\n\n*{dated}*\n\n" + "\n\n".join(paragraphs) + "\n"
        else:
            kind = "txt"  # also a duplicate drawn before any article existed to copy
            content = _plain_page(headline, paragraphs, byline, dated, rng)
        data = content.encode("utf-8")
        if len(recent) < 64:
            recent.append(data)
        elif rng.random() < 0.05:
            recent[rng.randrange(64)] = data
        sidecar = (url, outlet, iso) if kind == "txt" and rng.random() < SHARE_SIDECAR else None
        yield CorpusFile(f"{name}.{kind}", data, kind, sidecar)


def write_corpus(out: Path, articles: int, seed: int) -> dict[str, int]:
    """Write the corpus under `out` (created; files of an earlier corpus there are replaced);
    returns how many files of each kind were written."""
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    sidecar = io.StringIO()
    rows = csv.writer(sidecar, lineterminator="\n")
    rows.writerow(["file", "url", "outlet", "published_date"])
    made: set[str] = set()
    for item in generate(articles, seed):
        folder = item.relative.split("/", 1)[0]
        if folder not in made:
            (out / folder).mkdir(exist_ok=True)
            made.add(folder)
        (out / item.relative).write_bytes(item.content)
        counts[item.kind] = counts.get(item.kind, 0) + 1
        if item.sidecar is not None:
            rows.writerow([item.relative, *item.sidecar])
    (out / "sources.csv").write_text(sidecar.getvalue(), encoding="utf-8")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.make_corpus", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--articles", type=int, required=True, metavar="N")
    parser.add_argument("--seed", type=int, default=0, metavar="S")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR")
    args = parser.parse_args(argv)
    if args.articles < 0:
        parser.error("--articles must be 0 or more")
    started = time.perf_counter()
    counts = write_corpus(args.out, args.articles, args.seed)
    seconds = time.perf_counter() - started
    mix = ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items()))
    print(f"wrote {args.articles} files to {args.out} in {seconds:.1f} s ({mix})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
