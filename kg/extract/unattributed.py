"""Acts nobody is named for, coded as CAMEO coders do to the place where they happened:
the state of the place arrests and tries, its armed groups bomb and kidnap; and where
a sentence says an act happened: "in Kirkuk", "near the town of Samarra"."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.context import SentenceContext, Trigger
from kg.extract.entries import held_as, object_entries
from kg.extract.ownership import owner_modifiers
from kg.extract.syntax import prep_objects
from kg.extract.triggers import CUSTODY_RELEASES, KIDNAPPERS_ACTS, STATE_ACTS, verb_shape
from kg.model import Mention
from kg.words import cameo_codes, words

VIOLENT_ROOTS = cameo_codes("violence")
# Artillery and tanks, aerial weapons: the arms of states.
STATE_WEAPON_CODES = cameo_codes("state weapon")
CUSTODY_PLACES = words("custody place")
CUSTODY_PEOPLE = words("custody person")
JAIL_PREPOSITIONS = ("from", "at", "in")
SCENE_PREPOSITIONS = words("scene preposition")


def unattributed(context: SentenceContext, trigger: Trigger) -> list[Mention]:
    """Acts nobody is named for, coded as CAMEO coders do to the place where they
    happened. Only a state arrests, tries or deports ("a missionary was arrested in
    Lebanon"); violence ("a car bomb killed three civilians in Baghdad", "servicemen
    were killed outside Basra") goes to the armed groups of the place, but not
    "athletes killed at the 1972 Games", a description of the past."""
    if trigger.nominal:
        return []
    state_body = STATE_ACTS.get(trigger.relation.cameo)
    if state_body is not None and not trigger.sources:
        place = scene(context, [trigger.token]) or _own_state(context, trigger)
        return [side_of(context, place, state_body)] if place is not None else []
    kidnappers = KIDNAPPERS_ACTS.get(trigger.relation.cameo)
    if kidnappers is not None and not trigger.sources:
        # "journalists held hostage in Iraq": the parser may hang the place on the word
        # that says what they are held as
        place = scene(context, [trigger.token, *held_as(trigger.token)])
        return [side_of(context, place, kidnappers)] if place is not None else []
    jailer = CUSTODY_RELEASES.get(trigger.relation.cameo)
    if jailer is not None and not trigger.sources:
        return _jailers(context, trigger, jailer)
    if trigger.relation.root not in VIOLENT_ROOTS or trigger.token.dep_ == "acl":
        return []
    # Only where the weapon names the kind of attacker: a bomb or a mine, not an air
    # strike or a barrel bomb (a state's), nor a bare "were killed in Syria".
    by_weapon = object_entries(context.lexicon, trigger.token) is not None
    if not by_weapon or trigger.relation.cameo[:3] in STATE_WEAPON_CODES:
        return []
    # "regime bombs", "Russian missiles": a weapon with an owner the resolver cannot
    # place is still somebody's, not the place's armed groups'
    agents = context.gazetteer.agents
    if any(modifier.lower_ in agents or modifier.ent_type_ or modifier.pos_ == "PROPN"
           for head in trigger.sources for modifier in head.children
           if modifier.dep_ in ("compound", "amod", "poss", "nmod")):
        return []
    place = scene(context, [trigger.token, *trigger.sources])
    return [side_of(context, place, "UAF")] if place is not None else []


def _jailers(context: SentenceContext, trigger: Trigger, body: str) -> list[Mention]:
    """Who releases people nobody is named for releasing: the state that held them, where
    they are prisoners or leave a prison ("hundreds of prisoners released from a Myanmar
    prison", "was freed from jail"); the state of the prison's place, or the people's own
    in a story about them. Hostages freed are left alone: kidnappers or the troops that
    stormed their hideout may have freed them."""
    verb = trigger.token
    if not _told_passive(verb) or _aside(verb):
        return []
    # the prison left ("from a Myanmar prison") or the one held in ("inmates at the US
    # military prison")
    jails = [obj for holder in (verb, *trigger.targets) for prep in holder.children
             if prep.dep_ == "prep" and prep.lower_ in JAIL_PREPOSITIONS
             for obj in prep.children
             if obj.dep_ == "pobj" and obj.lemma_.lower() in CUSTODY_PLACES]
    if not jails and not released_prisoners(context, trigger):
        return []
    place = _stated(context, [*jails, *(modifier for jail in jails
                                        for modifier in owner_modifiers(jail))]) or \
        scene(context, [verb, *jails]) or _own_state(context, trigger)
    return [side_of(context, place, body)] if place is not None else []


def released_prisoners(context: SentenceContext, trigger: Trigger) -> bool:
    """Whether a release is of prisoners: "freed 300 detainees", "hundreds of inmates
    were released"."""
    if trigger.relation.cameo not in CUSTODY_RELEASES:
        return False
    return any(held.lemma_.lower() in CUSTODY_PEOPLE for head in trigger.targets
               for held in (head, *prep_objects(head, "of")))


def _aside(verb: Token) -> bool:
    """"Anwar Ibrahim, released from jail two months ago, kicked off his comeback": a
    participle set off by commas after its noun tells who the person is, not the news."""
    start = verb.left_edge.i
    return verb.dep_ == "acl" and start > 0 and verb.doc[start - 1].text == ","


def _own_state(context: SentenceContext, trigger: Trigger) -> Mention | None:
    """Where no place is named, a state arrests, tries or deports people of its own in a
    story about it, or about nobody else: "two Syrian activists were arrested", "Pinochet
    was charged with kidnapping", "were found guilty and sentenced", "the minister,
    arrested last week, ...". The act's word is the mention: nothing names the state."""
    # (an arrest one is "under" is told of the one undergoing it)
    if not trigger.presupposed and not _told_passive(trigger.token):
        return None  # only the people the act is told of: "were arrested", not "seized"
    countries = {mention.actor.state_country
                 for target in trigger.targets for mention in context.actors.resolve(target)}
    if len(countries) != 1:
        return None
    country = next(iter(countries))
    focus = context.actors.focus_country()
    if country is None or (focus is not None and focus != country):
        return None
    token = trigger.token
    return Mention(token.text, token.idx, token.idx + len(token.text),
                   context.gazetteer.state(country, None))


def _told_passive(verb: Token) -> bool:
    """Whether a verb is passive, its subject the people the act is told of; not a
    relative clause the parser reads as a participle after its noun: "a hill that
    rebels seized"."""
    if not verb_shape(verb).passive:
        return False
    if verb.dep_ != "acl":
        return True
    noun = verb.head
    start = max(noun.left_edge.i - 1, 0)
    return not any(word.tag_ in ("WDT", "WP") or word.lower_ == "that"
                   for word in verb.doc[start:noun.i])


def side_of(context: SentenceContext, mention: Mention, sector: str) -> Mention:
    country = mention.actor.state_country
    assert country is not None
    side = context.gazetteer.state(country, sector)
    return Mention(mention.text, mention.start, mention.end, side)


def scene(context: SentenceContext, carriers: list[Token]) -> Mention | None:
    """The state of the first place the carriers' phrases name: "in Kirkuk", "near the
    town of Samarra", "at this jail in northern Israel"."""
    for carrier in carriers:
        for prep in carrier.children:
            if prep.dep_ != "prep" or prep.lower_ not in SCENE_PREPOSITIONS:
                continue
            # "outside of the city": the place hangs from the second preposition
            places = [obj for child in prep.children
                      for obj in (child.children if child.dep_ == "prep" else (child,))
                      if obj.dep_ == "pobj"]
            for place in places:
                found = _stated(context, [place, *(obj for inner in place.children
                                                   if inner.dep_ == "prep"
                                                   for obj in inner.children
                                                   if obj.dep_ == "pobj")])
                # "the Iraqi city of Basra"
                found = found or _stated(context, list(owner_modifiers(place)))
                if found is not None:
                    return found
    return None


def _stated(context: SentenceContext, tokens: list[Token]) -> Mention | None:
    """The first mention among the tokens' that belongs to a state."""
    for token in tokens:
        for mention in context.actors.resolve(token):
            if mention.actor.state_country:
                return mention
    return None
