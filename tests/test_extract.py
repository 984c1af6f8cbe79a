"""Rules of the dep-verb extractor, each on a small sentence through the real pipeline."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.model import DocumentResult

ExtractText = Callable[..., DocumentResult]


def _dyads(result: DocumentResult) -> set[tuple[str, str, str]]:
    """(source country or id, CAMEO root, target country or id) of the asserted events."""
    return {(event.source.actor.state_country or event.source.actor.id, event.relation.root,
             event.target.actor.state_country or event.target.actor.id)
            for event in result.events if not event.negated}


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia demanded that Ukraine withdraw its troops.", ("RUS", "10", "UKR")),
    ("France called for Iran to release the prisoners.", ("FRA", "02", "IRN")),
])
def test_the_addressee_of_a_demand_is_the_subject_of_its_clause(
        extract_text: ExtractText, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _dyads(extract_text(text))


def test_coordinated_nationalities_are_two_sides(extract_text: ExtractText) -> None:
    dyads = _dyads(extract_text("Indian and Pakistani officials met in Geneva."))
    assert {("IND", "04", "PAK"), ("PAK", "04", "IND")} <= dyads


def test_a_date_is_no_target(extract_text: ExtractText) -> None:
    dyads = _dyads(extract_text("Hungary and Romania agreed on Wednesday to cooperate."))
    assert {("HUN", "03", "ROU"), ("ROU", "03", "HUN")} <= dyads


def test_light_verb_gives_its_indirect_object_to_the_noun(extract_text: ExtractText) -> None:
    result = extract_text("Japan will give Kenya a loan.")
    assert ("JPN", "03", "KEN") in _dyads(result)  # a promised loan is an intent to aid


def test_talks_held_by_two_sides_are_reciprocal(extract_text: ExtractText) -> None:
    dyads = _dyads(extract_text("Israel and Egypt held talks on Monday."))
    assert {("ISR", "04", "EGY"), ("EGY", "04", "ISR")} <= dyads


def test_a_thing_acted_on_stands_for_its_owner(extract_text: ExtractText) -> None:
    dyads = _dyads(extract_text("Israeli troops demolished Palestinian homes."))
    assert any(source == "ISR" and target == "PSE" for source, _, target in dyads), dyads


def test_a_threatened_act_is_a_threat(extract_text: ExtractText) -> None:
    dyads = _dyads(extract_text("Iran threatened to shell Iraqi towns."))
    assert ("IRN", "13", "IRQ") in dyads
    assert not any(root == "19" for _, root, _ in dyads)


def test_halting_aid_reduces_relations(extract_text: ExtractText) -> None:
    dyads = _dyads(extract_text("Japan halted economic aid to Serbia."))
    assert ("JPN", "16", "SRB") in dyads
    assert not any(root == "07" for _, root, _ in dyads)


def test_an_act_inside_a_demand_is_its_content(extract_text: ExtractText) -> None:
    dyads = _dyads(extract_text(
        "Poland demanded an admission by Russia that Soviet forces murdered Polish officers."))
    assert ("POL", "10", "RUS") in dyads
    assert not any(root == "18" for _, root, _ in dyads)


def test_willing_to_act_inherits_the_subject(extract_text: ExtractText) -> None:
    dyads = _dyads(extract_text("Syria is willing to withdraw its troops from Lebanon."))
    assert any(source == "SYR" and target == "LBN" and root == "03"
               for source, root, target in dyads), dyads
