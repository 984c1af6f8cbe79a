"""Events from triggers: each pair of source and target actors becomes a candidate Event
with its mood, its code in that mood and its evidence; like the CAMEO coders, the rules
keep the sentence's main acts, not acts that are the content of another, and of a
trigger's guessed targets the first. ``kg.extract.judgement`` may judge them all."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Token

from kg.actors.people import names_a_place
from kg.extract.attribution import source_mentions, target_mentions
from kg.extract.context import Evidence, SentenceContext, Trigger
from kg.extract.entries import STATEMENT_ROOTS, frames_an_act, object_entries
from kg.extract.forceclass import armed_with, bombing_class, by_weapon, military_combat
from kg.extract.judged import introduced_thing, judging
from kg.extract.judicial import accused_of_treason
from kg.extract.mood import (
    alleging,
    coded_relation,
    is_negated,
    modality_of,
    speculated,
    told_violence,
)
from kg.extract.sides import (
    guess_ranks,
    one_phrase,
    own_forces,
    same_side,
    speaks_for,
    takes_sides,
)
from kg.extract.syntax import (
    ASIDE_DEPS,
    purpose_clauses,
    set_off_participle,
    set_off_relative,
    told_beside,
)
from kg.model import Event, Mention, Modality, Relation
from kg.tokens import token_table
from kg.words import cameo_codes, pronouns, words

PRONOUNS = pronouns()
MILITARY_ROOTS = cameo_codes("military force")
DETENTION_CODES = cameo_codes("detention")
CONVENTIONAL_CODES = cameo_codes("conventional force")
CAPTURE_CODES = cameo_codes("capture")
# holding people: arrest or detain, abduct or hold hostage
CAPTIVITY_CODES = cameo_codes("captivity")
# people taken by force rather than fought: civilians, the press, aid workers
UNARMED_SECTORS = words("unarmed sector")
ARMED_SECTORS = words("armed sector")
# what troops go abroad to do that makes them sent there: "to join an AU force", "to help"
AIDING_PURPOSES = words("aiding purpose")
# "A met B", "A held talks with B", "A signed a treaty with B": each side does the act
MUTUAL_CODES = cameo_codes("mutual")
VISIT_CODES = cameo_codes("visit")
# a journey gives way to the errand it is made for ("sent experts to Bosnia to investigate")
JOURNEY_CODES = cameo_codes("journey")
ERRAND_ROOTS = cameo_codes("errand")
# the visits paid that the place visited hosts (an arrival or a journey is not yet one)
HOSTED_VISITS = words("hosted visit")
# verbs of welcome, which host people and praise acts
WELCOMING_VERBS = words("welcoming verb")
REFLEXIVE_PRONOUNS = words("reflexive pronoun")
# "will not release the pilots", "would never accept the plan": a cooperative act one
# says one will not do is a refusal (12), as CAMEO codes "not about to free"
REFUSABLE_ROOTS = cameo_codes("refusable")
REJECTION_ROOTS = cameo_codes("rejection")
VETO_CODES = cameo_codes("veto")
RESOLUTION_WORDS = words("resolution word")
LEGISLATURE_WORDS = words("legislature word")
COUNCIL = "UNSC"
REFUSING_AUXILIARIES = words("refusing auxiliary")
FUTURE_HEADS = words("future head")
# "found guilty of torturing", "charged with killing": the violence one is tried for is
# an act of its own, not the content of the trial
CHARGING_VERBS = words("charging verb")
CHARGE_PREPOSITIONS = ("of", "for", "with")
VIOLENT_ROOTS = cameo_codes("violence")


@dataclass(frozen=True, slots=True)
class Candidate:
    """An event one trigger may code, and how the rules came to it: ``rank`` is its
    target's place among the guesses (0: the first, which the rules keep), ``embedded``
    whether its act is the content of another."""

    event: Event
    trigger: Trigger
    rank: int = 0
    embedded: bool = False
    # proposed by kg.extract.guesses, not by the rules' reading of the trigger
    guessed: bool = False

    @property
    def kept(self) -> bool:
        """Whether the rules alone code it."""
        return self.rank == 0 and not self.embedded and not self.guessed


@dataclass(frozen=True, slots=True)
class Mood:
    """Whether a trigger's act is negated and its modality: one reading per trigger,
    whatever the number of its sources and targets."""

    negated: bool
    modality: Modality

    @classmethod
    def of(cls, trigger: Token) -> Mood:
        return cls(is_negated(trigger), modality_of(trigger))


def trigger_candidates(context: SentenceContext, trigger: Trigger, evidence: Evidence,
                       extractor: str) -> Iterator[Candidate]:
    """The events one trigger may code, evidence being the sentence as it is quoted."""
    sources = source_mentions(context, trigger)
    # A monitor's, the press's or the people's word about another is a report, not a
    # statement to them ("the Observatory says ISIS members killed ..."), as their word
    # about another's violence is no accusation.
    # Told by a verb that reports ("the Observatory reported air strikes on X",
    # "confirmed the toll in X"), it is a report all the same.
    plain = trigger.statement and trigger.relation.root in STATEMENT_ROOTS
    if trigger.yields or trigger.relation.root in STATEMENT_ROOTS:
        sources = [source for source in sources if takes_sides(context, source.actor)]
    if not sources:
        return
    targets = target_mentions(context, trigger, sources)
    if not any(mention.actor.type == "igo" for mention in targets):
        # "vetoed a Russian-backed resolution": the council, beside whoever backed it
        targets = [*targets, *_council(context, trigger)]
    if trigger.statement:
        # A statement is about the first other party the clause names; a demand
        # that "X and Y must agree" is made on both. What one says of one's own
        # country ("Blair indicated British troops may replace them") is no dyad.
        targets = [mention for mention in targets
                   if mention.text.lower() not in PRONOUNS
                   and not any(same_side(source.actor, mention.actor) or
                               (plain and source.actor.compatriot(mention.actor))
                               for source in sources)]
    if not targets:
        return
    # a loose target or a statement's is a guess: the first is the rules' choice
    guessed = trigger.loose or plain
    # an act answered or undergone was made, whatever the verb above it says
    mood = Mood(False, "asserted") if trigger.presupposed else Mood.of(trigger.token)
    relation = coded_relation(context.lexicon, trigger.relation, mood.modality, trigger.token)
    if mood.negated and refused(trigger):
        relation, mood = context.lexicon.rules["refusal"], Mood(False, "asserted")
    for source in sources:
        allied = trigger.reciprocal and any(
            (target.start, target.end) != (source.start, source.end) for target in targets)
        # a guessed target's rank counts only the targets the source can act on
        actable = [target for target in targets
                   if not (same_side(source.actor, target.actor) or
                           own_forces(context, source, target) or
                           one_phrase(source, target, allied) or
                           target.text.lower() in REFLEXIVE_PRONOUNS)]  # "blew themselves up"
        ranks = guess_ranks(context, actable) if guessed else [0] * len(actable)
        for rank, target in zip(ranks, actable, strict=True):
            moved = _force_moved(context, trigger, relation, mood, source, target)
            if moved is None:
                continue
            event = coded_event(context, trigger, evidence, source, target,
                                moved, mood, extractor)
            yield Candidate(event, trigger, rank)
            back = returned(context, trigger, relation, mood, source, target)
            if back is not None:
                event = coded_event(context, trigger, evidence, target, source,
                                    back, mood, extractor)
                yield Candidate(event, trigger, rank)


def returned(context: SentenceContext, trigger: Trigger, relation: Relation, mood: Mood,
             source: Mention, target: Mention) -> Relation | None:
    """What the target does back to the source in the same act: "A met B" is a
    meeting on both sides, "A will meet B" an intent on both sides, and a visit paid
    ("visited Seattle", "during a visit to Egypt", "touring a camp in Darfur") is hosted
    by the place visited, as the news coders code it. A visit to one's own country or to
    a person, one only planned or only arrived at, or a "visiting" guest whom the
    clause's subject receives, is not hosted by the place."""
    if trigger.reciprocal:
        return None
    if relation.cameo in MUTUAL_CODES or trigger.relation.cameo in MUTUAL_CODES:
        return relation
    verb = trigger.token
    if relation.cameo not in VISIT_CODES or mood.modality != "asserted" or \
            mood.negated or verb.lemma_.lower() not in HOSTED_VISITS or \
            (trigger.nominal and verb.pos_ == "VERB") or \
            source.actor.compatriot(target.actor) or \
            target.actor.type != "state" or _people(context, target):
        return None
    return context.lexicon.rules["hosting"]


