"""Judge the dated claims of an article against the course chronology.

Each date in a clause is linked to the known events its clause points at: the kind of
happening ("arrested", "abdicated"), the people, organisations and places it names and the words
of an event's title ("Bloody Sunday"). Every candidate gets a score; the claimed date is then
compared with the event's `HistoricalDate` at the claim's own precision ("1917" agrees with
25 October (7 November) 1917):

* it agrees with some plausible candidate: silence;
* it matches the best candidate only in the other calendar (an Old Style date printed as New
  Style, or the reverse): a 'calendar' finding;
* it contradicts a candidate that is clearly the best link: a 'contradiction' finding, with the
  event's date as expected;
* nothing is linked well enough, or two candidates tie: silence.

A second reading (`resemblance`) ranks the events by what the whole sentence shares with each
(rare words of title and summary, people, organisations, places, the kind of happening), for
the drafts the clause grammar cannot follow ("the treaty was signed ...", a verb it does not
know, "he" two sentences on). Each date gets both readings: a grammar link is dropped when an
event the sentence resembles agrees with the date, and the more confident finding is reported.

Durations ("six weeks later") are checked against the gap between two identified events;
anachronisms are people acting after their death or before their birth. False alarms are the
main risk, so only confident findings are reported (see `Finding.confidence`).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from chronology.dates import DateError, HistoricalDate

from .claims import (
    MONTHS,
    AnalysedSentence,
    Clause,
    DateExpression,
    Duration,
    EntityIndex,
    LifespanClaim,
    Span,
    analyse,
    content_words,
    find_dates,
    find_happenings,
)
from .resemblance import EventIndex, Query, Resemblance, stems, weighted_stems

AGREE = "agree"
CONTRADICTION = "contradiction"
CALENDAR = "calendar"

#: A candidate scoring this much is linked to a claim.
LINK_SCORE = 4.0
#: A candidate scoring this much, and no more than PLAUSIBLE_GAP below the best, is a
#: plausible reading of a claim: if it agrees, the claim is not reported.
PLAUSIBLE_SCORE = 3.0
PLAUSIBLE_GAP = 4.0
#: Candidates closer than this in score tie.
TIE_MARGIN = 1.0
#: Event kinds that recur in a life (a person is arrested more than once); a link made only
#: through such a kind and a name is less certain, since the chronology may not hold them all.
REPEATABLE_KINDS = frozenset(
    """arrest release exile escape return election appointment dismissal expulsion resignation
    meeting congress publication speech strike trial joining relocation opening""".split()
)
#: Kinds of event that happen to a person once: naming the person in the right role is
#: enough to tell which event a clause is about. For PATIENT_KINDS the right role is the one
#: who undergoes it ("Trotsky was attacked", not "Trotsky attacked the bureaucracy").
PERSONAL_KINDS = frozenset(
    {
        "birth",
        "death",
        "abdication",
        "funeral",
        "assassination",
        "attempted assassination",
        "execution",
    }
)
PATIENT_KINDS = frozenset({"assassination", "attempted assassination", "execution"})
#: A title word shared with at most this many titles is a rare one (see
#: `FactChecker._another_event_agrees`).
RARE_TITLE_WORD = 3
#: Words that tell one of a series of events from another ("his first stroke").
ORDINALS = frozenset("first second third fourth fifth sixth seventh last final".split())
#: Ordinal words and their numbers: "the Fifth Congress" is not "the First Congress", nor the
#: "10th Party Congress" the "Twelfth".
ORDINAL_NUMBERS = {
    word: number
    for number, word in enumerate(
        """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
        thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth
        twentieth""".split(),
        start=1,
    )
}
ORDINAL_NUMBERS.update(
    {"twenty-first": 21, "twenty-second": 22, "twenty-third": 23, "twenty-fourth": 24}
)
_ORDINAL_PAIR = re.compile(
    r"\b(?P<ordinal>[a-z]+(?:-[a-z]+)?|\d{1,2}(?:st|nd|rd|th))\s+(?=(?P<noun>[a-z]+))", re.I
)
_YEAR_NUMBER = re.compile(r"\b1\d{3}\b")
#: A numbered thing in a title ("Order No. 1", "Sputnik 2"): a sentence that numbers the
#: same thing otherwise ("Order 00447") is not about it.
_TITLE_NUMBER = re.compile(r"\b([A-Z][\w-]*)\s+(?:No\.?\s*)?(\d{1,3})\b(?![\d,.])")
#: The resemblance reading (`FactChecker._judge_by_resemblance`). The score an event needs to
#: be taken as what a sentence is about: the course's 850 right dates and the drafts' 273 first
#: give false alarms at 6.0, so 7.0 keeps a margin; words alone, with no entity or kind, need
#: more.
RESEMBLANCE_STRONG = 7.0
WORDS_ONLY_STRONG = 12.0
#: Kinds named by verbs too general to rule an event out ("adopted" a constitution, "became"
#: the first woman in space, "announced" a cut in the army).
LOOSE_KINDS = frozenset(
    """appointment election policy decree founding meeting congress opening publication speech
    treaty joining relocation return launch dissolution declaration""".split()
)
#: How many of the most resembling events are weighed at all.
RANKED = 25
#: The share of an event's resemblance that must come from the date's own clause; the share
#: of the best score another event needs to be a plausible reading too, and to tie.
LOCAL_SHARE = 0.15
PLAUSIBLE_SHARE = 0.6
TIE_SHARE = 0.9
#: A span longer than this agrees with a day or month only if the sentence is close to it
#: (CLOSE_SHARE of the best score).
VAGUE_SPAN_DAYS = 92
CLOSE_SHARE = 0.75
#: How far a claimed date may be from the event it is judged against; beyond a third of it,
#: only a resemblance of FAR_STRONG will do.
NEAR_DAYS = 3 * 366
FAR_STRONG = 9.0
#: A grammar link this confident is reported however far the event is from the claimed date.
SURE = 0.8
#: How much a person counts who is only implied ("he": the person named before, or the text's
#: lead person at LEAD_WEIGHT when someone else was named before); a phrase that only places
#: the sentence in time ("after the July Days"); an owner ("Trotsky's son").
PRONOUN_WEIGHT = 0.8
LEAD_WEIGHT = 0.4
REFERENCE_WEIGHT = 0.3
OWNER_WEIGHT = 0.3
#: Happenings a person can be part of after their death (what is done to them after it is
#: passive, and not checked either: "Lenin was criticised in 1956").
POSTHUMOUS_KINDS = frozenset({"death", "funeral", "renaming"})
POSTHUMOUS_WORDS = frozenset(
    """posthumous posthumously memory legacy remembered reburied body remains mausoleum tomb
    rehabilitated commemorated honoured honored cult anniversary statue portrait named
    testament""".split()
)


@dataclass(frozen=True)
class Entity:
    """A person, organisation, place or glossary term: slug, kind and every name it goes by.

    `kind` is 'person' for people (the extractor needs to know who can act); `names` holds the
    name and aliases, e.g. ("Leon Trotsky", "Trotsky", "Lev Davidovich Bronstein", "Bronstein").
    """

    slug: str
    kind: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class KnownEvent:
    """An event of the chronology, with the slugs of the people, organisations and places in it.

    `kind` is one of the kinds the extractor recognises (`claims.KIND_WORDS`: birth, death,
    arrest, exile, escape, election, founding, treaty, revolution, abdication, assassination,
    battle, decree, ...); `source` names the work the date comes from, for the report.
    """

    slug: str
    title: str
    kind: str
    when: HistoricalDate
    people: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    summary: str = ""
    source: str = ""


@dataclass(frozen=True)
class Chronology:
    """What the checker knows: entities, events, and each person's (born, died)."""

    entities: tuple[Entity, ...]
    events: tuple[KnownEvent, ...]
    lifespans: dict[str, tuple[HistoricalDate | None, HistoricalDate | None]] = field(
        default_factory=dict
    )


