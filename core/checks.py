"""System checks that stop a misconfigured site at start-up instead of failing on every page."""

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core.checks import Error, register
from django.core.files.storage import storages

STATIC_MANIFEST = (
    "static_manifest"  # the tag clio/wsgi.py runs; not "staticfiles", which collectstatic runs
)


@register(STATIC_MANIFEST, deploy=True)
def static_manifest_collected(app_configs=None, **kwargs):
    """With hashed static file names and DEBUG off, every page needs the manifest that
    collectstatic writes. A deployment check: `check --deploy` and clio/wsgi.py run it."""
    storage = storages["staticfiles"]
    if (
        settings.DEBUG
        or not isinstance(storage, ManifestFilesMixin)
        or storage.exists(storage.manifest_name)
    ):
        return []
    return [
        Error(
            f"No static files manifest in STATIC_ROOT ({settings.STATIC_ROOT}): every page would "
            "answer 500.",
            hint="Run `manage.py collectstatic --noinput` with the same STATIC_ROOT "
            "(set STATIC_ROOT in the environment to choose the folder).",
            id="clio.E001",
        )
    ]
