"""What an attacker probing the site finds: no open redirect, a locked admin login, one admin,
security headers on every page, and a clear start-up error instead of a 500 on every page."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.checks import run_checks
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/", "/\\evil.example/", "javascript:alert(1)"],
)
def test_clearing_progress_never_sends_the_reader_to_another_site(client, target):
    response = client.post("/progress/clear/", {"next": target})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_clearing_progress_goes_back_to_the_page_it_came_from(client):
    response = client.post("/progress/clear/", {"next": "/russian-soviet-history/"})
    assert response["Location"] == "/russian-soviet-history/"


def sign_in(client, password):
    return client.post("/admin/login/", {"username": "editor", "password": password})


def test_the_admin_login_locks_out_after_five_wrong_passwords(client):
    User.objects.create_superuser("editor", "editor@example.org", "a-long-password-1917")
    statuses = [sign_in(client, f"guess-{n}").status_code for n in range(5)]
    assert statuses == [200] * 4 + [429]  # the form again with its error, then the lockout
    locked = sign_in(client, "a-long-password-1917")  # even the right password now
    assert locked.status_code == 429
    assert b"locked" in locked.content.lower()
    assert "_auth_user_id" not in client.session


def test_a_right_password_before_the_limit_signs_in(client):
    User.objects.create_superuser("editor", "editor@example.org", "a-long-password-1917")
    for n in range(3):
        sign_in(client, f"guess-{n}")
    assert sign_in(client, "a-long-password-1917").status_code == 302
    assert client.session["_auth_user_id"]


def test_there_is_no_second_admin(client):
    assert client.get("/django-admin/").status_code == 404
    assert client.get("/django-admin/login/").status_code == 404


def test_public_pages_forbid_inline_scripts_and_styles(client, loaded_mini):
    response = client.get("/")
    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_the_admin_has_its_own_looser_policy(client):
    admin_policy = client.get("/admin/login/")["Content-Security-Policy"]
    public_policy = client.get("/search/")["Content-Security-Policy"]
    assert "'unsafe-inline'" in admin_policy
    assert "'unsafe-inline'" not in public_policy


def test_a_missing_static_manifest_is_a_clear_start_up_error(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.DEBUG = False
    errors = [problem.id for problem in run_checks(include_deployment_checks=True)]
    assert "clio.E001" in errors
    call_command("collectstatic", "--noinput", verbosity=0)
    errors = [problem.id for problem in run_checks(include_deployment_checks=True)]
    assert "clio.E001" not in errors


ROOT = Path(__file__).resolve().parents[2]
APPS = ["clio", "core", "courses", "chronology", "quizzes", "newsletter", "factcheck", "search"]
INLINE = re.compile(
    r"<style\b|\sstyle=|\son[a-z]+=|<script\b(?![^>]*\bsrc=)(?![^>]*application/ld\+json)", re.I
)


def test_no_page_template_has_inline_script_or_style():
    """The policy blocks them: scripts and styles live in static files (emails and PDF sources are not pages)."""
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for app in APPS
        for path in sorted((ROOT / app / "templates").rglob("*.html"))
        if "/email/" not in str(path) and "/pdf/" not in str(path)  # not served as pages
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if INLINE.search(line)
    ]
    assert found == []


def test_gunicorn_refuses_to_start_without_collected_static_files(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "clio.settings.production",
        "SECRET_KEY": "a-test-secret-that-is-long-enough-for-the-check",
        "STATIC_ROOT": str(tmp_path / "static"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    started = subprocess.run(
        [sys.executable, "-c", "import clio.wsgi"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert started.returncode != 0
    assert "collectstatic" in started.stderr and "clio.E001" not in started.stdout


@pytest.mark.parametrize(
    "method, url, data",
    [
        ("get", "/timeline/", {"person": "leon\x00trotsky"}),
        ("get", "/api/v2/pages/", {"locale": "en\x00"}),
        ("post", "/admin/login/", {"username": "editor\x00", "password": "x"}),
        ("post", "/newsletter/", {"email": "a@example.org", "name": "A\x00", "consent": "on"}),
    ],
)
def test_a_nul_byte_anywhere_in_a_request_is_a_bad_request(client, method, url, data):
    assert getattr(client, method)(url, data).status_code == 400
