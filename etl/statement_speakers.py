"""Who speaks in an attribution or a reporting verb's subject phrase.

A person first, else an organisation or country; never the one spoken to; a possessor only when
nothing else is named. Names the tagger missed after a title ("Representative to the UN Jane
Doe said"), bare surnames ("Ban said") and "officials said" with a country named before are
read here too.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from spacy.tokens import Token

from etl.body_references import body_back_reference
from etl.context import ArticleContext
from etl.joint_speakers import is_back_reference, plural_antecedent
from etl.listed_parties import around_someone, holder_in_title
from etl.speaker_modifiers import describing_only
from etl.statement_verbs import _is_reporting
from etl.turns import actor_kind, voice_of
from etl.types import Mention


def _speaker_of_clause(ctx: ArticleContext, start: int, end: int) -> tuple[str | None, str] | None:
    """The actor who speaks in an attribution clause: a person first, else an organisation or
    country; never the one spoken to ("X told his counterpart, Y")."""
    mentions = [m for m in ctx.mentions_in(start, end) if not _addressee(ctx, m)]
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    subjects = [
        t
        for t in span or ()
        if t.dep_ == "nsubj" and _is_reporting(t.head) and start <= t.head.idx < end
    ]
    mentions = _outside_relative_clauses(subjects, mentions)
    for subject in subjects:
        if around_someone(subject):
            return None  # "“…,” critics of Prime Minister Jane Doe said": not Jane Doe
        if not any(m.char_start <= subject.idx < m.char_end for m in mentions):
            holder = holder_in_title(ctx, subject, mentions)
            if holder is not None:  # "said US Ambassador to Jordan, Alice G. Wells"
                return voice_of(ctx, holder.actor_id), holder.text
            named = (
                _name_subject(ctx, subject)
                or body_back_reference(ctx, subject)
                or _untagged_name(ctx, subject, mentions)  # "British ambassador to the UN Jane Doe"
            )
            if named is not None:  # "Ban, at the start of a conference hosted by UNHCR, said:"
                return named
            if is_back_reference(subject):
                # "“…,” the three mediators said in a joint statement": the parties named
                # together before; `with_joint_speakers` gives each its row (or drops it)
                joint = plural_antecedent(ctx, subject.sent)
                if joint:
                    return joint[0], ctx.name_of(joint[0]) or joint[0]
                return None, subject.text
    if not mentions:
        return None
    return _pick_speaker(ctx, mentions)


def _outside_relative_clauses(subjects: list[Token], mentions: list[Mention]) -> list[Mention]:
    """ "said the ambassador, who met Jane Doe on Sunday": a name in the relative clause that
    describes the speaker is someone the speaker met, not the speaker."""
    described = [
        (c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
        for t in subjects
        for c in t.children
        if c.dep_ == "relcl"
    ]
    return [
        m for m in mentions if not any(a <= m.char_start and m.char_end <= b for a, b in described)
    ]


def _name_subject(ctx: ArticleContext, subject: Token) -> tuple[str | None, str] | None:
    """A capitalised name the tagger left without an actor, as the subject of a reporting verb:
    the person of the article with that surname ("Ban" for Ban Ki-moon), else the name itself
    ("Dana said")."""
    if subject.pos_ != "PROPN" or not subject.text[:1].isupper() or subject.text.isupper():
        return None
    words = [t for t in subject.subtree if t.dep_ in ("compound", "flat") or t.i == subject.i]
    words = [t for t in words if t.i <= subject.i and t.pos_ == "PROPN" and t.text[:1].isupper()]
    if not words or words[-1].i != subject.i or subject.i - words[0].i + 1 != len(words):
        return None
    if len(words) == 1 and subject.i > 0 and subject.doc[subject.i - 1].pos_ in ("PROPN", "DET"):
        return None  # "the Ministry", "Health Ministry": not a bare name
    from etl.turns import bare_name, people_of, resolve_name

    first = words[0]
    before = first.doc[first.i - 1] if first.i > 0 else None
    if (
        before is not None
        and before.text in ("\u201c", '"', "'", "\u2018")
        and not before.whitespace_
    ):
        return None  # "“Aleppo Today” was playing": a title in quotation marks
    name = bare_name(" ".join(t.text for t in words))  # "Mr. Ban" -> "Ban"
    if name.lower() in _TITLE_WORDS:
        return None  # "Russian Ambassador to the UN Jane Doe said": a title, not a name
    if len(name.split()) > 1:
        return resolve_name(ctx, name, first.idx, first.idx, people_of(ctx))
    for actor_id in people_of(ctx):  # a word of a person's name: "Ban" of Ban Ki-moon
        actor = ctx.actors.get(actor_id)
        if actor is not None and name in actor.name.split():
            return actor_id, actor.name
    if not name or (_opens_sentence(first) and not _named_mid_sentence(ctx, name)):
        return None  # "Gangs have grown ...": a capital that only opens the sentence
    return None, name


def _opens_sentence(token: Token) -> bool:
    """The token opens its sentence (a closing quote or a comma before it does not count)."""
    if not token.is_sent_start or token.i == 0:
        return token.is_sent_start
    return token.doc[token.i - 1].text not in ("\u201d", '"', "'", "\u2019", ",")


def _named_mid_sentence(ctx: ArticleContext, word: str) -> bool:
    """The word is written with its capital inside a sentence somewhere in the article."""
    return any(t.text == word and not t.is_sent_start for t in ctx.doc)


_ADDRESSEE_DEPS = ("dobj", "dative", "iobj")


def _addressee(ctx: ArticleContext, mention: Mention) -> bool:
    """The mention is the object of a reporting verb, or named beside it ("told his
    counterpart, Y"; "said to Y"): the one spoken to."""
    span = ctx.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            return False
        if node.dep_ in _ADDRESSEE_DEPS and _is_reporting(head):
            return True
        if (
            node.dep_ == "pobj"
            and head.lower_ == "to"
            and head.head.i != head.i
            and _is_reporting(head.head)
        ):
            return True
        if node.dep_ not in ("appos", "compound", "poss", "amod", "conj", "flat"):
            if node.dep_ not in _ADDRESSEE_DEPS and node.dep_ != "pobj":
                return False
        node = head
    return False


def _pick_speaker(ctx: ArticleContext, mentions: Sequence[Mention]) -> tuple[str | None, str]:
    """A person first, else an organisation or country; a possessor ("Burhan's envoy",
    "Bangladesh's prime minister") only when nothing else is named."""
    owned = [m for m in mentions if not _possessor(ctx, m) or _owns_words(ctx, m)]
    owned = owned or list(mentions)
    people = [m for m in owned if actor_kind(ctx, m.actor_id) == "person"]
    chosen = people[0] if people else owned[0]
    if not people:
        # "the UN World Food Programme": the name that heads the phrase, not its modifier.
        for later in owned[owned.index(chosen) + 1 :]:
            actor = ctx.actors.get(later.actor_id)
            if ctx.body[chosen.char_end : later.char_start].strip() or (
                actor is None or actor.source == "discovered"
            ):
                break
            chosen = later
        chosen = _named_in_parentheses(ctx, owned, chosen)
    if _possessor(ctx, chosen) and _OFFICE.match(ctx.body, chosen.char_end + 2):
        # "the Prime Minister's Office said": the government speaks, that is the country.
        country = ctx.country_of(chosen.actor_id)
        if country is not None:
            actor = ctx.actors.get(country)
            return country, actor.name if actor else country
    if _possessor(ctx, chosen):
        named = _appositive_name(ctx, chosen)
        if named is not None:  # "Mr Youssef's cousin, Alaa, told"
            return named
    return voice_of(ctx, chosen.actor_id), chosen.text


_KNOWN_AS = re.compile(r"\b(?:known as|called|dubbed|named)\s+(?:the\s+)?$|\bknown as\b")


def _named_in_parentheses(
    ctx: ArticleContext, mentions: Sequence[Mention], chosen: Mention
) -> Mention:
    """ "The UN Office for Co-ordination of Humanitarian Affairs (OCHA) said": the body whose
    acronym follows the phrase in parentheses, one of the chosen parent's own bodies, speaks;
    so does the name a described body is "known as"."""
    for later in mentions[mentions.index(chosen) + 1 :]:
        actor = ctx.actors.get(later.actor_id)
        gap = ctx.body[chosen.char_end : later.char_start]
        if actor is not None and len(gap) <= 80 and _KNOWN_AS.search(gap):
            # "the main opposition group, known as the Higher Negotiating Committee, or HNC,
            # said": the name it is known by, the gazetteer's when one of the names is
            named = [
                m
                for m in mentions[mentions.index(later) :]
                if m.char_start - later.char_start <= 80
            ]
            known = [
                m
                for m in named
                if getattr(ctx.actors.get(m.actor_id), "source", None) != "discovered"
            ]
            return (known or named)[0]
        if (
            actor is not None
            and actor.country_id == chosen.actor_id
            and ctx.body[later.char_start - 1 : later.char_start] == "("
            and ctx.body[later.char_end : later.char_end + 1] == ")"
            and later.char_start - chosen.char_end <= 100
        ):
            return later
    return chosen


# "'s cousin, Alaa," / "'s spokesman, Chris Day,": the name the possessed noun is given.
_APPOSITIVE_NAME = re.compile(
    r"(?:'s|\u2019s)\s+(?:[a-z-]+\s+){0,3}[a-z-]+,\s+"
    r"(?P<name>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2}),"
)


def _appositive_name(ctx: ArticleContext, owner: Mention) -> tuple[str | None, str] | None:
    match = _APPOSITIVE_NAME.match(ctx.body, owner.char_end)
    if match is None:
        return None
    start, end = match.start("name"), match.end("name")
    on_name = [m for m in ctx.mentions_in(start, end) if actor_kind(ctx, m.actor_id) == "person"]
    if on_name:
        return voice_of(ctx, on_name[0].actor_id), on_name[0].text
    if ctx.mentions_in(start, end):
        return None  # a country or body named there, not a person
    return None, match.group("name")


# "the Prime Minister's Office said", "Maduro's government has asked", "Assad's regime has
# denied": the government speaks, that is the owner's country.
_OFFICE = re.compile(
    r"\s+(?:Office|Department|Ministry|Cabinet|[Gg]overnment|[Rr]egime|[Aa]dministration)\b"
)


def _possessor(ctx: ArticleContext, mention: Mention) -> bool:
    """ "Burhan's envoy", and a plural name's bare apostrophe: "the United Nations' refugee
    agency"."""
    after = ctx.body[mention.char_end : mention.char_end + 2]
    return after in ("'s", "\u2019s") or (
        ctx.body[mention.char_end - 1 : mention.char_end] == "s"
        and after[:1] in ("'", "\u2019")
        and after[1:2] == " "
    )


_OWN_WORDS = re.compile(
    r"(?:'s|\u2019s)\s+(?:latest\s+|recent\s+|own\s+|new\s+|written\s+|opening\s+)?"
    r"(?:statement|remarks|speech|letter|message|address|report|communiqu[eé]|declaration)\b",
    re.I,
)


def _owns_words(ctx: ArticleContext, mention: Mention) -> bool:
    """ "according to Secretary-General Jane Doe's statement": the owner of the words speaks."""
    return bool(_OWN_WORDS.match(ctx.body, mention.char_end))


_OFFICIALS = {"official", "officials", "authorities", "authority"}
# "The government said", "the Federal Government has announced", "The govt said": the government
# of the country the page is about (gold of real_dev3 … real_dev7, five sets).
_GOVERNMENT_NOUNS = {"government", "govt"}


# People who speak from a country without speaking for it.
_UNOFFICIAL = {
    "activists",
    "residents",
    "witnesses",
    "sources",
    "analysts",
    "experts",
    "locals",
    "people",
    "civilians",
    "refugees",
    "observers",
    "campaigners",
    "rebels",
    "insurgents",
    "fighters",
    "militants",
    "protesters",
    "demonstrators",
}


# People around an actor, who do not speak for it: "the loyalists of Saleh proposed talks".
_FOLLOWERS = {"loyalist", "supporter", "follower", "sympathiser", "sympathizer", "partisan"}


# Qualifiers that make officials or leaders speak for a community, not for a state.
_NON_STATE = {"tribal", "community", "local", "religious", "village", "clan", "camp", "rebel"}


def _anonymous_person(subject: Token) -> bool:
    """ "An Afghan woman who got onto a flight tells the BBC": one unnamed person, described by
    nationality, is no voice of the country (an official is: "a US defense official said")."""
    if subject.pos_ != "NOUN" or subject.lemma_.lower() in _SPEAKING_ROLES:
        return False
    return any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "one", "another") for c in subject.children
    )


