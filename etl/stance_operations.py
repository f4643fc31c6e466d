"""Military operations told by what they are for, whom they take ground from, and whose
positions they hit (issue 9: an offensive is critical of its target, stated as a fact):

- purpose: "Turkey launched a military operation into northern Syria to remove the YPG",
  "an offensive to retake Idlib from the rebels" - the operation's owner critical of the ones its
  purpose clause acts against;
- taking ground: "the army retook the region from armed groups Ahrar al-Sham and ...",
  "liberated the city from ISIS" - the taker critical of the ones it was taken from;
- positions: "Turkey said it hit over 200 targets belonging to the government forces of Syria" -
  the striker critical of the owner of what it hit;
- deeds told as nouns: "an offensive by X aimed at taking back the rebel stronghold", "Russian
  airstrikes on rebel-held Idlib" - the doer critical of the target named or holding the place
  (`deed_targets`); a deed that kills a country's soldiers (`soldiers_killed`); "a coalition
  fighting the Houthis" (`fighters_named`).

Cue words are sections of `etl/rules/stance_cues.txt`: `[operation noun]`, `[operation purpose]`,
`[taken from]`, `[held positions]`, `[aimed deed]`, `[stronghold]`, `[armed personnel]`, and
the `[hostility critical]` verbs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder

_CLAUSES = ("xcomp", "advcl", "acl", "relcl")
_TRYING = {"try", "attempt", "fight", "struggle", "battle", "push", "move", "begin", "start"}


def _infinitive(verb: Token) -> bool:
    return verb.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _also_named(finder: _StanceFinder, heads: list[Token]) -> list[Token]:
    """Heads with their appositions and "known as" names ("the rebels, known as the Houthis")."""
    found = list(heads)
    for head in heads:
        found += [c for c in head.children if c.dep_ == "appos"]
        for clause in head.children:
            if clause.dep_ == "acl" and clause.lemma_.lower() in ("know", "call", "name"):
                found += finder.prep_objects(clause, {"as"})
                found += [c for c in clause.children if c.dep_ == "oprd"]
    return found


def _acted_on(finder: _StanceFinder, verb: Token) -> list[str]:
    """The actors a purpose verb acts against: its object and the ones it takes ground from."""
    heads = [c for c in verb.children if c.dep_ == "dobj"]
    heads = _also_named(finder, heads + finder.prep_objects(verb, {"from"}))
    return finder.actors_of(
        [t for h in heads for t in finder.phrase(h, deep=False)], as_target=True
    )


def _purpose(finder: _StanceFinder, verb: Token) -> bool:
    return finder.cues.has("operation purpose", verb) or finder.cues.has("hostility critical", verb)


def operation_purposes(finder: _StanceFinder, noun: Token, edge: Any) -> Iterator[Any]:
    """ "launched a military operation ... to remove the YPG": the launcher critical of the YPG."""
    if not finder.cues.has("operation noun", noun) or noun.dep_ != "dobj":
        return
    verb = noun.head
    if verb.pos_ != "VERB" or finder.has_modal(verb) or finder.planned(verb):
        return
    clauses = [c for c in noun.children if c.dep_ in _CLAUSES]
    clauses += [c for c in verb.children if c.dep_ in _CLAUSES]
    targets: list[str] = []
    for clause in clauses:
        if _infinitive(clause) and _purpose(finder, clause) and not finder.negated(clause):
            targets += _acted_on(finder, clause)
    if not targets:
        return
    sources = finder.agents(verb) or []
    targets = [t for t in dict.fromkeys(targets) if t not in sources]
    if sources and targets:
        yield edge(tuple(sources), tuple(targets), "critical", noun)


def ground_taken(finder: _StanceFinder, verb: Token, edge: Any) -> Iterator[Any]:
    """ "had retaken the majority of the region from armed groups X and Y": critical of X, Y."""
    if not finder.cues.has("taken from", verb) or finder.has_modal(verb):
        return
    if _infinitive(verb) and not (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _TRYING):
        return  # "plans to retake": not yet; "are trying to retake": under way
    holders = _also_named(finder, finder.prep_objects(verb, {"from"}))
    yield from _critical_of(finder, verb, holders, edge)


def positions_hit(finder: _StanceFinder, verb: Token, edge: Any) -> Iterator[Any]:
    """ "hit over 200 targets belonging to the government forces of Syria": critical of Syria."""
    if not finder.cues.has("hostility critical", verb) or finder.has_modal(verb):
        return
    owners: list[Token] = []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for clause in obj.children:
            if clause.dep_ == "acl" and finder.cues.has("held positions", clause):
                owners += finder.prep_objects(clause, {"to", "by"})
    yield from _critical_of(finder, verb, owners, edge)


def _critical_of(
    finder: _StanceFinder, verb: Token, heads: list[Token], edge: Any
) -> Iterator[Any]:
    """The verb's agents critical of the actors named in the phrases of `heads`."""
    targets = finder.actors_of(
        [t for h in heads for t in finder.phrase(h, deep=True)], as_target=True
    )
    if not targets:
        return
    sources = finder.agents(verb) or []
    targets = [t for t in targets if t not in sources]
    if sources and targets:
        yield edge(tuple(sources), tuple(targets), "critical", verb)


