"""``kg eval``: score the extractor against hand-coded gold events.

Gold files are JSONL, one sentence per line: ``{"id", "text", "events": [{"source",
"source_name", "target", "target_name", "code", "root", "quad", ...}]}``. Each sentence
is extracted as a document of its own (its ``id`` is the document id), and events are
matched one-to-one at three levels: dyad + CAMEO root, dyad only, dyad + QuadClass.

A line that carries an article's metadata (``title``, ``date`` or ``source``) is a whole
article: it is extracted with its date (dated roles apply) and each gold event's
``quote`` (words of one sentence) must stand in the sentence of the predicted event it
matches, so that an event is found where the article says it.
Negated events are not scored: they assert that an act did not happen.
An actor matches when its country (a person's ``member_of`` country) or its
organisation matches the gold actor's code or name.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.actors.gazetteer import Gazetteer
from kg.errors import InputError
from kg.model import Actor, Document, DocumentResult, Event
from kg.output import atomic_writer, read_jsonl
from kg.readers import normalise_date

LEVELS = ("dyad+root", "dyad", "dyad+quad")
ARTICLE_FIELDS = ("title", "date", "source")
ISO_SECTOR_PREFIXES = ("IGO", "NGO", "IMG", "MNC")
GOLD_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z.]*\)$")


@dataclass(frozen=True)
class GoldEvent:
    sentence_id: str
    source: frozenset[str]
    target: frozenset[str]
    source_label: str
    target_label: str
    root: str | None
    quad: str | None
    actor_type: str
    quote: str | None = None  # an article's events: words of the sentence that tells it


@dataclass(frozen=True)
class GoldSentence:
    id: str
    text: str
    events: tuple[GoldEvent, ...]
    skipped: int  # gold events without a target: kg codes dyads only
    # a whole article: the document it is read as (its date, title and outlet)
    article: Document | None = None

    @property
    def document(self) -> Document:
        return self.article or Document(id=self.id, text=self.text)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class Report:
    gold: Path
    sentences: int = 0
    articles: int = 0  # of the lines scored, those scored as whole articles
    gold_events: int = 0
    skipped_gold: int = 0
    predicted: int = 0
    levels: dict[str, Score] = field(default_factory=lambda: {level: Score() for level in LEVELS})
    by_root: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    by_type: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_alarms: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "gold": str(self.gold), "sentences": self.sentences, "articles": self.articles,
            "gold_events": self.gold_events, "skipped_gold_without_target": self.skipped_gold,
            "predicted": self.predicted,
            "levels": {level: score.as_dict() for level, score in self.levels.items()},
            "by_root": {root: score.as_dict() for root, score in sorted(self.by_root.items())},
            "by_actor_type": {kind: score.as_dict()
                              for kind, score in sorted(self.by_type.items())},
            "misses": self.misses, "false_alarms": self.false_alarms,
        }


# codes a coder gives an actor of no organisation in particular
GENERIC_CODES = frozenset({"IGO", "NGO", "MNC"})


class ActorKeys:
    """Comparable keys (country codes, organisation ids) for predicted and gold actors."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.by_name = {name.lower(): iso3 for iso3, (name, _) in gazetteer.countries.items()}

    def predicted(self, actor: Actor) -> frozenset[str]:
        keys = set()
        country = actor.state_country
        if country:
            keys.add(country)
        each: Actor | None = actor
        while each is not None:  # a UN agency also counts as the UN
            if each.type in ("igo", "ngo", "group", "bloc"):
                keys.add(each.id.upper())
                keys.add(each.name.lower())
            each = each.member_of
        return frozenset(keys)

    def gold(self, code: str | None, name: str | None) -> frozenset[str]:
        keys: set[str] = set()
        if code and code[:3].isalpha() and code[:3].isupper() and \
                code[:3] in self.gazetteer.countries:
            keys.add(code[:3])
        elif code and code.isalpha() and code.isupper() and code not in GENERIC_CODES:
            # "UN" for "U.N. troops": the coder named the organisation by its code, as
            # kg names an organisation and whatever it is part of
            keys.add(code)
        if name:
            keys.add(name.lower())
            if name.lower() in self.by_name:
                keys.add(self.by_name[name.lower()])
            for form in gold_name_forms(name):
                for entry in self.gazetteer.aliases.get(form, []):
                    if entry.actor is not None:
                        keys |= self.predicted(entry.actor)
        return frozenset(keys)


