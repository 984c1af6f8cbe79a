"""kg's quicker attribute ruler and lemmatizer give spaCy's own annotations."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from itertools import islice
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.pipeline import AttributeRuler

from kg.errors import ModelMissing
from kg.nlp import load_model
from kg.quickpipes import QuickAttributeRuler, QuickLemmatizer, quicken
from tests.conftest import unavailable

ANNOTATIONS = ["POS", "MORPH", "LEMMA", "TAG", "DEP", "HEAD", "ENT_TYPE", "ENT_IOB"]
# Written to reach the ruler's word-specific patterns (contractions, "gonna", "let's",
# auxiliaries, negations, subordinators) as well as its tag map.
TEXTS = [
    "Ain't nobody gonna stop us, let's go, the minister said on Tuesday.",
    "They didn't say whether the talks had failed, but we're sure they've ended.",
    "If the rebels aren't leaving, the army will be forced to shell the town's outskirts.",
    "I'm not sayin' nothin' y' know, gotta wait till the envoys arrive in Geneva.",
    "The U.N. Security Council voted 13-2 to condemn the attacks, which killed 45 people.",
    "Russia's foreign ministry, whose spokeswoman spoke in Moscow, urged calm.",
    "   Whitespace   and\ttabs\n\nbetween paragraphs   .",
    "",
]


@pytest.fixture(scope="module")
def pipelines() -> tuple[Language, Language]:
    try:
        stock = load_model(quick=False)
        quick = load_model()
    except ModelMissing as error:
        unavailable(str(error))
        raise
    return stock, quick


def differing(stock: Language, quick: Language, texts: Iterable[str]) -> list[str]:
    texts = list(texts)
    found = []
    for text, ours, theirs in zip(texts, quick.pipe(texts), stock.pipe(texts), strict=True):
        if (ours.to_array(ANNOTATIONS) != theirs.to_array(ANNOTATIONS)).any() or \
                [str(token.morph) for token in ours] != [str(token.morph) for token in theirs]:
            found.append(text[:80])
    return found


def test_the_quicker_components_stand_in(pipelines: tuple[Language, Language]) -> None:
    stock, quick = pipelines
    assert isinstance(quick.get_pipe("attribute_ruler"), QuickAttributeRuler)
    assert isinstance(quick.get_pipe("lemmatizer"), QuickLemmatizer)
    assert type(stock.get_pipe("attribute_ruler")) is AttributeRuler


def test_same_annotations_as_spacy(pipelines: tuple[Language, Language]) -> None:
    stock, quick = pipelines
    # twice: the second pass is answered from what the first remembered
    assert differing(stock, quick, TEXTS + TEXTS) == []


def test_same_annotations_on_real_news(pipelines: tuple[Language, Language],
                                       shared: Path) -> None:
    stock, quick = pipelines
    with (shared / "corpus" / "fakes.csv").open(encoding="cp1252", newline="") as handle:
        texts = [row["article_content"] for row in islice(csv.DictReader(handle), 60)]
    assert len(texts) == 60
    assert differing(stock, quick, texts) == []


def test_a_pattern_it_cannot_promise_keeps_spacys_ruler(
        pipelines: tuple[Language, Language]) -> None:
    stock, _ = pipelines
    nlp = load_model(quick=False)
    # an operator ("OP") is beyond the quicker ruler: spaCy's own stays in place
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "very", "OP": "+"}]], {"TAG": "RB"})
    quicken(nlp)
    assert type(nlp.get_pipe("attribute_ruler")) is AttributeRuler
    assert isinstance(nlp.get_pipe("lemmatizer"), QuickLemmatizer)
    assert differing(stock, nlp, TEXTS[:3]) == []
