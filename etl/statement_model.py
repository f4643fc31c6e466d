"""A learned statement-attribution classifier over the rules: candidates, features, scoring.

The rules (`etl.statements`) find about half of the gold statements on pages nobody tuned on;
what they miss is a long tail of wordings ("He added", paragraphs that carry a speaker on, a
speaker named in an unusual frame). Here every body sentence no rule statement covers is a
candidate, paired with each candidate speaker: the actors named in the sentence, the speaker of
the nearest earlier statement, and the document's speaker when the page has one
(`etl.document_speaker`). Each pair is described by cheap, general named features - speech verb
and noun lemmas in the sentence and above the speaker's mention, the mention's dependency role,
quote marks, first person, a "he/she/they" subject and its agreement with the candidate's kind,
paragraph start, distance to the previous statement, reporting phrases, the sentence's tense -
never article names.

A binary logistic regression (`python -m etl.train_statements`, scikit-learn at training time
only) turns features into P(statement). Its weights are plain data in
`etl/rules/statement_model.json`, scored by `etl.stance_model.StanceModel` (the same sum of
weights and softmax, with the classes "none" and "statement").

`apply(ctx, statements)` is the integration point `etl.pipeline` calls: with the model switched
off in the JSON (`"enabled": false`) the rules' rows pass through unchanged; switched on, each
uncovered sentence gets the row of its most probable speaker when that probability reaches the
threshold (consecutive sentences of one speaker are one row). Such rows carry the cue "model"
and the probability as `model_p`, a feature of `etl.confidence`.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Span, Token

from etl.context import ArticleContext
from etl.docindex import DocIndex
from etl.stance_model import StanceModel, _bin, _role
from etl.statement_verbs import REPORTING_VERBS
from etl.types import Statement

DEFAULT_MODEL = Path(__file__).resolve().parent / "rules" / "statement_model.json"
CLASSES = ("none", "statement")
CUE = "model"  # the cue of a row the model adds: it tells them from the rules' rows
MAX_NAMED = 6  # a sentence naming more actors than this is a list: only carried speakers
RECENT = 3  # the speakers of this many earlier statements (distinct) are candidates
_TEXT = "text:"  # key of a speaker named by an unresolved proper name ("Bashir said ...")
_SPEAKER_KINDS = {"person", "organization", "organisation", "government", "intergovernmental"}
SPEECH_NOUNS = frozenset(
    "statement remark comment interview conference briefing speech address declaration "
    "announcement warning appeal call letter message post tweet communique communiqué "
    "testimony words view position response reply question answer op-ed editorial".split()
)
_QUOTES = '"\u201c\u201d\u00ab\u00bb'
_FIRST = frozenset("i we me us my our ours myself ourselves".split())
_PERSONAL = {"he": "person", "she": "person", "him": "person", "her": "person"}
_BODY = {"they": "plural", "it": "body", "its": "body", "their": "plural"}
_REPORTING_PHRASES = (
    ("according to", "according_to"),
    ("said in a statement", "in_a_statement"),
    ("in a statement", "in_a_statement"),
    ("told reporters", "told_reporters"),
    ("in an interview", "in_an_interview"),
    ("on twitter", "on_social"),
    ("wrote on", "wrote_on"),
    ("press conference", "press_conference"),
)


@dataclass(frozen=True)
class Candidate:
    """One (sentence, speaker) pair the rules left alone, with its features."""

    speaker_id: str | None  # None: a speaker named by an unresolved proper name
    speaker_text: str
    sentence: Span
    features: tuple[str, ...]


# --- candidates ----------------------------------------------------------------------------


def _paragraph_starts(text: str) -> list[int]:
    starts = [0]
    at = text.find("\n")
    while at != -1:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts


def _covered(statements: Sequence[Statement], sent: Span) -> bool:
    """Whether a statement takes in a real part of the sentence (a quote of a few words inside
    a longer sentence does not take in the rest of it)."""
    length = max(1, sent.end_char - sent.start_char)
    for s in statements:
        overlap = min(s.char_end, sent.end_char) - max(s.char_start, sent.start_char)
        if overlap > 0 and (overlap >= 0.4 * length or s.char_end - s.char_start <= overlap):
            return True
    return False


def _usable(sent: Span) -> bool:
    words = [t for t in sent if t.is_alpha]
    if len(words) < 4:
        return False
    return any(t.pos_ in {"VERB", "AUX"} for t in sent)


def _document_speaker(ctx: ArticleContext) -> tuple[str, str] | None:
    from etl.document_speaker import document_claims

    try:
        claims = document_claims(ctx)
    except Exception:  # noqa: BLE001 - a page the document reader cannot read has no speaker
        return None
    for claim in claims:
        if claim.speaker_id:
            return claim.speaker_id, claim.speaker_text
    return None


def _kind(ctx: ArticleContext, actor_id: str) -> str:
    actor = ctx.actors.get(actor_id)
    return "unknown" if actor is None else str(actor.kind)


def candidates(ctx: ArticleContext, statements: Sequence[Statement]) -> list[Candidate]:
    """Every candidate statement of one article (uncovered sentence x speaker), in text order."""
    index = DocIndex.of(ctx.doc)
    sents = index.sents
    if not sents:
        return []
    body = ctx.body
    paragraphs = _paragraph_starts(body)
    ordered = sorted((s for s in statements if s.speaker_id), key=lambda s: s.char_start)
    starts = [s.char_start for s in ordered]
    document = _document_speaker(ctx)
    spoken: dict[str, int] = {}
    for s in ordered:
        spoken[s.speaker_id] = spoken.get(s.speaker_id, 0) + 1
    main = max(spoken, key=lambda k: (spoken[k], k)) if spoken else None
    covered = [_covered(statements, sent) for sent in sents]
    found: list[Candidate] = []
    for number, sent in enumerate(sents):
        if covered[number] or not _usable(sent):
            continue
        paragraph = bisect.bisect_right(paragraphs, sent.start_char) - 1
        para_start = number == 0 or (
            bisect.bisect_right(paragraphs, sents[number - 1].start_char) - 1 != paragraph
        )
        pairs: dict[str, tuple[str, set[str]]] = {}
        heads: dict[str, list[Token]] = {}
        mentions = ctx.mentions_in(sent.start_char, sent.end_char)
        named = {m.actor_id for m in mentions}
        if len(named) <= MAX_NAMED:
            for mention in mentions:
                span = ctx.doc.char_span(mention.char_start, mention.char_end, "expand")
                if span is not None and len(span):
                    heads.setdefault(mention.actor_id, []).append(span.root)
                name = ctx.name_of(mention.actor_id) or mention.text
                pairs.setdefault(mention.actor_id, (name, set()))[1].add("named")
        at = bisect.bisect_right(starts, sent.start_char) - 1
        recent: list[Statement] = []
        while at >= 0 and len(recent) < RECENT:
            if all(r.speaker_id != ordered[at].speaker_id for r in recent):
                recent.append(ordered[at])
            at -= 1
        for rank, previous in enumerate(recent):
            pairs.setdefault(previous.speaker_id, (previous.speaker_text, set()))[1].add(
                "previous" if rank == 0 else "recent"
            )
        if number > 0:
            before = {
                m.actor_id
                for m in ctx.mentions_in(sents[number - 1].start_char, sents[number - 1].end_char)
            }
            if len(before) <= MAX_NAMED:
                for actor_id in sorted(before):
                    if _kind(ctx, actor_id) in _SPEAKER_KINDS:
                        name = ctx.name_of(actor_id) or actor_id
                        pairs.setdefault(actor_id, (name, set()))[1].add("prev_named")
        for text in _unresolved_subjects(ctx, sent):
            pairs.setdefault(_TEXT + text, (text, set()))[1].add("subject_text")
        if document is not None:
            pairs.setdefault(document[0], (document[1], set()))[1].add("document")
        if not pairs:
            continue
        sentence = _sentence_features(sent, para_start, number, covered, len(named))
        for actor_id, (name, how) in sorted(pairs.items()):
            features = [
                *sentence,
                *(f"how={h}" for h in sorted(how)),
                f"how_all={'+'.join(sorted(how))}",
                *_speaker_features(ctx, sent, actor_id, heads.get(actor_id, [])),
                *_carried_features(ctx, sent, actor_id, ordered, starts, paragraphs, sents, number),
            ]
            if actor_id == main:
                features.append("main_speaker")
            features += _touching(statements, sent, actor_id, ordered, starts)
            speaker = None if actor_id.startswith(_TEXT) else actor_id
            found.append(Candidate(speaker, name, sent, tuple(sorted(set(features)))))
    return found


def _unresolved_subjects(ctx: ArticleContext, sent: Span) -> list[str]:
    """Proper names that are the subject of a reporting verb but no actor ("Bashir said")."""
    found = []
    for token in sent:
        if token.pos_ != "VERB" or token.lemma_.lower() not in REPORTING_VERBS:
            continue
        subject = _subject(token)
        if subject is None or subject.pos_ != "PROPN":
            continue
        words = [t for t in subject.subtree if t.dep_ in {"compound", "flat"} or t is subject]
        words = [t for t in words if t.pos_ == "PROPN"]
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        if ctx.mentions_in(start, end):
            continue
        found.append(ctx.body[start:end])
    return found


def _touching(
    statements: Sequence[Statement],
    sent: Span,
    actor_id: str,
    ordered: Sequence[Statement],
    starts: Sequence[int],
) -> list[str]:
    """Whether a rule statement reaches into the sentence (the tail of a quote that began in
    the sentence before: a row here would say it twice), and its speaker's; and whether the
    next statement is the candidate's."""
    touch = [s for s in statements if s.char_start < sent.end_char and s.char_end > sent.start_char]
    if not touch:
        features = ["touch=none"]
    elif any(s.speaker_id == actor_id for s in touch):
        features = ["touch=same"]
    else:
        features = ["touch=other"]
    at = bisect.bisect_left(starts, sent.end_char)
    if at < len(ordered):
        features.append(f"next_same={str(ordered[at].speaker_id == actor_id).lower()}")
    return features


