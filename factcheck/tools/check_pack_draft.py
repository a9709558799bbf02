"""Check every topic of a course pack against the pack's own chronology.

Run: `.venv/bin/python factcheck/tools/check_pack_draft.py [PACK_DIR]` (by default the Russian
and Soviet history pack). The course's own articles should give no findings; each finding is
printed with its line, the claim, what the chronology expects and the sentence.

`build_pack_chronology` is also used by the tests (factcheck/tests/test_course_pack.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from chronology.dates import HistoricalDate  # noqa: E402
from factcheck.judge import Chronology, Entity, KnownEvent, check_text  # noqa: E402
from factcheck.naming import event_kind, surnames  # noqa: E402

PACK = ROOT / "content" / "russian-soviet-history"


def _load(pack: Path, name: str) -> list[dict]:
    """One YAML file of the pack, every scalar read as a string (as the pack loader does)."""
    return yaml.load((pack / f"{name}.yaml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _names(entry: dict, key: str = "name") -> tuple[str, ...]:
    """An entity's name, aliases and short name."""
    out = [entry[key]]
    out += [a["name"] if isinstance(a, dict) else a for a in entry.get("aliases") or []]
    if entry.get("short_name"):
        out.append(entry["short_name"])
    return tuple(out)


def _date(value) -> HistoricalDate:
    """A pack date: an EDTF string, or a mapping with an Old Style 'os' or a 'date'."""
    if isinstance(value, dict):
        if "os" in value:
            return HistoricalDate.from_julian(value["os"])
        return HistoricalDate.from_pack(value["date"])
    return HistoricalDate.from_pack(value)


def build_pack_chronology(pack: Path = PACK) -> Chronology:
    """The checker's chronology from a pack's people, organisations, places, events, sources."""
    people, orgs, places = (
        _load(pack, "people"),
        _load(pack, "organisations"),
        _load(pack, "places"),
    )
    events = _load(pack, "events")
    sources = {s["slug"]: s for s in _load(pack, "sources")}
    # named as the database reader names them (chronology_db.build_course_chronology)
    entities = [Entity(o["slug"], "organisation", _names(o)) for o in orgs]
    entities += [Entity(p["slug"], "place", _names(p)) for p in places]
    entities += [Entity(t["slug"], "term", _names(t, "term")) for t in _load(pack, "glossary")]
    person_names = {p["slug"]: list(_names(p)) for p in people}
    short = surnames(person_names, taken={n.casefold() for e in entities for n in e.names})
    entities += [
        Entity(slug, "person", (*names, short[slug]) if slug in short else tuple(names))
        for slug, names in person_names.items()
    ]
    known = []
    for e in events:
        when = (
            HistoricalDate.from_julian(e["os"])
            if "os" in e
            else HistoricalDate.from_pack(e["date"])
        )
        source = sources.get((e.get("sources") or [""])[0], {})
        known.append(
            KnownEvent(
                e["slug"],
                e["title"],
                event_kind(e.get("kind", "")),
                when,
                tuple(e.get("people") or []),
                tuple(e.get("organisations") or []),
                (e["place"],) if e.get("place") else (),
                e.get("summary", ""),
                f"{source.get('author')}, {source.get('title')}",
            )
        )
    lifespans = {
        p["slug"]: (
            _date(p["born"]) if p.get("born") else None,
            _date(p["died"]) if p.get("died") else None,
        )
        for p in people
    }
    return Chronology(tuple(entities), tuple(known), lifespans)


def topics(pack: Path = PACK) -> list[Path]:
    """The pack's topic articles, in name order."""
    return sorted((pack / "topics").glob("*.md"))


def main(argv: list[str]) -> int:
    """Print the findings of every topic and their total; the total is the exit status."""
    pack = Path(argv[1]) if len(argv) > 1 else PACK
    chronology = build_pack_chronology(pack)
    total = 0
    for md in topics(pack):
        findings = check_text(md.read_text(encoding="utf-8"), chronology)
        total += len(findings)
        for f in findings:
            print(
                f"{md.name}:{f.line}: [{f.kind} {f.confidence:.2f}] {f.claim} -> expected "
                f"{f.expected} ({f.event})\n    {f.sentence[:200]}"
            )
    print("TOTAL", total)
    return min(total, 1)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
