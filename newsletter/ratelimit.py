"""Fixed-window rate limits kept in the cache (Redis in production), shared by every process."""

import hashlib
import time

from django.core.cache import cache


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
