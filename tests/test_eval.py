"""The scorer's own arithmetic on a tiny hand-made gold, and kg eval on the real gold sets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.actors.gazetteer import Gazetteer
from kg.cli import main
from kg.evaluate import ActorKeys, read_gold, score
from kg.extract.depverb import DepVerbExtractor
from kg.model import Actor, Document, DocumentResult, Event, Mention, Relation

RUS = Actor("RUS", "Russia", "state", "RUS")
SYR = Actor("SYR", "Syria", "state", "SYR")
UN = Actor("UN", "United Nations", "igo")
LAVROV = Actor("person:sergei-lavrov", "Sergei Lavrov", "person",
               member_of=Actor("RUSGOV", "Russian government", "state", "RUS", "GOV"))


def _event(doc: str, source: Actor, target: Actor, cameo: str) -> Event:
    return Event(doc_id=doc, sentence="s", sentence_start=0, sentence_end=1,
                 source=Mention("x", 0, 1, source), target=Mention("y", 0, 1, target),
                 relation=Relation("R" + cameo, cameo, 0.0))


def _gold(tmp_path: Path) -> Path:
    lines = [
        {"id": "a", "text": "a", "events": [
            {"source": "RUS", "source_name": "Russia", "target": "SYR", "target_name": "Syria",
             "code": "020", "root": "02", "quad": "verbal cooperation"},
            {"source": "Lavrov", "source_name": "Russia", "target": "UN",
             "target_name": "United Nations", "code": "111", "root": "11",
             "quad": "verbal conflict"}]},
        {"id": "b", "text": "b", "events": [
            {"source": "SYRGOV", "source_name": "Syria", "target": None, "no_target": True,
             "code": "010", "root": "01", "quad": "verbal cooperation"}]},
        {"id": "c", "text": "c", "events": [], "expect_no_events": True},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def test_scorer_counts_by_hand(tmp_path: Path) -> None:
    keys = ActorKeys(Gazetteer.load())
    gold = read_gold(_gold(tmp_path), keys)
    results = [
        # a: one exact hit (RUS->SYR 02), one dyad hit with the wrong root (Lavrov->UN 12
        #    where the gold says 11: matches at dyad level and at quad level)
        DocumentResult(Document("a", "a"), 1, (_event("a", RUS, SYR, "020"),
                                               _event("a", LAVROV, UN, "120")), ()),
        DocumentResult(Document("b", "b"), 1, (), ()),
        # c: a false alarm in a sentence with no events
        DocumentResult(Document("c", "c"), 1, (_event("c", SYR, RUS, "190"),), ()),
    ]
    report = score(gold, results, keys, Path("gold.jsonl"))
    assert report.gold_events == 2 and report.skipped_gold == 1 and report.predicted == 3
    root, dyad, quad = (report.levels[level] for level in ("dyad+root", "dyad", "dyad+quad"))
    assert (root.tp, root.fp, root.fn) == (1, 2, 1)
    assert (dyad.tp, dyad.fp, dyad.fn) == (2, 1, 0)
    assert (quad.tp, quad.fp, quad.fn) == (2, 1, 0)
    assert root.precision == pytest.approx(1 / 3) and root.recall == pytest.approx(1 / 2)
    assert root.f1 == pytest.approx(0.4)
    assert report.by_root["02"].tp == 1 and report.by_root["11"].fn == 1
    assert report.by_root["12"].fp == 1 and report.by_root["19"].fp == 1
    assert [miss["root"] for miss in report.misses] == ["11"]


def test_one_gold_event_is_matched_once(tmp_path: Path) -> None:
    keys = ActorKeys(Gazetteer.load())
    gold = read_gold(_gold(tmp_path), keys)[:1]
    twice = (_event("a", RUS, SYR, "020"), _event("a", RUS, SYR, "021"))
    report = score(gold, [DocumentResult(Document("a", "a"), 1, twice, ())], keys, Path("g"))
    assert (report.levels["dyad+root"].tp, report.levels["dyad+root"].fp) == (1, 1)


def test_an_organisation_is_matched_by_the_code_the_coder_gave_it() -> None:
    keys = ActorKeys(Gazetteer.load())
    peacekeepers = Actor("UNPKO", "UN peacekeepers", "igo", member_of=UN)
    assert keys.gold("UN", "U.N. troops") & keys.predicted(peacekeepers)
    assert not keys.gold("IGO", "international community") & keys.predicted(UN)


def test_an_uncoded_gold_name_is_matched_as_the_sentence_wrote_it() -> None:
    keys = ActorKeys(Gazetteer.load())
    taliban = Actor("TALIBAN", "Taliban", "group")
    amnesty = Actor("AMNESTY", "Amnesty International", "ngo")
    for name in ("The Taliban", "Taliban fighters", "a Taliban suicide bomber"):
        assert keys.gold(None, name) & keys.predicted(taliban), name
    assert keys.gold(None, "Amnesty International (AI)") & keys.predicted(amnesty)
    azerbaijan = Actor("AZE", "Azerbaijan", "state", country="AZE")
    assert keys.gold(None, "Azerbaijani troops") & keys.predicted(azerbaijan)
    assert not keys.gold(None, "the Taliban-allied Haqqani Network") & keys.predicted(taliban)


def test_an_article_event_matches_only_in_the_sentence_that_tells_it(tmp_path: Path) -> None:
    text = "Russia urged Syria to talk. Later Syria met Russia."
    gold = tmp_path / "articles.jsonl"
    gold.write_text(json.dumps({
        "id": "art", "date": "11/16/17", "title": "T", "text": text, "events": [
            {"source": "RUS", "source_name": "Russia", "target": "SYR", "target_name": "Syria",
             "root": "02", "code": "020", "quote": "Russia urged Syria"},
            {"source": "SYR", "source_name": "Syria", "target": "RUS", "target_name": "Russia",
             "root": "04", "code": "040", "quote": "Syria met Russia"}]}) + "\n",
        encoding="utf-8")
    keys = ActorKeys(Gazetteer.load())
    (article,) = read_gold(gold, keys)
    assert article.document.date == "2017-11-16" and article.document.title == "T"

    def told_in(sentence: str, source: Actor, target: Actor, cameo: str) -> Event:
        start = text.index(sentence)
        return Event(doc_id="art", sentence=sentence, sentence_start=start,
                     sentence_end=start + len(sentence), source=Mention("x", 0, 1, source),
                     target=Mention("y", 0, 1, target), relation=Relation("R", cameo, 0.0))

    first, second = "Russia urged Syria to talk.", "Later Syria met Russia."
    # the appeal where the article tells it; the meeting read from the wrong sentence
    events = (told_in(first, RUS, SYR, "020"), told_in(first, SYR, RUS, "040"))
    report = score([article], [DocumentResult(article.document, 2, events, ())], keys, gold)
    assert report.articles == 1
    root = report.levels["dyad+root"]
    assert (root.tp, root.fp, root.fn) == (1, 1, 1)
    assert report.misses[0]["text"] == "Syria met Russia"
    right = (told_in(first, RUS, SYR, "020"), told_in(second, SYR, RUS, "040"))
    report = score([article], [DocumentResult(article.document, 2, right, ())], keys, gold)
    assert report.levels["dyad+root"].tp == 2


@pytest.mark.shared
@pytest.mark.parametrize("name", ["cameo_manual_examples.jsonl",
                                  "plover_gsr_cameo_manual.jsonl", "news_dev.jsonl",
                                  "articles_dev.jsonl", "multicoped_train_en.jsonl"])
def test_kg_eval_runs_on_the_development_sets(name: str, shared: Path, tmp_path: Path,
                                              extractor: DepVerbExtractor) -> None:
    report = tmp_path / "report.json"
    result = CliRunner().invoke(main, ["eval", str(shared / "gold" / name),
                                       "--report", str(report)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    lines = (shared / "gold" / name).read_text(encoding="utf-8").splitlines()
    assert data["sentences"] == len(lines)
    assert data["articles"] == (len(lines) if name.startswith("articles") else 0)
    for level in data["levels"].values():
        assert level["tp"] + level["fn"] == data["gold_events"]
        assert level["tp"] + level["fp"] == data["predicted"]


@pytest.mark.shared
def test_build_on_gold_jsonl_gives_the_events_eval_sees(shared: Path, tmp_path: Path,
                                                        extractor: DepVerbExtractor) -> None:
    gold = shared / "gold" / "cameo_manual_examples.jsonl"
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(gold), "--text-field", "text",
                                       "--id-field", "id", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    built = sorted(line for line in (out / "events.jsonl").read_text().splitlines())
    lines = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    documents = [Document(id=line["id"], text=line["text"]) for line in lines]
    seen = sorted(json.dumps(event.to_dict(), ensure_ascii=False)
                  for result in extractor.extract(documents) for event in result.events)
    assert built == seen
