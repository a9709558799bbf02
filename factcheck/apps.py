"""The fact checker as a Django app: the admin panel and the publish check."""

from django.apps import AppConfig


class FactcheckConfig(AppConfig):
    """Wires the pure fact checker into Django and the Wagtail admin."""

    name = "factcheck"
    verbose_name = "Fact checker"

    def ready(self):
        from .panels import add_findings_panel

        add_findings_panel()
