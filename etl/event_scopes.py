"""Which cue a date dates inside one sentence (`etl.events`): the reported clauses and quotations
that are their own scope; cues wished for, negated, in the background, referred to or awaited; a
date of the cue's own noun, clause or time clause; a date of another verb ("Israel targeted the
crossing on October 4, …, Human Rights Watch said"); sibling dates of one verb; press conferences
shared by speakers and statements made after a gathering."""

from __future__ import annotations

from spacy.tokens import Span, Token

from etl.context import ArticleContext
from etl.dates import DateMention
from etl.event_quotes import quote_at
from etl.event_readings import denied_by_no, planned_noun
from etl.event_rows import _mentions_of
from etl.event_rules import _GATHERINGS, EventRules, _Trigger
from etl.event_timing import _bounded, _reported_future
from etl.event_trees import _clause_verb, _governing_verb, _time_clause, _tree_distance

_CONTENT_DEPS = {"ccomp", "xcomp", "parataxis", "acl", "relcl", "dobj", "advcl"}
_OWN_CLAUSE_DEPS = {"advcl", "xcomp", "ccomp", "conj", "parataxis"}
_SUBORDINATORS = {
    "since",
    "after",
    "before",
    "when",
    "until",
    "till",
    "while",
    "as",
    "once",
    "because",
}


def _content_scopes(
    ctx: ArticleContext,
    sent: Span,
    frames: list[_Trigger],
    cue_heads: frozenset[int] = frozenset(),
    observing: frozenset[str] = frozenset(),
    onsets: frozenset[str] = frozenset(),
) -> dict[int, int]:
    """Token index → id of the reported clause (or quotation) it lies in; the main clause is absent."""
    scope: dict[int, int] = {}
    for frame in frames:
        head = frame.head
        children = list(head.children)
        if head.pos_ == "NOUN" and head.dep_ == "dobj":
            children += [c for c in head.head.children if c.dep_ in {"advcl", "xcomp"}]
        for child in children:
            if child.dep_ not in _CONTENT_DEPS:
                continue
            if child.dep_ != "dobj" and child.pos_ not in {"VERB", "AUX"}:
                continue  # a reported clause has a verb (a misparsed name is no clause)
            if child.dep_ == "acl" and child.tag_ == "VBN" and head.pos_ in {"NOUN", "PROPN"}:
                continue  # "a statement released by his spokesperson on 2 February": the act

            if child.dep_ == "dobj" and any(child.i == t.i for f in frames for t in f.tokens):
                continue
            if child.dep_ == "dobj" and child.i in cue_heads and head.lemma_.lower() in observing:
                continue  # "residents reported heavy artillery fire": the happening, not a report
            if child.dep_ == "dobj" and child.i in cue_heads and child.lemma_.lower() in onsets:
                continue  # "announced the beginning of its operation": the operation begins
            for token in child.subtree:
                scope.setdefault(token.i, child.i)
    # a quotation (opened in this sentence or an earlier one) is the speaker's own scope
    for token in sent:
        start = quote_at(ctx.body, token.idx)
        if start is not None:
            scope.setdefault(token.i, -start - 1)
    return scope


def _is_real(trigger: _Trigger, rules: EventRules) -> bool:
    """False for cues that are wished for, counterfactual, stretches of time, or negated."""
    head = trigger.head
    if trigger.event_type == "statement":
        return True
    clause = _clause_verb(head)
    auxes = [c for c in clause.children if c.dep_ in {"aux", "auxpass"}] if clause else []
    for verb in [head, *head.ancestors]:
        if verb.pos_ in {"VERB", "AUX"} and {"would", "have"} <= {
            c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}
        }:
            return False  # "a text that would have backed a ceasefire linked to a deal"
    # a clause of its own below the cue ("marched … to demand civilian rule", "agreed to seek
    # talks") says why or what next, not that the cue itself is only wished for
    own = [c for c in head.children if c.dep_ not in _OWN_CLAUSE_DEPS]
    nearby = [*own, *list(head.ancestors)[:2]]
    wished = [t for t in nearby if t.lemma_.lower() in rules.irrealis or t.lower_ in rules.irrealis]
    if wished and not (
        clause is not None
        and all(t.lower_ == "would" for t in wished)
        and _reported_future(clause, auxes)
    ):
        return False
    if any(c.dep_ == "neg" for c in head.children) or denied_by_no(head):
        return False
    if planned_noun(head):
        return False
    return _not_background(head, rules)


