"""Phrases that name an actor through another: "Syria's rebel forces", "the Assad
regime", "U.N. resolutions", "Hungarian and Romanian officials", "members of NATO"; and
short references resolved from the story ("the regime", "the organisation", "rebels"
with no country are the story's country's)."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span, Token

from kg.actors.context import ActorContext
from kg.actors.coreference import PLURAL_TAGS, REFERENCE_WINDOW, recent
from kg.actors.descriptions import described_state
from kg.actors.gazetteer import Gazetteer
from kg.actors.sectors import group_sector, sector_body
from kg.model import Actor, Mention
from kg.tokens import token_table
from kg.words import words

NAME_WORD = re.compile(r"[a-z]+")
ORGANISATION_ANAPHORS = words("organisation anaphor")
ALLIANCE_ANAPHORS = words("alliance anaphor")
GROUP_ANAPHORS = words("group anaphor")
GOVERNMENT_ANAPHORS = words("government anaphor")
DEFINITE_DETERMINERS = words("definite determiner")
SUSPICION_VERBS = words("suspicion verb")
MEMBERSHIP_WORDS = words("membership word")
OPPOSING_PREFIXES = words("opposing prefix")
GOVERNMENT_OWNERS = words("government owner")
# Faiths and sects with no state of their own: "30 Alawites", "the Druze community"
COMMUNITY_NOUNS = words("community noun")
COMMUNITY_HEADS = words("community head")
STATELESS_PEOPLES = words("stateless people")
# a state's armed forces, which a people with no state has not
ARMED_SECTORS = ("MIL", "COP")
LOCATING_PREPOSITIONS = words("locating preposition")
# the sectors whose men are of the state where they are; not armed forces, refugees,
# reporters or aid workers, as often another state's there ("the peacekeeping force
# in Afghanistan", "refugees in Lebanon"), nor a state's envoys ("diplomats in Damascus")
PLACED_SECTORS = words("placed sector")
POSTED_WORDS = words("posted word")
# police act only where their state rules, so with no owner they are the story's
# state's, as rebels are its armed groups; not judges, prosecutors or courts, often an
# international tribunal's
HOME_AGENTS = words("home agent")
# The named groups a group of a sector's word may be: "the opposition group" is no
# jihadist group, and "the extremist group" no rebel group named beside it ("FSA
# rebels were executed by the extremist group"), though rebels are called so too.
JIHADIST_KINDS = ("IMG", "RAD")
GROUP_KINDS = {"OPP": ("OPP", "REB"), "REB": ("REB", "INS"), "INS": ("REB", "INS"),
               "IMG": JIHADIST_KINDS, "RAD": JIHADIST_KINDS, "UAF": (*JIHADIST_KINDS, "UAF")}


def group_phrase(actors: ActorContext, head: Token, phrase: Span,
                 exclude_country: str | None) -> Actor | None:
    """"Syria's rebel forces", "the Assad regime", "the body's head", "the regime"."""
    sector = _sector_word(actors, phrase)
    lemma = head.lemma_.lower()
    # "ICRC access" or "Russia's concerns" are things, not actors; "U.N. resolutions",
    # "the Russian delegation" and "Syria's army" stand for who owns them.
    proxies = actors.gazetteer.proxies
    stands_for_owner = sector is not None or lemma in proxies or head.lower_ in proxies
    owner = _owner(actors, head, phrase) if stands_for_owner else None
    if owner is not None:
        return _owned(actors, owner, sector)
    located = located_group(actors, head, phrase, sector)
    if located:
        return located[0]
    if _community(head):
        # its people where the story is: "gunmen killed 30 Alawites" in Syria; "Iraqi
        # Christians" are Iraq's wherever they are
        owner = _owner(actors, head, phrase)
        country = (owner.state_country if owner is not None else None) or \
            _sibling_country(actors, head) or actors.focus_country()
        return actors.gazetteer.state(country, "CVL") if country else None
    if sector in ARMED_SECTORS and _stateless_people(actors, head, phrase):
        # "Kurdish forces", "Druze militiamen": the armed men of a people with no state
        # are an armed group of where they fight, not that state's army
        sector = "REB"
    local = sector in actors.gazetteer.local_sectors
    # "a police station" names a kind of building, not whose it is
    home = local or (head.lower_ in HOME_AGENTS and head.dep_ != "compound")
    if sector is not None and not local and head.lower_ in actors.gazetteer.agents and \
            _government_owned(phrase, head):
        # "regime forces", "government troops", "pro-government forces": the forces of
        # the government the story is about, as "the regime" is that government
        country = governed_country(actors, head, exclude_country)
        return actors.gazetteer.state(country, sector) if country else None
    definite = _definite(head)
    if sector and lemma in GOVERNMENT_ANAPHORS and not definite and _bare_modifier(head):
        # "regime shelling killed ten": the parser reads the force noun as a verb on the
        # bare word, which still names the story's government, as "regime forces" does
        country = governed_country(actors, head, exclude_country)
        return actors.gazetteer.state(country, sector) if country else None
    if not definite and not home:
        # "an international rights group warns": a body of its kind named with no state
        # is the kind's own, a non-governmental body of no state
        return sector_body(actors.gazetteer, phrase)
    # "a rival extremist organisation" is a new actor, not the one last named
    referred = (_named_within(actors, head, phrase) or _named_before(actors, head, phrase) or
                _back_reference(actors, head, phrase, sector, exclude_country)) \
        if definite else None
    if referred is not None:
        return referred
    if sector is not None and home:
        country = _sibling_country(actors, head) or actors.focus_country()
        return actors.gazetteer.state(country, sector) if country else None
    if sector and lemma in GOVERNMENT_ANAPHORS:
        country = governed_country(actors, head, exclude_country)
        return actors.gazetteer.state(country, sector) if country else None
    return None


def located_group(actors: ActorContext, head: Token, phrase: Span,
                  sector: str | None) -> list[Actor]:
    """"Judges at the Hague tribunal", "officials in Nigeria", "police in the Gaza
    Strip": men named by their office and no owner of their own serve the body "at"
    names, or the state of the place "in" or "at" names (its body of their sector);
    "of" is `right_attachment`'s ("a company of Nigerian infantry" is the infantry).
    "People in Somalia and Kenya" are each state's. ``sector``: the phrase's
    (``group_sector``)."""
    if sector not in PLACED_SECTORS or head.lemma_.lower() in POSTED_WORDS:
        return []
    table = token_table(actors.doc)
    if any(table.dep[child] == "prep" and table.lower[child] in ("of", "from")
           for child in table.children[head.i]):
        return []  # "aircraft of the Russian forces in the town": the owner's
    for child in table.children[head.i]:
        preposition = table.lower[child]
        if table.dep[child] != "prep" or preposition not in LOCATING_PREPOSITIONS:
            continue
        for obj in table.children[child]:
            if table.dep[obj] != "pobj":
                continue
            found = [_placed(actors, mention.actor, sector, preposition)
                     for mention in actors.resolve_each((actors.doc[obj],))]
            if any(found):
                return [actor for actor in found if actor is not None]
    return []


def _placed(actors: ActorContext, place: Actor, sector: str,
            preposition: str) -> Actor | None:
    """The body of the sector of a state named as the place, or the body named "at"."""
    if place.type == "state" and place.state_country:
        return actors.gazetteer.state(place.state_country, sector)
    return place if preposition == "at" and place.type in ("igo", "ngo", "group") else None


def _stateless_people(actors: ActorContext, head: Token, phrase: Span) -> bool:
    """Whether the phrase names its men by a people with no state ("Kurdish")."""
    return any(token.lower_ in STATELESS_PEOPLES and token.dep_ in ("amod", "compound") and
               token.i not in actors.matches for token in phrase if token.i < head.i)


def _named_before(actors: ActorContext, head: Token, phrase: Span) -> Actor | None:
    """"The Coalition", "the international coalition": the organisation or group last
    named whose name and mention have the head word and either has all the others
    ("the Syrian Coalition", "the US-led international coalition"), not another of
    the kind."""
    at, word = head.i, head.lower_
    wanted: set[str] | None = None  # read only once a candidate shares the head word
    for index, mention, _ in reversed(actors.history):
        actor = mention.actor
        if index >= at or at - index > REFERENCE_WINDOW or actor.type in ("state", "person"):
            continue
        named, said = _name_words(actor.name), _name_words(mention.text)
        if word not in named or word not in said:
            continue
        if wanted is None:
            wanted = {token.lower_ for token in phrase if token.i <= at
                      and token.dep_ != "det" and token.is_alpha}
        if wanted <= named | said:
            return actor
    return None


def _named_within(actors: ActorContext, head: Token, phrase: Span) -> Actor | None:
    """"The Daesh terror group": a group named in the phrase of a group anaphor, whose
    name the gazetteer does not hold with the words around it."""
    if head.lemma_.lower() not in GROUP_ANAPHORS:
        return None
    for token in phrase:
        match = actors.matches.get(token.i)
        actor = match.entry.actor if match is not None and match.end <= head.i else None
        if actor is not None and actor.type == "group" and not sector_only(actor):
            return actor
    return None


@lru_cache(maxsize=65536)
def _name_words(name: str) -> frozenset[str]:
    # asked of every name in the reference window, for every phrase resolved
    return frozenset(NAME_WORD.findall(name.lower()))


def _back_reference(actors: ActorContext, head: Token, phrase: Span, sector: str | None,
                    exclude_country: str | None) -> Actor | None:
    """What "the organisation", "the group", "the alliance" or "the country" refers to."""
    lemma = head.lemma_.lower()
    if lemma in ORGANISATION_ANAPHORS:
        return recent(actors, lambda actor: actor.type in ("igo", "ngo"), head)
    # one group is one named ("the groups" may be the story's "militants")
    one = head.tag_ not in PLURAL_TAGS
    if lemma in GROUP_ANAPHORS and sector is None:
        # "the Islamic group renewed its threats", "the rights group said": the
        # non-state group last named, by its name ("militants" name no group)
        return recent(actors, lambda actor: actor.type in ("group", "ngo") and
                      not (one and sector_only(actor)), head)
    kinds = GROUP_KINDS.get(sector or "", ())
    if lemma in GROUP_ANAPHORS and one and kinds:
        # "the terrorist group", "the rebel group": the armed group of the kind last
        # named by its name ("Daesh"), else the story's armed groups of the kind
        named = recent(actors, lambda actor: actor.type == "group" and
                       actor.sector in kinds and not sector_only(actor), head)
        if named is not None:
            return named
    if lemma in ALLIANCE_ANAPHORS:
        # an alliance fights or votes: a bloc, an organisation of states, an armed group
        return recent(actors, lambda actor: actor.type in ("igo", "bloc", "group"), head)
    return described_state(actors, head, phrase, exclude_country)


def sector_only(actor: Actor) -> bool:
    """Whether an actor is a sector with no name of its own: "Syrian militants"
    ("militants"), "human rights groups"; not "the Nusra Front"."""
    return actor.sector is not None and actor.id == f"{actor.country or ''}{actor.sector}"


def governed_country(actors: ActorContext, head: Token, exclude_country: str | None) -> str | None:
    """The country of "the regime", "the authorities": of the government last named
    (its body or one of its people, "in support of Assad, helping the regime"), else of
    the story, else of the state last named. A state named in passing ("the United States
    condemned ... the regime") is not the regime."""
    focus = actors.focus_country()
    named: list[str] = []
    for index, mention, _ in reversed(actors.history):
        body = mention.actor.member_of if mention.actor.type == "person" else mention.actor
        # a capital visited or bombed is a place, whatever it stands for elsewhere
        if index < head.i and head.i - index <= REFERENCE_WINDOW and body is not None and \
                body.type == "state" and body.sector == "GOV" and \
                body.state_country is not None and body.state_country != exclude_country and \
                not actors.gazetteer.is_capital(mention.text):
            named.append(body.state_country)
    if named:
        # of the governments named lately, the story's own: "Hollande said ... the White
        # House blamed the regime" in a story about Syria is Syria's regime
        return focus if focus in named else named[0]
    if focus is not None and focus != exclude_country:
        return focus
    found = recent(actors, lambda actor: actor.state_country is not None
                   and actor.state_country != exclude_country, head)
    return found.state_country if found is not None else None


def _sector_word(actors: ActorContext, phrase: Span) -> str | None:
    return group_sector(actors.gazetteer, phrase)


def _owned(actors: ActorContext, owner: Actor, sector: str | None) -> Actor | None:
    """What "<owner> <sector word>" stands for: "Syria's army", "Putin's government"."""
    if owner.type == "person":
        base = owner.member_of
        if base is None or not sector:
            return None
        if base.state_country:
            return actors.gazetteer.state(base.state_country, sector)
        # an armed group's leader's men are the group's; a monitor's head has no forces
        return base if base.type in ("group", "igo", "bloc") else None
    return actors.gazetteer.with_sector(owner, sector) if sector else owner


def coordinated_owners(actors: ActorContext, head: Token, phrase: Span,
                       group: Actor) -> list[Actor]:
    """"Hungarian and Romanian officials", "U.S. and Soviet negotiators": each
    coordinated modifier names a side of its own (the cross product of the dyad)."""
    doc = actors.doc
    owners = [doc[index] for index in range(phrase.start, head.i)
              if index in actors.matches and doc[index].head.i != index]
    linked = {token.i for token in owners for other in owners
              if token.dep_ == "conj" and token.head.i == other.i}
    linked |= {doc[index].head.i for index in linked}
    if len(linked) < 2:
        return []
    sector = _sector_word(actors, phrase)
    found: list[Actor] = []
    for index in sorted(linked):
        actor = actors.matches[index].entry.actor
        owned = _owned(actors, actor, sector) if actor is not None else None
        if owned is not None and owned.id != group.id and \
                all(owned.id != seen.id for seen in found):
            found.append(owned)
    return found


def coordinated_sectors(actors: ActorContext, head: Token, phrase: Span,
                        group: Actor, exclude_country: str | None) -> list[Actor]:
    """"government and rebel leaders", "Russian and regime warplanes": where a word
    of a side ("regime", "rebel", "opposition") is one of the coordinated modifiers of
    the head, each modifier names a side of its own with the head's word."""
    chain = _modifier_chain(head)
    if len(chain) < 2 or all(token.i in actors.matches for token in chain):
        return []  # names alone are coordinated_owners'
    found: list[Actor] = []
    for token in chain:
        actor = _modifier_side(actors, head, phrase, token, chain, exclude_country)
        # a name the group was already read from ("Russian" of "Russian and regime
        # warplanes") adds no side
        if actor is not None and token.i in actors.matches and \
                actor.state_country == group.state_country:
            continue
        if actor is not None and actor.id != group.id and \
                all(actor.id != seen.id for seen in found):
            found.append(actor)
    return found


def _modifier_chain(head: Token) -> list[Token]:
    """The coordinated modifiers before a head: "government and rebel" of "government
    and rebel leaders"."""
    for modifier in head.lefts:
        if modifier.dep_ not in ("amod", "compound", "nmod"):
            continue
        if modifier.pos_ == "NOUN" and any(det.dep_ == "det" for det in head.lefts):
            # "the government and opposition groups": two phrases under one article,
            # the first a noun of its own (each resolved as such)
            return []
        chain = [token for token in _coordinated(modifier) if token.i < head.i]
        if len(chain) >= 2:
            return chain
    return []


def _modifier_side(actors: ActorContext, head: Token, phrase: Span, token: Token,
                   chain: list[Token], exclude_country: str | None) -> Actor | None:
    """The side one coordinated modifier names with the head's word."""
    gazetteer = actors.gazetteer
    match = actors.matches.get(token.i)
    if match is not None and match.entry.actor is not None:
        return _owned(actors, match.entry.actor, _sector_word(actors, phrase))
    head_sector = group_sector(gazetteer, actors.doc[head.i:head.i + 1])
    sector = _joined_sector(gazetteer, token, head, head_sector)
    if sector is None:
        return None
    # its own owner ("Syrian government"), else one before all of them ("Syria's
    # government and rebel forces"), else a name among the modifiers for a local
    # side, else the story's government's
    owners = [index for index in range(phrase.start, token.i + 1)
              if index in actors.matches and (index >= token.left_edge.i or
                                               index < chain[0].left_edge.i)]
    if owners:
        owner = actors.matches[owners[-1]].entry.actor
        return _owned(actors, owner, sector) if owner is not None else None
    local = sector in gazetteer.local_sectors
    # "Russian and regime warplanes": the regime is not the state named beside it
    named = [actor.state_country for other in chain if other.i in actors.matches
             for actor in (actors.matches[other.i].entry.actor,) if actor is not None]
    country = (_sibling_country(actors, token) if local else None) or \
        (actors.focus_country() if local else
         governed_country(actors, head, next(filter(None, named), exclude_country)))
    return gazetteer.state(country, sector) if country else None


def _joined_sector(gazetteer: Gazetteer, token: Token, head: Token,
                   head_sector: str | None) -> str | None:
    """The sector of a side's word with the head's: "rebel leaders" REB, "government
    forces" MIL, "government leaders" GOV (a government's own men, as the head says)."""
    for term in (f"{token.lower_} {head.lower_}", f"{token.lower_} {head.lemma_.lower()}"):
        sector = gazetteer.agents.get(term) or gazetteer.titles.get(term)
        if sector:
            return sector
    if token.lower_ in GOVERNMENT_OWNERS:
        local = head_sector is None or head_sector in gazetteer.local_sectors
        return "MIL" if local else head_sector
    return gazetteer.agents.get(token.lower_)


def _owner(actors: ActorContext, head: Token, phrase: Span) -> Actor | None:
    """The actor named inside the phrase, nearest the head: "Syria's", "Russian", "ICRC"."""
    for index in range(phrase.start, head.i)[::-1]:
        match = actors.matches.get(index)
        if match is not None and match.entry.actor is not None:
            return match.entry.actor
        token = actors.doc[index]
        if token.dep_ == "poss" and token.head.i <= head.i:
            owners = actors.resolve(token)
            if owners:
                return owners[0].actor
        known = actors.people.get(token.text)
        if known is not None:
            return known
    return None


def _government_owned(phrase: Span, head: Token) -> bool:
    """Whether a word before the head names a government as the owner ("regime" in
    "regime forces"), not as what the group is against ("anti-government forces")."""
    words_ = [token.lower_ for token in phrase if token.i < head.i]
    return any(word in GOVERNMENT_OWNERS for word in words_) and \
        not any(word in OPPOSING_PREFIXES for word in words_)


def _bare_modifier(head: Token) -> bool:
    """Whether a word with no determiner has the gerund after it hung on it ("regime
    shelling", "government shelling"): it modifies what follows, it acts through it."""
    if head.i + 1 >= len(head.doc):
        return False
    following = head.doc[head.i + 1]
    return following.head.i == head.i and following.dep_ == "acl" and \
        following.tag_ == "VBG" and not any(child.dep_ in ("det", "poss")
                                            for child in head.children)


def _definite(head: Token) -> bool:
    # "the government and opposition groups": the parser hangs the first of two
    # coordinated nouns on the last, which holds their article
    table = token_table(head.doc)
    deps, children = table.dep, table.children
    holder = table.head[head.i] if deps[head.i] == "nmod" and \
        any(deps[child] == "conj" for child in children[head.i]) else head.i
    return any(deps[child] == "det" and table.lower[child] in DEFINITE_DETERMINERS
               for child in children[holder])


def _community(head: Token) -> bool:
    """"Alawites", "the Christian community", "members of the Druze community"; not a
    faith's word that only describes ("Shiite villages", "a Christian town")."""
    if head.dep_ in ("amod", "compound", "nmod") or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if head.lower_ in COMMUNITY_NOUNS:
        return True
    return head.lower_ in COMMUNITY_HEADS and \
        any(child.lower_ in COMMUNITY_NOUNS for child in head.children
            if child.dep_ in ("amod", "compound"))


def _sibling_country(actors: ActorContext, head: Token) -> str | None:
    """"the Syrian government and armed groups": the groups share the sibling's country;
    but not the sides of a fight ("clashes between US forces and Shia militiamen")."""
    first = head.head if head.dep_ == "conj" else head
    if first.dep_ == "pobj" and first.head.lower_ == "between":
        return None
    siblings = _coordinated(first)
    for sibling in siblings:
        if sibling.i == head.i:
            continue
        for index in range(sibling.left_edge.i, sibling.i + 1):
            match = actors.matches.get(index)
            if match is not None and match.entry.actor is not None and \
                    match.entry.actor.state_country:
                return match.entry.actor.state_country
    return None


def _coordinated(token: Token) -> list[Token]:
    """The token and every token coordinated with it ("Russia and China")."""
    found = [token]
    for child in token.children:
        if child.dep_ == "conj":
            found.extend(_coordinated(child))
    return found


def right_attachment(actors: ActorContext, head: Token) -> list[Mention]:
    """"teams from the OIC and the UN", "members of NATO": the actor is in the PP."""
    doc = head.doc
    table = token_table(doc)
    deps, children = table.dep, table.children
    if table.pos[head.i] not in ("NOUN", "PROPN"):
        return []
    for child in children[head.i]:
        if deps[child] == "prep" and table.lower[child] in ("of", "from"):
            for obj in children[child]:
                if deps[obj] == "pobj":
                    return actors.resolve_each((doc[obj],))
    for index in children[head.i]:
        if deps[index] == "acl" and table.lemma[index] in SUSPICION_VERBS:
            clause = doc[index]
            # "20 people suspected of being members of Eta", "men believed to belong
            # to al-Qaeda": those suspected stand for the group
            groups = [obj for token in clause.subtree
                      if token.lemma_.lower() in MEMBERSHIP_WORDS
                      for prep in token.children if prep.dep_ == "prep"
                      and prep.lower_ in ("of", "to")
                      for obj in prep.children if obj.dep_ == "pobj"]
            # "the outlawed Basque separatist group, Eta": the name, where one is given
            named = [child for group in groups[:1] for child in group.children
                     if child.dep_ == "appos"]
            return actors.resolve_each(named[:1]) or actors.resolve_each(groups[:1])
    return []
