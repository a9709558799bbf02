"""Browser tests: a real server (runserver over a fresh database with the course loaded) and
Chromium. The database is a new SQLite file, or a new PostgreSQL database on the server of
DATABASE_URL when the tests run on PostgreSQL."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


EDITOR = ("editor", "a-long-test-password-1917")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres(url, *statements):
    import psycopg

    with psycopg.connect(url, dbname="postgres", autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


def fresh_database(folder):
    """The URL of an empty database for the site, of the kind the tests run on."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return f"sqlite:///{folder / 'db.sqlite3'}"
    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/') or 'clio'}_e2e"
    postgres(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}"))


@pytest.fixture(scope="session")
def site_url(tmp_path_factory):
    """The course served by a real server process, as a reader would reach it."""
    folder = tmp_path_factory.mktemp("e2e-site")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "clio.settings.e2e",
        "DATABASE_URL": fresh_database(folder),
        "MEDIA_ROOT": str(folder / "media"),
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run(
        [*manage, "load_course", str(ROOT / "content" / "russian-soviet-history")],
        env={**env, "CLIO_HOLD_TASKS": "1"},
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    subprocess.run([*manage, "update_index", "-v0"], env=env, check=True, cwd=ROOT)
    editor = {
        **env,
        "DJANGO_SUPERUSER_PASSWORD": EDITOR[1],
        "DJANGO_SUPERUSER_EMAIL": "editor@example.org",
    }
    subprocess.run(
        [*manage, "createsuperuser", "--noinput", "--username", EDITOR[0]],
        env=editor,
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    port = int(os.environ.get("E2E_PORT") or free_port())  # a fixed one where ports are shared
    server = subprocess.Popen(
        [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):  # a minute or more: a busy machine starts the server slowly
        try:
            urllib.request.urlopen(url + "/", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    yield url
    server.terminate()
    server.wait(timeout=10)
    if env["DATABASE_URL"].startswith("postgres"):
        name = urlsplit(env["DATABASE_URL"]).path.lstrip("/")
        postgres(env["DATABASE_URL"], f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def page_without_js(browser):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    yield tab
    context.close()


def sign_in_to_admin(tab, site_url):
    """Sign in to the Wagtail admin as the editor the site was made with."""
    tab.goto(site_url + "/admin/login/")
    tab.get_by_label("Username").fill(EDITOR[0])
    tab.get_by_label("Password").fill(EDITOR[1])
    tab.get_by_role("button", name="Sign in").click()


def axe_violations(tab):
    """Run axe-core (the copy shipped in axe-playwright-python) in the page; return its violations."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(tab)
    return [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
    ]
