"""The servers the serving benchmark and the load test start: gunicorn and the shipped nginx.

Everything listens on 127.0.0.1, on ports from BENCH_PORT (default 8765) upwards, and is stopped
by the context managers however the run ends.
"""

import contextlib
import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE_PORT = int(os.environ.get("BENCH_PORT", "8765"))
NGINX = "/usr/sbin/nginx"


def stop(process):
    """Ask a server to stop; make it stop if it is still busy after a few seconds."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def wait_for(url, seconds=180):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


@contextlib.contextmanager
def gunicorn(port, page_cache=True, purge_url=""):
    """Clio under gunicorn with the benchmark settings (production, plain HTTP)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "clio.settings.bench",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "PAGE_CACHE": "1" if page_cache else "0",
        "FRONTEND_CACHE_PURGE_URL": purge_url,
        "PORT": str(port),
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "clio.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/")
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(server)


@contextlib.contextmanager
def nginx(config):
    """nginx with `config` (a whole nginx.conf) in a scratch prefix folder."""
    with tempfile.TemporaryDirectory() as prefix:
        Path(prefix).chmod(0o755)  # nginx's workers run as another user
        (Path(prefix) / "nginx.conf").write_text(config)
        web = subprocess.Popen(
            [NGINX, "-p", prefix, "-c", "nginx.conf", "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            yield prefix
        finally:
            stop(web)


@contextlib.contextmanager
def proxy_cache(port, upstream, purge_port):
    """The shipped deploy/nginx.conf on `port` in front of `upstream`, purged on `purge_port`."""
    config = (ROOT / "deploy" / "nginx.conf").read_text()
    for token, value in {
        "@LISTEN@": f"127.0.0.1:{port}",
        "@UPSTREAM@": upstream,
        "@PURGE_LISTEN@": f"127.0.0.1:{purge_port}",
    }.items():
        config = config.replace(token, value)
    with nginx(config):
        wait_for(f"http://127.0.0.1:{port}/")
        yield f"http://127.0.0.1:{port}"


@contextlib.contextmanager
def static_files(port, files):
    """nginx serving `files` ({path: bytes}) from disk, configured like deploy/nginx.conf."""
    with tempfile.TemporaryDirectory() as root:
        Path(root).chmod(0o755)
        for path, content in files.items():
            target = Path(root) / path.strip("/") / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        config = (
            "worker_processes auto; pid nginx.pid; error_log error.log warn;"
            " events { worker_connections 1024; }"
            " http { access_log off; include /etc/nginx/mime.types; sendfile on; tcp_nopush off;"
            f" server {{ listen 127.0.0.1:{port}; root {root}; }} }}"
        )
        with nginx(config):
            wait_for(f"http://127.0.0.1:{port}{next(iter(files))}")
            yield f"http://127.0.0.1:{port}"