def deeds_told(finder: _StanceFinder, noun: Token, edge: Any) -> Iterator[Any]:
    """ "air strikes by the Syrian regime and Russia", "previous chemical weapons attacks by
    Assad's government" in someone's words: a hostile deed told with its doer is the speaker's
    charge against the doer (narration, with no speaker, charges no one)."""
    if not finder.cues.has("told deed", noun) or noun.tag_ not in ("NNS", "NN"):
        return
    doers = finder.prep_objects(noun, {"by"})
    doers += [
        o
        for clause in noun.children
        if clause.dep_ == "acl" and clause.tag_ == "VBN"
        for o in finder.prep_objects(clause, {"by"})
    ]
    if not doers:
        return
    statement = finder.statement_at(noun)
    if statement is None or not statement.speaker_id:
        return
    heads = [t for d in doers for t in (d, *finder._conjuncts(d))]
    targets = finder.actors_of([t for h in heads for t in finder._conjunct(h)], as_target=True)
    speaker = statement.speaker_id
    targets = [t for t in targets if not finder.same_side(speaker, t)]
    if targets:
        yield edge((speaker,), tuple(targets), "critical", noun)


_LAUNCHING = {
    "launch",
    "carry",
    "conduct",
    "begin",
    "mount",
    "stage",
    "wage",
    "intensify",
    "resume",
}
_PURPOSE_PARTICIPLES = {"aim", "target", "direct"}


def _deed_doers(finder: _StanceFinder, noun: Token) -> tuple[list[str], list[Token]]:
    """Who did a deed told as a noun, and the tokens naming them: "by X" on the noun or on its
    participle ("carried out by X"), a demonym or name before it ("Russian airstrikes", "Syrian
    government airstrikes"), or the subject of the verb that launched it."""
    heads = finder.prep_objects(noun, {"by"})
    heads += [
        o
        for clause in noun.children
        if clause.dep_ == "acl" and clause.tag_ == "VBN"
        for o in finder.prep_objects(clause, {"by"})
    ]
    if (
        not heads
        and noun.dep_ == "dobj"
        and not any(c.dep_ in ("auxpass", "nsubjpass") for c in noun.head.children)
    ):
        # "to hold back an offensive by X": "by" right after the object, hung on the verb.
        heads = [
            o
            for prep in noun.head.children
            if prep.dep_ == "prep" and prep.lower_ == "by" and prep.i == noun.right_edge.i + 1
            for o in prep.children
            if o.dep_ == "pobj"
        ]
    if heads:
        heads = [t for h in heads for t in (h, *finder._conjuncts(h))]
        words = [t for h in heads for t in finder._conjunct(h)]
        return finder.actors_of(words), heads
    before = [
        t
        for c in noun.children
        if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < noun.i
        for t in c.subtree
        if t.text not in ("-", "–")
    ]
    if before:
        return finder.actors_of(before), []
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in _LAUNCHING and verb.pos_ == "VERB":
        return finder.agents(verb) or [], []
    return [], []