@dataclass(frozen=True)
class Finding:
    """A claim the chronology contradicts.

    `kind` is 'contradiction', 'calendar' (an Old/New Style slip), 'duration' or 'anachronism'
    (a person acting after their death or before their birth); `claim` is the expression as
    written, `expected` what the chronology says, `event` the slug of the event compared with.
    """

    line: int
    sentence: str
    claim: str
    expected: str
    event: str
    source: str
    kind: str
    confidence: float


def check_text(text: str, chronology: Chronology, min_confidence: float = 0.6) -> list[Finding]:
    """Check an article (Markdown) against the chronology; findings in the order of the text."""
    return FactChecker(chronology).check(text, min_confidence)


def measure(
    sentences: Iterable[tuple[str, bool]], chronology: Chronology, min_confidence: float = 0.6
) -> tuple[float, float]:
    """Precision and recall of the checker on labelled sentences.

    `sentences` are `(text, wrong)` pairs; a sentence counts as flagged when the checker reports
    at least one finding for it. Precision is the share of flagged sentences that are wrong,
    recall the share of wrong sentences that are flagged (each 1.0 when there is nothing to
    share).
    """
    checker = FactChecker(chronology)
    flagged = wrong = hits = 0
    for text, is_wrong in sentences:
        found = bool(checker.check(text, min_confidence))
        flagged += found
        wrong += is_wrong
        hits += found and is_wrong
    precision = hits / flagged if flagged else 1.0
    recall = hits / wrong if wrong else 1.0
    return precision, recall


def compare(claim: DateExpression, when: HistoricalDate) -> str:
    """Compare a claimed date with an event's date at the claim's precision.

    Returns AGREE, CONTRADICTION or CALENDAR (the claim matches only when its figures are read
    in the other calendar). An unmarked date is read as New Style; it may also be read as Old
    Style for an Old Style event at month or year precision ("October 1917" for the revolution
    of 25 October (7 November) 1917 is conventional), but an unmarked day that matches only the
    Old Style date is a calendar slip: house style gives the New Style in brackets.
    """
    event_span = _event_span(when)

    def matches(span: Span | None) -> bool:
        return span is not None and span[0] <= event_span[1] and event_span[0] <= span[1]

    new_style = claim.span("gregorian")
    old_style = claim.span("julian")
    if claim.calendar == "dual":
        bracketed = claim.new_style_span()
        if not claim.dual_consistent():
            return CALENDAR if matches(old_style) or matches(bracketed) else CONTRADICTION
        if matches(bracketed):
            return AGREE
        if matches(new_style) or matches(claim.new_style_as_julian_span()):
            return CALENDAR
        return CONTRADICTION
    if claim.calendar == "os":
        new_style, old_style = old_style, new_style
    if matches(new_style):
        return AGREE
    if claim.calendar == "unmarked" and claim.precision != "day":
        if when.old_style and matches(old_style):
            return AGREE
        return CONTRADICTION
    return CALENDAR if matches(old_style) else CONTRADICTION


def _event_span(when: HistoricalDate) -> Span:
    return (when.earliest or date.min, when.latest or date.max)


@dataclass(frozen=True)
class _Profile:
    """An event prepared for linking."""

    event: KnownEvent
    kind: str
    title_words: frozenset[str]
    distinctive_words: frozenset[str]
    proper_words: frozenset[str]
    people: frozenset[str]
    others: frozenset[str]
    ordinals: frozenset[tuple[int, str]]
    years: frozenset[int]
    numbers: frozenset[tuple[str, int]]


@dataclass(frozen=True)
class _Candidate:
    """An event scored against a clause.

    `strong` says whether the link is good enough to report a contradiction: the clause shares
    the event's title or enough of its distinctive words, or names (not by a pronoun) the one
    person a once-in-a-life event happens to, in the right role. A kind and a name or an
    organisation are enough to keep silent when the date agrees, never to report.
    """

    profile: _Profile
    score: float
    title_match: bool
    corroborated: bool
    strong: bool = False

    @property
    def event(self) -> KnownEvent:
        return self.profile.event


