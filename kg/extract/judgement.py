"""The learned judgement: which of the rules' candidate events to keep, and how sure.

The rules propose candidates generously (``kg.extract.events``: the main acts they keep,
the acts that are another's content, every guessed target); a logistic model over what
the rules saw — the trigger's kind and code, how its arguments were found, the actors'
kinds, mood, how busy the sentence is — gives each a probability of being an event a
human coder would code. Candidates at or above the threshold become events, with that
probability as their ``confidence``.

The model is plain data, ``kg/data/judgement.json`` (weights by feature name, the
threshold chosen on the development sets), rebuilt by ``scripts/train-judgement``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from kg.datafiles import builtin_path
from kg.errors import DataError
from kg.extract.base import JUDGEMENT
from kg.extract.context import SentenceContext
from kg.extract.events import PRONOUNS, Candidate
from kg.extract.sides import speaks_for
from kg.extract.syntax import phrase_head
from kg.model import Actor, Event, Mention
from kg.words import words

REPORTING_VERBS = words("reporting verb")
SOURCE_DEPS = {"nsubj", "nsubjpass", "poss", "pobj", "compound", "amod", "conj", "appos",
               "dobj"}
TARGET_DEPS = {"dobj", "pobj", "nsubjpass", "dative", "poss", "compound", "amod", "conj",
               "nsubj", "attr", "appos"}
# How many words up from the trigger a reporting verb makes the act a reported one.
REPORTED_REACH = 3

Features = dict[str, float]


def candidate_features(context: SentenceContext, candidate: Candidate,
                       in_sentence: int) -> Features:
    """What the judgement weighs, by name; ``in_sentence`` is how many candidates the
    sentence has."""
    trigger, event = candidate.trigger, candidate.event
    features: Features = {"bias": 1.0, f"root:{event.relation.root}": 1.0,
                          f"word:{trigger.token.lemma_.lower()}": 1.0,
                          f"trigger:{trigger.token.pos_.lower()}": 1.0,
                          f"modality:{event.modality}": 1.0}
    flags = {"statement": trigger.statement, "reciprocal": trigger.reciprocal,
             "home": trigger.home, "loose": trigger.loose, "nominal": trigger.nominal,
             "inherited": trigger.inherited_source, "kept": candidate.kept,
             "embedded": candidate.embedded, "guess": candidate.rank > 0,
             "guessed": candidate.guessed,
             "reported": _reported(trigger.token), "negated": event.negated,
             "same_country": event.source.actor.compatriot(event.target.actor)}
    features.update({name: 1.0 for name, on in flags.items() if on})
    for side, mention, deps in (("source", event.source, SOURCE_DEPS),
                                ("target", event.target, TARGET_DEPS)):
        features[f"{side}:{_kind(mention.actor)}"] = 1.0
        if mention.text.lower() in PRONOUNS:
            features[f"{side}:pronoun"] = 1.0
        head = _head(context, mention)
        dep = head.dep_ if head is not None and head.dep_ in deps else "other"
        features[f"{side}_dep:{dep}"] = 1.0
        features[f"{side}_ent:{head.ent_type_ if head is not None else 'none'}"] = 1.0
    features[f"busy:{min(in_sentence // 2, 5)}"] = 1.0
    source, target = _head(context, event.source), _head(context, event.target)
    if source is not None and target is not None:
        gap = abs(target.i - source.i)
        features[f"gap:{min(gap // 4, 5)}"] = 1.0
        features["source_first"] = float(source.i < target.i)
    return features


def _kind(actor: Actor) -> str:
    body = speaks_for(actor)
    if actor.type == "person":
        return "person" if body is actor else f"person_of_{_kind(body)}"
    if actor.type == "state":
        return "state_sector" if actor.sector else "state"
    if actor.type == "group" and actor.country:
        return "local_group"  # "Iraqi armed groups": a country's, by its sector word
    return actor.type


def _reported(trigger: Token) -> bool:
    return any(ancestor.lemma_.lower() in REPORTING_VERBS and ancestor.pos_ == "VERB"
               for ancestor in list(trigger.ancestors)[:REPORTED_REACH])


def _head(context: SentenceContext, mention: Mention) -> Token | None:
    return phrase_head(context.sentence.doc, mention.start, mention.end)


@dataclass(frozen=True)
class Judgement:
    """A fitted model: weights by feature name and the thresholds chosen for it, one for
    the events the rules code (``rule_threshold``) and one for the candidates they pass
    over (guesses, acts inside other acts, later targets), which need more to be kept."""

    weights: dict[str, float]
    threshold: float
    record: dict[str, Any]
    rule_threshold: float | None = None

    @classmethod
    def load(cls, path: Path | None = None) -> Judgement:
        path = path or builtin_path(JUDGEMENT)
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            weights = {str(name): float(value) for name, value in record["weights"].items()}
            threshold = float(record["threshold"])
            rule_threshold = float(record.get("rule_threshold", threshold))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            raise DataError(f"{path}: not a kg judgement model ({error})") from error
        return cls(weights, threshold, record, rule_threshold)

    def probability(self, features: Features) -> float:
        score = sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))

    def cut(self, kept: bool) -> float:
        """The least confidence a candidate needs, by whether the rules code it."""
        if kept and self.rule_threshold is not None:
            return self.rule_threshold
        return self.threshold

    def choose(self, context: SentenceContext, candidates: Sequence[Candidate],
               min_confidence: float | None = None) -> list[Event]:
        """The candidates the model keeps, each once, with its probability as confidence;
        ``min_confidence`` asks the same of every candidate instead."""
        chosen = []
        for candidate in candidates:
            confidence = round(self.probability(
                candidate_features(context, candidate, len(candidates))), 3)
            least = self.cut(candidate.kept) if min_confidence is None else min_confidence
            if confidence >= least:
                chosen.append(replace(candidate.event, confidence=confidence))
        return one_act_per_dyad(chosen)


def one_act_per_dyad(events: Iterable[Event]) -> list[Event]:
    """Each event once, and of the acts one sentence codes between the same two actors
    only the likeliest: a coder reads one act there where the rules and guesses read
    several."""
    best: dict[tuple[str, str], Event] = {}
    for event in events:
        dyad = (event.source.actor.id, event.target.actor.id)
        known = best.get(dyad)
        if known is None or event.confidence > known.confidence:
            best[dyad] = event
    return list(best.values())


def feature_names(rows: Iterable[Features]) -> list[str]:
    return sorted({name for row in rows for name in row})
