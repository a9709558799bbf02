"""manage.py forget_subscriber EMAIL: erase a subscriber's personal data on request."""

from django.core.management.base import BaseCommand, CommandError

from newsletter.models import Subscriber


class Command(BaseCommand):
    help = "Delete a subscriber's address and name; delivery statistics stay, without the person."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, email, **options):
        deleted, _ = Subscriber.objects.filter(email=email.strip().lower()).delete()
        if not deleted:
            raise CommandError(f"No subscriber with the address {email}.")
        self.stdout.write(
            self.style.SUCCESS(f"Erased {email}; their deliveries are kept without an address.")
        )