class FactChecker:
    """Checks texts against one chronology (prepared once, reused for many texts)."""

    def __init__(self, chronology: Chronology):
        self.chronology = chronology
        self.entities = EntityIndex(chronology.entities)
        self._names = {e.slug: e.names[0] if e.names else e.slug for e in chronology.entities}
        self._places = frozenset(e.slug for e in chronology.entities if e.kind == "place")
        self._lifetime_events: dict[tuple[str, str], KnownEvent] = {}
        events = list(chronology.events)
        for person, (born, died) in chronology.lifespans.items():
            for kind, when in (("birth", born), ("death", died)):
                if when is None:
                    continue
                # the chronology's own event of that birth or death, not another death the
                # person took part in (Trotsky is among the people of Lenin's death)
                known = next(
                    (
                        e
                        for e in events
                        if _kind(e.kind) == kind and person in e.people and e.when == when
                    ),
                    None,
                )
                if known is None:
                    known = KnownEvent(
                        slug=f"{kind}-of-{person}",
                        title=f"{kind.title()} of {self._names.get(person, person)}",
                        kind=kind,
                        when=when,
                        people=(person,),
                        source="the chronology's lifespan",
                    )
                    events.append(known)
                self._lifetime_events[(person, kind)] = known
        name_words = frozenset().union(
            *(content_words(n) for e in chronology.entities if e.kind == "person" for n in e.names)
        )
        self._profiles = [
            _Profile(
                event=event,
                kind=_kind(event.kind),
                title_words=content_words(event.title),
                distinctive_words=_distinctive_words(event.title, name_words),
                proper_words=_distinctive_words(event.title, name_words, proper=True),
                people=frozenset(event.people),
                others=frozenset(event.organisations) | frozenset(event.places),
                ordinals=_ordinal_pairs(event.title),
                years=frozenset(int(y) for y in _YEAR_NUMBER.findall(event.title)),
                numbers=frozenset(
                    (re.escape(noun.lower()), int(n))
                    for noun, n in _TITLE_NUMBER.findall(event.title)
                ),
            )
            for event in events
        ]
        self._profile_of = {p.event.slug: p for p in self._profiles}
        # Which profiles share a kind, an entity or a title word with a clause: only those
        # can score, so only those are scored.
        # Distinctive title words (as stems) an event can be recognised by when the sentence
        # shares them: those of few titles ("referendum", "czechoslovakia"), not "soviet".
        frequency: dict[str, int] = {}
        for profile in self._profiles:
            for stem in {_stem(w) for w in profile.distinctive_words}:
                frequency[stem] = frequency.get(stem, 0) + 1
        self._rare_stems = [
            frozenset(s for w in p.distinctive_words if frequency[s := _stem(w)] <= RARE_TITLE_WORD)
            for p in self._profiles
        ]
        self._local = threading.local()
        self._resemblance = EventIndex(events, self.entities, _kind, PERSONAL_KINDS)
        self._index: dict[str, list[int]] = {}
        for number, profile in enumerate(self._profiles):
            keys = {f"kind:{profile.kind}"} | profile.people | profile.others
            keys |= {f"word:{word}" for word in profile.title_words}
            for key in keys:
                self._index.setdefault(key, []).append(number)

    # -- the pass over a text ---------------------------------------------------------------

    def check(self, text: str, min_confidence: float = 0.6) -> list[Finding]:
        """Check a text; findings at or above `min_confidence`, in the order of the text."""
        findings: list[Finding] = []
        previous_event: KnownEvent | None = None
        # a clause's candidates are asked for several times; one checker serves many threads
        self._local.candidates = {}
        sentences = analyse(text, self.entities)
        lead = self._lead_person(sentences)
        for analysed in sentences:
            last_event: KnownEvent | None = None
            for clause in analysed.clauses:
                for when in clause.dates:
                    finding = self._judge_date(analysed, clause, when, lead)
                    if finding:
                        findings.append(finding)
                for duration in clause.durations:
                    finding = self._judge_duration(
                        analysed, clause, duration, last_event or previous_event
                    )
                    if finding:
                        findings.append(finding)
                last_event = self._identify_clause(clause) or last_event
            for lifespan in analysed.lifespans:
                findings.extend(self._judge_lifespan(analysed, lifespan))
            previous_event = last_event
        return [f for f in findings if f.confidence >= min_confidence]

    # -- linking ----------------------------------------------------------------------------

    def candidates(self, clause: Clause) -> list[_Candidate]:
        """Events a clause may be about, best first (those scoring at least PLAUSIBLE_SCORE)."""
        cache = getattr(self._local, "candidates", {})
        found = cache.get(id(clause))
        if found is None or found[0] is not clause:
            found = cache[id(clause)] = (clause, self._score_candidates(clause))
        return found[1]

    def _score_candidates(self, clause: Clause) -> list[_Candidate]:
        keys = {f"kind:{kind}" for h in clause.happenings for kind in h.kinds}
        keys |= clause.entities | {f"word:{word}" for word in clause.words}
        numbers = sorted({n for key in keys for n in self._index.get(key, ())})
        scored = (_score(self._profiles[n], clause) for n in numbers)
        return sorted((c for c in scored if c.score >= PLAUSIBLE_SCORE), key=lambda c: -c.score)

    def _identify(self, clause: Clause) -> _Candidate | None:
        """The one event a clause without a usable date is about, if it stands out and the
        link is corroborated."""
        found = self.candidates(clause)
        if not found or found[0].score < LINK_SCORE or not found[0].corroborated:
            return None
        if len(found) > 1 and found[1].score > found[0].score - TIE_MARGIN:
            return None
        return found[0]

    def _identify_clause(self, clause: Clause) -> KnownEvent | None:
        """The event a clause is about: the best agreeing candidate of its date, or the one
        that stands out."""
        dated = [d for d in clause.dates if d.relation == "at"]
        if dated:
            agreeing = [
                c
                for c in self.candidates(clause)
                if c.score >= LINK_SCORE and compare(dated[0], c.event.when) == AGREE
            ]
            if agreeing:
                return agreeing[0].event
        found = self._identify(clause)
        return found.event if found else None

    # -- dates ------------------------------------------------------------------------------

    def _judge_date(
        self, analysed: AnalysedSentence, clause: Clause, when: DateExpression, lead: str | None
    ) -> Finding | None:
        """The finding for one date, if any.

        A person acting outside their lifetime is reported first: it rests on the lifespan
        alone. Then the two readings: the clause grammar's link, unless an event the whole
        sentence resembles agrees with the date or the linked event is years away on a weak
        link; and the resemblance reading. A calendar slip wins, then the more confident.
        """
        lifetime = self._judge_lifetime(analysed, clause, when)
        if lifetime:
            return lifetime
        linked = self._judge_against_events(analysed, clause, when)
        # a conversion slip ("25 October (8 November)") names no event to weigh
        linked_event = self._profile_of[linked.event].event if linked and linked.event else None
        judged = _judged_by_resemblance(analysed, when)
        ranked = self._resembling(analysed, clause, when, lead) if judged or linked_event else []
        if linked_event:
            far = _distance(when, linked_event.when) > NEAR_DAYS and linked.confidence < SURE
            if far or _some_agree(ranked, when):
                linked = None
        resembled = (
            self._judge_by_resemblance(analysed, clause, when, lead, ranked) if judged else None
        )
        found = [f for f in (linked, resembled) if f]
        # a date that matches an event exactly in the other calendar is best explained so
        return max(found, key=lambda f: (f.kind == CALENDAR, f.confidence), default=None)

    def _judge_against_events(
        self, analysed: AnalysedSentence, clause: Clause, when: DateExpression
    ) -> Finding | None:
        if when.relation != "at" or (clause.timed_by_verb(when) and not clause.verb_known):
            # a bound ("by 1921"), or the date of something the lexicon cannot name ("the
            # treaty was annulled in November 1918"), is not the date of a known event
            return None
        verdicts = [
            (c, compare(when, c.event.when))
            for c in self.candidates(clause)
            if self._compatible(c.profile, analysed, clause, when)
        ]
        if not verdicts:
            return self._conversion_slip(analysed, when)
        floor = verdicts[0][0].score - PLAUSIBLE_GAP
        if any(verdict == AGREE and c.score >= floor for c, verdict in verdicts):
            return None
        linked = [(c, v) for c, v in verdicts if c.score >= LINK_SCORE]
        top = linked[0][0].score if linked else 0.0
        if not any(c.strong for c, _ in linked if c.score > top - TIE_MARGIN):
            return self._conversion_slip(analysed, when)
        if self._another_event_agrees(analysed, when):
            return None
        best, verdict = linked[0]
        rivals = [
            c
            for c, _ in verdicts[1:]
            if c.score > best.score - TIE_MARGIN
            and c.event.when.display() != best.event.when.display()
        ]
        runner_up = max((c.score for c, _ in verdicts if c is not best), default=None)
        if rivals:
            # a tie in score, broken only if one event is much nearer the claimed date
            nearest = _nearest(when, [best, *rivals])
            if nearest is None:
                return self._conversion_slip(analysed, when)
            best, runner_up = nearest, nearest.score
            verdict = compare(when, best.event.when)
        if not best.strong:
            return None
        confidence = _link_confidence(best, runner_up, clause)
        if when.precision == "decade" or when.approximate:
            confidence -= 0.1
        if verdict == CALENDAR and when.calendar == "unmarked":
            confidence -= 0.1
        return Finding(
            line=analysed.sentence.line,
            sentence=analysed.sentence.text,
            claim=when.text,
            expected=best.event.when.display(),
            event=best.event.slug,
            source=best.event.source,
            kind=verdict,
            confidence=_clamp(confidence),
        )

    def _another_event_agrees(self, analysed: AnalysedSentence, when: DateExpression) -> bool:
        """Whether some event of the chronology that the sentence names by a rare word of its
        title, or by two of its distinctive words ("In a referendum on 17 March 1991":
        "Referendum on the future of the Union"; "Warsaw Pact armies invaded"), agrees with
        the date: the sentence may well be about it, so nothing is reported."""
        stems = {_stem(w) for clause in analysed.clauses for w in clause.words}
        return any(
            (rare & stems or len({_stem(w) for w in profile.distinctive_words} & stems) >= 2)
            and compare(when, profile.event.when) == AGREE
            for profile, rare in zip(self._profiles, self._rare_stems, strict=True)
        )

    def _compatible(
        self, profile: _Profile, analysed: AnalysedSentence, clause: Clause, when: DateExpression
    ) -> bool:
        """Whether an event can be what a dated clause is about at all.

        It cannot when the sentence numbers it differently ("the Fifth Congress" for the First
        Congress), when its title holds a year the sentence does not ("the census of 1937" is
        not "The census of 1939"), when the verb the date belongs to names another kind of
        happening ("Stalingrad was renamed in 1961" is not the battle), or when the clause
        names places and none of them is the event's.
        """
        verb_kinds = _verb_kinds(clause, when)
        if verb_kinds and profile.kind not in verb_kinds:
            return False
        places = clause.entities & self._places
        event_places = frozenset(profile.event.places)
        if places and event_places and not places & event_places:
            return False
        return self._fits(profile, analysed, clause)

    def _fits(self, profile: _Profile, analysed: AnalysedSentence, clause: Clause) -> bool:
        """Whether nothing the sentence says rules an event out: another number ("the Fifth
        Congress" for the First, "Order 00447" for Order No. 1), a year its title does not hold
        ("the census of 1937" is not "The census of 1939"), or another person as the subject
        ("Lenin was exiled" is not Trotsky's exile)."""
        text = analysed.sentence.text
        said = _ordinal_pairs(text)
        for number, noun in profile.ordinals:
            if (number, noun) not in said and any(n == noun for _, n in said):
                return False
        if profile.years and not profile.years & {int(y) for y in _YEAR_NUMBER.findall(text)}:
            return False
        for noun, number in profile.numbers:
            said = {int(n) for n in re.findall(rf"\b{noun}\s+(?:No\.?\s*)?(\d+)", text, re.I)}
            if said and number not in said:
                return False
        if (
            clause.subject_source == "explicit"
            and profile.people
            and not profile.people & set(clause.subjects)
            and all(self.entities.is_person(s) for s in clause.subjects)
        ):
            return False
        return True

    def _conversion_slip(self, analysed: AnalysedSentence, when: DateExpression) -> Finding | None:
        """A dual date whose two halves are not the same day ("25 October (8 November) 1917")."""
        if when.calendar != "dual" or when.dual_consistent() or when.span("julian") is None:
            return None
        try:
            expected = HistoricalDate.from_julian(when.old_style_edtf()).display()
        except DateError:  # an Old Style day after the calendar changed (February 1918)
            expected = (
                f"{HistoricalDate.parse(when.span('julian')[0].isoformat()).display()} (N.S.)"
            )
        return Finding(
            line=analysed.sentence.line,
            sentence=analysed.sentence.text,
            claim=when.text,
            expected=expected,
            event="",
            source="Julian–Gregorian conversion",
            kind=CALENDAR,
            confidence=0.9,
        )

    def _date_as_event(self, when: DateExpression) -> KnownEvent | None:
        """A date written in the text, standing in for the event it dates."""
        written = _written_date(when)
        if written is None:
            return None
        return KnownEvent(slug=f"date:{when.text}", title=when.text, kind="", when=written)

    # -- resemblance ------------------------------------------------------------------------

    def _lead_person(self, sentences: list[AnalysedSentence]) -> str | None:
        """The person a text names most often: whom "he" or "she" most likely means."""
        counts: dict[str, int] = {}
        for analysed in sentences:
            for clause in analysed.clauses:
                for mention in clause.mentions:
                    if len(mention.slugs) == 1 and self.entities.is_person(mention.slugs[0]):
                        counts[mention.slugs[0]] = counts.get(mention.slugs[0], 0) + 1
        return max(counts, key=lambda slug: counts[slug], default=None)

    def _query(
        self, analysed: AnalysedSentence, clause: Clause, lead: str | None, alone: bool = False
    ) -> Query:
        """The evidence of a sentence for the date of one of its clauses: that clause counts
        fully, the others half. "He" or "she" counts as the person named last before it in the
        sentence, or else the one the analysis found, and a little as the text's lead person."""
        query = Query()
        references = [m.span() for m in _REFERENCE.finditer(analysed.sentence.text)]
        mentions = [m for c in analysed.clauses for m in c.mentions]
        told_of = clause
        before = [c for c in analysed.clauses if c.end <= clause.start]
        if before and before[-1].mentions and before[-1].verb is None and not before[-1].dates:
            # "..., and the Warsaw Pact, signed on 14 May 1955, tied ...": the clause before is
            # the subject the date's clause goes on to tell of
            told_of = before[-1]
        elif not clause.mentions and clause.subject_source != "explicit":
            # "the Constituent Assembly, in which they were a minority, was closed down on
            # ...": the clause is about what the last clause naming something named
            naming = [c for c in before if c.mentions]
            told_of = naming[-1] if naming else clause
        for other in [clause] if alone else analysed.clauses:
            weight = 1.0 if other is clause or other is told_of else 0.5
            query.add("stems", weighted_stems(other.free_words), weight)
            for mention in other.mentions:
                share = 1.0 if len(mention.slugs) == 1 else 0.5
                if mention.possessive and not set(mention.slugs) & other.participants:
                    share *= OWNER_WEIGHT  # "Trotsky's son died": not Trotsky's death
                query.add("entities", mention.slugs, weight * share)
            if other.subject_source == "pronoun":
                named_before = [
                    m.slugs[0]
                    for c in analysed.clauses
                    if c.start < other.start
                    for m in c.mentions
                    if len(m.slugs) == 1 and self.entities.is_person(m.slugs[0])
                ]
                referent = named_before[-1:] or other.subjects
                query.add("entities", referent, weight * PRONOUN_WEIGHT)
                # a "he" that reaches back past the sentence is as likely the article's lead
                lead_weight = LEAD_WEIGHT if named_before else PRONOUN_WEIGHT
                query.add("entities", [lead] if lead else [], weight * lead_weight)
            else:
                query.add("entities", other.subjects, weight)
            query.add("entities", other.implied, weight * PRONOUN_WEIGHT)
            for happening in other.happenings:
                if _inside(happening, references):
                    continue
                query.add("kinds", happening.kinds[:1], weight)
                query.add("kinds", happening.kinds[1:], weight / 2)
        for start, end in references:
            # "After the July Days he hid in Finland, but ... on 25 October": the July Days
            # only place the clause in time
            words = content_words(analysed.sentence.text[start:end])
            for table, items in (
                ("stems", stems(words)),
                ("entities", [s for m in mentions if _inside(m, [(start, end)]) for s in m.slugs]),
            ):
                target = getattr(query, table)
                for item in items:
                    if item in target:
                        target[item] = min(target[item], REFERENCE_WEIGHT)
        return query

    def _resembling(
        self, analysed: AnalysedSentence, clause: Clause, when: DateExpression, lead: str | None
    ) -> list[Resemblance]:
        """Events ranked by how much the sentence resembles them, for one of its dates; those
        agreeing with another date of the sentence (and not this one) belong to that date and
        are left out."""
        others = [
            d for c in analysed.clauses for d in c.dates if d is not when and d.relation == "at"
        ]
        edge = _edge(analysed, clause, when)
        return [
            r
            for r in self._resemblance.rank(self._query(analysed, clause, lead))[:RANKED]
            if self._fits(self._profile_of[r.event.slug], analysed, clause)
            and (
                _compare_edge(when, r.event.when, edge) == AGREE
                # a span may hold several dates of a sentence: "opened on 17 August 1942 ...
                # until, in November 1942, ..."
                or (r.event.when.is_interval and compare(when, r.event.when) == AGREE)
                or not any(compare(d, r.event.when) == AGREE for d in others)
            )
        ]

    def _judge_by_resemblance(
        self,
        analysed: AnalysedSentence,
        clause: Clause,
        when: DateExpression,
        lead: str | None,
        ranked: list[Resemblance],
    ) -> Finding | None:
        """A date judged by the event the sentence resembles most (see `resemblance`).

        Reported only when that event resembles the sentence strongly and in more than one
        way, mostly through the date's own clause, is near the claimed date (a slip, not
        another story), and no event resembling the sentence (or the clause alone) nearly as
        much agrees with the date; events that agree with another date of the same sentence
        belong to that date and are set aside. A date said to begin or end a span ("the battle
        opened on", "the siege lasted until") is compared with that end of the event.
        `ranked` is `_resembling` for the date.
        """
        alone = self._query(analysed, clause, lead, alone=True)
        # an event the sentence names elsewhere than in the date's clause is not what the date
        # dates ("held in Canada that April; he got to Petrograd on 4 May 1917")
        told = [
            r for r in ranked if self._resemblance.score(r.event, alone) >= LOCAL_SHARE * r.score
        ]
        if not told:
            return None
        best = told[0]
        if best.score < RESEMBLANCE_STRONG or best.features < 2:
            return None
        if when.relation == "until" and not best.event.when.is_interval:
            return None  # "until 1917" bounds something else than a span of the chronology
        if not (best.entities or best.kind) and best.score < WORDS_ONLY_STRONG:
            return None  # words alone must be many and rare to name an event
        if self._verb_tells_another_story(clause, when, best):
            return None
        if _summary_agrees(best.event, when):
            return None  # the summary tells of an earlier step ("after attacking ... in October")
        edge = _edge(analysed, clause, when)

        def agrees(event: KnownEvent) -> bool:
            return _compare_edge(when, event.when, edge) == AGREE

        def pointedly_agrees(found: Resemblance) -> bool:
            # a long span holds many dates: a sentence only half like it is not about it
            # ("Dizzy with Success", which appeared in May 1930" and the exodus from the
            # collective farms, March–August 1930)
            vague = _days(found.event.when) > VAGUE_SPAN_DAYS and when.precision != "year"
            return agrees(found.event) and not (vague and found.score < CLOSE_SHARE * best.score)

        plausible = [r for r in ranked if r.score >= PLAUSIBLE_SHARE * best.score]
        if any(pointedly_agrees(r) for r in plausible):
            return None
        nearest = self._resemblance.rank(alone)
        if any(
            pointedly_agrees(r) for r in nearest if r.score >= PLAUSIBLE_SHARE * nearest[0].score
        ):
            return None  # the date's own clause reads as another event, one it agrees with
        if any(
            agrees(c.event)
            for c in self.candidates(clause)
            if c.corroborated and c.score >= LINK_SCORE
        ):
            return None  # the clause grammar links the date to an event it agrees with
        tied = [r for r in plausible if r.score >= TIE_SHARE * best.score]
        if len(tied) > 1:
            best = min(tied, key=lambda r: _distance(when, r.event.when))
        slips = [r for r in plausible if _compare_edge(when, r.event.when, edge) == CALENDAR]
        if slips:
            # "got to Petrograd on 4 May 1917" is his return of 4 (17) May in the other calendar,
            # not the detention in April the sentence also tells of
            best = slips[0]
        distance = _distance(when, best.event.when)
        if distance > NEAR_DAYS or (
            distance > NEAR_DAYS / 3 and (best.score < FAR_STRONG or len(tied) > 1)
        ):
            return None  # far from the event (or from two alike): another story, not a slip
        verdict = _compare_edge(when, best.event.when, edge)
        # every resembling event disagrees: the date is wrong even when it is unclear which
        # of two tied events the sentence tells of, so a tie only picks the nearer
        confidence = 0.6 + 0.02 * min(best.score - RESEMBLANCE_STRONG, 10)
        if verdict == CALENDAR and when.precision == "day":
            confidence += 0.1  # the very day, in the other calendar
        return Finding(
            line=analysed.sentence.line,
            sentence=analysed.sentence.text,
            claim=when.text,
            expected=_edge_date(best.event.when, edge).display(),
            event=best.event.slug,
            source=best.event.source,
            kind=verdict,
            confidence=_clamp(confidence),
        )

    def _verb_tells_another_story(
        self, clause: Clause, when: DateExpression, best: Resemblance
    ) -> bool:
        """Whether the verb the date belongs to names a happening of another kind than the
        resembling event's, in words the event's title and summary do not use: "the Baltic
        states were annexed in 1940 under the terms of the Nazi-Soviet Pact" dates an
        annexation, not the pact; "Tukhachevsky, arrested in May 1937, was tried ..." an
        arrest, not the trial. A loose verb ("adopted", "became", "voted") rules nothing out."""
        kinds = _verb_kinds(clause, when)
        if not kinds or kinds & LOOSE_KINDS or _related_kinds(_kind(best.event.kind), kinds):
            return False
        verb = clause.text[clause.verb[0] - clause.start : clause.verb[1] - clause.start]
        return not stems(content_words(verb)) & self._resemblance.words_of(best.event)

    # -- lifetimes --------------------------------------------------------------------------

    def _judge_lifetime(
        self, analysed: AnalysedSentence, clause: Clause, when: DateExpression
    ) -> Finding | None:
        """A person acting in a year after their death or before their birth."""
        if when.relation != "at" or not clause.subjects or clause.subject_source == "pronoun":
            # "he" may be anyone the paragraph has named: not enough to say who acted
            return None
        kinds = {k for h in clause.happenings for k in h.kinds[:1]}
        if kinds & (POSTHUMOUS_KINDS | {"birth"}) or clause.words & POSTHUMOUS_WORDS:
            return None
        if not clause.happenings and clause.verb is None:
            return None  # nothing said to be done
        spans = [s for s in (when.span("gregorian"), when.span("julian")) if s]
        if not spans:
            return None
        first, last = min(s[0] for s in spans), max(s[1] for s in spans)
        for person in clause.subjects:
            born, died = self.chronology.lifespans.get(person, (None, None))
            if died and first > died.latest and not clause.passive:
                expected, event = f"died {died.display()}", self._lifetime_events[(person, "death")]
            elif born and last < born.earliest:
                expected, event = f"born {born.display()}", self._lifetime_events[(person, "birth")]
            else:
                continue
            confidence = {"explicit": 0.9, "relative": 0.8, "inherited": 0.8}.get(
                clause.subject_source, 0.7
            )
            return Finding(
                line=analysed.sentence.line,
                sentence=analysed.sentence.text,
                claim=when.text,
                expected=f"{self._names.get(person, person)} {expected}",
                event=event.slug,
                source=event.source,
                kind="anachronism",
                confidence=confidence,
            )
        return None

    def _judge_lifespan(self, analysed: AnalysedSentence, claim: LifespanClaim) -> list[Finding]:
        """Check "Trotsky (1879–1940)", "Trotsky (b. 26 October (7 November) 1879; d. 21 August
        1940)" against the person's lifespan."""
        findings = []
        known = self.chronology.lifespans.get(claim.person, (None, None))
        pairs = zip(("birth", "death"), (claim.born, claim.died), known, strict=True)
        for kind, written, actual in pairs:
            verdict = compare(written, actual) if written and actual else AGREE
            if verdict == AGREE:
                continue
            event = self._lifetime_events[(claim.person, kind)]
            findings.append(
                Finding(
                    line=analysed.sentence.line,
                    sentence=analysed.sentence.text,
                    # a full date is named alone; "(1879–1941)" is one claim
                    claim=written.text if written.precision in ("day", "month") else claim.text,
                    expected=f"{'born' if kind == 'birth' else 'died'} {actual.display()}",
                    event=event.slug,
                    source=event.source,
                    kind=verdict,
                    confidence=0.9,
                )
            )
        return findings

    # -- durations --------------------------------------------------------------------------

    def _judge_duration(
        self,
        analysed: AnalysedSentence,
        clause: Clause,
        duration: Duration,
        previous: KnownEvent | None,
    ) -> Finding | None:
        """Check "six weeks later" against the gap between two identified events."""
        if duration.relation in ("after", "before"):
            told_first = analysed.part(clause, clause.start, duration.start)
            if not told_first.happenings and not told_first.mentions:
                # "Eight months after the abdication, the Bolsheviks seized power."
                index = analysed.clauses.index(clause)
                told_first = next(iter(analysed.clauses[index + 1 : index + 2]), told_first)
            target = self._identify(told_first)
            anchor_found = self._identify(
                analysed.part(clause, duration.end, clause.end, with_subjects=False)
            )
            anchor = anchor_found.event if anchor_found else None
            confidence = min(target.score, anchor_found.score) if target and anchor_found else 0
        else:
            target = self._identify(clause)
            anchor = previous
            confidence = target.score if target else 0
            dated = [
                d
                for c in analysed.clauses
                for d in c.dates
                if d.end <= duration.start and d.relation == "at"
            ]
            if dated and target:
                # "On 5 March 1923 he threatened ..., but a stroke five days later ...": the
                # gap runs from the date the sentence gives, whatever event that date is of
                anchor = self._date_as_event(dated[-1])
        if target is None or anchor is None or target.event.slug == anchor.slug:
            return None
        later, earlier = target.event, anchor
        if duration.relation in ("earlier", "before"):
            later, earlier = earlier, later
        if _gap_agrees(duration, earlier.when, later.when):
            return None
        if abs(sum(_gap(earlier.when, later.when))) / 2 > max(3 * duration.gap_days()[1], 400):
            return None  # years apart when the text says days: the link is wrong, not the gap
        return Finding(
            line=analysed.sentence.line,
            sentence=analysed.sentence.text,
            claim=duration.text,
            expected=_describe_gap(earlier, later),
            event=target.event.slug,
            source=target.event.source,
            kind="duration",
            confidence=_clamp(0.45 + 0.06 * confidence),
        )


