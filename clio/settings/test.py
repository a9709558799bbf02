"""Tests: fast hashing, a private cache, tasks run inline."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
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
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
NEWSLETTER_RATE = 0  # tests measure behaviour, not pacing
PAGE_CACHE = False  # on only where a test asks for it (core/tests/test_pagecache.py)
