# Clio: `make run` serves the course on http://127.0.0.1:$(PORT); `make test` runs every test.
PORT ?= 8000
PACK ?= content/russian-soviet-history
UV := $(shell command -v uv 2>/dev/null || echo "$(HOME)/.local/bin/uv")
PY := .venv/bin/python
MANAGE := $(PY) manage.py

.PHONY: run serve test check pytest setup uv browser validator nginx pdf bench load-test figures clean

uv:
	@command -v uv >/dev/null 2>&1 || test -x "$(HOME)/.local/bin/uv" || python3 -m pip install --user --quiet uv

# WeasyPrint (worksheets) typesets with Pango and embeds the DejaVu fonts.
pdf:
	@test -e /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf && ldconfig -p | grep -q libpangoft2-1.0.so.0 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null)

setup: uv pdf
	$(UV) sync --frozen
	@mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) load_course $(PACK)
	$(MANAGE) db_worker --queue-name=mail,default --batch --no-startup-delay > /dev/null  # build the search index now

run: setup
	$(MANAGE) collectstatic --noinput -v0
	@echo ""
	@echo "Clio is starting on http://127.0.0.1:$(PORT)/  (course: http://127.0.0.1:$(PORT)/russian-soviet-history/)"
	@echo "Create an editor account with:  .venv/bin/python manage.py createsuperuser   then sign in at /admin/"
	@echo "Emails are printed in this terminal (console backend) unless EMAIL_HOST is set."
	@echo ""
	export SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)}; \
	$(MANAGE) db_worker --queue-name=mail,default & WORKER=$$!; trap "kill $$WORKER 2>/dev/null" EXIT INT TERM; \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# Production settings under gunicorn (deploy/gunicorn.conf.py), with the task worker beside it.
# PostgreSQL and Redis when DATABASE_URL / REDIS_URL are set; SQLite and a cache on disk otherwise.
serve: setup
	@test -s var/secret_key || $(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key
	@export DJANGO_SETTINGS_MODULE=clio.settings.production SECRET_KEY=$${SECRET_KEY:-$$(cat var/secret_key)} \
	  SECURE_SSL_REDIRECT=$${SECURE_SSL_REDIRECT:-0} SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)} PORT=$(PORT); \
	$(MANAGE) collectstatic --noinput -v0 && \
	echo "Clio (production settings, gunicorn) on http://127.0.0.1:$(PORT)/" && \
	{ $(MANAGE) db_worker --queue-name=mail,default & WORKER=$$!; trap "kill $$WORKER 2>/dev/null" EXIT INT TERM; \
	  $(PY) -m gunicorn -c deploy/gunicorn.conf.py clio.wsgi; }

browser:
	@test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

VNU_VERSION := 26.9.27
# A GIFT parser, to check the quiz exports.
GIFT_PEGJS_VERSION := 1.0.2

validator:
	@test -f var/tools/node_modules/vnu-jar/build/dist/vnu.jar || npm install --prefix var/tools --no-audit --no-fund --silent vnu-jar@$(VNU_VERSION)
	@test -f var/tools/node_modules/gift-pegjs/package.json || npm install --prefix var/tools --no-audit --no-fund --silent gift-pegjs@$(GIFT_PEGJS_VERSION)
	@command -v java >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null)

# nginx with the cache purge module (deploy/nginx.conf) and wrk, for the benchmark.
nginx:
	@test -f /usr/lib/nginx/modules/ngx_http_cache_purge_module.so -a -x /usr/bin/wrk || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx libnginx-mod-http-cache-purge wrk >/dev/null)

test: check
	$(PY) -m pytest -q

# The tests alone, once `make check` has run (.ci/run runs them on both databases side by side).
pytest:
	$(PY) -m pytest -q

# Everything `make test` does before the tests: tools, lint, migrations, static files, deploy check.
check: uv browser validator nginx pdf
	$(UV) sync --frozen
	$(PY) -m ruff check .
	DJANGO_SETTINGS_MODULE=clio.settings.test $(MANAGE) makemigrations --check --dry-run
	$(MANAGE) collectstatic --noinput -v0  # production settings refuse to start without it
	SECRET_KEY=$$($(PY) -c "import secrets; print(secrets.token_urlsafe(50))") ALLOWED_HOSTS=clio.example DJANGO_SETTINGS_MODULE=clio.settings.production $(MANAGE) check --deploy --fail-level WARNING

bench: setup nginx
	$(MANAGE) collectstatic --noinput -v0
	$(PY) bench/run.py
	$(PY) bench/serving.py
	$(PY) bench/newsletter_send.py 100000
	$(PY) bench/factcheck_speed.py
	$(PY) bench/search.py  # PostgreSQL: BENCH_DATABASE_URL (a throwaway database)

load-test: setup nginx
	$(MANAGE) collectstatic --noinput -v0
	$(PY) bench/load_test.py

figures:
	$(PY) $(PACK)/figures/make_figures.py

clean:
	rm -rf var .venv