#: Kinds close enough that a clause naming one may tell of an event of another.
KIND_FAMILIES = (
    frozenset("death assassination execution massacre pogrom funeral".split())
    | {"attempted assassination"},
    frozenset("revolution uprising coup mutiny rebellion battle war campaign invasion".split())
    | frozenset("intervention strike protest".split()),
    frozenset("appointment election dismissal resignation expulsion accession abdication".split()),
    frozenset("exile deportation expulsion escape".split()),
)


def _related_kinds(kind: str, kinds: Iterable[str]) -> bool:
    """Whether an event kind is one of `kinds` or of the same family as one of them."""
    return any(
        kind == other or any(kind in family and other in family for family in KIND_FAMILIES)
        for other in kinds
    )


def _verb_kinds(clause: Clause, when: DateExpression) -> frozenset[str]:
    """The kinds of happening the verb a date belongs to can name ("was renamed in 1961":
    renaming); empty when the date is not the verb's or the verb names no happening."""
    if clause.verb is None or not clause.timed_by_verb(when):
        return frozenset()
    return frozenset(
        kind
        for h in clause.happenings
        if h.start < clause.verb[1] and clause.verb[0] < h.end
        for kind in h.kinds
    )


PRECISIONS = ("decade", "year", "month", "day")
_SUMMARY_MONTH = re.compile(
    r"\b(?:in|on|from|by|until)\s+(?:early\s+|late\s+|mid-)?(?P<month>[A-Z][a-z]+)\b(?!\s+\d)"
)