def _deed_aims(finder: _StanceFinder, noun: Token, doer_heads: list[Token]) -> list[Token]:
    """What a deed is aimed at: "on"/"against" the noun (or hung by the parser on its doer),
    "targeting X", "aimed at (taking back) X"."""
    aims: list[Token] = []
    heads = [noun, *doer_heads]
    if any(d.head.head.i == noun.head.i for d in doer_heads):
        heads.append(noun.head)  # "hold back an offensive by X aimed at ...": all on the verb
    for head in heads:
        aims += [o for o in finder.prep_objects(head, {"on", "against"}) if o.i > noun.i]
        for clause in head.children:
            if (
                clause.dep_ not in ("acl", "relcl", "advcl")
                or clause.i < noun.i
                or clause.lemma_.lower() not in _PURPOSE_PARTICIPLES
            ):
                continue
            aims += [c for c in clause.children if c.dep_ == "dobj"]
            for prep in finder.prep_objects(clause, {"at"}) + [
                c
                for p in clause.children
                if p.dep_ == "prep" and p.lower_ == "at"
                for c in p.children
                if c.dep_ == "pcomp"
            ]:
                if prep.pos_ == "VERB":
                    aims += [c for c in prep.children if c.dep_ == "dobj"]
                    aims += finder.prep_objects(prep, {"from"})
                else:
                    aims.append(prep)
    return aims


_UNREAL = {"any", "no", "every", "future", "possible", "potential", "further", "new"}


def _hypothetical(noun: Token) -> bool:
    """ "against any attack on its posts", "a possible offensive": no deed has happened."""
    return any(c.dep_ in ("det", "amod") and c.lower_ in _UNREAL for c in noun.children)


def deed_targets(finder: _StanceFinder, noun: Token, edge: Any) -> Iterator[Any]:
    """ "an offensive by Syrian government and Russian forces aimed at taking back the rebel
    stronghold", "Russian airstrikes on rebel-held Idlib", "strikes on Houthi positions": an
    attack, strike or offensive told as a noun is its doer's `critical` stance toward its target,
    named or holding the place struck. Civilians, hospitals and other protected targets name no
    actor (the speaker's charge against the doer is `deeds_told`)."""
    if not finder.cues.has("aimed deed", noun) or noun.tag_ not in ("NNS", "NN"):
        return
    if _hypothetical(noun):
        return
    doers, doer_heads = _deed_doers(finder, noun)
    if not doers:
        return
    aims = [a for a in _deed_aims(finder, noun, doer_heads) if not finder.cues.has("protected", a)]
    # A place struck by its own name ("airstrike on northern Yemen", "attacks on Idlib") is where
    # the deed fell, not whom it was aimed at: only who holds it counts.
    named = [a for a in aims if a.ent_type_ not in ("GPE", "LOC", "FAC")]
    targets = finder.actors_of(
        [t for a in named for t in finder.phrase(a, deep=False)], as_target=True
    )
    if not targets:
        targets = _holders(finder, aims)
    targets = [t for t in dict.fromkeys(targets) if not any(finder.same_side(d, t) for d in doers)]
    if targets:
        yield edge(tuple(dict.fromkeys(doers)), tuple(targets), "critical", noun)


def _holders(finder: _StanceFinder, aims: list[Token]) -> list[str]:
    """Who holds the places aimed at: "rebel-held Idlib", "Houthi-controlled areas", "the rebel
    stronghold", "opposition strongholds"."""
    holders: list[str] = []
    for aim in aims:
        for mod in aim.children:
            if mod.dep_ == "amod" and mod.lemma_.lower() in ("hold", "control", "run"):
                words = [t for t in mod.subtree if t.i < mod.i and t.text not in ("-", "–")]
            elif mod.dep_ in ("amod", "compound") and finder.cues.has("stronghold", aim):
                words = list(mod.subtree)
            else:
                continue
            holders += finder.actors_of(words, as_target=True)
    return holders


