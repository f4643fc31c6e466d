"""Statements: direct quotations and reported speech, each with its speaker.

Direct quotes are found from quotation marks (straight or curly; a straight quote left open runs
to the end of its paragraph, as wire copy does when the next paragraph continues the quote; in
a paragraph without double marks, single marks as British papers print them, when an
attribution or a reporting clause names their speaker or they open a paragraph). A
quote that stands as a clause of its own is a direct statement; its speaker is named in the
attribution after it (", Darchiev said"), before it ("X said:"), or, for an unattributed
paragraph of quotation, is the previous statement's speaker. A quoted phrase embedded in a
sentence ("called it a “failed mission”") is part of that sentence, which is reported speech when
an actor is the subject of a reporting verb, or says "according to X".

Where each decision is made (this module reads an article's quotes and sentences in order):
- `etl.statement_marks`: quotation marks and the spans of direct quotes;
- `etl.statement_verbs`: reporting verbs and what one verb's parse says;
- `etl.statement_quotes`: which quotes are statements, and their attributions;
- `etl.statement_reported`, `etl.statement_clauses`: reported speech in a sentence, and further
  statements nested in it or coordinated with it;
- `etl.statement_speakers`: the speaker an attribution or a subject phrase names;
  `etl.statement_appositions`: a person named beside a title in the subject, not the body the
  title names; `etl.statement_receivers`: verbs that tell what was done to their subject
  ("When asked …, X did not answer", "were reported killed", welcoming a visitor);
  `etl.statement_possessed`: speech named by a noun its speaker owns ("Russia's call for …");
- `etl.statement_rows`: a row's span, id and date;
- `etl.statement_passes`: article-wide passes that carry speakers on and drop repeats;
- `etl.transcripts`, `etl.debate_summaries`, `etl.document_speaker`, `etl.turns`: transcripts
  and one-speaker documents; `etl.joint_speakers`: statements of several actors at once;
  `etl.statement_outlets`: an outlet framing someone's words ("According to Reuters, X said");
  `etl.statement_tweets`: embedded posts signed "— Name (@handle) Date";
  `etl.statement_antecedents`: the body a subject "it"/"they" points back at ("It added").
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from etl.context import ArticleContext
from etl.debate_summaries import debate_summary_claims
from etl.document_speaker import document_claims, said_colon_claims
from etl.joint_speakers import (
    points_back,
    with_joint_speakers,
)
from etl.statement_attributions import without_attribution_sentences
from etl.statement_clauses import (
    _nested_as_reported,
    _nested_clauses,
    _relaying_official,
    _second_clause,
)
from etl.statement_marks import QuoteSpan, _Covered, _words, find_quotes, find_single_quotes
from etl.statement_outlets import with_outlet_relays
from etl.statement_passes import (
    _claimed,
    _first_person_carried_on,
    _government_voice,
    _official_continues_speaker,
    _pronoun_after_named_subject,
    _pronoun_continues_speaker,
    _refine_speakers,
    _without_pull_quotes,
    countryless_ministries,
)
from etl.statement_places import with_place_bodies
from etl.statement_possessed import with_possessed_speech
from etl.statement_quotes import (
    _attribution_cue,
    _continuation,
    _is_standalone,
    _quote_speaker,
    _single_quote_spoken,
)
from etl.statement_reported import _reported, _sources_after_colon
from etl.statement_rows import _make
from etl.statement_titles import with_titled_officers
from etl.statement_tweets import with_tweets
from etl.transcripts import transcript_claims
from etl.turns import apply_claims
from etl.types import Statement

# The public names other modules import from here.
__all__ = ["extract_statements", "find_quotes", "find_single_quotes"]


def extract_statements(ctx: ArticleContext) -> list[Statement]:
    """Every direct quotation with a speaker and every attributed reported statement, in text order."""
    text = ctx.body
    quotes = [
        q
        for q in sorted(find_quotes(text) + find_single_quotes(text), key=lambda q: q.start)
        if _words(text[q.start : q.end]) >= 1
    ]
    singles = {(q.start, q.end) for q in find_single_quotes(text)}
    standalone = [
        q
        for q in quotes
        if _is_standalone(text, q)
        and ((q.start, q.end) not in singles or _single_quote_spoken(ctx, q))
    ]
    rows: list[tuple[int, Statement]] = []
    last_speaker: tuple[str | None, str] | None = None
    # Every standalone quote is known before sentences are read, so a sentence that only
    # attributes a quote ("“...,” Mr. Dion said.") is not taken for reported speech as well.
    covered = _Covered((q.outer_start, q.outer_end) for q in standalone)
    events = sorted(
        [("quote", q.outer_start, q) for q in standalone]
        + [("sent", s.start_char, s) for s in ctx.doc.sents],
        key=lambda item: (item[1], 0 if item[0] == "quote" else 1),
    )
    for kind, _pos, item in events:
        if kind == "quote":
            quote: QuoteSpan = item
            speaker = _quote_speaker(ctx, quote) or _continuation(last_speaker, ctx, quote)
            if speaker is None:
                continue
            statement = _make(
                ctx, speaker, quote.start, quote.end, True, _attribution_cue(ctx, quote)
            )
            rows.append((quote.start, statement))
            last_speaker = speaker
        else:
            sent: Span = item
            nested = _nested_as_reported(ctx, sent, covered)
            if nested is not None:  # the quote's own speaker stays the one carried on
                rows.append((nested.char_start, nested))
            reported = _reported(ctx, sent, covered, last_speaker)
            if reported is not None:
                rows.append((reported.char_start, reported))
                if reported.speaker_id is not None or not points_back(reported.speaker_text):
                    last_speaker = (reported.speaker_id, reported.speaker_text)
                relay = _relaying_official(ctx, sent, reported)
                if relay is not None:  # "X told them ..., a US defense official said"
                    rows.append((relay.char_start, relay))
                rows += [(n.char_start, n) for n in _nested_clauses(ctx, sent, reported, covered)]
                second = _second_clause(ctx, sent, reported, covered)
                if second is not None:
                    # The first statement ends where the second speaker's clause begins.
                    cut = re.sub(
                        r"[\s,;]*(?:and|but|while|whereas)?[\s,;]*$",
                        "",
                        ctx.body[reported.char_start : second.char_start],
                    )
                    first_end = reported.char_start + len(cut)
                    speaker = (reported.speaker_id, reported.speaker_text)
                    first = _make(ctx, speaker, reported.char_start, first_end, False, reported.cue)
                    rows[-1] = (first.char_start, first)
                    rows.append((second.char_start, second))
                    last_speaker = (second.speaker_id, second.speaker_text)
    for sourced in _sources_after_colon(ctx):
        if not any(
            st.char_start < sourced.char_end and sourced.char_start < st.char_end for _s, st in rows
        ):
            rows.append((sourced.char_start, sourced))
    rows.sort(key=lambda r: r[0])
    statements = _official_continues_speaker(
        ctx,
        _pronoun_continues_speaker(
            ctx, _refine_speakers(ctx, [statement for _start, statement in rows])
        ),
    )
    statements = _pronoun_after_named_subject(ctx, statements)
    # "said the UNHCR spokesperson": the person introduced in that office, not the body
    statements = with_titled_officers(ctx, statements)
    # Transcripts and one-speaker documents: each paragraph of a turn is its speaker's.
    turns = transcript_claims(ctx) or debate_summary_claims(ctx)
    if all(c.cue == "headline" for c in turns):  # a headline does not make a transcript
        turns = [*turns, *document_claims(ctx)]
    turns += [c for c in said_colon_claims(ctx) if not _claimed(turns, c.start, c.end)]
    claimed = apply_claims(ctx, statements, turns, _make)
    if not turns:
        claimed = _first_person_carried_on(ctx, claimed)
    claimed = _without_pull_quotes(claimed)
    # "“…,” the envoy, Jane Doe, said on Monday.": the quote, not the sentence again
    claimed = without_attribution_sentences(ctx, claimed)
    voiced = with_place_bodies(ctx, [_government_voice(ctx, s) for s in claimed])
    voiced = countryless_ministries(ctx, voiced)  # "the Interior Ministry said": the page's
    # "Russia's call for a delay": speech named by a noun its speaker owns
    voiced = with_possessed_speech(ctx, voiced)
    voiced = with_tweets(ctx, voiced)  # an embedded post's text is its signer's
    # "According to <outlet>, X said ...": the outlet that frames X's words speaks too
    return with_outlet_relays(ctx, with_joint_speakers(ctx, voiced))
