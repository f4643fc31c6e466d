"""Support for a people against its rulers is a stance against them (assembly of `etl.stances`).

"Canada stands with the people of Syria as they face hardships at the hands of the Assad regime",
"... that the United States stands with the people of Venezuela" from a government that condemns
Maduro's elsewhere in the article: the target phrase names the country only as whose people they
are, and the sentence names the rulers they suffer under, or the source is critical of those
rulers elsewhere in the article. Gold reads such solidarity as critical of the government
(real_dev rd01, real_dev8 ht01, real_dev9 hu02/hu21); read as support of the country it was a
false row, and a missed one. Solidarity with neither ("Canada continues to stand with the people
of Afghanistan") keeps its supportive reading, as the development corpus's gold has it (dev06).
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from spacy.tokens import Token

from etl.context import ArticleContext
from etl.stance_cuebook import CueBook

# The section of `etl/rules/stance_cues.txt` listing nouns for a country's people.
PEOPLE_SECTION = "people of"


def people_only(ctx: ArticleContext, cues: CueBook, cue: Token, actor_id: str) -> bool:
    """Every mention of `actor_id` among the cue's objects names whose people they are ("the
    people of Syria", "the Syrian people", "Syria's people"), and there is at least one. A clause
    of its own beside them ("... as they suffer at the hands of the Assad regime") or on them
    (", who have suffered under the Assad regime") is no object."""
    spans = _around_clauses(cue)
    found = False
    for start, end in spans:
        for mention in ctx.mentions_in(start, end):
            if mention.actor_id != actor_id:
                continue
            span = ctx.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
            if span is None or not _owns_people(cues, span.root):
                return False
            found = True
    return found


_OBJECT_DEPS = {"dobj", "prep", "dative", "attr", "pobj"}


def _object_spans(cue: Token) -> list[tuple[int, int]]:
    """Character spans of the cue's objects and prepositional phrases."""
    return [
        (c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text))
        for c in cue.children
        if c.dep_ in _OBJECT_DEPS
    ]


def _clauses_in(cue: Token) -> list[tuple[int, int]]:
    """Character spans of relative clauses inside the cue's objects."""
    return [
        (t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text))
        for c in cue.children
        if c.dep_ in _OBJECT_DEPS
        for t in c.subtree
        if t.dep_ == "relcl"
    ]


def _around_clauses(cue: Token) -> list[tuple[int, int]]:
    """The cue's object spans with their relative clauses cut out ("the people of Syria, who
    have suffered under the Assad regime": only "the people of Syria, ")."""
    found: list[tuple[int, int]] = []
    clauses = sorted(_clauses_in(cue))
    for start, end in _object_spans(cue):
        inner = [c for c in clauses if start <= c[0] < end]
        cursor = start
        for c_start, c_end in inner:
            if c_start > cursor:
                found.append((cursor, c_start))
            cursor = max(cursor, c_end)
        if cursor < end:
            found.append((cursor, end))
    return found


def _owns_people(cues: CueBook, token: Token) -> bool:
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.i != head.i:
        return cues.has(PEOPLE_SECTION, head.head)
    if token.dep_ in ("amod", "compound", "poss", "nmod") and head.i != token.i:
        return cues.has(PEOPLE_SECTION, head)
    return False


def rulers_opposed(
    ctx: ArticleContext, cue: Token, actor_id: str, side: Callable[[str], str]
) -> bool:
    """The cue's sentence names the country's government, regime or leader as what the people
    suffer under: "at the hands of the Assad regime", "under Maduro", "against the junta", "by
    the regime", or a government named by a word for an unlawful one ("the Assad regime"). A
    leader named otherwise ("President Zelensky thanked Canada, which stands with ...", "Trudeau
    told President Zelensky") is no adversary."""
    country = side(actor_id)
    sent = cue.sent
    # A clause on the people ("the people of Syria, who have suffered under the Assad regime")
    # tells what they suffer, not whom the cue supports.
    supported = _around_clauses(cue)
    for mention in ctx.mentions_in(sent.start_char, sent.end_char):
        if side(mention.actor_id) != country or mention.how == "demonym":
            continue
        if any(start <= mention.char_start < end for start, end in supported):
            continue  # "with the people and their president": supported, not opposed
        span = ctx.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
        if span is None:
            continue
        if any(t.lower_ in _RULER_WORDS for t in span) or _suffered_under(span.root):
            return True
    return False


def _suffered_under(token: Token) -> bool:
    """The phrase of `token` is the object of "at the hands of", "under", "against" or "by"."""
    current = token
    for _ in range(3):
        if current.dep_ == "pobj":
            prep = current.head
            if prep.lower_ in ("under", "against", "by"):
                return True
            return prep.lower_ == "of" and prep.head.lower_ == "hands"
        if current.dep_ not in ("compound", "amod", "poss", "appos", "flat"):
            return False
        current = current.head
    return False


# Words for a government held unlawful: "the Assad regime", "the junta".
_RULER_WORDS = {"regime", "junta", "dictatorship"}


def solidarity_polarity(
    ctx: ArticleContext,
    cues: CueBook,
    cue: Token,
    edge: tuple[str, str, str],
    side: Callable[[str], str],
    held: Collection[tuple[str, str, str]],
) -> str:
    """The polarity a supportive act ("stand with", "support") from `source` toward `target`
    takes: critical when its objects name the target only through its people and either its
    sentence names the rulers they suffer under or `held` (the article's edges by side) has the
    source critical of the target; else unchanged. Aid and money sent "to the people of X" keep
    their own rules."""
    source, target, polarity = edge
    if polarity != "supportive" or not cues.has("act supportive", cue):
        return polarity
    if not people_only(ctx, cues, cue, target):
        return polarity
    if rulers_opposed(ctx, cue, target, side) or (side(source), side(target), "critical") in held:
        return "critical"
    return polarity
