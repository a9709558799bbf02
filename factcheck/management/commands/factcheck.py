"""`manage.py factcheck`: check articles' dates against the course chronology in the database.

    manage.py factcheck draft.md other.md        # Markdown or plain text files
    manage.py factcheck --all                     # every live article
    manage.py factcheck --all --format json

The exit status is 0 when nothing is flagged, 1 when something is, 2 when the command cannot run
(as with `grep` and `diff`), so it can gate a script or CI job.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from factcheck.articles import article_text
from factcheck.chronology_db import course_checker

#: The fields of a finding in the JSON output, in order.
FIELDS = ("line", "sentence", "claim", "expected", "event", "source", "kind", "confidence")


class Command(BaseCommand):
    help = (
        "Check the dates of articles against the course chronology: Markdown or text files, or "
        "--all live articles. Exits 1 when something is flagged."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "files", nargs="*", metavar="FILE", help="Markdown or plain text files."
        )
        parser.add_argument(
            "--all", action="store_true", dest="all_articles", help="Check every live article."
        )
        parser.add_argument(
            "--format", choices=["text", "json"], default="text", dest="output_format"
        )
        parser.add_argument(
            "--min-confidence",
            type=float,
            default=0.6,
            help="Report findings at least this confident (0-1; default 0.6).",
        )

    def handle(self, *args, files, all_articles, output_format, min_confidence, **options):
        if all_articles and files:
            raise CommandError("Give files or --all, not both.", returncode=2)
        if not all_articles and not files:
            raise CommandError("Name the files to check, or use --all.", returncode=2)
        checker = course_checker()
        documents = self.articles(options["verbosity"]) if all_articles else self.files(files)
        results = []  # (name, findings) per document
        for name, text in documents:
            results.append((name, checker.check(text, min_confidence)))
        unit = "article" if all_articles else "file"
        if output_format == "json":
            self.write_json(results, with_file=all_articles or len(files) > 1)
        else:
            titles = {event.slug: event.title for event in checker.chronology.events}
            self.write_text(results, unit, titles)
        if any(findings for _, findings in results):
            sys.exit(1)

    def files(self, paths):
        """(name, text) of each file, read before any is checked so a bad path fails at once."""
        documents = []
        for path in map(Path, paths):
            try:
                documents.append((str(path), path.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError) as error:
                raise CommandError(f"Cannot read {path}: {error}", returncode=2) from error
        return documents

    def articles(self, verbosity):
        """(slug, text) of each live article, in the order of the page tree; progress on stderr."""
        from courses.models import ArticlePage

        pages = list(ArticlePage.objects.live().order_by("path").only("slug", "title", "body"))
        for number, page in enumerate(pages, start=1):
            if verbosity >= 1:
                self.stderr.write(f"[{number}/{len(pages)}] {page.slug}")
            yield page.slug, article_text(page)

    def write_json(self, results, with_file):
        """{"findings": [...]}, each finding with the FIELDS (and "file" for several documents)."""
        rows = []
        for name, findings in results:
            for finding in findings:
                row = {field: getattr(finding, field) for field in FIELDS}
                if with_file:
                    row["file"] = name
                rows.append(row)
        self.stdout.write(json.dumps({"findings": rows}, ensure_ascii=False, indent=2))

    def write_text(self, results, unit, titles):
        """One block per finding, then a summary line."""
        for name, findings in results:
            for finding in findings:
                event = titles.get(finding.event, finding.event)
                source = f" ({finding.source})" if finding.source else ""
                self.stdout.write(
                    "\n".join(
                        [
                            f"{name}:{finding.line}: {finding.kind}, confidence {finding.confidence:.2f}",
                            f"  sentence:   {finding.sentence}",
                            f"  claim:      {finding.claim}",
                            f"  chronology: {finding.expected}",
                            f"  event:      {event}{source}"
                            if event
                            else f"  source:     {finding.source}",
                            "",
                        ]
                    )
                )
        count = sum(len(findings) for _, findings in results)
        flagged = sum(1 for _, findings in results if findings)
        if count:
            self.stdout.write(f"{_plural(count, 'finding')} in {_plural(flagged, unit)}")
        else:
            self.stdout.write(f"No findings in {_plural(len(results), unit)}")


def _plural(count, noun):
    return f"{count} {noun}{'' if count == 1 else 's'}"
