"""Security headers and start-up checks that every page shares."""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


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
