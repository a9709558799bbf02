"""What a reader typed, made searchable: words, other spellings, typo corrections, highlights.

Pure functions over a `Vocabulary` (the words of the indexed names, titles, aliases, glossary
terms and summaries), so that they are tested without a database. The search itself stays with
Wagtail's backend; this layer only decides which words to ask it for.
"""

import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe
from rapidfuzz import process
from rapidfuzz.distance import OSA

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
POSSESSIVE = re.compile(r"['’]s$")

# British spellings the course uses, for the American ones readers type (collectivization).
SPELLING_RULES = [
    (re.compile(r"iz(e|es|ed|ing|ation|ations|er|ers)$"), r"is\1"),
    (re.compile(r"yz(e|es|ed|ing)$"), r"ys\1"),
    (re.compile(r"or$"), "our"),
    (re.compile(r"ors$"), "ours"),
    (re.compile(r"er$"), "re"),
]


def words(text):
    """The words of `text`, lower-cased, possessives dropped: "Lenin's NEP!" -> ["lenin", "nep"].
    Anything else (quotes, operators, control characters, NUL) is not a word and never reaches
    a search backend."""
    text = text[:MAX_QUERY_LENGTH].replace("\x00", " ")
    found = []
    for match in WORD.finditer(text):
        word = POSSESSIVE.sub("", match.group().lower()).replace("’", "'")
        found.extend(part for part in word.split("'") if part)
    return found


def max_edits(word):
    """How many typing slips a word may carry and still be corrected: none in short words."""
    if len(word) < 4 or word.isdigit():
        return 0
    return 1 if len(word) < 8 else 2


def word_forms(word):
    """Other forms of `word` a text may use: British spellings and singular or plural."""
    forms = {word}
    for pattern, replacement in SPELLING_RULES:
        if len(word) > 4 and pattern.search(word):
            forms.add(pattern.sub(replacement, word))
    for form in list(forms):
        if form.endswith("ies") and len(form) > 4:
            forms.add(form[:-3] + "y")
        elif form.endswith("es") and len(form) > 4:
            forms.update({form[:-2], form[:-1]})
        elif form.endswith("s") and not form.endswith("ss") and len(form) > 3:
            forms.add(form[:-1])
        else:
            forms.update({form + "s", form + "es"})
            if form.endswith("y"):
                forms.add(form[:-1] + "ies")
    return forms


class Vocabulary:
    """The words the site's indexed text uses, each with a weight (names count more than prose)."""

    def __init__(self, weights):
        self.weights = dict(weights)
        self.choices = list(self.weights)

    def __contains__(self, word):
        return word in self.weights

    def __len__(self):
        return len(self.weights)

    def correction(self, word):
        """The known word closest to an unknown `word` within its allowed edits, or None.
        Among equally close words the heaviest wins (a name over a word of prose)."""
        limit = max_edits(word)
        if not limit or word in self.weights:
            return None
        candidates = process.extract(
            word, self.choices, scorer=OSA.distance, score_cutoff=limit, limit=20
        )
        if not candidates:
            return None
        best = min(candidates, key=lambda c: (c[1], -self.weights[c[0]], c[0]))
        return best[0]


@dataclass
class QueryPlan:
    """The reader's query as the backend will be asked it: each typed word with the forms to
    look for (its other spellings, singular or plural, the correction of a typo)."""

    typed: str
    terms: list[tuple[str, frozenset]] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self):
        return not self.terms

    @property
    def suggestion(self):
        """The query with its typos corrected ("did you mean …?"), or "" when nothing was."""
        if not self.corrections:
            return ""
        return " ".join(self.corrections.get(word, word) for word, _forms in self.terms)

    @property
    def all_forms(self):
        return {form for _word, forms in self.terms for form in forms}


def plan_query(text, vocabulary):
    """Split `text` into words and find, for each, the forms the index may hold."""
    plan = QueryPlan(typed=text)
    for word in words(text)[:MAX_WORDS]:
        known = {form for form in word_forms(word) if form in vocabulary}
        forms = {word} | known
        if not known:
            corrected = vocabulary.correction(word)
            if corrected:
                plan.corrections[word] = corrected
                forms |= {form for form in word_forms(corrected) if form in vocabulary}
                forms.add(corrected)
        plan.terms.append((word, frozenset(forms)))
    return plan


def name_match(plan, name_words):
    """The share of the query's words found among a result's names (its title and aliases):
    1.0 when every word the reader typed is one of its names."""
    if plan.empty:
        return 0.0
    hits = sum(1 for _word, forms in plan.terms if forms & name_words)
    return hits / len(plan.terms)


def marker(forms):
    """A pattern for any of `forms` as a whole word or the start of one (stems: revolution-ary)."""
    alternatives = "|".join(sorted((re.escape(f) for f in forms), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE) if alternatives else None


def highlight(text, forms):
    """`text` escaped, with every word that matches the query marked `<mark>`."""
    pattern = marker(forms)
    if not pattern or not text:
        return escape(text)
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts += [escape(text[last : match.start()]), f"<mark>{escape(match.group())}</mark>"]
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))


def snippet(text, forms, length=220):
    """A window of `text` around its first matching word, cut at word boundaries, highlighted."""
    text = " ".join(text.split())
    if len(text) > length:
        pattern = marker(forms)
        match = pattern.search(text) if pattern else None
        start = max(0, (match.start() if match else 0) - length // 3)
        start = text.rfind(" ", 0, start) + 1 if start else 0
        end = text.rfind(" ", start, start + length)
        end = end if end > start else start + length
        text = ("… " if start else "") + text[start:end] + " …"
    return highlight(text, forms)