def _root(sent: Span) -> Token:
    return sent.root


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return child
    return None


def _sentence_features(
    sent: Span, para_start: bool, number: int, covered: Sequence[bool], n_named: int
) -> list[str]:
    text = sent.text
    lower = text.lower()
    features = {
        f"para_start={str(para_start).lower()}",
        f"position={_bin(number, (1, 3, 8), ('0', '1-2', '3-7', '8+'))}",
        f"words={_bin(len(sent), (10, 20, 40), ('<10', '10-19', '20-39', '40+'))}",
        f"named={_bin(n_named, (1, 2, 3), ('0', '1', '2', '3+'))}",
        f"prev_covered={str(number > 0 and covered[number - 1]).lower()}",
        f"next_covered={str(number + 1 < len(covered) and covered[number + 1]).lower()}",
    }
    marks = sum(text.count(q) for q in _QUOTES)
    features.add(f"quote_marks={_bin(marks, (1, 2, 3), ('0', '1', '2', '3+'))}")
    stripped = text.strip()
    if stripped[:1] in _QUOTES:
        features.add("opens_quote")
    if stripped[-1:] in _QUOTES or stripped[-2:-1] in _QUOTES:
        features.add("closes_quote")
    if stripped.endswith("?"):
        features.add("question")
    if stripped.endswith(":"):
        features.add("colon_end")
    for phrase, name in _REPORTING_PHRASES:
        if phrase in lower:
            features.add(f"phrase={name}")
    speech = False
    for token in sent:
        lemma = token.lemma_.lower()
        if token.lower_ in _FIRST:
            features.add("first_person")
        if token.pos_ == "VERB" and lemma in REPORTING_VERBS:
            features.add(f"sv={lemma}")
            speech = True
        elif token.pos_ == "NOUN" and lemma in SPEECH_NOUNS:
            features.add(f"sn={lemma}")
            speech = True
        if token.tag_ == "MD":
            features.add("modal")
        if token.dep_ == "neg":
            features.add("negation")
    features.add(f"speech_word={str(speech).lower()}")
    root = _root(sent)
    features.add(f"root_tag={root.tag_}")
    if root.lemma_.lower() in REPORTING_VERBS:
        features.add("root_reporting")
    subject = _subject(root)
    if subject is not None:
        word = subject.lower_
        if word in _PERSONAL or word in _BODY or word in _FIRST:
            features.add(f"root_subj={word}")
        else:
            features.add(f"root_subj_pos={subject.pos_}")
    else:
        features.add("root_subj=none")
    return sorted(features)


