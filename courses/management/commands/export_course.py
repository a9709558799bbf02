"""manage.py export_course PATH: write the database back out as a content pack."""

from django.core.management.base import BaseCommand

from courses.exporter import export_pack


class Command(BaseCommand):
    help = "Write the course in the database to a content pack folder (load of it changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, path, **options):
        written = export_pack(
            path, progress=lambda message: self.stdout.write(f"  wrote {message}")
        )
        self.stdout.write(self.style.SUCCESS(f"Exported {written} files to {path}."))
