"""From a trigger's tokens to actors: who the source and the targets are.

Sources are the actors the source tokens name; else the side that unnamed people act for
("U.S. border patrol agents", "thousands of Iraqi Kurds"); else, for the few acts CAMEO
codes by place, the state or the armed groups of the place where they happened. Targets
are the actors the target tokens name, else the owners of the things acted on, else the
first actor the verb's other phrases, the object's inner words or a condition name; acts
aimed at nobody in particular go to the other side of the state where they happen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Token

from kg.actors.coreference import REFERENCE_WINDOW
from kg.extract.context import SentenceContext, Trigger
from kg.extract.entries import STATEMENT_ROOTS, acts_on_measures, measure_aims, noun_entries
from kg.extract.judged import inquired_doers, judged_targets
from kg.extract.ownership import (
    agents_of,
    in_owner,
    names_holder,
    owned_as_land,
    owner_modifiers,
    thing_owners,
)
from kg.extract.proposals import asked_for, proposal_owners
from kg.extract.sides import others, own_forces, speaks_for
from kg.extract.speakers import unspoken
from kg.extract.syntax import (
    AMOUNT_ENTITIES,
    between_sides,
    condition_subjects,
    governing_verb,
    journey_ends,
    listed_speakers,
    not_dates,
    opposed_names,
    passive_instruments,
    phrase_head,
    phrase_objects,
    prep_objects,
    purpose_clauses,
)
from kg.extract.unattributed import CUSTODY_PEOPLE, released_prisoners, scene, side_of, unattributed
from kg.model import Mention
from kg.words import cameo_codes, ordered_words, pronouns, words

VIOLENT_ROOTS = cameo_codes("violence")
# acts a state does to people (arrest, expel, release), whose unnamed victims are civilians
PEOPLE_ACTS = cameo_codes("people act")
MEDIATION_CODES = cameo_codes("mediation")
# acts one makes a journey for, aimed where one goes: "sent experts to Bosnia to investigate"
ERRAND_ROOTS = cameo_codes("errand")
# "Syria's allies", "Ivory Coast's neighbours": others, not whom the owner names.
RELATIONAL_NOUNS = words("relational noun")
# "members of", "a group of", "thousands of": people, whoever they are
COLLECTIVE_NOUNS = words("membership word") | words("group anaphor")
UNNAMED_PEOPLE = words("unnamed person")
SEAT_SUFFIXES = words("seat suffix")
SCENE_PREPOSITIONS = words("scene preposition")
GATHERINGS = words("gathering noun")
BENEFICIARY_NOUNS = words("beneficiary noun")
CLAIMING_VERBS = words("claiming verb")
DEFINITE = words("definite determiner")
# "a bomb planted by militants", "shells fired by the army": who used the weapon
WIELDING_VERBS = words("wielding verb")
# "a car bombing by the Islamic State group": acts whose "by" phrase names their doer
CLAIMED_ACTS = words("claimed act")
# In the order they are tried: "members of X" before "students throughout X".
MEMBER_PREPOSITIONS = ordered_words("member preposition")
CROWD_PREPOSITIONS = ordered_words("crowd preposition")
RELATIVE_PRONOUNS = pronouns("relative")
# who bears arms: a state's forces, rebels, militants (not who a place's blast is left to)
ARMED_SECTORS = words("armed sector")
# help given to a force or mission is for the place it serves ("troops sent to the AU
# mission in Somalia"), not the body whose mission it is
MISSION_NOUNS = words("mission noun")
AIDED_ROOTS = cameo_codes("aided")


def source_mentions(context: SentenceContext, trigger: Trigger) -> list[Mention]:
    actors = context.actors
    # "shelling of a village controlled by the IS group": who holds a place does not act
    # there by holding it
    acting = tuple(head for head in trigger.sources if not names_holder(head))
    if len(acting) < len(trigger.sources):
        trigger = replace(trigger, sources=acting)
    # "Qamishli is under the control of the regime": a town is where things happen, it
    # does nothing itself (a capital may speak for its government)
    named = [mention for mention in actors.resolve_each(trigger.sources)
             if not actors.names_town(mention)]
    if trigger.reciprocal:
        speakers = [speaker for head in trigger.sources for speaker in listed_speakers(head)]
        named = [mention for mention in named if not _spoken_by(mention, speakers)]
    found = named or _claimants(context, trigger) or \
        _source_owners(context, trigger.sources) or _seated(context, trigger.sources) or \
        unattributed(context, trigger)
    return [mention for mention in found if not actors.names_town(mention)]


def _spoken_by(mention: Mention, speakers: list[Token]) -> bool:
    """Whether a mention lies among the speakers run into a list of sides."""
    return any(speaker.left_edge.idx <= mention.start < speaker.right_edge.idx +
               len(speaker.right_edge.text) for speaker in speakers)


def _earlier_mentions(context: SentenceContext, heads: tuple[Token, ...]) -> list[Token]:
    """"a deal reached between the government and the rebels ... the deal brokered by
    Qatar": what "the deal" is, the same noun named before it in the story, nearest
    first."""
    doc = context.actors.doc
    found: list[Token] = []
    for head in heads:
        if head.pos_ == "NOUN" and any(child.dep_ == "det" and child.lower_ in DEFINITE
                                       for child in head.children):
            found.extend(doc[index] for index in range(head.i - 1,
                                                       max(-1, head.i - REFERENCE_WINDOW), -1)
                         if doc[index].lemma_ == head.lemma_)
    return found


def _claimants(context: SentenceContext, trigger: Trigger) -> list[Mention]:
    """"bomb blasts claimed by ISIS hit the city", "a car bomb claimed by ISIS killed ten":
    whoever claims an act nobody else is named for did it; "a bomb planted by militants
    killed ten", "shells fired by the army hit a school": whoever used the weapon."""
    verbs = CLAIMING_VERBS | WIELDING_VERBS
    heads = trigger.sources or _instruments(context, trigger)
    return context.actors.resolve_each(
        [agent for head in heads
         for agent in (*agents_of(head, verbs), *_makers(context, head))])


