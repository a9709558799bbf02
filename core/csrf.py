"""CSRF protection that needs no per-reader token, so pages with forms can be cached for everyone.

A browser says where a request comes from: `Sec-Fetch-Site` (every current browser) and `Origin`
(sent with every form POST since 2020). A POST is accepted when those headers show it comes from
this site, and refused when they show another site, whatever token it carries (OWASP's "verifying
origin with standard headers" and "Fetch Metadata" defences). Only a client that sends neither
header falls back to Django's token check, so admin forms, which still carry a token, keep it.
"""

from django.middleware.csrf import REASON_BAD_ORIGIN, CsrfViewMiddleware

SAME_SITE = {"same-origin", "none"}  # "none": the reader typed or bookmarked it


class OriginCsrfMiddleware(CsrfViewMiddleware):
    """Django's CSRF middleware, deciding first from Sec-Fetch-Site, then from Origin."""

    def process_view(self, request, callback, callback_args, callback_kwargs):
        if (
            request.method in ("GET", "HEAD", "OPTIONS", "TRACE")
            or getattr(callback, "csrf_exempt", False)
            or getattr(request, "_dont_enforce_csrf_checks", False)
        ):
            return super().process_view(request, callback, callback_args, callback_kwargs)
        fetch_site = request.headers.get("Sec-Fetch-Site")
        if fetch_site in SAME_SITE:
            return self._accept(request)
        if fetch_site is not None:
            return self._reject(request, f"Sec-Fetch-Site is {fetch_site!r}.")
        if "Origin" in request.headers:
            if self._origin_verified(request):
                return self._accept(request)
            return self._reject(request, REASON_BAD_ORIGIN % request.headers["Origin"])
        return super().process_view(request, callback, callback_args, callback_kwargs)
