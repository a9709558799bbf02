"""One Redis key kept in the process and refreshed the moment any process changes it.

The connection turns on Redis's server-assisted client tracking (RESP3 `CLIENT TRACKING ON`):
once it has read the key, Redis pushes an invalidation down the same connection when the key
changes or the database is flushed. A read then costs a look at the socket for such a message,
not a round trip (~100 µs here): that is most of what a page-cache hit costs. redis-py's own
client-side cache needs Redis 7.4; Debian's is 7.0, and tracking itself dates from 6.0.
"""

import os
import threading

import redis
from redis._parsers import _RESP3Parser

UNREAD = object()


class TrackedKey:
    """`get()` gives the key's value as `decode` makes it (None while it is unset)."""

    def __init__(self, url, key, decode=int):
        self.url, self.key, self.decode = url, key, decode
        self.lock = threading.Lock()  # gunicorn's threaded workers share one connection
        self.connection = None
        self.pid = None
        self.value = UNREAD

    def get(self):
        with self.lock:
            for attempt in (1, 2):  # a connection the server closed is opened once more
                try:
                    return self._read()
                except (redis.RedisError, OSError):
                    self._drop()  # a lost connection may have lost invalidations too
                    if attempt == 2:
                        raise

    def _read(self):
        connection = self._connected()
        while connection.can_read():  # an invalidation (or anything else) since the last read
            connection.read_response(push_request=True)
            self.value = UNREAD
        if self.value is UNREAD:
            connection.send_command("GET", self.key)
            raw = connection.read_response()
            self.value = None if raw is None else self.decode(raw)
        return self.value

    def _connected(self):
        if self.connection is None or self.pid != os.getpid():  # never a socket from before fork
            options = redis.connection.parse_url(self.url)
            kind = options.pop("connection_class", redis.Connection)
            connection = kind(**options, protocol=3, parser_class=_RESP3Parser)
            connection.connect()
            connection.send_command("CLIENT", "TRACKING", "ON")
            connection.read_response()
            self.connection, self.pid, self.value = connection, os.getpid(), UNREAD
        return self.connection

    def _drop(self):
        if self.connection is not None and self.pid == os.getpid():
            self.connection.disconnect()
        self.connection, self.value = None, UNREAD
