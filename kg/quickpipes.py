"""The English pipeline's attribute ruler and lemmatizer, giving the same annotations for
less work.

In the small English pipeline these two rule-based components cost about a fifth of the
parse; the statistical ones do the rest. The attribute ruler tries some 180 token
patterns, several of them by regular expression or word list, on every token of every
document; the lemmatizer reads every token's features again to find the base forms it
does not remember, and looks the forms its rules propose up in word lists of tens of
thousands of entries one by one. But news repeats itself: the same word with the same
tag and dependency, or with the same part of speech and features, comes back thousands
of times. Here each distinct token is answered once and the answer reused, and the word
lists are searched by set.

Both stand in only where they can promise spaCy's own output: the ruler when its
patterns use nothing but plain token attributes compared by value, ``IN``, ``NOT_IN`` or
``REGEX`` (the small English pipeline's do), the lemmatizer when it is spaCy's English
rule or lookup lemmatizer. Otherwise the pipeline keeps its own components. The
annotations are compared with spaCy's in the tests.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

# Token attributes a pattern may test, all kept as strings in the vocabulary except the
# flags, which the document's array gives as 0 or 1.
STRING_ATTRS = ("ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "ENT_TYPE")
FLAG_ATTRS = ("IS_SPACE", "IS_PUNCT", "IS_DIGIT", "IS_ALPHA", "IS_LOWER", "IS_UPPER",
              "IS_TITLE", "LIKE_NUM")
Spec = tuple[tuple[int, str, Any], ...]  # (column, test, operand) for one pattern token
Pattern = tuple[int, int, tuple[int, ...]]  # (group, match id, the specs of its tokens)
# Distinct token rows remembered by the ruler before it starts afresh: enough for a large
# corpus's common words, bounded for a stream that never ends.
MAX_ROWS_REMEMBERED = 200_000


def quicken(nlp: Language) -> Language:
    """Swap in the quicker components where they give spaCy's own annotations."""
    for _, component in nlp.pipeline:
        if type(component) is AttributeRuler and _patterns_supported(component):
            component.__class__ = QuickAttributeRuler
        elif type(component) is EnglishLemmatizer and component.mode in ("rule", "lookup"):
            component.__class__ = QuickLemmatizer
            _index_by_set(component)
    return nlp


def _patterns_supported(ruler: AttributeRuler) -> bool:
    try:
        _compile(ruler)
    except _Unsupported:
        return False
    return True


class _Unsupported(Exception):
    pass


