"""Security headers and start-up checks that every page shares."""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.core.exceptions import BadRequest


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with one more policy: the Wagtail admin gets its own, looser one
    (settings.CONTENT_SECURITY_POLICY_ADMIN), the public pages the strict one."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        admin = getattr(settings, "CONTENT_SECURITY_POLICY_ADMIN", None)
        if (
            admin
            and not report_only
            and parts.config is None
            and request.path_info.startswith(tuple(admin["PREFIXES"]))
        ):
            return PolicyParts(
                default_config(admin["DIRECTIVES"]), parts.update, parts.replace, parts.nonce
            )
        return parts


class RefuseNulBytesMiddleware:
    """A NUL byte is never valid input, and PostgreSQL cannot even compare text with one: a
    request that carries one in its path, query or form is a 400, before any view sees it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        values = [request.path, *(v for _, vs in request.GET.lists() for v in vs)]
        if request.method == "POST":
            values += [v for _, vs in request.POST.lists() for v in vs]
        if any("\x00" in value for value in values):
            raise BadRequest("NUL bytes are not allowed in a request.")
        return self.get_response(request)
