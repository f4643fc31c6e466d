"""Stances: who is critical of, supportive toward or neutrally addressing whom.

A stance needs a cue (a word listed in `etl/rules/stance_cues.txt`), a source and a target, all
tied together by the dependency parse: the target must be governed by the cue (its object, the
phrase it heads, a possessor or modifier, or conjoined with one of those), never merely share the
sentence. Sources are the cue's grammatical subject when it names an actor, else the speaker of
the statement the cue sits in (first person "we" is the speaker too); a cue with no source is
narration and yields nothing.

Cue kinds (sections of the rules file):
- act: "Canada condemned Russia", "Russia has backed Mr. Assad's side" - subject -> object;
- hostility: "destroying ISIS" - subject -> object; against civilians or infrastructure it is an
  accusation against the subject ("al-Nusra was destroying infrastructure");
- demand: "calling on X to end ..." - a demand on X: critical when the demanded act is corrective,
  supportive when cooperative (neutral when "with" a thing, not an actor), neutral when made of
  both parties, of an international body or not to do something, else nothing;
- dispatch: "Egypt sent rescue teams and aid to Libya" - what is sent "to" a country supports it;
- joint: "Putin and Trump agreed to work more closely" - each supportive of the other;
- allege / designate: "alleged that Russia is protecting ...", "declared Hezbollah a terrorist entity";
- characterise: "described Russia's conduct of the war as 'barbaric'" - a verdict on the object's owner;
- blame: "Russia and Iran bear moral responsibility", "the fallacy in the U.S. policy" - the holder
  of the fault is the target, whoever reports it the source;
- concern: "concerned by Russia and Syria's attempt" - the experiencer -> what it is about;
- nominal: "talks with ... Russia", "Russia's support for Assad";
- predicate: "Russia has been a loyal ally of Assad" (a role noun only counts as a predicate), or
  set off after a name: "Iran, Assad's main regional ally, ...";
- patron: "Yemen's Saudi-backed government" - the patron supportive of the backed; "the Saudi-led
  coalition" stands for its leader, and so does "the coalition" later in the same article;
- money: "announced $50 million in aid for Ukraine", "EUR 1 billion for reconstruction in Turkey";
- omission: "the text did not condemn Hamas", said by someone, is that speaker's charge;
- gratitude: "Washington was deeply grateful to Kenya", "expressed their gratitude to Kazakhstan".

Rules in modules of their own (etl.stance_*): pacts, wars and patrons in apposition (facts);
vetoes, named as verbs or nouns, and laments after them (vetoes); joint statements,
co-guarantors, "the sides", groups listed "among them" (joint); acts under a pact with a
partner (partners); role, friendly and pejorative epithets (epithets); relief with no
recipient named (relief); mediators, memberships, ousters, referrals, votes; a country's
sovereignty upheld (sovereignty); an armed group's takeover of a country's capital or land
(takeovers); an appeal or request acted on (appeals); ground a state retakes, critical of its
holder (retaking); backing in a relative clause or a role noun before a name (backers); acting
at someone's request (requests); sanctions imposed on a party (sanctions); a text's drafters critical
of whom it acts against (drafters); a mediator named on the talks it brokers, neutral toward each
party (brokers); a charge told in the teller's own words - judged conduct of a named doer, relief
obstructed, a doer's own people struck - critical of the doer (charges); a decision named with its
maker ("the decision by X to recognize Y") - the maker toward Y as the act says, and whoever
welcomes or condemns it toward the maker (decisions). At assembly, contact only called for or owed and "meet" as
fulfilling ("met its goal") give no neutral edge, and work "with" a partner done or going on is
supportive of it (speech). Also at assembly, standing with a country's people against the
rulers the sentence names is critical of them (peoples).

The finder itself is assembled from mixins, one module per subject: the cue book, the edge record
and shared word lists (stance_cuebook); actor lookups and phrases (stance_actors); nouns resolved
within the article and participle patrons (stance_references); the clause around a cue - subject,
agents, reporter, negation, hedges (stance_clauses); act, hostility, demand and dispatch cues
(stance_acts); joint acts, verdicts, blame and feelings (stance_verdicts); noun cues, predicates
and money (stance_nominal). This module keeps the walk over the article (`_StanceFinder.edges`)
and the assembly of edges into rows (`rule_stances`).

A meeting or talks still to come ("would meet", "plans to hold talks") yield no neutral edge, and
a pair a sentence shows critical or supportive is not also neutral there. Relations stated as
context ("Russia and Iran, as supporters of the Assad regime") are not a speaker's claim.

Some common nouns resolve within the article: "the council" after "the UN Security Council", "the
ministers" after "ministers from the G7", "the resolution" to the body that adopted it (for act
cues only), "both sides" / "both Sudanese parties" to the pair named together just before (or the
two forces of that country the article names most). A subject that names no actor itself may
belong to a body ("Foreign ministers from the G7", also after a dateline).

Negation: a negated cue or one under a negating verb ("did not condemn", "refused to criticize",
"denied that ...") yields nothing, because "not supportive" is not critical and "did not
criticize" is not support. Two negations do carry a stance and are recorded with negated=True:
a negated positive evaluation ("the strategy is not effective" -> critical of its holder) and a
relation broken off ("suspended its contact with the Russian government" -> critical). Cues in a
"whether"/"if" clause are hypotheses and yield nothing, and so do cues under a dismissed charge
("rejected claims that ...") or a deliberation ("reviewing its aid to ...").

Who may hold a stance: a person found only in the article with no country (a resident or driver
quoted for colour) holds none. Inside the words of a government, body or official ("Ukraine said
Iran supported Russia"), a relation between two others is the claimant's charge and yields no edge
of theirs, unless the claimant is its target (a victim's own account). An actor's own activity
("welcomed Kenya's mediation between A and B") is aimed at its owner, not at the parties it names.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

from spacy.tokens import Span, Token

from etl import (
    stance_appeals,
    stance_backers,
    stance_brokers,
    stance_charges,
    stance_comrades,
    stance_decisions,
    stance_drafters,
    stance_epithets,
    stance_facts,
    stance_joint,
    stance_mediation,
    stance_membership,
    stance_model,
    stance_operations,
    stance_opposition,
    stance_ousters,
    stance_partners,
    stance_peoples,
    stance_referrals,
    stance_relief,
    stance_requests,
    stance_retaking,
    stance_sanctions,
    stance_sovereignty,
    stance_speech,
    stance_takeovers,
    stance_two_way,
    stance_veto_uses,
    stance_vetoes,
    stance_votes,
)
from etl.context import ArticleContext
from etl.docindex import DocIndex
from etl.stance_actors import _ActorLookup
from etl.stance_acts import _Acts
from etl.stance_clauses import _Clauses
from etl.stance_cuebook import (
    CueBook,
    _Edge,
    load_cues,
)
from etl.stance_nominal import _Nominals
from etl.stance_references import _References
from etl.stance_verdicts import _Verdicts
from etl.types import Stance, Statement, stable_id


def extract_stances(
    ctx: ArticleContext, statements: Sequence[Statement], cues: CueBook | None = None
) -> list[Stance]:
    """Every stance of one article: the rules' rows, with the learned model applied when
    `etl/rules/stance_model.json` switches it on (`etl.stance_model`)."""
    return stance_model.apply(ctx, statements, rule_stances(ctx, statements, cues))


def rule_stances(
    ctx: ArticleContext, statements: Sequence[Statement], cues: CueBook | None = None
) -> list[Stance]:
    """Every stance the rules find: one row per (source, target, polarity, evidence sentence)."""
    # "N people fled, according to UNHCR" is a citation: the source's statement, not its voice
    # on the actors the sentence names.
    voiced = tuple(s for s in statements if not _cites_a_number(ctx, s))
    finder = _StanceFinder(ctx, voiced, cues or load_cues())
    edges = list(finder.edges())
    # Faults located in a country ("violations ... are still taking place in Syria") only confirm
    # a critical stance the same source already takes toward that country's government here:
    # on their own they cannot tell the government from the place.
    held = {
        (finder.side(s), finder.side(t), e.polarity)
        for e in edges
        for s in e.sources
        for t in e.targets
    }
    for edge in finder.located_faults():
        kept = tuple(
            t
            for t in edge.targets
            if any((finder.side(s), finder.side(t), edge.polarity) in held for s in edge.sources)
        )
        if kept:
            edges.append(_Edge(edge.sources, kept, edge.polarity, edge.cue, edge.negated))
    stances: dict[tuple[str, str, str, int], Stance] = {}
    for edge in edges:
        if edge.polarity == "neutral" and (
            finder.planned(edge.cue) or stance_speech.no_contact(finder, edge.cue)
        ):
            # "would meet the Contact Group on June 3", "urged Beirut to engage with Damascus",
            # "met its refugee goal": no one has met
            continue
        if edge.polarity == "neutral" and stance_speech.realised_partnership(finder, edge.cue):
            # "we are working with the Lebanese authorities": partnership, not mere contact
            edge = dataclasses.replace(edge, polarity="supportive")
        sentence = _trimmed(edge.cue.sent)
        statement = finder.statement_at(edge.cue)
        sources = [s for s in edge.sources if finder.may_hold_stance(s)]
        sources = sources if edge.context else finder.unclaimed(sources, edge)
        if finder.cues.has("plain deed", edge.cue):
            sources = [s for s in sources if not finder.tells_the_news(s, statement)]
        targets = edge.targets
        if edge.polarity == "neutral":
            # Addressing a radio host or a resident is no diplomatic contact.
            targets = tuple(t for t in targets if finder.may_hold_stance(t))
        for source in finder.one_per_side(sources):
            for target in finder.one_per_side(targets):
                if finder.same_side(source, target):
                    continue
                # "stands with the people of Syria as they suffer at the hands of the regime"
                polarity = stance_peoples.solidarity_polarity(
                    ctx, finder.cues, edge.cue, (source, target, edge.polarity), finder.side, held
                )
                key = (source, target, polarity, sentence.start_char)
                if key in stances:
                    continue
                stances[key] = Stance(
                    stance_id=stable_id(
                        ctx.article.article_id, source, target, polarity, sentence.start_char
                    ),
                    article_id=ctx.article.article_id,
                    statement_id=statement.statement_id if statement else None,
                    source_id=source,
                    target_id=target,
                    polarity=polarity,
                    evidence=sentence.text,
                    char_start=sentence.start_char,
                    char_end=sentence.end_char,
                    cue=edge.cue.text,
                    negated=edge.negated,
                )
    # A pair that a sentence already shows critical or supportive is not also merely addressed
    # there ("Russia, Turkey and Iran agree talks": partners in the talks, not only their parties).
    valenced = {
        (s.source_id, s.target_id, s.char_start)
        for s in stances.values()
        if s.polarity != "neutral"
    }
    return sorted(
        (
            s
            for s in stances.values()
            if s.polarity != "neutral" or (s.source_id, s.target_id, s.char_start) not in valenced
        ),
        key=lambda s: (s.char_start, s.source_id, s.target_id, s.polarity),
    )


def _cites_a_number(ctx: ArticleContext, statement: Statement) -> bool:
    if statement.cue != "according to":
        return False
    sent = ctx.sentence_at(statement.char_start)
    return any(t.like_num and t.ent_type_ not in ("DATE", "TIME") for t in sent)


def _trimmed(sent: Span) -> Span:
    start, end = sent.start, sent.end
    while start < end and sent.doc[start].is_space:
        start += 1
    while end > start and sent.doc[end - 1].is_space:
        end -= 1
    return sent.doc[start:end]


class _StanceFinder(_ActorLookup, _References, _Clauses, _Acts, _Verdicts, _Nominals):
    """Walks one article's parse and yields stance edges; see the module docstring for the rules."""

    def __init__(
        self, ctx: ArticleContext, statements: tuple[Statement, ...], cues: CueBook
    ) -> None:
        self.ctx = ctx
        self.statements = statements
        self.cues = cues
        self.led = self._led_nouns()
        self.definite = self._definite_nouns()
        self.adopted = self._adopted_documents()
        self.opposition = stance_opposition.opposition_figures(ctx)
        self._suppressed: dict[int, bool] = {}  # token index -> suppressed(); the parse is fixed
        self._hedges: dict[int, bool] = {}  # token index -> a hedge on the token itself
        self._negators: dict[int, bool] = {}  # token index -> the token is a negating verb
        # (token index, own negator ignored) -> heads up to the first suppressing word
        self._suppressors: dict[tuple[int, bool], int | None] = {}
        self._negations: dict[int, bool] = {}  # token index -> negated(); the parse is fixed

    # ----------------------------------------------------------------------------- cues

    def edges(self) -> Iterator[_Edge]:
        # A rule declared in `etl.stance_gates.TRIGGERS` runs only where its cue words are (the
        # token's own, or its sentence's); a rule with no declaration runs on every token.
        live_at = self.words.live
        for token in DocIndex.of(self.ctx.doc).tokens:  # built once per document
            if token.is_space or token.is_punct:
                continue
            live = live_at[token.i]
            if not live and not token.like_num and token.tag_ != "$" and "-" not in token.text:
                continue  # no rule below can start here: the suppression walk is not needed
            if token.pos_ == "VERB":
                if "_failed_agreement" in live:
                    yield from self._failed_agreement(token)
            if self.suppressed(token):
                continue
            if "_negated_praise" in live:
                yield from self._negated_praise(token)
            if "_refusal" in live:
                yield from self._refusal(token)
            if "_omission" in live:
                yield from self._omission(token)
            if self.negated(token):
                continue
            if token.pos_ in ("VERB", "AUX"):
                yield from self._verb_cues(token, live)
                if "_patronage" in live:
                    yield from self._patronage(token)
            if token.like_num or token.tag_ == "$":
                yield from self._money(token)
            if token.pos_ in ("NOUN", "PROPN", "ADJ", "VERB"):
                if "_blame" in live:
                    yield from self._blame(token)
                if "_concern" in live:
                    yield from self._concern(token)
            if token.pos_ in ("NOUN", "PROPN"):
                if "_nominal" in live:
                    yield from stance_two_way.both_ways(self, self._nominal(token), _Edge)
                if "_predicate" in live:
                    yield from self._predicate(token)
                if "pacts" in live:
                    yield from stance_facts.pacts(self, token, _Edge)
                if "wars" in live:
                    yield from stance_facts.wars(self, token, _Edge)
                if "noun_vetoes" in live:
                    yield from stance_vetoes.noun_vetoes(self, token, _Edge)
                if "veto_uses" in live:
                    yield from stance_veto_uses.veto_uses(self, token, _Edge)
                if "apposed_patrons" in live:
                    yield from stance_facts.apposed_patrons(self, token, _Edge)
                if "reciprocal_roles" in live:
                    yield from stance_facts.reciprocal_roles(self, token, _Edge)
                if "support_held" in live:
                    yield from stance_facts.support_held(self, token, _Edge)
                if "joint_documents" in live:
                    yield from stance_joint.joint_documents(self, token, _Edge)
                if "guarantors" in live:
                    yield from stance_joint.guarantors(self, token, _Edge)
                if "hyphenated_partners" in live:
                    yield from stance_joint.hyphenated_partners(self, token, _Edge)
                if "role_epithets" in live:
                    yield from stance_epithets.role_epithets(self, token, _Edge)
                if "helpers" in live:
                    yield from stance_mediation.helpers(self, token, _Edge)
                if "operation_purposes" in live:
                    yield from stance_operations.operation_purposes(self, token, _Edge)
                if "deeds_told" in live:
                    yield from stance_operations.deeds_told(self, token, _Edge)
                if "deed_targets" in live:
                    yield from stance_operations.deed_targets(self, token, _Edge)
                if "soldiers_killed" in live:
                    yield from stance_operations.soldiers_killed(self, token, _Edge)
                if "memberships" in live:
                    yield from stance_membership.memberships(self, token, _Edge)
                if "under_pacts" in live:
                    yield from stance_partners.under_pacts(self, token, _Edge)
                if "backed_with" in live:
                    yield from stance_partners.backed_with(self, token, _Edge)
                if "at_war_with" in live:
                    yield from stance_partners.at_war_with(self, token, _Edge)
                if "sovereignty_upheld" in live:
                    yield from stance_sovereignty.sovereignty_upheld(self, token, _Edge)
                if "role_names" in live:
                    yield from stance_backers.role_names(self, token, _Edge)
                if "acted_on_request" in live:
                    yield from stance_requests.acted_on_request(self, token, _Edge)
                if "imposed_measures" in live:
                    yield from stance_sanctions.imposed_measures(self, token, _Edge)
                if "talks_brokers" in live:
                    yield from stance_brokers.talks_brokers(self, token, _Edge)
                if "conduct_judged" in live:
                    yield from stance_charges.conduct_judged(self, token, _Edge)
                if "decided_acts" in live:
                    yield from stance_decisions.decided_acts(self, token, _Edge)
            if token.tag_ == "VBG":
                if "wars" in live:
                    yield from stance_facts.wars(self, token, _Edge)  # "fighting between A and B"
            if token.pos_ == "VERB":
                if "admissions" in live:
                    yield from stance_facts.admissions(self, token, _Edge)
                if "vetoes" in live:
                    yield from stance_vetoes.vetoes(self, token, _Edge)
                if "comrades" in live:
                    yield from stance_comrades.comrades(self, token, _Edge)
                if "referrals" in live:
                    yield from stance_referrals.referrals(self, token, _Edge)
                if "unaddressed_relief" in live:
                    yield from stance_relief.unaddressed_relief(self, token, _Edge)
                if "mediators" in live:
                    yield from stance_mediation.mediators(self, token, _Edge)
                if "votes" in live:
                    yield from stance_votes.votes(self, token, _Edge)
                if "drafted_texts" in live:
                    yield from stance_drafters.drafted_texts(self, token, _Edge)
                if "ground_taken" in live:
                    yield from stance_operations.ground_taken(self, token, _Edge)
                if "positions_hit" in live:
                    yield from stance_operations.positions_hit(self, token, _Edge)
                if "fighters_named" in live:
                    yield from stance_operations.fighters_named(self, token, _Edge)
                if "takeovers" in live:
                    yield from stance_takeovers.takeovers(self, token, _Edge)
                if "backed_relatives" in live:
                    yield from stance_backers.backed_relatives(self, token, _Edge)
                if "retaken_ground" in live:
                    yield from stance_retaking.retaken_ground(self, token, _Edge)
                if "relief_obstructed" in live:
                    yield from stance_charges.relief_obstructed(self, token, _Edge)
                if "own_people_struck" in live:
                    yield from stance_charges.own_people_struck(self, token, _Edge)
            if "laments" in live:
                yield from stance_vetoes.laments(self, token, _Edge)
            if token.pos_ in ("VERB", "NOUN"):
                if "answered_appeals" in live:
                    yield from stance_appeals.answered_appeals(self, token, _Edge)
            if token.pos_ == "ADJ":
                if "praised_conduct" in live:
                    yield from stance_facts.praised_conduct(self, token, _Edge)
            if "-" in token.text:
                yield from stance_facts.fused_patrons(self, token, _Edge)
            if "friendly_epithets" in live:
                yield from stance_epithets.friendly_epithets(self, token, _Edge)
            if "pejorative_epithets" in live:
                yield from stance_epithets.pejorative_epithets(self, token, _Edge)
            if "ousters" in live:
                yield from stance_ousters.ousters(self, token, _Edge)

    def _verb_cues(self, verb: Token, live: frozenset[str]) -> Iterator[_Edge]:
        if "_act" in live:
            yield from self._act(verb)
        if "_hostility" in live:
            yield from self._hostility(verb)
        if "_demand" in live:
            yield from self._demand(verb)
        if "_joint" in live:
            yield from self._joint(verb)
        if "_allege" in live:
            yield from self._allege(verb)
        if "_characterise" in live:
            yield from self._characterise(verb)
        if "_designate" in live:
            yield from self._designate(verb)
        if "_dispatch" in live:
            yield from self._dispatch(verb)