def _speaker_features(
    ctx: ArticleContext, sent: Span, actor_id: str, heads: Sequence[Token]
) -> list[str]:
    if actor_id.startswith(_TEXT):
        return ["kind=unresolved_name", "subject_of_speech", "path_speech"]
    kind = _kind(ctx, actor_id)
    features = [f"kind={kind}"]
    subject = _subject(_root(sent))
    if subject is not None:
        word = subject.lower_
        agrees = _PERSONAL.get(word) or _BODY.get(word)
        if agrees is not None:
            features.append(f"pron_kind={word}:{kind}")
    if not heads:
        features.append("role=absent")
        return features
    features.append(f"mentions={_bin(len(heads), (2, 3), ('1', '2', '3+'))}")
    for head in heads[:2]:
        role = _role(head)
        features.append(f"role={role}")
        features.append(f"role_kind={role}:{kind}")
        inside = _in_marks(sent, head)
        features.append(f"in_quote={str(inside).lower()}")
        for ancestor in list(head.ancestors)[:4]:
            lemma = ancestor.lemma_.lower()
            if ancestor.pos_ == "VERB" and lemma in REPORTING_VERBS:
                features.append(f"path_sv={lemma}")
                features.append("path_speech")
                if head.dep_ in {"nsubj", "nsubjpass"} and head.head.i == ancestor.i:
                    features.append("subject_of_speech")
                break
            if ancestor.pos_ == "NOUN" and lemma in SPEECH_NOUNS:
                features.append(f"path_sn={lemma}")
                features.append("path_speech")
                break
        if head.i == sent.start or (head.i - sent.start) < 3:
            features.append("named_first")
        if head.i > sent.root.i:
            features.append("named_after_root")
    return features


