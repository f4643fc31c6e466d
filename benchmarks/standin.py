"""A stand-in for the analyser, for benchmarks of what a run does besides spaCy.

`StandInAnalyser` turns each article into rows of every kind without a model: a mention per
gazetteer name found in the text, a statement per sentence with a reporting verb, a stance per
statement, a figure per number (with the place a country gives it), an event per tenth
sentence, and a discovered person for some articles (shared across articles, as people are).
Rows follow the article's length as the real ones do, so reading, deduplicating, writing,
derived tables and the swap meet a realistic load thousands of articles at a time, in
seconds rather than the hour the model would take. The rows are deterministic (ids from the
article and the offsets). It measures the ETL around the model, never the extraction.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

from etl.types import (
    Actor,
    Article,
    Event,
    Extraction,
    Figure,
    Mention,
    Stance,
    Statement,
    stable_id,
)

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]")
_NUMBER = re.compile(r"\b\d[\d,]*\b")
_REPORTING = re.compile(r"\b(said|says|told|added|stated|urged|warned)\b")


class StandInAnalyser:
    """Rows of every kind from an article's text alone (see the module's docstring)."""

    def __init__(self, gazetteer_path: Path | None = None) -> None:
        from etl.actors import Gazetteer

        self.gazetteer = Gazetteer.load(gazetteer_path)
        actors = sorted(self.gazetteer.actors.values(), key=lambda a: a.actor_id)
        self._names = [(a.name, a.actor_id) for a in actors if len(a.name) > 3][:400]
        self._countries = [a for a in actors if a.kind == "country"]
        self._pattern = re.compile(
            r"\b(" + "|".join(re.escape(name) for name, _ in self._names) + r")\b"
        )
        self._ids = dict(self._names)

    @property
    def gazetteer_actors(self) -> tuple[Actor, ...]:
        return tuple(self.gazetteer.actors.values())

    def warm_up(self) -> None:
        pass

    def analyse(self, articles: Sequence[Article], batch_size: int = 32) -> Iterator[Extraction]:
        for article in articles:
            yield self.extract(article)

    def extract(self, article: Article) -> Extraction:
        aid, body = article.article_id, article.body
        mentions = tuple(
            Mention(aid, self._ids[m.group()], m.start(), m.end(), m.group())
            for m in self._pattern.finditer(body)
        )
        speakers = [m.actor_id for m in mentions] or [self._countries[0].actor_id]
        statements, stances, figures, events = [], [], [], []
        for n, sentence in enumerate(_SENTENCE.finditer(body)):
            start, end, text = sentence.start(), sentence.end(), sentence.group()
            speaker = speakers[n % len(speakers)]
            if _REPORTING.search(text):
                sid = stable_id(aid, "statement", start)
                statements.append(
                    Statement(sid, aid, speaker, speaker, text, False, None, start, end, cue="said")
                )
                country = self._countries[(start + n) % len(self._countries)]
                stances.append(
                    Stance(
                        stable_id(aid, "stance", start),
                        aid,
                        sid,
                        speaker,
                        country.actor_id,
                        ("critical", "supportive", "neutral")[n % 3],
                        text,
                        start,
                        end,
                        cue="said",
                    )
                )
            for number in _NUMBER.finditer(text):
                value = float(number.group().replace(",", "") or 0)
                country = self._countries[int(value) % len(self._countries)]
                figures.append(
                    Figure(
                        stable_id(aid, "figure", start + number.start()),
                        aid,
                        value,
                        number.group(),
                        "displaced",
                        "people",
                        country.name,
                        None,
                        None,
                        text,
                        start,
                        end,
                        start + number.start(),
                        start + number.end(),
                    )
                )
            if n % 10 == 0:
                events.append(
                    Event(
                        stable_id(aid, "event", start),
                        aid,
                        article.published_date or date(2024, 1, 1),
                        "day",
                        "meeting",
                        text[:80],
                        None,
                        (speaker,),
                        text,
                        start,
                        end,
                    )
                )
        person = int(aid[:4], 16) % 50 if len(body) % 3 == 0 else None
        new_actors = (
            ()
            if person is None
            else (Actor(f"person-{person}", f"Person {person}", "person", None, (), "discovered"),)
        )
        return Extraction(
            article,
            mentions,
            tuple(statements),
            tuple(stances),
            tuple(figures),
            tuple(events),
            new_actors,
        )


def standin_steps(gazetteer_path: Path | None = None):  # noqa: ANN201 - etl.run.Steps
    """The ETL's own steps (reading, cleaning, language checks) with the stand-in analyser."""
    import dataclasses

    from etl.run import default_steps

    return dataclasses.replace(
        default_steps(gazetteer_path), make_analyser=lambda: StandInAnalyser(gazetteer_path)
    )