def _instruments(context: SentenceContext, trigger: Trigger) -> list[Token]:
    """"three people were injured in a motorcycle detonated by terrorists": what a harm
    told in the passive was done in or with stands where its doer would."""
    if trigger.nominal:
        return []
    return [obj for obj in passive_instruments(trigger.token) if not _aimed(context, obj)]


def _aimed(context: SentenceContext, noun: Token) -> bool:
    """"injured in a chemical attack by Iraqi troops against Iranian soldiers": an act
    noun aimed by its own phrase is the event, and the harm told of it its content."""
    # (the parser may hang the phrase on the agent: "by troops against soldiers")
    return any(True for prep in noun_entries(context.lexicon, noun)
               for _ in prep_objects(noun, prep, depth=2))


def _makers(context: SentenceContext, head: Token) -> list[Token]:
    """"a car bombing by the Islamic State group killed 75": who an attack is by did
    what the attack did (but "a rocket attack by Hamas on a town killed two" is the
    attack on the town, which its own phrase aims)."""
    if head.lemma_.lower() not in CLAIMED_ACTS or _aimed(context, head):
        return []
    return list(prep_objects(head, "by"))


def target_mentions(context: SentenceContext, trigger: Trigger,
                    sources: list[Mention]) -> list[Mention]:
    countries = {mention.actor.state_country for mention in sources}
    # A state and its executive act on others ("Russia urged the government": not its
    # own); everyone else in a country acts on its state too: rebels, protesters, people,
    # lawmakers, parties ("rebels seized it from the regime", "Dutch lawmakers accused
    # the government").
    executive = context.gazetteer.executive_sectors
    domestic = all((sector := speaks_for(mention.actor).sector) and sector not in executive
                   for mention in sources)
    exclude = next(iter(countries)) if len(countries) == 1 and not domestic else None
    if trigger.reciprocal:
        if len({speaks_for(source.actor).id for source in sources}) >= 2:
            return sources
        # "APEC agreed to set up a centre in Tokyo": one side agreeing to a plan
        # agrees with the first other party the plan names.
        return _first_target(context, [*trigger.purpose, *condition_subjects(trigger.token)],
                             exclude, sources)[:1]
    if trigger.home and not trigger.targets and not trigger.purpose:
        return _first_target(context, condition_subjects(trigger.token), exclude, sources) or \
            _home_side(context, trigger.token, sources)
    # A loose target is a guess: the first is the one kept, the others are candidates
    # the judgement may still take (kg.extract.events ranks them).
    targets = _named_targets(context, trigger, sources, exclude)
    if trigger.relation.root in VIOLENT_ROOTS:
        # "an intervention in support of the government": whom force helps is not its target
        targets = [mention for mention in targets
                   if not _helped(context, trigger.token, mention)]
    if trigger.home:
        targets = _home_targets(context, trigger, targets, sources, exclude)
    return unspoken(context.sentence, targets)


