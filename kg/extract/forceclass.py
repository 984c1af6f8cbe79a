"""The class of a violent act not done by a state: irregular violence (CAMEO 18) or
military force (19). Like the CAMEO coders, the act and its weapon decide, not only who
does it: abductions, bombings, assassinations and killings of people are 18 whoever does
them, but an armed group's attack, offensive or battle ("Palestinian gunmen attacked an
Israeli village", "a rebel counteroffensive"), the force it aims at another armed force
("an attack on a police patrol") and the force its military weapon names ("rebel rocket
fire killed 10") are 19, as a state's are; bombs, machetes and knives keep an attack 18."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.context import SentenceContext, Trigger
from kg.extract.sides import speaks_for
from kg.extract.syntax import passive_instruments, phrase_head
from kg.model import Mention, Relation
from kg.words import cameo_codes, words

MILITARY_WEAPONS = words("military weapon")
# the acts of organised armed combat: whoever fights them uses military force
COMBAT_ACTS = words("combat act")
# weapons that need no military organisation, and bombs: an attack with them is an
# assault (18), as CAMEO codes car and suicide bombings (183)
IRREGULAR_WEAPONS = words("irregular weapon")
ARMED_SECTORS = words("armed sector")
# "rebel fire", "a rocket barrage": nouns of military fire, which name the force
MILITARY_FIRE = words("military fire")
# "bombing killed 21", "carried out bombings": a bombing not named by what carried it
BOMBING_WORDS = words("bombing word")
# what carries a bomb an armed group sets off: "a car bomb", "a suicide bombing"
BOMB_CARRIERS = words("bomb carrier")
# the verb's doer and the phrases of its means: "killed by rocket shells", "with mortars"
FIRING_DEPS = ("nsubj", "agent", "prep")
# the weapons of artillery, rocket and tank fire: force dealt with them is shelling (194)
SHELLING_WEAPONS = words("shelling weapon")
# what aircraft fire or drop: a phrase that names them tells of air strikes as well
AIR_WEAPONS = words("air weapon")
# verbs whose object is what they fire: "fired rocket shells at the town"
FIRING_VERBS = words("firing verb")
CLAUSE_DEPS = ("relcl", "acl", "advcl", "xcomp", "ccomp")
# the codes of force that say nothing of its means, which its weapon makes precise
GENERAL_FORCE = cameo_codes("general force")


def armed_with(trigger: Trigger) -> bool:
    """"a rocket attack on an Israeli town", "mortar fire": an act noun whose weapon
    names military force is military force whoever fires it; so is a harm told in the
    passive done in or by one ("were killed in rocket attacks launched by terrorists",
    "were wounded by mortar shells fired by X")."""
    if trigger.nominal:
        return _military(trigger.token)
    return any(_military(obj) for obj in passive_instruments(trigger.token, ("prep", "agent")))


def _military(noun: Token) -> bool:
    """Whether a noun or its modifier names a military weapon ("rocket attacks", "shells")."""
    return noun.lemma_.lower() in MILITARY_WEAPONS or any(
        child.dep_ in ("compound", "amod", "nmod") and child.lemma_.lower() in MILITARY_WEAPONS
        for child in noun.children)


def bombing_class(trigger: Trigger, relation: Relation, *, state: bool,
                  non_state: bool) -> str | None:
    """The rule a bombing's class comes from where its doer decides it: "Syrian regime
    bombing killed 21" is bombing from the air (195), as only states have aircraft;
    "the group has carried out several bombings" is a bombing (183), as CAMEO codes
    an armed group's bombs. A car or suicide bomb is 183 whoever sets it off."""
    if state and relation.cameo == "183" and any(
            child.dep_ == "nsubj" and _plain_bombing(child) for child in trigger.token.children):
        return "aerial bombing"
    if non_state and relation.cameo == "195" and _plain_bombing(trigger.token):
        return "irregular bombing"
    return None


def _plain_bombing(head: Token) -> bool:
    return head.lemma_.lower() in BOMBING_WORDS and not _names(head, BOMB_CARRIERS)


def military_combat(context: SentenceContext, trigger: Trigger, source: Mention,
                    target: Mention) -> bool:
    """Whether force used by an armed group rather than a state is still military force
    (19): an act of combat, force aimed at another armed force, or force whose doer the
    sentence names by its military weapon or fire ("rocket attacks killed 3 people")."""
    doer = _doer(context, source)
    if _irregular_weapon(trigger) or (doer is not None and _names(doer, IRREGULAR_WEAPONS)):
        return False
    if trigger.token.lemma_.lower() in COMBAT_ACTS:
        return True
    if speaks_for(target.actor).sector in ARMED_SECTORS and target.actor.type != "person":
        # soldiers, police, rebels or militants fought, not one person killed
        return True
    return (doer is not None and _names_weapon(doer)) or any(
        _names_weapon(child) for child in trigger.token.children if child.dep_ in FIRING_DEPS) \
        or _fired_before(trigger.token)