def _force_moved(context: SentenceContext, trigger: Trigger, relation: Relation, mood: Mood,
                 source: Mention, target: Mention) -> Relation | None:
    """An armed force does not visit: a state's troops that arrive in or head for
    another country to join a force there or to help ("flew out, heading for Darfur to
    join an AU force", "arrived in Nepal to help deliver aid") are sent there (074, as
    "sent peacekeepers"), and a force's move for no such purpose is no event ("rebels
    headed for Idlib", "soldiers arrived at their base")."""
    if trigger.relation.cameo not in VISIT_CODES or trigger.nominal or \
            not (_armed(context, source) or any(
                context.gazetteer.agents.get(token.lower_) in ARMED_SECTORS
                for token in trigger.sources)):
        return relation
    verb = trigger.token
    clauses = (verb, verb.head) if verb.dep_ in ("advcl", "conj", "xcomp") else (verb,)
    aiding = any(child.dep_ in ("advcl", "xcomp") and child.lemma_.lower() in AIDING_PURPOSES
                 for clause in clauses for child in clause.children)
    actor = speaks_for(source.actor)
    sent = actor.type in ("state", "igo", "bloc") or actor.sector in context.gazetteer.state_sectors
    if not (aiding and sent) or source.actor.compatriot(target.actor):
        return None
    return coded_relation(context.lexicon, context.lexicon.rules["force sent"],
                          mood.modality, verb)


