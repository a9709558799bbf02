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

# While the tests load the course, tasks are held back: every save indexing itself at once is
# most of a load; the tests build the search index in bulk afterwards (update_index).
if os.environ.get("CLIO_HOLD_TASKS"):  # noqa: F405 (os comes with base)
    TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": ["default", "mail"],
        }
    }
