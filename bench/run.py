"""make bench: how fast Clio serves the course, and how much an article weighs.

Prints, for each page type: render time without any cache (median of many renders, in process),
SQL queries, and HTML size; the article's weight with its CSS and JS; then requests per second
from gunicorn (2 workers) beside nginx serving the same HTML from a file, when wrk and nginx are
installed. Speed is measured here, never asserted in tests.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clio.settings.dev")
os.environ.setdefault("SECRET_KEY", "bench-only")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402

PAGES = {
    "home": "/",
    "course": "/russian-soviet-history/",
    "article": "/russian-soviet-history/leon-trotsky/",
    "person": "/people/leon-trotsky/",
    "timeline": "/timeline/",
    "search": "/search/?q=Trotsky",
}


def render_times(client, url, runs=60):
    times = []
    for _ in range(runs):
        cache.clear()
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times)


def main():
    settings.DEBUG = True  # to count queries
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client()
    print(f"{'page':<10} {'median ms (no cache)':>21} {'queries':>8} {'HTML bytes':>11}")
    for name, url in PAGES.items():
        client.get(url)
        reset_queries()
        cache.clear()
        html = client.get(url).content
        queries = len(connection.queries)
        print(f"{name:<10} {render_times(client, url):>21.1f} {queries:>8} {len(html):>11,}")
    settings.DEBUG = False
    article = client.get(PAGES["article"]).content
    assets = sum(
        Path(finders.find(p)).stat().st_size for p in ("clio/css/clio.css", "quizzes/quiz.js")
    )
    print(
        f"\narticle weight: HTML {len(article):,} B + CSS/JS {assets:,} B = {len(article) + assets:,} B (budget 61,440 B)"
    )
    throughput(article)


def throughput(article_html):
    wrk = subprocess.run(["which", "wrk"], capture_output=True, text=True).stdout.strip()
    if not wrk:
        print("\nwrk is not installed (apt-get install wrk nginx): skipping requests per second.")
        return
    port = 8765
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "clio.settings.bench"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "clio.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(3)
    try:
        print("\nrequests per second, 10 s, 4 connections:")
        article_url = f"http://127.0.0.1:{port}{PAGES['article']}"
        print(f"  gunicorn, 2 workers, article, no page cache: {wrk_rps(wrk, article_url)}")
    finally:
        server.terminate()
    nginx = subprocess.run(["which", "nginx"], capture_output=True, text=True).stdout.strip()
    if nginx:
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / "index.html").write_bytes(article_html)
            conf = Path(folder) / "nginx.conf"
            conf.write_text(
                f"daemon off; pid {folder}/nginx.pid; error_log {folder}/error.log; worker_processes 2;"
                f"events {{}} http {{ access_log off; server {{ listen 127.0.0.1:{port + 1}; root {folder}; }} }}"
            )
            web = subprocess.Popen(
                [nginx, "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            time.sleep(1)
            try:
                print(
                    f"  nginx, the same HTML as a file:              {wrk_rps(wrk, f'http://127.0.0.1:{port + 1}/index.html')}"
                )
            finally:
                web.terminate()


def wrk_rps(wrk, url):
    out = subprocess.run([wrk, "-t2", "-c4", "-d10s", url], capture_output=True, text=True).stdout
    line = next(
        (line for line in out.splitlines() if line.startswith("Requests/sec")), "Requests/sec: ?"
    )
    return line.split(":", 1)[1].strip()


if __name__ == "__main__":
    main()
