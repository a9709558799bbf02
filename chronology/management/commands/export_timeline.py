"""manage.py export_timeline --format json|csv|timelinejs [--output FILE]"""

import json
import sys

from django.core.management.base import BaseCommand

from chronology.timeline import (
    TimelineFilters,
    timeline_csv,
    timeline_events,
    timeline_json,
    timelinejs,
)


class Command(BaseCommand):
    help = "Export every event of the course timeline as JSON, CSV or TimelineJS 3 JSON."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "csv", "timelinejs"], default="json")
        parser.add_argument("--output", help="A file to write; standard output by default.")
        for name in TimelineFilters.__dataclass_fields__:
            parser.add_argument(f"--{name}", default="", help=f"Only events matching this {name}.")

    def handle(self, format, output, **options):
        filters = TimelineFilters(
            **{name: options[name] for name in TimelineFilters.__dataclass_fields__}
        )
        events = timeline_events(filters)
        if format == "csv":
            text = timeline_csv(events)
        else:
            data = timeline_json(events) if format == "json" else timelinejs(events)
            text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        if output:
            with open(output, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            self.stderr.write(f"Wrote {events.count()} events to {output} ({format}).")
        else:
            sys.stdout.write(text)
