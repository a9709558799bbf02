"""gunicorn for `make serve` and `make bench`: two workers per core plus one, on 127.0.0.1:PORT."""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
preload_app = True  # import Django once, then fork
accesslog = os.environ.get("ACCESS_LOG") or None