_KILLING = {"kill", "wound", "injure"}
_DYING = {"die", "perish"}


def _clause_verb(noun: Token) -> Token | None:
    """The verb a noun hangs from, through prepositions ("died as a result of an air strike")."""
    token = noun
    for _ in range(6):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ == "VERB":
            return token
    return None


def soldiers_killed(finder: _StanceFinder, noun: Token, edge: Any) -> Iterator[Any]:
    """ "Syrian government airstrikes had killed 54 Turkish soldiers", "33 Turkish soldiers died
    as a result of an air strike carried out by Syrian government forces": a deed that kills a
    country's soldiers or police is its doer's `critical` stance toward that country (civilians
    killed name no actor)."""
    if not finder.cues.has("aimed deed", noun) or noun.tag_ not in ("NNS", "NN"):
        return
    verb = _clause_verb(noun)
    if verb is None or finder.negated(verb) or finder.has_modal(verb):
        return
    lemma = verb.lemma_.lower()
    if lemma in _KILLING and noun.dep_ == "nsubj" and noun.head.i == verb.i:
        victims = [c for c in verb.children if c.dep_ == "dobj"]
    elif lemma in _DYING:
        victims = [c for c in verb.children if c.dep_ == "nsubj"]
        victims += [o for v in victims for o in finder.prep_objects(v, {"of"})]
    else:
        return
    victims = [v for v in victims if finder.cues.has("armed personnel", v)]
    if not victims:
        return
    doers, _ = _deed_doers(finder, noun)
    if not doers:
        return
    targets = finder.actors_of(
        [t for v in victims for t in finder.phrase(v, deep=False)], as_target=True
    )
    targets = [t for t in dict.fromkeys(targets) if not any(finder.same_side(d, t) for d in doers)]
    if targets:
        yield edge(tuple(dict.fromkeys(doers)), tuple(targets), "critical", noun)


_FIGHTING = {"fight", "battle", "combat"}
_BARE_RULERS = {"regime", "government", "authorities"}


def fighters_named(finder: _StanceFinder, verb: Token, edge: Any) -> Iterator[Any]:
    """ "a Saudi-led coalition fighting Yemen's Shiite rebels", "the coalition of nations fighting
    the Islamic State": a force described by whom it is fighting is `critical` of them (one way:
    the description says nothing of the other side's view)."""
    if verb.tag_ != "VBG" or verb.dep_ != "acl" or verb.lemma_.lower() not in _FIGHTING:
        return
    if finder.negated(verb):
        return
    noun = verb.head
    if noun.pos_ not in ("NOUN", "PROPN"):
        return
    clause = set(verb.subtree)
    sources = finder.actors_of([noun]) or finder.actors_of(
        [t for t in finder.phrase(noun, deep=False) if t not in clause]
    )
    if not sources:
        return
    foes = [c for c in verb.children if c.dep_ == "dobj"] + finder.prep_objects(verb, {"against"})
    targets: list[str] = []
    for foe in foes:
        if foe.lemma_.lower() in _BARE_RULERS and not any(
            c.dep_ in ("poss", "amod", "compound", "prep") for c in foe.children
        ):
            continue  # "rebels fighting the regime": whose regime, the words do not say
        # "Yemen's Shiite rebels": the rebels, not the country that only says whose they are.
        owners = {t for c in foe.children if c.dep_ == "poss" for t in c.subtree}
        targets += finder.actors_of([foe], as_target=True) or finder.actors_of(
            [t for t in finder.phrase(foe, deep=False) if t not in owners], as_target=True
        )
    targets = [
        t for t in dict.fromkeys(targets) if not any(finder.same_side(s, t) for s in sources)
    ]
    if targets:
        yield edge(tuple(sources), tuple(targets), "critical", verb)