def _named_targets(context: SentenceContext, trigger: Trigger, sources: list[Mention],
                   exclude: str | None) -> list[Mention]:
    """The actors the trigger's target tokens name, directly or through what they say."""
    judged = _judged_or_inquired(context, trigger, exclude, sources)
    if judged is not None:
        return judged
    # "cut its forces in Afghanistan": a state's own forces are not whom it acts on
    # ("enforcing UN sanctions": the name in a measure's phrase is who imposed it)
    measuring = acts_on_measures(context.lexicon, trigger.relation)
    heads = tuple(_served(context, trigger, head) or _doer(context, head) or head
                  for head in trigger.targets
                  if not (measuring and measure_aims(context.lexicon, head) is not None))
    # "an anti-ISIS offensive": the name a stance prefix sets force against
    opposed = {name.i for name in opposed_names(trigger.token)} if trigger.nominal else set()
    targets = [mention for mention in unspoken(context.sentence, context.actors.resolve_each(
               heads, exclude, opposed)) if not any(own_forces(context, source, mention)
                                                    for source in sources)]
    if not trigger.statement:
        targets += proposal_owners(context, heads, exclude, sources, targets)
    if not targets and not trigger.statement:
        # "towns near Damascus which are surrounded by government forces": what the
        # relative pronoun stands for is the thing acted on
        described = tuple(head.head.head if head.lower_ in RELATIVE_PRONOUNS and
                          head.head.dep_ == "relcl" else head for head in trigger.targets)
        targets = _owner_targets(context, described, exclude, sources, measuring=measuring)
    acts_on_things = not trigger.statement and not trigger.nominal and \
        trigger.relation.root not in STATEMENT_ROOTS
    # "prisoners released from a Myanmar prison", "freed from jail in Kenya": the
    # prisoners are whom the release is done to, not the prison nor the place
    acts_on_things = acts_on_things and not released_prisoners(context, trigger)
    if not targets and acts_on_things:
        # "evacuated the wounded from the Bosnian town": the act's object names no
        # actor, a phrase of the verb does.
        taken = {token.i for token in trigger.targets}
        phrases = [token for token in not_dates(phrase_objects(trigger.token))
                   if token.i not in taken]
        targets = _first_target(context, phrases, exclude, sources)
    if not targets and trigger.relation.cameo in MEDIATION_CODES:
        targets = _mediated_sides(context, trigger, exclude, sources)
    if not targets and acts_on_things and not trigger.loose:
        # "accepted a formula for ending its dispute with its partners": deeper in what
        # the act is done to
        inside = [token for head in trigger.targets for token in not_dates(asked_for(head))
                  if token.pos_ in ("PROPN", "NOUN", "ADJ")
                  and not (measuring and in_owner(head, token))]
        targets = _first_target(context, inside, exclude, sources)[:1]
    if not others(targets, sources) and (trigger.relation.root in VIOLENT_ROOTS or
                                         trigger.relation.cameo in PEOPLE_ACTS):
        victims = _victims(context, trigger, sources)
        targets = targets if victims is None else victims
    if not targets and trigger.relation.root in ERRAND_ROOTS:
        # "sent experts to Bosnia to investigate the feasibility of a force": an errand
        # whose own words name nobody is aimed at where the journey made for it goes
        targets = _first_target(context, journey_ends(trigger.token), exclude, sources)
    if not targets and not trigger.statement and not trigger.home:
        # "threatened to stop negotiations if the United States goes ahead": an act set
        # on a condition with no target of its own is aimed at whom the condition is
        # set for.
        targets = _first_target(context, condition_subjects(trigger.token), exclude, sources)
    return targets


