"""Acts named by words the CAMEO verb dictionary codes but kg's lexicon lacked."""

from __future__ import annotations

import pytest
from conftest import ExtractText, dyads_of


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
    assert expected in dyads_of(extract_text(text)), dyads_of(extract_text(text))


@pytest.mark.parametrize("text", [
    "Germany gave the green light to Poland on Tuesday.",
    "Poland received a green light from Germany to build the pipeline.",
    "Germany gave its blessing to Poland.",
])
def test_a_green_light_given_is_an_endorsement(extract_text: ExtractText, text: str) -> None:
    assert ("DEU", "05", "POL") in dyads_of(extract_text(text)), dyads_of(extract_text(text))
