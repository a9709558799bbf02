"""200 readers for 60 s through the shipped nginx and the page cache, while an editor publishes.

Readers without progress ask, one request after another, for a mix of pages; half-way through,
an editor publishes a new standfirst on the Trotsky article (and puts the old one back at the
end). Reports errors, requests per second and p50/p99, and checks that every request for the
Trotsky article sent after the publish returned got the new version. Exit status 1 otherwise.
Run by `make load-test`, not by `make test`. READERS and LOAD_SECONDS change the size.
"""

import asyncio
import os
import random
import secrets
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.servers import BASE_PORT, gunicorn, proxy_cache  # noqa: E402

READERS = int(os.environ.get("READERS", "200"))
SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
TROTSKY = "/russian-soviet-history/leon-trotsky/"
MIX = [
    TROTSKY,
    TROTSKY,
    "/",
    "/russian-soviet-history/",
    "/russian-soviet-history/lenin-and-the-bolshevik-revolution/",
    "/people/leon-trotsky/",
    "/people/vladimir-lenin/",
    "/timeline/",
    "/timeline/?person=leon-trotsky",
    "/glossary/",
]


async def get(reader, writer, path):
    """One GET on a kept-alive connection: (status, body)."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    await writer.drain()
    status = int((await reader.readline()).split()[1])
    headers = {}
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode().partition(":")
        headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        return status, await reader.readexactly(int(headers["content-length"]))
    body = b""
    while size := int((await reader.readline()).strip(), 16):  # chunked
        body += await reader.readexactly(size)
        await reader.readline()
    await reader.readline()
    return status, body


async def reader_loop(port, stop_at, log, errors):
    connection = None
    while time.monotonic() < stop_at:
        path = random.choice(MIX)
        sent = time.monotonic()
        try:
            if connection is None:
                connection = await asyncio.open_connection("127.0.0.1", port)
            try:
                status, body = await get(*connection, path)
            except (IndexError, ConnectionResetError):  # the server closed an idle connection
                connection = await asyncio.open_connection("127.0.0.1", port)
                status, body = await get(*connection, path)
            if status != 200:
                errors.append(f"{status} {path}")
            log.append((sent, time.monotonic() - sent, path, body))
        except (OSError, ValueError, IndexError, asyncio.IncompleteReadError) as error:
            errors.append(f"{type(error).__name__} {path}")
            connection = None


def publish_standfirst(text):
    from courses.models import ArticlePage

    page = ArticlePage.objects.get(slug="leon-trotsky")
    old = page.standfirst
    page.standfirst = text
    page.save_revision().publish()
    return old


async def run(port):
    started = time.monotonic()
    stop_at = started + SECONDS
    log, errors = [], []
    readers = [asyncio.create_task(reader_loop(port, stop_at, log, errors)) for _ in range(READERS)]
    await asyncio.sleep(SECONDS / 2)
    marker = f"Revised during the load test ({secrets.token_hex(4)})."
    original = await asyncio.to_thread(publish_standfirst, marker)
    published = time.monotonic()
    print(f"  the editor published at {published - started:.1f} s", flush=True)
    await asyncio.gather(*readers)
    await asyncio.to_thread(publish_standfirst, original)
    return log, errors, marker.encode(), published


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clio.settings.bench")
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    proxy_port, purge_port = BASE_PORT + 2, BASE_PORT + 4
    os.environ["FRONTEND_CACHE_PURGE_URL"] = f"http://127.0.0.1:{purge_port}"
    import django

    django.setup()
    print(f"load test: {READERS} readers for {SECONDS} s through nginx and the page cache")
    with gunicorn(BASE_PORT + 1, purge_url=os.environ["FRONTEND_CACHE_PURGE_URL"]) as upstream:
        with proxy_cache(proxy_port, upstream.removeprefix("http://"), purge_port):
            log, errors, marker, published = asyncio.run(run(proxy_port))
    times = sorted(duration * 1000 for _, duration, _, _ in log)
    after = [body for sent, _, path, body in log if path == TROTSKY and sent > published]
    stale = sum(marker not in body for body in after)
    print(f"  requests: {len(log):,} ({len(log) / SECONDS:,.0f}/s), errors: {len(errors)}")
    print(
        f"  latency: p50 {statistics.median(times):.1f} ms, p99 {times[int(len(times) * 0.99)]:.1f} ms"
    )
    print(
        f"  Trotsky article after the publish: {len(after):,} requests, {stale} of the old version"
    )
    if errors:
        print("  first errors:", errors[:5])
    sys.exit(1 if errors or stale or not after else 0)


if __name__ == "__main__":
    main()