def _judged_or_inquired(context: SentenceContext, trigger: Trigger, exclude: str | None,
                        sources: list[Mention]) -> list[Mention] | None:
    """The doer of the act a judgement or an investigation is about, where that decides
    the target; None where it does not."""
    judged = judged_targets(context, trigger, exclude, sources)
    if judged is not None:
        return judged
    return inquired_doers(context, trigger, exclude, sources) or None


def _mediated_sides(context: SentenceContext, trigger: Trigger, exclude: str | None,
                    sources: list[Mention]) -> list[Mention]:
    """"brokered a truce between Israel and Hamas", "brokered deals to end the fighting
    between X and Y": mediation is aimed at each side it stands between (other acts'
    "between" is as often a place: "a road between two towns")."""
    sides = between_sides([*trigger.targets, *purpose_clauses(trigger.token)]) or \
        between_sides(_earlier_mentions(context, trigger.targets))
    return others(context.actors.resolve_each(sides, exclude), sources)


def _helped(context: SentenceContext, trigger: Token, mention: Mention) -> bool:
    """Whether the mention is named as whom the act is for ("in support of", "on behalf
    of", "in defence of"), between it and the act's word."""
    node = phrase_head(context.sentence.doc, mention.start, mention.end)
    while node is not None and node.head.i != node.i and node.head.i != trigger.i:
        node = node.head
        if node.pos_ == "NOUN" and node.lemma_.lower() in BENEFICIARY_NOUNS:
            return True
    return False


def _victims(context: SentenceContext, trigger: Trigger,
             sources: list[Mention]) -> list[Mention] | None:
    """"bombers killed 23 people in Tel Aviv": victims named by no nation are the
    people of the place (None where the victims are not civilians)."""
    agents = context.gazetteer.agents
    # "a man was arrested": one held by a state is one of its people, as the crowds are
    held = trigger.relation.cameo in PEOPLE_ACTS
    # "released hundreds of prisoners": those held are the people the number counts
    heads = [inner for head in trigger.targets
             for inner in (head, *(prep_objects(head, "of") if held and
                                   _people_noun(context, head) else ()))]
    victims = [head for head in heads if agents.get(head.lower_) == "CVL"
               or (held and head.lemma_.lower() in UNNAMED_PEOPLE | CUSTODY_PEOPLE)]
    if not victims:
        return None
    # "... when they blew themselves up in Tel Aviv"
    when = [clause for clause in trigger.token.children if clause.dep_ == "advcl"]
    place = scene(context, [trigger.token, *when])
    if place is not None:
        return others([side_of(context, place, "CVL")], sources)
    # "Vietnam released 9,000 prisoners": a state's own people, where no place is named;
    # but those that force kills are the people of where the story is ("Russian air
    # strikes", "a suicide bomber" killed 30 people, in a story about Syria)
    state = next((source.actor.state_country for source in sources
                  if source.actor.type == "state" and source.actor.state_country), None)
    if trigger.relation.root in VIOLENT_ROOTS and (state is not None or any(
            source.actor.sector in ARMED_SECTORS for source in sources)):
        state = context.actors.focus_country() or state
    if state is None:
        return []
    head = victims[0]
    return others([Mention(head.text, head.idx, head.idx + len(head.text),
                           context.gazetteer.state(state, "CVL"))], sources)


def _home_targets(context: SentenceContext, trigger: Trigger, targets: list[Mention],
                  sources: list[Mention], exclude: str | None) -> list[Mention]:
    """"Yugoslavia lifted a curfew in Kosovo": a place of the source's own country
    stands for those who live there."""
    purposes = others(context.actors.resolve_each(trigger.purpose, exclude), sources) or \
        _owner_targets(context, trigger.purpose, exclude, sources)
    purposes = purposes or _first_target(context, condition_subjects(trigger.token),
                                         exclude, sources)
    return others(targets, sources) or purposes[:1] or \
        _home_side(context, trigger.token, sources)