class _Compiled:
    """A ruler's patterns as tests over one row of the document's attribute array."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.size = len(ruler.attrs)
        columns: dict[str, int] = {}
        self.specs: list[Spec] = []
        spec_ids: dict[Spec, int] = {}
        # the patterns by the spec of their first token
        self.starting: dict[int, list[Pattern]] = {}
        for group in range(self.size):
            match_id = ruler.vocab.strings.add(str(group))
            for tokens in ruler.matcher.get(str(group))[1]:
                ids = []
                for token_spec in tokens:
                    spec = _spec(token_spec, columns)
                    ids.append(spec_ids.setdefault(spec, len(spec_ids)))
                    if ids[-1] == len(self.specs):
                        self.specs.append(spec)
                if not ids:
                    raise _Unsupported("an empty pattern")
                self.starting.setdefault(ids[0], []).append((group, match_id, tuple(ids)))
        self.attrs: list[int | str] = list(columns)
        self.flags = {columns[name] for name in columns if name in FLAG_ATTRS}
        # A spec is tried only for rows holding a value it asks for by equality or IN;
        # the few that ask for none are tried for every row.
        self.asking: dict[tuple[int, Any], list[int]] = {}
        self.always: list[int] = []
        for index, spec in enumerate(self.specs):
            keys = [(column, value) for column, test, operand in spec if test in ("==", "IN")
                    for value in (operand if test == "IN" else (operand,))]
            for key in keys:
                self.asking.setdefault(key, []).append(index)
            if not keys:
                self.always.append(index)
        # the specs met by a token, by the token's row of attribute values
        self.met: dict[tuple[int, ...], frozenset[int]] = {}


def _spec(token_spec: dict[str, Any], columns: dict[str, int]) -> Spec:
    tests: list[tuple[int, str, Any]] = []
    for name, wanted in token_spec.items():
        if name not in STRING_ATTRS and name not in FLAG_ATTRS:
            raise _Unsupported(name)
        column = columns.setdefault(name, len(columns))
        # Flags are compared as booleans, the rest as strings; a value given as a hash or
        # a number is left to spaCy's own matcher.
        kind = bool if name in FLAG_ATTRS else str
        if isinstance(wanted, kind):
            tests.append((column, "==", wanted))
            continue
        if not isinstance(wanted, dict) or len(wanted) != 1 or kind is bool:
            raise _Unsupported(str(wanted))
        test, operand = next(iter(wanted.items()))
        if test in ("IN", "NOT_IN") and isinstance(operand, list) and \
                all(isinstance(value, str) for value in operand):
            tests.append((column, test, frozenset(operand)))
        elif test == "REGEX" and isinstance(operand, str):
            tests.append((column, test, re.compile(operand)))
        else:
            raise _Unsupported(test)
    return tuple(tests)


def _compile(ruler: AttributeRuler) -> _Compiled:
    compiled: _Compiled | None = getattr(ruler, "_kg_compiled", None)
    if compiled is None or compiled.size != len(ruler.attrs):
        compiled = _Compiled(ruler)
        ruler._kg_compiled = compiled  # type: ignore[attr-defined]
    return compiled


def _passes(test: str, operand: Any, value: Any) -> bool:
    if test == "==":
        return bool(value == operand)
    if test == "IN":
        return value in operand
    if test == "NOT_IN":
        return value not in operand
    return bool(operand.search(value))


class QuickAttributeRuler(AttributeRuler):
    """spaCy's attribute ruler, matching each distinct row of token attributes once."""

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        compiled = _compile(self)
        met_by_token = [self._met(compiled, tuple(row)) for row in
                        doc.to_array(compiled.attrs).tolist()] if len(doc) else []
        matches = []
        for start, met in enumerate(met_by_token):
            for first in met:
                for group, match_id, specs in compiled.starting.get(first, ()):
                    end = start + len(specs)
                    if end <= len(doc) and all(spec in met_by_token[start + offset]
                                               for offset, spec in enumerate(specs[1:], 1)):
                        matches.append((group, match_id, start, end))
        matches.sort()
        return matches

    def _met(self, compiled: _Compiled, row: tuple[int, ...]) -> frozenset[int]:
        met = compiled.met.get(row)
        if met is None:
            strings = self.vocab.strings
            values = [bool(value) if column in compiled.flags else strings[value]
                      for column, value in enumerate(row)]
            tried = set(compiled.always)
            for column, value in enumerate(values):
                tried.update(compiled.asking.get((column, value), ()))
            met = frozenset(index for index in tried
                            if all(_passes(test, operand, values[column])
                                   for column, test, operand in compiled.specs[index]))
            if len(compiled.met) >= MAX_ROWS_REMEMBERED:
                compiled.met.clear()
            compiled.met[row] = met
        return met


class _Members(list):  # type: ignore[type-arg]
    """A word list that answers ``in`` from a set: the lemmatizer's rules ask a list of
    tens of thousands of words whether it holds a form, and ask nothing else of it."""

    def __init__(self, words: list[str]) -> None:
        super().__init__(words)
        self.members = frozenset(words)

    def __contains__(self, word: object) -> bool:
        return word in self.members


def _index_by_set(lemmatizer: EnglishLemmatizer) -> None:
    if lemmatizer.lookups.has_table("lemma_index"):
        index = lemmatizer.lookups.get_table("lemma_index")
        for key, words in list(index.items()):
            if type(words) is list:
                index[key] = _Members(words)


class QuickLemmatizer(EnglishLemmatizer):
    """spaCy's English lemmatizer, working out each distinct word, part of speech and
    set of features once (its rules read nothing else of a token), and looking words up
    in its index by set."""

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables()
        known: dict[tuple[int, int, int], int] = self.__dict__.setdefault("_kg_lemmas", {})
        rows = doc.to_array(["ORTH", "POS", "MORPH", "LEMMA"])
        lemmas: Any = rows[:, 3:].copy()
        for index, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if self.overwrite or lemma == 0:
                found = known.get((orth, pos, morph))
                if found is None:
                    found = self.vocab.strings.add(self.lemmatize(doc[index])[0])
                    known[(orth, pos, morph)] = found
                lemmas[index] = found
        if len(doc):
            doc.from_array(["LEMMA"], lemmas)
        return doc
