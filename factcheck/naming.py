"""How the chronology's rows are named for the checker: event kinds in the extractor's words,
and the surnames people are called by alone. Pure Python, shared by the database reader
(`chronology_db`) and the pack tool (`tools/check_pack_draft.py`), so both build the same
chronology."""

from __future__ import annotations

import re
from collections import Counter

from .claims import KIND_WORDS, find_happenings

#: Event kinds of the course that the extractor names differently (see `claims.KIND_WORDS`).
KIND_SYNONYMS = {
    "accession": "appointment",
    "assassination attempt": "attempted assassination",
    "attack": "battle",
    "declaration": "decree",
    "letter": "publication",
    "negotiation": "meeting",
    "pogrom": "massacre",
    "reform": "policy",
}

_ROMAN_NUMERAL = re.compile(r"[IVXLC]+")
_PATRONYMIC = re.compile(r".+(?:ovich|evich|ovna|evna|ichna)$")


def event_kind(kind: str) -> str:
    """The extractor's word for an event kind: "assassination attempt" becomes "attempted
    assassination", "arrested" becomes "arrest"; a kind it has no word for is kept as written
    (such an event can still be linked through its title and entities)."""
    kind = " ".join(kind.lower().replace("_", " ").replace("-", " ").split())
    if kind in KIND_WORDS or not kind:
        return kind
    if kind in KIND_SYNONYMS:
        return KIND_SYNONYMS[kind]
    happenings = find_happenings(kind)
    return happenings[0].kinds[0] if happenings else kind


def surnames(people: dict[str, list[str]], taken: set[str]) -> dict[str, str]:
    """The surname each person may be called by alone ("Stolypin" for "Pyotr Stolypin").

    `people` maps a slug to the person's names, title first. A surname is the last word of the
    title, unless it is a regnal number ("Nicholas II"), a patronymic ("Sergei Alexandrovich"),
    the last word of another person's name (two Ulyanovs) or a name of something else (`taken`,
    casefolded).
    """
    last_words = Counter(
        last
        for names in people.values()
        for last in {n.split()[-1].casefold() for n in names if len(n.split()) > 1}
    )
    found = {}
    for slug, names in people.items():
        words = names[0].split() if names else []
        if len(words) < 2:
            continue
        surname = words[-1]
        key = surname.casefold()
        if (
            len(surname) < 3
            or not surname[0].isupper()
            or _ROMAN_NUMERAL.fullmatch(surname)
            or _PATRONYMIC.match(key)
            or last_words[key] > 1
            or key in taken
            or any(key == n.casefold() for n in names)
        ):
            continue
        found[slug] = surname
    return found