def _summary_agrees(event: KnownEvent, when: DateExpression) -> bool:
    """Whether an event's summary names the claimed date for a step of its story: a date of
    its own, or a month of the event's year ("after attacking ... in October, Yeltsin is
    sacked" for an event of November)."""
    claimed = [s for s in (when.span("gregorian"), when.span("julian")) if s]
    for told in find_dates(event.summary):
        if PRECISIONS.index(told.precision) < PRECISIONS.index(when.precision):
            continue  # "in 1970" does not tell of "11 September 1970"
        spans = [s for s in (told.span("gregorian"), told.span("julian")) if s]
        if any(a[0] <= b[1] and b[0] <= a[1] for a in claimed for b in spans):
            return True
    months = {MONTHS.get(m.group("month").lower()) for m in _SUMMARY_MONTH.finditer(event.summary)}
    years = {event.when.earliest.year, event.when.latest.year} if event.when.earliest else set()
    return when.precision == "month" and when.month in months and when.year in years


def _days(when: HistoricalDate) -> int:
    """How many days a date covers."""
    low, high = _event_span(when)
    return (high - low).days if low != date.min and high != date.max else 10**6


def _written_date(when: DateExpression) -> HistoricalDate | None:
    """A written date as a `HistoricalDate` (a dual date by its New Style half)."""
    span = when.new_style_span() or when.span("gregorian")
    if span is None:
        return None
    first, last = span
    edtf = first.isoformat() if first == last else f"{first.isoformat()}/{last.isoformat()}"
    return HistoricalDate.parse(edtf)


