"""Cues whose type depends on the words around them (`etl.events`): "the deal … takes effect" is a
ceasefire or an agreement, a cue inside a name is none, a meeting is one of actors, armed forces
entering a place, ended and broken happenings, nouns that name a thing, numbered resolutions,
onsets of armed happenings and named operations, each rule behind its switch for ablation."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Token

from etl.context import ArticleContext
from etl.docindex import DocIndex
from etl.event_endings import (
    broken_by_modifier,
    ended_by_noun,
    ended_happening,
    modifier_of_a_thing,
    numbered_document,
)
from etl.event_readings import agrees_on_a_view, inside_other_cue
from etl.event_rules import (
    _GATHERINGS,
    IN_FORCE,
    EventRules,
    _cue_words,
    _single_word_cues,
    _Trigger,
)
from etl.event_scopes import _premodified_by
from etl.event_trees import _noun_phrase
from etl.event_visits import no_meeting_of_actors

# events12: a visit to a place (a camp, a school, a border) is an `other` event, a meeting with
# ordinary people ("the children I met in June") none: a meeting is one of actors (`etl.event_visits`)
MEETINGS_NEED_ACTORS = True
# events13 (issue 9): armed forces that "entered" a place are a military operation: the armed noun
# is the verb's subject and its object a place ("Rebel forces entered Damascus on Dec. 8"); the
# cues are in `etl/rules/event_types.txt`
ENTERED_PLACES = True
# events13b (issue 9, precision): talks that "collapsed" or "were suspended" on a date are that
# breakdown, `other`; a truce that "broke" is fighting resumed, `military_operation`; "violated
# ceasefires" are none (`etl.event_endings`; word lists in `etl/rules/event_context.txt`)
ENDED_HAPPENINGS = True
# events13b: a cue noun compounded to another noun that is no cue ("the blast site", "attack
# helicopters") names a thing, not a happening (`etl.event_endings.modifier_of_a_thing`)
MODIFIER_NOUNS = True
# events13b: a resolution named by its number ("envisaged by resolution 2254") is a document
# referred to, no vote, unless a verb of adopting governs it (`etl.event_endings`)
NUMBERED_RESOLUTIONS = True
# events15: "launched Operation Olive Branch": an operation named with a capital is armed
# (`_named_operation`).
NAMED_OPERATIONS = True


def _retype(ctx: ArticleContext, trigger: _Trigger, rules: EventRules) -> _Trigger | None:
    """Cues whose type depends on their words around: "the deal … takes effect", "the Geneva
    communique"."""
    if trigger.event_type == IN_FORCE:
        subject = _clause_subject(trigger.head)
        words = {w for t in subject for w in (t.lower_, t.lemma_.lower())}
        title = (ctx.article.title or "").lower()
        if words & _single_word_cues(rules, "ceasefire"):
            return _Trigger("ceasefire", trigger.tokens)
        if words & _single_word_cues(rules, "agreement"):
            about_truce = any(
                re.search(r"\b" + re.escape(w) + r"\b", title)
                for w in _single_word_cues(rules, "ceasefire")
            )
            return _Trigger("ceasefire" if about_truce else "agreement", trigger.tokens)
        return None
    head = trigger.head
    if _inside_name(head, rules):
        return None
    if head.pos_ in {"NOUN", "PROPN"} and trigger.event_type != "statement":
        if (
            MODIFIER_NOUNS
            and len(trigger.tokens) == 1
            and modifier_of_a_thing(head, _cue_words(rules))
        ):
            return None  # "the blast site", "attack helicopters": a thing, not a happening
        if (
            NUMBERED_RESOLUTIONS
            and trigger.event_type == "vote"
            and head.lemma_.lower() == "resolution"
            and numbered_document(head, rules.adopting_verbs)
        ):
            return None  # "envisaged by Security Council resolution 2254": a document named
        if ENDED_HAPPENINGS:
            ended = ended_happening(head, rules.ending_verbs, rules.halting_verbs)
            if ended and trigger.event_type in _GATHERINGS | {"agreement"}:
                return _Trigger("other", trigger.tokens)  # "the peace talks collapsed on Aug 6"
            if ended and trigger.event_type == "ceasefire":
                return _Trigger("military_operation", trigger.tokens)  # "That truce broke"
            if trigger.event_type == "ceasefire" and (
                broken_by_modifier(head, rules.ending_modifiers)
                or ended_by_noun(head, rules.ending_nouns)
            ):
                return None  # "a series of violated ceasefires", "the rupture in the ceasefire"
            if trigger.event_type in _GATHERINGS | {"agreement"} and ended_by_noun(
                head, rules.ending_nouns
            ):
                return _Trigger("other", trigger.tokens)  # "the collapse of the talks on Monday"
    if trigger.event_type == "meeting" and MEETINGS_NEED_ACTORS:
        seen = no_meeting_of_actors(
            ctx, trigger.tokens, rules.visited_places, rules.ordinary_people
        )
        if seen == "place":
            return _Trigger("other", trigger.tokens)  # "visited a Rohingya camp": a visit, `other`
        if seen == "people":
            return None  # "the children I met in June": no meeting of actors
    if (
        trigger.event_type == "military_operation"
        and head.lower_ == "takeover"
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
    ):
        return _Trigger("other", trigger.tokens)  # "its Feb. 1 takeover": a seizure of power
    if trigger.event_type == "military_operation" and _unarmed_onset(trigger, rules):
        return None  # "UNICEF launched a polio vaccination campaign", "Rescue operations started"
    if trigger.event_type == "agreement" and agrees_on_a_view(head):
        return _Trigger("statement", trigger.tokens)
    if trigger.event_type == "statement" and _agentless_passive(head):
        return None  # "72,000 displacements have been reported": no one named reports it
    if len(trigger.tokens) == 1 and head.dep_ == "amod" and head.tag_ in {"VBN", "VBD"}:
        return None  # "ousted President Bazoum", "detained journalists": a title, not a happening
    last = trigger.tokens[-1]
    if last.pos_ == "ADP" and last.i + 1 < len(last.doc) and last.doc[last.i + 1].like_num:
        return None  # "fell to 2,000": a count moving, not a city falling
    if trigger.event_type == "military_operation" and last.lemma_.lower() == "enter":
        if not (ENTERED_PLACES and _armed_entry(trigger, rules)):
            return None  # "the offensive entered its second day", "rebels entered talks"
    if trigger.event_type == "military_operation" and (
        " ".join(t.lemma_.lower() for t in trigger.tokens) in rules.place_takers
        or head.lemma_.lower() in rules.place_takers
    ):
        taken = [
            t
            for cue_token in trigger.tokens
            for c in cue_token.children
            if c.dep_ in {"dobj", "nsubjpass", "prep"}
            for t in ([c] if c.dep_ != "prep" else [g for g in c.children if g.dep_ == "pobj"])
        ]
        # "the capital Sanaa": a place noun compounded to an unlabelled name names a place too
        taken += [c for t in taken for c in t.children if c.dep_ == "compound"]
        if not any(
            t.ent_type_ in {"GPE", "LOC", "FAC"} or t.lemma_.lower() in rules.place_nouns
            for t in taken
        ):
            return None  # "police captured a suspect": no place taken
    if (
        trigger.event_type == "statement"
        and head.lemma_.lower() in rules.aid_pledges
        and any(
            t.ent_type_ == "MONEY" for c in head.children if c.dep_ == "dobj" for t in c.subtree
        )
    ):
        return _Trigger("other", trigger.tokens)
    if (
        trigger.event_type == "statement"
        and head.lower_ in rules.named_documents
        and any(
            (c.dep_ == "compound" and c.pos_ == "PROPN")
            or re.fullmatch(r"(?:19|20)\d\d", c.text)  # "the 2012 communique"
            for c in head.children
        )
    ):
        return _Trigger("agreement", trigger.tokens)
    return trigger


