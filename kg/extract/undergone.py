"""Acts told from the side of whoever undergoes or receives them: "came under attack
from rebels", "faces criticism from the EU", "the strikes drew condemnation from the US",
"received military aid from Russia" are the doer's or giver's acts."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.arguments import subjects
from kg.extract.context import SentenceContext, Trigger
from kg.extract.entries import noun_entries
from kg.extract.ownership import owner_modifiers
from kg.extract.syntax import TIME_ENTITIES, not_dates, prep_objects, verb_lemma, verb_prep_objects
from kg.extract.triggers import STATE_ACTS, VerbShape, verb_shape
from kg.lexicon import Lexicon
from kg.model import Relation
from kg.tokens import token_table
from kg.words import cameo_codes, ordered_words, words

# Verbs whose subject gets what another gives: "received aid from Russia".
RECEIVING_VERBS = words("receiving verb")
# "faces criticism", "came under attack": what one undergoes, and the acts one may.
UNDERGOING_VERBS = words("undergoing verb")
UNDERGONE_PREPOSITIONS = words("undergone preposition")
UNDERGONE_ACTS = cameo_codes("undergone")
# "the strikes prompted outrage from the opposition": an act provokes another's
# criticism or protest, aimed at whoever did it.
PROVOKING_VERBS = words("provoking verb")
PROVOKED_ACTS = cameo_codes("provoked")
AGENT_MODIFIERS = words("agent modifier")
# "will go on trial", "stands trial", "faces charges", "was put on trial"
TRIAL_VERBS = words("trial verb")
TRIAL_NOUNS = words("trial noun")
TRIAL_PREPOSITIONS = ("on", "to")
# "came under fire from rights groups over the raid": force one is under for a grievance
# is criticism, its critics named after "from" or where they sit ("in Congress").
CENSURE_NOUNS = words("censure noun")
CENSURE_PREPOSITIONS = words("censure preposition")
CENSURE_FORUMS = ordered_words("censure forum preposition")
# "came under fire over Aleppo", "for the first time", "for hours": a place or a time,
# not what one is blamed for
UNBLAMED_ENTITIES = {"GPE", "LOC", "FAC", "ORDINAL", *TIME_ENTITIES}


def censured(context: SentenceContext, verb: Token) -> list[Trigger]:
    """"The coalition came under fire from Human Rights Watch over the raid", "Annan,
    under fire in Congress over the oil program, ...": to be under fire or attack over
    something one did is to be criticised (111) by whom the phrase names; the same words
    with no grievance ("came under fire from the ground") are force. ``verb`` is the
    word the "under" phrase hangs on: a verb, whose subject is under fire, or a noun."""
    found = []
    for act in _under(verb):
        critics = _critics(verb, act)
        if not _blamed(context, verb, act, critics):
            continue
        undergoers, inherited = ([verb], False) if verb.pos_ in ("NOUN", "PROPN") else \
            subjects(verb, control=True)
        if critics and undergoers:
            found.append(Trigger(act, context.lexicon.rules["criticism"], tuple(critics),
                                 tuple(undergoers), inherited, nominal=True,
                                 presupposed=True))
    return found


def _under(verb: Token) -> list[Token]:
    # asked of every verb and noun: read from the token table
    table = token_table(verb.doc)
    deps, children = table.dep, table.children
    return [verb.doc[obj] for child in children[verb.i]
            if deps[child] == "prep" and table.lower[child] in UNDERGONE_PREPOSITIONS
            for obj in children[child]
            if deps[obj] == "pobj" and table.lemma[obj] in CENSURE_NOUNS]


def _critics(verb: Token, act: Token) -> list[Token]:
    return list(not_dates(obj for prep in CENSURE_FORUMS for holder in (act, verb)
                          for obj in prep_objects(holder, prep)))


def _blamed(context: SentenceContext, verb: Token, act: Token, critics: list[Token]) -> bool:
    """Whether a phrase of the verb, the act, its "under" or its critics (wherever the
    parser hangs it) says what one is blamed for."""
    return any(obj.ent_type_ not in UNBLAMED_ENTITIES and obj.pos_ in ("NOUN", "PROPN")
               and obj.lemma_.lower() != "time"
               and not (obj.pos_ == "PROPN" and context.gazetteer.country_of_place(obj.text))
               and not any(child.ent_type_ in UNBLAMED_ENTITIES for child in obj.children
                           if child.dep_ in ("amod", "nummod", "compound"))
               for holder in (verb, act, act.head, *critics) for prep in CENSURE_PREPOSITIONS
               for obj in prep_objects(holder, prep))


def tried(context: SentenceContext, verb: Token) -> list[Trigger] | None:
    """"Saddam Hussein will go on trial", "will stand trial", "faces charges of fraud",
    "were put on trial": to be tried or charged is the state's charge against whoever
    undergoes it (a passive judicial verb that names nobody, ``kg.extract.unattributed``);
    "Iraq will bring them to trial" is Iraq's. Told as fact, whatever its tense: the
    coders code a trial announced. None where the verb holds no trial."""
    if verb_lemma(verb) not in TRIAL_VERBS:
        return None
    trials = [child for child in verb.children
              if child.dep_ == "dobj" and child.lemma_.lower() in TRIAL_NOUNS] or \
        [obj for prep in TRIAL_PREPOSITIONS for obj in prep_objects(verb, prep)
         if obj.lemma_.lower() in TRIAL_NOUNS]
    # "faces charges from the US that ...": another's accusation, undergone
    if not trials or any(list(prep_objects(trial, prep)) for trial in trials
                         for prep in ("from", "by")):
        return None
    shape = verb_shape(verb)
    relation = context.lexicon.rules["trial"]
    if shape.passive:
        sources, targets, inherited = shape.sources, shape.direct, False
    elif any(child.dep_ == "dobj" and child not in trials for child in verb.children):
        # "will bring the suspects to trial": the subject tries its object
        return [Trigger(verb, relation, shape.sources,
                        tuple(child for child in verb.children if child.dep_ == "dobj"),
                        shape.inherited, nominal=False)]
    else:
        found, inherited = subjects(verb, control=True)
        sources, targets = (), tuple(found)
    if not targets:
        return []
    return [Trigger(trials[0], relation, sources, targets, inherited, nominal=False,
                    presupposed=_told(verb))]


def _told(verb: Token) -> bool:
    """Whether a verb tells what is or will be ("will go on trial", "were put on
    trial"), not what another asks for ("demanded that he stand trial", "to face
    trial"): a bare infinitive is the content of the verb above it."""
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if any(child.tag_ == "MD" for child in auxiliaries):
        return True
    passive = [child for child in auxiliaries if child.dep_ == "auxpass"]
    return (passive[0] if passive else verb).tag_ != "VB"


def undergone_acts(context: SentenceContext, verb: Token) -> list[Trigger] | None:
    """"The convoy came under attack from rebels", "Israel faces criticism from the EU",
    "rebel positions came under Russian air strikes", "the strikes drew condemnation from
    the US": an act of conflict one undergoes or provokes is its doer's towards whoever
    undergoes or provoked it, the doer named after "from", "by" or
    "of", or as the act's owner; and what one receives or gets from another ("got
    support from Iran"). None where the verb is read as the lexicon has it."""
    trial = tried(context, verb)
    if trial is not None:
        return trial
    lemma = verb_lemma(verb)
    if lemma in RECEIVING_VERBS:
        return _received(context, verb, verb_shape(verb))
    table = token_table(verb.doc)
    deps, children = table.dep, table.children
    if lemma in UNDERGOING_VERBS or lemma in PROVOKING_VERBS:
        acts = [verb.doc[child] for child in children[verb.i] if deps[child] == "dobj"]
    else:
        acts = [verb.doc[obj] for child in children[verb.i]
                if deps[child] == "prep" and table.lower[child] in UNDERGONE_PREPOSITIONS
                for obj in children[child] if deps[obj] == "pobj"]
    # (what one is under for a grievance is criticism: ``censured``)
    acts = [act for act in acts if not (act.lemma_.lower() in CENSURE_NOUNS and
                                        _blamed(context, verb, act,
                                                                _critics(verb, act)))]
    if not acts:
        return None
    undergoers, inherited = subjects(verb, control=True)
    found = []
    for act in acts:
        relation = _undergone(context.lexicon, act)
        if lemma in PROVOKING_VERBS and relation is not None and \
                relation.root not in PROVOKED_ACTS:
            continue  # "the killing sparked clashes": who clashed is not who killed
        # "under rebel siege": an agent word before the act names its doer too
        doers = [obj for prep in ("from", "by", "of")
                 for obj in [*prep_objects(verb, prep), *prep_objects(act, prep)]] or \
            list(owner_modifiers(act)) or \
            [child for child in act.children if child.dep_ in ("amod", "compound")
             and child.lemma_.lower() in AGENT_MODIFIERS]
        if relation is not None and doers and undergoers:
            found.append(Trigger(act, relation, tuple(doers), tuple(undergoers), inherited,
                                 nominal=True, presupposed=True))
        elif relation is not None and relation.cameo in STATE_ACTS and \
                lemma not in UNDERGOING_VERBS:
            # "was placed under house arrest": only a state arrests, the one of the place
            # or of the story, as when a passive verb names nobody
            # (``kg.extract.unattributed``); what one "faces" may be yet to come
            held = undergoers or [child for child in verb.children
                                  if child.dep_ == "nsubjpass"]
            if held:
                found.append(Trigger(act, relation, (), tuple(held), inherited,
                                     nominal=False, presupposed=True))
    return found or None


def _undergone(lexicon: Lexicon, act: Token) -> Relation | None:
    entries = noun_entries(lexicon, act)
    relation = entries.get("") or entries.get("to") or next(iter(entries.values()), None)
    # a state of affairs ("under their control") is no act undergone
    return relation if relation is not None and (
        relation.root in UNDERGONE_ACTS or relation.cameo in UNDERGONE_ACTS) else None


def _received(context: SentenceContext, verb: Token,
              shape: VerbShape) -> list[Trigger] | None:
    """"Syria received military aid from Russia", "got a warning from Washington": what
    one receives from another is the giver's act towards the receiver; a thing received
    ("a green light from Washington") is no guest hosted. None where a guest may be:
    "received a delegation from Iran", "received the minister"."""
    if shape.passive:
        return None
    acts = [relation for obj in shape.direct
            if (relation := noun_entries(context.lexicon, obj).get("to")) is not None]
    # the giver after "from", else as the act's owner: "is receiving UN aid"
    givers = tuple(not_dates(verb_prep_objects(verb, "from"))) or \
        tuple(owner for obj in shape.direct for owner in owner_modifiers(obj)
              if owner.dep_ != "poss")
    if not acts:
        gazetteer = context.gazetteer
        things = givers and shape.direct and all(
            obj.pos_ == "NOUN" and obj.lower_ not in gazetteer.agents and
            obj.lemma_.lower() not in gazetteer.proxies and not names_actor(context, obj)
            for obj in shape.direct)
        return [] if things else None
    if not givers or not shape.sources:
        return []
    return [Trigger(verb, acts[0], givers, shape.sources, False, nominal=False)]


def names_actor(context: SentenceContext, noun: Token) -> bool:
    """Whether a noun is itself an actor's name or title ("the Ethiopian foreign
    minister"), not a thing an actor is named with ("a green light from Washington")."""
    return any(mention.start <= noun.idx < mention.end
               for mention in context.actors.resolve(noun))