def _armed(context: SentenceContext, mention: Mention) -> bool:
    """Whether a mention names an armed force ("British troops", "a company of Nigerian
    infantry", "troops from the United States"), not a person or a state's envoy."""
    actor = speaks_for(mention.actor)
    if mention.actor.type == "person":
        return False
    if actor.sector in ARMED_SECTORS:
        return True
    span = context.sentence.doc.char_span(mention.start, mention.end,
                                          alignment_mode="expand")
    return span is not None and len(span) > 0 and \
        context.gazetteer.agents.get(span.root.lower_) in ARMED_SECTORS


def _council(context: SentenceContext, trigger: Trigger) -> list[Mention]:
    """"Vetoed an Arab-backed resolution": a resolution vetoed where no body is named is
    the UN Security Council's, where the veto is cast; not one a sentence tells of a
    legislature ("a congressional resolution", "passed by Congress"), whose resolutions
    heads of state veto."""
    council = context.gazetteer.organisations.get(COUNCIL)
    if council is None or trigger.relation.cameo not in VETO_CODES or \
            any(token.lemma_.lower() in LEGISLATURE_WORDS for token in context.sentence):
        return []
    return [Mention(token.text, token.idx, token.idx + len(token.text), council)
            for token in trigger.targets[:1] if token.lemma_.lower() in RESOLUTION_WORDS]


def refused(trigger: Trigger) -> bool:
    """Whether a cooperative act is one its doer says they will not do: the verb's own
    "not" or "never" with "will" or "would" ("will not accept", "won't release"), not
    a "did not" of what did not happen."""
    verb = trigger.token
    if trigger.nominal or trigger.relation.root not in REFUSABLE_ROOTS or \
            verb.pos_ != "VERB":
        return False
    return any(child.dep_ == "neg" for child in verb.children) and \
        any(child.dep_ == "aux" and child.lower_ in REFUSING_AUXILIARIES
            for child in verb.children)