def _in_marks(sent: Span, token: Token) -> bool:
    # The document's text kept once (`Doc.text` joins every token on each access: per candidate,
    # that made the model's work grow with the square of the article's length).
    before = DocIndex.of(sent.doc).text[sent.start_char : token.idx]
    return sum(before.count(q) for q in '"\u201c\u00ab') > sum(
        before.count(q) for q in '"\u201d\u00bb'
    ) or (before.count('"') % 2 == 1)


def _carried_features(
    ctx: ArticleContext,
    sent: Span,
    actor_id: str,
    ordered: Sequence[Statement],
    starts: Sequence[int],
    paragraphs: Sequence[int],
    sents: Sequence[Span],
    number: int,
) -> list[str]:
    """How far back the candidate last spoke, in sentences and paragraphs."""
    at = bisect.bisect_right(starts, sent.start_char) - 1
    own = None
    nearest = ordered[at] if at >= 0 else None
    while at >= 0:
        if ordered[at].speaker_id == actor_id:
            own = ordered[at]
            break
        at -= 1
    features = []
    if nearest is not None:
        features.append(f"prev_same={str(nearest.speaker_id == actor_id).lower()}")
        features.append(f"prev_direct={str(nearest.is_direct).lower()}")
    if own is None:
        features.append("spoke=never")
        return features
    index = DocIndex.of(ctx.doc)
    back = number - bisect.bisect_right(index.sent_start_chars, own.char_start) + 1
    para_own = bisect.bisect_right(paragraphs, own.char_start) - 1
    para_here = bisect.bisect_right(paragraphs, sent.start_char) - 1
    features.append(f"spoke_sents={_bin(back, (2, 3, 6), ('1', '2', '3-5', '6+'))}")
    features.append(f"spoke_paras={_bin(para_here - para_own, (1, 2, 3), ('0', '1', '2', '3+'))}")
    return features