_ONSET_VERBS = frozenset({"begin", "start", "launch"})


def _unarmed_onset(trigger: _Trigger, rules: EventRules) -> bool:
    """A "campaign ... began", "operations ... started" or "launched ... campaign" cue (two words,
    a verb of starting and the noun) whose noun nothing arms: no word of `armed_words` among the
    noun's own words or the subject of the verb that starts it, and no "against" a people, a
    group or a place. "The army launched a brutal campaign against the community", "the
    \"clearance operations\" started" and "a military campaign" start a war; a vaccination
    campaign, a relief operation or airport operations start none."""
    if len(trigger.tokens) != 2:
        return False
    nouns = [t for t in trigger.tokens if t.lemma_.lower() in rules.armed_onsets]
    verbs = [t for t in trigger.tokens if t.lemma_.lower() in _ONSET_VERBS]
    if len(nouns) != 1 or len(verbs) != 1:
        return False
    noun, verb = nouns[0], verbs[0]
    if NAMED_OPERATIONS and _named_operation(noun):
        return False
    said: list[Token] = list(noun.subtree)
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            said.extend(child.subtree)
    if any(t.lower_ in rules.armed_words or t.lemma_.lower() in rules.armed_words for t in said):
        return False
    for prep in (c for t in (noun, verb) for c in t.children if c.dep_ == "prep"):
        if prep.lower_ != "against":
            continue
        for target in (g for g in prep.children if g.dep_ == "pobj"):
            if target.ent_type_ in {"NORP", "GPE", "LOC", "ORG", "FAC", "PERSON"}:
                return False
            if target.lemma_.lower() in rules.armed_targets | rules.place_nouns:
                return False
    return True


