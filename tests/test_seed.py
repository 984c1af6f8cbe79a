"""The seed article through the real pipeline: the events the user asked for by name."""

from __future__ import annotations

from kg.model import DocumentResult, Event


def _find(result: DocumentResult, **wanted: object) -> list[Event]:
    found = []
    for event in result.events:
        record = event.to_dict()
        if all(_value(record, key) == value for key, value in wanted.items()):
            found.append(event)
    return found


def _value(record: dict[str, object], key: str) -> object:
    value: object = record
    for part in key.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def test_first_sentence_russia_urges_syria(seed_result: DocumentResult) -> None:
    events = _find(seed_result, **{"source.id": "RUS", "target.id": "SYR", "root": "02"})
    assert events, [e.to_dict() for e in seed_result.events]
    event = events[0]
    assert event.sentence.startswith("Russia called on Syria Monday")
    assert event.sentence_start == 0
    assert event.source.text == "Russia" and event.source.start == 0
    assert event.target.text == "Syria"
    assert not event.negated
    assert event.relation.quad == "verbal cooperation"


def test_lavrov_criticism_of_assad_is_russia_against_syria(seed_result: DocumentResult) -> None:
    events = [event for event in seed_result.events
              if event.relation.root == "11"
              and event.source.actor.type == "person"
              and event.source.actor.name.endswith("Lavrov")
              and event.target.actor.state_country == "SYR"]
    assert events, [e.to_dict() for e in seed_result.events if e.relation.root == "11"]
    lavrov = events[0].source.actor
    assert lavrov.member_of is not None and lavrov.member_of.country == "RUS"
    assert lavrov.state_country == "RUS"
    assert any("criticism of Assad" in event.sentence for event in events)


def test_russia_veto_is_root_12(seed_result: DocumentResult) -> None:
    events = [event for event in seed_result.events
              if event.relation.root == "12" and event.source.actor.id == "RUS"]
    assert events, [e.to_dict() for e in seed_result.events if e.relation.root == "12"]
    assert any("veto" in event.sentence for event in events)


def test_no_plans_to_send_troops_is_negated(seed_result: DocumentResult) -> None:
    events = [event for event in seed_result.events if "no plans to send troops" in event.sentence]
    assert events, "no event read from the 'no plans to send troops' sentence"
    assert all(event.negated for event in events)
    assert any(event.source.actor.state_country == "RUS"
               and event.target.actor.id == "SYR" for event in events)


def test_news_agencies_are_never_actors(seed_result: DocumentResult) -> None:
    names = {mention.actor.name for event in seed_result.events
             for mention in (event.source, event.target)}
    assert not names & {"ITAR-TASS", "Interfax", "RIA Novosti", "Agence France Presse"}


def test_offsets_point_at_the_mention_text(seed_result: DocumentResult) -> None:
    text = seed_result.document.text
    for event in seed_result.events:
        assert text[event.sentence_start:event.sentence_end] == event.sentence
        for mention in (event.source, event.target):
            assert text[mention.start:mention.end] == mention.text


def test_later_surname_is_the_same_person(seed_result: DocumentResult) -> None:
    people = {mention.actor.id for event in seed_result.events
              for mention in (event.source, event.target) if mention.actor.type == "person"
              and "Lavrov" in mention.actor.name}
    assert len(people) == 1
