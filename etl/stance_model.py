"""A learned stance classifier over the rules: candidates, their features, and scoring.

Every sentence offers candidate stances: each ordered pair (source, target) of actors resolved
in it, plus the speaker of the statement the sentence belongs to toward each actor named there,
plus every pair the rules (`etl.stances`) found in it. Each candidate is described by cheap,
general named features - what the rules say for the pair, cue lemmas on the dependency path
between the two actors and around them, each actor's syntactic role, negation, reported speech,
actor kinds, distance and the sentence's cue lexicon sections - never article names.

A multinomial logistic regression (`python -m etl.train_stances`, scikit-learn at training time
only) turns features into P(none | critical | supportive | neutral). Its weights are plain data
in `etl/rules/stance_model.json`; scoring here is a sum of weights and a softmax in Python.

`apply(ctx, statements, rule_rows)` is the integration point `etl.stances` calls: with the model
switched off in the JSON (`"enabled": false`) the rules' rows pass through unchanged; switched on
it adds the rows the model finds (mode "both") or replaces the rules' decision (mode "model").
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Span, Token

from etl.context import ArticleContext
from etl.docindex import DocIndex
from etl.types import Stance, Statement, stable_id

DEFAULT_MODEL = Path(__file__).resolve().parent / "rules" / "stance_model.json"
CLASSES = ("none", "critical", "supportive", "neutral")
# The cue of a row the model found where the rules had none: how the warehouse tells them apart.
MODEL_CUE = "stance-model"
# A sentence naming more actors than this is a list (a table row, a roll call): its pairs are
# not candidates, as the number of pairs grows with the square of the names.
MAX_ACTORS = 10
_CONTENT = {"VERB", "NOUN", "ADJ", "AUX"}
_ROLE_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj", "compound", "attr"}
# Common nouns by which a story names the government of its country ("the regime said"); gold
# names a government by its country, so such a noun is a candidate end standing for the country
# the story names most before it.
_STATE_NOUNS = {"government", "regime", "authorities", "administration", "junta", "cabinet"}


@dataclass(frozen=True)
class Candidate:
    """One (source, target) pair in one sentence, with its features and what the rules said."""

    source_id: str
    target_id: str
    sentence: Span
    features: tuple[str, ...]
    rule_polarity: str | None = None
    statement_id: str | None = None
    cue: str | None = None


# --- candidates ----------------------------------------------------------------------------


def _head(ctx: ArticleContext, start: int, end: int) -> Token | None:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _statements_over(statements: Sequence[Statement], sent: Span) -> list[Statement]:
    return [s for s in statements if s.char_start < sent.end_char and s.char_end > sent.start_char]


def candidates(
    ctx: ArticleContext,
    statements: Sequence[Statement],
    rule_rows: Sequence[Stance],
    *,
    rule_pairs_only: bool = False,
) -> list[Candidate]:
    """Every candidate stance of one article, in text order, with its features (only the pairs
    the rules found, with `rule_pairs_only`)."""
    from etl.stances import load_cues

    cues = load_cues()
    index = DocIndex.of(ctx.doc)
    rules_by_sentence: dict[int, list[Stance]] = {}
    for row in rule_rows:
        number = bisect.bisect_right(index.sent_start_chars, row.char_start) - 1
        rules_by_sentence.setdefault(number, []).append(row)
    found: list[Candidate] = []
    countries = _country_mentions(ctx)
    pair_rules: dict[tuple[str, str], set[str]] = {}
    for row in rule_rows:
        pair_rules.setdefault((row.source_id, row.target_id), set()).add(row.polarity)
    for number, sent in enumerate(index.sents):
        heads: dict[str, Token | None] = {}
        mentions = ctx.mentions_in(sent.start_char, sent.end_char)
        for mention in mentions:
            if mention.actor_id not in heads:
                heads[mention.actor_id] = _head(ctx, mention.char_start, mention.char_end)
        state = _state_reference(ctx, sent, mentions, countries)
        if state is not None and state[0] not in heads:
            heads[state[0]] = state[1]
        over = _statements_over(statements, sent)
        speakers = {s.speaker_id: s for s in over if s.speaker_id}
        rules = rules_by_sentence.get(number, [])
        if (not heads or rule_pairs_only) and not rules:
            continue
        pairs: dict[tuple[str, str], set[str]] = {}
        if len(heads) <= MAX_ACTORS:
            for source in heads:
                for target in heads:
                    if source != target:
                        pairs.setdefault((source, target), set()).add("named")
            for speaker in speakers:
                for target in heads:
                    if speaker != target:
                        pairs.setdefault((speaker, target), set()).add("speaker")
        for row in rules:
            pairs.setdefault((row.source_id, row.target_id), set()).add("rule")
        if rule_pairs_only:  # the same features as in a full run, for the rules' pairs alone
            pairs = {pair: how for pair, how in pairs.items() if "rule" in how}
        if not pairs:
            continue
        sentence_features = _sentence_features(ctx, sent, cues, over, len(heads))
        for (source, target), how in sorted(pairs.items()):
            own = [r for r in rules if (r.source_id, r.target_id) == (source, target)]
            reverse = [r for r in rules if (r.source_id, r.target_id) == (target, source)]
            statement = speakers.get(source) or (over[0] if over else None)
            if (
                state is not None
                and state[0] in (source, target)
                and state[0] not in {m.actor_id for m in mentions}
            ):
                how = {*how, "state_noun"}
            features = [
                *sentence_features,
                *(f"how={h}" for h in sorted(how)),
                *_rule_features(own, reverse, cues, ctx),
                *_article_features(pair_rules, source, target),
                *_speaker_features(over, source, target, heads, statements),
                *_actor_features(ctx, source, target),
                *_path_features(heads.get(source), heads.get(target), cues, statements),
            ]
            rule = own[0] if own else None
            found.append(
                Candidate(
                    source,
                    target,
                    sent,
                    tuple(sorted(set(features))),
                    rule.polarity if rule else None,
                    statement.statement_id if statement else None,
                    rule.cue if rule else None,
                )
            )
    return found


def _country_mentions(ctx: ArticleContext) -> list[tuple[int, str]]:
    """(char, country id) of every country named by name or alias, in text order."""
    found = []
    for mention in ctx.mentions:
        actor = ctx.actors.get(mention.actor_id)
        if (
            actor is not None
            and actor.kind == "country"
            and mention.how not in ("demonym", "pronoun")
        ):
            found.append((mention.char_start, actor.actor_id))
    return found


def _state_reference(
    ctx: ArticleContext, sent: Span, mentions: Sequence[Any], countries: Sequence[tuple[int, str]]
) -> tuple[str, Token] | None:
    """("the regime" / "the government" in this sentence, unnamed) -> (the country the story names
    most before it, the noun), else None."""
    for token in sent:
        if token.lemma_.lower() not in _STATE_NOUNS or token.pos_ != "NOUN":
            continue
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children):
            continue
        if any(c.dep_ in ("compound", "amod", "poss") for c in token.children):
            continue  # "the Syrian government", "Assad's regime": a name the resolver reads
        if any(m.char_start <= token.idx < m.char_end for m in mentions):
            continue
        counts: dict[str, list[int]] = {}
        for char, country in countries:
            if char >= token.idx:
                break
            seen = counts.setdefault(country, [0, -char])
            seen[0] += 1
        if counts:
            return max(counts, key=lambda c: tuple(counts[c])), token
    return None


def _article_features(
    pair_rules: Mapping[tuple[str, str], set[str]], source: str, target: str
) -> list[str]:
    """What the rules say of the pair anywhere in the article (a triple is scored once)."""
    own = pair_rules.get((source, target), set())
    back = pair_rules.get((target, source), set())
    return [
        *(f"article_rule={p}" for p in sorted(own)),
        *(f"article_reverse={p}" for p in sorted(back)),
        *(() if own else ("article_rule=none",)),
    ]


def _speaker_features(
    over: Sequence[Statement],
    source: str,
    target: str,
    heads: Mapping[str, Token | None],
    statements: Sequence[Statement],
) -> list[str]:
    """Who speaks in the sentence relative to the pair, and whether the target is named inside a
    quotation of the source (a stance in its own words) or the source inside the target's."""
    speakers = {s.speaker_id for s in over if s.speaker_id}
    if not speakers:
        features = ["speaker=none"]
    elif source in speakers:
        features = ["speaker=source"]
    elif target in speakers:
        features = ["speaker=target"]
    else:
        features = ["speaker=other"]
    for side, actor, other in (("target", target, source), ("source", source, target)):
        token = heads.get(actor)
        if token is None:
            continue
        if any(
            s.speaker_id == other and s.char_start <= token.idx < s.char_end for s in statements
        ):
            features.append(f"{side}_in_other_quote")
    return features


