"""Stance rules: the clause around a cue - its verb, subject, agents and reporter, and whether it is
negated, hedged, planned or suppressed."""

from __future__ import annotations

import functools

from spacy.tokens import Token

from etl import (
    stance_blocked,
    stance_blocs,
    stance_companions,
    stance_gates,
    stance_joint,
    stance_vetoes,
)
from etl.context import ArticleContext
from etl.stance_cuebook import (
    _FUTURE,
    _MODALS,
    _PASSIVE_SUBJECTS,
    _SUBJECTS,
    CueBook,
    _dateline,
    first_person,
)
from etl.types import Statement


class _Clauses:
    """Clause reading of the stance finder (mixed into `etl.stances._StanceFinder`)."""

    ctx: ArticleContext
    statements: tuple[Statement, ...]
    cues: CueBook

    # ----------------------------------------------------------------------------- clauses

    def statement_at(self, token: Token) -> Statement | None:
        best = None
        for statement in self.statements:
            inside = statement.char_start <= token.idx < statement.char_end
            if inside and (
                best is None
                or statement.char_end - statement.char_start < best.char_end - best.char_start
            ):
                best = statement  # the innermost statement: a quote inside a reported paragraph
        return best

    def speaker(self, token: Token) -> list[str]:
        """Whose words a token is in: the statement's speaker, else the subject of a reporting
        verb above it in the sentence ("She said that ...") when no statement covers it."""
        statement = self.statement_at(token)
        if statement is not None and statement.speaker_id:
            return [statement.speaker_id]
        return self._reported_by(token) or []

    def clause_verb(self, token: Token) -> Token:
        """The verb of the clause a token sits in (itself when it is one)."""
        current = token
        for _ in range(8):
            if current.pos_ in ("VERB", "AUX") or current.dep_ == "ROOT":
                return current
            current = current.head
        return current

    def subject_of(self, verb: Token) -> tuple[Token | None, bool]:
        """The subject a verb's action belongs to, climbing through control and participles.

        Returns (subject, passive): a passive subject is the one acted upon. An action named
        inside a noun phrase ("Western obsession with toppling Assad") belongs to the noun's
        owner, which is returned as the subject.
        """
        current = verb
        for _ in range(6):
            subject, passive = _Clauses._own_subject(current)
            if subject is not None:
                return subject, passive
            if current.dep_ in ("xcomp", "conj", "advcl") and current.head.i != current.i:
                current = current.head
            elif (
                current.dep_ == "pcomp"
                and current.head.dep_ == "prep"
                and current.head.head.pos_ in ("VERB", "ADJ", "AUX")
            ) or (
                current.dep_ == "acl"
                and current.head.dep_ in ("dobj", "attr")
                and current.head.head.pos_ in ("VERB", "AUX")
            ):
                # "focused on destroying ISIS", "issued a statement urging ...": the governing verb acts.
                current = current.head.head
            else:
                noun = (
                    current.head.head
                    if current.dep_ == "pcomp"
                    else current.head
                    if current.dep_ == "acl"
                    else None
                )
                if noun is not None and noun.pos_ in ("NOUN", "PROPN"):
                    owner = next(
                        (
                            c
                            for c in noun.children
                            if c.dep_ == "poss" or (c.dep_ == "amod" and c.text[:1].isupper())
                        ),
                        None,
                    )
                    if owner is not None:
                        return owner, False
                break
        return None, False

    @staticmethod
    def _own_subject(verb: Token) -> tuple[Token | None, bool]:
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS]
        if len(subjects) > 1:
            # "NAIROBI, Oct 3 (Wire) - The UN Security Council authorised ...": a dateline
            # parsed as a second subject; the one nearest the verb acts.
            subjects = [s for s in subjects if not _dateline(s)] or subjects
        if not subjects:
            return None, False
        subject = _past_dateline(subjects[-1])
        return subject, subject.dep_ in _PASSIVE_SUBJECTS

    def planned(self, cue: Token) -> bool:
        """A meeting or call still to come: "will meet", "would hold talks", "plans to meet",
        "talks are due to resume" (the clause's verb, or a verb it depends on, says so)."""
        current = self.clause_verb(cue)
        for _ in range(3):
            if current.lemma_.lower() in ("continue", "keep"):
                return False  # "would continue to work with Pakistan": going on already
            if any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in current.children):
                return True
            if current.i != cue.i and self.cues.has("planned", current):
                return True
            if current.dep_ not in ("xcomp", "conj", "acl", "advcl") or current.head.i == current.i:
                return False
            current = current.head
        return False

    def has_modal(self, verb: Token) -> bool:
        current = verb
        for _ in range(3):
            if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in current.children):
                return True
            if current.dep_ not in ("xcomp", "conj", "advcl"):
                return False
            current = current.head
        return False

    def agents(self, verb: Token) -> list[str] | None:
        """Who performs the act of `verb`: its subject's actors, else the statement's speaker.

        An empty list means the subject is a named but unknown party, so there is no source.
        """
        if stance_blocked.content_of_opposed_document(self.cues, verb):
            return []  # "vetoed a resolution calling for ...": the text's words, not theirs
        subject, passive = self.subject_of(verb)
        if passive:
            agent = self.prep_objects(verb, {"by"})
            subject = agent[0] if agent else None
        if subject is None or first_person(subject):
            return self.speaker(verb)
        if stance_joint.is_parties_noun(self, subject):
            # "The sides reiterated ...": the parties last named together before.
            return stance_joint.named_parties(self, verb)
        if subject.tag_ in ("WDT", "WP"):
            # "a force that seeks to destroy Israel": the relative clause's noun acts.
            clause = subject.head
            while (
                clause.dep_ not in ("relcl", "acl")
                and clause.head.i != clause.i
                and clause.pos_ in ("VERB", "AUX")
            ):
                clause = clause.head
            antecedent = clause.head if clause.dep_ in ("relcl", "acl") else None
            if antecedent is None:
                return []
            return self.actors_of(_own_antecedents(self.phrase(antecedent, deep=False), clause))
        actors = (
            self.actors_of(self.phrase(subject, deep=False))
            or self._group_of(subject)
            or stance_blocs.bloc_agents(self, subject)
            # "Countries including the UK, Japan and Turkey expressed support for ..."
            or stance_blocs.listed_agents(self, subject)
        )
        if actors:
            actors += [a for a in stance_companions.companions(self, subject) if a not in actors]
            if verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_.lower() == "join":
                # "China joined Russia to veto the move": who was joined acts too.
                joined = [t for o in verb.head.children if o.dep_ == "dobj" for t in o.subtree]
                actors += [a for a in self.actors_of(joined) if a not in actors]
        if actors or subject.dep_ in ("poss", "amod"):
            return (
                actors  # an owner that is no known actor ("Western obsession") is nobody's stance
            )
        if subject.pos_ == "PRON" or subject.lower_ in ("country", "government"):
            return self.speaker(verb)
        if subject.tag_ == "NNS" and self.cues.has("other parties", subject):
            # "International donors pledged ..., the EU said": the reporter is not among them.
            return []
        if subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return []
        return self.speaker(verb)

    def _group_of(self, subject: Token) -> list[str]:
        """The body a subject belongs to when it names none itself: "Foreign ministers from the G7",
        and after a dateline ("WEISSENHAUS, Germany -- Ministers from the G7 pledged") the last
        apposition that names one."""
        # A dateline can take the subject's place in the parse: "BRUSSELS -- Ministers ... pledged".
        siblings = [c for c in subject.head.children if c.dep_ in _SUBJECTS and c is not subject]
        appositions = [c for c in subject.children if c.dep_ == "appos"]
        for head in (subject, *reversed(appositions), *siblings):
            if head.pos_ != "NOUN":
                continue
            members = [
                t
                for prep in head.children
                if prep.dep_ == "prep" and prep.lower_ in ("from", "of")
                for pobj in prep.children
                if pobj.dep_ == "pobj"
                for t in self.phrase(pobj, deep=False)
            ]
            actors = self.actors_of(members)
            if actors:
                return actors
        return []

    def reporter(self, token: Token) -> list[str]:
        """Who states a fault or concern: the subject of the nearest reporting verb above, else the
        speaker ("as the U.S. asserts" inside a Russian statement is the U.S.'s claim)."""
        reported = self._reported_by(token)
        return reported if reported is not None else self.speaker(token)

    def _reported_by(self, token: Token) -> list[str] | None:
        """Actors of the subject of the nearest reporting verb above token; None when there is no
        reporting verb with a subject of its own, or its subject is the statement's speaker."""
        current = token
        for _ in range(12):
            if current.head.i == current.i:
                return None
            current = current.head
            if current.pos_ not in ("VERB", "AUX") or not self.cues.has("reporting", current):
                continue
            subject, passive = self._own_subject(current)
            if subject is None or passive:
                # "..., asserting that ...": a participle without its own subject; look further up.
                continue
            if first_person(subject):
                return None
            actors = self.actors_of(self.phrase(subject, deep=False))
            return actors or None
        return None

    # ----------------------------------------------------------------------------- negation

    def negated(self, token: Token) -> bool:
        """A negation on the cue or on the verbs and nouns that carry it ("did not condemn", "no support")."""
        known = self._negations.get(token.i)
        if known is None:
            known = self._negations[token.i] = self._walk_negated(token)
        return known

    def _walk_negated(self, token: Token) -> bool:
        words = self.words
        current = token.i
        for _ in range(4):
            if current in words.negated_heads:
                return True
            dep = words.deps[current]
            if dep not in _NEGATION_CARRIERS and not (
                # "did not back the resolution condemning Israel": a participle of the object
                # borrows the governing verb's subject (`subject_of`), and so its negation
                dep == "acl" and words.deps[words.heads[current]] in _OBJECTS_LENDING
            ):
                return False
            current = words.heads[current]
        return False

    def suppressed(self, token: Token) -> bool:
        """Under a negating verb ("refused to criticize", "denied that ..."), in a hypothesis
        ("whether ...", "Qatar may host ...") or in the unreal past ("would have backed ...")."""
        known = self._suppressed.get(token.i)
        if known is None:
            known = self._suppressed[token.i] = self._walk_suppressed(token) or (
                # a charge in the speaker's own words stands whatever the clause imagines ("any
                # text that would have defended civilians from Assad's brutality"): nouns are
                # exempt, the verbs below the unreal past are not
                bool(self.words.counterfactual_heads)
                and token.pos_ not in ("NOUN", "PROPN")
                and self._unreal(token)
            )
        return known

    def _unreal(self, token: Token) -> bool:
        """Below a verb of the unreal past ("Germany would have backed a resolution condemning
        Russia if it had been tabled", "should have condemned"): what did not happen. A finite
        verb coordinated with it is a clause of its own ("would have liked a tougher text but
        backed the resolution"); a participle coordinated with it shares its auxiliaries."""
        words = self.words
        current = token.i
        for _ in range(12):
            if current in words.counterfactual_heads:
                return True
            head, dep = words.heads[current], words.deps[current]
            if head == current or dep == "appos":
                return False
            if dep == "conj" and words.doc[current].tag_ != "VBN":
                return False
            current = head
        return False

    def _hedged(self, token: Token) -> bool:
        """A hedge on this very token ("could vote", "whether ... voted"); "could not vote"
        states a fact. Cached: every token below it asks again."""
        known = self._hedges.get(token.i)
        if known is None:
            hedges = [c for c in token.children if c.dep_ in ("mark", "aux")]
            known = False
            if hedges and any(self.cues.has("hedge", c) for c in hedges):
                known = not (
                    any(c.dep_ == "neg" for c in token.children)
                    and not any(c.dep_ == "mark" and self.cues.has("hedge", c) for c in hedges)
                )
            self._hedges[token.i] = known
        return known

    def _negator(self, token: Token) -> bool:
        known = self._negators.get(token.i)
        if known is None:
            known = self._negators[token.i] = self.cues.has("negator", token)
        return known

    def _walk_suppressed(self, token: Token) -> bool:
        # Up the heads from the token, at most 12 words: a hedge, a vetoed text's demand, or a
        # negating verb above the token (not its own subject's verb: "Assad's government and
        # its backer Russia deny ..." - a denial negates what is denied, not the denier's own
        # phrase); an apposition ("Tehran, the rebels' sponsor, denied ...") or the root ends it.
        first = self._first_suppressor(token, True)
        return first is not None and first < 12

    def _first_suppressor(self, token: Token, own: bool) -> int | None:
        """How many heads up from `token` the first word that suppresses it is (None: none up
        to the root or an apposition); `own`: the token's own negating verb does not count.
        Every word up the way asks the same of its head, so the answers are kept per (word,
        own): an article's walks cost one step per word instead of one per word and level."""
        known = self._suppressors
        words = self.words
        pending: list[tuple[int, bool]] = []
        current, skip_negator = token.i, own
        while True:
            key = (current, skip_negator)
            if key in known:
                found = known[key]
                break
            sections = words.sections[current]
            if (
                (current in words.hedge_heads and self._hedged(words.doc[current]))
                # a vetoed text's demand is no one's stance but the veto's
                or (
                    not sections.isdisjoint(words.demand_sections)
                    and stance_vetoes.in_vetoed_text(self, words.doc[current])
                )
                or (
                    not skip_negator and "negator" in sections and self._negator(words.doc[current])
                )
            ):
                found = known[key] = 0
                break
            head = words.heads[current]
            if head == current or words.deps[current] == "appos":
                found = known[key] = None
                break
            pending.append(key)
            skip_negator = words.deps[current] in _SUBJECTS
            current = head
        for key in reversed(pending):
            found = None if found is None else found + 1
            known[key] = found
        return found

    @functools.cached_property
    def words(self) -> stance_gates.ArticleWords:
        """The article's parse as plain lists, with the cue sections and live rules per word."""
        return stance_gates.ArticleWords(self.ctx.doc, self.cues)


