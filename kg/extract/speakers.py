"""Who reports a sentence when the parser lost the comma before the attribution.

"Air strikes killed 25 children in Idlib the UN agency has said", "... took villages
said the Observatory": with no comma the parser hangs the speaker on the act as its
object or a preposition's, and the act seems aimed at whoever told of it. A finite
reporting verb with no subject of its own has its speaker beside it, just before it
or, with no object before its own, just after it; that speaker tells of the acts and is
aimed at by none of them ("the Observatory told AFP": the one told is no speaker).
Nor is one who speaks in an absolute clause "with" opens ("stood by its ally with
Putin warning against ...", "met to address the fighting with France demanding ...").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.model import Mention
from kg.tokens import remembered
from kg.words import words

REPORTING_VERBS = words("reporting verb")
# what one says in an absolute clause: "with X warning", "with X demanding"
SPEAKING_VERBS = REPORTING_VERBS | words("speaker act")
# "told AFP", "informed reporters": their object is the one told, never the speaker
ADDRESSING_VERBS = words("addressing verb")
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}
OBJECT_DEPS = {"dobj", "attr", "npadvmod", "nsubj"}
# what stands between a speaker and their verb: "UNICEF has said", "the agency (UNICEF) said"
BETWEEN_DEPS = {"aux", "auxpass", "neg", "advmod", "punct"}


def _bare_reporting(verb: Token) -> bool:
    """A told-as-done reporting verb whose speaker the parser did not make its subject."""
    if verb.lemma_.lower() not in REPORTING_VERBS or verb.pos_ not in ("VERB", "AUX"):
        return False
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or \
        (verb.tag_ == "VBN" and any(child.dep_ == "aux" and child.lemma_ == "have"
                                    for child in verb.children))
    return finite and not any(child.dep_ in SUBJECT_DEPS for child in verb.children)


def _before(verb: Token, sentence: Span) -> Token | None:
    """The last word of the phrase just before the verb, over its auxiliaries and an
    aside in brackets."""
    index = verb.i - 1
    while index >= sentence.start:
        token = verb.doc[index]
        if token.text == ")":
            while index >= sentence.start and verb.doc[index].text != "(":
                index -= 1
        elif not (token.head.i == verb.i and token.dep_ in BETWEEN_DEPS):
            return token
        index -= 1
    return None


def _after(verb: Token) -> Token | None:
    """The head of the phrase just after the verb where it is the verb's own."""
    return next((child for child in verb.rights if child.dep_ in OBJECT_DEPS
                 and child.left_edge.i == verb.i + 1), None)


def trailing_speakers(sentence: Span) -> list[Token]:
    """The words that speak for a subjectless reporting verb of the sentence."""
    speakers: list[Token] = []
    for verb in sentence:
        if not _bare_reporting(verb):
            continue
        after = _after(verb) if verb.lemma_.lower() not in ADDRESSING_VERBS else None
        told_object = any(child.dep_ in OBJECT_DEPS and child.i > verb.i
                          for child in verb.children)
        if after is not None:
            speakers.append(after)
        elif not told_object or verb.lemma_.lower() in ADDRESSING_VERBS:
            before = _before(verb, sentence)
            if before is not None:
                speakers.append(before)
    return speakers


def absolute_speakers(sentence: Span) -> list[Token]:
    """The objects of "with" a speaking participle follows: "with X demanding"."""
    doc = sentence.doc
    return [obj for token in sentence if token.lower_ == "with" and token.dep_ == "prep"
            for obj in token.children if obj.dep_ == "pobj"
            and obj.right_edge.i + 1 < sentence.end
            and doc[obj.right_edge.i + 1].tag_ == "VBG"
            and doc[obj.right_edge.i + 1].lemma_.lower() in SPEAKING_VERBS]


def unspoken(sentence: Span, mentions: list[Mention]) -> list[Mention]:
    """The mentions that are not a speaker who tells of the acts beside them."""
    if not mentions:
        return mentions
    phrases = _speaker_phrases(sentence)
    return [mention for mention in mentions
            if not any(start <= mention.start < end or mention.start <= start < mention.end
                       for start, end in phrases)]


def _speaker_phrases(sentence: Span) -> list[tuple[int, int]]:
    """Where the sentence's speakers' phrases start and end, in characters: found once
    a sentence, as the targets of every act of it are sifted one act after another."""
    return remembered(sentence.doc, ("speakers", sentence.start, sentence.end), lambda: [
        (speaker.left_edge.idx, speaker.right_edge.idx + len(speaker.right_edge))
        for speaker in (*trailing_speakers(sentence), *absolute_speakers(sentence))])
