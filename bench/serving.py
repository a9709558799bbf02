"""make bench, part two: requests per second, p50 and p99 for four page types, four ways.

(a) gunicorn rendering every request (no page cache), (b) gunicorn answering from the page cache,
(c) the shipped nginx proxy_cache (deploy/nginx.conf) in front of (b), (d) nginx serving the same
HTML saved as files: the limit. Each run is BENCH_SECONDS (default 5) of wrk, after 2 s of warming up, on 127.0.0.1 with
BENCH_CONNECTIONS (default 16) connections; the cache is Redis when REDIS_URL is set.
"""

import os
import re
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.servers import BASE_PORT, gunicorn, proxy_cache, static_files  # noqa: E402

PAGES = {
    "article": "/russian-soviet-history/leon-trotsky/",
    "course": "/russian-soviet-history/",
    "person": "/people/leon-trotsky/",
    "timeline": "/timeline/",
}
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
WARM_UP_SECONDS = 2
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read(), response.headers


def wrk(url):
    """(requests/s, p50 ms, p99 ms, errors) for one bounded wrk run, after a short one that
    warms every server process (each pays for its templates and caches once, ~0.6 s: in a
    5-second run that is a third of the time, not the steady state a reader meets)."""

    def run(seconds):
        return subprocess.run(
            [
                "wrk",
                "-t2",
                f"-c{CONNECTIONS}",
                f"-d{seconds}s",
                "--timeout",
                "10s",
                "--latency",
                url,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    run(WARM_UP_SECONDS)
    out = run(SECONDS)
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    errors += int((re.search(r"Non-2xx or 3xx responses: (\d+)", out) or [0, 0])[1])
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def percentile(p):
        value, unit = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * UNITS[unit]

    return rps, percentile(50), percentile(99), errors


def main():
    if not shutil.which("wrk") or not Path("/usr/sbin/nginx").exists():
        sys.exit("wrk and nginx are needed: make nginx")
    results = {name: {} for name in PAGES}
    a, b, c, d, purge = (BASE_PORT + n for n in range(5))
    print(f"serving: wrk, {SECONDS} s a run, {CONNECTIONS} connections, 127.0.0.1", flush=True)
    with gunicorn(a, page_cache=False) as uncached:
        for name, path in PAGES.items():
            results[name]["a"] = wrk(uncached + path)
            print(f"  (a) {name} done", flush=True)
    with gunicorn(b, purge_url=f"http://127.0.0.1:{purge}") as cached:
        saved = {}
        for name, path in PAGES.items():
            saved[path], _ = fetch(cached + path)
            headers = fetch(cached + path)[1]
            assert headers["X-Page-Cache"] == "hit", (path, headers["X-Page-Cache"])
            results[name]["b"] = wrk(cached + path)
            print(f"  (b) {name} done", flush=True)
        with proxy_cache(c, f"127.0.0.1:{b}", purge) as proxy:
            for name, path in PAGES.items():
                fetch(proxy + path)
                assert fetch(proxy + path)[1]["X-Proxy-Cache"] == "HIT", path
                results[name]["c"] = wrk(proxy + path)
                print(f"  (c) {name} done", flush=True)
    with static_files(d, saved) as files:
        for name, path in PAGES.items():
            results[name]["d"] = wrk(files + path)
            print(f"  (d) {name} done", flush=True)
    table(results)


def table(results):
    ways = {
        "a": "(a) gunicorn, no page cache",
        "b": "(b) gunicorn, page cache",
        "c": "(c) nginx proxy_cache",
        "d": "(d) nginx, static file",
    }
    print(f"\n{'page':<9} {'way':<29} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for name, row in results.items():
        for way, label in ways.items():
            rps, p50, p99, errors = row[way]
            print(f"{name:<9} {label:<29} {rps:>9,.0f} {p50:>8.2f} {p99:>8.2f} {errors:>7}")
        limit = row["d"][0]
        print(
            f"{'':<9} {'ratios':<29} (b)/(d) {row['b'][0] / limit:.2f}   (c)/(d) {row['c'][0] / limit:.2f}"
        )
    print(f"\nload average while running: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