# --- the model -----------------------------------------------------------------------------


@functools.lru_cache(maxsize=4)
def load_model(path: Path = DEFAULT_MODEL) -> StanceModel | None:
    """The model of `path`, or None when there is no file."""
    if not Path(path).exists():
        return None
    return StanceModel.from_json(json.loads(Path(path).read_text(encoding="utf-8")))


def decisions(found: Sequence[Candidate], model: StanceModel) -> list[tuple[Candidate, float]]:
    """Per sentence, its most probable candidate when its probability reaches the threshold."""
    best: dict[int, tuple[Candidate, float]] = {}
    for candidate in found:
        p = model.probabilities(candidate.features)[CLASSES[1]]
        key = candidate.sentence.start_char
        rank = (p, candidate.speaker_id or "", candidate.speaker_text)
        if key not in best or rank > (
            best[key][1],
            best[key][0].speaker_id or "",
            best[key][0].speaker_text,
        ):
            best[key] = (candidate, p)
    return [best[k] for k in sorted(best) if best[k][1] >= model.threshold]


def spans(
    chosen: Sequence[tuple[str | None, str, int, int, float]], body: str
) -> list[tuple[str | None, str, int, int, float]]:
    """Consecutive chosen sentences of one speaker (nothing but spaces between them) joined
    into one span (speaker_id, speaker_text, start, end, lowest probability)."""
    joined: list[tuple[str | None, str, int, int, float]] = []
    for speaker_id, text, start, end, p in chosen:
        if joined:
            last = joined[-1]
            if last[:2] == (speaker_id, text) and not body[last[3] : start].strip():
                joined[-1] = (speaker_id, last[1], last[2], end, min(last[4], p))
                continue
        joined.append((speaker_id, text, start, end, p))
    return joined


def model_rows(
    ctx: ArticleContext, found: Sequence[Candidate], model: StanceModel
) -> list[Statement]:
    """The statements the model adds, cue "model", each with its probability as `model_p`."""
    from etl.statement_rows import _make

    chosen = [
        (c.speaker_id, c.speaker_text, c.sentence.start_char, c.sentence.end_char, p)
        for c, p in decisions(found, model)
    ]
    rows = []
    for speaker_id, text, start, end, p in spans(chosen, ctx.body):
        quote = ctx.body[start:end].strip()
        direct = quote[:1] in _QUOTES and quote.rstrip(". ")[-1:] in _QUOTES
        row = _make(ctx, (speaker_id, text), start, end, direct, CUE)
        rows.append(dataclasses.replace(row, model_p=round(p, 4)))
    return rows


def apply(
    ctx: ArticleContext, statements: Sequence[Statement], model: StanceModel | None = None
) -> list[Statement]:
    """The article's statements with the model applied: switched off, the rules' rows;
    switched on, the rules' rows plus the model's rows for the sentences they leave alone."""
    model = model or load_model()
    if model is None or not model.enabled:
        return list(statements)
    added = model_rows(ctx, candidates(ctx, statements), model)
    taken = {s.statement_id for s in statements}
    rows = [*statements, *(r for r in added if r.statement_id not in taken)]
    return sorted(rows, key=lambda s: (s.char_start, s.char_end, s.statement_id))