def _kind(kind: str) -> str:
    return " ".join(kind.lower().replace("-", " ").replace("_", " ").split())


def _distinctive_words(
    title: str, name_words: frozenset[str], proper: bool = False
) -> frozenset[str]:
    """The words of a title that are neither entity names nor happenings ("Bloody Sunday",
    not "Trotsky" or "arrested"): evidence of their own when a clause shares some of them.
    With `proper`, only those written with a capital ("Potemkin", not "first")."""
    happening_words = frozenset().union(*(content_words(h.text) for h in find_happenings(title)))
    words = content_words(title) - name_words - happening_words
    if proper:
        capitalised = content_words(" ".join(re.findall(r"\b[A-Z][\w-]*", title)))
        words &= capitalised - ORDINALS
    return words


def _score(profile: _Profile, clause: Clause) -> _Candidate:
    """How strongly a clause points at an event, and whether the link is corroborated."""
    kind_score = 0.0
    for happening in clause.happenings:
        if happening.kinds[0] == profile.kind:
            kind_score = 3.0
        elif profile.kind in happening.kinds:
            kind_score = max(kind_score, 2.0)
    score = kind_score
    title_match = bool(profile.title_words) and profile.title_words <= clause.words
    matched = profile.distinctive_words & clause.free_words
    if title_match:
        score += 4.0
    elif 2 * len(matched) >= len(profile.distinctive_words) and (
        len(matched) >= 2 or matched & profile.proper_words
    ):
        score += 2.0
    ordinals = clause.words & ORDINALS
    if ordinals and profile.title_words & ORDINALS and not ordinals & profile.title_words:
        score -= 3.0  # "a third stroke" is not "Lenin's first stroke"
    entities = clause.entities
    people = profile.people & entities
    if people:
        score += 1.0 + len(people)
    if clause.subjects and profile.people and not profile.people & set(clause.subjects):
        score -= 3.0
    others = profile.others & entities
    score += len(others)
    # Corroborated: something beyond a kind and a name ties the clause to this event rather
    # than to another of its kind. Without the kind, only the whole title will do; with a
    # kind named only loosely ("shot" for an assassination), the title or the person in the
    # right role; with the kind itself, also a shared organisation or place.
    title_evidence = title_match or bool(matched)
    if profile.kind in PATIENT_KINDS:
        in_role = bool(profile.people & clause.patients)
    else:
        in_role = bool(profile.people & clause.participants)
    personal = profile.kind in PERSONAL_KINDS and in_role
    named = {slug for m in clause.mentions if not m.possessive for slug in m.slugs}
    if clause.subject_source not in ("", "pronoun"):
        named |= set(clause.subjects)
    named_in_role = personal and bool(profile.people & named)
    if kind_score == 3.0:
        corroborated = title_evidence or personal or bool(others)
    elif kind_score:
        corroborated = title_evidence or personal
    else:
        corroborated = title_match
    # one shared title word ("State" of "The State and Revolution") is weak evidence when
    # none of the event's people is named: "the US State Department published a text"
    lone_word = not title_match and len(matched) < 2 and profile.people and not people
    strong = corroborated and ((title_evidence and not lone_word) or bool(others) or named_in_role)
    return _Candidate(profile, score, title_match, corroborated, strong)