def _home_side(context: SentenceContext, trigger: Token,
               sources: list[Mention]) -> list[Mention]:
    """Who an act with no named target is aimed at: the other side of the state in
    the place it happens ("in Kirkuk", "throughout Indonesia"), else in the actors'
    own country. Protesters act against the government; a government or its forces
    act on the people."""
    state_sectors = context.gazetteer.state_sectors
    state_side = any(source.actor.type == "state" and
                     source.actor.sector in state_sectors for source in sources)
    sector = "CVL" if state_side else "GOV"
    carriers = [trigger]
    governor = governing_verb(trigger) if trigger.pos_ != "VERB" else None
    if governor is not None:
        carriers.append(governor)
    place = scene(context, carriers)
    if place is not None:
        return [side_of(context, place, sector)]
    return [side_of(context, source, sector) for source in sources[:1]
            if source.actor.state_country]


def _source_owners(context: SentenceContext, heads: tuple[Token, ...]) -> list[Mention]:
    """Unnamed people acting for a named side: "U.S. border patrol agents", "Swiss
    doctors", "members of the Association of African Jurists", "representatives from
    Egyptian organisations", "thousands of Iraqi Kurds", "students throughout
    Indonesia". A crowd named only by its nation is its civilians, not its state."""
    found: list[Mention] = []
    for head in heads:
        if head.pos_ != "NOUN":
            continue
        for token in context.actors.conjuncts(head):
            if token.lemma_.lower() in RELATIONAL_NOUNS or owned_as_land(token):
                continue
            direct, named = _people_owners(context, token)
            for index, owner in enumerate(named):
                mentions = context.actors.resolve(owner)
                if mentions:
                    found.extend(_as_people(context, mention) if index >= direct else mention
                                 for mention in mentions)
                    break
    return found


def _people_owners(context: SentenceContext, token: Token) -> tuple[int, list[Token]]:
    """The tokens that may name whom unnamed people belong to, nearest first, and how
    many of them modify the people directly (the rest name a crowd's nation)."""
    found = list(owner_modifiers(token))
    # "US Predator attacks": the owner may modify the compound before the head
    found += [owner for child in token.children if child.dep_ == "compound"
              for owner in owner_modifiers(child)]
    # "Russian air power" is Russia's; "thousands of Iraqi Kurds" are Iraqis
    direct = len(found)
    # "a summit in Tehran", "an explosion in Idlib": where a meeting is held or a thing
    # is, is no member of it; people are of where they are ("students throughout
    # Indonesia")
    venue = token.lemma_.lower() in GATHERINGS or bool(noun_entries(context.lexicon, token)) \
        or not _people_noun(context, token)
    for prep in MEMBER_PREPOSITIONS:
        if venue and prep in SCENE_PREPOSITIONS:
            continue
        for obj in prep_objects(token, prep):
            if obj.ent_type_ not in AMOUNT_ENTITIES and not names_holder(obj):
                # "thousands of Iraqi Kurds", not "rounds of Geneva talks" nor "bombing
                # of rebel-held areas"
                named_by = [] if noun_entries(context.lexicon, obj) else owner_modifiers(obj)
                found += [obj, *named_by,
                          *(inner for deeper in CROWD_PREPOSITIONS
                            for inner in prep_objects(obj, deeper))]
    return direct, found


