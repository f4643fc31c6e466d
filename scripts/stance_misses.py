"""Why stance edges are missed, pooled over development sets: a table of mechanisms x sets.

    .venv/bin/python -m scripts.stance_misses real_dev real_dev2 ... real_dev12
    .venv/bin/python -m scripts.stance_misses --db W.duckdb --gold tests/real_dev12/gold

Each set's articles are run through the ETL into a temporary warehouse (or `--db` is read), the
stances are matched against the gold as `etl.evaluate` matches them, and every missed gold triple
is put in the first class that fits:

- wrong-polarity: the ETL has the pair with another polarity;
- src/tgt-not-in-sentence: no mention of that end in the evidence sentences (an earlier sentence,
  a pronoun, the page's topic), src-not-resolved / tgt-not-resolved when the article never names
  it as an actor; a source that is the statement's speaker counts as found;
- no-cue: both ends found, no word of the sentence realises a cue of the cue book;
- coordination, possessor, preposition, apposition, modifier: how the source or target mention
  hangs in the parse ("A, B and C welcomed", "Russia's veto", "attacks by X", "Russian strikes");
- other: both ends found as subject / object with a cue, and still missed.

A second table counts gold edges that fan out over a list on one evidence (several sources or
targets with the same other end): missed while the ETL finds another member of the list (a
fan-out failure) or missed with the whole list. Sealed sets are refused: name each set.
"""

from __future__ import annotations

import argparse
import collections
import logging
import sys
import tempfile
from pathlib import Path

from etl.actors import resolve_mentions
from etl.context import ArticleContext
from etl.evaluate import ActorIndex, _slug_text, load_gold, match_stances, read_warehouse
from etl.pipeline import Analyser
from etl.stance_cuebook import load_cues
from etl.statements import extract_statements
from etl.types import POLARITIES

ROOT = Path(__file__).resolve().parent.parent


def _folders(name: str) -> tuple[Path, Path]:
    if "holdout" in name and name != "holdout_corpus":
        raise SystemExit(f"refused: {name} is sealed")
    if name == "gold":
        return ROOT / "data" / "raw", ROOT / "tests" / "gold"
    return ROOT / "tests" / name / "articles", ROOT / "tests" / name / "gold"


def _span(body: str, evidence: str) -> tuple[int, int] | None:
    """Where the evidence sits in the body, white space normalised as GOLD.md says."""
    index, out = [], []
    for i, ch in enumerate(body):
        if ch.isspace():
            if not out or out[-1] == " ":
                continue
            out.append(" ")
        else:
            out.append(ch)
        index.append(i)
    text, wanted = "".join(out), " ".join(evidence.split())
    at = text.find(wanted)
    if at < 0:
        at = text.lower().find(wanted.lower())
    if at < 0 or not wanted:
        return None
    return index[at], index[at + len(wanted) - 1] + 1


def _roles(doc, mentions) -> set[str]:
    roles = set()
    for mention in mentions:
        span = doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        if head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children):
            roles.add("coordination")
        if head.dep_ == "poss":
            roles.add("possessor")
        if head.dep_ == "pobj":
            roles.add("preposition")
        if head.dep_ == "appos":
            roles.add("apposition")
        if head.dep_ in ("amod", "compound", "nmod"):
            roles.add("modifier")
    return roles


