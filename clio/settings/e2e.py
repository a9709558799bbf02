"""The server that browser tests drive: production-like (DEBUG off), but plain HTTP on localhost."""

from .base import *  # noqa: F403

SECRET_KEY = "e2e-only-not-secret"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "mail"],
    }
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
