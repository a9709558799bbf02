# Clio: `make run` serves the course on http://127.0.0.1:$(PORT); `make test` runs every test.
PORT ?= 8000
PACK ?= content/russian-soviet-history
UV := $(shell command -v uv 2>/dev/null || echo "$(HOME)/.local/bin/uv")
PY := .venv/bin/python
MANAGE := $(PY) manage.py

.PHONY: run test setup uv browser validator bench figures clean

uv:
	@command -v uv >/dev/null 2>&1 || test -x "$(HOME)/.local/bin/uv" || python3 -m pip install --user --quiet uv

setup: uv
	$(UV) sync --frozen
	@mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) load_course $(PACK)
	$(MANAGE) db_worker --batch --no-startup-delay > /dev/null  # build the search index now

run: setup
	$(MANAGE) collectstatic --noinput -v0
	@echo ""
	@echo "Clio is starting on http://127.0.0.1:$(PORT)/  (course: http://127.0.0.1:$(PORT)/russian-soviet-history/)"
	@echo "Create an editor account with:  .venv/bin/python manage.py createsuperuser   then sign in at /admin/"
	@echo "Emails are printed in this terminal (console backend) unless EMAIL_HOST is set."
	@echo ""
	export SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)}; \
	$(MANAGE) db_worker & WORKER=$$!; trap "kill $$WORKER 2>/dev/null" EXIT INT TERM; \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

browser:
	@test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

VNU_VERSION := 26.9.27

validator:
	@test -f var/tools/node_modules/vnu-jar/build/dist/vnu.jar || npm install --prefix var/tools --no-audit --no-fund --silent vnu-jar@$(VNU_VERSION)
	@command -v java >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null)

test: uv browser validator
	$(UV) sync --frozen
	$(PY) -m ruff check .
	DJANGO_SETTINGS_MODULE=clio.settings.test $(MANAGE) makemigrations --check --dry-run
	SECRET_KEY=$$($(PY) -c "import secrets; print(secrets.token_urlsafe(50))") ALLOWED_HOSTS=clio.example DJANGO_SETTINGS_MODULE=clio.settings.production $(MANAGE) check --deploy --fail-level WARNING
	$(PY) -m pytest -q

bench: setup
	$(MANAGE) collectstatic --noinput -v0
	$(PY) bench/run.py
	$(PY) bench/newsletter_send.py 100000
	$(PY) bench/factcheck_speed.py
	$(PY) bench/search.py  # PostgreSQL: BENCH_DATABASE_URL (a throwaway database)

figures:
	$(PY) $(PACK)/figures/make_figures.py

clean:
	rm -rf var .venv