def gold_name_forms(name: str) -> list[str]:
    """A coder's actor name and the writings of it an alias list holds: coders copy the
    phrase from the sentence, so "The Taliban" opens a sentence and "Amnesty International
    (AI)" carries the acronym the article gives it."""
    bare = GOLD_ACRONYM.sub("", name).strip()
    first, _, rest = bare.partition(" ")
    forms = [name, bare, bare[:1].lower() + bare[1:]]
    if rest and first.lower() in ("the", "a", "an"):
        forms.append(rest)
        bare = rest
    words = bare.split()
    # "Taliban militants", "IDF troops": the name before a plain head noun
    for end in range(len(words) - 1, 0, -1):
        if all(word.islower() for word in words[end:]):
            forms.append(" ".join(words[:end]))
    return list(dict.fromkeys(forms))


def gold_actor_type(code: str | None) -> str:
    if not code:
        return "unresolved"
    if code.startswith("IGO"):
        return "igo"
    if code.startswith("NGO"):
        return "ngo"
    return "state" if len(code) == 3 else "state+sector"


def read_gold(path: Path, keys: ActorKeys) -> list[GoldSentence]:
    sentences = []
    for number, record in enumerate(read_jsonl(path), start=1):
        try:
            sentence_id, text = str(record["id"]), str(record["text"])
            raw_events = record.get("events") or []
        except KeyError as error:
            raise InputError(f"{path}:{number}: gold line lacks {error}") from error
        article = _article(sentence_id, text, record)
        events, skipped = [], 0
        for raw in raw_events:
            if raw.get("target") is None or raw.get("no_target"):
                skipped += 1
                continue
            events.append(_gold_event(sentence_id, raw, keys, quoted=article is not None))
        sentences.append(GoldSentence(sentence_id, text, tuple(events), skipped, article))
    if not sentences:
        raise InputError(f"{path}: no gold sentences")
    return sentences


def _article(doc_id: str, text: str, record: dict[str, Any]) -> Document | None:
    """The document a gold line is, if it carries an article's metadata."""
    if not any(record.get(key) for key in ARTICLE_FIELDS):
        return None
    date = record.get("date")
    return Document(id=doc_id, text=text, title=record.get("title"),
                    date=normalise_date(str(date)) if date else None,
                    source=record.get("source"))


def _gold_event(sentence_id: str, raw: dict[str, Any], keys: ActorKeys, *,
                quoted: bool) -> GoldEvent:
    source_code = raw.get("source_code") or raw.get("source")
    target_code = raw.get("target_code") or raw.get("target")
    root = str(raw.get("root") or "")
    if not (len(root) == 2 and root.isdigit()):
        cameo = str(raw.get("cameo_code") or "")
        root = cameo[:2] if cameo[:2].isdigit() else ""
    return GoldEvent(
        sentence_id=sentence_id,
        source=keys.gold(source_code, raw.get("source_name")),
        target=keys.gold(target_code, raw.get("target_name")),
        source_label=str(raw.get("source_name") or raw.get("source")),
        target_label=str(raw.get("target_name") or raw.get("target")),
        root=root or None,
        quad=raw.get("quad"),
        actor_type=gold_actor_type(source_code),
        quote=str(raw["quote"]) if quoted and raw.get("quote") else None,
    )


def _matches(gold: GoldEvent, predicted: Event, keys: ActorKeys, level: str) -> bool:
    if not (gold.source & keys.predicted(predicted.source.actor)
            and gold.target & keys.predicted(predicted.target.actor)):
        return False
    if gold.quote is not None and gold.quote not in predicted.sentence:
        return False
    if level == "dyad+root":
        return gold.root == predicted.relation.root
    if level == "dyad+quad":
        return gold.quad == predicted.relation.quad
    return True


def _pair(gold: Sequence[GoldEvent], predicted: Sequence[Event], keys: ActorKeys,
          level: str) -> tuple[list[GoldEvent], list[Event]]:
    """Greedy one-to-one matching; returns the unmatched gold and predicted events."""
    unmatched = list(predicted)
    missed = []
    for event in gold:
        hit = next((p for p in unmatched if _matches(event, p, keys, level)), None)
        if hit is None:
            missed.append(event)
        else:
            unmatched.remove(hit)
    return missed, unmatched


def score(gold_sentences: Sequence[GoldSentence], results: Iterable[DocumentResult],
          keys: ActorKeys, gold_path: Path) -> Report:
    report = Report(gold=gold_path)
    by_id = {sentence.id: sentence for sentence in gold_sentences}
    for result in results:
        sentence = by_id[result.document.id]
        # A negated event says the act did not happen; the gold codes acts that did.
        predicted = [event for event in result.events if not event.negated]
        report.sentences += 1
        report.articles += sentence.article is not None
        report.gold_events += len(sentence.events)
        report.skipped_gold += sentence.skipped
        report.predicted += len(predicted)
        for level in LEVELS:
            missed, extra = _pair(sentence.events, predicted, keys, level)
            tally = report.levels[level]
            tally.tp += len(sentence.events) - len(missed)
            tally.fn += len(missed)
            tally.fp += len(extra)
            if level == "dyad+root":
                _tables(report, sentence.events, missed, predicted, extra)
                report.misses += [_describe_gold(sentence, event) for event in missed]
                report.false_alarms += [_describe_event(sentence, event) for event in extra]
    return report


