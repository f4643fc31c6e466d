"""Stances: what a call for contact says, and which "meetings" are no contact at all.

A neutral edge records actors who met, talked or negotiated with each other (issue 9). Three
readings of speech give edges nobody's contact stands behind:
- contact someone only asks for or says ought to happen: "urged the government in Beirut to
  engage with its Syrian counterpart", "called on the government to work with Damascus", "the
  government must ... talk to the Syrian government" - the one asked has not met the partner yet,
  and the one asking meets nobody (`contact_called_for`);
- "meet" in its other sense, fulfilling something: "The U.S. has met its 2016 Syrian refugee
  goal", "met the deadline", "to meet the needs of refugees" - a goal is no party
  (`thing_met`; the nouns are `[fulfilled]` in `etl/rules/stance_cues.txt`);
- a call on one party to cooperate with a third ("urged the government to coordinate with
  Damascus") addresses the one called on without taking its side: neutral toward it, not the
  supportive reading of an offer of partnership to the asker ("asking Ottawa to join its
  coalition") (`third_party_partner`).

And one reading of contact says more than contact: working "with" a partner, told as done or
going on ("we are working with the Lebanese authorities"), is partnership, supportive of the
partner (`realised_partnership`); work still to come or asked for stays contact at most.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from etl.speaker_modifiers import state_voices
from etl.stance_cuebook import _MODALS

if TYPE_CHECKING:
    from etl.stances import _StanceFinder

# Cue sections that name contact between actors (the verbs and nouns of a neutral edge).
_CONTACT_SECTIONS = ("act neutral", "joint neutral", "nominal neutral", "contact noun")
# Partners of a cooperative verb: "coordinate with Damascus", "talk to the Syrian government",
# "engage its Syrian counterpart".
_PARTNER_PREPOSITIONS = {"with", "to"}


def _is_contact(finder: _StanceFinder, cue: Token) -> bool:
    return any(finder.cues.has(section, cue) for section in _CONTACT_SECTIONS)


def contact_called_for(finder: _StanceFinder, cue: Token) -> bool:
    """A contact cue that is only demanded or owed: the infinitive under a demand verb ("urged X
    to engage with Y", "called on X to work with Y", "asked X to talk to Y") or a clause with a
    modal of obligation ("X must ... talk to Y", "should meet"), on its own verb or one it is
    conjoined or subordinated to. A verb of saying above it is no demand ("... to resume
    negotiations with the RSF," a source told AFP), and "continue to" is contact going on."""
    if not _is_contact(finder, cue):
        return False
    current = finder.clause_verb(cue)
    for _ in range(4):
        if current.lemma_.lower() in ("continue", "keep"):
            return False
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in current.children):
            return True
        if current.dep_ not in ("xcomp", "conj", "advcl") or current.head.i == current.i:
            return False
        head = current.head
        if (
            current.dep_ in ("xcomp", "advcl")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children)
            and any(
                finder.cues.has(section, head)
                for section, _polarity in finder.cues.polarity_sections("demand")
            )
        ):
            return True
        current = head
    return False


def thing_met(finder: _StanceFinder, cue: Token) -> bool:
    """ "met its refugee goal", "meeting the needs of": "meet" whose direct object is a thing
    fulfilled, with no partner of its own ("met with X"), is no meeting."""
    if cue.lemma_.lower() != "meet" or cue.pos_ != "VERB":
        return False
    objects = [c for c in cue.children if c.dep_ == "dobj"]
    if not objects or finder.prep_objects(cue, {"with"}):
        return False
    return all(finder.cues.has("fulfilled", o) for o in objects)


def no_contact(finder: _StanceFinder, cue: Token) -> bool:
    """A neutral edge's cue that records no contact that took place (see the module docstring)."""
    return contact_called_for(finder, cue) or thing_met(finder, cue)


def third_party_partner(finder: _StanceFinder, demand: Token, demanded: Token) -> bool:
    """ "urged the government to coordinate with Damascus": the cooperation asked for is with an
    actor other than the one asking (the subject of the demand, else the speaker), so the call
    addresses the one called on without siding with it. "asking Ottawa to join its coalition"
    (no actor named as partner) and "urged Iran to work with Russia" said by Russia keep their
    supportive reading."""
    partners = finder.prep_objects(demanded, _PARTNER_PREPOSITIONS) + [
        c for c in demanded.children if c.dep_ == "dobj"
    ]
    # A pronoun names the partner only through the asker or the asked ("join its coalition").
    named = finder.actors_of(
        [t for p in partners for t in finder.phrase(p, deep=False) if t.pos_ != "PRON"],
        as_target=True,
    )
    if not named:
        return False
    askers = finder.agents(demand) or []
    asking_sides = {finder.side(a) for a in askers}
    return all(finder.side(n) not in asking_sides for n in named)


# Auxiliaries that make an act hypothetical or still to come ("can work with", "would work with").
_NOT_DONE = {"can", "could", "may", "might", "will", "would", "shall", "should", "must", "ought"}


def realised_partnership(finder: _StanceFinder, cue: Token) -> bool:
    """ "we are working with the Lebanese authorities", "Moscow, which has worked with Ankara",
    "We worked jointly with Turkey and Iran": working with a partner, told as done or going on,
    is partnership, supportive of the partner (real_dev3 hn26, real_dev5 hq19, real_dev7 hs06).
    Work still to come, possible or asked for ("would continue to work with Pakistan", "how
    provinces can work with Ottawa", "urged X to work with Y") stays contact at most."""
    if cue.lemma_.lower() != "work" or cue.pos_ != "VERB":
        return False
    partners = finder.prep_objects(cue, {"with"})
    if not partners or not all(_names_a_party(finder, p) for p in partners):
        return False
    subject, _passive = finder.subject_of(cue)
    if subject is not None and subject.pos_ != "PRON" and not _names_a_party(finder, subject):
        return False  # "Turkey's workers worked with ...": people of a country, not its state
    if finder.planned(cue) or contact_called_for(finder, cue):
        return False
    current = cue
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in _NOT_DONE for c in current.children):
            return False
        if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
            break
        current = current.head
    # "to work with", "how to work with": an infinitive names work not yet done.
    return not any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children)


def _names_a_party(finder: _StanceFinder, head: Token) -> bool:
    """The phrase is an actor by its own name ("Ankara", "the OPCW") or a state's voice described
    by its country ("the Lebanese authorities", "Syrian officials"), not people of a country
    ("Russian engineers")."""
    if head.tag_ in ("WDT", "WP"):
        return True  # "which has worked with": the antecedent, named before
    return finder.mention_at(head) is not None or head.lemma_.lower() in state_voices()