def _not_background(head: Token, rules: EventRules) -> bool:
    """ "months of bombardment", "years of fighting and months of siege and bombardment": a cue
    reached from a stretch of time through "of" (and coordination) is background, unless the
    stretch is counted ("three days of talks" measures a dated event)."""
    token = head
    for _ in range(6):
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        if token.dep_ != "pobj" or token.head.lower_ != "of":
            return True
        governor = token.head.head
        if governor.lemma_.lower() in rules.background:
            return _measured(governor)
        token = governor
    return True


def _is_reference(trigger: _Trigger, date_root: Token, rules: EventRules) -> bool:
    """ "within minutes of the vote", "after the talks", "on the sidelines of the summit": the cue is
    a point of reference or the setting of another happening."""
    token = trigger.head
    while token.dep_ in {"pobj", "prep"} or (
        token.pos_ in {"NOUN", "PROPN"} and token.dep_ not in {"nsubj", "nsubjpass", "dobj", "ROOT"}
    ):
        if token.dep_ == "prep" and token.lower_ in rules.reference_preps:
            return True
        if token.i != trigger.head.i and token.lower_ in rules.settings:
            return True
        if token.head.i == token.i:
            break
        token = token.head
    return token.dep_ == "prep" and token.lower_ in rules.reference_preps


def _awaited(trigger: _Trigger, rules: EventRules) -> bool:
    """ "ahead of the start of a new round of talks", "prior to the vote": the cue is still to
    come at the sentence's date, so that date is not its own (a date of the cue's own phrase,
    "ahead of the talks on Monday", still dates it)."""
    token = trigger.head
    for _ in range(8):
        if token.dep_ == "prep" and (
            token.lower_ in rules.awaiting_preps or token.head.lower_ in rules.awaiting_preps
        ):
            return True  # "ahead of", "prior to" (the adverb heads its preposition)
        if token.dep_ not in {"pobj", "prep", "pcomp"} and not (
            token.pos_ in {"NOUN", "PROPN"} and token.dep_ not in _ARGUMENTS
        ):
            return False
        if token.head.i == token.i:
            return False
        token = token.head
    return False


_ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "ROOT"}


def _next_to_cue(trigger: _Trigger, date_root: Token) -> bool:
    """The date hangs on the cue itself or on its own preposition ("the talks on Monday", "the
    vote in May"), not on a noun further down its phrase ("talks at the United Nations in
    Geneva, Switzerland, April 12, 2016", a caption's date)."""
    above = date_root.head
    if above.i == trigger.head.i:
        return True
    return above.dep_ == "prep" and above.head.i == trigger.head.i


def _measured(period: Token) -> bool:
    """ "three days of talks", "a week of talks": a counted stretch is how long a dated event
    lasted; "years of fighting", "months of siege" are background."""
    return any(
        c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ in {"a", "an"}) for c in period.children
    )


def _dates_the_noun(trigger: _Trigger, date_root: Token) -> bool:
    """ "the Geneva communique of June 2012", "a 2017 agreement": the date names when the thing
    itself happened, whatever the sentence wishes about it."""
    head = trigger.head
    if head.pos_ not in {"NOUN", "PROPN"}:
        return False
    for ancestor in date_root.ancestors:
        if ancestor.i == head.i:
            return True
        if ancestor.pos_ in {"VERB", "AUX"}:
            return False
    return False


def _dates_its_clause(trigger: _Trigger, date_root: Token, rules: EventRules) -> bool:
    """ "On Saturday, more than 100 people were killed": a death told by a verb is dated only
    by a date of its own clause, not by one a neighbouring clause carries ("were killed in
    gang violence …, and 200,000 have been driven from their homes")."""
    words = " ".join(t.lower_ for t in trigger.tokens)
    if words not in rules.own_clause_cues or trigger.head.pos_ not in {"VERB", "AUX"}:
        return True
    return _clause_verb(date_root) == trigger.head


def _judged_topic(trigger: _Trigger, date_root: Token, rules: EventRules) -> bool:
    """Whether a noun cue lies in what a judging verb ("blamed", "condemned", "welcomed") speaks
    of, while the date hangs on that verb itself."""
    head = trigger.head
    if trigger.event_type == "statement" or head.pos_ not in {"NOUN", "PROPN"}:
        return False
    verb = _governing_verb(head)
    if verb is None or verb.lemma_.lower() not in rules.judging_verbs:
        return False
    return _clause_verb(date_root) == verb


def _premodified_by(trigger: _Trigger, date_root: Token) -> bool:
    """ "The weekend strikes", "its Feb. 1 takeover", "the 17 September 2018 memorandum": a date
    written before the cue's noun names that happening, and takes it before any stronger cue of
    the clause. A gathering that is only the setting of the clause ("In an unusual weekend
    session, the council voted") does not."""
    head = trigger.head
    if head.pos_ not in {"NOUN", "PROPN"} or date_root.i > head.i:
        return False
    if head.dep_ == "pobj" and head.head.lower_ in {"in", "at", "during"}:
        return False
    return date_root.head.i == head.i or any(t.i == head.i for t in date_root.ancestors)