def classify(
    extraction, gold, index: ActorIndex, analyser: Analyser, cues, show: str | None = None
) -> list[str]:
    """The class of each missed gold triple of one article; with `show`, print the examples of
    that class (or of every class, show="all") as they are met."""
    matched = match_stances(extraction.stances, gold.stances, index)
    missed = [g for g, found in zip(matched.gold, matched.found, strict=True) if not found]
    if not missed:
        return []
    article = extraction.article
    doc = analyser.parse(article.body)
    mentions, new_actors = resolve_mentions(doc, article.article_id, analyser.gazetteer)
    actors = {**analyser.gazetteer.actors, **{a.actor_id: a for a in new_actors}}
    ctx = ArticleContext(article, doc, tuple(mentions), actors, gazetteer=analyser.gazetteer)
    statements = extract_statements(ctx)
    names = ActorIndex({**index.actors, **actors})

    def matches(name: str, actor_id: str) -> bool:
        return names.matches(name, actor_id, _slug_text(actor_id), stand_in=True)

    polar = {s for s in cues.sections if s.partition(" ")[2] in POLARITIES}
    classes, seen = [], set()
    for edge in missed:
        triple = (edge["source"], edge["target"], edge["polarity"])
        if triple in seen:
            continue
        seen.add(triple)
        span = _span(article.body, edge["evidence"])
        if span is None:
            classes.append("evidence-not-found")
            continue
        sents = list(dict.fromkeys(t.sent for t in doc if span[0] <= t.idx < span[1]))
        start, end = sents[0].start_char, sents[-1].end_char
        inside = ctx.mentions_in(start, end)
        sources = [m for m in inside if matches(edge["source"], m.actor_id)]
        targets = [m for m in inside if matches(edge["target"], m.actor_id)]
        spoken = any(
            s.char_start < end and s.char_end > start and s.speaker_id
            and matches(edge["source"], s.speaker_id)
            for s in statements
        )  # fmt: skip
        if any(
            matches(edge["source"], p.source_id) and matches(edge["target"], p.target_id)
            for p in extraction.stances
        ):
            classes.append("wrong-polarity")
        elif not sources and not spoken:
            named = any(matches(edge["source"], m.actor_id) for m in mentions)
            classes.append("src-not-in-sentence" if named else "src-not-resolved")
        elif not targets:
            named = any(matches(edge["target"], m.actor_id) for m in mentions)
            classes.append("tgt-not-in-sentence" if named else "tgt-not-resolved")
        elif not any(
            cues.has(section, t)
            for s in sents
            for t in s
            for section in cues.candidate_sections(t) & polar
        ):
            classes.append("no-cue")
        else:
            roles = _roles(doc, sources) | _roles(doc, targets)
            order = ("coordination", "possessor", "preposition", "apposition", "modifier")
            classes.append(next((r for r in order if r in roles), "other"))
        if show in ("all", classes[-1]):
            print(
                f"[{classes[-1]}] {gold.name}: {triple}\n    {' '.join(edge['evidence'].split())}"
            )
    return classes


def fan_out(extraction, gold, index: ActorIndex) -> collections.Counter:
    """Gold edges in lists on one evidence: missed with a sibling found, or with the whole list."""
    matched = match_stances(extraction.stances if extraction else (), gold.stances, index)
    found = {i for i, f in enumerate(matched.found) if f}
    counts: collections.Counter = collections.Counter()
    for fixed in ("source", "target"):
        groups = collections.defaultdict(set)
        for i, edge in enumerate(gold.stances):
            key = (" ".join(edge["evidence"].split()), edge["polarity"], edge[fixed])
            groups[key].add(i)
        for members in groups.values():
            if len(members) > 1:
                hit = len(members & found)
                counts["in lists"] += len(members)
                counts["missed, sibling found" if hit else "missed with the list"] += (
                    len(members) - hit
                )
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", help="development sets (real_dev, real_dev2, ...)")
    parser.add_argument("--db", type=Path, help="a built warehouse to read instead of running")
    parser.add_argument("--gold", type=Path, help="the gold folder of --db")
    parser.add_argument("--show", help="print the missed edges of this class ('all': every class)")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    runs = [(str(args.db), None, args.gold)] if args.db else []
    runs += [(name, *_folders(name)) for name in args.sets]
    if not runs:
        parser.error("name at least one set, or --db with --gold")
    analyser, cues = Analyser(), load_cues()
    table: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    fans: dict[str, collections.Counter] = {}
    with tempfile.TemporaryDirectory(prefix="stance-misses-") as folder:
        for name, articles, gold_dir in runs:
            db = Path(name)
            if articles is not None:
                from etl.run import run_etl

                db = Path(folder) / f"{name}.duckdb"
                run_etl(articles, db, full=True)
            by_stem, _, index = read_warehouse(db)
            fans[name] = collections.Counter()
            for gold in load_gold(gold_dir):
                extraction = by_stem.get(gold.name)
                if extraction is None or not gold.stances:
                    continue
                for cls in classify(extraction, gold, index, analyser, cues, args.show):
                    table[cls][name] += 1
                fans[name] += fan_out(extraction, gold, index)
            print(f"{name} read", file=sys.stderr, flush=True)
    names = [r[0] for r in runs]
    print(f"{'class':22}" + "".join(f"{n[-9:]:>10}" for n in names) + "   total  sets")
    for cls, row in sorted(table.items(), key=lambda kv: -sum(kv[1].values())):
        cells = "".join(f"{row[n]:>10}" for n in names)
        print(f"{cls:22}{cells}   {sum(row.values()):5}  {sum(1 for n in names if row[n]):4}")
    print()
    for key in ("in lists", "missed, sibling found", "missed with the list"):
        print(f"{key:22}" + "".join(f"{fans[n][key]:>10}" for n in names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