def _tables(report: Report, gold: Sequence[GoldEvent], missed: Sequence[GoldEvent],
            predicted: Sequence[Event], extra: Sequence[Event]) -> None:
    for event in gold:
        key = event.root or "??"
        if event in missed:
            report.by_root[key].fn += 1
            report.by_type[event.actor_type].fn += 1
        else:
            report.by_root[key].tp += 1
            report.by_type[event.actor_type].tp += 1
    for alarm in extra:
        report.by_root[alarm.relation.root].fp += 1
        report.by_type[_predicted_type(alarm.source.actor)].fp += 1


def _predicted_type(actor: Actor) -> str:
    if actor.type == "person":
        return _predicted_type(actor.member_of) if actor.member_of else "unresolved"
    if actor.type == "state":
        return "state+sector" if actor.sector else "state"
    return actor.type if actor.type in ("igo", "ngo") else "state+sector"


def _describe_gold(sentence: GoldSentence, event: GoldEvent) -> dict[str, Any]:
    # an article's miss is shown by its quote, not the whole article
    return {"id": sentence.id, "text": event.quote or sentence.text,
            "source": event.source_label, "target": event.target_label, "root": event.root}


def _describe_event(sentence: GoldSentence, event: Event) -> dict[str, Any]:
    return {"id": sentence.id,
            "text": event.sentence if sentence.article is not None else sentence.text,
            "source": event.source.actor.name, "relation": event.relation.label,
            "target": event.target.actor.name, "root": event.relation.root}


def evaluate(gold_path: Path, extract: Callable[[Iterable[Document]], Iterable[DocumentResult]],
             gazetteer: Gazetteer) -> Report:
    """Extract every gold sentence with ``extract`` and score the events."""
    keys = ActorKeys(gazetteer)
    sentences = read_gold(gold_path, keys)
    documents = (sentence.document for sentence in sentences)
    return score(sentences, extract(documents), keys, gold_path)


def format_report(report: Report) -> str:
    read = f"{report.sentences} sentences" if not report.articles else \
        f"{report.articles} articles" if report.articles == report.sentences else \
        f"{report.sentences} lines ({report.articles} whole articles)"
    lines = [f"{report.gold}: {read}, {report.gold_events} gold events "
             f"({report.skipped_gold} without a target not scored), "
             f"{report.predicted} predicted",
             f"{'level':<10} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}"]
    for level, tally in report.levels.items():
        lines.append(f"{level:<10} {tally.precision:6.3f} {tally.recall:6.3f} {tally.f1:6.3f} "
                     f"{tally.tp:5d} {tally.fp:5d} {tally.fn:5d}")
    return "\n".join(lines)


def write_report(report: Report, path: Path) -> None:
    """JSON for a .json path, otherwise Markdown with the tables and every miss."""
    with atomic_writer(path) as handle:
        if path.suffix == ".json":
            json.dump(report.as_dict(), handle, indent=1, ensure_ascii=False)
            return
        handle.write(_markdown(report))


def _markdown(report: Report) -> str:
    def table(title: str, rows: dict[str, Score]) -> list[str]:
        out = [f"## {title}", "", "| | P | R | F1 | TP | FP | FN |",
               "|---|---|---|---|---|---|---|"]
        out += [f"| {key} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp} | {s.fp} "
                f"| {s.fn} |" for key, s in sorted(rows.items())]
        return [*out, ""]

    lines = [f"# kg eval: {report.gold}", "", "```", format_report(report), "```", ""]
    lines += table("By CAMEO root (dyad+root)", report.by_root)
    lines += table("By actor type (dyad+root)", report.by_type)
    counts = Counter(miss["root"] for miss in report.misses)
    lines += ["## Misses", "", f"{len(report.misses)} gold events not found "
              f"(by root: {dict(sorted(counts.items(), key=str))})", ""]
    lines += [f"- `{m['id']}` {m['source']} -[{m['root']}]-> {m['target']}: {m['text']}"
              for m in report.misses]
    lines += ["", "## False alarms", "", f"{len(report.false_alarms)} predicted events not "
              "in the gold", ""]
    lines += [f"- `{f['id']}` {f['source']} -[{f['relation']} {f['root']}]-> {f['target']}: "
              f"{f['text']}" for f in report.false_alarms]
    return "\n".join(lines) + "\n"
