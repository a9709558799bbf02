"""Loading a pack: all or nothing, idempotent, and export then load changes nothing."""

import pytest
from django.core.management import CommandError, call_command

from chronology.models import Event, PersonPage
from courses.exporter import export_pack
from courses.loader import load_pack
from courses.models import ArticlePage
from courses.pack import read_pack


def database_state():
    return (
        sorted(ArticlePage.objects.values_list("slug", "title", "standfirst")),
        sorted(Event.objects.values_list("slug", "when", "when_old_style")),
        sorted(PersonPage.objects.values_list("slug", "born")),
    )


@pytest.mark.django_db
def test_load_creates_pages_and_data(mini_pack):
    report = load_pack(read_pack(mini_pack))
    assert report.counts["articles"]["created"] == 2
    trotsky = PersonPage.objects.get(slug="leon-trotsky")
    assert (trotsky.born, trotsky.born_old_style) == ("1879-11-07", True)
    assert Event.objects.get(slug="trotsky-dies").topics.count() == 2


@pytest.mark.django_db
def test_loading_twice_changes_nothing_and_says_so(mini_pack, capsys):
    call_command("load_course", str(mini_pack))
    before = database_state()
    call_command("load_course", str(mini_pack))
    output = capsys.readouterr().out
    assert "Nothing changed" in output
    assert "0 created     0 updated" in output
    assert database_state() == before


@pytest.mark.django_db
def test_a_changed_entry_is_updated_and_counted(loaded_mini):
    path = loaded_mini / "topics" / "second-topic.md"
    path.write_text(path.read_text().replace("The second article", "The revised second article"))
    report = load_pack(read_pack(loaded_mini))
    assert report.counts["articles"]["updated"] == 1
    assert ArticlePage.objects.get(slug="second-topic").standfirst.startswith("The revised")


@pytest.mark.django_db
def test_a_broken_pack_leaves_the_database_as_it_was(loaded_mini, capsys):
    before = database_state()
    path = loaded_mini / "topics" / "second-topic.md"
    path.write_text(path.read_text().replace("The second article", "Changed"))
    (loaded_mini / "places.yaml").write_text("- slug: yanovka\n  name: [broken\n")
    with pytest.raises(CommandError, match="nothing was loaded"):
        call_command("load_course", str(loaded_mini))
    assert "mini/places.yaml:" in capsys.readouterr().err
    assert database_state() == before


@pytest.mark.django_db
def test_a_failure_while_loading_rolls_everything_back(loaded_mini, monkeypatch):
    from courses import loader

    before = database_state()
    path = loaded_mini / "topics" / "second-topic.md"
    path.write_text(path.read_text().replace("The second article", "Changed"))

    def fail(self):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(loader.PackLoader, "load_events", fail)
    with pytest.raises(RuntimeError):
        load_pack(read_pack(loaded_mini))
    assert database_state() == before


@pytest.mark.django_db
def test_export_then_load_changes_nothing(loaded_mini, tmp_path):
    export_pack(tmp_path / "exported")
    report = load_pack(read_pack(tmp_path / "exported"))
    assert not report.changed, list(report.lines())
    # And exporting again writes the same files, byte for byte.
    export_pack(tmp_path / "again")
    for path in sorted((tmp_path / "exported").rglob("*.*")):
        assert (
            path.read_bytes()
            == (tmp_path / "again" / path.relative_to(tmp_path / "exported")).read_bytes()
        ), path
