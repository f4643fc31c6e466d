"""An actor's dated deed that no cue names (events17, issue 9): "Abbas arrived in Tehran on
Monday", "Guaido invoked the constitution in January", "the government relocated another batch
of Rohingyas to Bhasan Char in December".

Cue words list the happenings the rules know by name; the annotators record every dated act of
a government, organisation or person the page tells in the past tense, most of them `other`
(arrivals, referrals to a court, relocations, a name adopted). A sentence that yields no event
but holds a date of its own gives an `other` event when the date hangs on the sentence's main verb
written in the simple past (or the past perfect), whose subject is an actor the page mentions, and
the verb is no report, no state and no bound ("since 2011", "by the end of 2016").
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Span, Token

from etl.context import ArticleContext
from etl.dates import DateMention
from etl.event_quotes import in_quotation
from etl.event_rows import event_row, sentence_evidence
from etl.types import Event

# events17 (issue 9), for ablation: set False to measure without.
DATED_DEEDS = True

# verbs that tell a state, a report or a plan, not a deed
_STATES = frozenset(
    {
        "be", "have", "remain", "become", "seem", "appear", "continue", "stay", "live", "need",
        "want", "hope", "expect", "plan", "intend", "say", "tell", "add", "note", "know",
        "think", "believe", "feel", "see", "hear", "get", "make", "take", "give", "keep", "let",
        "do", "go", "come", "begin", "start", "try", "seek", "fail", "use", "include", "mark",
        "account", "reach", "rise", "fall", "grow", "increase", "decrease", "total", "number",
        "host", "receive", "face", "suffer", "hold", "find", "show", "report", "record",
        # speech acts the statement rules leave out, and a page's own furniture
        "speak", "quote", "refer", "promise", "cite", "update", "publish", "post", "write",
    }
)  # fmt: skip
_MODALS = frozenset({"will", "would", "could", "may", "might", "should", "must", "can", "shall"})
# prepositions that make a date a bound or a relation, not the deed's day
_BOUNDS = frozenset(
    {"since", "until", "till", "by", "through", "throughout", "for", "before", "after", "from",
     "to", "between", "within", "over", "ahead", "of"}
)  # fmt: skip
# "had driven … out in December"; a present perfect with a written past date ("In 2013, UNICEF
# has provided …") tells a record, not a deed of that day
_PAST_AUX = frozenset({"had", "'d"})
_FIRING = frozenset({"fire", "shell", "bomb"})
_WEAPONS = frozenset(
    {"mortar", "rocket", "missile", "shell", "bomb", "grenade", "drone", "barrel"}
)  # fmt: skip
_TALKS = frozenset({"discuss", "confer", "consult", "negotiate"})
# an armed subject's deed is a military operation ("Pro-regime troops had driven terrorists out
# of Khan Tuman in December")
_ARMED = frozenset(
    {"troop", "force", "soldier", "army", "rebel", "fighter", "militant", "militia", "insurgent",
     "jihadist", "guerrilla", "paramilitary"}
)  # fmt: skip


def dated_deed(
    ctx: ArticleContext,
    sent: Span,
    dates: list[DateMention],
    report_verbs: Collection[str],
    cued: Collection[int] = frozenset(),
) -> Event | None:
    """The `other` event of an actor's past deed dated in its own clause, or None. `cued` holds
    the indexes of the sentence's cue words: a deed whose verb or object is a cue the rules
    judged no event ("Turkey proposed a ceasefire on Friday": a wish) stays none."""
    if not DATED_DEEDS:
        return None
    for mention in dates:
        span = ctx.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
        if span is None:
            continue
        verb = _dated_verb(span.root)
        if verb is None or not _past_deed(verb, report_verbs):
            continue
        if verb.i in cued or any(
            t.i in cued for c in verb.children if c.dep_ == "dobj" for t in c.subtree
        ):
            continue
        actors = _subject_actors(ctx, verb)
        if not actors:
            continue
        start, end = sentence_evidence(ctx, sent)
        value = mention.value
        kind = _kind(verb)
        return event_row(
            ctx, start, end, kind, value, "deed:" + value.value.isoformat(), None, actors
        )
    return None


def _dated_verb(root: Token) -> Token | None:
    """The verb a date phrase hangs on: "on Monday" (prep), "Monday" (npadvmod), "in January"."""
    node = root
    if node.dep_ == "pobj" and node.head.dep_ == "prep":
        if node.head.lower_ in _BOUNDS:
            return None
        node = node.head
    elif node.dep_ not in {"npadvmod", "tmod", "advmod", "nmod"}:
        return None
    verb = node.head
    if verb.pos_ != "VERB":
        return None
    return verb


def _past_deed(verb: Token, report_verbs: Collection[str]) -> bool:
    if verb.lemma_.lower() in _STATES or verb.lemma_.lower() in report_verbs:
        return False
    if verb.dep_ != "ROOT":
        return False
    children = list(verb.children)
    if any(c.dep_ == "neg" for c in children):
        return False
    auxes = [c.lower_ for c in children if c.dep_ in {"aux", "auxpass"}]
    if any(a in _MODALS for a in auxes):
        return False
    if verb.tag_ == "VBD" and not auxes:
        pass
    elif verb.tag_ == "VBN" and auxes and all(a in _PAST_AUX for a in auxes):
        pass
    else:
        return False
    return not in_quotation(verb)


def _subject_actors(ctx: ArticleContext, verb: Token) -> tuple[str, ...]:
    """The actors the verb's active subject names ("the government", a pronoun: none)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return ()
    lo = subject.left_edge.idx
    hi = subject.right_edge.idx + len(subject.right_edge)
    found = [m.actor_id for m in ctx.mentions_in(lo, hi) if m.how != "pronoun"]
    return tuple(dict.fromkeys(found))


def _kind(verb: Token) -> str:
    """`attack` for weapons fired ("militants fired 44 mortars at the city on Saturday"),
    `meeting` for a talk with someone ("discussed the fighting with aid groups on 22 June"),
    `military_operation` for another deed of an armed subject, else `other`."""
    objects = [c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"]
    if verb.lemma_.lower() in _FIRING or any(o in _WEAPONS for o in objects):
        return "attack"
    # the parser hangs "with" on the nearest noun as often as on the verb
    if verb.lemma_.lower() in _TALKS and any(
        t.dep_ == "prep" and t.lower_ == "with" for t in verb.subtree
    ):
        return "meeting"
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lemma_.lower() in _ARMED:
        return "military_operation"
    return "other"
