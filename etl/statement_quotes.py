"""Direct quotes: which quotes stand as statements, and the speaker each names.

A quote that is a clause of its own is a statement; its speaker is named in the attribution
after it (", X said"), in a signature line under it, or in the clause introducing it ("X said:");
an unattributed quote paragraph continues the previous speaker.
"""

from __future__ import annotations

import re

from etl.context import ArticleContext
from etl.statement_marks import QuoteSpan, _words
from etl.statement_speakers import _speaker_of_clause
from etl.statement_verbs import _has_reporting_verb, _is_reporting
from etl.turns import actor_kind, voice_of

_MIN_QUOTE_WORDS = 4  # shorter quoted phrases are scare quotes or titles, not statements


def _single_quote_spoken(ctx: ArticleContext, quote: QuoteSpan) -> bool:
    """Single marks also set off titles and scare quotes ("Click to play video: 'Russia ...'",
    "UN chief: 'Aleppo is ...'"): a quote in them counts when an attribution with a speaker
    follows it, when a reporting clause with a speaker introduces it, or when it opens its
    paragraph with nothing attributing it (a paragraph that carries a quote on)."""
    if _attribution_after(ctx, quote) is not None:
        return True
    if quote.outer_start == 0 or ctx.body[quote.outer_start - 1] == "\n":
        para_end = ctx.body.find("\n", quote.outer_end)
        para_end = len(ctx.body) if para_end == -1 else para_end
        return not _has_reporting_verb(ctx, quote.outer_end, para_end)
    lead_start = ctx.sentence_at(quote.outer_start).start_char
    if quote.outer_start > lead_start and _has_reporting_verb(ctx, lead_start, quote.outer_start):
        return _quote_speaker(ctx, quote) is not None
    return False


def _is_standalone(text: str, quote: QuoteSpan) -> bool:
    """A quote that is a clause of its own, not a phrase embedded in the narrator's sentence."""
    content = text[quote.start : quote.end].strip()
    if _words(content) < _MIN_QUOTE_WORDS:
        return False
    before = text[max(0, quote.outer_start - 40) : quote.outer_start]
    line_start = before.rfind("\n")
    lead = before[line_start + 1 :].rstrip() if line_start != -1 else before.rstrip()
    after = text[quote.outer_end : quote.outer_end + 60]
    ends_clause = bool(re.search(r"[,.?!\u2026]\s*$", content))
    if lead == "" or lead.rstrip('\u201d"').endswith((":", ".", "?", "!")):
        return True  # starts a paragraph or a sentence (after a quote, too), or follows "X said:"
    if re.search(r",\s*$", lead) and (content[:1].isupper() or ends_clause):
        return True  # "X said, “We ...”" or the second half of an interrupted quote
    if _INTRODUCER.search(lead) and content[:1].isupper():
        return True  # "X noted ..., saying “We hope ...”", "He continued that “Ottawa's ...”"
    if (
        ends_clause
        and re.match(r"\s*(?:[a-z]|[A-Z][a-z]+\s+(?:said|says|added|told))", after)
        and content[:1].isupper()
    ):
        return True
    return False


def _quote_speaker(ctx: ArticleContext, quote: QuoteSpan) -> tuple[str | None, str] | None:
    """Speaker named in the attribution after the quote, or in the clause introducing it."""
    text = ctx.body
    sent_after = _attribution_after(ctx, quote)
    if sent_after is not None:
        return sent_after
    signed = _signature_line(ctx, quote)
    if signed is not None:
        return signed
    # "X said: “...”" / "X said, “...”" / "..., she added, “...”"
    before = text[: quote.outer_start].rstrip()
    if before.endswith(":") and quote.outer_start - len(before) > 1:
        # "X said in a video address:" closing the previous paragraph introduces this quote.
        sent = ctx.sentence_at(len(before) - 1)
        found = _speaker_of_clause(ctx, sent.start_char, len(before))
        if found is not None:
            return found
    lead_start = max(0, quote.outer_start - 200)
    lead = text[lead_start : quote.outer_start]
    cut = max(lead.rfind("\n"), lead.rfind("\u201d"), lead.rfind('"'), lead.rfind(". "))
    clause_start = lead_start + cut + 1
    clause = text[clause_start : quote.outer_start]
    if re.search(r"[:,]\s*$", clause) or (
        _INTRODUCER.search(clause) and _has_reporting_verb(ctx, clause_start, quote.outer_start)
    ):
        return _speaker_of_clause(ctx, clause_start, quote.outer_start)
    return None


# A word that hands over to a quotation written right after it: "saying “…”", "added that “…”".
_INTRODUCER = re.compile(r"\b(?:saying|adding|stating|declaring|that)\s*$")


def _signature_line(ctx: ArticleContext, quote: QuoteSpan) -> tuple[str | None, str] | None:
    """Press-release style: the quote's paragraph ends and the next line signs it.

    “We will not stop until they are safe.”
    – The Honourable Jane Doe, Minister of Immigration
    """
    text = ctx.body
    rest = text[quote.outer_end :]
    match = re.match(r"[ \t]*\n\s*[\u2013\u2014-]{1,2}\s*([^\n]{3,200})", rest)
    if not match:
        return None
    start = quote.outer_end + match.start(1)
    mentions = [
        m
        for m in ctx.mentions_in(start, start + len(match.group(1)))
        if actor_kind(ctx, m.actor_id) == "person"
    ]
    if not mentions:
        return None
    return voice_of(ctx, mentions[0].actor_id), mentions[0].text