def _fired_before(verb: Token) -> bool:
    """"fired rockets on Damascus, killing three civilians": a participle that tells what
    a firing caused is done with what was fired."""
    if verb.tag_ != "VBG":
        return False
    governor = verb.head.head if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" else \
        verb.head if verb.dep_ == "advcl" else None
    return governor is not None and governor.pos_ == "VERB" and any(
        _names_weapon(child) for child in governor.children if child.dep_ == "dobj")


def _irregular_weapon(trigger: Trigger) -> bool:
    """"attacked by militiamen armed with machetes", "bombings hit the base": a weapon
    no army fights with, or a bomb; also what a relative clause tells of one ("the
    bombing, which killed twelve soldiers")."""
    verb = trigger.token
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in IRREGULAR_WEAPONS:
        return True
    return _names(verb, IRREGULAR_WEAPONS)


def _doer(context: SentenceContext, source: Mention) -> Token | None:
    """The head of the doer's phrase: "terrorist rocket attacks", "a suicide bomber"."""
    return phrase_head(context.sentence.doc, source.start, source.end)


def _names(head: Token, lemmas: frozenset[str]) -> bool:
    return any(token.lemma_.lower() in lemmas for token in head.subtree)


def _names_weapon(head: Token) -> bool:
    """Whether a phrase ("by rocket shells fired by terrorists", "with mortar shells",
    "in shelling") names a military weapon or military fire."""
    return _names(head, MILITARY_WEAPONS) or _names(head, MILITARY_FIRE)


def by_weapon(context: SentenceContext, trigger: Trigger, relation: Relation) -> Relation:
    """The code of force its weapon makes precise: shelling (194) where ``_shelled``."""
    return context.lexicon.rules["shelling"] if _shelled(trigger, relation) else relation


def _shelled(trigger: Trigger, relation: Relation) -> bool:
    """Whether force told in general terms ("killed", "targeted", "injuring", "an attack")
    was dealt with artillery, rockets, mortars or tanks, which CAMEO codes shelling (194)
    whoever fires them ("launched artillery, mortar, and rocket fire against", "a mortar
    bomb slammed into a house, killing a woman"); a phrase that also names aircraft
    ("air strikes and artillery fire killed 16") keeps its code."""
    if relation.cameo not in GENERAL_FORCE:
        return False
    named = {lemma for phrase in _means(trigger) for lemma in _weapon_words(phrase)}
    return bool(named & SHELLING_WEAPONS) and not named & AIR_WEAPONS


def _means(trigger: Trigger) -> list[Token]:
    """The phrases that may name what force was dealt with: an act noun and its
    modifiers ("rebel mortar attacks"), a verb's doer and the phrases of its means
    ("with rocket shells", "by the terrorists' shelling"), what a firing verb fires,
    and these of the act a participle tells the outcome of ("fired shells, killing")."""
    verb = trigger.token
    if trigger.nominal:
        return [verb]
    # "were killed and injured by rocket shells": coordinated verbs share their means
    means = [phrase for act in (verb, *verb.conjuncts) for phrase in _means_of(act)]
    governor = verb.head.head if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" else \
        verb.head if verb.dep_ == "advcl" and verb.tag_ == "VBG" else None
    if governor is not None and governor.pos_ == "VERB":
        means += _means_of(governor)
    return means


def _weapon_words(phrase: Token) -> set[str]:
    """The words of a phrase that may name a weapon ("with rocket and mortar shells",
    "by shells fired by terrorists"), not those of a clause in it ("in a bid to halt
    rocket fire" is no means of the fighting); the parser reads "rebel shelling
    killed" as a clause (shelling done by rebels), which still names the weapon."""
    found = {phrase.lemma_.lower()}
    for child in phrase.children:
        if child.dep_ not in CLAUSE_DEPS or child.lemma_.lower() in SHELLING_WEAPONS:
            found |= _weapon_words(child)
    return found


def _means_of(verb: Token) -> list[Token]:
    firing = verb.lemma_.lower() in FIRING_VERBS
    return [child for child in verb.children
            if child.dep_ in FIRING_DEPS or (firing and child.dep_ == "dobj")]
