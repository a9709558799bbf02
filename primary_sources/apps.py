from django.apps import AppConfig


class PrimarySourcesConfig(AppConfig):
    name = "primary_sources"
    verbose_name = "Primary sources"
