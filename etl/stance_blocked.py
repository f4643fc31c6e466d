"""Whose act a document's content is: not the act of those who block the document.

"Russia and China vetoed a resolution calling for Assad to step down", "cast a double veto to block
a draft resolution condemning Syria": the participle or relative clause on the document ("calling
for", "condemning", "that would have demanded") tells what the text says, and the parse hangs it
under the vetoing verb, whose subject would otherwise be read as the one who calls or condemns.
Gold gives the vetoers their shielding stance only (GOLD conventions, vetoes; real_dev8 ht01,
real_dev9 hu24, where it was two wrong-polarity rows and two reversed ones). The content of a
document that its governing verb opposes (`[document opposed]` in `etl/rules/stance_cues.txt`)
has no agent among that verb's subjects.
"""

from __future__ import annotations

from spacy.tokens import Token

from etl.stance_cuebook import CueBook

# How a clause inside the content hangs under the participle or relative clause on the document.
_INSIDE = ("conj", "xcomp", "ccomp", "advcl")


def content_of_opposed_document(cues: CueBook, verb: Token) -> bool:
    """`verb` says what a document says ("a resolution calling for ...", "a draft that would
    have condemned ..."), and the document is the object of a verb or noun that opposes it
    ("vetoed", "blocked", "the veto of")."""
    current = verb
    for _ in range(4):
        if current.dep_ in ("acl", "relcl"):
            break
        if current.dep_ not in _INSIDE or current.head.i == current.i:
            return False
        current = current.head
    else:
        return False
    document = current.head
    if not cues.has("vetoed", document):
        return False
    governor = document.head
    while governor.dep_ == "conj" and governor.head.i != governor.i:
        governor = governor.head  # "a resolution and a statement condemning ..."
    if governor.dep_ == "prep" and governor.lower_ in ("of", "on", "against"):
        governor = governor.head  # "the veto of a resolution ..."
    return governor.i != document.i and cues.has("document opposed", governor)