def _sections(token: Token, cues: Any) -> list[str]:
    """The polarity-bearing cue sections ("act critical", "nominal supportive") a token realises."""
    maybe = cues.candidate_sections(token)  # most words are no cue of most sections
    return [
        name
        for name in cues.sections
        if name in maybe and name.rpartition(" ")[2] in CLASSES[1:] and cues.has(name, token)
    ]


def _sentence_features(
    ctx: ArticleContext, sent: Span, cues: Any, over: Sequence[Statement], n_actors: int
) -> list[str]:
    features = {f"actors={_bin(n_actors, (3, 5), ('2', '3-4', '5+'))}"}
    if over:
        features.add("reported=direct" if any(s.is_direct for s in over) else "reported=indirect")
    else:
        features.add("reported=none")
    for token in sent:
        if token.pos_ in _CONTENT:
            for name in _sections(token, cues):
                features.add(f"sent_cue={name}")
        if token.dep_ == "neg":
            features.add("sent_negation")
    return sorted(features)


def _rule_features(
    own: Sequence[Stance], reverse: Sequence[Stance], cues: Any, ctx: ArticleContext
) -> list[str]:
    if not own:
        features = ["rule=none"]
    else:
        features = []
        for row in own:
            features += [
                f"rule={row.polarity}",
                f"rule_cue={(row.cue or '').lower()}:{row.polarity}",
            ]
            if row.negated:
                features.append("rule_negated")
    features += [f"rule_reverse={row.polarity}" for row in reverse]
    return features