# Unnamed people who speak for their state or body when described by its name.
_SPEAKING_ROLES = {
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "diplomat",
    "envoy",
    "ambassador",
    "representative",
    "officer",
    "commander",
    "source",
    "statement",
}


def _unofficial_group(ctx: ArticleContext, subject: Token, mentions: list[Mention]) -> bool:
    """ "Yemeni tribal officials say", "Rohingya leaders in Bangladesh told": officials or leaders
    of a community, the country named only as their qualifier or their place."""
    if subject.lemma_.lower() not in {"official", "leader", "elder", "chief", "representative"}:
        return False
    if any(c.dep_ == "amod" and c.lower_ in _NON_STATE for c in subject.children):
        return True
    located = {
        t.idx for c in subject.children if c.dep_ == "prep" for t in c.subtree
    }  # "in Bangladesh"
    return bool(mentions) and all(m.char_start in located for m in mentions)


def _untagged_name(
    ctx: ArticleContext, subject: Token, mentions: list[Mention]
) -> tuple[str | None, str] | None:
    """The name closing the subject when the tagger missed it ("China's Permanent
    Representative to the UN Ma Zhaoxu said"): two or three capitalised words right before the
    verb, none an actor's mention, after a title; a person of the article with that surname
    when there is one."""
    last = subject.right_edge
    if last.pos_ != "PROPN" or not last.text[:1].isupper():
        return None
    words = [last]
    node = last.doc[last.i - 1] if last.i > subject.left_edge.i else None
    while (
        node is not None
        and len(words) < 3
        and node.pos_ == "PROPN"
        and node.text[:1].isupper()
        and node.lower_ not in _TITLE_WORDS
        and node.i > subject.left_edge.i
        and node.doc[node.i - 1].pos_ not in ("ADP", "DET")
    ):
        words.insert(0, node)
        node = node.doc[node.i - 1]
    if len(words) < 2 or words[0].i <= subject.left_edge.i:
        return None  # a bare name with nothing before it is the tagger's to find
    before = subject.doc[subject.left_edge.i : words[0].i]
    if not any(
        t.lower_ in _TITLE_WORDS - {"state", "affairs", "nations", "council", "un"} for t in before
    ):
        return None  # "the Syrian Observatory for Human Rights": an organisation's name
    start, end = words[0].idx, last.idx + len(last)
    if any(m.char_start < end and m.char_end > start for m in mentions):
        return None
    name = " ".join(w.text for w in words)
    from etl.turns import people_of, resolve_name

    return resolve_name(ctx, name, start, start, people_of(ctx))


