"""WSGI entry point for gunicorn."""

import os

from django.core.checks import run_checks
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clio.settings.production")

from core.pagecache import PageCacheApplication  # noqa: E402 (needs the settings module)

application = PageCacheApplication(get_wsgi_application())

# gunicorn runs no system checks: stop here with a clear message rather than a 500 on every page.
if problems := run_checks(tags=["static_manifest"], include_deployment_checks=True):
    raise ImproperlyConfigured("\n".join(f"{p.msg} {p.hint}" for p in problems))