def _in_date_clause(trigger: _Trigger, date_root: Token) -> bool:
    """A date in a subordinate clause ("since fighting erupted on April 15", "after the army
    launched a crackdown in August 2017") dates only cues inside that clause."""
    verb = _clause_verb(date_root)
    if verb is None:
        return True
    subordinate = verb.dep_ in {"advcl", "pcomp"} or any(
        c.dep_ == "mark" and c.lower_ in _SUBORDINATORS for c in verb.children
    )
    if not subordinate:
        return True
    return any(t.i == verb.i or verb in t.ancestors for t in trigger.tokens)


def _shared_press_conference(
    ctx: ArticleContext, trigger: _Trigger, triggers: list[_Trigger], scopes: dict[int, int]
) -> tuple[str, ...] | None:
    """ "During a press conference with his Turkish counterpart Mevlut Cavusoglu in Moscow on
    Friday, Lavrov said …": a press conference held with named counterparts is also their
    meeting that day. Returns the counterparts' actor ids (None when there is no such
    conference beside the statement)."""
    scope = scopes.get(trigger.head.i)
    for other in triggers:
        head = other.head
        if other.event_type != "statement" or head.lower_ != "conference":
            continue
        if scopes.get(head.i) != scope:
            continue
        partners = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "with"]
        tokens = [t for p in partners for t in p.subtree]
        found = [
            m.actor_id
            for m in _mentions_of(ctx, tokens)
            if (a := ctx.actors.get(m.actor_id)) is not None and a.kind != "media"
        ]
        if found:
            return tuple(dict.fromkeys(found))
    return None


_AFTER = {"after", "following", "at", "during"}


def _statement_after_gathering(
    trigger: _Trigger, triggers: list[_Trigger], event_type: str
) -> _Trigger | None:
    """ "The ministers issued a joint statement after their meeting in Moscow on Saturday": the
    gathering the date falls on, and the statement issued after or at it that day (a noun cue,
    "statement", "communique", governed by the verb the gathering's "after" hangs on)."""
    if event_type not in _GATHERINGS:
        return None
    prep = trigger.head.head
    if trigger.head.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in _AFTER:
        return None
    verb = prep.head
    for other in triggers:
        if other.event_type != "statement" or other is trigger:
            continue
        nouns = [t for t in other.tokens if t.pos_ == "NOUN"]
        if any(t.head.i == verb.i or t.i == verb.i for t in nouns):
            return other
    return None


# Words that may stand between a reporting verb and its date: "told reporters on Monday".
_SAID_ON_GAP = {"on", "late", "early", "reporters", "journalists", "the", "media", "press", "him"}


def _date_of_another_verb(trigger: _Trigger, date_root: Token, mention: DateMention) -> bool:
    """Whether a reporting verb's date belongs to another verb's clause: the date hangs on a
    verb that is neither the reporting verb, nor coordinated with it, nor above it."""
    head = trigger.head
    if trigger.event_type != "statement" or head.pos_ not in {"VERB", "AUX"}:
        return False
    if _said_on(trigger, mention):
        return False  # "said on Saturday …": the parser may hang the day anywhere
    verb = _clause_verb(date_root)
    if verb is None or verb.i == head.i or date_root in head.ancestors:
        return False  # "since April, when the government announced …": a clause of the date
    if verb in head.ancestors and not _below_noun(head, verb):
        return False  # "spoke on Monday, saying …": the report is a part of the dated clause
    if head in verb.ancestors:
        # a clause below the report ("in comments published this Monday, … said", "speaking
        # earlier this week, praised"): the scopes of reported clauses decide what it dates
        return False
    return not _coordinated(head, verb)


def _below_noun(token: Token, above: Token) -> bool:
    """Whether a noun lies between `token` and its ancestor `above` (an "effort welcomed by …"
    describes the noun, it is no part of the clause above)."""
    for ancestor in token.ancestors:
        if ancestor.i == above.i:
            return False
        if ancestor.pos_ in {"NOUN", "PROPN", "PRON"}:
            return True
    return False


def _coordinated(a: Token, b: Token) -> bool:
    """Whether two verbs are conjuncts of one another (they share their adverbials)."""

    def top(token: Token) -> Token:
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        return token

    return top(a).i == top(b).i