def _untagged_before_verb(ctx: ArticleContext, verb: Token) -> tuple[str | None, str] | None:
    """A subjectless reporting verb after a title and a name the tagger missed or swallowed into
    an organisation ("..., Russian Deputy Permanent Representative to the United Nations Jane
    Doe said on Friday"): two or three capitalised words right before the verb, none an actor's
    mention, with a title word among the eight words before them."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].lower_ in ("has", "have", "had", "also"):
        i -= 1
    words: list[Token] = []
    while (
        i >= 0
        and len(words) < 3
        and doc[i].pos_ == "PROPN"
        and doc[i].text[:1].isupper()
        and doc[i].lower_ not in _TITLE_WORDS
    ):
        words.insert(0, doc[i])
        i -= 1
    if len(words) < 2:
        return None
    window = doc[max(0, words[0].i - 8) : words[0].i]
    if not any(
        t.lower_ in _TITLE_WORDS - {"state", "affairs", "nations", "council", "un"} for t in window
    ):
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    if ctx.mentions_in(start, end):
        return None
    name = " ".join(w.text for w in words)
    from etl.turns import people_of, resolve_name

    return resolve_name(ctx, name, start, start, people_of(ctx))


_PLACE_KINDS = {"country", "city", "place", "region"}


def _person_over_place(
    ctx: ArticleContext, subject: Token, mentions: list[Mention]
) -> tuple[str | None, str] | None:
    """A person whose first name is a place ("Paris Aristotle said"): the tagger reads the
    whole name as a person while the gazetteer matched only the place in it."""
    if subject.pos_ != "PROPN" or subject.ent_type_ != "PERSON" or not mentions:
        return None
    if any(m.char_start <= subject.idx < m.char_end for m in mentions):
        return None
    entity = next((e for e in subject.doc.ents if e.start <= subject.i < e.end), None)
    if entity is None or entity.label_ != "PERSON" or len(entity) < 2:
        return None
    inside = [m for m in mentions if entity.start_char <= m.char_start < entity.end_char]
    if not inside or any(actor_kind(ctx, m.actor_id) not in _PLACE_KINDS for m in inside):
        return None
    from etl.turns import people_of, resolve_name

    start = entity.start_char
    return resolve_name(ctx, entity.text, start, start, people_of(ctx))


_TITLE_WORDS = {
    "minister",
    "secretary",
    "president",
    "ambassador",
    "representative",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "general",
    "director",
    "chief",
    "commissioner",
    "state",
    "affairs",
    "nations",
    "council",
    "un",
    "u.n.",
}


def _home_country(ctx: ArticleContext, subject: Token) -> tuple[str | None, str] | None:
    """ "officials said", "authorities confirmed", "the government pledged" with no country
    named: the government of the country the article has named most so far (at least three
    times), if one leads clearly."""
    if subject.lower_ not in _OFFICIALS | _GOVERNMENT_NOUNS or any(
        c.dep_ in ("poss", "amod", "compound", "prep") and not _office_word(ctx, c)
        for c in subject.children
    ):
        return None
    if subject.lower_ in _GOVERNMENT_NOUNS and not any(
        c.dep_ == "det" and c.lower_ == "the" for c in subject.children
    ):
        return None  # "a government", "governments": not the one the story is about
    government = subject.lower_ in _GOVERNMENT_NOUNS
    named = None if government else _officials_named_before(ctx, subject.idx)
    if named is not None:
        return named
    return _leading_country(ctx, subject.idx, whole_page=government)


def _leading_country(
    ctx: ArticleContext, before: int, *, whole_page: bool
) -> tuple[str | None, str] | None:
    """The country the page (or the text before `before`) names most, at least three times
    and twice as often as any other."""
    government = whole_page
    counts: dict[str, int] = {}
    # "The government" is the one of the country the whole page names (a demonym names the
    # people a story is about, "Syrian refugees", not the government that acts on them)
    scope = ctx.mentions if government else ctx.mentions_in(0, before)
    for mention in scope:
        if government and mention.how == "demonym":
            continue
        actor = ctx.actors.get(mention.actor_id)
        country = actor.actor_id if actor and actor.kind == "country" else None
        if country is None and actor is not None and actor.kind in ("government", "person"):
            country = actor.country_id
        if country:
            counts[country] = counts.get(country, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not _leads(ranked, government):
        return None
    country = ranked[0][0]
    actor = ctx.actors.get(country)
    return country, actor.name if actor else country


def _leads(ranked: list[tuple[str, int]], government: bool) -> bool:
    """Whether the most named country leads: named at least three times and twice as often as
    the next. "The government" of a page is its own country's on a looser lead, half as often
    again as the next ("Australia" 14, "Syria" 9 on a page about Australia's intake), or the
    only country named, twice ("Ethiopia's Amhara region", "across Ethiopia")."""
    if not ranked:
        return False
    top = ranked[0][1]
    if len(ranked) == 1 and government:
        return top >= 2
    if top < 3:
        return False
    if len(ranked) == 1:
        return True
    return ranked[1][1] * (1.5 if government else 2) <= top


# Words that say which office unnamed officials serve in, not whose: "Government officials
# say", "immigration officials", "A Defense Department official said", "senior officials".
_OFFICE_WORDS = {
    "government",
    "senior",
    "top",
    "immigration",
    "defense",
    "defence",
    "department",
    "state",
    "foreign",
    "ministry",
    "military",
    "security",
    "administration",
    "federal",
    "justice",
    "interior",
    "health",
}


def _office_word(ctx: ArticleContext, modifier: Token) -> bool:
    """A modifier of "officials" made only of office words, naming no actor."""
    words = list(modifier.subtree)
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    return all(t.lower_ in _OFFICE_WORDS for t in words) and not ctx.mentions_in(start, end)


_OFFICIALS_AFTER = re.compile(
    r"(?:\s+(?:government|defen[cs]e|administration|military|state|security|foreign ministry))?"
    r"\s+(?:officials?|authorities)\b",
    re.I,
)


_OFFICIALS_REACH = 2000  # characters searched back for "Canadian officials"


def _officials_named_before(ctx: ArticleContext, before: int) -> tuple[str | None, str] | None:
    """The country of the latest "Canadian officials" / "Norway's authorities" written before,
    for a bare "officials said" that goes on from them."""
    i = bisect.bisect_left(ctx.mentions, before, key=lambda m: m.char_start) - 1
    while i >= 0 and before - ctx.mentions[i].char_start <= _OFFICIALS_REACH:
        mention = ctx.mentions[i]
        i -= 1
        end = mention.char_end
        if ctx.body[end : end + 2] in ("'s", "\u2019s"):
            end += 2
        if not _OFFICIALS_AFTER.match(ctx.body, end, end + 30):
            continue
        country = ctx.country_of(mention.actor_id)
        if country is None:
            return None
        actor = ctx.actors.get(country)
        return country, actor.name if actor else country
    return None


def _subject_mentions(ctx: ArticleContext, subject: Token) -> list[Mention]:
    """Mentions in the subject phrase itself, not in a clause inside it; of a coordinated
    subject ("X and Y said"), those of the first one named.

    "One Russian official, speaking on background because he wasn't authorized, described..."
    speaks for Russia; the "he" of the embedded clause is not the subject.
    """
    sub_start = subject.left_edge.idx
    sub_end = subject.right_edge.idx + len(subject.right_edge.text)
    conjunct = next((c for c in subject.children if c.dep_ == "conj"), None)
    if conjunct is not None:
        first = ctx.mentions_in(sub_start, conjunct.left_edge.idx)
        # A country or body known to the gazetteer before a person ("Canada and its minister
        # X said") leaves the person first in line; a name, even one the tagger took for an
        # organisation, is the first speaker.
        if any(
            actor_kind(ctx, m.actor_id) == "person"
            or getattr(ctx.actors.get(m.actor_id), "source", None) == "discovered"
            for m in first
        ):
            sub_end = conjunct.left_edge.idx
    kept = []
    for mention in ctx.mentions_in(sub_start, sub_end):
        span = ctx.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
        if span is None:
            continue
        node, inside_clause = span.root, False
        while node.i != subject.i and node.head.i != node.i:
            node = node.head
            if node.i != subject.i and node.pos_ in ("VERB", "AUX") and not _naming(node):
                inside_clause = True
                break
        if not inside_clause:
            kept.append(mention)
    return describing_only(ctx, subject, kept)  # not "Afghan" of "Afghan pop star"


def _naming(verb: Token) -> bool:
    """ "known as the HNC", "called X": a participle that only gives the subject its name."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_.lower() in ("know", "call")


def _phrase(token: Token) -> str:
    return " ".join(t.text for t in token.subtree)
