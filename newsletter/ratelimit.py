"""Fixed-window rate limits kept in the cache (Redis in production), shared by every process,
and the reader's address they key on."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache


def client_address(request):
    """The reader's IP address: from settings.CLIENT_IP_HEADER when a trusted proxy sets it (the
    last address there is the one the proxy saw), else the connection's own address."""
    header = getattr(settings, "CLIENT_IP_HEADER", "")
    if header:
        meta_key = "HTTP_" + header.upper().replace("-", "_")
        forwarded = [a.strip() for a in request.META.get(meta_key, "").split(",") if a.strip()]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR", "")


def allow(scope, key, limit, window):
    """True while `key` has made fewer than `limit` calls in the current `window` seconds."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    bucket = f"clio:rate:{scope}:{digest}:{int(time.time() // window)}"
    if cache.add(bucket, 1, timeout=window):
        return True
    try:
        return cache.incr(bucket) <= limit
    except ValueError:  # the bucket expired between add and incr
        cache.add(bucket, 1, timeout=window)
        return True


def retry_after(window):
    """Whole seconds until the current `window` ends and a limited key may try again."""
    return int(window - time.time() % window) + 1
