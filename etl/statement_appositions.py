"""A person named beside a title in the subject speaks, not the body or country in the title.

The tagger often misses a name written next to a long title (or tags it a place), and the only
actors left in the subject are the body or country the title names; the body then got the row:
- "The head of the UN-backed humanitarian taskforce for Syria, Jan Egeland, said" (a name in
  apposition to a title);
- "Ramesh Adhikari, the UN's humanitarian coordinator for Ethiopia, told reporters" (a title in
  apposition to a name);
- "Iran's Deputy Foreign Minister for Arab-African Affairs Ansari emphasised" (a surname closing
  the title, of a person the page names in full).
Seen as wrong speakers on holdout_corpus and real_dev11 (the person's row went to the UN, to
Ethiopia, to Iran). A body in apposition ("the agency, UNHCR, said") or a name that is an
actor of another kind is not read this way.
"""

from __future__ import annotations

from spacy.tokens import Token

from etl.context import ArticleContext
from etl.turns import actor_kind, people_of, resolve_name
from etl.types import Mention

# Head nouns of a title that stands for one person.
ROLE_NOUNS = {
    "head",
    "chief",
    "director",
    "coordinator",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "minister",
    "envoy",
    "ambassador",
    "representative",
    "official",
    "commander",
    "leader",
    "secretary",
    "president",
    "chairman",
    "chairwoman",
    "chair",
    "adviser",
    "advisor",
    "commissioner",
    "negotiator",
    "mediator",
}
# Words that close a title right before a surname ("… for Arab-African Affairs Ansari").
_TITLE_PHRASE_WORDS = ROLE_NOUNS | {
    "affairs",
    "foreign",
    "deputy",
    "state",
    "general",
    "defence",
    "defense",
    "interior",
    "development",
}
# Words that make a capitalised phrase a body's name, not a person's.
_BODY_WORDS = {
    "army",
    "agency",
    "committee",
    "council",
    "ministry",
    "office",
    "organization",
    "organisation",
    "front",
    "forces",
    "force",
    "group",
    "brigade",
    "movement",
    "party",
    "union",
    "league",
    "commission",
    "programme",
    "program",
    "fund",
    "nations",
    "department",
    "coalition",
    "crescent",
    "cross",
}
_HONORIFICS = {"mr", "mrs", "ms", "dr", "gen", "sir", "mr.", "mrs.", "ms.", "dr.", "gen."}


def _name_words(head: Token) -> list[Token] | None:
    """The capitalised proper-noun words of a name headed by `head` (its compounds before it),
    honorifics dropped; None when the phrase is anything more than a name."""
    words = [t for t in head.subtree if t.dep_ != "punct"]
    if not words or words[-1].i != head.i:
        return None
    if any(t.pos_ != "PROPN" or not t.text[:1].isupper() for t in words):
        return None
    while words and words[0].lower_ in _HONORIFICS:
        words = words[1:]
    return words if 1 <= len(words) <= 4 else None


def _unresolved_name(
    ctx: ArticleContext, words: list[Token], mentions: list[Mention]
) -> tuple[str | None, str] | None:
    """The speaker a name no actor of another kind sits on stands for: a person of the article
    with that surname, else (two words or more) the name itself."""
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    if any(w.lower_ in _BODY_WORDS for w in words):
        return None  # "the head of the group, Free Syrian Army": a body's name
    for mention in ctx.mentions_in(start, end):
        actor = ctx.actors.get(mention.actor_id)
        if (
            actor is not None
            and actor.kind != "person"
            and (actor.source != "discovered" or len(words) < 2)
        ):
            return None  # "the agency, UNHCR, said": a body in apposition; a name the tagger
            # took for an organisation ("Lars Oddvik" tagged ORG) is still a person's
    name = " ".join(w.text for w in words)
    found = resolve_name(ctx, name, start, start, people_of(ctx))
    if found is None or (found[0] is None and len(words) < 2):
        return None
    if found[0] is not None and actor_kind(ctx, found[0]) != "person":
        return None
    return found


def person_beside_title(
    ctx: ArticleContext, verb: Token, subject: Token, mentions: list[Mention]
) -> tuple[str | None, str] | None:
    """The person a title-and-name subject names, when no person actor is among its mentions."""
    if any(actor_kind(ctx, m.actor_id) == "person" for m in mentions):
        return None
    if subject.lemma_.lower() in ROLE_NOUNS:
        # "The head of the taskforce, Jan Egeland, said"
        for child in _title_appositions(subject, verb):
            if (words := _name_words(child)) is not None:
                return _unresolved_name(ctx, words, mentions)
    elif subject.pos_ == "PROPN":
        # "Ramesh Adhikari, the UN's humanitarian coordinator for Ethiopia, told"
        if any(c.dep_ == "appos" and c.lemma_.lower() in ROLE_NOUNS for c in subject.children) and (
            words := _name_words_before_appos(subject)
        ):
            return _unresolved_name(ctx, words, mentions)
    return surname_after_title(ctx, verb)


def _title_appositions(subject: Token, verb: Token) -> list[Token]:
    """Names in apposition to the title: the subject's own, or one the parser hung on the last
    noun of the title ("The head of the UN refugee agency in Sudan, Mamadou Diallo, said":
    "Diallo" read as naming "agency"), when only its closing comma stands before the verb."""
    own = [c for c in subject.children if c.dep_ == "appos"]
    if own:
        return own
    doc = subject.doc
    return [
        t
        for t in subject.subtree
        if t.dep_ == "appos"
        and t.head.dep_ == "pobj"
        and t.i + 2 == verb.i
        and doc[t.i + 1].text == ","
        and doc[t.i - len(list(t.lefts)) - 1].text == ","
    ]


def _name_words_before_appos(subject: Token) -> list[Token] | None:
    """The name a subject is, without its apposition ("Ramesh Adhikari, the UN's …")."""
    words = sorted(
        [c for c in subject.children if c.dep_ == "compound" and c.i < subject.i] + [subject],
        key=lambda t: t.i,
    )
    if words[-1].i - words[0].i != len(words) - 1:
        return None  # not one run of words
    if any(t.pos_ != "PROPN" or not t.text[:1].isupper() for t in words):
        return None
    while words and words[0].lower_ in _HONORIFICS:
        words = words[1:]
    return words if 1 <= len(words) <= 4 else None


def surname_after_title(ctx: ArticleContext, verb: Token) -> tuple[str | None, str] | None:
    """ "Iran's Deputy Foreign Minister for Arab-African Affairs Ansari emphasised": one
    capitalised word right before the verb, after a title word, that is the surname of a person
    the article names in full."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].lower_ in ("has", "have", "had", "also"):
        i -= 1
    if i < 1 or doc[i].pos_ != "PROPN" or not doc[i].text[:1].isupper():
        return None
    word = doc[i]
    if doc[i - 1].pos_ == "PROPN" and doc[i - 1].lower_ not in _TITLE_PHRASE_WORDS:
        return None  # two capitalised words: a full name, the tagger's to find
    window = doc[max(0, i - 8) : i]
    if not any(t.lower_ in ROLE_NOUNS for t in window):
        return None
    if ctx.mentions_in(word.idx, word.idx + len(word)):
        return None
    surname = word.lower_
    for actor_id in people_of(ctx):
        actor = ctx.actors.get(actor_id)
        names = actor.name.split() if actor is not None else []
        if len(names) > 1 and names[-1].lower() == surname:
            return actor_id, actor.name
    return None
