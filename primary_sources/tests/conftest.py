"""A copy of the mini pack with a small source collection and a Debate section."""

import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def source_pack(mini_pack):
    """The mini pack, its first topic with two primary sources and a debate."""
    shutil.copytree(DATA / "primary-sources", mini_pack / "primary-sources")
    topic = mini_pack / "topics" / "first-topic.md"
    topic.write_text(topic.read_text() + (DATA / "debate.md").read_text())
    return mini_pack


@pytest.fixture
def loaded_sources(db, source_pack):
    from courses.loader import load_pack
    from courses.pack import read_pack

    load_pack(read_pack(source_pack))
    return source_pack