def _bin(value: float, edges: Sequence[float], labels: Sequence[str]) -> str:
    for edge, label in zip(edges, labels, strict=False):
        if value < edge:
            return label
    return labels[-1]


def _actor_features(ctx: ArticleContext, source: str, target: str) -> list[str]:
    def kind(actor_id: str) -> str:
        actor = ctx.actors.get(actor_id)
        if actor is None:
            return "unknown"
        country = "" if actor.kind == "country" or actor.country_id else ":stateless"
        return f"{actor.kind}{country}"

    source_kind, target_kind = kind(source), kind(target)
    same = ctx.country_of(source) is not None and ctx.country_of(source) == ctx.country_of(target)
    return [
        f"source_kind={source_kind}",
        f"target_kind={target_kind}",
        f"kinds={source_kind}>{target_kind}",
        f"same_country={str(same).lower()}",
    ]


def _role(token: Token) -> str:
    dep = token.dep_
    if dep == "pobj":
        return f"pobj:{token.head.lemma_.lower()}"
    if dep in {"compound", "conj", "appos"} and token.head.dep_ in _ROLE_DEPS:
        return f"{dep}>{_role(token.head)}"
    return dep if dep in _ROLE_DEPS else "other"


def _in_quote(token: Token, statements: Sequence[Statement]) -> bool:
    char = token.idx
    return any(s.char_start <= char < s.char_end for s in statements)


def _governor(token: Token) -> Token | None:
    for ancestor in token.ancestors:
        if ancestor.pos_ in {"VERB", "NOUN", "ADJ"}:
            return ancestor
    return None


def _path(source: Token, target: Token) -> tuple[list[Token], Token | None]:
    """The tokens between two heads along the parse (both ends left out), and their meeting point."""
    up_source = [source, *source.ancestors]
    up_target = [target, *target.ancestors]
    target_positions = {t.i: n for n, t in enumerate(up_target)}
    for n, token in enumerate(up_source):
        if token.i in target_positions:
            m = target_positions[token.i]
            middle = up_source[1:n] + up_target[1:m]
            if token is not source and token is not target:
                middle.append(token)
            return middle, token
    return [], None