def _stem(word: str) -> str:
    """A crude stem for matching title words loosely ("invaded", "invasion" -> "inva")."""
    return word[:5] if len(word) > 6 else word


@lru_cache(maxsize=1024)
def _ordinal_pairs(text: str) -> frozenset[tuple[int, str]]:
    """The numbered nouns of a text: "the Fifth Congress" gives (5, 'congress'), "the 20th
    Party Congress" (20, 'party')."""
    pairs = set()
    for match in _ORDINAL_PAIR.finditer(text):
        word = match.group("ordinal").lower()
        number = int(word[:-2]) if word[:1].isdigit() else ORDINAL_NUMBERS.get(word)
        if number is not None:
            pairs.add((number, match.group("noun").lower()))
    return frozenset(pairs)


def _link_confidence(best: _Candidate, runner_up: float | None, clause: Clause) -> float:
    """Confidence in a link: its score, its lead over the next candidate, how it was made."""
    confidence = 0.45 + 0.06 * best.score
    if runner_up is not None:
        confidence -= 0.025 * max(0.0, 2.0 - (best.score - runner_up))
    if not best.corroborated:
        confidence -= 0.3
    if best.profile.kind in REPEATABLE_KINDS and not best.title_match:
        confidence -= 0.1
    if clause.subject_source == "pronoun":
        confidence -= 0.05
    return confidence