def _attribution_after(ctx: ArticleContext, quote: QuoteSpan) -> tuple[str | None, str] | None:
    text = ctx.body
    tail_end = text.find("\n", quote.outer_end)
    tail_end = len(text) if tail_end == -1 else tail_end
    tail = text[quote.outer_end : tail_end]
    # The attribution ends at the next quote or sentence end: ", Darchiev said." / ", said John Kirby, a ..."
    masked = re.sub(
        r"\b(Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Prof|Jr|Sr|U\.S|U\.N)\.",
        lambda m: m.group(1) + "_",
        tail,
    )
    stop = re.search(r"[\u201c\"]|(?<=[a-z0-9)])\.(?:\s|$)", masked)
    clause = tail[: stop.start() if stop else len(tail)]
    if not clause.strip() or len(clause) > 220:
        return None
    content = text[quote.start : quote.end].rstrip()
    if not re.match(r"\s*[,\u2014-]?\s*\S", clause) or (
        content.endswith(".") and not clause.lstrip().startswith(("said", "says"))
    ):
        # A quote ending with a full stop is a finished sentence; what follows is a new one.
        if not re.match(r"\s*[a-z]", clause):
            return None
    if not _has_reporting_verb(ctx, quote.outer_end, quote.outer_end + len(clause)):
        return _speaker_without_verb(ctx, quote, tail, len(clause))
    return _speaker_of_clause(ctx, quote.outer_end, quote.outer_end + len(clause))


def _speaker_without_verb(
    ctx: ArticleContext, quote: QuoteSpan, tail: str, length: int
) -> tuple[str | None, str] | None:
    """ "“…, ” Russia's UN Ambassador Jane Doe.": a page that dropped the verb leaves a comma
    inside the quote and, closing its paragraph, a phrase that ends on a person's name."""
    if not ctx.body[quote.start : quote.end].rstrip().endswith(",") or tail[length:].strip(". "):
        return None
    if not re.match(r"\s+[A-Z]", tail) or len(tail[:length].split()) > 8:
        return None
    end = quote.outer_end + length
    people = [
        m
        for m in ctx.mentions_in(quote.outer_end, end)
        if actor_kind(ctx, m.actor_id) == "person" and m.how != "pronoun"
    ]
    if not people or ctx.body[people[-1].char_end : end].strip():
        return None
    return voice_of(ctx, people[-1].actor_id), people[-1].text


def _continuation(
    last: tuple[str | None, str] | None, ctx: ArticleContext, quote: QuoteSpan
) -> tuple[str | None, str] | None:
    """An unattributed paragraph of quotation continues the previous speaker. So does a quote
    attributed to "he" or "she" the tagger left unresolved, unless the previous speaker is no
    person: then the pronoun is the person who is the subject of a sentence just before ("HNC
    spokesman Jane Doe was skeptical. “…,” he told AFP" after the UN spoke)."""
    if last is not None and last[0] is not None and actor_kind(ctx, last[0]) == "person":
        return last
    if not _PRONOUN_ATTRIBUTION.match(ctx.body, quote.outer_end):
        return last
    return _subject_person_before(ctx, quote.outer_start) or last


# ", he told AFP", " she said": an attribution whose subject is a personal pronoun.
_PRONOUN_ATTRIBUTION = re.compile(
    r"[ \t]*[,\u2014-]?[ \t]*(?:he|she)\s+(?:\w+\s+)?(?:said|says|told|tells|added|adds|"
    r"claimed|claims|stressed|noted|explained|warned|insisted|argued|continued)\b"
)
_SUBJECT_REACH = 2  # sentences searched back for the person meant


def _subject_person_before(ctx: ArticleContext, before: int) -> tuple[str | None, str] | None:
    """The last person named as the subject of one of the sentences just before `before`."""
    sent = ctx.sentence_at(max(0, before - 1))
    start = sent.start_char
    for _ in range(_SUBJECT_REACH - 1):
        if start == 0:
            break
        start = ctx.sentence_at(start - 1).start_char
    for mention in reversed(ctx.mentions_in(start, before)):
        if actor_kind(ctx, mention.actor_id) != "person":
            continue
        span = ctx.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
        node = span.root if span is not None else None
        while (
            node is not None
            and node.dep_ in ("compound", "appos", "flat")
            and node.head is not node
        ):
            node = node.head
        if node is not None and node.dep_ in ("nsubj", "nsubjpass"):
            return voice_of(ctx, mention.actor_id), mention.text
    return None


def _attribution_cue(ctx: ArticleContext, quote: QuoteSpan) -> str | None:
    span = ctx.doc.char_span(
        quote.outer_end, min(len(ctx.body), quote.outer_end + 80), alignment_mode="expand"
    )
    if span is None:
        return None
    for token in span:
        if _is_reporting(token):
            return token.lemma_.lower()
        if token.text in ('"', "\u201c", "\n"):
            break
    return None