def _path_features(
    source: Token | None, target: Token | None, cues: Any, statements: Sequence[Statement]
) -> list[str]:
    features: list[str] = []
    for side, token in (("source", source), ("target", target)):
        if token is None:
            features.append(f"{side}_role=absent")
            continue
        features.append(f"{side}_role={_role(token)}")
        features.append(f"{side}_in_quote={str(_in_quote(token, statements)).lower()}")
        governor = _governor(token)
        if governor is not None:
            features.append(f"{side}_gov={governor.lemma_.lower()}")
            features += [f"{side}_gov_cue={name}" for name in _sections(governor, cues)]
            if any(child.dep_ == "neg" for child in governor.children):
                features.append(f"{side}_gov_negated")
    if source is None or target is None:
        return features
    middle, meeting = _path(source, target)
    features.append("order=source_first" if source.i < target.i else "order=target_first")
    features.append(
        f"distance={_bin(abs(source.i - target.i), (4, 10, 20), ('<4', '4-9', '10-19', '20+'))}"
    )
    features.append(f"path_len={_bin(len(middle), (1, 3, 6), ('0', '1-2', '3-5', '6+'))}")
    if meeting is not None:
        features.append(
            f"meet={meeting.lemma_.lower()}"
            if meeting.pos_ in _CONTENT
            else f"meet_pos={meeting.pos_}"
        )
        features.append(f"roles={_role(source)}>{_role(target)}")
        sections = _sections(meeting, cues) if meeting.pos_ in _CONTENT else []
        features += [f"meet_cue={name}" for name in sections]
        negated = any(child.dep_ == "neg" for child in meeting.children)
        if negated:
            features.append("meet_negated")
            features += [f"meet_cue_negated={name}" for name in sections]
        if any(child.dep_ in ("nsubjpass", "auxpass", "agent") for child in meeting.children):
            features.append("voice=passive")
        else:
            features.append("voice=active")
        features += [f"roles_cue={_role(source)}>{_role(target)}:{name}" for name in sections]
    for token in middle:
        lemma = token.lemma_.lower()
        if token.pos_ in _CONTENT:
            features.append(f"path={lemma}")
            features += [f"path_cue={name}" for name in _sections(token, cues)]
        elif token.pos_ == "ADP":
            features.append(f"path_prep={lemma}")
        if any(child.dep_ == "neg" for child in token.children):
            features.append("path_negated")
    return features


# --- the model as data ---------------------------------------------------------------------


