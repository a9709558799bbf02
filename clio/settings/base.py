"""Settings shared by every environment; each value that differs between machines comes from the environment."""

import os
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = BASE_DIR / "var"


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    "core",
    "courses",
    "chronology",
    "quizzes",
    "factcheck",
    "newsletter",
    "search",
    "api",
    "primary_sources",  # issue 14: the primary-source collection under /sources/
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_filters",
    "drf_spectacular",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "core.pagecache.PageCacheMiddleware",  # first: a kept copy holds every header the rest add
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.csrf.OriginCsrfMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.serving.SiteMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "clio.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "clio.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the task worker write while the site reads; NORMAL sync makes each commit cheap.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# A reader's progress lives in a signed cookie: no server state, no personal data stored.
SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
SESSION_COOKIE_HTTPONLY = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Clio <newsletter@localhost>")

WAGTAIL_SITE_NAME = "Clio"
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# Search: Wagtail's database backend (SQLite FTS5, or PostgreSQL full-text search with English
# stemming and pg_trgm), or OpenSearch when OPENSEARCH_URL is set (the scale path: docs/search.md).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backend",
        "SEARCH_CONFIG": "english",
        # pg_trgm's own word_similarity_threshold, for which its trigram indexes answer
        "FUZZY_SIMILARITY_THRESHOLD": 0.6,
    }
}
if os.environ.get("OPENSEARCH_URL"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.opensearch3",
            "URLS": env_list("OPENSEARCH_URL"),
            "INDEX": os.environ.get("OPENSEARCH_INDEX", "clio"),
            "TIMEOUT": 5,
        }
    }
WAGTAILIMAGES_IMAGE_MODEL = "core.CustomImage"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp", "svg"]
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "txt", "zip"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAIL_I18N_ENABLED = False

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
NEWSLETTER_RATE = float(os.environ.get("NEWSLETTER_RATE", "20"))  # emails per second
NEWSLETTER_RETRY_BASE_SECONDS = 60

# --- Hardening (issue 15): login lockout, CSP and Permissions-Policy, proxies, the mail queue ---
INSTALLED_APPS += ["axes"]
# Emails go on a queue of their own, at a high priority, so they never wait behind a backlog.
TASKS["default"]["QUEUES"] = ["default", "mail"]
# CSP and Permissions-Policy headers on every response, NUL bytes refused before any view;
# axes must come last (it answers lockouts).
MIDDLEWARE.insert(2, "core.security.ContentSecurityPolicyMiddleware")
MIDDLEWARE.insert(3, "django_permissions_policy.PermissionsPolicyMiddleware")
MIDDLEWARE.insert(4, "core.security.RefuseNulBytesMiddleware")
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5  # wrong passwords from one address before its lockout
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "newsletter.ratelimit.client_address"
# The request header a trusted reverse proxy puts the reader's address in (e.g. X-Forwarded-For);
# empty: no proxy, REMOTE_ADDR is the reader. Never set it without such a proxy: anyone could forge it.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")
# Public pages: scripts and styles only from our own static files, nothing inline. Images also
# from MEDIA_ORIGINS (e.g. https://media.example.org) when media live on a CDN or object store.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *env_list("MEDIA_ORIGINS")],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The Wagtail admin (its own pages and previews) needs inline styles and scripts of its own.
CONTENT_SECURITY_POLICY_ADMIN = {
    "PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],  # the page editor's StreamField set-up
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # the admin asks no third party for editors' pictures
WAGTAIL_ENABLE_UPDATE_CHECK = False  # nor for Wagtail's latest version
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}
# Serving at speed (issue 11). The whole-page cache (core.pagecache) keeps pages under the content
# version, which any change to a model of CONTENT_MODELS bumps (courses.signals).
PAGE_CACHE = os.environ.get("PAGE_CACHE", "1") == "1"
PAGE_CACHE_SECONDS = 24 * 3600  # old versions' copies expire; a change never waits for this
PAGE_CACHE_PROXY_SECONDS = int(os.environ.get("PAGE_CACHE_PROXY_SECONDS", "10"))
PAGE_CACHE_SKIP_PATHS = ["/admin/", "/django-admin/", "/newsletter/", "/progress/"]
CONTENT_MODELS = [
    "core",
    "courses",
    "chronology",
    "quizzes",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.Site",
]
# core.csrf.OriginCsrfMiddleware is Django's CsrfViewMiddleware, deciding first from the
# Sec-Fetch-Site and Origin headers; the check only looks for Django's own dotted path.
SILENCED_SYSTEM_CHECKS = ["security.W003"]
# A proxy in front (deploy/nginx.conf, a CDN) is purged over HTTP when pages change.
FRONTEND_CACHE_PURGE_URL = os.environ.get("FRONTEND_CACHE_PURGE_URL", "")
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
# The open web (issue 13): the read-only JSON API, its OpenAPI 3.1 document, and CORS for GET on
# the API and the timeline exports, so other sites and teachers' tools can read the course.
REST_FRAMEWORK = {"DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema"}
SPECTACULAR_SETTINGS = {
    "TITLE": "Clio API",
    "DESCRIPTION": "The course's history data, read-only. Text licensed under CC BY 4.0.",
    "VERSION": "1",
    "OAS_VERSION": "3.1.0",
    "LICENSE": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
    "SERVE_INCLUDE_SCHEMA": False,
    # Its deploy check documents every DRF view, Wagtail's API too; api/tests checks ours.
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.document_errors",
    ],
}
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_URLS_REGEX = r"^/(api/.*|timeline\.(json|csv|ics))$"
