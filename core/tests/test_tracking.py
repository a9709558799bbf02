"""The content version kept in each process and told of every change by Redis itself."""

import uuid

import pytest
import redis

from core.tracking import TrackedKey

URL = "redis://127.0.0.1:6379/15"


@pytest.fixture
def server():
    client = redis.Redis.from_url(URL)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379 (CI starts one)")
    key = f"clio-test:{uuid.uuid4()}"
    yield client, key
    client.delete(key)


def test_every_process_sees_a_change_on_its_next_read(server):
    client, key = server
    readers = [TrackedKey(URL, key), TrackedKey(URL, key)]  # as two processes would hold
    assert [reader.get() for reader in readers] == [None, None]
    client.set(key, 41)
    assert [reader.get() for reader in readers] == [41, 41]
    client.incr(key)
    assert [reader.get() for reader in readers] == [42, 42]
    assert readers[0].get() == 42  # and read again without a change, it stays


def test_a_flushed_database_or_a_lost_connection_is_never_read_as_the_old_value(server):
    client, key = server
    reader = TrackedKey(URL, key)
    client.set(key, 7)
    assert reader.get() == 7
    client.flushdb()
    assert reader.get() is None
    client.set(key, 8)
    assert reader.get() == 8
    reader.connection.send_command("CLIENT", "ID")
    client.client_kill_filter(_id=reader.connection.read_response())
    client.set(key, 9)  # an invalidation the killed connection never gets
    assert reader.get() == 9
