"""manage.py import_events FILE.csv: add or update events from a CSV in the export_timeline format.

The whole file is checked first; every error names its line and column; nothing is written
unless every row is valid.
"""

import csv
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from chronology.dates import DateError, HistoricalDate
from chronology.models import Event, OrganisationPage, PersonPage, Place, Source
from courses.models import ArticlePage
from courses.pack import SLUG

REQUIRED = ["slug", "title", "when", "sources"]


def split(cell):
    return [item.strip() for item in (cell or "").split(";") if item.strip()]


class Command(BaseCommand):
    help = "Import events from CSV (columns as written by export_timeline --format csv), all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, file, **options):
        started = time.monotonic()
        try:
            with open(file, encoding="utf-8", newline="") as handle:
                rows = list(csv.DictReader(handle))
                columns = rows[0].keys() if rows else []
        except FileNotFoundError:
            raise CommandError(f"{file}: no such file") from None
        missing = [c for c in REQUIRED if c not in columns]
        if missing:
            raise CommandError(f"{file}:1: missing column(s): {', '.join(missing)}")
        known = {
            "people": set(PersonPage.objects.values_list("slug", flat=True)),
            "organisations": set(OrganisationPage.objects.values_list("slug", flat=True)),
            "topics": set(ArticlePage.objects.values_list("slug", flat=True)),
            "sources": set(Source.objects.values_list("slug", flat=True)),
            "place": set(Place.objects.values_list("slug", flat=True)),
        }
        errors, parsed, seen = [], [], {}
        for line, row in enumerate(rows, start=2):

            def error(column, message, line=line):
                errors.append(f"{file}:{line}: {column}: {message}")

            slug = (row.get("slug") or "").strip()
            if not SLUG.match(slug):
                error("slug", f"'{slug}' is not a slug")
            elif slug in seen:
                error("slug", f"duplicate slug '{slug}' (first on line {seen[slug]})")
            seen[slug] = line
            if not (row.get("title") or "").strip():
                error("title", "an event needs a title")
            date = None
            try:
                julian = (row.get("old_style") or "").strip()
                date = (
                    HistoricalDate.from_julian(julian, field="old_style")
                    if julian
                    else HistoricalDate.parse((row.get("when") or "").strip(), field="when")
                )
            except DateError as exc:
                error(exc.field, str(exc))
            if not split(row.get("sources")):
                error("sources", "an event must cite at least one source")
            for column in ("people", "organisations", "topics", "sources", "place"):
                for value in split(row.get(column)):
                    if value not in known[column]:
                        error(column, f"unknown {column.rstrip('s')} '{value}'")
            parsed.append((slug, row, date))
        if errors:
            for message in errors:
                self.stderr.write(message)
            raise CommandError(f"{len(errors)} error(s) in {file}; nothing was imported.")
        counts = {"created": 0, "updated": 0}
        with transaction.atomic():
            for index, (slug, row, date) in enumerate(parsed, start=1):
                event, created = Event.objects.update_or_create(
                    slug=slug,
                    defaults={
                        "title": row["title"].strip(),
                        "when": date.edtf,
                        "when_old_style": date.old_style,
                        "kind": (row.get("kind") or "").strip(),
                        "place": Place.objects.filter(
                            slug=(row.get("place") or "").strip()
                        ).first(),
                        "summary": (row.get("summary") or "").strip(),
                        "significance": (row.get("significance") or "").strip(),
                    },
                )
                event.people.set(PersonPage.objects.filter(slug__in=split(row.get("people"))))
                event.organisations.set(
                    OrganisationPage.objects.filter(slug__in=split(row.get("organisations")))
                )
                event.topics.set(ArticlePage.objects.filter(slug__in=split(row.get("topics"))))
                event.sources.set(Source.objects.filter(slug__in=split(row.get("sources"))))
                event.save()
                counts["created" if created else "updated"] += 1
                if index % 100 == 0:
                    self.stdout.write(f"  {index}/{len(parsed)} events")
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {len(parsed)} events: {counts['created']} created, {counts['updated']} updated "
                f"({time.monotonic() - started:.1f} s)."
            )
        )