def _said_on(trigger: _Trigger, mention: DateMention) -> bool:
    """A reporting verb followed at once by its date ("said on Saturday reports of ... were
    horrifying", "told reporters Monday") is dated by it, whatever the parser hung it on."""
    if trigger.event_type != "statement" or trigger.head.pos_ != "VERB":
        return False
    doc = trigger.head.doc
    for k in range(trigger.tokens[-1].i + 1, min(trigger.tokens[-1].i + 5, len(doc))):
        if doc[k].idx == mention.char_start:
            return True
        if doc[k].lower_ not in _SAID_ON_GAP:
            return False
    return False


def _sibling_dates(
    root: Token,
    mention: DateMention,
    dates: list[DateMention],
    date_roots: list[Token],
    bound: dict[int, list[_Trigger]],
) -> list[DateMention]:
    """ "Rounds were held near Washington in May 2023 and in Berlin in late February": another date
    of the same verb, bound to no cue of its own, is a second occurrence of the same happening.
    Dates a few days apart ("met on Monday and Tuesday") are one happening lasting them all. Two
    dates coordinated with each other ("attacks in January and February 2020") are siblings
    whatever they hang on."""
    verb = _date_verb(root)
    found = []
    for i, other in enumerate(date_roots):
        if i in bound or other.i == root.i:
            continue
        coordinated = (other.dep_ == "conj" and other.head.i == root.i) or (
            root.dep_ == "conj" and root.head.i == other.i
        )
        other_verb = _date_verb(other)
        same_verb = verb is not None and other_verb is not None and other_verb.i == verb.i
        if not (same_verb or coordinated):
            continue
        candidate = dates[i]
        if abs((candidate.value.value - mention.value.value).days) <= 7:
            continue
        found.append(candidate)
    return found


def _date_verb(root: Token) -> Token | None:
    """The verb a date modifies as an adverbial of time ("held … in May 2023"), through
    prepositions and coordination only."""
    token = root
    while token.dep_ in {"pobj", "prep", "conj", "npadvmod", "cc"}:
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            return token
    return token if token.pos_ in {"VERB", "AUX"} and token.i != root.i else None


def _shares_relative_clause(trigger: _Trigger, date_root: Token) -> bool:
    """A cue in a relative clause describes its noun, not the sentence's news: "leaders on Thursday
    ordered a standby force after the soldiers who seized power ignored a deadline" does not date
    the seizure; "Tokayev, who received the ministers on Friday" dates the reception."""
    clause = next((t for t in [trigger.head, *trigger.head.ancestors] if t.dep_ == "relcl"), None)
    if clause is None:
        # "The UN chief, who has been in the region this week, again stressed …": a date in a
        # relative clause dates what that clause tells, or the cue it describes ("the Astana
        # negotiations, which kicked off in January 2017"), not the sentence's own verb
        dated = next((t for t in [date_root, *date_root.ancestors] if t.dep_ == "relcl"), None)
        if dated is None or dated in [trigger.head, *trigger.head.ancestors]:
            return True
        described = dated.head  # "the earthquake and its aftershocks, which struck …"
        while described.dep_ == "conj" and described.head.i != described.i:
            if described.i == trigger.head.i:
                return True
            described = described.head
        return described.i == trigger.head.i
    return clause.head.i == date_root.i or clause in [date_root, *date_root.ancestors]


def _in_time_clause(trigger: _Trigger, date_root: Token, rules: EventRules) -> bool:
    """A bounding date kept for its "when" clause ("since April 2023, when fighting erupted")
    dates only that clause."""
    clause = _time_clause(date_root)
    if clause is None:
        return True
    span = date_root.doc[date_root.left_edge.i : date_root.i + 1]
    if not _bounded(span, rules):
        return True
    return any(t.i == clause.i or clause in t.ancestors for t in trigger.tokens)


def _reported_dates_of_forum(
    trigger: _Trigger,
    date_roots: list[Token],
    scopes: dict[int, int],
    frames: list[_Trigger],
    rules: EventRules,
) -> list[tuple[int, int]]:
    """ "Donors pledged €7 billion on Monday, the Commission said at the close of a conference":
    a gathering the report was made at takes the date of what was reported there."""
    head = trigger.head
    if trigger.event_type not in rules.forums or head.dep_ != "pobj":
        return []  # the report was made *at* the gathering, not *about* it
    verb = _clause_verb(head)
    if verb is None or verb.i not in {f.head.i for f in frames}:
        return []
    doc = head.doc
    return [
        (_tree_distance(head, root), i)
        for i, root in enumerate(date_roots)
        if (scope := scopes.get(root.i)) is not None and scope >= 0 and doc[scope].head.i == verb.i
    ]
