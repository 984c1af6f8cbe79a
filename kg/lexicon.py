"""The relation lexicon: which words code which relation, CAMEO code and Goldstein score.

The built-in table is ``kg/data/relations.csv``; users extend or override it with their
own files of the same columns (``--relations FILE``). CAMEO names and Goldstein scores
come from ``kg/data/cameo.csv``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.datafiles import builtin_path, fingerprint, read_rows
from kg.errors import DataError
from kg.model import Relation

LABEL = re.compile(r"^[A-Z][A-Z_]*$")
KINDS = ("verb", "noun", "light")


@dataclass
class Lexicon:
    """Lemma (+ the preposition that introduces the target) -> Relation."""

    verbs: dict[str, dict[str, Relation]] = field(default_factory=dict)
    nouns: dict[str, dict[str, Relation]] = field(default_factory=dict)
    light_verbs: set[str] = field(default_factory=set)
    cameo_names: dict[str, str] = field(default_factory=dict)
    goldstein: dict[str, float] = field(default_factory=dict)
    version: str = ""

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> Lexicon:
        lexicon = cls()
        cameo = builtin_path("cameo.csv")
        lexicon._load_cameo(cameo)
        files = [builtin_path("relations.csv"), *extra]
        for path in files:
            lexicon._load_relations(path)
        lexicon.version = fingerprint([cameo, *files])
        return lexicon

    def _load_cameo(self, path: Path) -> None:
        for line, row in read_rows(path, ("code", "name", "goldstein")):
            try:
                self.goldstein[row["code"]] = float(row["goldstein"])
            except ValueError as error:
                raise DataError(f"{path}:{line}: goldstein must be a number") from error
            self.cameo_names[row["code"]] = row["name"]

    def _load_relations(self, path: Path) -> None:
        for line, row in read_rows(path, ("kind", "lemma", "prep", "label", "cameo")):
            kind, lemma = row["kind"], row["lemma"].lower()
            if kind not in KINDS or not lemma:
                raise DataError(f"{path}:{line}: kind must be one of {', '.join(KINDS)} "
                                "and lemma must be given")
            if kind == "light":
                self.light_verbs.add(lemma)
                continue
            label, code = row["label"], row["cameo"]
            if not LABEL.match(label):
                raise DataError(f"{path}:{line}: label {label!r} must be upper-case A-Z and _")
            if code not in self.goldstein:
                raise DataError(f"{path}:{line}: unknown CAMEO code {code!r}")
            table = self.verbs if kind == "verb" else self.nouns
            table.setdefault(lemma, {})[row["prep"].lower()] = Relation(
                label, code, self.goldstein[code])

    @property
    def labels(self) -> set[str]:
        return {relation.label for table in (self.verbs, self.nouns)
                for entries in table.values() for relation in entries.values()}