#: An event named only to place something else in time: "after the July Days", "since his
#: arrest", "before the Revolution of 1905".
_REFERENCE = re.compile(
    r"\b(?i:after|before|following|since|during|until)\s+"
    r"(?:(?:the\s+)?(?:(?:[A-Z][\w'’-]*|of|the)\s+)*[A-Z][\w'’-]*|(?:the|his|her|their)\s+[a-z]+\b)"
)


def _inside(item, spans: list[tuple[int, int]]) -> bool:
    return any(start <= item.start and item.end <= end for start, end in spans)


_START_WORDS = (
    r"began|begun|begins?|beginning|start(?:ed|s)?|open(?:ed|s)|launched|broke\s+out|outbreak"
)
_END_WORDS = r"end(?:ed|s|ing)?|lifted|finish(?:ed|es)?|concluded|surrender(?:ed|s)?"
#: "the end of 1922" is a part of the year, not the end of a span
_EDGE = re.compile(
    rf"\b(?:(?P<start>{_START_WORDS})|(?P<end>{_END_WORDS}))\b(?!\s+of\s+(?:the\s+)?\d)", re.I
)


def _edge(analysed: AnalysedSentence, clause: Clause, when: DateExpression) -> str | None:
    """Which end of a span a date is said to be: 'start' ("the battle opened on ..."), 'end'
    ("the siege was lifted on ...", "until ..."), or None (the date falls within it)."""
    if when.relation == "until":
        return "end"
    said = [
        m for m in _EDGE.finditer(analysed.sentence.text, clause.start) if m.end() <= when.start
    ]
    if not said:
        return None
    return "start" if said[-1].group("start") else "end"


def _edge_date(when: HistoricalDate, edge: str | None) -> HistoricalDate:
    """One end of a span (the date itself if it is not a span, or for no edge)."""
    if edge is None or not when.is_interval:
        return when
    start, end = when.edtf.split("/")
    part = start if edge == "start" else end
    if not part or part == "..":
        return when
    try:
        return HistoricalDate(part, when.old_style)
    except DateError:
        return when


def _compare_edge(claim: DateExpression, when: HistoricalDate, edge: str | None) -> str:
    """`compare` with the end of a span the claim is said to be."""
    return compare(claim, _edge_date(when, edge))


def _judged_by_resemblance(analysed: AnalysedSentence, when: DateExpression) -> bool:
    """Whether the resemblance reading judges a date: a point or the end of a span, not a
    decade, a bound or an approximation, in a sentence rather than a heading or a caption
    fragment ("After Stalin: 1955 and 1964")."""
    return (
        when.relation in ("at", "until")
        and when.precision != "decade"
        and not when.approximate
        and _reads_as_prose(analysed.sentence.text)
    )


def _some_agree(ranked: list[Resemblance], when: DateExpression) -> bool:
    """Whether an event the sentence resembles nearly as much as the one it resembles most
    agrees with the date ("the SRs had murdered him [Gapon] in 1906" is not the SRs' murder
    of Sipyagin in 1902)."""
    return any(
        compare(when, r.event.when) == AGREE
        for r in ranked
        if r.score >= max(PLAUSIBLE_SCORE, PLAUSIBLE_SHARE * ranked[0].score)
    )


def _reads_as_prose(text: str) -> bool:
    """Whether a sentence ends as prose does (headings and labels do not)."""
    return bool(re.search(r"[.!?][\"'”’)\]]*$", text.strip()))


def _clamp(confidence: float) -> float:
    return round(max(0.0, min(0.97, confidence)), 2)


def _distance(claim: DateExpression, when: HistoricalDate) -> int:
    """Days between a claimed date (either reading) and an event's date; 0 if they meet."""
    low, high = _event_span(when)
    best = None
    for span in (claim.span("gregorian"), claim.span("julian"), claim.new_style_span()):
        if span is None:
            continue
        gap = max((low - span[1]).days, (span[0] - high).days, 0)
        best = gap if best is None else min(best, gap)
    return best if best is not None else 10**9


def _nearest(claim: DateExpression, tied: list[_Candidate]) -> _Candidate | None:
    """Of tied candidates, the one much nearer the claimed date (a third of the next distance);
    None if no candidate stands out."""
    ranked = sorted(tied, key=lambda c: _distance(claim, c.event.when))
    first, second = (_distance(claim, c.event.when) for c in ranked[:2])
    return ranked[0] if 3 * first <= second and first < second else None


def _gap_agrees(duration: Duration, earlier: HistoricalDate, later: HistoricalDate) -> bool:
    """Whether the gap between two dates can be what a duration says.

    "The following year" and "the next month" count calendar steps (November 1917 to March
    1918 is "the following year"); other durations count elapsed days.
    """
    if duration.step and duration.unit in ("month", "year"):
        e0, e1 = _event_span(earlier)
        l0, l1 = _event_span(later)
        if duration.unit == "year":
            return l0.year - e1.year <= 1 <= l1.year - e0.year
        least = (l0.year - e1.year) * 12 + l0.month - e1.month
        most = (l1.year - e0.year) * 12 + l1.month - e0.month
        return least <= 1 <= most
    least, most = _gap(earlier, later)
    low, high = duration.gap_days()
    return low <= most and least <= high


def _gap(earlier: HistoricalDate, later: HistoricalDate) -> tuple[int, int]:
    """The least and most days from one date to another (negative if it comes before)."""
    e0, e1 = _event_span(earlier)
    l0, l1 = _event_span(later)
    return (l0 - e1).days, (l1 - e0).days


def _describe_gap(earlier: KnownEvent, later: KnownEvent) -> str:
    """What the chronology says about the gap, in words: "Death of Trotsky (21 August 1940)
    came 1 day after Ramón Mercader attacks Trotsky (20 August 1940)"."""
    least, most = _gap(earlier.when, later.when)
    direction = "after"
    if most < 0:
        least, most, direction = -most, -least, "before"
    middle = (least + most) / 2
    if middle < 60:
        size = f"{least} day" + ("s" if least != 1 else "")
        if least != most:
            size = f"{least}–{most} days"
    elif middle < 730:
        size = f"about {round(middle / 30.44)} months"
    else:
        size = f"about {round(middle / 365.25)} years"
    return (
        f"{later.title} ({later.when.display()}) came {size} {direction} "
        f"{earlier.title} ({earlier.when.display()})"
    )