# The dependencies through which a negation above a word still negates it ("did not condemn").
_NEGATION_CARRIERS = frozenset(
    {"xcomp", "acomp", "attr", "dobj", "oprd", "amod", "pobj", "prep", "pcomp", "conj"}
)

# The noun relations through which a participle describing the noun borrows the subject of the
# verb above ("issued a statement urging …", "was a text condemning …"), as `subject_of` climbs.
_OBJECTS_LENDING = frozenset({"dobj", "attr"})


def _past_dateline(subject: Token) -> Token:
    """ "UNITED NATIONS (AP) — Russia on Thursday vetoed ...": the parser can take the dateline
    for the subject and hang the true one on it as an apposition after the dash; the dateline's
    place is where the story was filed, never who acts."""
    doc, start = subject.doc, subject.sent.start
    while start < subject.i and doc[start].is_space:
        start += 1
    if subject.left_edge.i != start or not all(
        t.is_upper or not t.is_alpha for t in doc[start : subject.i + 1]
    ):
        return subject
    for child in subject.children:
        if (
            child.dep_ == "appos"
            and child.i > subject.i
            and any(t.text in _DASHES for t in doc[subject.i + 1 : child.left_edge.i])
            # a dateline's agency or date: "(AP) —", ", March 3 -" ("NATO — the alliance —"
            # is a name set off by dashes, not a dateline)
            and any(t.text in ("(", ",") for t in doc[subject.i + 1 : child.left_edge.i])
        ):
            return child
    return subject


_DASHES = {"\u2014", "\u2013", "-", "--"}  # em dash, en dash, hyphen, double hyphen


def _own_antecedents(phrase: list[Token], clause: Token) -> list[Token]:
    """The part of a listed antecedent that a relative clause describes: "Russia and Iran, which
    support the government, and Turkey, which backs the rebels" - the parser hangs both clauses
    on "Russia"; each describes the names between the clause before it and itself."""
    head = clause.head
    earlier = [
        c.right_edge.i
        for c in head.children
        if c.dep_ in ("relcl", "acl") and c.i != clause.i and c.i < clause.i
    ]
    later = [c for c in head.children if c.dep_ in ("relcl", "acl") and c.i > clause.i]
    if not earlier and not later:
        return phrase
    low = max(earlier, default=-1)
    return [t for t in phrase if low < t.i < clause.left_edge.i]
