"""Rank the chronology's events by how much a sentence resembles each of them.

The judge links a date to an event through the grammar of its clause: the kind its verb names,
the people acting, the words of a title. Drafts are written in more ways than that grammar
follows ("the treaty was signed ...", a verb the lexicon does not know, "he" after two people,
a title in other words). This second reading looks at the whole sentence as a bag of evidence:
the words of each event's title and summary, its people, organisations and places, and its
kind, each weighted by how rare it is in the chronology (a word or a person found in few events
says more than "Soviet" or "Lenin"), and the clause holding the date counting double.

`EventIndex.rank` is pure and cheap (an inverted index; a few hundred events per query at
most). The judge decides what to report from the ranking (`judge.FactChecker._judge_by_resemblance`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .claims import EntityIndex, Sentence, content_words

#: Words too common in history writing to tell one event from another.
COMMON_WORDS = frozenset(
    """year month day week time later early late new old last began begin end ended after
    before during while then when also would could more most many much over under into between
    against without within about there other which what where whose these those than only
    such some any all both each every most own same so not no yet still again already down up
    out off away back made make took take gave give went go came come got get put set like just
    even well way part soon long""".split()
)
_SUFFIX = re.compile(r"(?:ations?|ments?|ings?|ions?|ed|es|s)$")


def stem(word: str) -> str:
    """A crude stem that joins the verb and noun forms of a word: "signed", "signing" ->
    "sign"; "founded", "foundation" -> "found"; "abdicated", "abdication" -> "abdic"."""
    word = word.lower()
    stripped = _SUFFIX.sub("", word)
    if len(stripped) >= 3:
        word = stripped
    return word[:5]


def stems(words: Iterable[str]) -> frozenset[str]:
    """The stems of content words, without the common ones; a hyphenated word gives the stems
    of its parts ("Nazi-Soviet")."""
    return frozenset(weighted_stems(words))


def weighted_stems(words: Iterable[str]) -> dict[str, float]:
    """`stems` with a weight each: the parts of a hyphenated word ("large-scale") are one word
    between them, so each counts for less."""
    found: dict[str, float] = {}
    for word in words:
        parts = [p for p in word.split("-") if len(p) > 1 and p not in COMMON_WORDS]
        weight = 1.0 if len(parts) < 2 else HYPHEN_PART_WEIGHT
        for part in parts:
            found[stem(part)] = max(weight, found.get(stem(part), 0.0))
    return found


@dataclass
class Query:
    """What a sentence offers as evidence, each item with a weight (1.0 in the clause that
    holds the date, less elsewhere or when only implied, e.g. by "he")."""

    stems: dict[str, float] = field(default_factory=dict)
    entities: dict[str, float] = field(default_factory=dict)
    kinds: dict[str, float] = field(default_factory=dict)

    def add(self, table: str, items: Iterable[str] | dict[str, float], weight: float) -> None:
        """Add items with a weight (times their own, if given as a mapping); an item already
        there keeps the larger weight."""
        target = getattr(self, table)
        own = items if isinstance(items, dict) else dict.fromkeys(items, 1.0)
        for item, factor in own.items():
            target[item] = max(weight * factor, target.get(item, 0.0))


@dataclass(frozen=True)
class Resemblance:
    """An event and how much a sentence resembles it: the score, and how many words and
    entities they share and whether the kind is the same (so that words alone, or one rare
    word, are not taken for a link)."""

    event: object
    score: float
    words: int
    entities: int
    kind: bool

    @property
    def features(self) -> int:
        return self.words + self.entities + self.kind


@dataclass(frozen=True)
class _Document:
    event: object
    title: frozenset[str]
    summary: frozenset[str]
    entities: frozenset[str]
    people: frozenset[str]  # the people a birth, death or execution happens to
    kind: str


HYPHEN_PART_WEIGHT = 0.6
#: How much a summary word counts next to a title word, and the kind of happening.
SUMMARY_WEIGHT = 0.5
KIND_WEIGHT = 2.0
#: What a once-in-a-life kind (death, birth, execution) adds when its person is named too.
PERSONAL_WEIGHT = 6.0
#: Rarity of an entity is capped: a person in one event is not worth more than a title.
MAX_ENTITY_WEIGHT = 4.0


class EventIndex:
    """The events of a chronology, prepared for `rank`."""

    def __init__(
        self, events: Iterable, entities: EntityIndex, kind_of, personal_kinds: frozenset[str]
    ):
        self._personal_kinds = personal_kinds
        self._documents: list[_Document] = []
        for event in events:
            named = entities.find(Sentence(0, event.title))
            title_entities = {slug for m in named if len(m.slugs) == 1 for slug in m.slugs}
            # whose birth or death it is: the person its title names, else its first person
            named_people = [s for s in event.people if s in title_entities]
            name_words = content_words(" ".join(m.text for m in named))
            title = stems(content_words(event.title) - name_words)
            summary = stems(content_words(event.summary) - name_words) - title
            self._documents.append(
                _Document(
                    event=event,
                    title=title,
                    summary=summary,
                    entities=frozenset(event.people)
                    | frozenset(event.organisations)
                    | frozenset(event.places)
                    | title_entities,
                    people=frozenset(named_people or event.people[:1]),
                    kind=kind_of(event.kind),
                )
            )
        self._by_slug = {d.event.slug: d for d in self._documents}
        count = len(self._documents) or 1
        frequency: dict[str, int] = {}
        self._postings: dict[str, list[int]] = {}
        for number, document in enumerate(self._documents):
            keys = {f"w:{s}" for s in document.title | document.summary}
            keys |= {f"e:{e}" for e in document.entities} | {f"k:{document.kind}"}
            for key in keys:
                frequency[key] = frequency.get(key, 0) + 1
                self._postings.setdefault(key, []).append(number)
        self._rarity = {key: math.log(count / n) for key, n in frequency.items()}

    def words_of(self, event) -> frozenset[str]:
        """The stems of an event's title and summary."""
        document = self._by_slug[event.slug]
        return document.title | document.summary

    def score(self, event, query: Query) -> float:
        """How much the query resembles one event."""
        return self._score(self._by_slug[event.slug], query).score

    def rank(self, query: Query) -> list[Resemblance]:
        """Events sharing anything with the query, most resembling first."""
        keys = [f"w:{s}" for s in query.stems] + [f"e:{e}" for e in query.entities]
        keys += [f"k:{k}" for k in query.kinds]
        numbers = {n for key in keys for n in self._postings.get(key, ())}
        ranked = [self._score(self._documents[n], query) for n in numbers]
        return sorted(ranked, key=lambda r: -r.score)

    def _score(self, document: _Document, query: Query) -> Resemblance:
        score, words, entities = 0.0, 0, 0
        for word, weight in query.stems.items():
            if word in document.title:
                score += weight * self._rarity[f"w:{word}"]
            elif word in document.summary:
                score += weight * SUMMARY_WEIGHT * self._rarity[f"w:{word}"]
            else:
                continue
            words += 1
        for entity, weight in query.entities.items():
            if entity in document.entities:
                score += weight * min(MAX_ENTITY_WEIGHT, self._rarity[f"e:{entity}"])
                entities += 1
        kind = query.kinds.get(document.kind, 0.0)
        score += kind * KIND_WEIGHT
        if kind and document.kind in self._personal_kinds:
            # a death, a birth, an execution: the kind and the person name one event
            person = max((query.entities.get(p, 0.0) for p in document.people), default=0.0)
            score += PERSONAL_WEIGHT * min(kind, person)
        return Resemblance(document.event, score, words, entities, bool(kind))