def coded_event(context: SentenceContext, trigger: Trigger, evidence: Evidence,
                source: Mention, target: Mention, relation: Relation, mood: Mood,
                extractor: str) -> Event:
    """The event a trigger codes between two actors, in the trigger's mood."""
    return Event(
        doc_id=context.document.id,
        sentence=evidence.text,
        sentence_start=evidence.start,
        sentence_end=evidence.end,
        source=source,
        target=target,
        relation=accused_of_treason(context, trigger, _welcomed(
            context, trigger, by_weapon(context, trigger, _by_whom(
                context, trigger, relation, source, target)))),
        negated=mood.negated,
        modality=mood.modality,
        date=context.document.date,
        confidence=_confidence(trigger, source, target),
        extractor=extractor,
    )


def _by_whom(context: SentenceContext, trigger: Trigger, relation: Relation,
             source: Mention, target: Mention) -> Relation:
    """Military force (19) used by armed groups, crowds or anyone but a state, its militia
    or an international force is irregular violence (18), as CAMEO codes "gunmen
    killed"; the verb's label stays. Combat, force aimed at an armed force and a weapon
    that names the force keep it (``forceclass``: "gunmen attacked a village").
    Likewise only a state arrests: anyone else who seizes people abducts them (181), and
    who captures a town captures it (192)."""
    actor = speaks_for(source.actor)
    sectors = context.gazetteer.state_sectors
    state = actor.type in ("igo", "bloc") or (actor.type == "state" and actor.sector in sectors)
    # a state's militia (its sector a state's: the NDF, the Tiger Forces) fights as its force
    militia = actor.type == "group" and actor.sector is not None and actor.sector in sectors
    bombing = bombing_class(trigger, relation, state=state, non_state=not (state or militia))
    if bombing is not None:
        return context.lexicon.rules[bombing]
    if relation.cameo in DETENTION_CODES or \
            (relation.cameo in CAPTURE_CODES and _people(context, target)):
        rule = "irregular detention"
    elif relation.root in MILITARY_ROOTS and relation.cameo not in CONVENTIONAL_CODES and \
            relation is not context.lexicon.rules["attempted force"] and \
            not trigger.reciprocal and object_entries(context.lexicon, trigger.token) is None \
            and not armed_with(trigger) and not military_combat(context, trigger, source, target):
        # a siege, shelling or an air strike, a battle fought on both sides and the
        # fight for a town ("an offensive to retake X") are military force whoever uses it
        rule = "irregular violence"
    else:
        return relation
    if state or (militia and rule == "irregular violence"):
        return relation
    irregular = context.lexicon.rules[rule]
    label = relation.label if rule == "irregular violence" else irregular.label
    return Relation(label, irregular.cameo, irregular.goldstein)


def _welcomed(context: SentenceContext, trigger: Trigger, relation: Relation) -> Relation:
    """"greeted Venezuelan President Hugo Chavez", "welcomed the Iraqi delegation": a
    welcome given to people rather than to what they did or said hosts them (043), as
    CAMEO codes "gave a warm welcome to de Klerk"; "welcomed his speech" is praise."""
    verb = trigger.token
    if trigger.nominal or verb.pos_ != "VERB" or verb.lemma_.lower() not in WELCOMING_VERBS:
        return relation
    guest = next((child for child in verb.children if child.dep_ == "dobj"), None)
    if guest is None or not (guest.ent_type_ == "PERSON" or
                             guest.lower_ in context.gazetteer.agents or
                             guest.lemma_.lower() in context.gazetteer.agents):
        return relation
    return context.lexicon.rules["hosting"]


