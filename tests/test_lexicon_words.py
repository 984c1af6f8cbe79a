"""Acts named by words the CAMEO verb dictionary codes but kg's lexicon lacked."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.model import DocumentResult

ExtractText = Callable[..., DocumentResult]


def _dyads(result: DocumentResult) -> set[tuple[str, str, str]]:
    return {(event.source.actor.state_country or event.source.actor.id, event.relation.root,
             event.target.actor.state_country or event.target.actor.id)
            for event in result.events if not event.negated}


@pytest.mark.parametrize(("text", "expected"), [
    # curbing another's power is coercion (the dictionary's SUPPRESS block, 170)
    ("The Egyptian parliament voted to curb the power of Sudanese traders.",
     ("EGY", "17", "SDN")),
    # to eradicate an armed enemy is to fight it (the DESTROY block, 190)
    ("French troops vowed to eradicate Malian rebels.", ("FRA", "13", "MLI")),
    # a court that quashes a conviction eases the sanction on the convicted (081)
    ("A Kenyan court quashed the conviction of a Ugandan opposition leader.",
     ("KEN", "08", "UGA")),
])
def test_dictionary_acts_kg_lacked(extract_text: ExtractText, text: str,
                                   expected: tuple[str, str, str]) -> None:
    assert expected in _dyads(extract_text(text)), _dyads(extract_text(text))


@pytest.mark.parametrize("text", [
    "Germany gave the green light to Poland on Tuesday.",
    "Poland received a green light from Germany to build the pipeline.",
    "Germany gave its blessing to Poland.",
])
def test_a_green_light_given_is_an_endorsement(extract_text: ExtractText, text: str) -> None:
    assert ("DEU", "05", "POL") in _dyads(extract_text(text)), _dyads(extract_text(text))
