"""Invented diplomacy news of any length, for the long-article benchmark (bench/long_article.py).

Nothing here comes from a corpus: the people are invented (first name x surname), the countries and
cities are real places, the sentences are templates. ``article(n_chars, seed)`` is deterministic:
the same arguments give the same text. Every paragraph introduces new people, so the number of facts
grows with the length instead of repeating one visit a thousand times.
"""

from __future__ import annotations

import random

FIRST = ("Jane", "Max", "Anna", "Omar", "Lena", "Ravi", "Sofia", "Tomas", "Mei", "Ivan", "Nadia", "Pablo",
         "Greta", "Kofi", "Yara", "Emil", "Ines", "Hugo", "Zora", "Felix", "Alma", "Bruno", "Clara", "Dario")
LAST = ("Roe", "Mustermann", "Varnek", "Ostrova", "Kellam", "Brisco", "Tanaro", "Lindqvist", "Okafor",
        "Haldane", "Petrakis", "Sorvino", "Quenby", "Aldous", "Marchetti", "Novak", "Fairweather", "Ibsley",
        "Castellan", "Drummond", "Esterhazy", "Galloway", "Hartigan", "Juarez", "Kowalczyk", "Larkspur")
STATES = (("France", "French", "Paris"), ("Germany", "German", "Berlin"), ("Japan", "Japanese", "Tokyo"),
          ("Brazil", "Brazilian", "Brasilia"), ("Kenya", "Kenyan", "Nairobi"), ("India", "Indian", "New Delhi"),
          ("Canada", "Canadian", "Ottawa"), ("Egypt", "Egyptian", "Cairo"), ("Chile", "Chilean", "Santiago"),
          ("Norway", "Norwegian", "Oslo"), ("Poland", "Polish", "Warsaw"), ("Spain", "Spanish", "Madrid"))
TITLES = ("Foreign Minister", "Prime Minister", "President", "Defence Minister", "Trade Minister")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
TEMPLATES = (
    "{nat1} {title1} {a} will visit {country2} next week, the ministry said on {day}. {a_last} is expected "
    "to meet {title2} {b} in {city2} to discuss trade and energy.",
    "{a} met {nat2} {title2} {b} in {city1} on {day}. The two sides agreed to continue the talks, "
    "officials said.",
    "{nat1} {title1} {a} cancelled a planned trip to {country2} after protests in the capital, "
    "according to the ministry.",
    "{country1} summoned the {nat2} ambassador on {day} over remarks made by {b}, the ministry said.",
    "Analysts said the negotiations could take months. Markets in {city1} were little changed on {day}, "
    "and traders said they expected no decision before the summer.",
    "{b} arrived in {city1} on {day} for a two-day visit, the first by a {nat2} {title2} in a decade. "
    "{a_last} said the visit showed that relations were improving.",
)


def paragraph(rng: random.Random) -> str:
    (country1, nat1, city1), (country2, nat2, city2) = rng.sample(STATES, 2)
    a = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    b = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return rng.choice(TEMPLATES).format(
        a=a, b=b, a_last=a.split()[-1], title1=rng.choice(TITLES), title2=rng.choice(TITLES),
        country1=country1, nat1=nat1, city1=city1, country2=country2, nat2=nat2, city2=city2,
        day=rng.choice(DAYS))


def article(n_chars: int, seed: int = 0) -> str:
    """About ``n_chars`` characters (never fewer) of paragraphs separated by blank lines."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < n_chars:
        parts.append(paragraph(rng))
        size += len(parts[-1]) + 2
    return "\n\n".join(parts)