def _people(context: SentenceContext, mention: Mention) -> bool:
    """Whether a mention names people ("two Americans", "journalists"), not a place."""
    span = context.sentence.doc.char_span(mention.start, mention.end,
                                          alignment_mode="expand")
    if span is None or not len(span):
        return False
    head, gazetteer = span.root, context.gazetteer
    if mention.actor.type == "person" or gazetteer.agents.get(head.lower_) in UNARMED_SECTORS:
        return True
    # a state's other names that are no place are its people ("two Americans", "a
    # Briton"); the tagger takes "Aleppo" for a nationality, so a known place, however
    # spelt, or a name a land noun makes a district ("the Qalamoun region") is a place
    text = head.text
    if head.pos_ != "PROPN" or gazetteer.is_place(text) or names_a_place(head) or \
            any(text == name for name, _ in gazetteer.countries.values()):
        return False
    return gazetteer.country_of_place(text) is not None


def _confidence(trigger: Trigger, source: Mention, target: Mention) -> float:
    score = 0.9
    if trigger.nominal:
        score -= 0.1
    if trigger.inherited_source:
        score -= 0.1
    for mention in (source, target):
        if mention.text.lower() in PRONOUNS:
            score -= 0.15
    return round(max(score, 0.1), 2)


def main_acts(context: SentenceContext, coded: list[tuple[Trigger, list[Candidate]]],
              judged: set[int]) -> Iterator[Candidate]:
    """Every candidate, marked ``embedded`` where its act is below another act of the
    sentence ("demanded an admission that forces murdered officers"): like the CAMEO
    coders, the rules code the main acts, whose content the others are. ``judged``: the
    triggers that judge an act, whose clause saying what the act was ("..., describing
    it as a crime") is the judgement's, whether or not it names the doer."""
    # "Italy announced a suspension of links with X": what is announced is the act.
    # "wrote to Bush urging him to send troops": what is said is the act.
    # What a denial denies is no act told: "denied accusations by X that it ..." is the
    # denial.
    coding = {trigger.token.i for trigger, candidates in coded
              if _codes([candidate for candidate in candidates if not candidate.event.negated])
              and trigger.relation.root not in STATEMENT_ROOTS}
    said = {trigger.token.i for trigger, _ in coded
            if trigger.relation.root in STATEMENT_ROOTS and not trigger.nominal
            and any(token.i in coding for token in trigger.token.subtree)}
    # an accusation read from reported violence gives way to that act wherever it
    # names whom it was aimed at, even only as a guess
    named = {trigger.token.i for trigger, candidates in coded
             if candidates and not trigger.yields}
    said |= {trigger.token.i for trigger, _ in coded
             if trigger.yields and any(token.i in named and token.i != trigger.token.i
                                       for token in trigger.token.subtree)}
    said |= {trigger.token.i for trigger, _ in coded
             if trigger.relation.cameo in JOURNEY_CODES and not trigger.nominal
             and any(errand.token.i in named and errand.relation.root in ERRAND_ROOTS
                     and errand.token.head.i == trigger.token.i
                     and errand.token in purpose_clauses(trigger.token)
                     for errand, _ in coded)}
    acting = {trigger.token.i for trigger, candidates in coded
              if _codes(candidates) and trigger.token.i not in said}
    # An appeal frames what it asks for even when its own actor is unknown: "the
    # parties call for X and Y to agree" asserts no agreement. (Demands and threats
    # are left out: on the gold sets their inner acts carry the code.)
    sentence = context.sentence
    table = token_table(sentence.doc)
    tags, lemmas = table.pos, table.lemma
    acting |= {index for index in range(sentence.start, sentence.end)
               if frames_an_act(context.lexicon, lemmas[index], tags[index])}
    acting |= {trigger.token.i for trigger, _ in coded if _turns_down_an_appeal(context, trigger)}
    alleged = alleging(sentence)  # "Assad accused of releasing prisoners": not told as done
    # "Mexico and Canada agreed to lift tariffs on American products": what is agreed or
    # promised is the act, an intent of each who agrees, even where the agreeing codes
    # an agreement between them; what is sought or asked for stays framed
    planning = {trigger.token.i for trigger, _ in coded
                if trigger.token.pos_ == "VERB" and lemmas[trigger.token.i] in FUTURE_HEADS
                and not frames_an_act(context.lexicon, lemmas[trigger.token.i], "VERB")}
    for trigger, candidates in coded:
        # "won an election condemned by Washington": a judgement told in passing of
        # what an act made is an act of its own
        embedded = not trigger.presupposed and not _charged_crime(trigger) and \
            not _told_captivity(trigger) and not (
                judging(trigger.relation) and introduced_thing(trigger.token) is not None) and (
            trigger.token.i in said or trigger.token.i in alleged or
            speculated(candidate.event for candidate in candidates) or
            _embedded(trigger.token, acting, said, planning, judged,
                      told_violence(trigger.relation, (c.event for c in candidates))))
        for candidate in candidates:
            yield replace(candidate, embedded=embedded) if embedded else candidate