@dataclass(frozen=True)
class StanceModel:
    """Weights per feature (one per class, in `classes` order), intercepts per class, the decision
    threshold and how the ETL uses the model."""

    classes: tuple[str, ...]
    intercepts: tuple[float, ...]
    weights: Mapping[str, tuple[float, ...]]
    threshold: float
    enabled: bool = False
    # "both": rules' rows plus the model's for pairs the rules left alone in that sentence;
    # "new_pairs": plus the model's for pairs the rules left alone in the whole article;
    # "model": the model decides
    mode: str = "both"
    # A threshold per polarity (a polarity not listed uses `threshold`).
    thresholds: Mapping[str, float] = dataclasses.field(default_factory=dict)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> StanceModel:
        classes = tuple(data["classes"])
        return cls(
            classes,
            tuple(float(data["intercepts"][c]) for c in classes),
            {
                feature: tuple(float(w) for w in per_class)
                for feature, per_class in data["weights"].items()
            },
            float(data["threshold"]),
            bool(data.get("enabled", False)),
            str(data.get("mode", "both")),
            {k: float(v) for k, v in (data.get("thresholds") or {}).items()},
        )

    def probabilities(self, features: Sequence[str]) -> dict[str, float]:
        """P(class) for a candidate with these features (a feature never seen weighs 0)."""
        scores = list(self.intercepts)
        for feature in sorted(set(features)):  # one order, so the float sum is the same every run
            weights = self.weights.get(feature)
            if weights is not None:
                scores = [s + w for s, w in zip(scores, weights, strict=True)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    def decide(self, features: Sequence[str]) -> tuple[str, float]:
        """The most likely stance polarity and its probability, or ("none", p) under threshold."""
        probs = self.probabilities(features)
        polarity = max((c for c in self.classes if c != "none"), key=lambda c: (probs[c], c))
        if probs[polarity] >= self.thresholds.get(polarity, self.threshold):
            return polarity, probs[polarity]
        return "none", probs["none"]


@functools.lru_cache(maxsize=4)
def load_model(path: Path = DEFAULT_MODEL) -> StanceModel | None:
    """The model of `path`, or None when there is no file."""
    if not Path(path).exists():
        return None
    return StanceModel.from_json(json.loads(Path(path).read_text(encoding="utf-8")))


# --- rows ----------------------------------------------------------------------------------


def model_rows(
    ctx: ArticleContext, found: Sequence[Candidate], model: StanceModel
) -> list[tuple[Stance, float]]:
    """The stance rows the model finds among the candidates, each with its probability."""
    rows = []
    for candidate in found:
        polarity, probability = model.decide(candidate.features)
        if polarity == "none":
            continue
        sent = candidate.sentence
        rows.append(
            (
                Stance(
                    stance_id=stable_id(
                        ctx.article.article_id,
                        candidate.source_id,
                        candidate.target_id,
                        polarity,
                        sent.start_char,
                    ),
                    article_id=ctx.article.article_id,
                    statement_id=candidate.statement_id,
                    source_id=candidate.source_id,
                    target_id=candidate.target_id,
                    polarity=polarity,
                    evidence=sent.text,
                    char_start=sent.start_char,
                    char_end=sent.end_char,
                    cue=candidate.cue if candidate.rule_polarity == polarity else MODEL_CUE,
                ),
                probability,
            )
        )
    return rows


def combine(
    rule_rows: Sequence[Stance], learned: Sequence[tuple[Stance, float]], mode: str
) -> list[Stance]:
    """The rows kept: the model's alone ("model"), or the rules' plus the model's rows for pairs
    the rules left alone in that sentence ("both")."""
    if mode == "model":
        chosen = [row for row, _ in learned]
    elif mode == "rules":
        chosen = list(rule_rows)
    elif mode == "new_pairs":
        pairs = {(r.source_id, r.target_id) for r in rule_rows}
        chosen = [*rule_rows]
        chosen += [r for r, _ in learned if (r.source_id, r.target_id) not in pairs]
    else:
        taken = {(r.source_id, r.target_id, r.char_start) for r in rule_rows}
        chosen = [*rule_rows]
        chosen += [r for r, _ in learned if (r.source_id, r.target_id, r.char_start) not in taken]
    unique = {r.stance_id: r for r in chosen}
    return sorted(
        unique.values(), key=lambda s: (s.char_start, s.source_id, s.target_id, s.polarity)
    )


def with_probability(
    rows: Sequence[Stance], found: Sequence[Candidate], model: StanceModel
) -> list[Stance]:
    """The rows, each with the model's probability of its polarity for its pair and sentence
    (a calibration feature of `etl.confidence`); a row with no candidate keeps None."""
    by_pair = {(c.source_id, c.target_id, c.sentence.start_char): c for c in found}
    starts = sorted({c.sentence.start_char for c in found})
    marked = []
    for row in rows:
        at = bisect.bisect_right(starts, row.char_start) - 1
        candidate = by_pair.get((row.source_id, row.target_id, starts[at])) if at >= 0 else None
        if candidate is None:
            marked.append(row)
            continue
        probability = model.probabilities(candidate.features)[row.polarity]
        marked.append(dataclasses.replace(row, model_p=round(probability, 4)))
    return marked


def apply(
    ctx: ArticleContext,
    statements: Sequence[Statement],
    rule_rows: Sequence[Stance],
    model: StanceModel | None = None,
) -> list[Stance]:
    """The article's stance rows with the model applied: switched off, the rules' rows, each
    with the model's probability; switched on, the rows `combine` keeps."""
    model = model or load_model()
    if model is None:
        return list(rule_rows)
    found = candidates(ctx, statements, rule_rows, rule_pairs_only=not model.enabled)
    if not model.enabled:
        return with_probability(rule_rows, found, model)
    rows = combine(rule_rows, model_rows(ctx, found, model), model.mode)
    return with_probability(rows, found, model)


def to_json(model: StanceModel, extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The JSON form of a model (weights rounded, features sorted: a stable, reviewable file)."""
    return {
        **(extra or {}),
        "enabled": model.enabled,
        "mode": model.mode,
        "threshold": model.threshold,
        "thresholds": dict(sorted(model.thresholds.items())),
        "classes": list(model.classes),
        "intercepts": {
            c: round(w, 4) for c, w in zip(model.classes, model.intercepts, strict=True)
        },
        "weights": {
            feature: [round(w, 4) for w in weights]
            for feature, weights in sorted(model.weights.items())
            if any(round(w, 4) for w in weights)
        },
    }


def dumps(data: Mapping[str, Any]) -> str:
    """The model's JSON text: indented, but one line per feature's weights (one per class)."""
    weights = data["weights"]
    head = json.dumps({k: v for k, v in data.items() if k != "weights"}, indent=1)
    lines = [f" {json.dumps(f)}: {json.dumps(w)}" for f, w in weights.items()]
    return head[:-2] + ',\n "weights": {\n' + ",\n".join(lines) + "\n }\n}\n"
