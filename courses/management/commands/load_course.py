"""manage.py load_course PATH: validate a content pack, then load it in one transaction."""

import time

from django.core.management.base import BaseCommand, CommandError

from courses.loader import load_pack
from courses.pack import PackInvalid, read_pack


class Command(BaseCommand):
    help = "Validate a content pack and load it (all or nothing, upserting by slug)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The pack folder, e.g. content/russian-soviet-history")

    def handle(self, path, **options):
        started = time.monotonic()
        self.stdout.write(f"Validating {path} …")
        try:
            pack = read_pack(path)
        except PackInvalid as invalid:
            for error in invalid.errors:
                self.stderr.write(str(error))
            raise CommandError(
                f"{len(invalid.errors)} error(s) in {path}; nothing was loaded."
            ) from None
        self.stdout.write(
            f"Valid: {len(pack.topics)} topics, "
            + ", ".join(f"{len(v)} {k}" for k, v in pack.data.items())
        )
        report = load_pack(pack, progress=lambda message: self.stdout.write(f"  loaded {message}"))
        for line in report.lines():
            self.stdout.write(line)
        verdict = (
            "Loaded" if report.changed else "Nothing changed: the database already holds this pack"
        )
        self.stdout.write(self.style.SUCCESS(f"{verdict} ({time.monotonic() - started:.1f} s)."))