def _seated(context: SentenceContext, heads: tuple[Token, ...]) -> list[Mention]:
    """Where one unnamed person is based, when nothing else says whose they are: "a
    Swiss-based scholar" is a Swiss civilian. A group's seat is no membership ("a
    Turkey-based opposition group"), so the name is matched as a stance, not an actor."""
    gazetteer = context.gazetteer
    for head in heads:
        if head.tag_ != "NN" or head.lower_ in gazetteer.agents or \
                head.lemma_.lower() in COLLECTIVE_NOUNS:
            continue
        for child in head.children:
            if child.dep_ != "amod" or child.lower_ not in SEAT_SUFFIXES:
                continue
            for name in child.children:
                states = [entry.actor for entry in gazetteer.aliases.get(name.text, [])
                          if entry.actor is not None and entry.actor.type == "state"]
                if name.dep_ in ("npadvmod", "compound", "nmod") and states and \
                        states[0].country:
                    return [Mention(name.text, name.idx, name.idx + len(name.text),
                                    gazetteer.state(states[0].country, "CVL"))]
    return []


def _people_noun(context: SentenceContext, token: Token) -> bool:
    """Whether a noun names people: "students", "members", "a group", "thousands"."""
    return token.lower_ in context.gazetteer.agents or token.like_num or \
        token.ent_type_ in AMOUNT_ENTITIES or token.lemma_.lower() in COLLECTIVE_NOUNS


def _as_people(context: SentenceContext, mention: Mention) -> Mention:
    actor = mention.actor
    if actor.type != "state" or actor.sector or not actor.country:
        return mention
    return Mention(mention.text, mention.start, mention.end,
                   context.gazetteer.state(actor.country, "CVL"))


def _first_target(context: SentenceContext, heads: list[Token], exclude: str | None,
                  sources: list[Mention]) -> list[Mention]:
    """The actors of the first phrase that names any, itself or by its owners."""
    for head in heads:
        found = unspoken(context.sentence, others(context.actors.resolve_each((head,), exclude),
                                                  sources))
        found = found or _owner_targets(context, (head,), exclude, sources)
        if found:
            return found
    return []


def _served(context: SentenceContext, trigger: Trigger, head: Token) -> Token | None:
    """Help or troops given to a force or mission go to the place it serves: "sent troops
    to the AU mission in Somalia", "ready to contribute troops to the NATO-led force in
    Afghanistan" are aimed at Somalia and Afghanistan; an attack on "the UN mission in
    Mali" is still the UN's."""
    if trigger.relation.root not in AIDED_ROOTS or head.lemma_.lower() not in MISSION_NOUNS:
        return None
    return next((obj for child in head.children if child.dep_ == "prep" and child.lower_ == "in"
                 for obj in child.children
                 if obj.dep_ == "pobj" and context.actors.resolve_each((obj,), None)), None)


def _doer(context: SentenceContext, head: Token) -> Token | None:
    """An act stands for who does it, not for whom its "of" names: "condemned the
    Israeli blockade of Gaza" is aimed at Israel, "welcomed Syria's withdrawal from
    Lebanon" at Syria."""
    if head.pos_ != "NOUN" or not noun_entries(context.lexicon, head) or \
            not any(child.dep_ == "prep" and child.lower_ in ("of", "from")
                    for child in head.children):
        return None
    return next((owner for owner in owner_modifiers(head)
                 if owner.i in context.actors.matches), None)


def _owner_targets(context: SentenceContext, targets: tuple[Token, ...], exclude: str | None,
                   sources: list[Mention], *, measuring: bool = False) -> list[Mention]:
    """A thing acted on stands for whom it belongs to or where it is: "demolished
    Palestinian homes", "lifted a curfew in Kosovo", "rejected an offer from Kabul".
    The source's own things ("lifted its boycott on Namibia") point further on; a
    measure imposed, enforced or eased (``measuring``) stands for whom it falls on,
    never for its owner, who imposed it."""
    for head in targets:
        for token in context.actors.conjuncts(head):
            if token.lemma_.lower() in RELATIONAL_NOUNS:
                continue
            owners: Iterable[Token] = thing_owners(token)
            aimed = measure_aims(context.lexicon, token) if measuring else None
            if aimed is not None:
                owners = aimed or [owner for owner in owners if not in_owner(token, owner)]
            for owner in owners:
                if any(source.start <= owner.idx < source.end for source in sources):
                    continue  # "an area captured by government forces": the doer itself
                found = others(context.actors.resolve_each((owner,), exclude), sources)
                if found:
                    return found
    return []

