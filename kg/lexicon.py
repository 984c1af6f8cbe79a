"""The relation lexicon: which words code which relation, CAMEO code and Goldstein score.

The built-in tables are ``kg/data/relations.csv`` (kg's own) over ``kg/data/cameo_verbs.csv``
(PETRARCH2's CAMEO verb patterns, converted); users extend or override them with their
own files of the same columns (``--relations FILE``). CAMEO names and Goldstein scores
come from ``kg/data/cameo.csv``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.datafiles import builtin_path, field_error, fingerprint, read_rows
from kg.errors import DataError
from kg.model import Relation
from kg.words import every_function_word

LABEL = re.compile(r"^[A-Z][A-Z_]*$")
KINDS = ("verb", "noun", "adj", "object", "light", "reverse", "rule")
# The lexicon's mark for acts aimed, when no target is named, at the government of the
# place where they happen: a demonstration or strike is a protest against those in power.
HOME = "*"
# What the rules code when the words alone do not name the act, each a "rule" row:
# "said China must drop barriers" is a demand, "said China should drop them" an appeal,
# an act under "threaten" a threat, a protest carried out in deeds a demonstration,
# saying another is responsible for a harm an accusation, naming another or their act
# with a word of disapproval a criticism; saying one will not do a cooperative act
# ("will not release the pilots") a refusal; force other than combat used by armed
# groups rather than a state is irregular violence (CAMEO 18, not 19: "gunmen killed");
# a visit made is hosted by the place visited; to go on trial or face charges is to be
# charged, and an arrest for spying or treason the accusation of it; a bombing a state
# does is from the air (195), one an armed group does a bombing (183), and force dealt
# with artillery, rockets or mortars shelling (194) whoever deals it; to claim an attack
# ("the bombing was claimed by IS") is to claim responsibility for it; a state's troops
# that arrive abroad to join a force or help are sent there (074, "sent peacekeepers");
# a capture or siege only sought ("an offensive to retake X") is the fight for it (190).
RULES = ("demand", "appeal", "threat", "demonstration", "irregular violence", "irregular detention",
         "aerial bombing", "irregular bombing", "shelling",
         "accusation", "criticism", "refusal", "hosting", "trial",
         "treason", "claim", "force sent", "attempted force", "readied force")
# The word that introduces the target ("call on"), HOME, or nothing (the direct object).
PREPOSITION = re.compile(rf"({re.escape(HOME)}|[a-z]+(?: [a-z]+)*)?")
CAMEO_ROOT = re.compile(r"\d\d")
# PETRARCH2's CAMEO verb dictionary as relation rows (scripts/convert-dictionaries); kg's
# own relations.csv wins wherever both name a word.
DICTIONARY_VERBS = "cameo_verbs.csv"
# The kinds of rows whose labels name acts: a dictionary row takes the label kg gives most
# often to its code, or to the nearest code above it (1122 -> 112 ACCUSES).
LABELLED_KINDS = ("verb", "noun", "adj", "object")


@dataclass
class Lexicon:
    """Lemma (+ the preposition that introduces the target) -> Relation."""

    verbs: dict[str, dict[str, Relation]] = field(default_factory=dict)
    nouns: dict[str, dict[str, Relation]] = field(default_factory=dict)
    adjectives: dict[str, dict[str, Relation]] = field(default_factory=dict)
    # "verb object" -> what the verb codes with that object: "block road" is an
    # obstruction (144), "block" alone a rejection; "lift curfew" eases a curfew (0813).
    objects: dict[str, dict[str, Relation]] = field(default_factory=dict)
    # the first words of the ``objects`` keys: most verbs have no object rows, and the
    # rules ask about every verb of every sentence
    object_verbs: set[str] = field(default_factory=set)
    intents: dict[str, Relation] = field(default_factory=dict)
    # CAMEO root of an act -> what ending it codes as ("halted aid" 162, "lifted a curfew" 081)
    reversals: dict[str, Relation] = field(default_factory=dict)
    rules: dict[str, Relation] = field(default_factory=dict)
    light_verbs: set[str] = field(default_factory=set)
    cameo_names: dict[str, str] = field(default_factory=dict)
    goldstein: dict[str, float] = field(default_factory=dict)
    version: str = ""

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> Lexicon:
        lexicon = cls()
        cameo = builtin_path("cameo.csv")
        lexicon._load_cameo(cameo)
        intents = builtin_path("intents.csv")
        lexicon._load_intents(intents)
        own = cls(cameo_names=lexicon.cameo_names, goldstein=lexicon.goldstein)
        own._load_relations(builtin_path("relations.csv"))
        lexicon._load_relations(builtin_path(DICTIONARY_VERBS), kg_verbs(own),
                                kg_labels([builtin_path("relations.csv"), intents]))
        missing = [rule for rule in RULES if rule not in own.rules]
        if missing:
            raise DataError(f"{builtin_path('relations.csv')}: no rule row for "
                            f"{', '.join(missing)}")
        lexicon._overlay(own)
        for path in extra:
            lexicon._load_relations(path)
        lexicon.version = cls.fingerprint(extra)
        return lexicon

    @staticmethod
    def fingerprint(extra: Sequence[Path] = ()) -> str:
        """The lexicon version without loading it."""
        return fingerprint([builtin_path(name) for name in
                            ("cameo.csv", "intents.csv", DICTIONARY_VERBS, "relations.csv",
                             "function_words.csv")] + list(extra))

    def _overlay(self, own: Lexicon) -> None:
        """kg's own rows over the dictionary's: a word kg's table has is kg's alone (its
        entries replace the dictionary's for that word, whatever the preposition)."""
        for mine, theirs in ((self.verbs, own.verbs), (self.nouns, own.nouns),
                             (self.adjectives, own.adjectives), (self.objects, own.objects)):
            mine.update(theirs)
        self.object_verbs |= own.object_verbs
        self.reversals.update(own.reversals)
        self.rules.update(own.rules)
        self.light_verbs |= own.light_verbs

    def _load_cameo(self, path: Path) -> None:
        for line, row in read_rows(path, ("code", "name", "goldstein")):
            try:
                self.goldstein[row["code"]] = float(row["goldstein"])
            except ValueError as error:
                raise field_error(path, line, "goldstein", "must be a number") from error
            self.cameo_names[row["code"]] = row["name"]

    def _load_intents(self, path: Path) -> None:
        """What a future or promised act codes as: "will visit" is an intent to meet (036)."""
        for line, row in read_rows(path, ("root", "label", "cameo")):
            self.intents[row["root"]] = self._relation(path, line, row["label"], row["cameo"])

    def _relation(self, path: Path, line: int, label: str, code: str) -> Relation:
        if not LABEL.match(label):
            raise field_error(path, line, "label", f"{label!r} must be upper-case A-Z and _")
        if code not in self.goldstein:
            raise field_error(path, line, "cameo", f"unknown CAMEO code {code!r}")
        return Relation(label, code, self.goldstein[code])

    def _load_relations(self, path: Path, kg_verbs: frozenset[str] = frozenset(),
                        kg_labels: dict[str, str] | None = None) -> None:
        """A table's rows; for the dictionary's, ``kg_verbs`` are verbs kg alone codes
        (no row of the dictionary's, nor any of its objects, is kept for them) and
        ``kg_labels`` kg's label for each CAMEO code."""
        for line, row in read_rows(path, ("kind", "lemma", "prep", "label", "cameo")):
            kind, lemma = row["kind"], row["lemma"].lower()
            if lemma.split(" ", 1)[0] in kg_verbs:
                continue
            if kg_labels is not None:
                row["label"] = kg_label(kg_labels, row["cameo"]) or row["label"]
            if kind not in KINDS:
                raise field_error(path, line, "kind",
                                  f"{kind!r} is not one of {', '.join(KINDS)}")
            if not lemma:
                raise field_error(path, line, "lemma", "empty")
            if kind == "light":
                self.light_verbs.add(lemma)
                continue
            if kind == "rule" and lemma not in RULES:
                raise field_error(path, line, "lemma",
                                  f"a rule row names one of {', '.join(RULES)}")
            if kind == "reverse" and not CAMEO_ROOT.fullmatch(lemma):
                raise field_error(path, line, "lemma", f"a reverse row names the CAMEO root "
                                  f"of the act it undoes, not {lemma!r}")
            if kind in ("reverse", "rule"):
                named = self.reversals if kind == "reverse" else self.rules
                named[lemma] = self._relation(path, line, row["label"], row["cameo"])
                continue
            if kind == "object" and len(lemma.split()) < 2:
                raise field_error(path, line, "lemma", "an object row names a verb and its "
                                  "object")
            if not PREPOSITION.fullmatch(row["prep"].lower()):
                raise field_error(path, line, "prep", f"{row['prep']!r} is not a preposition, "
                                  f"'{HOME}' or empty")
            table = {"verb": self.verbs, "noun": self.nouns, "adj": self.adjectives,
                     "object": self.objects}[kind]
            table.setdefault(lemma, {})[row["prep"].lower()] = self._relation(
                path, line, row["label"], row["cameo"])
            if kind == "object":
                self.object_verbs.add(lemma.split()[0])

    @property
    def labels(self) -> set[str]:
        tables = (self.verbs, self.nouns, self.adjectives, self.objects)
        return {relation.label for table in tables
                for entries in table.values() for relation in entries.values()} | \
            {relation.label for relation in (*self.intents.values(), *self.rules.values())}


def kg_verbs(own: Lexicon) -> frozenset[str]:
    """The verbs kg codes with its own rows, tuned without the dictionary's patterns, and
    the verbs its rules reason with ("threaten", "refuse"): no dictionary row recodes them."""
    return frozenset(own.verbs) | frozenset(own.light_verbs) | every_function_word()


def kg_labels(paths: Sequence[Path]) -> dict[str, str]:
    """CAMEO code -> the label kg's rows give it most often (the first met on a tie)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for path in paths:
        for _, row in read_rows(path, ("label", "cameo")):
            if row.get("kind", "verb") in LABELLED_KINDS:
                counts[row["cameo"]][row["label"]] += 1
    return {code: labels.most_common(1)[0][0] for code, labels in counts.items()}


def kg_label(labels: dict[str, str], code: str) -> str | None:
    """kg's label for ``code`` or the nearest code above it that kg labels."""
    for above in (code, code[:3], code[:2] + "0"):
        if above in labels:
            return labels[above]
    return None
