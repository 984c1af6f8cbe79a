"""``ExtractorSpec``: everything that decides what a document yields, in one small value.

The pipeline, the runner's worker processes and Dask tasks all build their extractor
from a spec (``make``), and the extraction cache keys results on it (``fingerprint``),
so the three can never disagree about which model, lexicon and actor files are in use.
Specs are cheap to pickle: workers receive the spec, not a loaded model.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from kg import __version__
from kg.actors.gazetteer import Gazetteer
from kg.datafiles import builtin_path, fingerprint, set_aside_from_collector
from kg.extract.base import JUDGEMENT, Extractor, extractors
from kg.lexicon import Lexicon
from kg.nlp import default_model
from kg.words import words_fingerprint

DEFAULT_EXTRACTOR = "dep-verb.v1"
PACKAGE = Path(__file__).resolve().parent.parent
# The code of the extraction rules: every module below these folders, however deep,
# and the modules beside them that the rules read their words through.
RULE_FOLDERS = ("extract", "actors")
RULE_MODULES = ("words.py", "lexicon.py", "model.py")


@dataclass(frozen=True, slots=True)
class ExtractorSpec:
    """Which extractor, spaCy model, relation and actor files, and spaCy batch size.

    Example:
        >>> spec = ExtractorSpec(relations=(Path("my_relations.csv"),))
        >>> extractor = spec.make()
    """

    extractor: str = DEFAULT_EXTRACTOR
    model: str | None = None
    relations: tuple[Path, ...] = ()
    actors: tuple[Path, ...] = ()
    batch_size: int = 32
    # The judgement's threshold: None for the one chosen on the development sets.
    min_confidence: float | None = None

    def make(self, gazetteer: Gazetteer | None = None) -> Extractor:
        """Load the model and data and build the extractor (seconds: do it once)."""
        # Imported here: they import spaCy, which a rebuild served by the cache never needs.
        from kg.extract import depverb  # noqa: F401  (registers dep-verb.v1)
        from kg.nlp import load_model

        factory = extractors.get(self.extractor)
        # Only an extractor that judges takes a threshold: others keep the plain contract.
        judging = {} if self.min_confidence is None else {"min_confidence": self.min_confidence}
        extractor: Extractor = factory(load_model(self.model), Lexicon.load(self.relations),
                                       gazetteer or Gazetteer.load(self.actors),
                                       batch_size=self.batch_size, **judging)
        set_aside_from_collector()
        return extractor

    def fingerprint(self) -> str:
        """What the results depend on: the extractor's name, the model and its version,
        the lexicon and actor data, the judgement and its threshold, kg's version and the
        source of its rules. The batch
        size is left out: it changes how fast documents are parsed, not what they yield."""
        parts = [self.extractor, model_version(self.model), Lexicon.fingerprint(self.relations),
                 Gazetteer.fingerprint(self.actors), __version__, rules_fingerprint(),
                 fingerprint([builtin_path(JUDGEMENT)]), str(self.min_confidence)]
        return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


def model_version(name: str | None) -> str:
    """Model name and version, read from its package or folder without loading it."""
    chosen = name or default_model()
    folder = Path(chosen)
    if (folder / "meta.json").is_file():
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        return f"{meta.get('name')}@{meta.get('version')}:{folder.resolve()}"
    try:
        return f"{chosen}@{version(chosen)}"
    except PackageNotFoundError:
        return f"{chosen}@unknown"


def rules_fingerprint(package: Path = PACKAGE) -> str:
    """The extraction rules' source: a working copy between releases keeps one version
    number while its rules change, and a cached result must not outlive the rules."""
    sources = [path for folder in RULE_FOLDERS for path in (package / folder).rglob("*.py")]
    sources += [package / name for name in RULE_MODULES]
    digest = hashlib.sha1()
    for source in sorted(sources):
        digest.update(source.relative_to(package).as_posix().encode())
        digest.update(source.read_bytes())
    digest.update(words_fingerprint().encode())
    return digest.hexdigest()[:16]