def _turns_down_an_appeal(context: SentenceContext, trigger: Trigger) -> bool:
    """"Turned down a plea for a contribution to a force to protect UN staff": what a
    rejected appeal asks for is no more done than what the appeal alone asks for, even
    where the parser hangs the content on the verb and the appeal's maker is unnamed."""
    verb = trigger.token
    return trigger.relation.root in REJECTION_ROOTS and verb.pos_ == "VERB" and any(
        child.dep_ == "dobj" and (
            frames_an_act(context.lexicon, child.lemma_.lower(), child.pos_) or
            child.lemma_.lower() in RESOLUTION_WORDS)  # "vetoed a resolution to end aid"
        for child in verb.children)


def _codes(candidates: list[Candidate]) -> bool:
    """Whether a trigger codes an event of its own choosing (not only guessed ones)."""
    return any(candidate.rank == 0 for candidate in candidates)


def _charged_crime(trigger: Trigger) -> bool:
    """Whether ``trigger`` names the violence a trial, charge or arrest is for ("were
    found guilty of torturing Afghans", "was arrested for killing")."""
    token = trigger.token
    # (what one is executed "after" doing is no charge)
    if trigger.relation.root not in VIOLENT_ROOTS or token.dep_ != "pcomp" or \
            token.head.dep_ != "prep" or token.head.lower_ not in CHARGE_PREPOSITIONS:
        return False
    governor = token.head.head
    if governor.pos_ == "ADJ" and governor.dep_ in ("oprd", "acomp"):
        governor = governor.head  # "found guilty of"
    return governor.pos_ == "VERB" and governor.lemma_.lower() in CHARGING_VERBS


def _told_captivity(trigger: Trigger) -> bool:
    """"urged them to free two journalists they were holding hostage": a relative clause
    in the past tells what its noun has undergone, a fact of its own, not what the verb
    above it asks for."""
    token = trigger.token
    return trigger.relation.cameo in CAPTIVITY_CODES and token.dep_ == "relcl" and (
        token.tag_ == "VBD" or any(child.dep_ in ("aux", "auxpass") and child.tag_ == "VBD"
                                   for child in token.children))


def _embedded(token: Token, acting: set[int], said: set[int], planning: set[int],
              judged: set[int], violence: bool) -> bool:
    """Whether ``token`` sits below another word that codes an event, other than in an
    aside ("..., one of the factors behind Russia's veto"), in what is said below it
    ("are targeting them, adding that they massacred dozens": the saying gives way to
    what it tells, wherever the parser hangs it) or, for ``violence`` told as done, in a
    clause of time ("pulled out after Turkish jets raided villages")."""
    current = token
    while current.head.i != current.i:
        if current.dep_ in ASIDE_DEPS or set_off_participle(current) or \
                set_off_relative(current) or (violence and told_beside(current)) or \
                (current.dep_ == "xcomp" and current.head.i in planning):
            return False
        current = current.head
        if current.i in said:
            return False
        if current.i in acting or (current.i in judged and _calls_it(token)):
            return True
    return False


def _calls_it(clause: Token) -> bool:
    """"..., calling them a violation", "describing it as a crime": a clause that
    says what the act above it was (not "telling Allawi", an act of its own)."""
    return clause.dep_ in ("advcl", "acl") and clause.tag_ == "VBG" and \
        any(child.dep_ in ("dobj", "dative") and child.tag_ == "PRP"
            for child in clause.children)
