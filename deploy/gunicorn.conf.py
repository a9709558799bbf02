"""gunicorn for `make serve` and `make bench`: two workers per core plus one, on 127.0.0.1:PORT.

Threaded workers keep connections alive (a sync worker closes each one), which roughly doubles
what a worker answers from the page cache; rendering is CPU-bound, so a few threads suffice.
"""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "gthread"
threads = int(os.environ.get("WEB_THREADS", "4"))
keepalive = 5  # seconds an idle connection stays open
preload_app = True  # import Django once, then fork
accesslog = os.environ.get("ACCESS_LOG") or None