def _named_operation(noun: Token) -> bool:
    """ "launched Operation Olive Branch": an operation named with a capital "Operation" before a
    capitalised name, inside a sentence, is a military one (events15); "launched a relief
    operation" and a sentence opening "Operation ..." are not read so."""
    if noun.text != "Operation" or noun.is_sent_start:
        return False
    following = noun.nbor(1) if noun.i + 1 < len(noun.doc) else None
    return following is not None and following.text[:1].isupper() and following.is_alpha


# Verbs that, in the passive, tell that something was observed or counted, not that a document
# was issued ("It was issued on 11 May" stays the report's statement).
_HEARSAY = {"report", "say", "estimate", "record", "document", "observe", "register", "claim"}


def _agentless_passive(verb: Token) -> bool:
    """A verb of hearsay in the passive with no "by" agent ("72,000 displacements have been
    reported", "was said to be") is no one's statement: the event is what is reported, if
    anything."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.tag_ != "VBN":
        return False
    if verb.lemma_.lower() not in _HEARSAY:
        return False
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    return not any(c.dep_ == "agent" for c in verb.children)


def _inside_name(token: Token, rules: EventRules) -> bool:
    """ "the Collective Security Treaty Organization": a cue word inside a name headed by another
    word names no event (but "the Munich Security Conference" is a conference)."""
    if token.pos_ == "PROPN" and token.dep_ == "compound":
        name_head = token.head
        while name_head.dep_ == "compound" and name_head.head.i != name_head.i:
            name_head = name_head.head
        if name_head.pos_ == "PROPN" and not {name_head.lower_, name_head.lemma_.lower()} & (
            _cue_words(rules)
        ):
            return True  # a capitalised name headed by a word that is no cue
    if token.ent_type_ not in rules.name_cues:
        return False
    ent = DocIndex.of(token.doc).ent_at(token)
    if ent is not None:
        return ent.root.i != token.i and ent.root.ent_type_ == token.ent_type_
    return False


def _clause_subject(token: Token) -> list[Token]:
    """The subject of the nearest clause above a token that has one ("the deal … is due to take")."""
    for candidate in [token, *token.ancestors]:
        for child in candidate.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return _noun_phrase(child)
    return []


def _armed_entry(trigger: _Trigger, rules: EventRules) -> bool:
    """ "Rebel forces entered Damascus", "Regime forces entered a town south of Idlib": the armed
    noun of an "entered" cue is the verb's subject (or joined to it) and the verb's direct object
    names a place; "rebel forces entered talks" or "the deal the forces signed entered into
    force" do not."""
    verb, armed = trigger.tokens[-1], trigger.tokens[0]
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    subject = armed
    while subject.dep_ == "conj" and subject.head.i != subject.i:
        subject = subject.head
    if subject.dep_ != "nsubj" or subject.head.i != verb.i:
        return False
    entered = [c for c in verb.children if c.dep_ == "dobj"]
    entered += [c for t in entered for c in t.children if c.dep_ == "compound"]
    # a proper name the entity tagger left unlabelled ("Militants entered Palmyra") is a place
    # entered too; a person or an organisation is none
    return any(
        t.ent_type_ in {"GPE", "LOC", "FAC"}
        or t.lemma_.lower() in rules.place_nouns
        or (t.pos_ == "PROPN" and not t.ent_type_)
        for t in entered
    )


def _drop_forum_modifiers(
    triggers: list[_Trigger], date_roots: Sequence[Token] = ()
) -> list[_Trigger]:
    """ "ceasefire talks", "peace summit vote", "talks on a ceasefire": a cue modifying another
    cue's noun, or inside its prepositional phrase, yields to it, unless a date of its own
    names it ("the crackdown on protests of its Feb. 1 takeover": the takeover of that day)."""
    heads = {t.head.i: t for t in triggers}
    nouns = frozenset(heads)
    kept = []
    for trigger in triggers:
        head = trigger.head
        if head.dep_ == "compound" and head.head.i in heads and heads[head.head.i] is not trigger:
            continue
        if inside_other_cue(head, nouns) and not any(
            _premodified_by(trigger, root) for root in date_roots
        ):
            continue
        kept.append(trigger)
    return kept
